"""The shift report (X: a reading; Z: as closed) and the day close, laid out for paper.

The same printer-neutral layout as a receipt, so the thermal copy, the preview and
the PDF of a Z report never disagree.  Printed in Chinese: it is the hall's record.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from db.domain import MoveDirection, PaymentMethod
from hallclient.printing.layout import Align, Block, Feed, Layout, Paper, Rule, Text
from hallclient.printing.receipt_layout import METHOD_NAMES, Heading, amount_row
from hallclient.receipts.heads import head_text
from hallclient.shifts.cash import DENOMINATIONS, denomination_text
from hallclient.shifts.day_close import DayCloseView
from hallclient.shifts.figures import Tally
from hallclient.shifts.views import SeriesHead, ShiftReading

CATEGORY_NAMES = {
    "bills": "缴纳账单",
    "late_fees": "违约金",
    "gas_volume": "预付购气",
    "service_fee": "服务费",
    "material": "材料费",
    "deposit": "押金",
    "back_charge": "补缴",
}
STATUS_NAMES = {
    "open": "营业中",
    "submitted": "已交班待审核",
    "returned": "退回复点",
    "approved": "已审核",
}


def _when(moment: datetime | None, heading: Heading) -> str:
    return (
        "" if moment is None else f"{moment.astimezone(ZoneInfo(heading.timezone)):%Y-%m-%d %H:%M}"
    )


def shift_report_layout(reading: ShiftReading, heading: Heading, paper: Paper) -> Layout:
    """X report while the shift is open, Z report once it is counted."""
    shift, figures = reading.shift, reading.figures
    title = "班次结账单（Z）" if reading.tallies else "班次读数（X，不结账）"
    blocks: list[Block] = [
        Text(heading.company, Align.CENTER, bold=True),
        Text(f"{heading.hall} · {heading.counter}", Align.CENTER),
        Text(title, Align.CENTER, bold=True, scale=2 if paper is Paper.MM80 else 1),
        Rule(),
        Text(f"班次：{shift.id}  营业日：{shift.business_day.isoformat()}"),
        Text(f"收费员：{shift.clerk_name}（工号 {shift.clerk_employee_no}）"),
        Text(f"开班：{_when(shift.opened_at, heading)}"),
        Text(f"状态：{STATUS_NAMES[shift.status.value]}"),
        Text(f"打印：{_when(reading.taken_at, heading)}"),
        Rule(),
        Text("按支付方式", bold=True),
    ]
    for m in figures.methods:
        blocks.append(amount_row(f"{METHOD_NAMES[m.method]} {m.expected_count}笔", m.net, paper))
    counts = f"收据 {figures.receipts} 张，作废 {figures.voids} 张，重打 {figures.reprints} 次"
    blocks += [amount_row("合计实收", figures.net, paper, bold=True), Text(counts)]
    blocks += _cash_part(reading, paper)
    blocks += _categories(figures.by_category, figures.bills_paid, paper)
    if reading.tallies:
        blocks += _tally_part(reading.tallies, paper)
        blocks += [Text("现金清点", bold=True), *count_rows(reading.cash_count, paper)]
        blocks += [Rule(), Text("票据链头（本班次）", bold=True), *head_rows(reading.heads)]
    blocks += [Rule(), Text("收费员签字：", Align.LEFT), Feed(1), Text("值班长签字："), Feed(2)]
    return Layout(paper, tuple(blocks))


def _cash_part(reading: ShiftReading, paper: Paper) -> list[Block]:
    cash = reading.figures.method(PaymentMethod.CASH)
    blocks: list[Block] = [
        Rule(),
        Text("现金", bold=True),
        amount_row("备用金", cash.opening, paper),
        amount_row("现金收款", cash.sales, paper),
        amount_row("作废退款", -cash.voids, paper),
    ]
    for move in reading.moves:
        sign = 1 if move.direction is MoveDirection.IN else -1
        label = ("存入：" if sign > 0 else "取出：") + move.reason
        blocks.append(amount_row(label[: paper.columns // 2 - 4], sign * move.amount, paper))
    blocks.append(amount_row("应有现金", cash.expected, paper, bold=True))
    return blocks


def _categories(by_category: Mapping[str, Decimal], bills_paid: int, paper: Paper) -> list[Block]:
    if not by_category:
        return []
    rows: list[Block] = [
        amount_row(CATEGORY_NAMES.get(c, c), a, paper) for c, a in by_category.items()
    ]
    if bills_paid:
        rows.append(Text(f"缴纳账单 {bills_paid} 张"))
    return [Rule(), Text("按收入类别", bold=True), *rows]


def _tally_part(tallies: tuple[Tally, ...], paper: Paper) -> list[Block]:
    """Per method: what it should hold, what was counted or declared, and any difference
    (each figure on its own row, so that none is ever cut on 58 mm paper)."""
    blocks: list[Block] = [Rule(), Text("清点与差额", bold=True)]
    for t in tallies:
        blocks += [
            Text(METHOD_NAMES[t.method]),
            amount_row("  应有", t.expected, paper),
            amount_row("  实点" if t.method is PaymentMethod.CASH else "  申报", t.counted, paper),
        ]
        if t.difference:
            word = "长款" if t.difference > 0 else "短款"
            blocks.append(amount_row(f"  {word}", abs(t.difference), paper, bold=True))
    return blocks


def head_rows(heads: tuple[SeriesHead, ...]) -> list[Block]:
    """Each series' head as ``receipts verify --expect-head`` takes it back."""
    blocks: list[Block] = []
    for head in heads:
        blocks += [
            Text(f"{head.series} 至 {head.last_number:06d} 号"),
            Text(head_text(head.series, head.last_number, head.head_hash)),
        ]
    return blocks


