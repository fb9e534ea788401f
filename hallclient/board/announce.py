"""What the board shows and says for a call: "请A012号顾客到3号窗口办理".

Pure text rules, no database.  The window a customer is sent to is the counter code's
last run of digits ("C03" → "3号窗口", "2F-12" → "12号窗口"); a code without digits is
called by the counter's registered name ("VIP" named "贵宾窗口").

The board shows the plain text; the voice gets the ticket number spelled out, each letter
on its own and each digit as its Chinese numeral ("A012" → "A 零 一 二"), so an engine
reads the number the way a hall does instead of as an amount ("A twelve", "A 十二").
The window number stays a number: "3号窗口" is read 三号窗口, as it should be.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_DIGITS = re.compile(r"\d+")
_NUMERALS = dict(zip("0123456789", "零一二三四五六七八九", strict=True))


def window_name(counter_code: str, counter_name: str) -> str:
    """The window as a customer is told it: "3号窗口", or the counter's name."""
    runs = _DIGITS.findall(counter_code)
    if runs:
        return f"{int(runs[-1])}号窗口"
    name = "".join(counter_name.split())
    return name or counter_code


def spoken_label(label: str) -> str:
    """A ticket number for the voice: letters and digits one by one ("A 零 一 二")."""
    return " ".join(_NUMERALS.get(char, char) for char in label if not char.isspace())


def shown_text(label: str, window: str) -> str:
    return f"请{label}号顾客到{window}办理"


def spoken_text(label: str, window: str) -> str:
    return f"请 {spoken_label(label)} 号顾客，到{window}办理"


@dataclass(frozen=True)
class Announcement:
    """One call (or recall) of a ticket: its ``calls`` count tells a recall apart."""

    ticket_id: int
    calls: int
    label: str
    window: str

    @property
    def text(self) -> str:
        return shown_text(self.label, self.window)

    @property
    def speech(self) -> str:
        return spoken_text(self.label, self.window)
