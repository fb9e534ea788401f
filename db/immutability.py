"""Append-only tables: database triggers that refuse UPDATE and DELETE.

The app never edits or deletes audit entries (and, later, issued receipts, voids
and closed shifts); these triggers make the database refuse it too, whatever
client tries.  To protect another table, call :func:`protect` in the migration
that creates it and :func:`unprotect` in its downgrade::

    from db.immutability import protect, unprotect
    def upgrade() -> None:
        op.create_table("receipts", ...)
        protect(op.get_bind(), "receipts")
"""

from __future__ import annotations

from sqlalchemy import Connection, text

MESSAGE = "append-only table: {table} rows are never updated or deleted"
_PG_FUNCTION = """
CREATE OR REPLACE FUNCTION hallclient_refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'append-only table: % rows are never updated or deleted', TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql
"""


def _statements(dialect: str, table: str) -> list[str]:
    if dialect == "sqlite":
        message = MESSAGE.format(table=table)
        return [
            f"CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{message}'); END"
            for verb in ("UPDATE", "DELETE")
        ]
    if dialect == "postgresql":
        return [
            _PG_FUNCTION,
            f"CREATE TRIGGER {table}_no_change BEFORE UPDATE OR DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION hallclient_refuse_change()",
            f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
            "FOR EACH STATEMENT EXECUTE FUNCTION hallclient_refuse_change()",
        ]
    raise ValueError(f"no append-only triggers for {dialect}")


def protect(conn: Connection, table: str) -> None:
    """Create the triggers that make ``table`` append-only."""
    for statement in _statements(conn.dialect.name, table):
        conn.execute(text(statement))


def unprotect(conn: Connection, table: str) -> None:
    """Drop ``table``'s append-only triggers (downgrades, and tamper tests only)."""
    if conn.dialect.name == "sqlite":
        names = [f"{table}_no_update", f"{table}_no_delete"]
        for name in names:
            conn.execute(text(f"DROP TRIGGER IF EXISTS {name}"))
        return
    for name in (f"{table}_no_change", f"{table}_no_truncate"):
        conn.execute(text(f"DROP TRIGGER IF EXISTS {name} ON {table}"))
