"""The kiosk's desk: its categories, a ticket issued, then printed.

A kiosk opens the database alone (:func:`hallclient.core.prepare_database`), not the
counter's :class:`~hallclient.core.Core`, whose start registers the settings' counter
as a counter of the hall: a kiosk is no counter, and it acts as itself
(:mod:`hallclient.kiosk.device`).
"""

from __future__ import annotations

from dataclasses import dataclass

from db.domain import PriorityReason
from db.engine import Database
from hallclient.clock import Clock, SystemClock
from hallclient.config import Settings
from hallclient.core import prepare_database
from hallclient.intake.service import QueueCategory, queue_categories
from hallclient.kiosk.device import DeviceContext, kiosk_context
from hallclient.kiosk.ticket_print import TicketPrint, print_ticket
from hallclient.kiosk.tickets import KioskTicket, issue_kiosk_ticket
from hallclient.printing.printers import PrinterConfig


@dataclass(frozen=True)
class TakenTicket:
    ticket: KioskTicket
    printed: TicketPrint


class KioskDesk:
    def __init__(
        self, database: Database, context: DeviceContext, printer: PrinterConfig, hall_name: str
    ) -> None:
        self.database, self.context, self.printer = database, context, printer
        self.hall_name = hall_name  # the hall's name until the hall is registered

    def categories(self) -> list[QueueCategory]:
        return queue_categories(self.database, self.context)

    def issue(
        self,
        category_code: str,
        account_no: str = "",
        priority_reason: PriorityReason | None = None,
    ) -> KioskTicket:
        """Issue and commit the ticket (raises ``KioskError`` for an unknown account)."""
        return issue_kiosk_ticket(
            self.database,
            self.context,
            category_code,
            account_no=account_no,
            priority_reason=priority_reason,
            hall_name=self.hall_name,
        )

    def print(self, ticket: KioskTicket) -> TicketPrint:
        """Print an issued ticket; a fault is returned (and logged), never raised."""
        return print_ticket(self.printer, ticket, self.context.timezone)

    def take(
        self,
        category_code: str,
        account_no: str = "",
        priority_reason: PriorityReason | None = None,
    ) -> TakenTicket:
        """Issue (committed first), then print: a printer fault never loses the ticket."""
        ticket = self.issue(category_code, account_no, priority_reason)
        return TakenTicket(ticket, self.print(ticket))

    def close(self) -> None:
        self.database.dispose()


def open_kiosk(settings: Settings, kiosk_code: str, clock: Clock | None = None) -> KioskDesk:
    """The kiosk on the settings' database and printer (a bad kiosk code opens nothing)."""
    context = kiosk_context(
        settings.hall_code, kiosk_code, clock or SystemClock(), settings.timezone
    )
    database = prepare_database(settings)
    return KioskDesk(database, context, PrinterConfig.from_settings(settings), settings.hall_name)
