"""The referral slip: the department, how to reach it, the due time and what comes next,
on 58 and 80 mm paper, as PDF and as ESC/POS bytes."""

from __future__ import annotations

import datetime as dt

import pytest

from db.domain import ReferralStatus, Urgency
from hallclient.printing.escpos import JobOptions, Mode, job_bytes
from hallclient.printing.layout import Paper, plain_lines
from hallclient.printing.pdf import render_pdf
from hallclient.referrals.rules import Lateness
from hallclient.referrals.service import ReferralView
from hallclient.referrals.slip import SlipDepartment, slip_layout
from tests.printing.samples import HEADING

CREATED = dt.datetime(2026, 11, 27, 2, 5, tzinfo=dt.UTC)
REPAIR = SlipDepartment(
    "抢修及通气点火中心", "028-86000110", "8110", "营业厅东侧抢修站一楼", "全天24小时"
)


def referral(urgency=Urgency.URGENT, confidential=False) -> ReferralView:
    return ReferralView(
        7,
        "ZB2026-000007",
        "emergency_repair",
        urgency,
        "厨房燃气表不走字，客户要求上门检修",
        "1028100020",
        "",
        "",
        "",
        "",
        ReferralStatus.NEW,
        CREATED,
        CREATED + dt.timedelta(hours=4),
        "",
        Lateness.ON_TIME,
        confidential,
    )


@pytest.mark.parametrize("paper", list(Paper))
def test_the_slip_names_the_department_its_contacts_and_the_due_time(paper):
    text = "\n".join(plain_lines(slip_layout(referral(), REPAIR, HEADING, paper)))
    for expected in (
        "转办号：ZB2026-000007",
        "抢修及通气点火中心",
        "028-86000110 转 8110",
        "营业厅东侧抢修站一楼",
        "全天24小时",
        "紧急程度：紧急",
        "受理时间：2026-11-27 10:05",
        "2026-11-27 14:05 前",
        "优先处理",
    ):
        assert expected in text.replace("\n", ""), expected


def test_an_emergency_slip_says_what_to_do_meanwhile():
    text = "".join(
        plain_lines(slip_layout(referral(Urgency.EMERGENCY), REPAIR, HEADING, Paper.MM80))
    )
    assert "不开关电器" in text and "不用明火" in text


def test_a_theft_report_slip_carries_the_redacted_reference_only():
    text = "".join(
        plain_lines(slip_layout(referral(confidential=True), REPAIR, HEADING, Paper.MM58))
    )
    assert "举报 ZB2026-000007" in text


@pytest.mark.parametrize("paper", list(Paper))
def test_a_slip_printed_again_says_so_and_when(paper):
    again = CREATED + dt.timedelta(days=1, minutes=30)
    lines = plain_lines(slip_layout(referral(), REPAIR, HEADING, paper, reprinted_at=again))
    text = "".join(lines)
    assert "业务转办回执【重打】" in text and "重打时间：2026-11-28 10:35" in text
    assert "重打" not in "".join(plain_lines(slip_layout(referral(), REPAIR, HEADING, paper)))


@pytest.mark.parametrize("mode", [Mode.RASTER, Mode.NATIVE])
def test_the_slip_prints_as_escpos(mode):
    data, used = job_bytes(slip_layout(referral(), REPAIR, HEADING, Paper.MM80), JobOptions(mode))
    assert used is mode and data.startswith(b"\x1b@") and len(data) > 500
    if mode is Mode.NATIVE:
        assert "抢修及通气点火中心".encode("gb18030") in data


def test_the_slip_as_pdf():
    pdf = render_pdf(slip_layout(referral(), REPAIR, HEADING, Paper.MM80), "ZB2026-000007")
    assert pdf.startswith(b"%PDF") and b"WenQuanYi" in pdf
