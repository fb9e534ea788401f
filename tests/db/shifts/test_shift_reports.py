"""Shift and day reports read back: the Z report, the day PDF and the XLSX match the database."""

from __future__ import annotations

import os
import shutil
import subprocess
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from db.domain import PaymentMethod, Role
from db.models.receipts import Receipt, ReceiptLine
from hallclient.money import format_yuan
from hallclient.printing.escpos import Charset, JobOptions, Mode, job_bytes
from hallclient.printing.layout import Paper, plain_lines
from hallclient.printing.pdf import render_pdf
from hallclient.reports.day_data import day_report
from hallclient.reports.day_pdf import day_report_pdf
from hallclient.reports.export_xlsx import ExportCancelledError, export_days
from hallclient.reports.xlsx_writer import MONEY_FORMAT
from hallclient.shifts import day_close, manager
from hallclient.shifts import service as shifts
from hallclient.shifts.report_layout import day_close_layout, shift_report_layout
from hallclient.uow import UnitOfWork
from tests.db.receipt_helpers import open_till
from tests.db.shift_helpers import close_exact, pay, void
from tests.printing.samples import HEADING

D = Decimal
needs_poppler = pytest.mark.skipif(  # in CI (.ci/run installs poppler-utils) never skipped
    shutil.which("pdftotext") is None and os.environ.get("CI", "").lower() != "true",
    reason="poppler-utils (pdftotext) missing",
)


@pytest.fixture
def closed_day(database):
    """A day at two counters: cash, WeChat, a void, a cash move; closed and approved."""
    till = open_till(database)
    clerk, other = till.clerk, till.context(counter="C02")
    boss = till.context(Role.SHIFT_MANAGER, counter="C09")
    pay(till, clerk, till.cart(("G101", "12.5")), PaymentMethod.CASH)
    wrong = pay(till, clerk, till.cart(("M101", "1")), PaymentMethod.WECHAT)
    void(till, clerk, wrong.record.receipt_no)
    pay(till, other, till.cart(("S105", "2")), PaymentMethod.ALIPAY)
    shifts.move_cash(database, clerk, shifts.MoveDirection.OUT, D("100.00"), "上缴银行")
    zs = []
    first = {D(100): 1, D(50): 1, D(10): 3, D(1): 2, D("0.5"): 1, D("0.1"): 1}  # 182.60
    for context, cash in ((clerk, first), (other, {D(100): 2, D(50): 1})):
        z = close_exact(till, context, cash)
        manager.approve_shift(database, boss, z.shift.id)
        zs.append(z)
    closed = day_close.close_day(database, boss, clerk.today())
    return till, boss, zs, closed


def _text(lines: list[str]) -> str:
    return "\n".join(" ".join(line.split()) for line in lines)


def test_the_z_report_shows_each_method_the_moves_and_the_count(closed_day):
    _till, _boss, (z, _), _closed = closed_day
    text = _text(plain_lines(shift_report_layout(z, HEADING, Paper.MM80)))
    assert "班次结账单（Z）" in text and "现金 1笔 ￥32.63" in text
    assert "微信支付 0笔 ￥0.00" in text and "作废 1 张" in text
    assert "取出：上缴银行 ￥-100.00" in text and "应有现金 ￥182.63" in text
    assert "短款 ￥0.03" in text and "现金清点\n100元 × 1 ￥100.00\n50元 × 1 ￥50.00" in text
    assert "1元 × 2 ￥2.00\n5角 × 1 ￥0.50\n1角 × 1 ￥0.10" in text
    head = z.heads[0]  # the shift's last receipt: a void, H01-C01-2026-000003
    assert (head.series, head.last_number) == ("H01-C01-2026", 3)
    assert (
        f"票据链头（本班次）\n{head.series} 至 000003 号\n{head.series}:3:{head.head_hash[:16]}"
        in text
    )
    for paper in Paper:
        for mode in Mode:
            data, _ = job_bytes(
                shift_report_layout(z, HEADING, paper), JobOptions(mode, Charset.GB18030)
            )
            assert data.startswith(b"\x1b@")


