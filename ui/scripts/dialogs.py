"""The script editor's dialogs: a script's versions, and a purpose's own new script."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hallclient.scripts.catalogue import LANGUAGES, ScriptId, ScriptKey
from hallclient.scripts.service import VersionView
from ui.kit.widgets import named, table_view
from ui.scripts.models import VersionsModel
from ui.words.scripts import LANGUAGE_NAMES, key_name


class HistoryDialog(QDialog):
    """Every wording of one script, newest first; Enter puts the chosen one in the editor
    (it becomes a version only when saved)."""

    sig_use = Signal(str)

    def __init__(self, timezone: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("closeVisitDialog")
        self.versions = VersionsModel(timezone)
        self.table = table_view(self.versions, "scriptVersions", VersionsModel.COL_TEXT)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_text())
        self.text = named(QPlainTextEdit(readOnly=True), "scriptText")
        self.use = named(
            QPushButton(self.tr("Use this wording (Enter)"), default=True), "primaryButton"
        )
        self.use.clicked.connect(self._use)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.use, 0, Qt.AlignmentFlag.AlignRight)
        self.setWindowTitle(self.tr("Versions of the script"))
        self.resize(760, 480)

    def show_versions(self, versions: list[VersionView]) -> None:
        self.versions.set_rows(versions)
        if versions:
            self.table.selectRow(0)
        self.table.setFocus()

    def _chosen(self) -> VersionView | None:
        return self.versions.row_at(self.table.currentIndex().row())

    def _show_text(self) -> None:
        version = self._chosen()
        self.text.setPlainText(version.text if version else "")

    def _use(self) -> None:
        version = self._chosen()
        if version is not None and not version.removed:
            self.sig_use.emit(version.text)
        self.accept()


class NewScriptDialog(QDialog):
    """Which moment, purpose and language a purpose's own script is for."""

    def __init__(self, purposes: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("closeVisitDialog")
        self.key = named(QComboBox(), "closeOutcome")
        for key in ScriptKey:
            self.key.addItem(key_name(key), key.value)
        self.purpose = named(QComboBox(), "closeOutcome")
        for code, name in purposes:
            self.purpose.addItem(name, code)
        self.language = named(QComboBox(), "closeOutcome")
        for language in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[language], language)
        ok = named(QPushButton(self.tr("Edit (Enter)"), default=True), "primaryButton")
        ok.clicked.connect(self.accept)
        form = QFormLayout()
        form.addRow(self.tr("Moment"), self.key)
        form.addRow(self.tr("Purpose"), self.purpose)
        form.addRow(self.tr("Language"), self.language)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 22, 28, 20)
        layout.addLayout(form)
        layout.addWidget(
            named(QLabel(self.tr("The general script stays for every other purpose.")), "feeFound")
        )
        layout.addWidget(ok, 0, Qt.AlignmentFlag.AlignRight)
        self.setWindowTitle(self.tr("A purpose's own script"))
        self.setMinimumWidth(460)

    def chosen(self) -> ScriptId:
        return ScriptId(
            ScriptKey(self.key.currentData()),
            self.purpose.currentData() or "",
            self.language.currentData(),
        )
