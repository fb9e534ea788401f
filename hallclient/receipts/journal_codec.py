"""A receipt as one line of the counter's journal, and back, exactly.

Everything the receipt row, its lines and payments hold is written (money, quantities and
prices as decimal text, never a float; times as ISO-8601 with their offset), with the
idempotency key, visit and shift the row was written with: a receipt the server lost is
uploaded again from this alone, byte for byte the record its hash covers.  Nothing else:
no customer's data beyond what the receipt row itself holds.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from db.domain import PaymentMethod, ReceiptKind
from hallclient.receipts.record import LineRecord, PaymentRecord, ReceiptRecord

FORMAT = 1  # the journal line's own version


@dataclass(frozen=True)
class JournalEntry:
    """A receipt as this counter was told it committed: the record and its row's keys."""

    record: ReceiptRecord
    key: str  # the idempotency key
    visit_id: int | None
    shift_id: int | None


def entry_line(entry: JournalEntry) -> bytes:
    """One JSON line (ending in a newline) of ``entry``."""
    fields = {"format": FORMAT, **_record_fields(entry.record)}
    fields |= {"key": entry.key, "visit_id": entry.visit_id, "shift_id": entry.shift_id}
    return json.dumps(fields, ensure_ascii=False, separators=(",", ":")).encode() + b"\n"


def entry_of(line: bytes) -> JournalEntry:
    """The entry of one journal line; ValueError (or KeyError, TypeError) if it is not one."""
    fields = json.loads(line)
    if not isinstance(fields, dict) or fields.get("format") != FORMAT:
        raise ValueError("not a journal line of this format")
    return JournalEntry(_record_of(fields), fields["key"], fields["visit_id"], fields["shift_id"])


def _record_fields(record: ReceiptRecord) -> dict[str, Any]:
    return {
        "series": record.series,
        "number": record.number,
        "receipt_no": record.receipt_no,
        "kind": record.kind.value,
        "hall": record.hall_code,
        "counter": record.counter_code,
        "clerk": record.clerk_employee_no,
        "clerk_name": record.clerk_name,
        "account": record.account_no,
        "customer": record.customer_name,
        "issued_at": record.issued_at.isoformat(),
        "total": str(record.total),
        "tendered": str(record.cash_tendered),
        "change": str(record.change),
        "lines": [_line_fields(line) for line in record.lines],
        "payments": [[p.method.value, str(p.amount), p.reference] for p in record.payments],
        "prev": record.prev_hash,
        "voids": record.voids_receipt_no,
        "void_reason": record.void_reason,
        "approved_by": record.approved_by,
        "v": record.chain_version,
        "hash": record.hash,
    }


def _line_fields(line: LineRecord) -> list[Any]:
    return [
        line.cart_line,
        line.item_code,
        line.item_name,
        line.band,
        line.schedule_code,
        line.approval_doc_no,
        str(line.quantity),
        line.unit,
        str(line.unit_price),
        str(line.amount),
        line.bill_no,
        None if line.tier_year is None else line.tier_year.isoformat(),
        None if line.used_before is None else str(line.used_before),
    ]


def _record_of(fields: dict[str, Any]) -> ReceiptRecord:
    issued_at = datetime.fromisoformat(fields["issued_at"])
    if issued_at.tzinfo is None:
        raise ValueError("a receipt's time without its offset")
    return ReceiptRecord(
        series=fields["series"],
        number=int(fields["number"]),
        receipt_no=fields["receipt_no"],
        kind=ReceiptKind(fields["kind"]),
        hall_code=fields["hall"],
        counter_code=fields["counter"],
        clerk_employee_no=fields["clerk"],
        clerk_name=fields["clerk_name"],
        account_no=fields["account"],
        customer_name=fields["customer"],
        issued_at=issued_at,
        total=Decimal(fields["total"]),
        cash_tendered=Decimal(fields["tendered"]),
        change=Decimal(fields["change"]),
        lines=tuple(_line_of(line) for line in fields["lines"]),
        payments=tuple(
            PaymentRecord(PaymentMethod(method), Decimal(amount), reference)
            for method, amount, reference in fields["payments"]
        ),
        prev_hash=fields["prev"],
        voids_receipt_no=fields["voids"],
        void_reason=fields["void_reason"],
        approved_by=fields["approved_by"],
        chain_version=int(fields["v"]),
        hash=fields["hash"],
    )


def _line_of(fields: list[Any]) -> LineRecord:
    cart_line, code, name, band, schedule, doc, quantity, unit, price, amount = fields[:10]
    bill, year, used = fields[10:]
    return LineRecord(
        cart_line=int(cart_line),
        item_code=code,
        item_name=name,
        band=band,
        schedule_code=schedule,
        approval_doc_no=doc,
        quantity=Decimal(quantity),
        unit=unit,
        unit_price=Decimal(price),
        amount=Decimal(amount),
        bill_no=bill,
        tier_year=None if year is None else date.fromisoformat(year),
        used_before=None if used is None else Decimal(used),
    )
