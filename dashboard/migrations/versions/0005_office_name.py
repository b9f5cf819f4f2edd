"""office name: an administrator's override of a jurisdiction's full office name

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04 12:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("jurisdiction") as batch:
        batch.add_column(sa.Column("office_name", sa.String(length=100), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("jurisdiction") as batch:
        batch.drop_column("office_name")
