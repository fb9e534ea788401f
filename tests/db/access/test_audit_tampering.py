"""Acceptance: tampering with the journal by raw SQL is caught, and named, every time.

One 1,000-entry journal per backend is written by the app (``audit.record``), then an
attacker with database rights drops the append-only triggers and tampers with raw SQL;
after each trial the journal is restored from a snapshot.  The verifier is given the
head printed on the last report, as an auditor would, and must name the exact first bad
entry.  Then 50 untouched journals of random contents and sizes must verify.
"""

from __future__ import annotations

import dataclasses
import json
import random
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import bindparam, delete, insert, select, text

from db.immutability import unprotect
from db.models.security import AuditEntry, AuditHead
from db.types import UTCDateTime
from hallclient.access import audit
from hallclient.access.audit import GENESIS_HASH, Where, canonical_details, entry_hash
from hallclient.uow import UnitOfWork
from tests.db_fixtures import migrated_database, sqlite_url
from tests.unit.access.test_audit_chain import build_rows

JOURNAL_SIZE = 1_000
TRIALS = 200
UNTOUCHED = 50
ENTRIES = AuditEntry.__table__
HEAD = AuditHead.__table__
T0 = datetime(2026, 11, 1, 0, 0, tzinfo=UTC)
COLUMNS = [column.name for column in ENTRIES.c]
INSERT_SQL = text(
    f"INSERT INTO audit_entries ({', '.join(COLUMNS)}) VALUES (:{', :'.join(COLUMNS)})"
).bindparams(bindparam("occurred_at", type_=UTCDateTime()))


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def journal(request, tmp_path_factory):
    """A database with a 1,000-entry journal written by the app; triggers then dropped."""
    if request.param == "sqlite":
        url, drop = sqlite_url(tmp_path_factory.mktemp("journal")), None
    else:
        server = request.getfixturevalue("pg_server")
        name = f"hallclient_journal_{uuid.uuid4().hex[:12]}"
        url, drop = server.create_database(name), name
    with migrated_database(url) as database:
        yield Journal(database, _write_with_the_app(database, random.Random(request.param)))
    if drop:
        server.drop_database(drop)


def _write_with_the_app(database, rng):
    with UnitOfWork(database, write=True) as uow:
        for i in range(JOURNAL_SIZE):
            where = Where("H01", f"C{rng.randint(1, 8):02d}")
            details = {"i": i, "amount": f"{rng.randint(0, 99999) / 100:.2f}", "备注": "现金"}
            at = T0 + timedelta(seconds=i * 61, microseconds=rng.randint(0, 999_999))
            actor = str(rng.randint(1000, 1099))
            action = rng.choice(["login", "void", "reprint", "approval", "user.add"])
            audit.record(uow, where, actor, action, "receipt", str(i), details, at)
        uow.commit()
    with database.connection() as conn:
        unprotect(conn, "audit_entries")  # what an attacker with database rights does first
        return [row._asdict() for row in conn.execute(select(ENTRIES).order_by(ENTRIES.c.seq))]


@dataclasses.dataclass
class Journal:
    database: object
    rows: list[dict]

    @property
    def head(self):
        return self.rows[-1]["seq"], self.rows[-1]["entry_hash"]

    def restore(self, rows=None, head=None):
        rows = self.rows if rows is None else rows
        head = head or ((rows[-1]["seq"], rows[-1]["entry_hash"]) if rows else None)
        with self.database.connection() as conn:
            conn.execute(delete(ENTRIES))
            conn.execute(delete(HEAD))
            if rows:
                conn.execute(insert(ENTRIES), rows)
            if head:
                conn.execute(insert(HEAD).values(id=1, seq=head[0], entry_hash=head[1]))

    def verify(self, expected_head):
        with UnitOfWork(self.database) as uow:
            return audit.verify_journal(uow, expected_head)


# --- the attacker's raw SQL; each returns the seq the verifier must name -------------------


def _update(conn, s, assignment, **params):
    conn.execute(text(f"UPDATE audit_entries SET {assignment} WHERE seq = :s"), {"s": s, **params})


def alter_details(conn, rows, s, rng):
    details = json.loads(rows[s - 1]["details"]) | {"amount": "0.00", "tampered": True}
    _update(conn, s, "details = :d", d=canonical_details(details))
    return s


def alter_actor(conn, rows, s, rng):
    _update(conn, s, "actor_employee_no = :a", a=str(rng.randint(2000, 2999)))
    return s


def alter_action(conn, rows, s, rng):
    _update(conn, s, "action = :a", a=rng.choice(["logout", "noop", "void.cancel"]) + ".x")
    return s


def alter_occurred_at(conn, rows, s, rng):
    moved = rows[s - 1]["occurred_at"] + timedelta(seconds=rng.choice([-3600, -1, 1, 86400]))
    stmt = text("UPDATE audit_entries SET occurred_at = :t WHERE seq = :s")
    conn.execute(stmt.bindparams(bindparam("t", type_=UTCDateTime())), {"t": moved, "s": s})
    return s


