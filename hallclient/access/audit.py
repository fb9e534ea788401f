"""The audit journal: append-only, hash-chained entries and their verifier.

Each entry ``seq`` (1, 2, 3 … without gaps) stores ``prev_hash`` (the ``entry_hash`` of
entry ``seq - 1``; 64 zeros for entry 1) and ``entry_hash`` = SHA-256 (lowercase hex) of
the UTF-8 bytes of its canonical form, version 1::

    json.dumps([version, seq, occurred_at, hall_code, counter_code, actor_employee_no,
                action, object_type, object_id, details, prev_hash],
               ensure_ascii=False, separators=(",", ":"))

that is a JSON array with no spaces: ``version`` and ``seq`` as integers, every other
item as a JSON string -- ``occurred_at`` in UTC as ``YYYY-MM-DDTHH:MM:SS.ffffff+00:00``
(always six digits of microseconds), ``details`` the stored text itself.  In strings only
``"`` and ``\\`` and the control characters U+0000-U+001F are escaped (``\\b \\f \\n \\r
\\t`` or ``\\u00xx`` in lowercase hex); everything else, CJK included, is written as is.
``details`` is itself canonical JSON: an object with keys sorted by code point, no
spaces, the same string rules; values are strings, integers, booleans, null, arrays and
objects (no floats: a Decimal is stored as its string, a datetime as ISO-8601 UTC).

The newest link is kept in ``audit_head`` (seq 0 and 64 zeros before the first entry)
and locked by every writer.  Reports print it: a journal whose newest entries were
dropped, and the head row rewound to match, still fails ``verify_journal`` given the
printed ``(seq, hash)`` as ``expected_head``.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from operator import itemgetter
from typing import Any, Protocol, cast

from sqlalchemy import insert, select, update
from sqlalchemy.dialects import postgresql, sqlite

from db.models.security import AuditEntry, AuditHead
from hallclient.uow import UnitOfWork

GENESIS_HASH = "0" * 64
CANONICAL_VERSION = 1
HEAD_ID = 1
BATCH_SIZE = 2000
SECRET_WORDS = frozenset({"password", "passwd", "pwd", "pin", "hash", "secret", "token", "salt"})
_ENTRIES = AuditEntry.__table__
_HEAD = AuditHead.__table__
_HEAD_QUERY = select(_HEAD.c.seq, _HEAD.c.entry_hash).where(_HEAD.c.id == HEAD_ID)
_FIRST = itemgetter(0)
_CANONICAL_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
_DETAILS_JSON = json.JSONEncoder(
    ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False
)
Problem = tuple[int, str]  # (the first bad seq, what is wrong)


@dataclass(frozen=True)
class Where:
    """The hall and counter an action happened at."""

    hall_code: str
    counter_code: str


@dataclass(frozen=True)
class EntryView:
    seq: int
    occurred_at: datetime
    hall_code: str
    counter_code: str
    actor: str
    action: str
    object_type: str
    object_id: str
    details: dict[str, object]
    entry_hash: str


@dataclass(frozen=True)
class VerifyReport:
    """``head_*``: the last entry the walk reached (the journal's head when ``ok``)."""

    checked: int
    head_seq: int
    head_hash: str
    first_bad_seq: int | None
    problem: str | None

    @property
    def ok(self) -> bool:
        return self.first_bad_seq is None


class AuditRow(Protocol):
    """Anything with the columns of :class:`AuditEntry` (an ORM object, a result row)."""

    seq: int
    version: int
    occurred_at: datetime
    hall_code: str
    counter_code: str
    actor_employee_no: str
    action: str
    object_type: str
    object_id: str
    details: str
    prev_hash: str
    entry_hash: str


def _utc_iso(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("audit times must be aware datetimes")
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


# fmt: off
def entry_hash(
    *, version: int, seq: int, occurred_at: datetime, hall_code: str, counter_code: str,
    actor_employee_no: str, action: str, object_type: str, object_id: str, details: str,
    prev_hash: str,
) -> str:
    # fmt: on
    """SHA-256 hex of the canonical form (see the module docstring)."""
    if version != CANONICAL_VERSION:
        raise ValueError(f"unknown canonical version {version}")
    fields = [version, seq, _utc_iso(occurred_at), hall_code, counter_code, actor_employee_no]
    fields += [action, object_type, object_id, details, prev_hash]
    text = _CANONICAL_JSON.encode(fields)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _hash_of(row: AuditRow) -> str:
    return entry_hash(
        version=row.version, seq=row.seq, occurred_at=row.occurred_at,
        hall_code=row.hall_code, counter_code=row.counter_code,
        actor_employee_no=row.actor_employee_no, action=row.action,
        object_type=row.object_type, object_id=row.object_id,
        details=row.details, prev_hash=row.prev_hash,
    )


def _dump(value: object) -> str:
    return _DETAILS_JSON.encode(value)


def _looks_secret(key: str) -> bool:
    words = re.findall(r"[a-z0-9]+", re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", key).lower())
    return "password" in key.lower() or any(word in SECRET_WORDS for word in words)


def _plain(value: object) -> object:
    """``value`` as plain JSON data; refuses secret-looking keys and floats."""
    if value is None or isinstance(value, str | int):  # bool is an int
        return value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime):
        return _utc_iso(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return _plain_mapping(value)
    if isinstance(value, Sequence) and not isinstance(value, bytes | bytearray):
        return [_plain(item) for item in value]
    raise TypeError(f"audit details cannot hold {type(value).__name__} (use str or Decimal)")


def _plain_mapping(mapping: Mapping[Any, object]) -> dict[str, object]:
    plain: dict[str, object] = {}
    for key, item in mapping.items():
        if not isinstance(key, str):
            raise TypeError(f"audit detail keys must be strings, not {type(key).__name__}")
        if _looks_secret(key):
            raise ValueError(f"audit details must not hold secrets: key {key!r} refused")
        plain[key] = _plain(item)
    return plain


def canonical_details(details: Mapping[str, object]) -> str:
    """The canonical JSON text stored in ``details``."""
    return _dump(_plain_mapping(details))


def _is_canonical(text: str) -> bool:
    try:
        parsed = json.loads(text)
        return isinstance(parsed, dict) and _dump(parsed) == text
    except ValueError:  # bad JSON, or NaN/Infinity refused by allow_nan=False
        return False


def _locked_head(uow: UnitOfWork) -> tuple[int, str]:
    row = uow.session.execute(_HEAD_QUERY.with_for_update()).one_or_none()
    if row is None:
        dialect = postgresql if uow.session.get_bind().dialect.name == "postgresql" else sqlite
        first = dialect.insert(_HEAD).values(id=HEAD_ID, seq=0, entry_hash=GENESIS_HASH)
        uow.session.execute(first.on_conflict_do_nothing(index_elements=["id"]))
        row = uow.session.execute(_HEAD_QUERY.with_for_update()).one()
    return int(row.seq), str(row.entry_hash)


def lock_journal(uow: UnitOfWork) -> None:
    """Take the journal's write lock now, for a use case that numbers something of its own
    before it records (script versions): writers then queue here instead of racing."""
    _locked_head(uow)


def record(
    uow: UnitOfWork,
    where: Where,
    actor: str,
    action: str,
    object_type: str,
    object_id: str,
    details: Mapping[str, object],
    at: datetime,
) -> int:
    """Append one entry in the caller's transaction (not committed here); returns its seq."""
    text = canonical_details(details)
    head_seq, head_hash = _locked_head(uow)
    entry: dict[str, object] = {
        "version": CANONICAL_VERSION, "seq": head_seq + 1, "occurred_at": at,
        "hall_code": where.hall_code, "counter_code": where.counter_code,
        "actor_employee_no": actor, "action": action, "object_type": object_type,
        "object_id": object_id, "details": text, "prev_hash": head_hash,
    }
    entry["entry_hash"] = entry_hash(**entry)  # type: ignore[arg-type]
    uow.session.execute(insert(AuditEntry).values(entry))
    new_head = {"seq": entry["seq"], "entry_hash": entry["entry_hash"]}
    uow.session.execute(update(AuditHead).where(AuditHead.id == HEAD_ID).values(new_head))
    return head_seq + 1


def read_head(uow: UnitOfWork) -> tuple[int, str]:
    """The stored head ``(seq, entry_hash)``; ``(0, GENESIS_HASH)`` for an empty journal."""
    return _stored_head(uow) or (0, GENESIS_HASH)


def _stored_head(uow: UnitOfWork) -> tuple[int, str] | None:
    row = uow.session.execute(_HEAD_QUERY).one_or_none()
    return None if row is None else (int(row.seq), str(row.entry_hash))


def _details_dict(text: str) -> dict[str, object]:
    try:
        parsed = json.loads(text)
    except ValueError:
        return {"unreadable": text}
    return cast(dict[str, object], parsed) if isinstance(parsed, dict) else {"value": parsed}


def recent_entries(
    uow: UnitOfWork, limit: int = 200, action_prefix: str | None = None
) -> list[EntryView]:
    """The newest ``limit`` entries, newest first, optionally only actions with a prefix."""
    query = select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(limit)
    if action_prefix:
        query = query.where(AuditEntry.action.startswith(action_prefix, autoescape=True))
    return [entry_view(entry) for entry in uow.session.scalars(query)]


def entry_view(e: AuditEntry) -> EntryView:
    return EntryView(
        e.seq, e.occurred_at, e.hall_code, e.counter_code, e.actor_employee_no,
        e.action, e.object_type, e.object_id, _details_dict(e.details), e.entry_hash,
    )


def _link_problem(row: AuditRow, expected_seq: int, prev: tuple[str, str]) -> Problem | None:
    """What is wrong with ``row``; ``prev``: the hashes of the two entries before it."""
    if row.seq != expected_seq:
        return expected_seq, f"entry {expected_seq} is missing (next is {row.seq})"
    if row.prev_hash == prev[0] != prev[1]:
        return row.seq - 1, f"entry {row.seq - 1} was inserted: entry {row.seq} skips it"
    if row.prev_hash != prev[1]:
        return row.seq, "prev_hash does not match the previous entry's hash"
    return _content_problem(row)


def _content_problem(row: AuditRow) -> Problem | None:
    if not _is_canonical(row.details):
        return row.seq, "details are not canonical JSON"
    try:
        recomputed = _hash_of(row)
    except ValueError as error:
        return row.seq, str(error)
    mismatch = row.entry_hash != recomputed
    return (row.seq, "entry_hash does not match the entry's contents") if mismatch else None


def _head_problems(
    last: tuple[int, str], seen: dict[int, str], stored: tuple[int, str] | None
) -> Iterator[Problem]:
    if stored is None:
        if last[0] > 0:
            yield 1, "the chain head row is missing"
        return
    seq, hash_ = stored
    if seq > last[0]:
        yield last[0] + 1, f"entry {last[0] + 1} is missing (the head row says {seq})"
    elif seen.get(seq) != hash_:
        yield max(seq, 1), f"entry {seq} does not match the head row"
    elif seq < last[0]:
        yield seq + 1, f"entries after {seq} were added behind the app's back"


def _expected_problems(
    last: tuple[int, str], seen: dict[int, str], expected: tuple[int, str] | None
) -> Iterator[Problem]:
    if expected is None:
        return
    seq, hash_ = expected
    if seq > last[0]:
        yield last[0] + 1, f"entries after {last[0]} were removed (a report printed head {seq})"
    elif seen.get(seq) != hash_:
        yield max(seq, 1), f"entries up to {seq} were removed or rewritten (not the printed head)"


def _problems(
    last: tuple[int, str],
    seen: dict[int, str],
    heads: tuple[tuple[int, str] | None, tuple[int, str] | None],
) -> list[Problem]:
    """What the stored and the printed head say about a walk that reached ``last``."""
    return [*_head_problems(last, seen, heads[0]), *_expected_problems(last, seen, heads[1])]


def verify_rows(
    rows: Iterable[AuditRow],
    stored_head: tuple[int, str] | None,
    expected_head: tuple[int, str] | None = None,
) -> VerifyReport:
    """Check ``rows`` (ordered by seq) as a chain; names the first bad entry.  Pure."""
    heads = (stored_head, expected_head)
    wanted = {head[0] for head in heads if head is not None}
    seen = {0: GENESIS_HASH}
    last, before, checked = (0, GENESIS_HASH), "", 0
    for row in rows:
        checked += 1
        problem = _link_problem(row, last[0] + 1, (before, last[1]))
        if problem is not None:
            early = [p for p in _problems(last, seen, heads) if p[0] < problem[0]]
            return VerifyReport(checked, *last, *min([problem, *early], key=_FIRST))
        before, last = last[1], (row.seq, row.entry_hash)
        if row.seq in wanted:
            seen[row.seq] = row.entry_hash
    problems = _problems(last, seen, heads)
    first_bad, problem_text = min(problems, key=_FIRST) if problems else (None, None)
    return VerifyReport(checked, *last, first_bad, problem_text)


def _stream(uow: UnitOfWork) -> Iterator[AuditRow]:
    query = select(*_ENTRIES.c).order_by(_ENTRIES.c.seq).execution_options(yield_per=BATCH_SIZE)
    for row in uow.session.execute(query):
        yield cast(AuditRow, row)


def verify_journal(uow: UnitOfWork, expected_head: tuple[int, str] | None = None) -> VerifyReport:
    """Verify the whole journal in one snapshot, streaming the entries in batches."""
    if uow.session.get_bind().dialect.name == "postgresql":
        uow.session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
    return verify_rows(_stream(uow), _stored_head(uow), expected_head)