def count_rows(count: Mapping[Decimal, int], paper: Paper) -> list[Block]:
    """One row per denomination counted (``100元 × 3  ￥300.00``, ``5分 × 2  ￥0.10``); an
    empty drawer reads 无."""
    rows: list[Block] = [
        amount_row(f"  {denomination_text(d)} × {count[d]}", d * count[d], paper)
        for d in DENOMINATIONS
        if count.get(d, 0)
    ]
    return rows or [Text("  无")]


def _close_income(view: DayCloseView, paper: Paper) -> list[Block]:
    """The day's income by kind and its bills paid (a close from before the ledger has none)."""
    if view.by_income is None:
        return []
    rows: list[Block] = [
        amount_row(CATEGORY_NAMES.get(c, c), a, paper) for c, a in view.by_income.items()
    ]
    return [
        Rule(),
        Text("按收入类别", bold=True),
        *rows,
        Text(f"缴纳账单 {view.bills_paid} 张"),
        Rule(),
    ]


def day_close_layout(view: DayCloseView, heading: Heading, paper: Paper) -> Layout:
    """The printed day close: its totals, the grand total and every series' chain head."""
    blocks: list[Block] = [
        Text(heading.company, Align.CENTER, bold=True),
        Text(heading.hall, Align.CENTER),
        Text("营业日结", Align.CENTER, bold=True, scale=2 if paper is Paper.MM80 else 1),
        Rule(),
        Text(f"营业日：{view.day.isoformat()}"),
        Text(f"日结：{_when(view.closed_at, heading)}  值班长工号 {view.closed_by}"),
        Rule(),
        *(
            amount_row(METHOD_NAMES[m], view.by_method[m.value], paper)
            for m in PaymentMethod
            if m.value in view.by_method
        ),  # in the methods' own order
        amount_row("本日合计", view.day_total, paper, bold=True),
        Text(f"收据 {view.receipts} 张，作废 {view.voids} 张"),
        *_close_income(view, paper),
        amount_row("上日累计", view.previous_grand_total, paper),
        amount_row("累计总额", view.grand_total, paper, bold=True),
        Rule(),
        Text("票据链头（每个票据序列）", bold=True),
    ]
    blocks += head_rows(view.heads)
    blocks += [Rule(), Text("日结校验：", bold=True), Text(view.hash), Feed(2)]
    return Layout(paper, tuple(blocks))