def alter_hash(conn, rows, s, rng):
    column = rng.choice(["entry_hash", "prev_hash"])
    _update(conn, s, f"{column} = :h", h=f"{rng.getrandbits(256):064x}")
    return s


def delete_row(conn, rows, s, rng):
    conn.execute(text("DELETE FROM audit_entries WHERE seq = :s"), {"s": s})
    return s


def append_row(conn, rows, s, rng):
    """A well-formed entry, correctly hashed, added at the end; the head row is left alone."""
    n = len(rows)
    forged = _forged(rows, n + 1, rows[-1]["entry_hash"], rng)
    conn.execute(INSERT_SQL, forged)
    return n + 1


def insert_renumbered(conn, rows, s, rng):
    """Shift entries s… up by one (seq is the key) and slip a correctly hashed entry in at s."""
    conn.execute(text("UPDATE audit_entries SET seq = -seq - 1 WHERE seq >= :s"), {"s": s})
    conn.execute(text("UPDATE audit_entries SET seq = -seq WHERE seq < 0"))
    prev = rows[s - 2]["entry_hash"] if s > 1 else GENESIS_HASH
    conn.execute(INSERT_SQL, _forged(rows, s, prev, rng))
    return s


def swap_rows(conn, rows, s, rng):
    i, j = sorted(rng.sample(range(1, len(rows) + 1), 2))
    for old, new in ((i, -1), (j, i), (-1, j)):
        conn.execute(
            text("UPDATE audit_entries SET seq = :new WHERE seq = :old"), {"old": old, "new": new}
        )
    return i


def drop_last(conn, rows, s, rng):
    """Drop the newest entries and rewind the head row to match, as a careful attacker would."""
    conn.execute(text("DELETE FROM audit_entries WHERE seq >= :s"), {"s": s})
    if s == 1:
        conn.execute(text("DELETE FROM audit_head"))
    else:
        rewound = {"seq": s - 1, "h": rows[s - 2]["entry_hash"]}
        conn.execute(text("UPDATE audit_head SET seq = :seq, entry_hash = :h"), rewound)
    return s


def _forged(rows, seq, prev, rng):
    fields = dict(rows[rng.randrange(len(rows))], seq=seq, prev_hash=prev)
    fields["details"] = canonical_details({"amount": "5000.00", "note": "退款"})
    fields["object_id"] = str(rng.randint(1, 10**6))
    del fields["entry_hash"]
    return fields | {"entry_hash": entry_hash(**fields)}


TAMPERS = [
    alter_details,
    alter_actor,
    alter_action,
    alter_occurred_at,
    alter_hash,
    delete_row,
    append_row,
    insert_renumbered,
    swap_rows,
    drop_last,
]


def test_random_tampering_is_named_every_time(journal):
    rng = random.Random(20261126)
    printed_head = journal.head  # as printed on the last shift report
    assert journal.verify(printed_head).ok
    failures, kinds = [], {}
    for trial in range(TRIALS):
        tamper = TAMPERS[trial % len(TAMPERS)] if trial < len(TAMPERS) else rng.choice(TAMPERS)
        s = rng.choice([1, 2, JOURNAL_SIZE, rng.randint(1, JOURNAL_SIZE)])
        with journal.database.connection() as conn:
            bad = tamper(conn, journal.rows, s, rng)
        report = journal.verify(printed_head)
        kinds[tamper.__name__] = kinds.get(tamper.__name__, 0) + 1
        if report.first_bad_seq != bad:
            failures.append((trial, tamper.__name__, s, bad, report))
        journal.restore()
    assert failures == []
    assert len(kinds) == len(TAMPERS), kinds


def test_dropped_newest_entries_are_caught_only_by_the_printed_head(journal):
    printed_head = journal.head
    with journal.database.connection() as conn:
        drop_last(conn, journal.rows, 991, random.Random(1))
    try:
        assert journal.verify(None).ok  # the chain and the rewound head row agree...
        report = journal.verify(printed_head)  # ...but not with the printed report
        assert (report.first_bad_seq, report.checked) == (991, 990)
        assert report.problem == "entries after 990 were removed (a report printed head 1000)"
    finally:
        journal.restore()


def test_untouched_journals_verify(journal):
    rng = random.Random(50)
    try:
        for _ in range(UNTOUCHED):
            size = rng.choice([0, 1, 2, rng.randint(3, JOURNAL_SIZE)])
            rows = [dataclasses.asdict(row) for row in build_rows(size, rng)]
            journal.restore(rows)
            head = (rows[-1]["seq"], rows[-1]["entry_hash"]) if rows else (0, GENESIS_HASH)
            report = journal.verify(head)
            assert report.ok and report.checked == size, (size, report)
            assert (report.head_seq, report.head_hash) == head
    finally:
        journal.restore()
