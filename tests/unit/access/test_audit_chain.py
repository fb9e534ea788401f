"""The journal's hash chain and its verifier, on in-memory rows (no database)."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import random
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hallclient.access import audit
from hallclient.access.audit import GENESIS_HASH, canonical_details, entry_hash, verify_rows

START = datetime(2026, 11, 26, 1, 30, tzinfo=UTC)
ACTIONS = ["login", "logout", "login.failed", "void", "reprint", "tariff.approve", "user.add"]


@dataclasses.dataclass(frozen=True)
class Row:
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


def rehash(row: Row) -> Row:
    fields = dataclasses.asdict(row)
    del fields["entry_hash"]
    return dataclasses.replace(row, entry_hash=entry_hash(**fields))


def make_row(seq: int, prev_hash: str, rng: random.Random) -> Row:
    """Entry ``seq`` with random but realistic contents, hashed with the real function."""
    details = {"n": seq, "amount": str(Decimal(rng.randint(0, 10**6)) / 100), "note": "备注"}
    if rng.random() < 0.3:
        details["reason"] = rng.choice(["客户要求", "打印机卡纸", 'quote " and \\ and \n'])
    row = Row(
        seq=seq,
        version=audit.CANONICAL_VERSION,
        occurred_at=START + timedelta(seconds=seq * 37, microseconds=rng.randint(0, 999_999)),
        hall_code="H01",
        counter_code=f"C{rng.randint(1, 8):02d}",
        actor_employee_no=str(rng.randint(1000, 1099)),
        action=rng.choice(ACTIONS),
        object_type="receipt",
        object_id=str(rng.randint(1, 10**6)),
        details=canonical_details(details),
        prev_hash=prev_hash,
        entry_hash="",
    )
    return rehash(row)


def build_rows(n: int, rng: random.Random, first_seq: int = 1, prev: str = GENESIS_HASH):
    rows = []
    for seq in range(first_seq, first_seq + n):
        rows.append(make_row(seq, prev, rng))
        prev = rows[-1].entry_hash
    return rows


def head_of(rows) -> tuple[int, str]:
    return (rows[-1].seq, rows[-1].entry_hash) if rows else (0, GENESIS_HASH)


# --- the canonical form --------------------------------------------------------------


def test_canonical_form_can_be_reimplemented_from_the_docstring():
    details = canonical_details({"b": 1, "a": "收费 ok", "when": START})
    assert details == '{"a":"收费 ok","b":1,"when":"2026-11-26T01:30:00.000000+00:00"}'
    fields = [
        1,
        7,
        "2026-11-26T01:30:00.000000+00:00",
        "H01",
        "C02",
        "1001",
        "void",
        "receipt",
        "R-1",
        details,
        GENESIS_HASH,
    ]
    text = json.dumps(fields, ensure_ascii=False, separators=(",", ":"))
    expected = hashlib.sha256(text.encode("utf-8")).hexdigest()
    shanghai = START.astimezone(timezone(timedelta(hours=8)))  # same instant, other zone
    assert expected == entry_hash(
        version=1,
        seq=7,
        occurred_at=shanghai,
        hall_code="H01",
        counter_code="C02",
        actor_employee_no="1001",
        action="void",
        object_type="receipt",
        object_id="R-1",
        details=details,
        prev_hash=GENESIS_HASH,
    )


def test_details_values_are_normalised():
    text = canonical_details(
        {"amount": Decimal("12.50"), "at": START, "ids": (1, 2), "nested": {"ok": None}}
    )
    assert json.loads(text) == {
        "amount": "12.50",
        "at": "2026-11-26T01:30:00.000000+00:00",
        "ids": [1, 2],
        "nested": {"ok": None},
    }


@pytest.mark.parametrize(
    "details",
    [
        {"password": "x"},
        {"new_password": "x"},
        {"passwordHash": "x"},
        {"pin": "1234"},
        {"pin_code": 1},
        {"hash": "ab"},
        {"user": {"old_pin": "1"}},
        {"items": [{"Secret": 1}]},
    ],
)
def test_secret_looking_keys_are_refused(details):
    with pytest.raises(ValueError, match="secrets"):
        canonical_details(details)


def test_ordinary_keys_that_contain_secret_words_are_fine():
    canonical_details({"pinyin": "zhang", "shipping": 1, "mapping": 2, "spinner": 3})


@pytest.mark.parametrize("value", [1.5, b"bytes", object(), datetime(2026, 1, 1)])
def test_floats_bytes_naive_times_are_refused(value):
    with pytest.raises((TypeError, ValueError)):
        canonical_details({"value": value})


# --- untouched chains ------------------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(st.text(alphabet="abcxyz_", min_size=1), children, max_size=3)
    ),
    max_leaves=8,
)


@settings(max_examples=60, deadline=None)
@given(
    n=st.integers(0, 40),
    seed=st.integers(0, 2**32),
    texts=st.lists(st.text(), min_size=1, max_size=5),
    details=st.dictionaries(st.text(alphabet="abcxyz_", min_size=1), json_values, max_size=4),
)
def test_untouched_chains_verify(n, seed, texts, details):
    rows = build_rows(n, random.Random(seed))
    if rows:  # arbitrary unicode in strings and details, control characters included
        first = dataclasses.replace(
            rows[0],
            actor_employee_no=texts[0],
            object_id="".join(texts),
            details=canonical_details(details),
        )
        rows = build_rows_after(rehash(first), rows[1:])
    report = verify_rows(rows, head_of(rows), expected_head=head_of(rows))
    assert report.ok and report.problem is None
    assert (report.checked, (report.head_seq, report.head_hash)) == (n, head_of(rows))


def build_rows_after(first: Row, rest: list[Row]) -> list[Row]:
    rows = [first]
    for row in rest:
        rows.append(rehash(dataclasses.replace(row, prev_hash=rows[-1].entry_hash)))
    return rows


def test_empty_journal_with_or_without_a_head_row():
    assert verify_rows([], None).ok
    assert verify_rows([], (0, GENESIS_HASH), (0, GENESIS_HASH)).ok


# --- tampering ---------------------------------------------------------------------------


def _random_hash(rng):
    return f"{rng.getrandbits(256):064x}"


FIELD_CHANGES = {  # kind -> the changed fields of entry s
    "details": lambda row, rng: {
        "details": canonical_details(json.loads(row.details) | {"tampered": True})
    },
    "details_not_canonical": lambda row, rng: {"details": row.details.replace(",", ", ", 1)},
    "actor": lambda row, rng: {"actor_employee_no": "9999"},
    "action": lambda row, rng: {"action": row.action + ".x"},
    "occurred_at": lambda row, rng: {"occurred_at": row.occurred_at + timedelta(microseconds=1)},
    "entry_hash": lambda row, rng: {"entry_hash": _random_hash(rng)},
    "prev_hash": lambda row, rng: {"prev_hash": _random_hash(rng)},
    "version": lambda row, rng: {"version": 2},
}


def _delete(rows, s, rng):
    del rows[s - 1]
    return s


def _append(rows, s, rng):  # a well-formed entry added behind the app's back: head not moved
    rows.append(make_row(len(rows) + 1, rows[-1].entry_hash, rng))
    return len(rows)


def _insert(rows, s, rng):  # a well-formed entry at s, the later ones renumbered (not rehashed)
    prev = rows[s - 2].entry_hash if s > 1 else GENESIS_HASH
    later = [dataclasses.replace(row, seq=row.seq + 1) for row in rows[s - 1 :]]
    rows[s - 1 :] = [make_row(s, prev, rng), *later]
    return s


def _swap(rows, s, rng):
    if len(rows) < 2:
        return _delete(rows, s, rng)
    i, j = sorted(rng.sample(range(1, len(rows) + 1), 2))
    a, b = rows[i - 1], rows[j - 1]
    rows[i - 1], rows[j - 1] = dataclasses.replace(b, seq=i), dataclasses.replace(a, seq=j)
    return i


def _drop_last(rows, s, rng):  # the head row is rewound too: only the printed head helps
    del rows[s - 1 :]
    return s


STRUCTURAL = {
    "delete": _delete,
    "append": _append,
    "insert": _insert,
    "swap": _swap,
    "drop_last": _drop_last,
}
TAMPER_KINDS = [*FIELD_CHANGES, *STRUCTURAL]


def tamper(kind: str, rows: list[Row], rng: random.Random) -> tuple[int, tuple[int, str]]:
    """Tamper with ``rows`` in place; returns (the first bad seq, the stored head after)."""
    head = head_of(rows)
    s = rng.randint(1, len(rows))
    if kind in FIELD_CHANGES:
        rows[s - 1] = dataclasses.replace(rows[s - 1], **FIELD_CHANGES[kind](rows[s - 1], rng))
        return s, head
    bad = STRUCTURAL[kind](rows, s, rng)
    return bad, (head_of(rows) if kind == "drop_last" else head)


@settings(max_examples=300, deadline=None)
@given(kind=st.sampled_from(TAMPER_KINDS), n=st.integers(1, 50), seed=st.integers(0, 2**32))
def test_every_tampering_names_the_first_bad_entry(kind, n, seed):
    rng = random.Random(seed)
    rows = build_rows(n, rng)
    printed = head_of(rows)
    bad, stored_head = tamper(kind, rows, rng)
    report = verify_rows(rows, stored_head, expected_head=printed)
    assert not report.ok
    assert report.first_bad_seq == bad, (kind, report)


@pytest.mark.parametrize("kind", TAMPER_KINDS)
def test_each_kind_once_with_a_message(kind):
    rng = random.Random(kind)
    rows = build_rows(30, rng)
    printed = head_of(rows)
    bad, stored_head = tamper(kind, rows, rng)
    report = verify_rows(rows, stored_head, expected_head=printed)
    assert report.first_bad_seq == bad and report.problem


def test_a_gap_names_the_missing_entry():
    rows = build_rows(10, random.Random(1))
    del rows[3:5]
    report = verify_rows(rows, head_of(rows))
    assert (report.first_bad_seq, report.problem) == (4, "entry 4 is missing (next is 6)")
    assert report.checked == 4


def test_dropped_newest_entries_need_the_printed_head():
    rows = build_rows(20, random.Random(2))
    printed = head_of(rows)
    del rows[15:]
    assert verify_rows(rows, head_of(rows)).ok  # the attacker rewound the head row too
    report = verify_rows(rows, head_of(rows), expected_head=printed)
    assert report.first_bad_seq == 16
    assert "entries after 15 were removed" in (report.problem or "")


def test_head_row_mismatches():
    rows = build_rows(5, random.Random(3))
    assert verify_rows(rows, None).first_bad_seq == 1  # the head row itself was deleted
    assert verify_rows(rows, (7, "f" * 64)).first_bad_seq == 6
    assert verify_rows(rows, (3, rows[2].entry_hash)).first_bad_seq == 4
    assert verify_rows(rows, (5, "f" * 64)).first_bad_seq == 5


def test_a_rewritten_chain_is_caught_by_the_printed_head():
    rng = random.Random(4)
    rows = build_rows(12, rng)
    printed = head_of(rows)
    forged = rows[:6] + build_rows(8, rng, first_seq=7, prev=rows[5].entry_hash)
    assert verify_rows(forged, head_of(forged)).ok
    report = verify_rows(forged, head_of(forged), expected_head=printed)
    assert report.first_bad_seq == 12  # the chain is consistent; the printed link is not
