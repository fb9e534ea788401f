"""shifts, cash counts and moves, tallies, day closes

Shifts and the hall's day closes; the counts, moves, tallies and day closes are
append-only (triggers).  Receipts get the shift they were issued in: on SQLite a
plain ADD COLUMN, because a batch rebuild of ``receipts`` would drop its triggers.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-27 03:19:10.165078
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import db.types
from db.immutability import protect, unprotect

APPEND_ONLY = ("shift_cash_counts", "shift_cash_moves", "shift_tallies", "day_closes")

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "day_closes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("hall_code", sa.String(length=16), nullable=False),
        sa.Column("business_day", sa.Date(), nullable=False),
        sa.Column("closed_at", db.types.UTCDateTime(), nullable=False),
        sa.Column("closed_by", sa.String(length=16), nullable=False),
        sa.Column("day_total", db.types.Fen(), nullable=False),
        sa.Column("grand_total", db.types.Fen(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_day_closes")),
        sa.UniqueConstraint(
            "hall_code", "business_day", name=op.f("uq_day_closes_hall_code_business_day")
        ),
        sa.UniqueConstraint("hash", name=op.f("uq_day_closes_hash")),
    )
    op.create_table(
        "shifts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("hall_code", sa.String(length=16), nullable=False),
        sa.Column("counter_code", sa.String(length=16), nullable=False),
        sa.Column("open_counter", sa.String(length=16), nullable=True),
        sa.Column("clerk_employee_no", sa.String(length=16), nullable=False),
        sa.Column("clerk_name", sa.String(length=50), nullable=False),
        sa.Column("business_day", sa.Date(), nullable=False),
        sa.Column("opened_at", db.types.UTCDateTime(), nullable=False),
        sa.Column("opening_float", db.types.Fen(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "open",
                "submitted",
                "returned",
                "approved",
                name="shiftstatus",
                native_enum=False,
                length=16,
            ),
            nullable=False,
        ),
        sa.Column("count_round", sa.Integer(), nullable=False),
        sa.Column("closed_at", db.types.UTCDateTime(), nullable=True),
        sa.Column("decided_by", sa.String(length=16), nullable=False),
        sa.Column("decided_at", db.types.UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shifts")),
        sa.UniqueConstraint(
            "hall_code", "open_counter", name=op.f("uq_shifts_hall_code_open_counter")
        ),
    )
    with op.batch_alter_table("shifts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_shifts_business_day"), ["business_day"], unique=False)

    op.create_table(
        "shift_cash_counts",
        sa.Column("shift_id", sa.Integer(), nullable=False),
        sa.Column("count_round", sa.Integer(), nullable=False),
        sa.Column("denomination", db.types.Fen(), nullable=False),
        sa.Column(
            "purpose",
            sa.Enum("float", "close", name="countpurpose", native_enum=False, length=16),
            nullable=False,
        ),
        sa.Column("pieces", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["shift_id"], ["shifts.id"], name=op.f("fk_shift_cash_counts_shift_id_shifts")
        ),
        sa.PrimaryKeyConstraint(
            "shift_id", "count_round", "denomination", name=op.f("pk_shift_cash_counts")
        ),
    )
    op.create_table(
        "shift_cash_moves",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("shift_id", sa.Integer(), nullable=False),
        sa.Column(
            "direction",
            sa.Enum("in", "out", name="movedirection", native_enum=False, length=16),
            nullable=False,
        ),
        sa.Column("amount", db.types.Fen(), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("moved_at", db.types.UTCDateTime(), nullable=False),
        sa.Column("employee_no", sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(
            ["shift_id"], ["shifts.id"], name=op.f("fk_shift_cash_moves_shift_id_shifts")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shift_cash_moves")),
    )
    with op.batch_alter_table("shift_cash_moves", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_shift_cash_moves_shift_id"), ["shift_id"], unique=False
        )

    op.create_table(
        "shift_tallies",
        sa.Column("shift_id", sa.Integer(), nullable=False),
        sa.Column("count_round", sa.Integer(), nullable=False),
        sa.Column(
            "method",
            sa.Enum(
                "cash",
                "wechat",
                "alipay",
                "unionpay",
                "bank_transfer",
                name="paymentmethod",
                native_enum=False,
                length=16,
            ),
            nullable=False,
        ),
        sa.Column("expected", db.types.Fen(), nullable=False),
        sa.Column("counted", db.types.Fen(), nullable=False),
        sa.Column("expected_count", sa.Integer(), nullable=False),
        sa.Column("declared_count", sa.Integer(), nullable=False),
        sa.Column("approval_id", sa.Integer(), nullable=True),
        sa.Column("submitted_at", db.types.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["approval_id"], ["approvals.id"], name=op.f("fk_shift_tallies_approval_id_approvals")
        ),
        sa.ForeignKeyConstraint(
            ["shift_id"], ["shifts.id"], name=op.f("fk_shift_tallies_shift_id_shifts")
        ),
        sa.PrimaryKeyConstraint("shift_id", "count_round", "method", name=op.f("pk_shift_tallies")),
    )
    _add_receipt_shift()
    _object_ref_length(64, 200)  # an over-limit close names its figures
    for table in APPEND_ONLY:
        protect(op.get_bind(), table)


def downgrade() -> None:
    for table in APPEND_ONLY:
        unprotect(op.get_bind(), table)
    _object_ref_length(200, 64)
    _drop_receipt_shift()
    op.drop_table("shift_tallies")
    with op.batch_alter_table("shift_cash_moves", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_shift_cash_moves_shift_id"))

    op.drop_table("shift_cash_moves")
    op.drop_table("shift_cash_counts")
    with op.batch_alter_table("shifts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_shifts_business_day"))

    op.drop_table("shifts")
    op.drop_table("day_closes")


def _add_receipt_shift() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE receipts ADD COLUMN shift_id INTEGER REFERENCES shifts (id)")
    else:
        op.add_column("receipts", sa.Column("shift_id", sa.Integer(), nullable=True))
        op.create_foreign_key(
            op.f("fk_receipts_shift_id_shifts"), "receipts", "shifts", ["shift_id"], ["id"]
        )
    op.create_index("ix_receipts_shift_kind", "receipts", ["shift_id", "kind"], unique=False)


def _drop_receipt_shift() -> None:
    op.drop_index("ix_receipts_shift_kind", table_name="receipts")
    if op.get_bind().dialect.name == "sqlite":  # SQLite drops a foreign key only by a rebuild
        unprotect(op.get_bind(), "receipts")
        with op.batch_alter_table("receipts") as batch_op:
            batch_op.drop_column("shift_id")
        protect(op.get_bind(), "receipts")
    else:
        op.drop_constraint(op.f("fk_receipts_shift_id_shifts"), "receipts", type_="foreignkey")
        op.drop_column("receipts", "shift_id")


def _object_ref_length(old: int, new: int) -> None:
    with op.batch_alter_table("approvals") as batch_op:
        batch_op.alter_column(
            "object_ref",
            type_=sa.String(length=new),
            existing_type=sa.String(length=old),
            existing_nullable=False,
        )
