"""The context of a command run without an administrator: it reads, and writes nothing."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from hallclient.access.audit import Where
from hallclient.access.permissions import Action
from hallclient.clock import FixedClock
from hallclient.context import (
    COMMAND_LINE_READS,
    ReadOnlyCommandError,
    command_line_operator,
    read_only_context,
)

CONTEXT = read_only_context(Where("H01", "C01"), FixedClock(datetime(2026, 12, 1, tzinfo=UTC)))


def test_it_is_the_operating_system_account_not_a_pretended_admin():
    assert CONTEXT.user.employee_no == command_line_operator()
    assert command_line_operator().startswith("cli:")


def test_it_looks_fees_and_bills_up():
    CONTEXT.require(Action.LOOK_UP_FEES)
    assert {Action.LOOK_UP_FEES} == COMMAND_LINE_READS


@pytest.mark.parametrize("action", sorted(set(Action) - COMMAND_LINE_READS))
def test_it_may_do_nothing_else(action):
    with pytest.raises(ReadOnlyCommandError, match="only reads"):
        CONTEXT.require(action)


def test_it_journals_nothing():
    with pytest.raises(ReadOnlyCommandError, match=r"journal tariff\.retired"):
        CONTEXT.record(None, "tariff.retired", "tariff_schedule", "T-1")  # type: ignore[arg-type]
