"""tariff life cycle and tier bands

Schedules get their sign-offs (created, approved, retired or discarded: by whom,
when), the tier year start and the household base size; tiered gas prices get a
table of bands; accounts say when their year-to-date volume was last updated.
Items and bands become append-only (db.immutability).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from db.immutability import protect, unprotect

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_SIGN_OFFS = ("approved_by", "closed_by")
_SIGN_OFF_TIMES = ("created_at", "approved_at", "closed_at")


def upgrade() -> None:
    op.create_table(
        "tariff_bands",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("band", sa.Integer(), nullable=False),
        sa.Column("up_to_m3", sa.BigInteger(), nullable=True),
        sa.Column("unit_price", sa.BigInteger(), nullable=False),
        sa.Column("uplift_per_person_m3", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"], ["tariff_items.id"], name=op.f("fk_tariff_bands_item_id_tariff_items")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tariff_bands")),
        sa.UniqueConstraint("item_id", "band", name=op.f("uq_tariff_bands_item_id_band")),
    )
    with op.batch_alter_table("accounts", schema=None) as batch_op:
        batch_op.add_column(sa.Column("ytd_as_of", sa.Date(), nullable=True))
    with op.batch_alter_table("tariff_schedules", schema=None) as batch_op:
        year_start = sa.String(length=5)
        batch_op.add_column(
            sa.Column("tier_year_start", year_start, nullable=False, server_default="01-01")
        )
        batch_op.add_column(
            sa.Column("household_base", sa.Integer(), nullable=False, server_default="4")
        )
        batch_op.add_column(
            sa.Column("source", sa.String(length=200), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("created_by", sa.String(length=32), nullable=False, server_default="")
        )
        for name in _SIGN_OFFS:
            batch_op.add_column(sa.Column(name, sa.String(length=32), nullable=True))
        for name in _SIGN_OFF_TIMES:
            batch_op.add_column(sa.Column(name, sa.DateTime(), nullable=True))
    bind = op.get_bind()
    protect(bind, "tariff_items")
    protect(bind, "tariff_bands")


def downgrade() -> None:
    bind = op.get_bind()
    unprotect(bind, "tariff_bands")
    unprotect(bind, "tariff_items")
    with op.batch_alter_table("tariff_schedules", schema=None) as batch_op:
        for name in (*_SIGN_OFF_TIMES, *_SIGN_OFFS, "created_by", "source"):
            batch_op.drop_column(name)
        batch_op.drop_column("household_base")
        batch_op.drop_column("tier_year_start")
    with op.batch_alter_table("accounts", schema=None) as batch_op:
        batch_op.drop_column("ytd_as_of")
    op.drop_table("tariff_bands")
