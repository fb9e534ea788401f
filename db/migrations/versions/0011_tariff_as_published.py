"""The tariff as cities publish it: abolished fees and a household's uplift cap

A tariff item of the category ``abolished`` names the document that abolished it
(``abolished_by``, e.g. 国办函〔2020〕129号): the fee lookup shows it, nothing charges
it.  A tier band may cap the uplift for large households (``uplift_cap_m3``: at most
this much more a year, whatever the household's size).  Both tables are append-only;
adding a column keeps their triggers (SQLite's ALTER TABLE ADD COLUMN does not rebuild
the table).

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import db.types
from db.immutability import protect, unprotect

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "tariff_items",
        sa.Column("abolished_by", sa.String(length=100), nullable=False, server_default=""),
    )
    op.add_column("tariff_bands", sa.Column("uplift_cap_m3", db.types.Volume(), nullable=True))


def downgrade() -> None:
    """A rebuild on SQLite drops the tables' triggers: they are put back after it."""
    bind = op.get_bind()
    for table, column in (("tariff_bands", "uplift_cap_m3"), ("tariff_items", "abolished_by")):
        unprotect(bind, table)
        with op.batch_alter_table(table) as batch:
            batch.drop_column(column)
        protect(bind, table)
