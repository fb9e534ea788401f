"""The emergency screen's words, held in memory so a smell of gas never waits on the database.

The intake page reads them ahead (when it is shown, and at each new visit); until that
answer comes, or if the database cannot give one, the shipped script and the company's
hotline stand in.  Filling them for a visit is pure and instant.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from db.domain import VisitStage
from hallclient.scripts.catalogue import ScriptId, ScriptKey, pick
from hallclient.scripts.panel import Choices, Speaker, VisitFacts, values_for
from hallclient.scripts.template import render


@dataclass(frozen=True)
class EmergencyWords:
    """The emergency scripts (every purpose and language) and the repair centre's line."""

    scripts: Mapping[ScriptId, str]
    hotline: str
    speaker: Speaker

    def say(self, purpose_code: str | None, customer_name: str, language: str) -> str:
        """The safety words for this visit, as the script panel would fill them."""
        facts = VisitFacts(
            visit_id=0,
            stage=VisitStage.SERVING,
            ticket_label=None,
            waited=None,
            customer_name=customer_name,
            purpose_code=purpose_code,
            purpose_zh=None,
            purpose_en=None,
            department=None,
            emergency_hotline=self.hotline,
        )
        script = pick(self.scripts, ScriptKey.EMERGENCY, purpose_code, language)
        values = values_for(facts, self.speaker, Choices(language=language))
        return render(self.scripts.get(script, ""), values, language).text


def emergency_only(scripts: Mapping[ScriptId, str]) -> dict[ScriptId, str]:
    return {script: text for script, text in scripts.items() if script.key is ScriptKey.EMERGENCY}
