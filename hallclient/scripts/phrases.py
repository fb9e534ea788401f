"""Forbidden phrases (服务忌语) in what a clerk types: a warning with the polite words instead.

The check never blocks; it says which phrase was found and what to say instead.
Matching is on a normalised form of both the list and the text, so spacing, invisible
and combining marks, full-width forms and traditional characters do not hide a phrase,
nor does punctuation put between every character: 「不 歸 我 管」 and 「不，归，我，管」
both find 不归我管.  Other punctuation is a boundary (着急，什么时候 is not 急什么),
except where the list itself writes a pause (下班了，明天再来).  Each
character of the normalised text remembers where it came from, so a finding
points at the clerk's own characters.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from opencc import OpenCC

from hallclient.errors import HallError
from hallclient.setup.csvspec import Column, Problem, read_rows, text

#: Characters t2s keeps but the phrases write another way (妳 and 甚 are 你 and 什 here).
_VARIANTS = str.maketrans({"著": "着", "裏": "里", "祇": "只", "麼": "么", "妳": "你", "甚": "什"})
_DROPPED_CLASSES = ("Z", "C", "M")  # spaces, invisible marks, combining marks
PAUSE = "|"  # any run of punctuation or symbols, in the matching form


class PhraseListError(HallError):
    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems))


@dataclass(frozen=True)
class ForbiddenPhrase:
    phrase: str
    alternative_zh: str
    alternative_en: str


@dataclass(frozen=True)
class Finding:
    phrase: ForbiddenPhrase
    start: int  # the span of the clerk's text that matched, end exclusive
    end: int


@functools.cache
def _converter() -> OpenCC:
    return OpenCC("t2s")


@functools.lru_cache(maxsize=8192)
def _fold(char: str) -> str:
    """One character as the matcher sees it: half-width, simplified, lower case; a pause for
    punctuation; nothing for a space or an invisible mark."""
    folded = unicodedata.normalize("NFKC", char)
    classes = {unicodedata.category(c)[0] for c in folded}
    if classes <= set(_DROPPED_CLASSES):
        return ""
    if classes <= {"P", "S", *_DROPPED_CLASSES}:
        return PAUSE
    simplified: str = _converter().convert(folded)
    return simplified.translate(_VARIANTS).lower()


def normalised(value: str) -> tuple[str, list[int]]:
    """The matching form of ``value`` and, per character of it, its index in ``value``.
    A run of punctuation is one pause."""
    chars: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(value):
        for folded in _fold(char):
            if folded == PAUSE and chars and chars[-1] == PAUSE:
                continue
            chars.append(folded)
            origin.append(index)
    return "".join(chars), origin


def _pattern(phrase: str) -> re.Pattern[str]:
    """The phrase as written (a pause only where the list has one, e.g. 下班了，明天再来), or
    with a pause between every character (不，归，我，管: punctuation used to hide it).  A
    pause elsewhere is a boundary, so 着急，什么时候 is not 急什么."""
    flat = normalised(phrase)[0].strip(PAUSE)
    pause = re.escape(PAUSE)
    natural = "".join(f"{pause}?" if c == PAUSE else re.escape(c) for c in flat)
    spread = pause.join(re.escape(c) for c in flat.replace(PAUSE, ""))
    return re.compile(f"{natural}|{spread}")


class PhraseChecker:
    def __init__(self, phrases: Iterable[ForbiddenPhrase]) -> None:
        self.phrases = tuple(phrases)
        self._patterns = [(_pattern(p.phrase), p) for p in self.phrases]

    def findings(self, value: str) -> list[Finding]:
        """Every listed phrase in ``value``, in the order they appear."""
        flat, origin = normalised(value)
        found = [
            Finding(phrase, origin[match.start()], origin[match.end() - 1] + 1)
            for pattern, phrase in self._patterns
            for match in pattern.finditer(flat)
            if match.end() > match.start()
        ]
        return sorted(found, key=lambda f: (f.start, f.end))


_COLUMNS = (Column("phrase", text), Column("alternative_zh", text), Column("alternative_en", text))


def load_phrases(folder: Path) -> PhraseChecker:
    """The list in ``folder/forbidden_phrases.csv``; every bad row is reported at once."""
    problems: list[Problem] = []
    rows = [
        ForbiddenPhrase(**values)
        for _line, values in read_rows(folder / "forbidden_phrases.csv", _COLUMNS, problems)
    ]
    if problems:
        raise PhraseListError(problems)
    return PhraseChecker(rows)
