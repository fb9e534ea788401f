"""The tariff desk: the items in force today and an account's facts for tiered gas.

The hand-over of ``hallclient.tariff`` to the fee lookup and its calculator.
"""

from __future__ import annotations

from db.engine import Database
from hallclient.context import ContextOf, CurrentUser
from hallclient.tariff import pricing
from hallclient.tariff.pricing import AccountFacts, Pricer


class TariffDesk:
    def __init__(self, database: Database, context_of: ContextOf) -> None:
        self.database, self._context_of = database, context_of

    def fee_pricer(self, user: CurrentUser) -> Pricer:
        """The items in force today, for the fee lookup and its calculator."""
        return pricing.pricer(self.database, self._context_of(user))

    def account_facts(self, user: CurrentUser, account_no: str) -> AccountFacts:
        return pricing.account_facts(self.database, self._context_of(user), account_no)
