"""The script desk: the script panel, the phrase check, the editor and the quick reference.

A thin hand-over like :class:`~hallclient.shifts.desk.ShiftDesk`.  The shipped
script set, the forbidden-phrase list and the quick reference are read once from
``resources/scripts``; the scripts in force are read from the database each time,
so an admin's new version reaches every counter at its next stage change.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from db.domain import VisitStage
from db.engine import Database
from hallclient.context import Context, CurrentUser
from hallclient.scripts import service, visit_record
from hallclient.scripts.catalogue import ScriptId, load_default_set
from hallclient.scripts.conduct import ConductRule, load_conduct
from hallclient.scripts.emergency_words import EmergencyWords, emergency_only
from hallclient.scripts.moments import Title
from hallclient.scripts.panel import (
    Choices,
    Department,
    PanelScript,
    Speaker,
    VisitFacts,
    compose,
    values_for,
)
from hallclient.scripts.phrases import Finding, load_phrases
from hallclient.scripts.service import ImportSummary, InForce, VersionView
from hallclient.scripts.template import Rendered, render
from hallclient.scripts.visit_record import ShownScript
from hallclient.setup.workplace import Workplace

#: What the editor's preview fills in: a plausible visit with every value present.
SAMPLE_FACTS = VisitFacts(
    0,
    VisitStage.SERVING,
    "A012",
    dt.timedelta(minutes=4),
    "王建国",
    "pay_gas",
    "缴纳燃气费",
    "Pay for gas",
    Department(
        "抄表中心", "Meter Reading", "028-86000120", "8120", "营业厅二楼201室", "工作日 8:30-17:30"
    ),
    "028-86000119",
)
SAMPLE_CHOICES = Choices(title=Title.MR, amount=Decimal("256.80"))


class ScriptDesk:
    def __init__(
        self,
        database: Database,
        context_of: Callable[[CurrentUser], Context],
        workplace: Workplace,
        company: str,
        hotline: str,
        folder: Path,
    ) -> None:
        self.database, self._context_of = database, context_of
        self._workplace, self._company, self._hotline = workplace, company, hotline
        self.defaults = load_default_set(folder)
        self.phrases = load_phrases(folder)
        self.conduct: tuple[ConductRule, ...] = load_conduct(folder)

    def speaker(self, user: CurrentUser) -> Speaker:
        counter = self._workplace.counter_name
        digits = "".join(ch for ch in counter if ch.isdigit())
        return Speaker(
            self._company,
            self._workplace.hall_name,
            counter,
            f"counter {digits}" if digits else counter,
            user.display_name,
            user.employee_no,
            self._hotline,
        )

    def _in_force(self) -> dict[ScriptId, tuple[str, int]]:
        scripts = service.scripts_in_force(self.database, self.defaults)
        return {script: (entry.text, entry.version) for script, entry in scripts.items()}

    # -- the counter -------------------------------------------------------------------

    def facts(self, user: CurrentUser, visit_id: int, department: str | None = None) -> VisitFacts:
        return visit_record.visit_facts(self.database, self._context_of(user), visit_id, department)

    def panel(self, user: CurrentUser, facts: VisitFacts, choices: Choices) -> list[PanelScript]:
        return compose(self._in_force(), facts, self.speaker(user), choices)

    def record_shown(self, user: CurrentUser, visit_id: int, shown: list[PanelScript]) -> int:
        pairs = [(s.script, s.version) for s in shown]
        return visit_record.record_shown(self.database, self._context_of(user), visit_id, pairs)

    def shown_on_visit(self, user: CurrentUser, visit_id: int) -> list[ShownScript]:
        return visit_record.shown_on_visit(self.database, self._context_of(user), visit_id)

    def emergency_words(self, user: CurrentUser) -> EmergencyWords:
        """The emergency scripts in force and the directory's line, read ahead of any leak."""
        scripts = {script: entry[0] for script, entry in self._in_force().items()}
        hotline = visit_record.emergency_hotline(self.database) or self._hotline
        return EmergencyWords(emergency_only(scripts), hotline, self.speaker(user))

    def shipped_emergency_words(self, user: CurrentUser) -> EmergencyWords:
        """The shipped script and the company's hotline, from memory: the words until the
        database's have been read, or when it cannot be reached."""
        return EmergencyWords(emergency_only(self.defaults), self._hotline, self.speaker(user))

    def check_text(self, text: str) -> list[Finding]:
        return self.phrases.findings(text)

    # -- the editor --------------------------------------------------------------------

    def in_force(self) -> dict[ScriptId, InForce]:
        return service.scripts_in_force(self.database, self.defaults)

    def preview(self, user: CurrentUser, script: ScriptId, text: str) -> Rendered:
        facts = replace(SAMPLE_FACTS, purpose_code=script.purpose or SAMPLE_FACTS.purpose_code)
        choices = replace(SAMPLE_CHOICES, language=script.language)
        return render(text, values_for(facts, self.speaker(user), choices), script.language)

    def save(self, user: CurrentUser, script: ScriptId, text: str) -> VersionView:
        return service.save_version(
            self.database, self._context_of(user), self.defaults, script, text
        )

    def remove(self, user: CurrentUser, script: ScriptId) -> None:
        service.remove_special(self.database, self._context_of(user), self.defaults, script)

    def history(self, user: CurrentUser, script: ScriptId) -> list[VersionView]:
        return service.history(self.database, self._context_of(user), self.defaults, script)

    def purposes(self, user: CurrentUser) -> list[tuple[str, str, str]]:
        return service.purposes(self.database, self._context_of(user))

    def export(self, user: CurrentUser) -> bytes:
        return service.export_set(self.database, self._context_of(user), self.defaults)

    def import_file(self, user: CurrentUser, data: bytes) -> ImportSummary:
        return service.import_set(self.database, self._context_of(user), self.defaults, data)
