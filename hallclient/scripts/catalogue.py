"""The script set: which words exist for which moment, purpose and language.

A script is identified by its key (the moment it is for), the visit purpose it is
specialised for (``""`` for every purpose) and its language.  The company's
default set ships in ``resources/scripts/scripts.json``; the database stores only
what an admin has changed since, as versions.  The same JSON shape is the export
and import format, written deterministically so two identical sets give identical
files.
"""

from __future__ import annotations

import enum
import json
import unicodedata
from collections.abc import Container, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from hallclient.errors import HallError
from hallclient.scripts.template import problems_of

FORMAT = "hallclient-scripts/1"
LANGUAGES = ("zh", "en")
TEXT_MAX = 1000
PURPOSE_MAX = 32


class ScriptKey(enum.StrEnum):
    TICKET_CALLED = "ticket_called"
    GREETING = "greeting"
    IDENTITY_CHECK = "identity_check"
    PLEASE_WAIT = "please_wait"
    WAITING_APOLOGY = "waiting_apology"
    CHARGE = "charge"
    REFERRAL = "referral"
    EMERGENCY = "emergency"
    COMPLAINT = "complaint"
    FAREWELL = "farewell"  # nothing issued, nothing referred
    FAREWELL_RECEIPT = "farewell_receipt"  # a receipt was issued for the visit
    FAREWELL_REFERRAL = "farewell_referral"  # the matter went to a department
    SATISFACTION = "satisfaction"


class ScriptSetError(HallError):
    """A script file or entry that cannot be used; ``problems`` lists every one found."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("; ".join(problems[:5]) + (" …" if len(problems) > 5 else ""))


@dataclass(frozen=True, order=True)
class ScriptId:
    key: ScriptKey
    purpose: str  # "" for the general text
    language: str

    def label(self) -> str:
        return "/".join((self.key.value, self.purpose or "*", self.language))


ScriptSet = Mapping[ScriptId, str]


def pick(
    scripts: Container[ScriptId], key: ScriptKey, purpose: str | None, language: str
) -> ScriptId:
    """The script for ``purpose`` if the set specialises one, else the general one."""
    special = ScriptId(key, purpose or "", language)
    return special if special in scripts else ScriptId(key, "", language)


def check_entry(script: ScriptId, text: str) -> list[str]:
    """What is wrong with one entry, in words an admin can act on."""
    problems = [f"{script.label()}: {p}" for p in problems_of(text)]
    if any(_is_control(char) for char in script.purpose + text):
        problems.append(f"{script.label()}: control characters (only line breaks are kept)")
    if script.language not in LANGUAGES:
        problems.append(f"{script.label()}: unknown language")
    if len(text) > TEXT_MAX:
        problems.append(f"{script.label()}: longer than {TEXT_MAX} characters")
    if len(script.purpose) > PURPOSE_MAX:
        problems.append(f"{script.label()}: purpose code too long")
    return problems


def _is_control(char: str) -> bool:
    """NUL and the like: PostgreSQL refuses NUL, and none belongs in words read aloud."""
    return unicodedata.category(char) in ("Cc", "Cs") and char not in "\n\t"


def check_complete(scripts: ScriptSet) -> list[str]:
    """Every key needs its general text in every language: the fallback must exist."""
    return [
        f"{key.value}/*/{language}: missing"
        for key in ScriptKey
        for language in LANGUAGES
        if ScriptId(key, "", language) not in scripts
    ]


def _entry(raw: object, index: int, problems: list[str]) -> tuple[ScriptId, str] | None:
    if not isinstance(raw, dict):
        problems.append(f"entry {index}: not an object")
        return None
    key, purpose, language, text = (raw.get(f) for f in ("key", "purpose", "language", "text"))
    if not isinstance(key, str) or key not in {k.value for k in ScriptKey}:
        problems.append(f"entry {index}: unknown key {key!r:.40}")
        return None
    if not all(isinstance(v, str) for v in (purpose, language, text)):
        problems.append(f"entry {index}: purpose, language and text must be text")
        return None
    assert isinstance(purpose, str) and isinstance(language, str) and isinstance(text, str)
    script = ScriptId(ScriptKey(key), purpose, language)
    found = check_entry(script, text)
    problems.extend(found)
    return None if found else (script, text)


def parse_set(data: bytes, *, complete: bool = True) -> dict[ScriptId, str]:
    """A script set from its JSON bytes; every problem is collected before refusing."""
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:
        raise ScriptSetError([f"not a script file: {error}"]) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ScriptSetError([f"not a script file: the format must be {FORMAT}"])
    entries = document.get("scripts")
    if not isinstance(entries, list):
        raise ScriptSetError(["not a script file: no list of scripts"])
    problems: list[str] = []
    scripts: dict[ScriptId, str] = {}
    for index, raw in enumerate(entries):
        entry = _entry(raw, index, problems)
        if entry is not None and entry[0] in scripts:
            problems.append(f"{entry[0].label()}: given twice")
        elif entry is not None:
            scripts[entry[0]] = entry[1]
    if complete:
        problems.extend(check_complete(scripts))
    if problems:
        raise ScriptSetError(problems)
    return scripts


def dump_set(scripts: ScriptSet) -> bytes:
    """The JSON file of ``scripts``: sorted, indented, UTF-8, no time stamps."""
    entries = [
        {"key": s.key.value, "purpose": s.purpose, "language": s.language, "text": scripts[s]}
        for s in sorted(scripts)
    ]
    document = {"format": FORMAT, "scripts": entries}
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def load_default_set(folder: Path) -> dict[ScriptId, str]:
    return parse_set((folder / "scripts.json").read_bytes())


def merged(defaults: ScriptSet, changes: Iterable[tuple[ScriptId, str]]) -> dict[ScriptId, str]:
    """The defaults with the admin's latest texts laid over them."""
    result = dict(defaults)
    result.update(changes)
    return result
