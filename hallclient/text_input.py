"""Cleaning what a clerk types before it is stored: one rule for every free-text field.

Control characters are dropped (a pasted tab or a stray escape code must not reach a
printed slip), full-width letters and digits become half-width (NFKC), spaces are
trimmed, and a field that is too long is refused rather than cut.
"""

from __future__ import annotations

import unicodedata

from hallclient.errors import HallError


class TextInputError(HallError):
    def __init__(self, field: str, problem: str) -> None:
        self.field, self.problem = field, problem
        super().__init__(f"{field}: {problem}")


def clean_text(value: str, field: str, max_length: int, *, multiline: bool = False) -> str:
    """``value`` without control characters (newlines kept if ``multiline``), NFKC, trimmed."""
    normalised = unicodedata.normalize("NFKC", value)
    kept = "".join(
        char
        for char in normalised
        if unicodedata.category(char)[0] != "C" or (multiline and char == "\n")
    )
    text = kept.strip()
    if len(text) > max_length:
        raise TextInputError(field, f"too_long:{max_length}")
    return text


def clean_phone(value: str, field: str = "phone") -> str:
    """Digits only (spaces and dashes dropped); empty, or 5 to 20 digits."""
    text = clean_text(value, field, 40).replace(" ", "").replace("-", "")
    if text and not (text.isascii() and text.isdigit() and 5 <= len(text) <= 20):
        raise TextInputError(field, "not_a_phone")
    return text
