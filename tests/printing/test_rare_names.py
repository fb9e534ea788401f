"""Every name prints as written: rare characters (CJK Extensions A and B) and ℃ on the
raster receipt and slip (58 and 80 mm), in native GBK and GB18030 with their fallback to
raster, and in the PDF copy; a character no bundled font has prints as its code.

The golden PNGs are reviewed files (regenerate with HALLCLIENT_UPDATE_GOLDEN=1 and look
at them before committing them)."""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageDraw

from hallclient.printing import fonts
from hallclient.printing.escpos import Charset, JobOptions, Mode, render_job
from hallclient.printing.layout import Layout, Paper, Text, display_width
from hallclient.printing.pdf import render_pdf
from hallclient.printing.raster import render_raster
from hallclient.printing.receipt_layout import Copy, receipt_layout
from hallclient.referrals.slip import slip_layout
from tests.printing.escpos_decoder import decode
from tests.printing.samples import HEADING, PLACE, sample_record
from tests.unit.referrals.test_slip import REPAIR, referral

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("HALLCLIENT_UPDATE_GOLDEN") == "1"
NAMES = {
    "ext_a": "张䶮",
    "ext_a2": "林㐀",
    "ext_b": "王𠮷",
    "ext_g": "王\U00030ede",  # 𰻞 (biáng), CJK Extension G
    "gbk": "堃喆",
    "celsius": "李℃",
}
PAPERS = [Paper.MM58, Paper.MM80]
NO_FONT = "\U0003fffd"  # unassigned: in none of the bundled fonts
POPPLER = shutil.which("pdftotext") is not None and shutil.which("pdftoppm") is not None
needs_poppler = pytest.mark.skipif(
    not POPPLER and os.environ.get("CI", "").lower() != "true",
    reason="poppler-utils (pdftotext, pdftoppm) missing",
)


def _receipt(name: str, paper: Paper) -> Layout:
    return receipt_layout(sample_record(customer_name=name), PLACE, HEADING, paper, Copy())


def _slip(name: str, paper: Paper) -> Layout:
    matter = f"客户{name}：厨房燃气表不走字，要求上门检修"
    return slip_layout(replace(referral(), matter=matter), REPAIR, HEADING, paper)


LAYOUTS = {"receipt": _receipt, "slip": _slip}


def _same(a: Image.Image, b: Image.Image) -> bool:
    return (
        a.size == b.size and ImageChops.difference(a.convert("L"), b.convert("L")).getbbox() is None
    )


def test_each_character_is_drawn_by_the_first_font_that_has_ink_for_it():
    assert [fonts.font_for(ch) for ch in "张堃喆 ￥㎡№①"] == [0] * 8
    assert [fonts.font_for(ch) for ch in "䶮㐀𠮷℃"] == [1] * 4  # wqy's ℃ is an empty glyph
    assert fonts.font_for("\U0002a6d6") == 2  # the end of Extension B: HanaMinB
    assert fonts.font_for("\U00030ede") == fonts.font_for("\U00031350") == 3  # G, H: BabelStone
    assert fonts.font_for(NO_FONT) is None
    assert fonts.runs("户名：张䶮℃") == [(0, "户名：张"), (1, "䶮℃")]


def test_a_character_no_font_has_prints_as_its_code_and_is_logged_once(caplog):
    caplog.set_level(logging.WARNING, "hallclient.printing.fonts")
    fonts._code.cache_clear()
    layout = _receipt("张" + NO_FONT + NO_FONT, Paper.MM80)
    render_raster(layout)
    text = decode(render_job(layout, JobOptions(Mode.NATIVE, Charset.GB18030)).data).texts
    assert "户名：张U+3FFFDU+3FFFD" in text
    assert [r.message for r in caplog.records].count(
        "no bundled font draws U+3FFFD; it is printed as its code"
    ) == 1


def test_a_variation_selector_prints_its_base_character_never_its_code():
    from hallclient.printing.layout import clean

    assert clean("葛\U000e0100优") == "葛优" and clean("邉\U000e0103 1\ufe0f") == "邉 1"
    assert clean("A\u200bB\ue000") == "AB" + fonts.shown("\ue000")  # private use: kept


def _cell(image: Image.Image) -> Image.Image:
    """The drawn character cropped to its ink (a blank cell stays whole)."""
    gray = image.convert("L")
    box = ImageChops.invert(gray).getbbox()
    return gray.crop(box) if box else gray


