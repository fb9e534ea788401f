"""The hall's day report as an A4 PDF: totals, charts, every shift, every void.

Drawn with reportlab (platypus for the tables, reportlab graphics for the charts)
in the bundled CJK font, embedded, so it reads the same on any PC.  It summarises
(a day of 50,000 receipts is still a few pages); the XLSX export has every row.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from decimal import Decimal
from zoneinfo import ZoneInfo

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from db.domain import PaymentMethod
from hallclient.money import format_yuan
from hallclient.printing.pdf import register_font
from hallclient.printing.receipt_layout import METHOD_NAMES, Heading
from hallclient.reports.day_data import DayReport, VoidRow
from hallclient.shifts.report_layout import CATEGORY_NAMES, STATUS_NAMES

PALETTE = [
    colors.HexColor(c)
    for c in ("#1f6f8b", "#e0a030", "#3c9d5d", "#c2504a", "#7a5ea8", "#5b7083", "#b5835a")
]


def report_styles(font: str) -> dict[str, ParagraphStyle]:
    return {
        "title": ParagraphStyle("title", fontName=font, fontSize=18, leading=24, spaceAfter=4),
        "h2": ParagraphStyle(
            "h2",
            fontName=font,
            fontSize=12.5,
            leading=18,
            spaceBefore=8,
            spaceAfter=4,
            textColor=colors.HexColor("#1f4e5f"),
        ),
        "body": ParagraphStyle("body", fontName=font, fontSize=9.5, leading=13),
    }


def day_report_pdf(report: DayReport, heading: Heading) -> bytes:
    font = register_font()
    styles = report_styles(font)
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=16 * mm,
        rightMargin=16 * mm,
        topMargin=14 * mm,
        bottomMargin=14 * mm,
        title=f"营业日报 {report.day.day.isoformat()}",
    )
    story = [
        Paragraph(f"{heading.company} · {heading.hall} 营业日报", styles["title"]),
        Paragraph(f"营业日 {report.day.day.isoformat()}　{_closed_text(report)}", styles["body"]),
        Paragraph("全日合计", styles["h2"]),
        report_table(font, _summary_rows(report), (70 * mm, 50 * mm)),
        Paragraph("按支付方式", styles["h2"]),
        report_table(font, _method_rows(report), (50 * mm, 40 * mm)),
        _bar_chart(font, report.day.by_method),
        Paragraph("按收入类别", styles["h2"]),
        report_table(font, _category_rows(report.day.by_category), (50 * mm, 40 * mm)),
        _pie_chart(font, report.day.by_category),
        Paragraph("各窗口班次", styles["h2"]),
        report_table(font, _shift_rows(report, heading), None, figures_from=4),
        Paragraph("作废记录", styles["h2"]),
        report_table(font, _void_rows(report.voids, heading), None, figures_from=2),
    ]
    if report.close is not None:
        story += [
            Paragraph("票据链头（日结时）", styles["h2"]),
            report_table(
                font,
                [["票据序列", "末号", "链头哈希"]]
                + [[h.series, f"{h.last_number:06d}", h.head_hash] for h in report.close.heads],
                None,
                size=7.5,
                figures_from=9,
            ),
            Spacer(1, 4 * mm),
            Paragraph(f"日结校验 {report.close.hash}", styles["body"]),
        ]
    document.build(story)
    return buffer.getvalue()


def _closed_text(report: DayReport) -> str:
    if report.close is None:
        return f"尚未日结（{len(report.day.pending)} 个班次待审核）"
    return f"已日结，值班长工号 {report.close.closed_by}"


def _summary_rows(report: DayReport) -> list[list[str]]:
    day = report.day
    rows = [
        ["项目", "数值"],
        ["实收合计", format_yuan(day.net)],
        ["收据张数", str(day.receipts)],
        ["作废张数", str(day.voids)],
        ["作废金额", format_yuan(day.voided)],
        ["缴纳账单张数", str(day.bills_paid)],
        ["重打次数", str(day.reprints)],
        ["班次数", str(len(day.shifts))],
    ]
    if report.close is not None:
        rows += [
            ["上日累计", format_yuan(report.close.previous_grand_total)],
            ["累计总额", format_yuan(report.close.grand_total)],
        ]
    return rows


def _method_rows(report: DayReport) -> list[list[str]]:
    return [["支付方式", "实收"]] + [
        [METHOD_NAMES[m], format_yuan(a)] for m, a in report.day.by_method.items()
    ]


def _category_rows(by_category: dict[str, Decimal]) -> list[list[str]]:
    return [["收入类别", "实收"]] + [
        [CATEGORY_NAMES.get(c, c), format_yuan(a)] for c, a in by_category.items()
    ]


def _shift_rows(report: DayReport, heading: Heading) -> list[list[str]]:
    zone = ZoneInfo(heading.timezone)
    rows = [["窗口", "收费员", "开班", "状态", "收据", "实收", "应有现金", "差额"]]
    for line in report.day.shifts:
        s = line.shift
        rows.append(
            [
                s.counter_code,
                f"{s.clerk_name} {s.clerk_employee_no}",
                f"{s.opened_at.astimezone(zone):%H:%M}",
                STATUS_NAMES[s.status.value],
                str(line.figures.receipts),
                format_yuan(line.figures.net),
                format_yuan(line.figures.method(PaymentMethod.CASH).expected),
                line.differences_text(METHOD_NAMES.__getitem__),
            ]
        )
    return rows


def _void_rows(voids: Sequence[VoidRow], heading: Heading) -> list[list[str]]:
    zone = ZoneInfo(heading.timezone)
    rows = [["作废凭证", "原票据", "金额", "原因", "批准", "时间"]]
    rows += [
        [
            v.void_no,
            v.original_no,
            format_yuan(v.amount),
            v.reason[:20],
            v.approved_by,
            f"{v.at.astimezone(zone):%H:%M}",
        ]
        for v in voids
    ]
    return rows if voids else [*rows, ["无", "", "", "", "", ""]]


def report_table(
    font: str,
    rows: list[list[str]],
    widths: tuple[float, ...] | None,
    size: float = 8.5,
    figures_from: int = 1,
) -> Table:
    """A table with a shaded header; columns from ``figures_from`` on are right-aligned."""
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("ALIGN", (figures_from, 0), (-1, -1), "RIGHT"),
                ("FONT", (0, 0), (-1, -1), font, size),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e3eef2")),
                ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#9bb2bb")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def _bar_chart(font: str, by_method: dict[PaymentMethod, Decimal]) -> Drawing:
    drawing = Drawing(170 * mm, 58 * mm)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 16 * mm, 10 * mm, 145 * mm, 44 * mm
    chart.data = [[float(a) for a in by_method.values()]]  # drawing only: never a money figure
    chart.categoryAxis.categoryNames = [METHOD_NAMES[m] for m in by_method]
    chart.categoryAxis.labels.fontName = chart.valueAxis.labels.fontName = font
    chart.valueAxis.valueMin = 0
    chart.bars[0].fillColor = PALETTE[0]
    drawing.add(chart)
    return drawing


def _pie_chart(font: str, by_category: dict[str, Decimal]) -> Drawing:
    drawing = Drawing(170 * mm, 56 * mm)
    shown = {c: a for c, a in by_category.items() if a > 0}
    if not shown:
        return drawing
    pie = Pie()
    pie.x, pie.y, pie.width, pie.height = 20 * mm, 4 * mm, 46 * mm, 46 * mm
    pie.data = [float(a) for a in shown.values()]  # drawing only
    pie.labels = [CATEGORY_NAMES.get(c, c) for c in shown]
    pie.slices.fontName = font
    for index in range(len(shown)):
        pie.slices[index].fillColor = PALETTE[index % len(PALETTE)]
    drawing.add(pie)
    return drawing
