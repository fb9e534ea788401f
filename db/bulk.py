"""Bulk inserts of rows whose ids the caller needs (a bill's lines name the bill).

``INSERT … RETURNING`` over many rows makes SQLAlchemy build multi-row statements in
Python and match the ids back; allocating the ids first lets each table go in as one
plain ``executemany``.  The ids are the ones the database would have given:

- SQLite: ``max(id) + 1`` onwards, as SQLite itself numbers an ``INTEGER PRIMARY KEY``.
  Safe because a writer holds the database's write lock (``BEGIN IMMEDIATE``) from its
  first statement, so no one else can insert in between.
- PostgreSQL: values drawn from the column's own sequence, as its default would.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, Integer, bindparam, func, insert, select, text

from db.models.base import Base

_PG_IDS = text(
    "SELECT nextval(pg_get_serial_sequence(:table, 'id')) AS id "
    "FROM generate_series(1, :count) ORDER BY id"
).bindparams(bindparam("count", type_=Integer))


def allocate_ids(connection: Connection, model: type[Base], count: int) -> list[int]:
    """``count`` new values, ascending, for the integer primary key ``id`` of ``model``."""
    if count == 0:
        return []
    if connection.dialect.name == "postgresql":
        parameters = {"table": model.__tablename__, "count": count}
        return list(connection.execute(_PG_IDS, parameters).scalars())
    highest = connection.execute(select(func.max(model.__table__.c.id))).scalar()
    start = (highest or 0) + 1
    return list(range(start, start + count))


def insert_numbered(
    connection: Connection, model: type[Base], rows: Sequence[Mapping[str, Any]]
) -> list[int]:
    """Insert ``rows`` (all with the same keys, no ``id``) in one ``executemany``; their ids."""
    ids = allocate_ids(connection, model, len(rows))
    if ids:
        numbered = [{"id": row_id, **row} for row_id, row in zip(ids, rows, strict=True)]
        connection.execute(insert(model), numbered)
    return ids
