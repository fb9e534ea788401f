"""Referrals: gapless reference numbers per year, the referral, its append-only history;
and each department's response target per urgency (the shipped targets for the shipped
departments; plain ADD COLUMN, no table rebuild).

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-27 08:13:38.483331
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import db.types
from db.immutability import protect, unprotect

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

TARGETS = {  # minutes: normal, urgent, emergency (resources/reference/departments.csv)
    "emergency_repair": (1440, 240, 30),
    "meter_reading": (4320, 1440, 240),
    "safety_inspection": (4320, 1440, 120),
    "inspection": (4320, 1440, 240),
    "engineering": (7200, 2880, 240),
    "billing": (2880, 960, 240),
    "complaints": (2880, 480, 120),
}
TARGET_COLUMNS = (
    "response_minutes_normal",
    "response_minutes_urgent",
    "response_minutes_emergency",
)
DEFAULTS = ("2880", "480", "60")


def upgrade() -> None:
    op.create_table(
        "referral_sequences",
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("last_number", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("year", name=op.f("pk_referral_sequences")),
    )
    op.create_table(
        "referrals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(length=20), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("hall_code", sa.String(length=16), nullable=False),
        sa.Column("counter_code", sa.String(length=16), nullable=False),
        sa.Column("visit_id", sa.Integer(), nullable=True),
        sa.Column("account_no", sa.String(length=20), nullable=True),
        sa.Column("department_code", sa.String(length=32), nullable=False),
        sa.Column(
            "urgency",
            sa.Enum("normal", "urgent", "emergency", name="urgency", native_enum=False, length=16),
            nullable=False,
        ),
        sa.Column("matter", sa.Text(), nullable=False),
        sa.Column("contact_name", sa.String(length=50), nullable=False),
        sa.Column("contact_phone", sa.String(length=20), nullable=False),
        sa.Column("address", sa.String(length=200), nullable=False),
        sa.Column("appointment", sa.String(length=100), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "new",
                "acknowledged",
                "in_progress",
                "closed",
                "returned",
                name="referralstatus",
                native_enum=False,
                length=16,
            ),
            nullable=False,
        ),
        sa.Column("created_by", sa.String(length=32), nullable=False),
        sa.Column("created_at", db.types.UTCDateTime(), nullable=False),
        sa.Column("due_at", db.types.UTCDateTime(), nullable=False),
        sa.Column("outcome", sa.Text(), nullable=False),
        sa.Column("confidential", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["department_code"],
            ["departments.code"],
            name=op.f("fk_referrals_department_code_departments"),
        ),
        sa.ForeignKeyConstraint(
            ["visit_id"], ["visits.id"], name=op.f("fk_referrals_visit_id_visits")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_referrals")),
        sa.UniqueConstraint("reference", name=op.f("uq_referrals_reference")),
        sa.UniqueConstraint("year", "number", name=op.f("uq_referrals_year_number")),
    )
    with op.batch_alter_table("referrals", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_referrals_account_no"), ["account_no"], unique=False)
        batch_op.create_index("ix_referrals_board", ["department_code", "status"], unique=False)

    op.create_table(
        "informant_reports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("referral_id", sa.Integer(), nullable=False),
        sa.Column("reporter_name", sa.String(length=50), nullable=False),
        sa.Column("reporter_phone", sa.String(length=20), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["referral_id"],
            ["referrals.id"],
            name=op.f("fk_informant_reports_referral_id_referrals"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_informant_reports")),
        sa.UniqueConstraint("referral_id", name=op.f("uq_informant_reports_referral_id")),
    )
    op.create_table(
        "referral_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("referral_id", sa.Integer(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "new",
                "acknowledged",
                "in_progress",
                "closed",
                "returned",
                name="referralstatus",
                native_enum=False,
                length=16,
            ),
            nullable=False,
        ),
        sa.Column("actor", sa.String(length=32), nullable=False),
        sa.Column("at", db.types.UTCDateTime(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["referral_id"], ["referrals.id"], name=op.f("fk_referral_events_referral_id_referrals")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_referral_events")),
    )
    with op.batch_alter_table("referral_events", schema=None) as batch_op:
        batch_op.create_index("ix_referral_events_referral", ["referral_id"], unique=False)

    for column, default in zip(TARGET_COLUMNS, DEFAULTS, strict=True):
        op.add_column(
            "departments", sa.Column(column, sa.Integer(), server_default=default, nullable=False)
        )
    departments = sa.table(
        "departments", sa.column("code"), *(sa.column(c) for c in TARGET_COLUMNS)
    )
    for code, minutes in TARGETS.items():
        values = dict(zip(TARGET_COLUMNS, minutes, strict=True))
        op.execute(departments.update().where(departments.c.code == code).values(**values))
    protect(op.get_bind(), "referral_events")


def downgrade() -> None:
    unprotect(op.get_bind(), "referral_events")
    with op.batch_alter_table("referral_events", schema=None) as batch_op:
        batch_op.drop_index("ix_referral_events_referral")

    op.drop_table("referral_events")
    op.drop_table("informant_reports")
    with op.batch_alter_table("referrals", schema=None) as batch_op:
        batch_op.drop_index("ix_referrals_board")
        batch_op.drop_index(batch_op.f("ix_referrals_account_no"))

    op.drop_table("referrals")
    op.drop_table("referral_sequences")
    with op.batch_alter_table("departments", schema=None) as batch_op:
        for column in reversed(TARGET_COLUMNS):
            batch_op.drop_column(column)
