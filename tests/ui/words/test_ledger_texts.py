"""Every ledger refusal, and every reason a reading is refused, in the clerk's Chinese."""

from __future__ import annotations

import pytest

from hallclient.ledger.errors import LedgerError, LedgerProblem, ReadingFault, reading_refused
from tests.ui.helpers import untranslated
from ui.words.ledger import ledger_problem_text


@pytest.mark.parametrize("problem", list(LedgerProblem))
def test_every_problem_is_worded(app, problem):
    text = ledger_problem_text(LedgerError(problem, "ZD202611-7"))
    assert text and untranslated(text) == []


@pytest.mark.parametrize("fault", list(ReadingFault))
def test_every_reading_fault_is_worded_with_its_figures(app, fault):
    error = reading_refused(fault, "1100.5", "1200")
    assert error.problem is LedgerProblem.BAD_READING and error.detail.isascii()
    text = ledger_problem_text(error)
    assert untranslated(text) == [] and "{" not in text
    if fault is ReadingFault.BELOW_LAST:
        assert text.startswith("1100.5 低于上次读数 1200")


@pytest.mark.parametrize(
    ("status", "words"),
    [("suspended", "该户停气：复通前不能购气；账单和复通费照常收取。"), ("closed", "销户")],
)
def test_an_inactive_account_is_named_by_its_status(app, status, words):
    assert words in ledger_problem_text(LedgerError(LedgerProblem.ACCOUNT_INACTIVE, status))