def _tofus() -> list[Image.Image]:
    """What each chain font draws for a character it lacks (its .notdef box, if any)."""
    shown = []
    for index in range(len(fonts.CHAIN)):
        image = Image.new("L", (40, 40), 255)
        face = fonts._probe(index)
        ImageDraw.Draw(image).text((4, 4), NO_FONT, font=face, fill=0)
        shown.append(_cell(image))
    return shown


@pytest.mark.parametrize("name", NAMES.values())
def test_every_raster_character_has_ink_and_is_no_missing_glyph_box(name):
    tofus = _tofus()
    for char in name:
        image = _cell(render_raster(Layout(Paper.MM58, (Text(char),))))
        assert image.getextrema()[0] == 0, f"{char} has no ink"
        assert not any(_same(image, tofu) for tofu in tofus), f"{char} is a missing-glyph box"


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("kind", LAYOUTS)
@pytest.mark.parametrize("key", NAMES)
def test_golden_rare_names_on_raster(paper, kind, key):
    image = render_raster(LAYOUTS[kind](NAMES[key], paper))
    png = GOLDEN / f"names_{kind}_{key}_{paper.name}.png"
    if UPDATE:
        image.save(png)
    assert _same(image, Image.open(png))


# native mode: which names the printer's own font has (GBK: none of Extension A or B;
# GB18030 fonts carry Extension A, but not B)
NATIVE = {
    Charset.GBK: {"gbk", "celsius"},
    Charset.GB18030: {"gbk", "celsius", "ext_a", "ext_a2"},
}


@pytest.mark.parametrize("charset", list(Charset))
@pytest.mark.parametrize("kind", LAYOUTS)
@pytest.mark.parametrize("key", NAMES)
def test_native_mode_prints_the_name_or_falls_back_to_the_golden_raster(charset, kind, key):
    layout = LAYOUTS[kind](NAMES[key], Paper.MM80)
    job = render_job(layout, JobOptions(Mode.NATIVE, charset))
    printed = decode(job.data, charset.value)
    if key in NATIVE[charset]:
        assert job.mode is Mode.NATIVE and not job.fell_back
        assert any(NAMES[key] in text for text in printed.texts)
    else:
        assert job.mode is Mode.RASTER and job.fell_back and printed.texts == []
        [image] = printed.images
        assert _same(image, Image.open(GOLDEN / f"names_{kind}_{key}_MM80.png"))


@pytest.mark.parametrize("paper", PAPERS)
def test_native_columns_count_what_native_prints(paper):
    """m³ prints as m3: the amounts of the gas lines end at the paper's last column."""
    layout = _receipt("张伟", paper)
    texts = decode(render_job(layout, JobOptions(Mode.NATIVE, Charset.GBK)).data, "gbk").texts
    gas = [text for text in texts if "m3 ×" in text and "￥" in text]
    assert gas and all(display_width(text) == paper.columns for text in gas)
    assert all("￥" not in text or display_width(text) == paper.columns for text in texts)


def _pdf_text(pdf: bytes, folder: Path) -> str:
    path = folder / "copy.pdf"
    path.write_bytes(pdf)
    run = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True)
    return run.stdout.decode("utf-8")


def _pdf_image(pdf: bytes, folder: Path) -> Image.Image:
    path = folder / "char.pdf"
    path.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "203", "-png", str(path), str(folder / "char")], check=True)
    [png] = folder.glob("char*.png")
    image = Image.open(png).convert("L")
    png.unlink()
    return image


@needs_poppler
@pytest.mark.parametrize("kind", LAYOUTS)
def test_the_pdf_text_layer_keeps_every_name(kind, tmp_path):
    for name in NAMES.values():
        text = _pdf_text(render_pdf(LAYOUTS[kind](name, Paper.MM80), "copy"), tmp_path)
        assert name in text


@needs_poppler
def test_every_pdf_character_has_ink_and_differs_from_a_missing_one(tmp_path):
    blank = _cell(_pdf_image(render_pdf(Layout(Paper.MM58, (Text(" "),)), "x"), tmp_path))
    missing = _cell(_pdf_image(render_pdf(Layout(Paper.MM58, (Text(NO_FONT),)), "x"), tmp_path))
    for char in "".join(NAMES.values()):
        drawn = _cell(_pdf_image(render_pdf(Layout(Paper.MM58, (Text(char),)), "x"), tmp_path))
        assert drawn.getextrema()[0] < 128, f"{char} has no ink in the PDF"
        assert not _same(drawn, blank) and not _same(drawn, missing), char
