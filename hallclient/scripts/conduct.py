"""The quick reference (F1): the six prohibitions and the counter's conduct rules.

Written in the app's own words from the company's service standard, in both
languages, and searched as the clerk types (either language, any part of a
title or text; the phrase normalisation makes full-width and traditional
characters match too).
"""

from __future__ import annotations

import enum
import json
from dataclasses import dataclass
from pathlib import Path

from hallclient.errors import HallError
from hallclient.scripts.phrases import normalised

FORMAT = "hallclient-conduct/1"


class Section(enum.StrEnum):
    SIX_PROHIBITIONS = "six_prohibitions"
    COUNTER = "counter"
    EMERGENCY = "emergency"


@dataclass(frozen=True)
class ConductRule:
    section: Section
    title_zh: str
    text_zh: str
    title_en: str
    text_en: str

    def matches(self, query: str) -> bool:
        wanted = normalised(query)[0]
        haystack = normalised(" ".join((self.title_zh, self.text_zh, self.title_en, self.text_en)))[
            0
        ]
        return wanted in haystack


def load_conduct(folder: Path) -> tuple[ConductRule, ...]:
    try:
        document = json.loads((folder / "conduct.json").read_text(encoding="utf-8"))
        if document.get("format") != FORMAT:
            raise ValueError(f"the format must be {FORMAT}")
        return tuple(
            ConductRule(
                Section(r["section"]), r["title_zh"], r["text_zh"], r["title_en"], r["text_en"]
            )
            for r in document["rules"]
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise HallError(f"{folder / 'conduct.json'}: {error}") from None


def search(rules: tuple[ConductRule, ...], query: str) -> list[ConductRule]:
    """The rules containing ``query`` (all of them for an empty query)."""
    if not normalised(query)[0]:
        return list(rules)
    return [rule for rule in rules if rule.matches(query)]
