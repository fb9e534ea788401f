"""Script templates: ``{name}`` placeholders filled from the visit, and nothing else.

The grammar is deliberately tiny: ``{`` + a known lower-case name + ``}`` is a
placeholder, ``{{`` and ``}}`` are literal braces.  There are no format
specifiers, no attribute or index access and no evaluation of any kind, so a
template an admin typed (or imported) can never reach an object, and a value is
inserted as the text it is.  A placeholder whose value is missing shows a visible
marker (``【待补：金额】``) instead of ``None`` or an empty gap, and the renderer says
which ones were missing so the caller can log them.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from dataclasses import dataclass


class Placeholder(enum.StrEnum):
    COMPANY = "company"
    HALL = "hall"
    CLERK_NAME = "clerk_name"
    EMPLOYEE_NO = "employee_no"
    COUNTER = "counter"
    CUSTOMER = "customer"  # surname with title, or the neutral form
    TICKET = "ticket"
    AMOUNT = "amount"
    PURPOSE = "purpose"
    DEPARTMENT = "department"
    DEPARTMENT_PHONE = "department_phone"
    DEPARTMENT_LOCATION = "department_location"
    DEPARTMENT_HOURS = "department_hours"
    HOTLINE = "hotline"  # the company's service hotline
    EMERGENCY_HOTLINE = "emergency_hotline"  # the repair centre's 24-hour line


KNOWN = frozenset(p.value for p in Placeholder)
VALUE_MAX = 200  # a value longer than this is cut with an ellipsis: a script is read aloud
_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")

#: What a missing value looks like, per language: visible, never "None".
MISSING_MARKERS = {"zh": "【待补：{name}】", "en": "[{name}?]"}
#: The placeholders' names as a Chinese-speaking clerk reads them in a marker.
NAMES_ZH = {
    Placeholder.COMPANY: "公司",
    Placeholder.HALL: "营业厅",
    Placeholder.CLERK_NAME: "姓名",
    Placeholder.EMPLOYEE_NO: "工号",
    Placeholder.COUNTER: "窗口",
    Placeholder.CUSTOMER: "称呼",
    Placeholder.TICKET: "号码",
    Placeholder.AMOUNT: "金额",
    Placeholder.PURPOSE: "事由",
    Placeholder.DEPARTMENT: "部门",
    Placeholder.DEPARTMENT_PHONE: "部门电话",
    Placeholder.DEPARTMENT_LOCATION: "部门地点",
    Placeholder.DEPARTMENT_HOURS: "办公时间",
    Placeholder.HOTLINE: "服务热线",
    Placeholder.EMERGENCY_HOTLINE: "抢修电话",
}


class TemplateProblemKind(enum.StrEnum):
    UNKNOWN_PLACEHOLDER = "unknown_placeholder"
    MALFORMED = "malformed"  # a lone brace, or something other than a name inside braces
    EMPTY = "empty"


@dataclass(frozen=True)
class TemplateProblem:
    kind: TemplateProblemKind
    position: int  # character offset in the template
    text: str  # the offending piece

    def __str__(self) -> str:
        return f"{self.kind.value} at {self.position}: {self.text}"


@dataclass(frozen=True)
class Rendered:
    text: str
    missing: tuple[str, ...]  # placeholders without a value, in order of appearance
    problems: tuple[TemplateProblem, ...]  # shown literally; an editor refuses to save these


def problems_of(template: str) -> list[TemplateProblem]:
    """Every problem of ``template``; an empty list means it may be saved."""
    found: list[TemplateProblem] = []
    if not template.strip():
        found.append(TemplateProblem(TemplateProblemKind.EMPTY, 0, ""))
    for match in _TOKEN.finditer(template):
        piece = match.group(0)
        if piece in ("{{", "}}"):
            continue
        name = match.group(1)
        if name is None or not re.fullmatch(r"[a-z_]+", name):
            found.append(TemplateProblem(TemplateProblemKind.MALFORMED, match.start(), piece))
        elif name not in KNOWN:
            found.append(
                TemplateProblem(TemplateProblemKind.UNKNOWN_PLACEHOLDER, match.start(), piece)
            )
    return found


def placeholders_in(template: str) -> list[str]:
    """The known placeholders ``template`` uses, in order, each once."""
    names: list[str] = []
    for match in _TOKEN.finditer(template):
        name = match.group(1)
        if name in KNOWN and name not in names:
            names.append(name)
    return names


def _shown_value(value: str) -> str:
    flat = " ".join(value.split())  # a value never breaks the script's lines
    return flat if len(flat) <= VALUE_MAX else flat[: VALUE_MAX - 1] + "…"


def render(template: str, values: Mapping[str, str | None], language: str = "zh") -> Rendered:
    """``template`` with its placeholders filled; never raises on any input."""
    marker = MISSING_MARKERS.get(language, MISSING_MARKERS["en"])
    missing: list[str] = []
    problems: list[TemplateProblem] = []
    parts: list[str] = []
    position = 0
    for match in _TOKEN.finditer(template):
        parts.append(template[position : match.start()])
        position = match.end()
        piece, name = match.group(0), match.group(1)
        if piece in ("{{", "}}"):
            parts.append(piece[0])
        elif name is not None and name in KNOWN:
            value = values.get(name)
            if not isinstance(value, str) or not value.strip():  # an object is never shown
                missing.append(name)
                shown = NAMES_ZH[Placeholder(name)] if language == "zh" else name
                parts.append(marker.format(name=shown))
            else:
                parts.append(_shown_value(value))
        else:
            kind = TemplateProblemKind.MALFORMED
            if name is not None and re.fullmatch(r"[a-z_]+", name):
                kind = TemplateProblemKind.UNKNOWN_PLACEHOLDER
            problems.append(TemplateProblem(kind, match.start(), piece))
            parts.append(piece)  # shown as typed, so the admin sees it in the preview
    parts.append(template[position:])
    return Rendered("".join(parts), tuple(missing), tuple(problems))
