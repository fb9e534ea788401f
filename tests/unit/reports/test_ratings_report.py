"""The month's rating report from its figures: the PDF reads back with every counter's and
clerk's figures and its chart, the XLSX holds numbers and percentages, never a formula."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from db.domain import FollowUpStatus as S
from db.domain import RatingLevel as L
from hallclient.ratings.monthly import MonthlyRatings
from hallclient.ratings.rules import RatedVisit, figures_by, figures_of
from hallclient.reports.ratings_columns import percent
from hallclient.reports.ratings_pdf import monthly_ratings_pdf
from hallclient.reports.ratings_report import MonthlyReport
from hallclient.reports.ratings_xlsx import PERCENT_FORMAT, monthly_ratings_xlsx
from tests.printing.samples import HEADING

ROWS = [
    *[RatedVisit("C01", "1001", L.VERY_SATISFIED)] * 7,
    RatedVisit("C01", "1001", L.DISSATISFIED, S.FIXED),
    *[RatedVisit("C02", "=1+1", L.SATISFIED)] * 3,
    RatedVisit("C02", "=1+1", L.VERY_DISSATISFIED, S.OPENED, case_overdue=True),
    RatedVisit("C02", "=1+1", None),
]
REPORT = MonthlyReport(
    MonthlyRatings(
        2026,
        11,
        figures_of("H01", ROWS),
        figures_by(ROWS, by_clerk=False),
        figures_by(ROWS, by_clerk=True),
    ),
    {"1001": "王丽"},  # the other clerk is no longer known: their number alone
)
C01 = ["C01", 8, 7, 0, 0, 1, 0, 0, Decimal("0.875"), 1, Decimal(1), Decimal(1), 0]
C02 = ["C02", 4, 0, 3, 0, 0, 1, 1, Decimal("0.75"), 1, Decimal(0), Decimal(0), 1]
HALL = ["全厅合计", 12, 7, 3, 0, 1, 1, 1, Decimal("0.8333"), 2, Decimal("0.5"), Decimal("0.5"), 1]


def _shown(row: list[object]) -> list[str]:
    return [percent(v) if isinstance(v, Decimal) else str(v) for v in row]


@pytest.mark.skipif(  # in CI (.ci/run installs poppler-utils) never skipped
    shutil.which("pdftotext") is None and os.environ.get("CI", "").lower() != "true",
    reason="poppler-utils (pdftotext) missing",
)
def test_the_pdf_reads_back_with_each_counters_and_clerks_figures(tmp_path):
    path = tmp_path / "ratings.pdf"
    path.write_bytes(monthly_ratings_pdf(REPORT, HEADING))
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True
    ).stdout.decode()
    rows = [line.split() for line in text.splitlines()]
    assert "城东燃气有限公司 · 燃气营业厅 服务评价月报" in text and "2026年11月" in text
    for row in (C01, C02, HALL):
        assert _shown(row) in rows
    assert ["王丽", "1001", *_shown(C01)[1:]] in rows
    assert ["=1+1", *_shown(C02)[1:]] in rows
    assert "各窗口满意率（%）" in text and "87.5" in text and "75.0" in text  # the chart's bars


def test_the_xlsx_holds_numbers_and_percentages_and_no_formula():
    book = load_workbook(io.BytesIO(monthly_ratings_xlsx(REPORT)))
    assert book.sheetnames == ["各窗口", "各收费员"]
    counters = [
        [Decimal(str(v)) if isinstance(v, float) else v for v in row]  # the rates, as written
        for row in book["各窗口"].iter_rows(values_only=True)
    ]
    assert counters[0][:3] == ["窗口", "评价数", "非常满意"]
    assert counters[1:] == [C01, C02, HALL]
    assert book["各窗口"]["I4"].number_format == PERCENT_FORMAT
    clerks = book["各收费员"]
    assert [c.value for c in clerks["A"]] == ["收费员", "王丽 1001", "=1+1"]
    assert clerks["A3"].data_type == "s"  # text, never a formula
