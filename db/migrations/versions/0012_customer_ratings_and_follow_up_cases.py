"""The customer's rating of a visit, and the follow-up cases of bad ratings

A visit's rating moves from the visit's ``satisfaction`` (1-5) and
``satisfaction_comment`` columns to a ``ratings`` row of its own, one per visit, with its
five levels, its reason, who gave it and when.  Ratings typed at F9 before this revision
become ratings the clerk recorded (5 = very satisfied … 1 = very dissatisfied, recorded at
the visit's close); no follow-up case is opened for them afterwards.  A bad rating opens a
``follow_up_cases`` row for the shift manager.  ``counters.customer_screen`` says a screen
facing the customer is attached: the customer rates there, never the clerk.  The downgrade
puts the ratings back on the visits (levels as 5-1, the reason as the comment).

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import db.types

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

_SCORES = (
    (5, "very_satisfied"),
    (4, "satisfied"),
    (3, "fairly_satisfied"),
    (2, "dissatisfied"),
    (1, "very_dissatisfied"),
)


def _level_of_score() -> str:
    cases = " ".join(f"WHEN {score} THEN '{level}'" for score, level in _SCORES)
    return f"CASE satisfaction {cases} END"


def _score_of_level() -> str:
    cases = " ".join(f"WHEN '{level}' THEN {score}" for score, level in _SCORES)
    return f"CASE r.level {cases} END"


def _enum(name: str, *values: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, length=20)


def upgrade() -> None:
    op.create_table(
        "ratings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("visit_id", sa.Integer(), nullable=False),
        sa.Column("hall_code", sa.String(length=16), nullable=False),
        sa.Column("counter_code", sa.String(length=16), nullable=False),
        sa.Column("clerk_employee_no", sa.String(length=32), nullable=False),
        sa.Column("service_day", sa.Date(), nullable=False),
        sa.Column("level", _enum("ratinglevel", *(level for _, level in _SCORES)), nullable=True),
        sa.Column(
            "source", _enum("ratingsource", "customer_screen", "clerk", "timeout"), nullable=False
        ),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("recorded_by", sa.String(length=32), nullable=False),
        sa.Column("recorded_at", db.types.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["visit_id"], ["visits.id"], name=op.f("fk_ratings_visit_id_visits")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ratings")),
        sa.UniqueConstraint("visit_id", name=op.f("uq_ratings_visit_id")),
    )
    op.create_index("ix_ratings_month", "ratings", ["hall_code", "service_day"])
    op.create_table(
        "follow_up_cases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("rating_id", sa.Integer(), nullable=False),
        sa.Column("hall_code", sa.String(length=16), nullable=False),
        sa.Column("counter_code", sa.String(length=16), nullable=False),
        sa.Column("clerk_employee_no", sa.String(length=32), nullable=False),
        sa.Column(
            "status",
            _enum("followupstatus", "opened", "called_back", "cause_recorded", "fixed", "closed"),
            nullable=False,
        ),
        sa.Column("opened_at", db.types.UTCDateTime(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("due_estimated", sa.Boolean(), nullable=False),
        sa.Column("call_back_note", sa.Text(), nullable=False),
        sa.Column("called_back_at", db.types.UTCDateTime(), nullable=True),
        sa.Column("cause", sa.Text(), nullable=False),
        sa.Column("cause_at", db.types.UTCDateTime(), nullable=True),
        sa.Column("fix", sa.Text(), nullable=False),
        sa.Column("fixed_at", db.types.UTCDateTime(), nullable=True),
        sa.Column("result", sa.Text(), nullable=False),
        sa.Column("closed_at", db.types.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["rating_id"], ["ratings.id"], name=op.f("fk_follow_up_cases_rating_id_ratings")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_follow_up_cases")),
        sa.UniqueConstraint("rating_id", name=op.f("uq_follow_up_cases_rating_id")),
    )
    op.create_index("ix_follow_up_cases_open", "follow_up_cases", ["hall_code", "status", "due_on"])
    op.add_column(
        "counters",
        sa.Column("customer_screen", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.execute(
        "INSERT INTO ratings (visit_id, hall_code, counter_code, clerk_employee_no, service_day,"
        " level, source, reason, recorded_by, recorded_at)"
        f" SELECT id, hall_code, counter_code, clerk_employee_no, service_day, {_level_of_score()},"
        " 'clerk', satisfaction_comment, clerk_employee_no, COALESCE(closed_at, called_at)"
        " FROM visits WHERE satisfaction IS NOT NULL"
    )
    with op.batch_alter_table("visits") as batch:
        batch.drop_column("satisfaction_comment")
        batch.drop_column("satisfaction")


def downgrade() -> None:
    with op.batch_alter_table("visits") as batch:
        batch.add_column(sa.Column("satisfaction", sa.Integer(), nullable=True))
        batch.add_column(
            sa.Column("satisfaction_comment", sa.Text(), nullable=False, server_default="")
        )
    op.execute(
        f"UPDATE visits SET satisfaction = (SELECT {_score_of_level()} FROM ratings r"
        " WHERE r.visit_id = visits.id),"
        " satisfaction_comment = COALESCE((SELECT r.reason FROM ratings r"
        " WHERE r.visit_id = visits.id), '')"
    )
    with op.batch_alter_table("visits") as batch:
        batch.alter_column("satisfaction_comment", server_default=None)
    with op.batch_alter_table("counters") as batch:
        batch.drop_column("customer_screen")
    op.drop_index("ix_follow_up_cases_open", table_name="follow_up_cases")
    op.drop_table("follow_up_cases")
    op.drop_index("ix_ratings_month", table_name="ratings")
    op.drop_table("ratings")
