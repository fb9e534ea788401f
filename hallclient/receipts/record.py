"""A receipt as one immutable value, its canonical form and its chain hash.

The record is what the layout prints, what the verifier checks and what the hash
covers: every fiscal field, in a versioned canonical form (compact JSON with sorted
keys, money as integer fen, quantities and prices at their stored places, time as
UTC ISO-8601 to the microsecond), with the previous receipt's hash in the same
series.  Version 2 adds to each line the bill it pays and, for tiered gas bought by
volume, its tier year and the volume its split started from; receipts issued as
version 1 keep their version and are checked by it.  Changing any field, or
dropping or reordering a receipt, breaks the chain from that receipt on.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from decimal import Decimal

from db.domain import PaymentMethod, ReceiptKind
from hallclient.tariff.rules import Quote

CHAIN_VERSION = 2
CHAIN_VERSIONS = (1, 2)
GENESIS = "0" * 64  # the "previous hash" of a series' first receipt


@dataclass(frozen=True)
class LineRecord:
    cart_line: int
    item_code: str
    item_name: str
    band: int | None
    schedule_code: str
    approval_doc_no: str
    quantity: Decimal
    unit: str
    unit_price: Decimal
    amount: Decimal
    bill_no: str | None = None
    tier_year: date | None = None
    used_before: Decimal | None = None


@dataclass(frozen=True)
class PaymentRecord:
    method: PaymentMethod
    amount: Decimal
    reference: str


@dataclass(frozen=True)
class ReceiptRecord:
    series: str
    number: int
    receipt_no: str
    kind: ReceiptKind
    hall_code: str
    counter_code: str
    clerk_employee_no: str
    clerk_name: str
    account_no: str
    customer_name: str
    issued_at: datetime
    total: Decimal
    cash_tendered: Decimal
    change: Decimal
    lines: tuple[LineRecord, ...]
    payments: tuple[PaymentRecord, ...]
    prev_hash: str
    voids_receipt_no: str | None = None
    void_reason: str = ""
    approved_by: str = ""
    chain_version: int = CHAIN_VERSION
    hash: str = field(default="", compare=False)

    def sealed(self) -> ReceiptRecord:
        """The same record with its chain hash filled in."""
        return replace(self, hash=chain_hash(self))


def lines_from_quotes(quotes: Iterable[Quote]) -> tuple[LineRecord, ...]:
    """The receipt's lines: one per basis line (a tiered quantity gives one per band)."""
    return tuple(
        LineRecord(
            index,
            b.item_code,
            b.item_name,
            b.band,
            b.schedule_code,
            b.approval_doc_no,
            b.quantity,
            b.unit,
            b.unit_price,
            b.subtotal,
            quote.bill_no,
            quote.tier_year if quote.counts_in_tier_year else None,
            quote.used_this_year if quote.counts_in_tier_year else None,
        )
        for index, quote in enumerate(quotes, start=1)
        for b in quote.lines
    )


def _fen(amount: Decimal) -> int:
    return int(amount.scaleb(2))


def _line(line: LineRecord, version: int) -> list[object]:
    fields: list[object] = [
        line.cart_line,
        line.item_code,
        line.item_name,
        line.band,
        line.schedule_code,
        line.approval_doc_no,
        f"{line.quantity:.3f}",
        line.unit,
        f"{line.unit_price:.4f}",
        _fen(line.amount),
    ]
    if version >= 2:
        year = None if line.tier_year is None else line.tier_year.isoformat()
        used = None if line.used_before is None else f"{line.used_before:.3f}"
        fields += [line.bill_no, year, used]
    return fields


def canonical(record: ReceiptRecord) -> bytes:
    """The canonical form of the record's version: every fiscal field, the hash excluded."""
    if record.chain_version not in CHAIN_VERSIONS:
        raise ValueError(f"unknown receipt chain version {record.chain_version}")
    if record.chain_version == 1 and any(
        line.bill_no or line.tier_year or line.used_before is not None for line in record.lines
    ):
        raise ValueError("a version 1 receipt carries no ledger fields")
    fields = {
        "v": record.chain_version,
        "series": record.series,
        "number": record.number,
        "receipt_no": record.receipt_no,
        "kind": record.kind.value,
        "voids": record.voids_receipt_no,
        "void_reason": record.void_reason,
        "approved_by": record.approved_by,
        "hall": record.hall_code,
        "counter": record.counter_code,
        "clerk": record.clerk_employee_no,
        "clerk_name": record.clerk_name,
        "account": record.account_no,
        "customer": record.customer_name,
        "issued_at": record.issued_at.astimezone(UTC).isoformat(timespec="microseconds"),
        "total": _fen(record.total),
        "tendered": _fen(record.cash_tendered),
        "change": _fen(record.change),
        "lines": [_line(line, record.chain_version) for line in record.lines],
        "payments": [[p.method.value, _fen(p.amount), p.reference] for p in record.payments],
        "prev": record.prev_hash,
    }
    return json.dumps(fields, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def chain_hash(record: ReceiptRecord) -> str:
    return hashlib.sha256(canonical(record)).hexdigest()
