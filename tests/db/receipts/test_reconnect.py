"""The reconnect hook: the first successful statement after the database could not be used."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from db.engine import Database
from hallclient.errors import DatabaseUnavailableError
from hallclient.receipts.reconnect import ReconnectWatch
from hallclient.uow import UnitOfWork, run_write


def _use(database: Database) -> None:
    with UnitOfWork(database) as uow:
        uow.connection.execute(text("SELECT 1"))


def test_the_watch_calls_back_once_when_the_database_answers_again(tmp_path):
    folder = tmp_path / "share"  # not there yet: the file cannot be opened
    database = Database.connect(f"sqlite:///{folder / 'hallclient.sqlite3'}")
    try:
        watch, calls = ReconnectWatch(database), []
        watch.on_reconnect(lambda: calls.append("back"))
        with pytest.raises(DatabaseUnavailableError):
            _use(database)
        assert watch.down and calls == []
        folder.mkdir()
        _use(database)
        _use(database)
        assert not watch.down and calls == ["back"]
    finally:
        database.dispose()


def test_a_refused_statement_is_no_outage(sqlite_database):
    watch, calls = ReconnectWatch(sqlite_database), []
    watch.on_reconnect(lambda: calls.append("back"))
    run_write(sqlite_database, _add_hall)
    with pytest.raises(IntegrityError):  # the same hall again: refused, not unreachable
        run_write(sqlite_database, _add_hall)
    _use(sqlite_database)
    assert not watch.down and calls == []


def _add_hall(uow: UnitOfWork) -> None:
    uow.connection.execute(text("INSERT INTO halls (code, name) VALUES ('X1', '测试营业厅')"))
    uow.commit()
