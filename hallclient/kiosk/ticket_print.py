"""The kiosk's paper ticket: laid out and sent like a receipt, through the same layer.

Printed in Chinese (the customer's paper).  The ticket is committed before anything is
printed; a printer fault is logged and returned, never raised: the kiosk then shows
the ticket on its screen to be photographed, and nothing is issued twice.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from zoneinfo import ZoneInfo

from PIL import Image

from db.domain import PriorityReason
from hallclient.kiosk.tickets import KioskTicket
from hallclient.printing.escpos import render_job
from hallclient.printing.layout import QR, Align, Block, Feed, Layout, Paper, Rule, Text
from hallclient.printing.printers import PrinterConfig, PrinterFault, PrinterProblem, send_job

log = logging.getLogger(__name__)

PRIORITY_ZH = {
    PriorityReason.ELDERLY: "老年人",
    PriorityReason.DISABLED: "残疾人",
    PriorityReason.PREGNANT: "孕妇",
}


def ticket_layout(ticket: KioskTicket, paper: Paper, timezone: str) -> Layout:
    """Hall, the number very large, the category, who waits ahead, the time and the QR."""
    issued = ticket.issued_at.astimezone(ZoneInfo(timezone))
    green = (
        [Text(f"绿色通道（{PRIORITY_ZH[ticket.priority_reason]}）优先", Align.CENTER, bold=True)]
        if ticket.priority_reason
        else []
    )
    blocks: tuple[Block, ...] = (
        Text(ticket.hall_name, Align.CENTER, bold=True),
        Rule(),
        Text("您的号码", Align.CENTER),
        Text(ticket.label, Align.CENTER, bold=True, scale=4),
        Text(ticket.category_zh, Align.CENTER, bold=True, scale=2),
        *green,
        Text(f"前面还有 {ticket.people_ahead} 人等候", Align.CENTER),
        Text(f"取号时间：{issued:%Y-%m-%d %H:%M}", Align.CENTER),
        Rule(),
        QR(ticket.qr_text),
        Text("请留意叫号，过号请与窗口联系", Align.CENTER),
        Feed(2),
    )
    return Layout(paper, blocks)


@dataclass(frozen=True)
class TicketPrint:
    printed: bool
    problem: PrinterProblem | None = None
    image: Image.Image | None = field(default=None, compare=False, repr=False)


def print_ticket(config: PrinterConfig, ticket: KioskTicket, timezone: str) -> TicketPrint:
    """Send the ticket to the kiosk's printer; a fault is logged and returned."""
    options = replace(config.options, drawer=False)  # a kiosk has no cash drawer to open
    job = render_job(ticket_layout(ticket, config.paper, timezone), options)
    try:
        send_job(config, job.data)
    except PrinterFault as fault:
        log.error("kiosk ticket %s not printed on %s: %s", ticket.label, config.describe(), fault)
        return TicketPrint(False, fault.problem, job.image)
    log.info("kiosk ticket %s printed (%s)", ticket.label, job.mode)
    return TicketPrint(True, None, job.image)
