"""Routing a matter to departments: the purpose's own department first, then keywords.

The rules ship in ``resources/reference/routing.csv`` (keyword, department, weight).  A
suggestion is a ranking for the clerk to confirm or change, never a decision: the
purpose's department scores 8, each keyword found in the matter adds its weight
(once), ties keep the directory's order.  Keywords are matched on the same normalised
form as the forbidden phrases, so 漏 氣 finds 漏气.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from hallclient.scripts.phrases import PAUSE, normalised
from hallclient.setup.csvspec import Column, Problem, read_rows, text, whole_number
from hallclient.setup.reference import ReferenceDataError

PURPOSE_SCORE = 8


@dataclass(frozen=True)
class Rule:
    keyword: str
    department_code: str
    weight: int


@dataclass(frozen=True)
class Suggestion:
    department_code: str
    score: int
    because: tuple[str, ...]  # the keywords found ("" stands for the purpose)


def _flat(value: str) -> str:
    return normalised(value)[0].replace(PAUSE, "")


def suggest(
    rules: Sequence[Rule],
    departments: Sequence[str],
    purpose_department: str | None,
    matter: str,
) -> list[Suggestion]:
    """Departments ranked for ``matter``; only departments of ``departments`` (in its order)."""
    flat = _flat(matter)
    scores = dict.fromkeys(departments, 0)
    reasons: dict[str, list[str]] = {code: [] for code in departments}
    if purpose_department in scores:
        scores[purpose_department] += PURPOSE_SCORE
        reasons[purpose_department].append("")
    for rule in rules:
        if rule.department_code in scores and _flat(rule.keyword) in flat:
            scores[rule.department_code] += rule.weight
            reasons[rule.department_code].append(rule.keyword)
    ranked = sorted(
        (code for code in departments if scores[code] > 0), key=lambda code: -scores[code]
    )
    return [Suggestion(code, scores[code], tuple(reasons[code])) for code in ranked]


_COLUMNS = (
    Column("keyword", text),
    Column("department_code", text),
    Column("weight", whole_number),
)


def load_rules(folder: Path) -> list[Rule]:
    problems: list[Problem] = []
    rules = [
        Rule(**values) for _line, values in read_rows(folder / "routing.csv", _COLUMNS, problems)
    ]
    if problems:
        raise ReferenceDataError(problems)
    return rules
