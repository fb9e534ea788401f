"""The account's ledger: meter readings, bills, outside payments, tier-year volumes, late fees

Readings, bills, bill lines, outside payments and late-fee rules are append-only
(triggers).  Receipt lines gain the bill they pay and, for tiered gas bought by
volume, the tier year and the volume their split started from.  The typed
``accounts.arrears`` and ``ytd_volume_m3`` go: each account with either figure gets a
carried-over bill (承前, kind ``carried``) holding them, so arrears are open bills and
the tier year's volume comes from records like every later one.  The migration cannot
price anything (it must not depend on the tariff in force), so a carried bill is one
line of the old amount and accrues no late fee.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from alembic import op

import db.types
from db.immutability import protect, unprotect

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

APPEND_ONLY = ("meter_readings", "bills", "bill_lines", "bill_outside_payments", "tariff_late_fees")
_KIND = sa.Enum("reading", "carried", name="billkind", native_enum=False, length=16)
_SOURCE = sa.Enum("reader", "self", name="readingsource", native_enum=False, length=16)
_READING_KIND = sa.Enum(
    "opening",
    "regular",
    "meter_change",
    "rollover",
    name="readingkind",
    native_enum=False,
    length=16,
)


def upgrade() -> None:
    _create_readings()
    _create_bills()
    op.create_table(
        "account_tier_volumes",
        sa.Column("account_no", sa.String(length=20), nullable=False),
        sa.Column("year_start", sa.Date(), nullable=False),
        sa.Column("volume", db.types.Volume(), nullable=False),
        sa.PrimaryKeyConstraint("account_no", "year_start", name=op.f("pk_account_tier_volumes")),
    )
    op.create_table(
        "tariff_late_fees",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("schedule_id", sa.Integer(), nullable=False),
        sa.Column("customer_type", sa.String(length=20), nullable=False),
        sa.Column("daily_rate", db.types.UnitPrice(), nullable=False),
        sa.Column("grace_days", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["schedule_id"],
            ["tariff_schedules.id"],
            name=op.f("fk_tariff_late_fees_schedule_id_tariff_schedules"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tariff_late_fees")),
        sa.UniqueConstraint(
            "schedule_id",
            "customer_type",
            name=op.f("uq_tariff_late_fees_schedule_id_customer_type"),
        ),
    )
    with op.batch_alter_table("receipt_lines") as batch_op:
        batch_op.add_column(sa.Column("bill_no", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("tier_year", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("used_before", db.types.Volume(), nullable=True))
        batch_op.create_index(batch_op.f("ix_receipt_lines_bill_no"), ["bill_no"], unique=False)
    _carry_over(op.get_bind())
    with op.batch_alter_table("accounts") as batch_op:
        batch_op.drop_column("arrears")
        batch_op.drop_column("ytd_volume_m3")
        batch_op.drop_column("ytd_as_of")
    for table in APPEND_ONLY:
        protect(op.get_bind(), table)


def _create_readings() -> None:
    op.create_table(
        "meter_readings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_no", sa.String(length=20), nullable=False),
        sa.Column("meter_no", sa.String(length=20), nullable=False),
        sa.Column("reading", db.types.Volume(), nullable=False),
        sa.Column("read_on", sa.Date(), nullable=False),
        sa.Column("reader", sa.String(length=32), nullable=False),
        sa.Column("source", _SOURCE, nullable=False),
        sa.Column("kind", _READING_KIND, nullable=False),
        sa.Column("start_reading", db.types.Volume(), nullable=True),
        sa.Column("old_final", db.types.Volume(), nullable=True),
        sa.Column("previous_id", sa.Integer(), nullable=True),
        sa.Column("consumption", db.types.Volume(), nullable=True),
        sa.Column("recorded_at", db.types.UTCDateTime(), nullable=False),
        sa.Column("recorded_by", sa.String(length=32), nullable=False),
        sa.Column("batch", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(
            ["previous_id"],
            ["meter_readings.id"],
            name=op.f("fk_meter_readings_previous_id_meter_readings"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meter_readings")),
    )
    op.create_index(
        "ix_meter_readings_account_day", "meter_readings", ["account_no", "read_on", "id"]
    )


def _create_bills() -> None:
    op.create_table(
        "bills",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("bill_no", sa.String(length=32), nullable=False),
        sa.Column("account_no", sa.String(length=20), nullable=False),
        sa.Column("kind", _KIND, nullable=False),
        sa.Column("reading_id", sa.Integer(), nullable=True),
        sa.Column("period_from", sa.Date(), nullable=True),
        sa.Column("period_to", sa.Date(), nullable=True),
        sa.Column("volume", db.types.Volume(), nullable=False),
        sa.Column("item_code", sa.String(length=32), nullable=False),
        sa.Column("tier_year", sa.Date(), nullable=True),
        sa.Column("volume_before", db.types.Volume(), nullable=True),
        sa.Column("amount", db.types.Fen(), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("created_at", db.types.UTCDateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["reading_id"], ["meter_readings.id"], name=op.f("fk_bills_reading_id_meter_readings")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bills")),
        sa.UniqueConstraint("bill_no", name=op.f("uq_bills_bill_no")),
        sa.UniqueConstraint("reading_id", name=op.f("uq_bills_reading_id")),
    )
    op.create_index(op.f("ix_bills_account_no"), "bills", ["account_no"])
    op.create_table(
        "bill_lines",
        sa.Column("bill_id", sa.Integer(), nullable=False),
        sa.Column("line_no", sa.Integer(), nullable=False),
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
            ["bill_id"], ["bills.id"], name=op.f("fk_bill_lines_bill_id_bills")
        ),
        sa.PrimaryKeyConstraint("bill_id", "line_no", name=op.f("pk_bill_lines")),
    )
    op.create_table(
        "bill_outside_payments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("bill_no", sa.String(length=32), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("reference", sa.String(length=64), nullable=False),
        sa.Column("amount", db.types.Fen(), nullable=False),
        sa.Column("paid_on", sa.Date(), nullable=False),
        sa.Column("recorded_at", db.types.UTCDateTime(), nullable=False),
        sa.Column("recorded_by", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["bill_no"], ["bills.bill_no"], name=op.f("fk_bill_outside_payments_bill_no_bills")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bill_outside_payments")),
        sa.UniqueConstraint("bill_no", name=op.f("uq_bill_outside_payments_bill_no")),
    )


def _tier_year_start(conn: sa.Connection, on: dt.date) -> dt.date:
    """The first day of the tier year containing ``on``, by the newest approved schedule."""
    text = (
        conn.execute(
            sa.text(
                "SELECT tier_year_start FROM tariff_schedules WHERE status = 'approved'"
                " ORDER BY effective_from DESC, id DESC LIMIT 1"
            )
        ).scalar()
        or "01-01"
    )
    month, day = int(text[:2]), int(text[3:])
    start = dt.date(on.year, month, day)
    return start if start <= on else start.replace(year=on.year - 1)


_CARRIED_BILLS = """
INSERT INTO bills (bill_no, account_no, kind, volume, item_code, tier_year, volume_before,
                   amount, issued_on, due_on, created_at, created_by)
