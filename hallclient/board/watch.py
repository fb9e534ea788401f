"""Which calls are new to this board: each call and recall once, none from before it started.

A call is a change of a ticket's call count (``tickets.calls``: 1 at the first call, one
more at each recall or a call after a transfer).  The first look only learns the counts:
a board switched on at noon does not read out the morning.  A ticket of another day is a
new ticket, so a new day starts afresh by itself.
"""

from __future__ import annotations

from collections.abc import Iterable

from hallclient.board.announce import Announcement


class CallWatch:
    def __init__(self) -> None:
        self._seen: dict[int, int] | None = None  # ticket id → calls announced

    @property
    def started(self) -> bool:
        return self._seen is not None

    def news(self, calls: Iterable[Announcement]) -> list[Announcement]:
        """The calls not announced yet, in the order given (oldest first)."""
        current = list(calls)
        if self._seen is None:
            self._seen = {call.ticket_id: call.calls for call in current}
            return []
        new = [call for call in current if call.calls > self._seen.get(call.ticket_id, 0)]
        self._seen = {call.ticket_id: call.calls for call in current}
        return new
