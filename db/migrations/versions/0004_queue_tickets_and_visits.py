"""queue tickets and visits

Tickets numbered per hall, day and category from a locked sequence row; the visit
record with a timestamp per stage; the categories each counter calls.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "ticket_sequences",
        sa.Column("hall_code", sa.String(length=16), nullable=False),
        sa.Column("service_day", sa.Date(), nullable=False),
        sa.Column("category_code", sa.String(length=32), nullable=False),
        sa.Column("last_number", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(
            "hall_code", "service_day", "category_code", name=op.f("pk_ticket_sequences")
        ),
    )
    op.create_table(
        "tickets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("hall_code", sa.String(length=16), nullable=False),
        sa.Column("service_day", sa.Date(), nullable=False),
        sa.Column("category_code", sa.String(length=32), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=8), nullable=False),
        sa.Column("priority", sa.Boolean(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "waiting",
                "called",
                "no_show",
                "transferred",
                "done",
                name="ticketstatus",
                native_enum=False,
                length=16,
            ),
            nullable=False,
        ),
        sa.Column("issued_at", sa.DateTime(), nullable=False),
        sa.Column("issued_by", sa.String(length=32), nullable=False),
        sa.Column("ahead", sa.Boolean(), nullable=False),
        sa.Column("queued_at", sa.DateTime(), nullable=False),
        sa.Column("for_counter", sa.String(length=16), nullable=True),
        sa.Column("counter_code", sa.String(length=16), nullable=True),
        sa.Column("called_by", sa.String(length=32), nullable=True),
        sa.Column("called_at", sa.DateTime(), nullable=True),
        sa.Column("calls", sa.Integer(), nullable=False),
        sa.Column("skipped_at", sa.DateTime(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["category_code"],
            ["service_categories.code"],
            name=op.f("fk_tickets_category_code_service_categories"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tickets")),
        sa.UniqueConstraint(
            "hall_code", "service_day", "label", name=op.f("uq_tickets_hall_code_service_day_label")
        ),
    )
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.create_index(
            "ix_tickets_queue", ["hall_code", "service_day", "status"], unique=False
        )

    op.create_table(
        "visits",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("hall_code", sa.String(length=16), nullable=False),
        sa.Column("counter_code", sa.String(length=16), nullable=False),
        sa.Column("service_day", sa.Date(), nullable=False),
        sa.Column("clerk_employee_no", sa.String(length=32), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=True),
        sa.Column("account_no", sa.String(length=20), nullable=True),
        sa.Column("customer_name", sa.String(length=50), nullable=False),
        sa.Column("customer_phone", sa.String(length=20), nullable=False),
        sa.Column("purpose_code", sa.String(length=32), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column(
            "stage",
            sa.Enum(
                "called",
                "greeted",
                "serving",
                "charging",
                "referring",
                "closing",
                "closed",
                name="visitstage",
                native_enum=False,
                length=16,
            ),
            nullable=False,
        ),
        sa.Column("called_at", sa.DateTime(), nullable=False),
        sa.Column("greeted_at", sa.DateTime(), nullable=True),
        sa.Column("serving_at", sa.DateTime(), nullable=True),
        sa.Column("charging_at", sa.DateTime(), nullable=True),
        sa.Column("referring_at", sa.DateTime(), nullable=True),
        sa.Column("closing_at", sa.DateTime(), nullable=True),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.Column(
            "outcome",
            sa.Enum(
                "resolved",
                "charged",
                "referred",
                "pending",
                "no_show",
                name="visitoutcome",
                native_enum=False,
                length=16,
            ),
            nullable=True,
        ),
        sa.Column("satisfaction", sa.Integer(), nullable=True),
        sa.Column("satisfaction_comment", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["purpose_code"],
            ["visit_purposes.code"],
            name=op.f("fk_visits_purpose_code_visit_purposes"),
        ),
        sa.ForeignKeyConstraint(
            ["ticket_id"], ["tickets.id"], name=op.f("fk_visits_ticket_id_tickets")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visits")),
        sa.UniqueConstraint("ticket_id", name=op.f("uq_visits_ticket_id")),
    )
    with op.batch_alter_table("visits", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_visits_account_no"), ["account_no"], unique=False)
        batch_op.create_index("ix_visits_day", ["hall_code", "service_day"], unique=False)

    with op.batch_alter_table("counters", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("categories", sa.String(length=100), server_default="", nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("counters", schema=None) as batch_op:
        batch_op.drop_column("categories")

    with op.batch_alter_table("visits", schema=None) as batch_op:
        batch_op.drop_index("ix_visits_day")
        batch_op.drop_index(batch_op.f("ix_visits_account_no"))

    op.drop_table("visits")
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.drop_index("ix_tickets_queue")

    op.drop_table("tickets")
    op.drop_table("ticket_sequences")
