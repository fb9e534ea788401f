"""Cleaning what a clerk types before it is stored: one rule for every free-text field.

Text is kept as typed: a name, an address or a note is stored, printed and shown with
the very characters the clerk typed (℃ stays ℃, full-width （） stay full-width, a rare
character stays itself).  Cleaning only drops what no one types on purpose and what
would spoil a printed slip or the database: control characters (a pasted tab, a stray
escape code, NUL, which PostgreSQL refuses), invisible format characters (bidi
overrides, zero-width spaces), lone surrogates and Unicode noncharacters; it trims the
ends and refuses a field that is too long rather than cutting it.  Characters newer than
Python's Unicode database (CJK Extension H on Python 3.11) and private-use characters
(rare characters of older input methods) are kept: they may be someone's name.

Normalisation (NFKC: full-width digits and letters to ASCII) belongs to what is looked
up, never to what is printed: :func:`clean_code` for account numbers and codes,
:func:`clean_phone` for phone numbers, and the search keys (``db.search_keys``,
``intake.account_search``) for searching.
"""

from __future__ import annotations

import unicodedata

from hallclient.errors import HallError

_DROPPED = frozenset({"Cc", "Cf", "Cs"})  # controls, format characters, lone surrogates


class TextInputError(HallError):
    def __init__(self, field: str, problem: str) -> None:
        self.field, self.problem = field, problem
        super().__init__(f"{field}: {problem}")


def _noncharacter(char: str) -> bool:
    point = ord(char)
    return 0xFDD0 <= point <= 0xFDEF or point & 0xFFFE == 0xFFFE


def _kept(char: str, multiline: bool) -> bool:
    if multiline and char == "\n":
        return True
    return unicodedata.category(char) not in _DROPPED and not _noncharacter(char)


def clean_text(value: str, field: str, max_length: int, *, multiline: bool = False) -> str:
    """``value`` as typed, without control and format characters (newlines kept if
    ``multiline``), trimmed; longer than ``max_length`` is refused (``TextInputError``)."""
    text = "".join(char for char in value if _kept(char, multiline)).strip()
    if len(text) > max_length:
        raise TextInputError(field, f"too_long:{max_length}")
    return text


def clean_code(value: str, field: str, max_length: int) -> str:
    """A number or code that is looked up (an account number, a purpose or department
    code, a payment reference): cleaned, then NFKC, so that full-width ０１２ is 012."""
    return clean_text(unicodedata.normalize("NFKC", value), field, max_length)


def clean_phone(value: str, field: str = "phone") -> str:
    """Digits only (full-width digits read as ASCII, spaces and dashes dropped); empty,
    or 5 to 20 digits."""
    text = clean_code(value, field, 40).replace(" ", "").replace("-", "")
    if text and not (text.isascii() and text.isdigit() and 5 <= len(text) <= 20):
        raise TextInputError(field, "not_a_phone")
    return text
