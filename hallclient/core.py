"""What the UI holds: the settings, the database, the clock, and one desk per capability.

The core composes; it does not delegate.  Each capability package owns a desk
(``hallclient.<capability>.desk``) whose methods are its use cases with the
counter filled in, and the UI calls them as ``core.<capability>.<use case>``:
``core.intake.call_next(user)``, ``core.receipts.charge(user, request)``.  A new
capability adds its desk here and nothing else.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path

from sqlalchemy.exc import DBAPIError, OperationalError

from db import migrate
from db.engine import Database, is_unavailable
from db.pg_link import PgLimits
from hallclient import paths
from hallclient.access.audit import Where
from hallclient.access.desk import AccessDesk
from hallclient.clock import Clock, SystemClock
from hallclient.config import Settings
from hallclient.context import Context, CurrentUser
from hallclient.errors import DatabaseUnavailableError, SchemaOutdatedError
from hallclient.intake.desk import IntakeDesk
from hallclient.ledger.desk import LedgerDesk
from hallclient.printing.printers import PrinterConfig
from hallclient.printing.receipt_layout import Heading
from hallclient.ratings.desk import RatingDesk
from hallclient.receipts.desk import ReceiptDesk
from hallclient.receipts.reconnect import ReconnectWatch
from hallclient.referrals.desk import ReferralDesk
from hallclient.scripts.desk import ScriptDesk
from hallclient.setup import demo
from hallclient.setup.desk import WorkplaceDesk
from hallclient.setup.reference import load_reference
from hallclient.setup.workplace import Workplace, ensure_workplace
from hallclient.shifts.desk import ShiftDesk
from hallclient.tariff.desk import TariffDesk
from hallclient.uow import run_write

log = logging.getLogger(__name__)


class Core:
    def __init__(self, settings: Settings, database: Database, clock: Clock) -> None:
        self.settings, self.database, self.clock = settings, database, clock
        self.workplace: Workplace = run_write(
            database,
            lambda uow: ensure_workplace(
                uow, settings.hall_code, settings.hall_name, settings.counter_code
            ),
        )
        self.reconnect = ReconnectWatch(database)
        self._open_desks()
        self.receipts.check_journal()  # the desk's start: a series the server lost is logged now

    def _open_desks(self) -> None:
        settings, database, context = self.settings, self.database, self.context
        heading = Heading(
            settings.company_name,
            self.workplace.hall_name,
            self.workplace.counter_name,
            settings.hotline,
            settings.timezone,
        )
        printer = PrinterConfig.from_settings(settings)
        reference = paths.resources_dir() / "reference"
        self.access = AccessDesk(database, context, self.where, self.clock)
        rating_wait = dt.timedelta(seconds=settings.customer_screen_rating_timeout)
        self.intake = IntakeDesk(database, context, rating_wait)
        self.ratings = RatingDesk(database, context)
        self.ledger = LedgerDesk(database, context, settings.bill_due_days)
        self.tariff = TariffDesk(database, context)
        self.receipts = ReceiptDesk(database, context, heading, printer)
        self.reconnect.on_reconnect(self.receipts.check_journal_soon)
        limit = settings.shift_difference_limit
        self.shifts = ShiftDesk(
            database, context, heading, printer, limit, self.receipts.require_journal_intact
        )
        self.referrals = ReferralDesk(database, context, heading, printer, reference)
        settings_file = settings.config_path or paths.config_file()
        self.workplaces = WorkplaceDesk(database, context, self.workplace, printer, settings_file)
        self.scripts = ScriptDesk(
            database,
            context,
            self.workplace,
            settings.company_name,
            settings.hotline,
            paths.resources_dir() / "scripts",
        )

    @property
    def where(self) -> Where:
        return Where(self.workplace.hall_code, self.workplace.counter_code)

    def context(self, user: CurrentUser) -> Context:
        return Context(user, self.where, self.clock, self.settings.timezone)

    def load_demo(self, accounts: int, progress: Callable[[int, int], None] | None = None) -> None:
        reference = load_reference(paths.resources_dir() / "reference")
        demo.build_demo(self.database, reference, accounts, progress=progress)

    def database_description(self) -> str:
        return self.database.describe()

    def close(self) -> None:
        self.database.dispose()


def database_limits(settings: Settings) -> PgLimits:
    """How long to wait for a hall's PostgreSQL, from the [database] settings."""
    return PgLimits(
        connect_timeout_s=settings.database_connect_timeout,
        statement_timeout_s=settings.database_statement_timeout,
        idle_in_transaction_timeout_s=settings.database_idle_in_transaction_timeout,
        keepalives=settings.database_keepalives,
    )


def connect(url: str, limits: PgLimits | None = None) -> Database:
    """Open the database, creating a local SQLite file's folder; fail with a clear message."""
    if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    database = Database.connect(url, limits=limits)
    try:
        with database.engine.connect():
            pass
    except OperationalError as error:
        database.dispose()
        where = database.describe()
        raise DatabaseUnavailableError(
            f"cannot open the database {where}: {error.orig}", server=where
        ) from None
    return database


def database_address(settings: Settings) -> str:
    """Where the settings point, as :meth:`Database.describe` says it (no password), without
    connecting: for the screen that waits for a database that does not answer."""
    database = Database.connect(settings.database_url)
    try:
        return database.describe()
    finally:
        database.dispose()


def prepare_database(settings: Settings) -> Database:
    """Connect, creating and migrating a local SQLite file; a shared server must be current.
    A server lost between the first connection and the schema check is unavailable, as if
    it had not answered at all (the waiting screen tries again), and nothing is left open."""
    database = connect(settings.database_url, database_limits(settings))
    try:
        _make_current(database)
    except DBAPIError as error:
        database.dispose()
        if not is_unavailable(error):
            raise
        where = database.describe()
        log.error("database unavailable (%s): %s", where, " ".join(str(error.orig).split()))
        raise DatabaseUnavailableError(
            f"the database {where} cannot be reached or used", server=where
        ) from error
    except BaseException:
        database.dispose()
        raise
    return database


def _make_current(database: Database) -> None:
    if not migrate.is_current(database.engine):
        if database.backend != "sqlite":
            raise SchemaOutdatedError(
                f"the database at {database.describe()} is not at schema {migrate.HEAD}; "
                "an administrator runs: hallclient db upgrade"
            )
        log.info("upgrading %s to schema %s", database.describe(), migrate.HEAD)
        migrate.upgrade(database.engine)


def open_core(settings: Settings, clock: Clock | None = None) -> Core:
    """The core on the settings' database; if it cannot start, its database is closed (a
    waiting screen that tries every few seconds must not leave an engine behind each time)."""
    database = prepare_database(settings)
    try:
        return Core(settings, database, clock or SystemClock())
    except BaseException:
        database.dispose()
        raise
