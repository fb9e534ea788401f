"""The script panel's content: the scripts in force, filled from one visit (pure).

:func:`compose` takes what is known about the visit and the counter and returns
the scripts to show, the stage's own first.  A placeholder without a value shows
its marker and is logged with the script it was in, so an admin can see which
facts a script asked for and did not get.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from db.domain import VisitStage
from hallclient.money import format_yuan
from hallclient.scripts.catalogue import ScriptId, ScriptKey, pick
from hallclient.scripts.moments import Title, address_form, other_keys, stage_keys
from hallclient.scripts.template import Placeholder as P  # noqa: N817 (a table of P.NAME: value)
from hallclient.scripts.template import render

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Department:
    name_zh: str
    name_en: str
    phone: str
    extension: str
    location: str
    hours: str


@dataclass(frozen=True)
class VisitFacts:
    """What the database knows about the visit that a script may mention."""

    visit_id: int
    stage: VisitStage
    ticket_label: str | None
    waited: dt.timedelta | None  # from the ticket's arrival to its call
    customer_name: str
    purpose_code: str | None
    purpose_zh: str | None
    purpose_en: str | None
    department: Department | None  # the purpose's department, or the one referred to
    emergency_hotline: str | None
    charged: bool = False  # a receipt was issued for the visit (and not voided)
    referred: bool = False  # a referral was made from it


@dataclass(frozen=True)
class Speaker:
    """Who speaks, and for whom: the same for every visit at this counter."""

    company: str
    hall: str
    counter_zh: str
    counter_en: str
    clerk_name: str
    employee_no: str
    hotline: str


@dataclass(frozen=True)
class Choices:
    """What the clerk decides on the panel, and the cart's amount when there is one."""

    language: str = "zh"
    title: Title = Title.UNKNOWN
    amount: Decimal | None = None
    stage: VisitStage | None = None  # shown instead of the visit's (the close dialog is open)


@dataclass(frozen=True)
class PanelScript:
    script: ScriptId
    version: int
    text: str
    for_stage: bool  # one of the stage's own scripts (the rest are to pick from)
    missing: tuple[str, ...]


def _department_values(department: Department | None, language: str) -> dict[str, str | None]:
    if department is None:
        return {}
    phone = department.phone + (f" ({department.extension})" if department.extension else "")
    return {
        P.DEPARTMENT: department.name_zh if language == "zh" else department.name_en,
        P.DEPARTMENT_PHONE: phone,
        P.DEPARTMENT_LOCATION: department.location,
        P.DEPARTMENT_HOURS: department.hours,
    }


def values_for(facts: VisitFacts, speaker: Speaker, choices: Choices) -> dict[str, str | None]:
    """Every placeholder's value; None where this visit does not know it."""
    zh = choices.language == "zh"
    amount = choices.amount
    return {
        P.COMPANY: speaker.company,
        P.HALL: speaker.hall,
        P.COUNTER: speaker.counter_zh if zh else speaker.counter_en,
        P.CLERK_NAME: speaker.clerk_name,
        P.EMPLOYEE_NO: speaker.employee_no,
        P.HOTLINE: speaker.hotline,
        P.EMERGENCY_HOTLINE: facts.emergency_hotline,
        P.CUSTOMER: address_form(facts.customer_name, choices.title, choices.language),
        P.TICKET: facts.ticket_label,
        P.AMOUNT: format_yuan(amount) if amount is not None else None,
        P.PURPOSE: facts.purpose_zh if zh else facts.purpose_en,
    } | _department_values(facts.department, choices.language)


def compose(
    scripts: Mapping[ScriptId, tuple[str, int]],
    facts: VisitFacts,
    speaker: Speaker,
    choices: Choices,
) -> list[PanelScript]:
    """The stage's scripts, then every other one, each filled in for this visit."""
    stage = choices.stage or facts.stage
    own = stage_keys(
        stage,
        facts.purpose_code,
        has_ticket=facts.ticket_label is not None,
        waited=facts.waited,
        charged=facts.charged,
        referred=facts.referred,
    )
    values = values_for(facts, speaker, choices)
    shown: list[PanelScript] = []
    for key in (*own, *other_keys(own)):
        shown.append(_filled(scripts, key, facts, choices, values, for_stage=key in own))
    return shown


def _filled(
    scripts: Mapping[ScriptId, tuple[str, int]],
    key: ScriptKey,
    facts: VisitFacts,
    choices: Choices,
    values: Mapping[str, str | None],
    *,
    for_stage: bool,
) -> PanelScript:
    script = pick(scripts, key, facts.purpose_code, choices.language)
    template, version = scripts.get(script, ("", 0))
    rendered = render(template, values, choices.language)
    if rendered.missing and for_stage:
        log.warning(
            "visit %s: script %s has no value for %s",
            facts.visit_id,
            script.label(),
            ", ".join(rendered.missing),
        )
    return PanelScript(script, version, rendered.text, for_stage, rendered.missing)
