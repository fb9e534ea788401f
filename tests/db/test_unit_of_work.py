"""The unit of work: rollback unless committed, retries, and an unreachable database."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import OperationalError

from db.engine import Database
from db.models import Hall
from hallclient import uow as uow_module
from hallclient.errors import CommitUnconfirmedError, DatabaseUnavailableError
from hallclient.uow import MAX_ATTEMPTS, UnitOfWork, run_write


def _halls(database: Database) -> int:
    with UnitOfWork(database) as uow:
        return uow.session.scalar(select(func.count()).select_from(Hall)) or 0


def test_an_uncommitted_unit_of_work_leaves_nothing(database):
    with UnitOfWork(database, write=True) as uow:
        uow.session.add(Hall(code="X1", name="测试营业厅"))
        uow.session.flush()
    assert _halls(database) == 0


def test_a_failing_use_case_leaves_nothing(database):
    def use_case(uow: UnitOfWork) -> None:
        uow.session.add(Hall(code="X1", name="测试营业厅"))
        uow.session.flush()
        raise ValueError("half-way")

    with pytest.raises(ValueError, match="half-way"):
        run_write(database, use_case)
    assert _halls(database) == 0


def test_core_statements_share_the_transaction_and_end_with_it(database):
    insert_hall = text("INSERT INTO halls (code, name) VALUES ('X1', '测试营业厅')")
    with UnitOfWork(database, write=True) as uow:
        connection = uow.connection
        connection.execute(insert_hall)
        assert uow.connection is connection  # kept for the transaction
        assert uow.session.scalar(select(func.count()).select_from(Hall)) == 1  # same one
    assert _halls(database) == 0  # rolled back with the session
    with UnitOfWork(database, write=True) as uow:
        committed = uow.connection
        committed.execute(insert_hall)
        uow.commit()
        assert uow.connection is not committed  # forgotten with the transaction it ran
    assert _halls(database) == 1


def test_a_transient_conflict_is_retried_until_it_passes(database):
    attempts: list[int] = []

    def use_case(uow: UnitOfWork) -> str:
        attempts.append(1)
        if len(attempts) < 3:
            raise OperationalError("INSERT", {}, Exception("database is locked"))
        uow.session.add(Hall(code="X1", name="测试营业厅"))
        uow.commit()
        return "done"

    assert run_write(database, use_case) == "done"
    assert (len(attempts), _halls(database)) == (3, 1)


def test_a_conflict_past_all_retries_is_reported_as_unavailable(database, monkeypatch):
    monkeypatch.setattr(uow_module.time, "sleep", lambda _seconds: None)
    attempts: list[int] = []

    def use_case(_uow: UnitOfWork) -> None:
        attempts.append(1)
        raise OperationalError("INSERT", {}, Exception("database is locked"))

    with pytest.raises(DatabaseUnavailableError, match="nothing was saved"):
        run_write(database, use_case)
    assert len(attempts) == MAX_ATTEMPTS


def test_a_server_that_does_not_answer_is_reported_as_unavailable(caplog):
    database = Database.connect("postgresql+psycopg://nobody@127.0.0.1:9/nothing")
    try:
        with pytest.raises(DatabaseUnavailableError):
            run_write(database, lambda uow: uow.session.execute(text("SELECT 1")))
        with pytest.raises(DatabaseUnavailableError), UnitOfWork(database) as uow:
            uow.session.execute(text("SELECT 1"))
    finally:
        database.dispose()
    assert "database unavailable" in caplog.text


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_a_connection_lost_during_the_commit_says_the_work_may_be_saved(database):
    """The server ends the session just before the commit reaches it: the clerk must not
    read "nothing was saved" (a commit whose answer is lost may have landed)."""

    def use_case(uow: UnitOfWork) -> None:
        uow.session.add(Hall(code="X1", name="测试营业厅"))
        uow.session.flush()
        pid = uow.connection.scalar(text("SELECT pg_backend_pid()"))
        with database.engine.connect() as other:
            other.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
        uow.commit()

    with pytest.raises(CommitUnconfirmedError, match="may have been saved") as raised:
        run_write(database, use_case)
    assert isinstance(raised.value, DatabaseUnavailableError)  # the payment page keeps its key
    assert _halls(database) == 0  # here the server never got the commit; it may have, elsewhere


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_a_connection_lost_before_the_pending_writes_were_sent_says_nothing_was_saved(database):
    """The writes still pending in the session go out before the COMMIT: a connection that
    breaks while they are sent leaves nothing saved, and the clerk reads exactly that."""

    def use_case(uow: UnitOfWork) -> None:
        pid = uow.connection.scalar(text("SELECT pg_backend_pid()"))
        uow.session.add(Hall(code="X1", name="测试营业厅"))  # not flushed yet
        with database.engine.connect() as other:
            other.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
        uow.commit()

    with pytest.raises(DatabaseUnavailableError, match="nothing was saved") as raised:
        run_write(database, use_case)
    assert not isinstance(raised.value, CommitUnconfirmedError)
    assert _halls(database) == 0
