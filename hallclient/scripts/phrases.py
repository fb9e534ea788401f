"""Forbidden phrases (服务忌语) in what a clerk types: a warning with the polite words instead.

The check never blocks; it says which phrase was found and what to say instead.
Matching is on a normalised form of both the list and the text, so spacing,
punctuation between the characters, full-width forms and traditional characters
do not hide a phrase: 「不 歸 我 管」 and 「不，归我管」 both find 不归我管.  Each
character of the normalised text remembers where it came from, so a finding
points at the clerk's own characters.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from opencc import OpenCC

from hallclient.csvspec import Column, Problem, read_rows, text
from hallclient.errors import HallError

#: Characters t2s keeps because both forms are simplified, but which the phrases write one way.
_VARIANTS = str.maketrans({"著": "着", "裏": "里", "祇": "只", "麼": "么"})
_SEPARATOR_CLASSES = ("Z", "P", "S", "C")  # spaces, punctuation, symbols, invisible marks


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
    """One character as the matcher sees it: half-width, simplified, lower case ("" = ignore)."""
    folded = unicodedata.normalize("NFKC", char)
    if all(unicodedata.category(c)[0] in _SEPARATOR_CLASSES for c in folded):
        return ""
    simplified: str = _converter().convert(folded)
    return simplified.translate(_VARIANTS).lower()


def normalised(value: str) -> tuple[str, list[int]]:
    """The matching form of ``value`` and, per character of it, its index in ``value``."""
    chars: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(value):
        for folded in _fold(char):
            chars.append(folded)
            origin.append(index)
    return "".join(chars), origin


class PhraseChecker:
    def __init__(self, phrases: Iterable[ForbiddenPhrase]) -> None:
        self.phrases = tuple(phrases)
        self._patterns = [(normalised(p.phrase)[0], p) for p in self.phrases]

    def findings(self, value: str) -> list[Finding]:
        """Every listed phrase in ``value``, in the order they appear."""
        flat, origin = normalised(value)
        found: list[Finding] = []
        for pattern, phrase in self._patterns:
            start = flat.find(pattern)
            while pattern and start >= 0:
                end = start + len(pattern) - 1
                found.append(Finding(phrase, origin[start], origin[end] + 1))
                start = flat.find(pattern, start + 1)
        return sorted(found, key=lambda f: (f.start, f.end))


_COLUMNS = (Column("phrase", text), Column("alternative_zh", text),
            Column("alternative_en", text))  # fmt: skip


def load_phrases(folder: Path) -> PhraseChecker:
    """The list in ``folder/forbidden_phrases.csv``; every bad row is reported at once."""
    problems: list[Problem] = []
    rows = [ForbiddenPhrase(**values) for _line, values in
            read_rows(folder / "forbidden_phrases.csv", _COLUMNS, problems)]  # fmt: skip
    if problems:
        raise PhraseListError(problems)
    return PhraseChecker(rows)