def test_the_day_close_prints_totals_and_every_series_head(closed_day):
    _till, _boss, _zs, closed = closed_day
    text = _text(plain_lines(day_close_layout(closed, HEADING, Paper.MM58)))
    assert "本日合计 ￥92.63" in text and "累计总额 ￥92.63" in text
    for head in closed.heads:  # as receipts verify --expect-head takes them back
        assert f"{head.series} 至 {head.last_number:06d} 号" in text
        assert f"{head.series}:{head.last_number}:{head.head_hash[:16]}" in text.replace("\n", "")


@needs_poppler
def test_the_day_pdf_reads_back_as_the_database(closed_day, tmp_path):
    till, boss, zs, closed = closed_day
    report = day_report(till.database, boss, closed.day)
    path = tmp_path / "day.pdf"
    path.write_bytes(day_report_pdf(report, HEADING))
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    words = " ".join(text.split())
    assert "营业日报" in words and "已日结" in words
    assert f"实收合计 {format_yuan(report.day.net)}" in words
    assert f"支付宝 {format_yuan(D(60))}" in words and f"现金 {format_yuan(D('32.63'))}" in words
    assert f"作废金额 {format_yuan(D(280))}" in words and report.voids[0].void_no in words
    assert f"累计总额 {format_yuan(closed.grand_total)}" in words
    for z in zs:
        assert z.shift.counter_code in words
    assert closed.heads[0].head_hash in words.replace(" ", "") or closed.heads[0].series in words
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, check=True).stdout
    assert "WenQuanYiMicroHei" in fonts.decode()


@needs_poppler
def test_the_z_report_pdf_is_the_paper_report(closed_day, tmp_path):
    layout = shift_report_layout(closed_day[2][0], HEADING, Paper.MM80)
    path = tmp_path / "z.pdf"
    path.write_bytes(render_pdf(layout, "Z"))
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    found = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    assert found == [" ".join(line.split()) for line in plain_lines(layout) if line.strip("- ")]


def test_the_xlsx_reads_back_as_the_database(closed_day, tmp_path):
    till, boss, zs, closed = closed_day
    target = tmp_path / "export.xlsx"
    summary = export_days(till.database, boss, closed.day, closed.day, target)
    book = load_workbook(target)
    assert book.sheetnames == ["收据", "明细", "作废", "班次"]
    with UnitOfWork(till.database) as uow:
        receipts = uow.session.execute(
            select(Receipt.receipt_no, Receipt.total).order_by(Receipt.series, Receipt.number)
        ).all()
        lines = uow.session.scalar(select(func.count()).select_from(ReceiptLine))
    rows = list(book["收据"].iter_rows(min_row=2, values_only=True))
    assert [(r[0], D(str(r[8]))) for r in rows] == [(no, total) for no, total in receipts]
    assert book["收据"]["I2"].number_format == MONEY_FORMAT
    assert book["收据"]["C2"].is_date
    assert (summary.receipts, summary.lines, summary.voids, summary.shifts) == (4, lines, 1, 2)
    assert book["明细"].max_row == lines + 1 and book["作废"]["C2"].value == 280
    shift_rows = list(book["班次"].iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in shift_rows] == [z.shift.id for z in zs]
    assert {r[7] for r in shift_rows} == {"已审核"}  # the state in the workbook's language


def test_a_cancelled_export_writes_nothing(closed_day, tmp_path):
    till, boss, _zs, closed = closed_day
    target = tmp_path / "export.xlsx"
    seen = []
    with pytest.raises(ExportCancelledError):
        export_days(
            till.database,
            boss,
            closed.day,
            closed.day,
            target,
            lambda done, total: seen.append((done, total)) or False,
        )
    assert seen and not target.exists() and list(tmp_path.glob("*.xlsx")) == []
