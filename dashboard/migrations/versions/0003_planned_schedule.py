"""planned schedule: the interview's planned time and place (约谈方案 item 5, the notice)

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-05 10:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("interview_case") as batch:
        batch.add_column(sa.Column("planned_at", sa.DateTime(), nullable=True))
        batch.add_column(
            sa.Column("planned_place", sa.String(length=200), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("interview_case") as batch:
        batch.drop_column("planned_place")
        batch.drop_column("planned_at")
