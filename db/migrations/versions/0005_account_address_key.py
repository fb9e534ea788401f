"""account address search key

The address from its road onwards (``db.search_keys.address_key``), indexed for
prefix search as the clerk types; filled for the accounts already stored.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from db.search_keys import KEY_LENGTH, address_key

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_BATCH = 10_000


def upgrade() -> None:
    with op.batch_alter_table("accounts") as batch:
        key = sa.String(length=KEY_LENGTH)
        batch.add_column(sa.Column("address_key", key, nullable=False, server_default=""))
    _fill_keys()
    op.create_index(op.f("ix_accounts_address_key"), "accounts", ["address_key"])


def _fill_keys() -> None:
    connection = op.get_bind()
    select = sa.text("SELECT id, address FROM accounts WHERE id > :after ORDER BY id LIMIT :n")
    update = sa.text("UPDATE accounts SET address_key = :key WHERE id = :id")
    after = 0
    while rows := connection.execute(select, {"after": after, "n": _BATCH}).all():
        connection.execute(update, [{"id": i, "key": address_key(a)} for i, a in rows])
        after = rows[-1][0]


def downgrade() -> None:
    op.drop_index(op.f("ix_accounts_address_key"), table_name="accounts")
    with op.batch_alter_table("accounts") as batch:
        batch.drop_column("address_key")
