"""record statement: the party's statement and commitments (约谈对象陈述及承诺) in the record

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04 12:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("interview_record") as batch:
        batch.add_column(sa.Column("party_statement", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("interview_record") as batch:
        batch.drop_column("party_statement")
