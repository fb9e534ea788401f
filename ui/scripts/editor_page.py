"""The admin's script editor: every script in force, edited with a live preview.

Keys: Enter on the list goes into the words and Esc back; Ctrl+S save a new version,
Ctrl+H the script's versions, Ctrl+N a purpose's own script, Delete withdraw a purpose's
own script, Ctrl+E export the set, Ctrl+I import one.
The preview fills the placeholders with a sample visit as the admin types; an unknown
placeholder or a stray brace is named at once and the script cannot be saved.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLocale, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from hallclient.errors import HallError
from hallclient.scripts.catalogue import LANGUAGES, ScriptId, ScriptKey
from hallclient.scripts.template import KNOWN, problems_of
from ui.kit.area import Area
from ui.kit.attempt import Attempt
from ui.kit.widgets import named, table_view
from ui.scripts.dialogs import HistoryDialog, NewScriptDialog
from ui.scripts.models import ScriptRow, ScriptsModel
from ui.words.scripts import (
    LANGUAGE_NAMES,
    key_name,
    script_problem_text,
    template_problems_text,
)

if TYPE_CHECKING:
    from hallclient.access.auth import CurrentUser
    from hallclient.core import Core
    from hallclient.scripts.service import ImportSummary, InForce, VersionView


def _language_rank(language: str) -> int:
    return LANGUAGES.index(language) if language in LANGUAGES else len(LANGUAGES)


class FileProblemError(HallError):
    """A script file that cannot be read or written (the system's own words)."""

    def __init__(self, error: OSError) -> None:
        super().__init__(error.strerror or str(error))


class ScriptEditorPage(QFrame):
    def __init__(
        self,
        core: Core,
        user_of: Callable[[], CurrentUser],
        area: Area,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.area, self._core, self._user_of = area, core, user_of
        self._purpose_names: dict[str, tuple[str, str]] = {}
        self.editing: ScriptId | None = None
        self.dialog: HistoryDialog | NewScriptDialog | None = None
        self._build()
        self.attempt = Attempt(self)
        self.retranslate()

    def _build(self) -> None:
        self.scripts = ScriptsModel()
        self.table = table_view(self.scripts, "scriptTable", ScriptsModel.COL_TEXT)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._take_selected())
        self.table.installEventFilter(self)
        self.heading = named(QLabel(), "pageTitle")
        self.text = named(QPlainTextEdit(), "scriptText")
        self.text.setTabChangesFocus(True)  # Tab leaves the words (a script has no tabs)
        self.text.textChanged.connect(self._text_changed)
        back = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.text, self.table.setFocus)
        back.setContext(Qt.ShortcutContext.WidgetShortcut)  # Esc: back to the list
        self.placeholders = named(QLabel(wordWrap=True), "feeFound")
        self.preview = named(QLabel(wordWrap=True), "intakePanel")
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        self.problems = named(QLabel(wordWrap=True), "feeMessage")
        self.message = named(QLabel(wordWrap=True), "feeMessage")
        self.keys = named(QLabel(wordWrap=True), "feeFound")
        side = QVBoxLayout()
        for widget in (self.heading, self.text, self.placeholders, self.preview, self.problems):
            side.addWidget(widget)
        side.setStretch(1, 1)
        grid = QGridLayout(self)
        grid.setContentsMargins(24, 18, 24, 18)
        grid.addWidget(self.table, 0, 0)
        grid.addLayout(side, 0, 1)
        grid.addWidget(self.message, 1, 0, 1, 2)
        grid.addWidget(self.keys, 2, 0, 1, 2)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        keys = (
            ("Ctrl+S", self.save),
            ("Ctrl+H", self.show_history),
            ("Ctrl+N", self.new_script),
            ("Ctrl+E", self.export_dialog),
            ("Ctrl+I", self.import_dialog),
        )
        for key, action in keys:
            QShortcut(QKeySequence(key), self, action)

    def retranslate(self) -> None:
        self.keys.setText(
            self.tr(
                "Ctrl+S save a new version · Ctrl+H versions · Ctrl+N a purpose's own script · "
                "Delete withdraw a purpose's own script · Ctrl+E export · Ctrl+I import"
            )
        )
        names = " ".join("{" + name + "}" for name in sorted(KNOWN))
        self.placeholders.setText(
            self.tr("Placeholders: {names}; {{ and }} for a brace.").replace("{names}", names)
        )
        self._show_heading()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.reload()

    # -- the list ------------------------------------------------------------------------

    def reload(self, keep: ScriptId | None = None) -> None:
        user = self._user_of()
        keep = keep or self.editing
        self.attempt.run(
            lambda: (self._core.scripts.in_force(), self._core.scripts.purposes(user)),
            lambda loaded: self._loaded(*loaded, keep),
            self._failed,
        )

    def _loaded(
        self,
        scripts: dict[ScriptId, InForce],
        purposes: list[tuple[str, str, str]],
        keep: ScriptId | None,
    ) -> None:
        self._purpose_names = {code: (zh, en) for code, zh, en in purposes}
        order = list(ScriptKey)  # the order of a visit, then purpose and language
        ranked = sorted(
            scripts.items(),
            key=lambda item: (
                order.index(item[0].key),
                item[0].purpose,
                _language_rank(item[0].language),
            ),
        )
        rows = [
            ScriptRow(s, entry.version, entry.text, self._purpose_name(s.purpose))
            for s, entry in ranked
        ]
        self.scripts.set_rows(rows)
        at = next((i for i, row in enumerate(rows) if row.script == keep), 0)
        if rows:
            self.table.selectRow(at)
            self._take_selected()

    def _purpose_name(self, code: str) -> str:
        if not code:
            return ""
        zh, en = self._purpose_names.get(code, (code, code))
        return zh if QLocale().language() == QLocale.Language.Chinese else en

    def _take_selected(self) -> None:
        row = self.scripts.row_at(self.table.currentIndex().row())
        if row is None:
            return
        self.editing = row.script
        self._show_heading()
        self.text.setPlainText(row.text)

    def _show_heading(self) -> None:
        script = self.editing
        if script is None:
            self.heading.setText(self.tr("Service scripts"))
            return
        purpose = self._purpose_name(script.purpose) or self.tr("every purpose")
        language = LANGUAGE_NAMES.get(script.language, script.language)
        self.heading.setText(f"{key_name(script.key)} · {purpose} · {language}")

    # -- editing -------------------------------------------------------------------------

    def _text_changed(self) -> None:
        script, text = self.editing, self.text.toPlainText()
        if script is None:
            return
        self.preview.setText(self._core.scripts.preview(self._user_of(), script, text).text)
        problems = problems_of(text)
        self.problems.setText(template_problems_text(problems) if problems else "")

    def save(self) -> None:
        script, text = self.editing, self.text.toPlainText()
        if script is None:
            return
        problems = problems_of(text)
        if problems:  # said where it is: the cursor goes to the first one
            self._say(template_problems_text(problems))
            cursor = self.text.textCursor()
            cursor.setPosition(min(problems[0].position, len(text)))
            self.text.setTextCursor(cursor)
            self.text.setFocus()
            return
        user = self._user_of()
        self.attempt.run(
            lambda: self._core.scripts.save(user, script, text),
            lambda version: self._saved(script, version),
            self._failed,
        )

    def _saved(self, script: ScriptId, version: VersionView) -> None:
        if version.created_at is None:  # the same words as the version in force
            self._say(
                self.tr(
                    "Nothing to save: this is the wording in force (version {version})."
                ).format(version=version.version)
            )
            return
        self._say(self.tr("Saved as version {version}.").format(version=version.version))
        self.reload(script)

    def remove(self) -> None:
        script = self.editing
        if script is None or not script.purpose:
            self._say(self.tr("Only a purpose's own script can be withdrawn."))
            return
        user = self._user_of()

        def removed(_none: None) -> None:
            self._say(self.tr("Withdrawn: the general script is used again."))
            self.reload()

        self.attempt.run(lambda: self._core.scripts.remove(user, script), removed, self._failed)

    def show_history(self) -> None:
        script = self.editing
        if script is None or self.attempt.running:
            return
        user = self._user_of()
        dialog = HistoryDialog(self._core.settings.timezone, self)
        dialog.sig_use.connect(self.text.setPlainText)
        self.dialog = dialog
        self.attempt.run(
            lambda: self._core.scripts.history(user, script), dialog.show_versions, self._failed
        )
        dialog.open()

    def new_script(self) -> None:
        purposes = [
            (code, name) for code in self._purpose_names if (name := self._purpose_name(code))
        ]
        dialog = NewScriptDialog(purposes, self)
        dialog.accepted.connect(lambda: self._start_new(dialog.chosen()))
        self.dialog = dialog
        dialog.open()

    def _start_new(self, script: ScriptId) -> None:
        texts = {row.script: row.text for row in self.scripts.rows()}
        general = ScriptId(script.key, "", script.language)
        self.editing = script
        self._show_heading()
        self.text.setPlainText(texts.get(script, texts.get(general, "")))
        self._say(self.tr("Edit the words, then Ctrl+S to save this purpose's own script."))
        self.text.setFocus()

    # -- files ---------------------------------------------------------------------------

    def export_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the scripts"), "hallclient-scripts.json", "JSON (*.json)"
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        """The set in force to ``path`` (a temporary file renamed: never half a file)."""
        user = self._user_of()

        def work() -> Path:
            data = self._core.scripts.export(user)
            partial = path.with_name(path.name + ".part")
            try:
                partial.write_bytes(data)
                os.replace(partial, path)
            except OSError as error:
                partial.unlink(missing_ok=True)
                raise FileProblemError(error) from None
            return path

        self.attempt.run(
            work,
            lambda done: self._say(self.tr("Exported to {path}.").format(path=done)),
            self._failed,
        )

    def import_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import scripts"), "", "JSON (*.json)")
        if path:
            self.import_from(Path(path))

    def import_from(self, path: Path) -> None:
        user = self._user_of()

        def work() -> ImportSummary:
            try:
                data = path.read_bytes()
            except OSError as error:
                raise FileProblemError(error) from None
            return self._core.scripts.import_file(user, data)

        self.attempt.run(work, self._imported, self._failed)

    def _imported(self, summary: ImportSummary) -> None:
        self._say(
            self.tr("Imported: {changed} changed, {removed} withdrawn, {same} unchanged.").format(
                changed=summary.changed, removed=summary.removed, same=summary.unchanged
            )
        )
        self.reload()

    def _say(self, text: str) -> None:
        self.message.setText(text)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, FileProblemError):
            self._say(self.tr("The file could not be used: {error}").format(error=error))
            return
        if not isinstance(error, HallError):
            raise error
        self._say(script_problem_text(error))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """On the list: Delete withdraws a purpose's script, Enter goes into its words."""
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
        ):
            if event.key() == Qt.Key.Key_Delete:
                self.remove()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.text.setFocus()
                return True
        return super().eventFilter(watched, event)
