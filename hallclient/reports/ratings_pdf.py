"""The month's rating report as an A4 (landscape) PDF: the hall, each counter, each clerk,
and a chart of each counter's satisfaction rate.

Drawn as the day report is (:mod:`.day_pdf`): reportlab platypus tables and a reportlab
graphics chart, in the bundled CJK font, embedded.
"""

from __future__ import annotations

import io
from decimal import Decimal

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from hallclient.printing.pdf import register_font
from hallclient.printing.receipt_layout import Heading
from hallclient.ratings.rules import FOLLOW_UP_WORKING_DAYS, RatingFigures
from hallclient.reports.day_pdf import PALETTE, report_styles, report_table
from hallclient.reports.ratings_columns import (
    FIGURE_TITLES,
    RATE_COLUMNS,
    Row,
    clerk_rows,
    counter_rows,
    percent,
)
from hallclient.reports.ratings_report import MonthlyReport

_CHART_WIDTH, _CHART_HEIGHT = 250 * mm, 62 * mm


def monthly_ratings_pdf(report: MonthlyReport, heading: Heading) -> bytes:
    font = register_font()
    styles = report_styles(font)
    ratings = report.ratings
    month = f"{ratings.year}年{ratings.month:02d}月"
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=landscape(A4),
        leftMargin=14 * mm,
        rightMargin=14 * mm,
        topMargin=12 * mm,
        bottomMargin=12 * mm,
        title=f"服务评价月报 {month}",
    )
    story = [
        Paragraph(f"{heading.company} · {heading.hall} 服务评价月报", styles["title"]),
        Paragraph(
            f"{month}（按办理日期计）　满意率 = 非常满意、满意、基本满意 ÷ 评价数；"
            f"差评（不满意、非常不满意）须在 {FOLLOW_UP_WORKING_DAYS} 个工作日内回访整改，"
            "逾期件数含逾期后才办结的。",
            styles["body"],
        ),
        Paragraph("各窗口", styles["h2"]),
        report_table(font, _shown(["窗口"], counter_rows(ratings)), None),
        Spacer(1, 4 * mm),
        _satisfaction_chart(font, ratings.by_counter),
        Paragraph("各收费员", styles["h2"]),
        report_table(font, _shown(["收费员"], clerk_rows(ratings, report.clerk_names)), None),
    ]
    document.build(story)
    return buffer.getvalue()


def _shown(first: list[str], rows: list[Row]) -> list[list[str]]:
    header = first + list(FIGURE_TITLES)
    if not rows:
        return [header, ["本月无评价", *("" for _ in FIGURE_TITLES)]]
    return [header] + [_texts(row) for row in rows]


def _texts(row: Row) -> list[str]:
    return [
        percent(value if isinstance(value, Decimal) else None)
        if column in RATE_COLUMNS
        else str(value)
        for column, value in enumerate(row)
    ]


def _satisfaction_chart(font: str, by_counter: list[RatingFigures]) -> Drawing:
    """Each counter's satisfaction rate in per cent (a counter nobody rated: no bar)."""
    drawing = Drawing(_CHART_WIDTH, _CHART_HEIGHT)
    drawing.add(String(0, _CHART_HEIGHT - 10, "各窗口满意率（%）", fontName=font, fontSize=10))
    if not by_counter:
        return drawing
    chart = VerticalBarChart()
    chart.x, chart.y = 14 * mm, 10 * mm
    chart.width, chart.height = _CHART_WIDTH - 20 * mm, _CHART_HEIGHT - 22 * mm
    rates = [f.satisfaction_rate for f in by_counter]
    chart.data = [[0.0 if rate is None else float(rate * 100) for rate in rates]]  # drawing only
    chart.categoryAxis.categoryNames = [f.key for f in by_counter]
    chart.categoryAxis.labels.fontName = chart.valueAxis.labels.fontName = font
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 100, 20
    chart.bars[0].fillColor = PALETTE[0]
    chart.barLabelFormat = "%.1f"
    chart.barLabels.fontName = font
    chart.barLabels.nudge = 7
    drawing.add(chart)
    return drawing
