"""Pinyin initials (拼音首字母) for search: 张伟 → "zw", 燃气表 → "rqb".

General text is read phrase by phrase (重庆 → "cq").  Personal names are read one
character at a time (cached), so a million names cost a dictionary look-up per
character, and a leading surname with a special reading (单 shàn, 曾 zēng, 解 xiè …)
uses that reading: clerks type what they hear.
"""

from __future__ import annotations

from functools import lru_cache

from pypinyin import Style, lazy_pinyin

_SURNAME_INITIALS = {
    "单": "s",
    "曾": "z",
    "解": "x",
    "仇": "q",
    "朴": "p",
    "区": "o",
    "查": "z",
    "盖": "g",
    "乐": "y",
    "繁": "p",
    "翟": "z",
    "尉": "y",
    "覃": "q",
    "缪": "m",
    "长孙": "zs",
    "尉迟": "yc",
    "万俟": "mq",
}


@lru_cache(maxsize=65536)
def _char_initial(char: str) -> str:
    if char.isascii():
        return char.lower() if char.isalnum() else ""
    letters = lazy_pinyin(char, style=Style.FIRST_LETTER, errors="ignore")
    return letters[0].lower() if letters else ""


@lru_cache(maxsize=4096)
def initials(text: str) -> str:
    """Initials of every hanzi, letters and digits kept as typed; the rest dropped."""
    parts = lazy_pinyin(text, style=Style.FIRST_LETTER, errors="default")
    return "".join(c.lower() for part in parts for c in part if c.isascii() and c.isalnum())


def name_initials(name: str) -> str:
    """Initials of a person's name, with the surname's own reading."""
    for surname in (name[:2], name[:1]):
        if surname and surname in _SURNAME_INITIALS:
            return _SURNAME_INITIALS[surname] + _chars(name[len(surname) :])
    return _chars(name)


def _chars(text: str) -> str:
    return "".join(_char_initial(char) for char in text)
