"""Finding tariff items as the clerk types: by code, name or pinyin initials (GHF → 过户费).

Ranking: the exact code, then code prefixes, initials prefixes, name prefixes, then
names containing the text, then anything else containing it; items of one rank by
code.  Prefix ranks come from sorted keys by binary search, so a short query that
matches thousands of items costs no more than a long one; the substring scan runs
only when the prefixes leave the list short.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left
from collections.abc import Iterator, Sequence

from hallclient.tariff.rules import PricedItem

_AFTER = "\U0010ffff"  # sorts after every character a key can hold


def normalise_query(text: str) -> str:
    """Full-width letters and digits to ASCII, lower case, no spaces."""
    return "".join(unicodedata.normalize("NFKC", text).lower().split())


class _PrefixIndex:
    """Positions (in code order) of the items whose key starts with a text."""

    def __init__(self, keys: Sequence[str]) -> None:
        pairs = sorted((key, position) for position, key in enumerate(keys))
        self._keys = [key for key, _ in pairs]
        self._positions = [position for _, position in pairs]

    def starting_with(self, text: str) -> list[int]:
        low = bisect_left(self._keys, text)
        high = bisect_left(self._keys, text + _AFTER, low)
        return sorted(self._positions[low:high])


class Catalog:
    """The items a :class:`~hallclient.tariff.pricing.Pricer` prices from, searchable."""

    def __init__(self, items: Sequence[PricedItem]) -> None:
        self._items = sorted(items, key=lambda item: item.code)
        self._codes = [item.code.lower() for item in self._items]
        self._names = [normalise_query(item.name) for item in self._items]
        initials = [item.pinyin_initials.lower() for item in self._items]
        self._haystacks = [
            f"{code}\t{name}\t{letters}"
            for code, name, letters in zip(self._codes, self._names, initials, strict=True)
        ]
        self._prefixes = [_PrefixIndex(keys) for keys in (self._codes, initials, self._names)]

    def __len__(self) -> int:
        return len(self._items)

    def search(self, text: str, limit: int = 200) -> list[PricedItem]:
        """Best matches first; every item, by code, for an empty query."""
        query = normalise_query(text)
        if not query:
            return self._items[:limit]
        found: dict[int, None] = {}  # insertion-ordered set of positions
        for positions in self._ranked(query, limit, found):
            for position in positions:
                found.setdefault(position)
            if len(found) >= limit:
                break
        return [self._items[position] for position in list(found)[:limit]]

    def _ranked(self, query: str, limit: int, found: dict[int, None]) -> Iterator[list[int]]:
        yield [p for p in self._prefixes[0].starting_with(query) if self._codes[p] == query]
        for index in self._prefixes:
            yield index.starting_with(query)
        if len(found) < limit:
            anywhere = [p for p, hay in enumerate(self._haystacks) if query in hay]
            yield [p for p in anywhere if query in self._names[p]]
            yield anywhere
