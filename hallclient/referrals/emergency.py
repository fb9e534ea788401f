"""The emergency path: a smell of gas at the counter is never just a note.

When a clerk chooses the leak purpose or types leak words anywhere in the visit, the
screen is interrupted by the safety words and the repair centre's hotline, and an
emergency referral to repair is made before the screen can be left.  Detection uses
the same normalised form as the forbidden phrases (燃氣味 and 漏 气 count too).
"""

from __future__ import annotations

from db.domain import Urgency
from hallclient.referrals.service import NewReferral
from hallclient.scripts.phrases import PAUSE, normalised
from hallclient.text_input import TextInputError, clean_phone

LEAK_PURPOSE = "leak_report"
REPAIR = "emergency_repair"
LEAK_WORDS = ("燃气味", "煤气味", "天然气味", "闻到气味", "漏气", "泄漏", "气味很大", "跑气")
MATTER_PREFIX = "疑似燃气泄漏，已在柜台告知安全事项："


def _flat(text: str) -> str:
    return normalised(text)[0].replace(PAUSE, "")


_WORDS = tuple(_flat(word) for word in LEAK_WORDS)


def mentions_leak(text: str) -> bool:
    """Whether ``text`` speaks of gas leaking (a smell of gas, 漏气, 泄漏 …)."""
    flat = _flat(text)
    return any(word in flat for word in _WORDS)


def emergency_referral(
    said: str, visit_id: int | None, account_no: str | None, contact: tuple[str, str, str]
) -> NewReferral:
    """The referral to the repair centre, with what the customer said."""
    name, phone, address = contact
    matter = MATTER_PREFIX + (" ".join(said.split()) or "客户反映闻到燃气味")
    return NewReferral(
        REPAIR,
        Urgency.EMERGENCY,
        matter[:2000],
        visit_id=visit_id,
        account_no=account_no,
        contact_name=name[:50],
        contact_phone=_phone_or_nothing(phone),
        address=address[:200],
    )


def _phone_or_nothing(phone: str) -> str:
    """An account's phone as stored may not pass the phone rule (+86 …): the emergency must
    never be refused for that; the repair team then calls the account's number from its file."""
    try:
        return clean_phone(phone)
    except TextInputError:
        return ""
