"""The referral slips of the visit at the counter, and Ctrl+F5 to print them again.

A printer fault never undoes a referral (ordinary or emergency), so the customer may be
left without the slip.  Ctrl+F5 prints the slips of the visit that did not print, oldest
first (an emergency slip is not lost behind a later referral); when all printed, the
latest once more (the customer lost it), marked 【重打】 with the time.  After F9 the
visit just ended still counts, until the next one starts.  A theft report's slip is
named 举报 ZB… on screen and never in the log.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from hallclient.errors import HallError
from hallclient.referrals.informants import redacted_reference
from hallclient.referrals.service import ReferralView
from ui.words.referrals import slip_fault_text

if TYPE_CHECKING:
    from hallclient.access.auth import CurrentUser
    from hallclient.core import Core
    from ui.intake.host import IntakeHost

log = logging.getLogger(__name__)
Delivered = tuple[list[tuple[ReferralView, Path | None]], tuple[ReferralView, HallError] | None]


def shown_reference(referral: ReferralView) -> str:
    """How the screen names a referral: a theft report as 举报 ZB…, as the board does."""
    return redacted_reference(referral.reference) if referral.confidential else (referral.reference)


class SlipKeeper(QObject):
    def __init__(self, page: IntakeHost, core: Core, user_of: Callable[[], CurrentUser]) -> None:
        super().__init__(page.host_widget())
        self._page, self._core, self._user_of = page, core, user_of
        self.referrals: dict[int, list[ReferralView]] = {}  # visit id → its referrals, in order
        self.unprinted: set[int] = set()  # referral ids whose slip did not print
        self._last_visit: int | None = None

    def remember(self, visit_id: int, referral: ReferralView, *, printed: bool) -> None:
        """A referral made for the visit (also one whose visit could not be moved on)."""
        made = self.referrals.setdefault(visit_id, [])
        if referral.id not in {r.id for r in made}:
            made.append(referral)
        if printed:  # e.g. a retry in the form that went through this time
            self.unprinted.discard(referral.id)
        else:
            self.unprinted.add(referral.id)
        self._last_visit = visit_id

    def print_again(self) -> None:
        """Ctrl+F5: the slips that did not print, else the latest one once more."""
        visit = self._page.visit
        made = self.referrals.get(visit.id if visit is not None else self._last_visit or -1, [])
        if not made:
            self._page.say(self.tr("This visit has no referral whose slip could be printed."))
            return
        if self._page.attempt.running:
            self._page.say(self.tr("Still busy with the last step; press Ctrl+F5 once more."))
            return
        slips = [r for r in made if r.id in self.unprinted] or made[-1:]
        first_prints = {r.id for r in slips} & self.unprinted
        desk, user = self._core.referrals, self._user_of()

        def deliver(referral: ReferralView) -> Path | None:
            if referral.id in first_prints:
                return desk.deliver_slip(referral)
            return desk.reprint_slip(user, referral)  # printed before: a copy, marked so

        def work() -> Delivered:
            delivered: list[tuple[ReferralView, Path | None]] = []
            for referral in slips:
                try:
                    delivered.append((referral, deliver(referral)))
                except HallError as error:
                    return delivered, (referral, error)
            return delivered, None

        self._page.attempt.run(work, self._delivered, self._page.show_problem)

    def _delivered(self, result: Delivered) -> None:
        delivered, fault = result
        texts = []
        for referral, saved in delivered:
            self.unprinted.discard(referral.id)
            if not referral.confidential:  # a theft report is not named in the log
                log.info("referral slip %s delivered again", referral.reference)
            text = (
                self.tr("The slip of {reference} is saved as {path}.")
                if saved is not None
                else self.tr("The slip of {reference} is printed.")
            )
            texts.append(text.format(reference=shown_reference(referral), path=saved))
        if fault is not None:
            referral, error = fault
            texts.append(
                self.tr(
                    "Printing the slip of {reference} failed: {problem} Ctrl+F5 prints it again."
                ).format(reference=shown_reference(referral), problem=slip_fault_text(error))
            )
        self._page.say(" ".join(texts))
