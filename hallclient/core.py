"""What the UI holds: the settings, the database, the clock, and the use cases it calls.

A thin hand-over point between the composition root and the services: each
method is one use case, delegating to the service module that owns it, and
returns plain data.  Keep it thin; new capabilities add their own service
modules and, at most, one delegating method here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError

from db import migrate
from db.engine import Database
from db.models import User, VisitOutcome, VisitStage
from hallclient import approvals, auth, day_view, demo, intake, paths, queue, users, visits
from hallclient.account_search import AccountHit, search_accounts
from hallclient.approvals import ApprovalGrant, ApprovalRequest
from hallclient.audit import Where
from hallclient.clock import Clock, SystemClock
from hallclient.config import Settings
from hallclient.context import Context, CurrentUser
from hallclient.day_view import DayFigures, DayVisit
from hallclient.errors import DatabaseUnavailableError, SchemaOutdatedError
from hallclient.intake import AccountPanel, Purpose, QueueCategory
from hallclient.ledger import service as ledger_service
from hallclient.ledger.rules import ReadingFigures
from hallclient.ledger.service import AccountBills
from hallclient.printing.printers import PrinterConfig
from hallclient.printing.receipt_layout import Heading
from hallclient.queue import CalledTicket, TicketView
from hallclient.reference import load_reference
from hallclient.referral_desk import ReferralDesk
from hallclient.script_desk import ScriptDesk
from hallclient.shift_desk import ShiftDesk
from hallclient.tariff import pricing
from hallclient.tariff.pricing import AccountFacts, Pricer
from hallclient.till import Till
from hallclient.uow import UnitOfWork, run_write
from hallclient.visits import VisitView
from hallclient.workplace import Workplace, ensure_workplace

log = logging.getLogger(__name__)


class Core:
    def __init__(self, settings: Settings, database: Database, clock: Clock) -> None:
        self.settings = settings
        self.database = database
        self.clock = clock
        self.workplace: Workplace = run_write(
            database,
            lambda uow: ensure_workplace(
                uow, settings.hall_code, settings.hall_name, settings.counter_code
            ),
        )
        workplace = self.workplace
        heading = Heading(settings.company_name, workplace.hall_name, workplace.counter_name,
                          settings.hotline, settings.timezone)  # fmt: skip
        printer = PrinterConfig.from_settings(settings)
        self.till = Till(database, self.context, heading, printer)
        self.shifts = ShiftDesk(database, self.context, heading, printer,
                                settings.shift_difference_limit)  # fmt: skip
        self.referrals = ReferralDesk(database, self.context, heading, printer,
                                      paths.resources_dir() / "reference")  # fmt: skip
        self.scripts = ScriptDesk(database, self.context, workplace, settings.company_name,
                                  settings.hotline, paths.resources_dir() / "scripts")  # fmt: skip

    @property
    def where(self) -> Where:
        return Where(self.workplace.hall_code, self.workplace.counter_code)

    def context(self, user: CurrentUser) -> Context:
        return Context(user, self.where, self.clock, self.settings.timezone)

    def login(self, employee_no: str, password: str) -> CurrentUser:
        return auth.login(self.database, self.where, employee_no, password, self.clock)

    def lock_session(self, user: CurrentUser) -> None:
        auth.lock_session(self.database, self.context(user))

    def unlock_session(self, user: CurrentUser, password: str) -> CurrentUser:
        return auth.unlock_session(self.database, self.context(user), password)

    def logout(self, user: CurrentUser, *, switching_user: bool = False) -> None:
        auth.logout(self.database, self.context(user), switching_user=switching_user)

    def change_own_password(self, user: CurrentUser, old: str, new: str) -> CurrentUser:
        return users.change_own_password(self.database, self.context(user), old, new)

    def grant_approval(
        self, user: CurrentUser, request: ApprovalRequest, approver_no: str, approver_password: str
    ) -> ApprovalGrant:
        return approvals.grant_approval(
            self.database, self.context(user), request, approver_no, approver_password
        )

    def fee_pricer(self, user: CurrentUser) -> Pricer:
        """The items in force today, for the fee lookup and its calculator."""
        return pricing.pricer(self.database, self.context(user))

    def account_facts(self, user: CurrentUser, account_no: str) -> AccountFacts:
        return pricing.account_facts(self.database, self.context(user), account_no)

    # -- intake: thin hand-overs to hallclient.queue, visits, account_search, intake ------

    def issue_ticket(self, user: CurrentUser, category_code: str) -> TicketView:
        return queue.issue_ticket(self.database, self.context(user), category_code)

    def call_next(self, user: CurrentUser) -> CalledTicket | None:
        return queue.call_next(self.database, self.context(user))

    def recall(self, user: CurrentUser, ticket_id: int) -> TicketView:
        return queue.recall(self.database, self.context(user), ticket_id)

    def skip(self, user: CurrentUser, ticket_id: int) -> TicketView:
        return queue.skip(self.database, self.context(user), ticket_id)

    def transfer(
        self, user: CurrentUser, ticket_id: int, note: str, category_code: str | None,
        counter_code: str | None,
    ) -> TicketView:  # fmt: skip
        return queue.transfer(self.database, self.context(user), ticket_id, note,
                              category_code=category_code, counter_code=counter_code)  # fmt: skip

    def queue_categories(self, user: CurrentUser) -> list[QueueCategory]:
        return intake.queue_categories(self.database, self.context(user))

    def waiting(self, user: CurrentUser) -> list[TicketView]:
        return queue.waiting(self.database, self.context(user))

    def search_accounts(self, user: CurrentUser, text: str) -> list[AccountHit]:
        return search_accounts(self.database, self.context(user), text)

    def account_panel(self, user: CurrentUser, account_no: str) -> AccountPanel:
        return intake.account_panel(self.database, self.context(user), account_no)

    def account_bills(self, user: CurrentUser, account_no: str) -> AccountBills:
        return ledger_service.account_bills(self.database, self.context(user), account_no)

    def report_reading(
        self, user: CurrentUser, account_no: str, figures: ReadingFigures, meter_no: str = ""
    ) -> str:
        """The customer's own reading, recorded and billed; the bill's number."""
        due_days, context = self.settings.bill_due_days, self.context(user)
        return ledger_service.report_reading(self.database, context, account_no, figures,
                                             due_days, meter_no)  # fmt: skip

    def purposes(self, user: CurrentUser) -> list[Purpose]:
        return intake.purposes(self.database, self.context(user))

    def day_report(self, user: CurrentUser) -> tuple[list[DayVisit], DayFigures]:
        return day_view.day_report(self.database, self.context(user))

    def visit(self, user: CurrentUser, visit_id: int) -> VisitView:
        return visits.get_visit(self.database, self.context(user), visit_id)

    def start_walk_in(self, user: CurrentUser, **customer: str) -> VisitView:
        return visits.start_walk_in(self.database, self.context(user), **customer)

    def advance_visit(self, user: CurrentUser, visit_id: int, stage: VisitStage) -> VisitView:
        return visits.advance(self.database, self.context(user), visit_id, stage)

    def set_visit_account(self, user: CurrentUser, visit_id: int, account_no: str) -> VisitView:
        return visits.set_account(self.database, self.context(user), visit_id, account_no)

    def set_visit_purpose(self, user: CurrentUser, visit_id: int, purpose: str) -> VisitView:
        return visits.set_purpose(self.database, self.context(user), visit_id, purpose)

    def set_visit_notes(self, user: CurrentUser, visit_id: int, notes: str) -> VisitView:
        return visits.set_notes(self.database, self.context(user), visit_id, notes)

    def close_visit(
        self, user: CurrentUser, visit_id: int, outcome: VisitOutcome, rating: int | None,
        comment: str = "",
    ) -> VisitView:  # fmt: skip
        return visits.close_visit(
            self.database, self.context(user), visit_id, outcome, rating, comment
        )

    def has_users(self) -> bool:
        with UnitOfWork(self.database) as uow:
            return bool(uow.session.scalar(select(func.count()).select_from(User)))

    def load_demo(self, accounts: int, progress: Callable[[int, int], None] | None = None) -> None:
        reference = load_reference(paths.resources_dir() / "reference")
        demo.build_demo(self.database, reference, accounts, progress=progress)

    def database_description(self) -> str:
        return self.database.describe()

    def close(self) -> None:
        self.database.dispose()


def connect(url: str) -> Database:
    """Open the database, creating a local SQLite file's folder; fail with a clear message."""
    if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    database = Database.connect(url)
    try:
        with database.engine.connect():
            pass
    except OperationalError as error:
        database.dispose()
        raise DatabaseUnavailableError(
            f"cannot open the database {database.describe()}: {error.orig}"
        ) from None
    return database


def prepare_database(settings: Settings) -> Database:
    """Connect, creating and migrating a local SQLite file; a shared server must be current."""
    database = connect(settings.database_url)
    if not migrate.is_current(database.engine):
        if database.backend != "sqlite":
            database.dispose()
            raise SchemaOutdatedError(
                f"the database at {database.describe()} is not at schema {migrate.HEAD}; "
                "an administrator runs: hallclient db upgrade"
            )
        log.info("upgrading %s to schema %s", database.describe(), migrate.HEAD)
        migrate.upgrade(database.engine)
    return database


def open_core(settings: Settings, clock: Clock | None = None) -> Core:
    return Core(settings, prepare_database(settings), clock or SystemClock())
