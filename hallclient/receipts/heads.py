"""A receipt series' head as written on paper: ``SERIES:NUMBER:HASH``.

The day close and the Z report print each series' last receipt number and its chain
hash, shortened to its first 16 hex digits (2^64 prefixes: no forged chain finds
one); ``hallclient receipts verify --expect-head`` takes the same text back, with
the full hash or any prefix of at least 16 digits.  The audit journal's head has the
same shape without the series (``SEQ:HASH``).
"""

from __future__ import annotations

from dataclasses import dataclass

SHORT = 16  # hex digits printed, and the fewest a typed head may have
_HEX = frozenset("0123456789abcdef")


@dataclass(frozen=True)
class ExpectedHead:
    series: str
    number: int
    hash: str  # the full hash or a prefix of at least SHORT hex digits
    source: str = "--expect-head"  # where it comes from, to name it in a fault

    @classmethod
    def parse(cls, text: str) -> ExpectedHead:
        """``SERIES:NUMBER:HASH``; ValueError in words when it is not that."""
        series, number, digest = [*text.strip().rsplit(":", 2), "", ""][:3]
        digest = digest.lower()
        hex_digits = SHORT <= len(digest) <= 64 and set(digest) <= _HEX
        if not series or not number.isdigit() or not hex_digits:
            raise ValueError(f"expected SERIES:NUMBER:HASH (at least {SHORT} hex digits)")
        return cls(series, int(number), digest)

    def matches(self, digest: str) -> bool:
        return digest.startswith(self.hash)

    def __str__(self) -> str:
        return head_text(self.series, self.number, self.hash)


def head_text(series: str, number: int, digest: str) -> str:
    """The head as printed and typed back: the hash shortened to ``SHORT`` digits."""
    return f"{series}:{number}:{digest[:SHORT]}"
