"""Every refusal of the ratings desk, in Chinese, through the words every page uses."""

from __future__ import annotations

import pytest

from hallclient.ratings.errors import RatingError, RatingProblem
from tests.ui.helpers import untranslated
from ui.words.problems import problem_text


@pytest.mark.parametrize("problem", list(RatingProblem))
def test_every_rating_refusal_is_worded(app, problem):
    text = problem_text(RatingError(problem, "C01"))
    assert text and untranslated(text.replace("C01", "")) == [] and "{" not in text
    assert problem.value not in text  # never the code instead of the words


def test_a_clerk_at_a_counter_with_a_screen_is_told_who_rates(app):
    text = problem_text(RatingError(RatingProblem.SCREEN_ATTACHED, "C03"))
    assert text == "C03 窗口配有客户屏：由客户在客户屏上评价，营业员不能代评。"
