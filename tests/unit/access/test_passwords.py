import pytest

from hallclient.access.passwords import (
    PasswordPolicyError,
    PolicyRule,
    check_policy,
    common_passwords,
    hash_password,
    needs_rehash,
    verify_password,
)


@pytest.mark.parametrize(
    ("password", "old", "rule"),
    [
        ("short1", None, PolicyRule.TOO_SHORT),
        ("aaaaaaaaaa", None, PolicyRule.ONE_CHARACTER),
        ("x1001-secret", None, PolicyRule.CONTAINS_EMPLOYEE_NO),
        ("same-password", "same-password", PolicyRule.SAME_AS_OLD),
    ],
)
def test_policy_refuses(password, old, rule):
    with pytest.raises(PasswordPolicyError) as caught:
        check_policy(password, "1001", old)
    assert caught.value.rule is rule
    assert password not in str(caught.value)


def test_policy_accepts_a_good_password():
    check_policy("Lantern-River-7", "1001", "old-password")


def test_hash_is_argon2id_and_verifies():
    stored = hash_password("Lantern-River-7")
    assert stored.startswith("$argon2id$") and "Lantern" not in stored
    assert verify_password(stored, "Lantern-River-7")
    assert not verify_password(stored, "lantern-river-7")
    assert not verify_password(None, "anything")
    assert not verify_password("not a hash", "anything")


def test_hash_with_other_parameters_needs_rehash():
    from argon2 import PasswordHasher

    old = PasswordHasher(time_cost=1, memory_cost=8 * 1024, parallelism=1).hash("x")
    assert needs_rehash(old)
    assert not needs_rehash(hash_password("Lantern-River-7"))


@pytest.mark.parametrize(
    "password", ["12345678", "Password1", "woaini1314", "QWERTY123", "1qaz2wsx"]
)
def test_the_most_used_passwords_are_refused_whatever_their_case(password):
    with pytest.raises(PasswordPolicyError) as refused:
        check_policy(password, "1001")
    assert refused.value.rule is PolicyRule.COMMON


def test_the_shipped_list_is_read_and_a_rare_password_passes():
    assert len(common_passwords()) >= 90 and "password" in common_passwords()
    check_policy("Gas-Hall-Counter-7", "1001")
