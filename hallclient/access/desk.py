"""The access desk: logging in and out, the lock, passwords, approvals, users and the journal.

The hand-over of ``hallclient.access`` to the login, lock, password and approval
screens and to the admin page; like every desk, each method is one use case with the
counter filled in.
"""

from __future__ import annotations

from db.engine import Database
from hallclient.access import approvals, auth, journal, users
from hallclient.access.approvals import ApprovalGrant, ApprovalRequest
from hallclient.access.audit import Where
from hallclient.access.journal import JournalPage, JournalSearch
from hallclient.access.users import NewUser, UserView
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

    def lock_session(self, user: CurrentUser, idle_minutes: int | None = None) -> None:
        auth.lock_session(self.database, self._context_of(user), idle_minutes)

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

    # -- the admin page ------------------------------------------------------------------

    def users(self, user: CurrentUser) -> list[UserView]:
        return users.list_users(self.database, self._context_of(user))

    def add_user(self, user: CurrentUser, new: NewUser) -> int:
        return users.add_user(
            self.database,
            self._context_of(user),
            new.employee_no,
            new.display_name,
            new.role,
            new.password,
            new.department_code,
        )

    def change_role(
        self, user: CurrentUser, employee_no: str, role: str, department_code: str | None
    ) -> None:
        users.change_role(self.database, self._context_of(user), employee_no, role, department_code)

    def reset_password(self, user: CurrentUser, employee_no: str, first_password: str) -> None:
        users.reset_password(self.database, self._context_of(user), employee_no, first_password)

    def unlock_user(self, user: CurrentUser, employee_no: str) -> None:
        users.unlock_user(self.database, self._context_of(user), employee_no)

    def set_active(self, user: CurrentUser, employee_no: str, active: bool) -> None:
        users.set_active(self.database, self._context_of(user), employee_no, active)

    def journal(self, user: CurrentUser, search: JournalSearch) -> JournalPage:
        return journal.search_journal(self.database, self._context_of(user), search)
