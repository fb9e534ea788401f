import pytest

from db.domain import Role
from hallclient.access.permissions import (
    PERMISSIONS,
    Action,
    PermissionDeniedError,
    allowed,
    require,
)


def test_every_role_has_a_row_and_everyone_may_change_their_password():
    assert set(PERMISSIONS) == set(Role)
    assert all(allowed(role, Action.CHANGE_OWN_PASSWORD) for role in Role)


def test_deny_by_default_for_an_unknown_role():
    assert not allowed("intruder", Action.CHANGE_OWN_PASSWORD)  # type: ignore[arg-type]


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("action", list(Action))
def test_require_matches_the_table(role, action):
    if action in PERMISSIONS[role]:
        require(role, action)
    else:
        with pytest.raises(PermissionDeniedError):
            require(role, action)


def test_only_admins_manage_users_and_clerks_approve_nothing():
    assert [r for r in Role if allowed(r, Action.MANAGE_USERS)] == [Role.ADMIN]
    assert not allowed(Role.CLERK, Action.GRANT_APPROVAL)
