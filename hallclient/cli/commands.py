"""Handlers of the window-less commands (see :mod:`hallclient.cli.parser`)."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from alembic.util import CommandError
from sqlalchemy import inspect, select
from sqlalchemy.engine import make_url

from db import migrate
from db.backup import BackupError, backup_sqlite
from db.engine import Database
from db.models import User
from hallclient import paths
from hallclient.access import users
from hallclient.cli.credentials import admin_context, ask_password, where_of
from hallclient.clock import SystemClock
from hallclient.config import Settings
from hallclient.context import command_line_operator
from hallclient.core import connect, database_limits, prepare_database
from hallclient.errors import HallError
from hallclient.setup.demo import build_demo, refuse_real_users
from hallclient.setup.reference import load_reference

MAX_DEMO_ACCOUNTS = 1_000_000


def db_command(args: argparse.Namespace, settings: Settings) -> int:
    if args.db_action == "backup":
        return _backup(settings.database_url, args.target)
    database = connect(settings.database_url, database_limits(settings))
    try:
        if args.db_action == "downgrade" and _has_people_to_answer(database):
            admin_context(database, settings, args)  # it can empty a database of money
        return _db_action(args, database)
    except CommandError as error:  # e.g. an unknown revision
        raise HallError(f"db {args.db_action}: {error}") from None
    finally:
        database.dispose()


def _db_action(args: argparse.Namespace, database: Database) -> int:
    if args.db_action == "check":
        return _drift_check(database)
    if args.db_action == "upgrade":
        migrate.upgrade(database.engine)
    elif args.db_action == "downgrade":
        migrate.downgrade(database.engine, args.revision)
    revision = migrate.current_revision(database.engine)
    if args.db_action == "current":
        print(revision or "(empty)")
    else:
        print(f"{database.describe()}: schema at {revision or '(empty)'}")
    return 0


def _has_people_to_answer(database: Database) -> bool:
    """Whether the database has users, and the journal their credentials are checked and
    recorded in (revision 0002 on): then only an administrator downgrades it.  A database
    nobody uses yet has nobody to ask."""
    with database.engine.connect() as conn:
        tables = set(inspect(conn).get_table_names())
        if not {"users", "audit_head"} <= tables:
            return False
        return conn.execute(select(User.id).limit(1)).first() is not None


def _backup(url: str, target: Path) -> int:
    """The SQLite backup API (never a file copy of a database in use); PostgreSQL has pg_dump."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        raise HallError(
            "db backup copies a local SQLite database; for PostgreSQL use pg_dump (see the README)"
        )
    try:
        size = backup_sqlite(Path(str(parsed.database)), target)
    except BackupError as error:
        raise HallError(f"db backup: {error}") from None
    print(f"backed up to {target} ({size:,} bytes, integrity checked)")
    return 0


def _drift_check(database: Database) -> int:
    differences = migrate.drift(database.engine)
    for difference in differences:
        print(difference)
    print("schema matches the models" if not differences else "schema differs from the models")
    return 1 if differences else 0


class _ProgressBar:
    def __init__(self, label: str) -> None:
        self.label = label
        self.started = time.perf_counter()

    def __call__(self, done: int, total: int) -> None:
        width = 30
        filled = width * done // max(total, 1)
        elapsed = time.perf_counter() - self.started
        bar = "#" * filled + "-" * (width - filled)
        sys.stderr.write(f"\r{self.label} [{bar}] {done:,}/{total:,} {elapsed:5.1f}s")
        if done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()


def demo_command(args: argparse.Namespace, settings: Settings) -> int:
    if not 0 <= args.accounts <= MAX_DEMO_ACCOUNTS:
        print(f"--accounts must be between 0 and {MAX_DEMO_ACCOUNTS:,}", file=sys.stderr)
        return 2
    reference = load_reference(paths.resources_dir() / "reference")
    database = connect(settings.database_url, database_limits(settings))
    try:
        if migrate.current_revision(database.engine) is not None:
            refuse_real_users(database)  # before the schema is touched
        migrate.upgrade(database.engine)  # an explicit admin command may create the schema
        started = time.perf_counter()
        build_demo(database, reference, args.accounts, args.seed, _ProgressBar("accounts"))
        print(f"demo data ready in {database.describe()} ({time.perf_counter() - started:.1f}s)")
        return 0
    finally:
        database.dispose()


def user_add_command(args: argparse.Namespace, settings: Settings) -> int:
    """An admin adds a user; the first user of a new database is added without one."""
    database = prepare_database(settings)
    try:
        if not users.has_users(database):
            return _add_first_user(args, settings, database)
        context = admin_context(database, settings, args)
        password = ask_password(f"password for {args.employee_no}: ")
        users.add_user(
            database, context, args.employee_no, args.name, args.role, password, args.department
        )
        print(f"user {args.employee_no} added; they choose their own password at first login")
        return 0
    finally:
        database.dispose()


def _add_first_user(args: argparse.Namespace, settings: Settings, database: Database) -> int:
    users.check_first_user_role(args.role)
    password = ask_password(f"password for {args.employee_no}: ")
    users.add_first_admin(
        database,
        where_of(settings),
        SystemClock(),
        command_line_operator(),
        args.employee_no,
        args.name,
        password,
        args.department,
    )
    print(
        f"first user {args.employee_no} added, an administrator: they choose their own "
        "password at a login in the window, then add the others with --admin"
    )
    return 0


def check_reference_command(args: argparse.Namespace, settings: Settings) -> int:
    data = load_reference(paths.resources_dir() / "reference")
    print(
        f"reference data OK: {len(data.departments)} departments, "
        f"{len(data.categories)} queue categories, {len(data.purposes)} purposes, "
        f"{len(data.tariff.items)} tariff items in {data.schedule.code}"
    )
    return 0


def audit_command(args: argparse.Namespace, settings: Settings) -> int:
    """``audit verify [--expect-head SEQ:HASH]`` and ``audit head``."""
    from hallclient.access import audit
    from hallclient.uow import UnitOfWork

    database = prepare_database(settings)
    try:
        with UnitOfWork(database) as uow:
            if args.audit_action == "head":
                print("{}:{}".format(*audit.read_head(uow)))  # as --expect-head takes it
                return 0
            report = audit.verify_journal(uow, args.expect_head)
    finally:
        database.dispose()
    if report.ok:
        print(
            f"journal OK: {report.checked} links checked, head {report.head_seq}:{report.head_hash}"
        )
        return 0
    print(
        f"journal BROKEN at entry {report.first_bad_seq}: {report.problem} "
        f"({report.checked} links checked)"
    )
    return 1
