"""The access desk: logging in and out, the lock, one's own password and a manager's approval.

The hand-over of ``hallclient.access`` to the login, lock, password and approval
screens; like every desk, each method is one use case with the counter filled in.
"""

from __future__ import annotations

from db.engine import Database
from hallclient.access import approvals, auth, users
from hallclient.access.approvals import ApprovalGrant, ApprovalRequest
from hallclient.access.audit import Where
from hallclient.clock import Clock
from hallclient.context import ContextOf, CurrentUser


class AccessDesk:
    def __init__(self, database: Database, context_of: ContextOf, where: Where, clock: Clock):
        self.database, self._context_of = database, context_of
        self._where, self._clock = where, clock

    def has_users(self) -> bool:
        return users.has_users(self.database)

    def login(self, employee_no: str, password: str) -> CurrentUser:
        return auth.login(self.database, self._where, employee_no, password, self._clock)

    def lock_session(self, user: CurrentUser) -> None:
        auth.lock_session(self.database, self._context_of(user))

    def unlock_session(self, user: CurrentUser, password: str) -> CurrentUser:
        return auth.unlock_session(self.database, self._context_of(user), password)

    def logout(self, user: CurrentUser, *, switching_user: bool = False) -> None:
        auth.logout(self.database, self._context_of(user), switching_user=switching_user)

    def change_own_password(self, user: CurrentUser, old: str, new: str) -> CurrentUser:
        return users.change_own_password(self.database, self._context_of(user), old, new)

    def grant_approval(
        self, user: CurrentUser, request: ApprovalRequest, approver_no: str, approver_password: str
    ) -> ApprovalGrant:
        return approvals.grant_approval(
            self.database, self._context_of(user), request, approver_no, approver_password
        )
