"""The PDF copy: the same lines as the paper receipt, with the CJK font embedded."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from hallclient.printing.layout import Paper, plain_lines
from hallclient.printing.pdf import render_pdf
from hallclient.printing.receipt_layout import Copy, receipt_layout
from tests.printing.samples import HEADING, PLACE, sample_record

pytestmark = pytest.mark.skipif(  # in CI (.ci/run installs poppler-utils) never skipped
    shutil.which("pdftotext") is None and os.environ.get("CI", "").lower() != "true",
    reason="poppler-utils (pdftotext, pdffonts) missing",
)


@pytest.mark.parametrize("paper", [Paper.MM58, Paper.MM80])
def test_the_pdf_reads_back_as_the_layout(paper, tmp_path):
    layout = receipt_layout(sample_record(), PLACE, HEADING, paper, Copy(copy_no=2))
    pdf = render_pdf(layout, "H01-C01-2026-000001")
    path = tmp_path / "receipt.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    found = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    expected = [" ".join(line.split()) for line in plain_lines(layout) if line.strip("- ")]
    assert found == expected
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, check=True).stdout
    [font_line] = fonts.decode().splitlines()[2:]
    assert "WenQuanYiMicroHei" in font_line and " yes yes yes " in font_line  # embedded subset
