"""The referral slip the customer takes home: which department, how to reach it, by when.

One printer-neutral layout for the thermal printer, the preview and the PDF, like a
receipt.  Printed in Chinese (the customer's copy).  A theft report's slip is named by
its redacted reference and carries no reporter; nothing on any slip identifies one.
A slip printed again (the customer lost it) says 【重打】 and when, as a receipt's copy does.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from db.domain import Urgency
from hallclient.printing.layout import QR, Align, Block, Feed, Layout, Paper, Rule, Text
from hallclient.printing.receipt_layout import Heading
from hallclient.referrals.informants import redacted_reference
from hallclient.referrals.service import ReferralView

URGENCY_NAMES = {Urgency.NORMAL: "一般", Urgency.URGENT: "紧急", Urgency.EMERGENCY: "特急（抢险）"}
NEXT_STEPS = {
    Urgency.NORMAL: "承办部门将在办结时限前与您联系并处理，请保持电话畅通。",
    Urgency.URGENT: "承办部门将优先处理，并尽快与您联系，请保持电话畅通。",
    Urgency.EMERGENCY: "抢修人员正赶往现场。请离开室内、不开关电器、不用明火，在室外等候。",
}


@dataclass(frozen=True)
class SlipDepartment:
    name: str
    phone: str
    extension: str
    location: str
    hours: str


def _when(moment: datetime, heading: Heading) -> str:
    return f"{moment.astimezone(ZoneInfo(heading.timezone)):%Y-%m-%d %H:%M}"


def slip_layout(
    referral: ReferralView,
    department: SlipDepartment,
    heading: Heading,
    paper: Paper,
    reprinted_at: datetime | None = None,
) -> Layout:
    """The customer's slip for ``referral``; ``reprinted_at``: a copy printed again then."""
    shown = (
        redacted_reference(referral.reference) if referral.confidential else (referral.reference)
    )
    phone = department.phone + (f" 转 {department.extension}" if department.extension else "")
    title = "业务转办回执" + ("【重打】" if reprinted_at is not None else "")
    blocks: list[Block] = [
        Text(heading.company, Align.CENTER, bold=True),
        Text(f"{heading.hall} · {heading.counter}", Align.CENTER),
        Text(title, Align.CENTER, bold=True, scale=2 if paper is Paper.MM80 else 1),
    ]
    if reprinted_at is not None:
        blocks.append(Text(f"重打时间：{_when(reprinted_at, heading)}", Align.CENTER))
    blocks += [
        Rule(),
        Text(f"转办号：{shown}", bold=True),
        Text(f"承办部门：{department.name}", bold=True),
        Text(f"联系电话：{phone}"),
        Text(f"办公地点：{department.location}"),
        Text(f"办公时间：{department.hours}"),
        Text(f"紧急程度：{URGENCY_NAMES[referral.urgency]}"),
        Text(f"受理时间：{_when(referral.created_at, heading)}"),
        Text(f"办结时限：{_when(referral.due_at, heading)} 前", bold=True),
        Rule(),
        Text("事项：", bold=True),
        Text(referral.matter),
        Rule(),
        Text("接下来：", bold=True),
        Text(NEXT_STEPS[referral.urgency]),
        Text(f"凭转办号可随时查询办理进度。服务热线：{heading.hotline}"),
        QR(shown),
        Feed(2),
    ]
    return Layout(paper, tuple(blocks))