SELECT 'CQ' || account_no, account_no, 'carried', ytd_volume_m3 * 1000, '', :year, 0,
       arrears, :today, :today, :now, 'migration'
FROM accounts
WHERE (arrears > 0 OR ytd_volume_m3 > 0) AND {when}
"""
_CARRIED_LINES = """
INSERT INTO bill_lines (bill_id, line_no, item_code, item_name, band, schedule_code,
                        approval_doc_no, quantity, unit, unit_price, amount)
SELECT id, 1, 'CARRIED', '承前欠费', NULL, '', '', 1000, '笔', amount * 100, amount
FROM bills WHERE kind = 'carried' AND amount > 0
"""
_CARRIED_VOLUMES = """
INSERT INTO account_tier_volumes (account_no, year_start, volume)
SELECT account_no, tier_year, volume FROM bills WHERE kind = 'carried' AND volume > 0
"""


def _carry_over(conn: sa.Connection) -> None:
    """The old typed figures as carried-over bills, filed under the tier year they were of."""
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    today = now.date()
    dates = conn.execute(sa.text("SELECT DISTINCT ytd_as_of FROM accounts")).scalars().all()
    for as_of in dates:
        when = "ytd_as_of IS NULL" if as_of is None else "ytd_as_of = :as_of"
        day = today if as_of is None else _as_date(as_of)
        conn.execute(
            sa.text(_CARRIED_BILLS.format(when=when)),
            {"year": _tier_year_start(conn, day), "today": today, "now": now, "as_of": as_of},
        )
    conn.execute(sa.text(_CARRIED_LINES))
    conn.execute(sa.text(_CARRIED_VOLUMES))


def _as_date(value: object) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


_OPEN_BILL = """
NOT EXISTS (SELECT 1 FROM receipt_lines l JOIN receipts r ON r.id = l.receipt_id
            WHERE l.bill_no = bills.bill_no AND r.kind = 'sale'
            AND NOT EXISTS (SELECT 1 FROM receipts v WHERE v.voids_receipt_no = r.receipt_no))
AND NOT EXISTS (SELECT 1 FROM bill_outside_payments p WHERE p.bill_no = bills.bill_no)
"""


def downgrade() -> None:
    """Back to typed figures: the open bills' sum and the newest tier year's whole m³."""
    with op.batch_alter_table("accounts") as batch_op:
        batch_op.add_column(
            sa.Column("arrears", db.types.Fen(), nullable=False, server_default="0")
        )
        batch_op.add_column(
            sa.Column("ytd_volume_m3", sa.Integer(), nullable=False, server_default="0")
        )
        batch_op.add_column(sa.Column("ytd_as_of", sa.Date(), nullable=True))
    conn = op.get_bind()
    conn.execute(
        sa.text(
            "UPDATE accounts SET arrears = COALESCE((SELECT SUM(amount) FROM bills"
            f" WHERE bills.account_no = accounts.account_no AND {_OPEN_BILL}), 0),"
            " ytd_volume_m3 = COALESCE((SELECT volume / 1000 FROM account_tier_volumes t"
            " WHERE t.account_no = accounts.account_no ORDER BY year_start DESC LIMIT 1), 0)"
        )
    )
    for table in APPEND_ONLY:
        unprotect(conn, table)
    with op.batch_alter_table("receipt_lines") as batch_op:
        batch_op.drop_index(batch_op.f("ix_receipt_lines_bill_no"))
        batch_op.drop_column("used_before")
        batch_op.drop_column("tier_year")
        batch_op.drop_column("bill_no")
    if conn.dialect.name == "sqlite":  # the batch copied the table, without its triggers
        protect(conn, "receipt_lines")
    for table in (
        "tariff_late_fees",
        "account_tier_volumes",
        "bill_outside_payments",
        "bill_lines",
        "bills",
        "meter_readings",
    ):
        op.drop_table(table)
