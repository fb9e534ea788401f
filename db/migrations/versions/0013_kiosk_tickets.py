"""Kiosk tickets: the account number the customer gave, and the green channel's reason

A ticket taken at the kiosk may carry the customer's account number (the visit starts
with it when a counter calls the ticket) and the reason a priority ticket goes ahead of
the others (elderly, disabled or pregnant: the green channel).  Both are empty on
tickets issued before this revision and on those a clerk issues.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("tickets") as batch:
        batch.add_column(sa.Column("account_no", sa.String(length=20), nullable=True))
        batch.add_column(
            sa.Column(
                "priority_reason",
                sa.Enum(
                    "elderly",
                    "disabled",
                    "pregnant",
                    name="priorityreason",
                    native_enum=False,
                    length=16,
                ),
                nullable=True,
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("tickets") as batch:
        batch.drop_column("priority_reason")
        batch.drop_column("account_no")
