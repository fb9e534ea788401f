"""Passwords: the policy every new password meets, and argon2id hashing.

Neither a password nor its hash is ever logged, journaled, exported or put in an
error message; the policy's messages say what is wrong, never the password.
"""

from __future__ import annotations

import enum
from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from hallclient.errors import HallError
from hallclient.paths import resources_dir

# argon2id at OWASP's recommended cost (19 MiB, 2 passes, 1 lane): ~0.1 s on a modest
# counter PC.  The library's default (64 MiB, 3 passes, 4 lanes) took 0.44 s per login on
# a 2-core machine, too slow at a counter where staff log in and unlock all day.
_HASHER = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)
MIN_LENGTH = 8


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    """A hash of a password nobody has, verified when the employee number is unknown
    so that a wrong number takes as long as a wrong password."""
    return _HASHER.hash("no such user")


class PolicyRule(enum.StrEnum):
    TOO_SHORT = f"a password needs at least {MIN_LENGTH} characters"
    ONE_CHARACTER = "a password cannot repeat a single character"
    CONTAINS_EMPLOYEE_NO = "a password cannot contain the employee number"
    SAME_AS_OLD = "the new password must differ from the old one"
    COMMON = "a password that many people use is guessed first"


class PasswordPolicyError(HallError):
    """A new password that breaks ``rule`` (the UI words each rule in the clerk's language)."""

    def __init__(self, rule: PolicyRule) -> None:
        self.rule = rule
        super().__init__(rule.value)


def check_policy(password: str, employee_no: str, old_password: str | None = None) -> None:
    """Refuse a password that is short, all one character, contains the employee number, is
    the old one, or one of the most used passwords."""
    if len(password) < MIN_LENGTH:
        raise PasswordPolicyError(PolicyRule.TOO_SHORT)
    if len(set(password)) == 1:
        raise PasswordPolicyError(PolicyRule.ONE_CHARACTER)
    if employee_no and employee_no in password:
        raise PasswordPolicyError(PolicyRule.CONTAINS_EMPLOYEE_NO)
    if old_password is not None and password == old_password:
        raise PasswordPolicyError(PolicyRule.SAME_AS_OLD)
    if password.casefold() in common_passwords():
        raise PasswordPolicyError(PolicyRule.COMMON)


@lru_cache(maxsize=1)
def common_passwords() -> frozenset[str]:
    """The shipped list of the most used passwords (resources/reference), case-folded."""
    path = resources_dir() / "reference" / "common_passwords.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().casefold() for line in lines if line and line[0] != "#")


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


def verify_password(stored_hash: str | None, password: str) -> bool:
    try:
        return _HASHER.verify(stored_hash or _dummy_hash(), password) and stored_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    return _HASHER.check_needs_rehash(stored_hash)
