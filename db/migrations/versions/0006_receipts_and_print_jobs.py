"""receipts, payments and print jobs

Receipts with their lines and payments (append-only: triggers refuse UPDATE and
DELETE), the numbering series with the chain head, and the print jobs.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import db.types
from db.immutability import protect, unprotect

APPEND_ONLY = ("receipts", "receipt_lines", "receipt_payments")

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "receipt_series",
        sa.Column("code", sa.String(length=48), nullable=False),
        sa.Column("last_number", sa.Integer(), nullable=False),
        sa.Column("head_hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_receipt_series")),
    )
    op.create_table(
        "receipts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("series", sa.String(length=48), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("receipt_no", sa.String(length=64), nullable=False),
        sa.Column("idempotency_key", sa.String(length=64), nullable=False),
        sa.Column(
            "kind",
            sa.Enum("sale", "void", name="receiptkind", native_enum=False, length=16),
            nullable=False,
        ),
        sa.Column("voids_receipt_no", sa.String(length=64), nullable=True),
        sa.Column("void_reason", sa.String(length=200), nullable=False),
        sa.Column("approved_by", sa.String(length=16), nullable=False),
        sa.Column("hall_code", sa.String(length=16), nullable=False),
        sa.Column("counter_code", sa.String(length=16), nullable=False),
        sa.Column("clerk_employee_no", sa.String(length=16), nullable=False),
        sa.Column("clerk_name", sa.String(length=50), nullable=False),
        sa.Column("visit_id", sa.Integer(), nullable=True),
        sa.Column("account_no", sa.String(length=20), nullable=False),
        sa.Column("customer_name", sa.String(length=100), nullable=False),
        sa.Column("issued_at", db.types.UTCDateTime(), nullable=False),
        sa.Column("total", db.types.Fen(), nullable=False),
        sa.Column("cash_tendered", db.types.Fen(), nullable=False),
        sa.Column("change", db.types.Fen(), nullable=False),
        sa.Column("chain_version", sa.Integer(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["series"], ["receipt_series.code"], name=op.f("fk_receipts_series_receipt_series")
        ),
        sa.ForeignKeyConstraint(
            ["visit_id"], ["visits.id"], name=op.f("fk_receipts_visit_id_visits")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_receipts")),
        sa.UniqueConstraint("hash", name=op.f("uq_receipts_hash")),
        sa.UniqueConstraint("idempotency_key", name=op.f("uq_receipts_idempotency_key")),
        sa.UniqueConstraint("receipt_no", name=op.f("uq_receipts_receipt_no")),
        sa.UniqueConstraint("series", "number", name=op.f("uq_receipts_series_number")),
    )
    with op.batch_alter_table("receipts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_receipts_account_no"), ["account_no"], unique=False)
        batch_op.create_index(batch_op.f("ix_receipts_issued_at"), ["issued_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_receipts_visit_id"), ["visit_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_receipts_voids_receipt_no"), ["voids_receipt_no"], unique=False
        )

    op.create_table(
        "print_jobs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("receipt_id", sa.Integer(), nullable=False),
        sa.Column("hall_code", sa.String(length=16), nullable=False),
        sa.Column("counter_code", sa.String(length=16), nullable=False),
        sa.Column("copy_no", sa.Integer(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "pending",
                "sending",
                "printed",
                "lost",
                name="printstatus",
                native_enum=False,
                length=16,
            ),
            nullable=False,
        ),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.String(length=200), nullable=False),
        sa.Column("created_at", db.types.UTCDateTime(), nullable=False),
        sa.Column("requested_by", sa.String(length=16), nullable=False),
        sa.Column("printed_at", db.types.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["receipt_id"], ["receipts.id"], name=op.f("fk_print_jobs_receipt_id_receipts")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_print_jobs")),
        sa.UniqueConstraint("receipt_id", "copy_no", name=op.f("uq_print_jobs_receipt_id_copy_no")),
    )
    with op.batch_alter_table("print_jobs", schema=None) as batch_op:
        batch_op.create_index(
            "ix_print_jobs_waiting", ["hall_code", "counter_code", "status"], unique=False
        )

    op.create_table(
        "receipt_lines",
        sa.Column("receipt_id", sa.Integer(), nullable=False),
        sa.Column("line_no", sa.Integer(), nullable=False),
        sa.Column("cart_line", sa.Integer(), nullable=False),
        sa.Column("item_code", sa.String(length=32), nullable=False),
        sa.Column("item_name", sa.String(length=100), nullable=False),
        sa.Column("band", sa.Integer(), nullable=True),
        sa.Column("schedule_code", sa.String(length=32), nullable=False),
        sa.Column("approval_doc_no", sa.String(length=100), nullable=False),
        sa.Column("quantity", db.types.Volume(), nullable=False),
        sa.Column("unit", sa.String(length=16), nullable=False),
        sa.Column("unit_price", db.types.UnitPrice(), nullable=False),
        sa.Column("amount", db.types.Fen(), nullable=False),
        sa.ForeignKeyConstraint(
            ["receipt_id"], ["receipts.id"], name=op.f("fk_receipt_lines_receipt_id_receipts")
        ),
        sa.PrimaryKeyConstraint("receipt_id", "line_no", name=op.f("pk_receipt_lines")),
    )
    op.create_table(
        "receipt_payments",
        sa.Column("receipt_id", sa.Integer(), nullable=False),
        sa.Column("line_no", sa.Integer(), nullable=False),
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
        sa.Column("amount", db.types.Fen(), nullable=False),
        sa.Column("reference", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["receipt_id"], ["receipts.id"], name=op.f("fk_receipt_payments_receipt_id_receipts")
        ),
        sa.PrimaryKeyConstraint("receipt_id", "line_no", name=op.f("pk_receipt_payments")),
    )
    for table in APPEND_ONLY:
        protect(op.get_bind(), table)


def downgrade() -> None:
    for table in APPEND_ONLY:
        unprotect(op.get_bind(), table)
    op.drop_table("receipt_payments")
    op.drop_table("receipt_lines")
    with op.batch_alter_table("print_jobs", schema=None) as batch_op:
        batch_op.drop_index("ix_print_jobs_waiting")

    op.drop_table("print_jobs")
    with op.batch_alter_table("receipts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_receipts_voids_receipt_no"))
        batch_op.drop_index(batch_op.f("ix_receipts_visit_id"))
        batch_op.drop_index(batch_op.f("ix_receipts_issued_at"))
        batch_op.drop_index(batch_op.f("ix_receipts_account_no"))

    op.drop_table("receipts")
    op.drop_table("receipt_series")
