"""The printer test page: what an installer checks after connecting a printer."""

from __future__ import annotations

from hallclient.printing.layout import QR, Align, Columns, Feed, Layout, Paper, Rule, Text
from hallclient.printing.printers import PrinterConfig
from hallclient.printing.receipt_layout import Heading


def test_page(config: PrinterConfig, heading: Heading) -> Layout:
    paper, options = config.paper, config.options
    left = paper.columns - 12
    millimetres = 58 if paper is Paper.MM58 else 80
    return Layout(
        paper,
        (
            Text("打印机测试页", Align.CENTER, bold=True, scale=2),
            Text(f"{heading.company} · {heading.hall} · {heading.counter}", Align.CENTER),
            Rule(),
            Text(f"纸宽 {paper.dots} 点（{millimetres} mm），每行 {paper.columns} 列"),
            Text(f"模式 {options.mode.value}，字符集 {options.charset.value}"),
            Text("中文：燃气营业厅收费收据，户号、表号、阶梯气价。"),
            Text("符号：￥ × · （） 〔〕 ℃ m³ —— 1234567890"),
            Columns(("左对齐", "￥1,234.56"), (left, 12), (Align.LEFT, Align.RIGHT)),
            Text("加粗 Bold", bold=True),
            Rule("="),
            QR("HallClient printer test"),
            Text(f"服务热线：{heading.hotline}", Align.CENTER),
            Feed(2),
        ),
    )
