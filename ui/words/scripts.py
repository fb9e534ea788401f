"""The script screens' words: what each moment is called, titles, phrase warnings."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from hallclient.errors import HallError
from hallclient.scripts.catalogue import ScriptKey, ScriptSetError
from hallclient.scripts.moments import Title
from hallclient.scripts.phrases import Finding
from hallclient.scripts.template import TemplateProblem, TemplateProblemKind
from ui.kit.i18n import QT_TRANSLATE_NOOP
from ui.words.problems import problem_text

KEY_NAMES = {
    ScriptKey.TICKET_CALLED: QT_TRANSLATE_NOOP("Scripts", "Calling the ticket"),
    ScriptKey.GREETING: QT_TRANSLATE_NOOP("Scripts", "Greeting"),
    ScriptKey.IDENTITY_CHECK: QT_TRANSLATE_NOOP("Scripts", "Identity check"),
    ScriptKey.PLEASE_WAIT: QT_TRANSLATE_NOOP("Scripts", "Asking to wait"),
    ScriptKey.WAITING_APOLOGY: QT_TRANSLATE_NOOP("Scripts", "Apology for the wait"),
    ScriptKey.CHARGE: QT_TRANSLATE_NOOP("Scripts", "Explaining the charge"),
    ScriptKey.REFERRAL: QT_TRANSLATE_NOOP("Scripts", "Explaining the referral"),
    ScriptKey.EMERGENCY: QT_TRANSLATE_NOOP("Scripts", "Gas leak emergency"),
    ScriptKey.COMPLAINT: QT_TRANSLATE_NOOP("Scripts", "Complaint"),
    ScriptKey.FAREWELL: QT_TRANSLATE_NOOP("Scripts", "Farewell"),
    ScriptKey.FAREWELL_RECEIPT: QT_TRANSLATE_NOOP("Scripts", "Farewell with the receipt"),
    ScriptKey.FAREWELL_REFERRAL: QT_TRANSLATE_NOOP("Scripts", "Farewell after a referral"),
    ScriptKey.SATISFACTION: QT_TRANSLATE_NOOP("Scripts", "Satisfaction question"),
}
TITLES = {
    Title.UNKNOWN: QT_TRANSLATE_NOOP("Scripts", "Neutral (尊敬的客户)"),
    Title.MR: QT_TRANSLATE_NOOP("Scripts", "Mr (先生)"),
    Title.MS: QT_TRANSLATE_NOOP("Scripts", "Ms (女士)"),
}
LANGUAGE_NAMES = {"zh": "中文", "en": "English"}


def _tr(source: str) -> str:
    return QCoreApplication.translate("Scripts", source)


def key_name(key: ScriptKey) -> str:
    return _tr(KEY_NAMES[key])


def title_name(title: Title) -> str:
    return _tr(TITLES[title])


def findings_text(findings: list[Finding], chinese: bool) -> str:
    """One line per phrase found: the phrase and the polite words to use instead."""
    lines: list[str] = []
    seen: set[str] = set()
    for finding in findings:
        phrase = finding.phrase
        if phrase.phrase in seen:
            continue
        seen.add(phrase.phrase)
        instead = phrase.alternative_zh if chinese else phrase.alternative_en
        line = QCoreApplication.translate(
            "Scripts", "“{phrase}” is a phrase to avoid at the counter. Say instead: {instead}"
        )
        lines.append(line.format(phrase=phrase.phrase, instead=instead))
    return "\n".join(lines)


def script_problem_text(error: HallError) -> str:
    if isinstance(error, ScriptSetError):
        text = QCoreApplication.translate("Scripts", "Not saved: {problems}")
        return text.format(problems="; ".join(error.problems[:6]))
    return problem_text(error)


_TEMPLATE_PROBLEMS = {
    TemplateProblemKind.UNKNOWN_PLACEHOLDER: QT_TRANSLATE_NOOP(
        "Scripts", "at character {n}, {text} is not a placeholder that can be used"
    ),
    TemplateProblemKind.MALFORMED: QT_TRANSLATE_NOOP(
        "Scripts", "at character {n}, {text} is a stray brace (type a brace twice to show one)"
    ),
    TemplateProblemKind.EMPTY: QT_TRANSLATE_NOOP("Scripts", "the script is empty"),
}
_SEPARATOR = QT_TRANSLATE_NOOP("Scripts", "; ")
_CANNOT_SAVE = QT_TRANSLATE_NOOP("Scripts", "Cannot be saved: {problems}")


def template_problems_text(problems: list[TemplateProblem]) -> str:
    """Why the words cannot be saved, each problem where it is (counted from 1, as read)."""
    parts = [
        _tr(_TEMPLATE_PROBLEMS[p.kind]).format(n=p.position + 1, text=p.text) for p in problems
    ]
    return _tr(_CANNOT_SAVE).format(problems=_tr(_SEPARATOR).join(parts))
