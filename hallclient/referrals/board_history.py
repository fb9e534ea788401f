"""The department's history: the referrals it closed or returned lately, newest first.

What the board shows after F6: the department looks up what it answered (a customer
calls about a closed repair, the hall asks why one came back).  A returned referral the
counter has taken up since is listed too, in its state now.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from db.domain import ReferralStatus
from db.engine import Database
from db.models import Referral, ReferralEvent
from hallclient.access.permissions import Action
from hallclient.context import Context
from hallclient.referrals.service import ReferralView, view_of
from hallclient.uow import UnitOfWork

HISTORY_DAYS = 30
HISTORY_LIMIT = 500  # a busy month of one department; older ones are in the day reports
_ENDS = (ReferralStatus.CLOSED, ReferralStatus.RETURNED)
_FINISHED = (*_ENDS, ReferralStatus.TAKEN_UP)


@dataclass(frozen=True)
class Finished:
    """A referral the department closed or returned, and when it did."""

    referral: ReferralView
    at: dt.datetime


def finished(database: Database, context: Context, days: int = HISTORY_DAYS) -> list[Finished]:
    """The user's department's referrals closed or returned in the last ``days`` days."""
    context.require(Action.HANDLE_REFERRALS)
    now = context.clock.now()
    query = (
        select(Referral, ReferralEvent.at)
        .join(ReferralEvent, ReferralEvent.referral_id == Referral.id)
        .where(
            Referral.department_code == context.user.department_code,
            Referral.status.in_(_FINISHED),
            ReferralEvent.status.in_(_ENDS),  # each referral ends once: one row each
            ReferralEvent.at >= now - dt.timedelta(days=days),
        )
        .order_by(ReferralEvent.at.desc(), Referral.id.desc())
        .limit(HISTORY_LIMIT)
    )
    with UnitOfWork(database) as uow:
        return [Finished(view_of(row, now), at) for row, at in uow.session.execute(query)]
