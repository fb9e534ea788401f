"""Password and PIN hashing with argon2id."""

from __future__ import annotations

from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

# argon2id at OWASP's recommended cost (19 MiB, 2 passes, 1 lane): ~0.1 s on a modest
# counter PC.  The library's default (64 MiB, 3 passes, 4 lanes) took 0.44 s per login on
# a 2-core machine, too slow at a counter where staff log in and unlock all day.
_HASHER = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)
MIN_LENGTH = 6


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    """A hash of a password nobody has, verified when the employee number is unknown
    so that a wrong number takes as long as a wrong password."""
    return _HASHER.hash("no such user")


def hash_password(password: str) -> str:
    if len(password) < MIN_LENGTH:
        raise ValueError(f"a password needs at least {MIN_LENGTH} characters")
    return _HASHER.hash(password)


def verify_password(stored_hash: str | None, password: str) -> bool:
    try:
        return _HASHER.verify(stored_hash or _dummy_hash(), password) and stored_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    return _HASHER.check_needs_rehash(stored_hash)
