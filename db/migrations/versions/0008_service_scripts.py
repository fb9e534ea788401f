"""Service scripts: admins' versions and the scripts shown to each visit.

Both tables are append-only (triggers): an earlier wording and the record of
what a customer was told are history, not working data.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-27 07:18:57.020816
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import db.types
from db.immutability import protect, unprotect

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

APPEND_ONLY = ("script_versions", "visit_scripts")


def upgrade() -> None:
    op.create_table(
        "script_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("script_key", sa.String(length=32), nullable=False),
        sa.Column("purpose", sa.String(length=32), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("removed", sa.Boolean(), nullable=False),
        sa.Column("author_employee_no", sa.String(length=32), nullable=False),
        sa.Column("created_at", db.types.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_script_versions")),
        sa.UniqueConstraint(
            "script_key",
            "purpose",
            "language",
            "version",
            name=op.f("uq_script_versions_script_key_purpose_language_version"),
        ),
    )
    op.create_table(
        "visit_scripts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("visit_id", sa.Integer(), nullable=False),
        sa.Column("script_key", sa.String(length=32), nullable=False),
        sa.Column("purpose", sa.String(length=32), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("shown_at", db.types.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["visit_id"], ["visits.id"], name=op.f("fk_visit_scripts_visit_id_visits")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visit_scripts")),
    )
    with op.batch_alter_table("visit_scripts", schema=None) as batch_op:
        batch_op.create_index("ix_visit_scripts_visit", ["visit_id"], unique=False)
    for table in APPEND_ONLY:
        protect(op.get_bind(), table)


def downgrade() -> None:
    for table in APPEND_ONLY:
        unprotect(op.get_bind(), table)
    with op.batch_alter_table("visit_scripts", schema=None) as batch_op:
        batch_op.drop_index("ix_visit_scripts_visit")

    op.drop_table("visit_scripts")
    op.drop_table("script_versions")
