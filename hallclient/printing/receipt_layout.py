"""The receipt's content, laid out once for every output (paper, preview, PDF).

Printed in Chinese whatever the screen language: it is the customer's document.
A further copy carries 重打 and its count in the title; a voided receipt reads 作废;
a void slip names the receipt it reverses and the approving manager.  The hall and
counter on the heading are those the receipt was issued at (its ``place``, named by the
codes on the record), never the workplace of the PC that prints or saves the copy.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from zoneinfo import ZoneInfo

from db.domain import PaymentMethod, ReceiptKind
from hallclient.money import format_unit_price, format_yuan
from hallclient.printing.layout import (
    QR,
    Align,
    Block,
    Columns,
    Feed,
    Layout,
    Paper,
    Rule,
    Text,
    display_width,
)
from hallclient.receipts.money_words import capitals
from hallclient.receipts.record import LineRecord, ReceiptRecord
from hallclient.setup.workplace import Workplace

METHOD_NAMES = {
    PaymentMethod.CASH: "现金",
    PaymentMethod.WECHAT: "微信支付",
    PaymentMethod.ALIPAY: "支付宝",
    PaymentMethod.UNIONPAY: "银联卡",
    PaymentMethod.BANK_TRANSFER: "银行转账",
}


@dataclass(frozen=True)
class Heading:
    """Who issues a document: the company, hotline and time zone from the settings; the
    hall and counter of this PC's workplace (a receipt names its own, see
    :func:`receipt_layout`)."""

    company: str
    hall: str
    counter: str
    hotline: str
    timezone: str


@dataclass(frozen=True)
class Copy:
    """Which paper this is: the original, a further copy (重打 n), of a voided receipt."""

    copy_no: int = 1
    voided: bool = False
    duplicate: bool = False  # a file copy (the PDF): 副本, never taken for the original

    @property
    def marks(self) -> str:
        marks = [f"重打{self.copy_no - 1}"] if self.copy_no > 1 else []
        marks += ["副本"] if self.duplicate else []
        return "".join(f"【{m}】" for m in [*marks, *(["作废"] if self.voided else [])])


def quantity_text(quantity: Decimal) -> str:
    text = f"{quantity:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def verification_code(record: ReceiptRecord) -> str:
    """What the customer can read out for checking: the chain hash's first 16 digits."""
    return record.hash[:16].upper()


def receipt_layout(
    record: ReceiptRecord, place: Workplace, heading: Heading, paper: Paper, copy: Copy
) -> Layout:
    """The receipt issued at ``place`` (the hall and counter of its codes)."""
    if (place.hall_code, place.counter_code) != (record.hall_code, record.counter_code):
        raise ValueError(f"receipt {record.receipt_no} was not issued at {place}")
    title = "作废凭证" if record.kind is ReceiptKind.VOID else "收费收据"
    big = display_width(heading.company) * 2 <= paper.columns - 4
    blocks: list[Block] = [
        Text(heading.company, Align.CENTER, bold=True, scale=2 if big else 1),
        Text(f"{place.hall_name} · {place.counter_name}", Align.CENTER),
        Text(title + copy.marks, Align.CENTER, bold=True),
        Rule(),
        *_facts(record, heading),
        Rule(),
        *_all_lines(record, paper),
        *_void_facts(record),
        Rule(),
        *_totals(record, paper),
        Rule(),
        QR(f"{record.receipt_no}|{record.hash}"),
        Text(f"校验码：{verification_code(record)}", Align.CENTER),
        Text(f"服务热线：{heading.hotline}", Align.CENTER),
        Text("请妥善保管本收据", Align.CENTER),
        Feed(2),
    ]
    return Layout(paper, tuple(blocks))


def _facts(record: ReceiptRecord, heading: Heading) -> list[Block]:
    issued = record.issued_at.astimezone(ZoneInfo(heading.timezone))
    facts = [
        f"票据号：{record.receipt_no}",
        f"日期：{issued:%Y-%m-%d %H:%M:%S}",
        f"收费员：{record.clerk_name}（工号 {record.clerk_employee_no}）",
    ]
    if record.account_no:
        facts.append(f"户号：{record.account_no}")
    if record.customer_name:
        facts.append(f"户名：{record.customer_name}")
    return [Text(fact) for fact in facts]


def _all_lines(record: ReceiptRecord, paper: Paper) -> list[Block]:
    """The lines; each bill paid is named above its lines (and its late fee), and tiered
    gas bought by volume says the year's volume its split started from (本年已用)."""
    blocks: list[Block] = []
    bill, cart_line = None, None
    for line in record.lines:
        if line.bill_no and line.bill_no != bill:
            blocks.append(Text(f"账单 {line.bill_no}", bold=True))
        bill = line.bill_no
        if line.used_before is not None and line.cart_line != cart_line:
            blocks.append(Text(f"本年已用 {quantity_text(line.used_before)}{line.unit}"))
        cart_line = line.cart_line
        blocks += _line(line, paper)
    return blocks


def _line(line: LineRecord, paper: Paper) -> list[Block]:
    """Name; quantity × price and the amount (on two rows when they do not fit on one: a
    figure is never cut); the approval document."""
    name = line.item_name + (f"（第{line.band}档）" if line.band else "")
    detail = f"  {quantity_text(line.quantity)}{line.unit}"
    if line.unit_price:  # a free item (免费) reads as such, not as × 0.00 = 0.00
        detail += f" × {format_unit_price(line.unit_price, symbol=False, grouping=False)}"
    amount = format_yuan(line.amount) if line.unit_price else "免费"
    width = max(12, display_width(amount) + 1)
    figures: list[Block] = [Text(detail)] if display_width(detail) > paper.columns - width else []
    shown = "" if figures else detail
    figures.append(
        Columns((shown, amount), (paper.columns - width, width), (Align.LEFT, Align.RIGHT))
    )
    return [Text(name), *figures, Text(f"  依据：{line.approval_doc_no}")]


def _void_facts(record: ReceiptRecord) -> list[Block]:
    if record.kind is not ReceiptKind.VOID:
        return []
    return [
        Text(f"作废票据：{record.voids_receipt_no}"),
        Text(f"作废原因：{record.void_reason}"),
        Text(f"批准人工号：{record.approved_by}"),
    ]


def amount_row(label: str, amount: Decimal, paper: Paper, bold: bool = False) -> Columns:
    figure = format_yuan(amount)
    width = max(16, display_width(figure) + 1)
    widths = (paper.columns - width, width)
    return Columns((label, figure), widths, (Align.LEFT, Align.RIGHT), bold)


def _totals(record: ReceiptRecord, paper: Paper) -> list[Block]:
    """Totals and payments; a void shows the reversed amounts as refunds, in positive figures."""
    void = record.kind is ReceiptKind.VOID
    total = abs(record.total)
    blocks: list[Block] = [
        amount_row("作废金额" if void else "合计", total, paper, bold=True),
        Text(f"大写：{capitals(total)}"),
    ]
    for p in record.payments:
        label = ("退回" if void else "") + METHOD_NAMES[p.method] + _ref(p.reference)
        blocks.append(amount_row(label, abs(p.amount), paper))
    if record.cash_tendered:
        blocks.append(amount_row("实收现金", record.cash_tendered, paper))
        blocks.append(amount_row("找零", record.change, paper))
    return blocks


def _ref(reference: str) -> str:
    return f"（{reference[-4:]}）" if reference else ""
