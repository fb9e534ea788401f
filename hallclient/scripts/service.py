"""Script use cases: the set in force, an admin's new version, import, export, history.

The set in force is the shipped default set with the newest saved version of each
script laid over it (version 0 is the shipped text).  Saving validates first: an
unknown placeholder or a stray brace changes nothing.  Every saved version and
every import is in the audit journal.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from db.engine import Database
from db.models import ScriptVersion, VisitPurpose
from hallclient.access import audit
from hallclient.access.permissions import Action
from hallclient.context import Context
from hallclient.scripts.catalogue import (
    ScriptId,
    ScriptKey,
    ScriptSet,
    ScriptSetError,
    check_entry,
    dump_set,
    parse_set,
)
from hallclient.uow import UnitOfWork, run_write

DEFAULT_VERSION = 0
VERSION_RACE_ATTEMPTS = 3
T = TypeVar("T")
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class InForce:
    text: str
    version: int


@dataclass(frozen=True)
class VersionView:
    script: ScriptId
    version: int
    text: str
    removed: bool
    author: str  # "" for the shipped text
    created_at: dt.datetime | None


@dataclass(frozen=True)
class ImportSummary:
    changed: int
    removed: int
    unchanged: int


def _script_of(row: ScriptVersion) -> ScriptId:
    return ScriptId(ScriptKey(row.script_key), row.purpose, row.language)


def _latest_rows(uow: UnitOfWork) -> dict[ScriptId, ScriptVersion]:
    rows = uow.session.scalars(select(ScriptVersion).order_by(ScriptVersion.version))
    return {_script_of(row): row for row in rows}  # the newest version of each wins


def in_force(uow: UnitOfWork, defaults: ScriptSet) -> dict[ScriptId, InForce]:
    scripts = {script: InForce(text, DEFAULT_VERSION) for script, text in defaults.items()}
    for script, row in _latest_rows(uow).items():
        if row.removed:
            scripts.pop(script, None)
        else:
            scripts[script] = InForce(row.text, row.version)
    return scripts


def scripts_in_force(database: Database, defaults: ScriptSet) -> dict[ScriptId, InForce]:
    """What every counter shows now (reading needs no permission: the words are public)."""
    with UnitOfWork(database) as uow:
        return in_force(uow, defaults)


def _next_version(uow: UnitOfWork, script: ScriptId) -> int:
    audit.lock_journal(uow)  # every version is journaled: saves queue on the journal's lock
    rows = _latest_rows(uow)
    return rows[script].version + 1 if script in rows else DEFAULT_VERSION + 1


def _add_version(
    uow: UnitOfWork, context: Context, script: ScriptId, text: str, *, removed: bool = False
) -> ScriptVersion:
    row = ScriptVersion(
        script_key=script.key.value,
        purpose=script.purpose,
        language=script.language,
        version=_next_version(uow, script),
        text=text,
        removed=removed,
        author_employee_no=context.user.employee_no,
        created_at=context.clock.now(),
    )
    uow.session.add(row)
    uow.session.flush()
    action = "script.removed" if removed else "script.saved"
    context.record(uow, action, "script", script.label(), {"version": row.version})
    return row


def _view(row: ScriptVersion) -> VersionView:
    return VersionView(
        _script_of(row), row.version, row.text, row.removed, row.author_employee_no, row.created_at
    )


def _write(database: Database, use_case: Callable[[UnitOfWork], T]) -> T:
    """``run_write``, again when another admin numbered the same version at the same moment
    (the unique version refuses the second; the next attempt numbers after it)."""
    for _attempt in range(VERSION_RACE_ATTEMPTS):
        try:
            return run_write(database, use_case)
        except IntegrityError:
            log.info("script version numbered twice at once; numbering again")
    raise ScriptSetError(["another admin is saving scripts at this moment; please try again"])


def save_version(
    database: Database, context: Context, defaults: ScriptSet, script: ScriptId, text: str
) -> VersionView:
    """A new version of ``script`` (a purpose's own script may be new); the same text is no
    change and returns the version in force."""
    context.require(Action.EDIT_SCRIPTS)
    problems = check_entry(script, text)
    if problems:
        raise ScriptSetError(problems)

    def use_case(uow: UnitOfWork) -> VersionView:
        current = in_force(uow, defaults).get(script)
        if current is not None and current.text == text:
            return VersionView(script, current.version, text, False, "", None)
        view = _view(_add_version(uow, context, script, text))
        uow.commit()
        return view

    return _write(database, use_case)


def remove_special(
    database: Database, context: Context, defaults: ScriptSet, script: ScriptId
) -> None:
    """Withdraw a purpose's own script; the general one is used again.  A general script
    cannot be removed: every moment needs words in every language."""
    context.require(Action.EDIT_SCRIPTS)
    if not script.purpose:
        raise ScriptSetError([f"{script.label()}: a general script cannot be removed"])

    def use_case(uow: UnitOfWork) -> None:
        if script not in in_force(uow, defaults):
            raise ScriptSetError([f"{script.label()}: no such script"])
        _add_version(uow, context, script, "", removed=True)
        uow.commit()

    _write(database, use_case)


def history(
    database: Database, context: Context, defaults: ScriptSet, script: ScriptId
) -> list[VersionView]:
    """Every wording of ``script``, newest first, down to the shipped one."""
    context.require(Action.EDIT_SCRIPTS)
    with UnitOfWork(database) as uow:
        rows = uow.session.scalars(
            select(ScriptVersion)
            .where(
                ScriptVersion.script_key == script.key.value,
                ScriptVersion.purpose == script.purpose,
                ScriptVersion.language == script.language,
            )
            .order_by(ScriptVersion.version.desc())
        )
        views = [_view(row) for row in rows]
    if script in defaults:
        views.append(VersionView(script, DEFAULT_VERSION, defaults[script], False, "", None))
    return views


def purposes(database: Database, context: Context) -> list[tuple[str, str, str]]:
    """(code, Chinese name, English name) of every visit purpose, for specialising a script."""
    context.require(Action.EDIT_SCRIPTS)
    with UnitOfWork(database) as uow:
        rows = uow.session.scalars(select(VisitPurpose).order_by(VisitPurpose.sort_order))
        return [(row.code, row.name_zh, row.name_en) for row in rows]


def export_set(database: Database, context: Context, defaults: ScriptSet) -> bytes:
    context.require(Action.EDIT_SCRIPTS)
    scripts = scripts_in_force(database, defaults)
    return dump_set({script: entry.text for script, entry in scripts.items()})


def import_set(
    database: Database, context: Context, defaults: ScriptSet, data: bytes
) -> ImportSummary:
    """Make the set in force equal the file: a new version for each changed script, a
    removal for each purpose's script the file lacks.  A bad file changes nothing."""
    context.require(Action.EDIT_SCRIPTS)
    wanted = parse_set(data)

    def use_case(uow: UnitOfWork) -> ImportSummary:
        current = in_force(uow, defaults)
        changed = [s for s, text in wanted.items() if s not in current or current[s].text != text]
        dropped = [s for s in current if s not in wanted]
        for script in sorted(changed):
            _add_version(uow, context, script, wanted[script])
        for script in sorted(dropped):
            _add_version(uow, context, script, "", removed=True)
        context.record(
            uow,
            "script.imported",
            "script_set",
            "",
            {"changed": len(changed), "removed": len(dropped)},
        )
        uow.commit()
        return ImportSummary(len(changed), len(dropped), len(wanted) - len(changed))

    return _write(database, use_case)
