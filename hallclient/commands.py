"""Handlers of the window-less commands (see :mod:`hallclient.cli`)."""

from __future__ import annotations

import argparse
import getpass
import sys
import time

from db import migrate
from db.engine import Database
from hallclient import paths
from hallclient.config import Settings
from hallclient.core import connect, prepare_database
from hallclient.demo import build_demo
from hallclient.reference import load_reference
from hallclient.uow import run_write
from hallclient.users import add_user

MAX_DEMO_ACCOUNTS = 1_000_000


def db_command(args: argparse.Namespace, settings: Settings) -> int:
    database = connect(settings.database_url)
    try:
        if args.db_action == "upgrade":
            migrate.upgrade(database.engine)
            print(f"{database.describe()}: schema at {migrate.current_revision(database.engine)}")
        elif args.db_action == "downgrade":
            migrate.downgrade(database.engine, args.revision)
            print(f"{database.describe()}: schema at {migrate.current_revision(database.engine)}")
        elif args.db_action == "current":
            print(migrate.current_revision(database.engine) or "(empty)")
        else:
            return _drift_check(database)
        return 0
    finally:
        database.dispose()


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
    database = connect(settings.database_url)
    try:
        migrate.upgrade(database.engine)  # an explicit admin command may create the schema
        started = time.perf_counter()
        build_demo(database, reference, args.accounts, args.seed, _ProgressBar("accounts"))
        print(f"demo data ready in {database.describe()} ({time.perf_counter() - started:.1f}s)")
        return 0
    finally:
        database.dispose()


def ask_password(prompt: str) -> str:
    """The password from the terminal, or the first line of piped input (scripts)."""
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\n")
    return getpass.getpass(prompt)


def user_add_command(args: argparse.Namespace, settings: Settings) -> int:
    password = ask_password(f"password for {args.employee_no}: ")
    database = prepare_database(settings)
    try:
        run_write(
            database,
            lambda uow: add_user(
                uow, args.employee_no, args.name, args.role, password, args.department
            ),
        )
        print(f"user {args.employee_no} added")
        return 0
    finally:
        database.dispose()


def check_reference_command(args: argparse.Namespace, settings: Settings) -> int:
    data = load_reference(paths.resources_dir() / "reference")
    print(
        f"reference data OK: {len(data.departments)} departments, "
        f"{len(data.categories)} queue categories, {len(data.purposes)} purposes, "
        f"{len(data.items)} tariff items in {data.schedule.code}"
    )
    return 0
