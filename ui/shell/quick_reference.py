"""The quick reference (F1): the six prohibitions and the counter's conduct rules, searchable.

A window of its own beside the work (not modal): type to narrow the rules down,
in either language; Esc closes it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QLocale
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QTextBrowser, QVBoxLayout, QWidget

from hallclient.scripts.conduct import ConductRule, Section, search
from ui.kit.i18n import QT_TRANSLATE_NOOP
from ui.kit.widgets import named

SECTIONS = {
    Section.SIX_PROHIBITIONS: QT_TRANSLATE_NOOP("QuickReference", "The six prohibitions (六不准)"),
    Section.COUNTER: QT_TRANSLATE_NOOP("QuickReference", "Conduct at the counter"),
    Section.EMERGENCY: QT_TRANSLATE_NOOP("QuickReference", "Emergencies"),
}


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class QuickReferenceDialog(QDialog):
    def __init__(self, rules: tuple[ConductRule, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quickReference")
        self.rules = rules
        self.search = named(QLineEdit(maxLength=40), "quickSearch")
        self.search.textChanged.connect(self.show_rules)
        self.count = named(QLabel(), "feeFound")
        self.text = named(QTextBrowser(), "quickText")
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.count)
        layout.addWidget(self.text, 1)
        self.resize(620, 640)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Quick reference: service rules"))
        self.search.setPlaceholderText(self.tr("Search the rules (中文 or English)"))
        self.show_rules()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def shown_rules(self) -> list[ConductRule]:
        return search(self.rules, self.search.text())

    def show_rules(self) -> None:
        chinese = QLocale().language() == QLocale.Language.Chinese
        found = self.shown_rules()
        self.count.setText(
            self.tr("{count} of {total} rules").format(count=len(found), total=len(self.rules))
        )
        parts: list[str] = []
        for section in Section:
            rules = [r for r in found if r.section is section]
            if not rules:
                continue
            heading = QCoreApplication.translate("QuickReference", SECTIONS[section])
            parts.append(f"<h3>{_escape(heading)}</h3>")
            for rule in rules:
                title, text = (
                    (rule.title_zh, rule.text_zh) if chinese else (rule.title_en, rule.text_en)
                )
                parts.append(f"<p><b>{_escape(title)}</b><br>{_escape(text)}</p>")
        self.text.setHtml("".join(parts) or f"<p>{_escape(self.tr('No rule matches.'))}</p>")
