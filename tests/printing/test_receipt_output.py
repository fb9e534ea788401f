"""One layout, three outputs: ESC/POS bytes decode back to the layout, for both papers and modes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PIL import Image, ImageChops

from hallclient.printing.escpos import Charset, JobOptions, Mode, job_bytes, native_layout
from hallclient.printing.layout import Paper, display_width, plain_lines
from hallclient.printing.raster import render_raster
from hallclient.printing.receipt_layout import Copy, receipt_layout
from tests.printing.escpos_decoder import decode
from tests.printing.samples import HEADING, PLACE, sample_record

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("HALLCLIENT_UPDATE_GOLDEN") == "1"
PAPERS = [Paper.MM58, Paper.MM80]


def _layout(paper: Paper, copy: Copy | None = None, **changes):
    return receipt_layout(sample_record(**changes), PLACE, HEADING, paper, copy or Copy())


def _same_image(a: Image.Image, b: Image.Image) -> bool:
    return (
        a.size == b.size and ImageChops.difference(a.convert("L"), b.convert("L")).getbbox() is None
    )


@pytest.mark.parametrize("paper", PAPERS)
def test_native_text_decodes_to_the_layout_lines(paper):
    layout = _layout(paper)
    data, mode = job_bytes(layout, JobOptions(Mode.NATIVE, Charset.GBK, drawer=True))
    printed = decode(data, "gbk")
    assert mode is Mode.NATIVE and printed.chinese and printed.cuts == 1 and printed.drawer
    expected = [line.strip() for line in plain_lines(native_layout(layout))]
    assert [text.strip() for text in printed.texts] == expected
    centred = {line.text for line in printed.lines if line.align == 1}
    assert {"收费收据", "服务热线：96777", "燃气营业厅 · 1 号窗口"} <= centred
    assert len(printed.images) == 1  # the QR code
    assert all(display_width(text) <= paper.columns for text in printed.texts)
    assert b"\xa5" not in data.replace("￥".encode("gbk"), b"")  # no half-width yen
    assert "大写：玖佰陆拾玖圆伍角整" in printed.texts
    big = [line for line in printed.lines if line.size == 0x11]
    fits_doubled = paper is Paper.MM80  # 16 columns doubled is too wide for 58 mm
    assert [line.text.strip() for line in big] == ["城东燃气有限公司"] * fits_doubled


@pytest.mark.parametrize("paper", PAPERS)
def test_raster_decodes_to_the_rendered_image(paper):
    layout = _layout(paper)
    data, mode = job_bytes(layout, JobOptions(Mode.RASTER))
    printed = decode(data)
    assert mode is Mode.RASTER and printed.texts == [] and printed.cuts == 1
    [image] = printed.images
    assert image.width == paper.dots
    assert _same_image(image, render_raster(layout))


@pytest.mark.parametrize("paper", PAPERS)
def test_golden_receipts(paper):
    """Native text and raster image are compared with reviewed files (regenerate with
    HALLCLIENT_UPDATE_GOLDEN=1 and look at the PNGs before committing them)."""
    layout = _layout(paper, Copy(copy_no=2))
    text = "\n".join(plain_lines(layout)) + "\n"
    image = render_raster(layout)
    text_file, png_file = GOLDEN / f"receipt_{paper.name}.txt", GOLDEN / f"receipt_{paper.name}.png"
    if UPDATE:
        GOLDEN.mkdir(exist_ok=True)
        text_file.write_text(text, encoding="utf-8")
        image.save(png_file)
    assert text == text_file.read_text(encoding="utf-8")
    assert _same_image(image, Image.open(png_file))


def test_a_character_outside_the_printers_set_sends_the_whole_receipt_as_raster():
    layout = _layout(Paper.MM58, customer_name="王䶮")  # 䶮: GB18030, not GBK
    _, mode = job_bytes(layout, JobOptions(Mode.NATIVE, Charset.GBK))
    assert mode is Mode.RASTER
    data, mode = job_bytes(layout, JobOptions(Mode.NATIVE, Charset.GB18030))
    assert mode is Mode.NATIVE and "户名：王䶮" in decode(data).texts


def test_marks_for_a_further_copy_and_a_voided_receipt():
    layout = _layout(Paper.MM80, Copy(copy_no=3, voided=True))
    assert "收费收据【重打2】【作废】" in [line.strip() for line in plain_lines(layout)]


@pytest.mark.parametrize("paper", PAPERS)
def test_long_figures_are_moved_to_their_own_row_never_cut(paper):
    from decimal import Decimal

    from hallclient.receipts.record import LineRecord

    line = LineRecord(
        1,
        "G101",
        "居民生活用气",
        1,
        "T-1",
        "测价〔2026〕1号",
        Decimal("123.456"),
        "m³",
        Decimal("3.2567"),
        Decimal("1234165.83"),
    )
    record = sample_record(
        lines=(line,),
        total=Decimal("1234165.83"),
        cash_tendered=Decimal(0),
        change=Decimal(0),
        payments=(),
    )
    text = "\n".join(plain_lines(receipt_layout(record, PLACE, HEADING, paper, Copy())))
    assert "123.456m³ × 3.2567" in text and "￥1,234,165.83" in text


def test_an_emoji_sends_the_receipt_as_raster_even_in_gb18030():
    layout = _layout(Paper.MM58, customer_name="张伟😀")
    assert job_bytes(layout, JobOptions(Mode.NATIVE, Charset.GB18030))[1] is Mode.RASTER


def test_latin_text_stays_on_the_paper():
    """Raster characters sit on the printer's grid: a line is never wider than the roll."""
    from hallclient.printing.raster import text_length

    for paper in PAPERS:
        layout = _layout(paper, customer_name="MAXWELL HOME MANAGEMENT COMPANY LIMITED 1234567")
        assert all(text_length(line, 24) <= paper.dots for line in plain_lines(layout))
