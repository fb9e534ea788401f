"""A forbidden-phrase warning under a text field: the phrase, and the words to use instead.

It warns and never blocks: the clerk may be quoting a customer.  The check runs a
moment after typing stops (it is pure and fast, so on the GUI thread).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QLocale, QObject, QTimer
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit

from hallclient.scripts.phrases import Finding
from ui.kit.widgets import named
from ui.words.scripts import findings_text

PAUSE_MS = 250


class PhraseWatch(QObject):
    """Watches ``field``; ``label`` shows the warning and hides when there is none."""

    def __init__(
        self,
        field: QLineEdit | QPlainTextEdit,
        check: Callable[[str], list[Finding]],
        label: QLabel | None = None,
    ) -> None:
        super().__init__(field)
        self.field, self._check = field, check
        self.label = label or named(QLabel(wordWrap=True), "phraseWarning")
        self.label.setObjectName("phraseWarning")
        self.label.hide()
        self.findings: list[Finding] = []
        self._timer = QTimer(self, singleShot=True, interval=PAUSE_MS)
        self._timer.timeout.connect(self.check_now)
        field.textChanged.connect(self._timer.start)

    def _text(self) -> str:
        field = self.field
        return field.toPlainText() if isinstance(field, QPlainTextEdit) else field.text()

    def check_now(self) -> None:
        self.findings = self._check(self._text())
        chinese = QLocale().language() == QLocale.Language.Chinese
        self.label.setText(findings_text(self.findings, chinese))
        self.label.setVisible(bool(self.findings))
