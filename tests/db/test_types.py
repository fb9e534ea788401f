"""Money and time column types: exact round trips, refusals before anything is written."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import (
    Column,
    DateTime,
    Engine,
    Integer,
    MetaData,
    Table,
    func,
    insert,
    select,
)
from sqlalchemy.exc import StatementError

from db.engine import make_engine
from db.types import Fen, UnitPrice, UTCDateTime

metadata = MetaData()
probe = Table(
    "type_probe",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("amount", Fen()),
    Column("price", UnitPrice()),
    Column("at", UTCDateTime()),
)
raw_probe = Table("type_probe", MetaData(), Column("id", Integer), Column("at", DateTime()))

MAX_FEN = Decimal(2**63 - 1).scaleb(-2)
MAX_PRICE = Decimal(2**63 - 1).scaleb(-4)
DB_SETTINGS = settings(
    max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

pytestmark = pytest.mark.filterwarnings("error::sqlalchemy.exc.SAWarning")


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    engine = make_engine(database_url)
    metadata.create_all(engine)
    yield engine
    engine.dispose()


def _round_trip(engine: Engine, **values: Any) -> Any:
    with engine.begin() as conn:
        row_id = conn.execute(insert(probe).values(**values)).inserted_primary_key[0]
        column = probe.c[next(iter(values))]
        return conn.execute(select(column).where(probe.c.id == row_id)).scalar_one()


def _row_count(engine: Engine) -> int:
    with engine.connect() as conn:
        count: int = conn.execute(select(func.count()).select_from(probe)).scalar_one()
        return count


@DB_SETTINGS
@given(st.decimals(min_value=-MAX_FEN, max_value=MAX_FEN, places=2))
def test_fen_round_trips_exactly(engine: Engine, amount: Decimal) -> None:
    stored = _round_trip(engine, amount=amount)
    assert stored == amount
    assert stored.as_tuple().exponent == -2


@DB_SETTINGS
@given(st.decimals(min_value=-MAX_PRICE, max_value=MAX_PRICE, places=4))
def test_unit_price_round_trips_exactly(engine: Engine, price: Decimal) -> None:
    stored = _round_trip(engine, price=price)
    assert stored == price
    assert stored.as_tuple().exponent == -4


@pytest.mark.parametrize(
    ("column", "value", "error"),
    [
        ("amount", 1.5, "needs a Decimal"),
        ("amount", 150, "needs a Decimal"),
        ("price", 3.25, "needs a Decimal"),
        ("amount", Decimal("1.005"), "more than 2 decimal places"),
        ("amount", Decimal("0.001"), "more than 2 decimal places"),
        ("price", Decimal("2.00001"), "more than 4 decimal places"),
        ("amount", Decimal("90000000000000000.000000000001"), "more than 2 decimal places"),
        ("amount", MAX_FEN + Decimal("0.01"), "too large"),
        ("amount", Decimal("-1E+30"), "too large"),
        ("amount", Decimal("NaN"), "finite"),
        ("price", Decimal("Infinity"), "finite"),
    ],
)
def test_money_refuses_inexact_values_before_writing(
    engine: Engine, column: str, value: object, error: str
) -> None:
    with pytest.raises(StatementError, match=error), engine.begin() as conn:
        conn.execute(insert(probe).values(id=1, **{column: value}))
    assert _row_count(engine) == 0


def test_money_accepts_trailing_zeros_and_exponents(engine: Engine) -> None:
    assert _round_trip(engine, amount=Decimal("12.5000000")) == Decimal("12.50")
    assert _round_trip(engine, amount=Decimal("1E+3")) == Decimal("1000.00")
    assert _round_trip(engine, price=Decimal("-0.0001")) == Decimal("-0.0001")


offsets = st.integers(min_value=-12 * 60, max_value=14 * 60).map(
    lambda minutes: timezone(timedelta(minutes=minutes))
)


@DB_SETTINGS
@given(
    st.datetimes(min_value=datetime(1970, 1, 2), max_value=datetime(2200, 1, 1), timezones=offsets)
)
def test_utc_datetime_stores_utc_and_returns_aware_utc(engine: Engine, moment: datetime) -> None:
    with engine.begin() as conn:
        row_id = conn.execute(insert(probe).values(at=moment)).inserted_primary_key[0]
        stored = conn.execute(select(probe.c.at).where(probe.c.id == row_id)).scalar_one()
        raw = conn.execute(select(raw_probe.c.at).where(raw_probe.c.id == row_id)).scalar_one()
    assert stored == moment
    assert stored.tzinfo is UTC
    assert raw == moment.astimezone(UTC).replace(tzinfo=None)


def test_utc_datetime_refuses_naive(engine: Engine) -> None:
    with pytest.raises(StatementError, match="aware"), engine.begin() as conn:
        conn.execute(insert(probe).values(id=1, at=datetime(2024, 5, 1, 9, 30)))
    assert _row_count(engine) == 0
