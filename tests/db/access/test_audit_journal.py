"""The audit journal in the database: appending, locking, immutability, the CLI."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from db.immutability import unprotect
from db.models.security import AuditEntry
from hallclient.access import audit
from hallclient.access.audit import GENESIS_HASH, Where
from hallclient.uow import UnitOfWork, run_write
from tests.db_fixtures import migrated_database
from ui.main import main

WHERE = Where("H01", "C01")
T0 = datetime(2026, 11, 26, 2, 0, tzinfo=UTC)


def append(database, count, action="login", actor="1001", first_minute=0):
    """``count`` entries, one committed transaction each; returns their seqs."""

    def use_case(uow, minute):
        seq = audit.record(
            uow,
            WHERE,
            actor,
            action,
            "user",
            actor,
            {"minute": minute, "amount": Decimal("1.50"), "名": "张三"},
            T0 + timedelta(minutes=minute, microseconds=minute),
        )
        uow.commit()
        return seq

    return [
        run_write(database, lambda uow, m=m: use_case(uow, m))
        for m in range(first_minute, first_minute + count)
    ]


def verify(database, expected_head=None):
    with UnitOfWork(database) as uow:
        return audit.verify_journal(uow, expected_head)


def head(database):
    with UnitOfWork(database) as uow:
        return audit.read_head(uow)


def test_record_appends_gapless_linked_entries(database):
    assert head(database) == (0, GENESIS_HASH)
    assert verify(database).ok
    assert append(database, 3) == [1, 2, 3]
    assert append(database, 2, action="void", actor="1002", first_minute=3) == [4, 5]
    with UnitOfWork(database) as uow:
        rows = uow.session.execute(select(AuditEntry.__table__).order_by(AuditEntry.seq)).all()
    assert [row.prev_hash for row in rows] == [GENESIS_HASH] + [r.entry_hash for r in rows[:-1]]
    assert rows[1].occurred_at == T0 + timedelta(minutes=1, microseconds=1)
    report = verify(database, expected_head=head(database))
    assert report.ok and report.checked == 5
    assert head(database) == (5, rows[-1].entry_hash) == (report.head_seq, report.head_hash)


def test_recent_entries_newest_first_and_by_action_prefix(database):
    append(database, 3)
    append(database, 2, action="void", actor="1002", first_minute=3)
    with UnitOfWork(database) as uow:
        recent = audit.recent_entries(uow, limit=4)
        voids = audit.recent_entries(uow, action_prefix="vo")
        none = audit.recent_entries(uow, action_prefix="log%")  # % is not a wildcard
    assert [entry.seq for entry in recent] == [5, 4, 3, 2]
    assert recent[0].actor == "1002" and recent[0].occurred_at.tzinfo is not None
    assert recent[0].details == {"minute": 4, "amount": "1.50", "名": "张三"}
    assert [entry.seq for entry in voids] == [5, 4] and none == []


def test_record_does_not_commit(database):
    with UnitOfWork(database, write=True) as uow:
        assert audit.record(uow, WHERE, "1001", "login", "user", "1001", {}, T0) == 1
    assert head(database) == (0, GENESIS_HASH)
    assert append(database, 1) == [1]


def test_secret_looking_details_are_refused_and_nothing_is_written(database):
    with UnitOfWork(database, write=True) as uow, pytest.raises(ValueError, match="secrets"):
        audit.record(uow, WHERE, "1001", "user.reset", "user", "1002", {"new_pin": "1"}, T0)
    with UnitOfWork(database, write=True) as uow, pytest.raises(ValueError, match="aware"):
        audit.record(uow, WHERE, "1001", "login", "user", "1001", {}, T0.replace(tzinfo=None))
    assert head(database) == (0, GENESIS_HASH)


def test_concurrent_appends_make_one_chain(database):
    """Two writers at once (the head row is created by the race, too): no seq twice."""
    errors = []

    def writer(actor):
        try:
            append(database, 12, actor=actor)
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=writer, args=(actor,)) for actor in ("1001", "1002")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    report = verify(database)
    assert report.ok and report.checked == 24 and head(database)[0] == 24


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_entries SET actor_employee_no = '9999' WHERE seq = 1",
        "UPDATE audit_entries SET details = '{}'",
        "DELETE FROM audit_entries WHERE seq = 2",
        "DELETE FROM audit_entries",
    ],
)
def test_update_and_delete_fail_in_the_database(database, statement):
    append(database, 2)
    with pytest.raises(DBAPIError, match="append-only"), database.engine.begin() as conn:
        conn.execute(text(statement))
    assert verify(database).ok and verify(database).checked == 2


def test_truncate_fails_on_postgresql(pg_database_url):
    with migrated_database(pg_database_url) as database:
        append(database, 1)
        with pytest.raises(DBAPIError, match="append-only"), database.engine.begin() as conn:
            conn.execute(text("TRUNCATE audit_entries"))
        assert verify(database).checked == 1


def _cli(capsys, url, *argv):
    code = main(["--database-url", url, "audit", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_audit_head_and_verify(capsys, database):
    database_url = database.engine.url.render_as_string(hide_password=False)
    assert _cli(capsys, database_url, "head") == (0, f"0:{GENESIS_HASH}\n", "")
    append(database, 4)
    seq, hash_ = head(database)
    printed = _cli(capsys, database_url, "head")[1]
    assert printed == f"{seq}:{hash_}\n"
    ok = f"journal OK: 4 links checked, head 4:{hash_}\n"
    assert _cli(capsys, database_url, "verify")[:2] == (0, ok)
    # --expect-head "$(hallclient audit head)": the shell drops the newline
    assert _cli(capsys, database_url, "verify", "--expect-head", printed.rstrip("\n"))[:2] == (
        0,
        ok,
    )
    code, out, _ = _cli(capsys, database_url, "verify", "--expect-head", f"6:{hash_}")
    assert code == 1 and out.startswith("journal BROKEN at entry 5: entries after 4 were removed")
    with database.engine.begin() as conn:
        unprotect(conn, "audit_entries")
        conn.execute(text("UPDATE audit_entries SET action = 'logout' WHERE seq = 3"))
    code, out, _ = _cli(capsys, database_url, "verify")
    assert (code, out) == (
        1,
        "journal BROKEN at entry 3: entry_hash does not match the entry's contents "
        "(3 links checked)\n",
    )


def test_cli_refuses_a_malformed_expected_head(capsys, sqlite_database_url):
    with pytest.raises(SystemExit) as exit_info:
        main(["--database-url", sqlite_database_url, "audit", "verify", "--expect-head", "4:xyz"])
    assert exit_info.value.code == 2 and "SEQ:HASH" in capsys.readouterr().err
