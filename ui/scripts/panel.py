"""The script panel beside the visit: the words for this moment, filled in for this customer.

It follows the visit by itself: the intake page tells it the visit after every
change, the fees page the cart's amount, and the close dialog that the visit is
ending.  The stage's own scripts come first (the first of them selected), every
other script below to pick when the moment calls for it.  Ctrl+Shift+C copies the
selected script, Ctrl+Shift+N selects the next.  The scripts shown are recorded on the
visit.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLocale, QObject, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.domain import VisitStage
from hallclient.errors import HallError
from hallclient.scripts.moments import Title
from hallclient.scripts.panel import Choices, PanelScript
from ui.kit.tasks import TaskRunner
from ui.kit.widgets import named
from ui.words.intake import stage_text
from ui.words.scripts import LANGUAGE_NAMES, TITLES, key_name, script_problem_text, title_name

if TYPE_CHECKING:
    from hallclient.access.auth import CurrentUser
    from hallclient.core import Core
    from hallclient.intake.visits import VisitView

SCRIPT_ROLE = Qt.ItemDataRole.UserRole
ITEM_MARGIN = 12  # pixels around an item's text
COPY_KEY, NEXT_KEY = "Ctrl+Shift+C", "Ctrl+Shift+N"


class ScriptPanel(QFrame):
    def __init__(
        self, core: Core, user_of: Callable[[], CurrentUser], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("scriptPanel")
        self._core, self._user_of = core, user_of
        self.visit: VisitView | None = None
        self.choices = Choices(language=self._interface_language())
        self.shown: list[PanelScript] = []
        self.department: str | None = None  # the department referred to, once there is one
        self._generation = 0  # the newest composition; older answers are dropped
        self._recorded: set[tuple[object, int]] = set()
        self._runner = TaskRunner(self)
        self._record_runner = TaskRunner(self)
        self._build()
        # No minimum of its own: on a narrow window the main window hides the panel rather
        # than squeeze the page beside it (a minimum would stop the window getting narrow).
        self.setMinimumWidth(1)
        self.retranslate()
        self._show_scripts()

    def _build(self) -> None:
        self.heading = named(QLabel(), "scriptHeading")
        self.stage = named(QLabel(), "intakeStage")
        self.title = named(QComboBox(), "scriptTitle")
        self.language = named(QComboBox(), "scriptLanguage")
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(self.language.findData(self.choices.language))
        self.title.activated.connect(self._title_chosen)
        self.language.activated.connect(self._language_chosen)
        self.list = named(QListWidget(), "scriptList")
        self.list.setWordWrap(True)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # A scroll bar that comes and goes narrows the items after their height was set,
        # and Qt then elides the last line of a long script: keep the width fixed.
        self.list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setSpacing(5)
        self.list.viewport().installEventFilter(self)
        self.list.currentItemChanged.connect(self._selected)
        self.hint = named(QLabel(wordWrap=True), "feeFound")
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.stage)
        choices = QHBoxLayout()
        choices.addWidget(self.title, 1)
        choices.addWidget(self.language)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 18, 16, 18)
        layout.addLayout(top)
        layout.addLayout(choices)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.hint)
        # F12 is the payments page's charge key: the panel's keys must not be ambiguous there.
        QShortcut(QKeySequence(COPY_KEY), self, self.copy_current)
        QShortcut(QKeySequence(NEXT_KEY), self, self.next_script)

    @staticmethod
    def _interface_language() -> str:
        return "zh" if QLocale().language() == QLocale.Language.Chinese else "en"

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Service scripts"))
        chosen = self.choices.title
        self.title.clear()
        for title in TITLES:
            self.title.addItem(title_name(title), title.value)
        self.title.setCurrentIndex(self.title.findData(chosen.value))
        self.title.setToolTip(self.tr("How the customer is addressed"))
        self.language.setToolTip(self.tr("The language the customer is spoken to in"))
        self.hint.setText(
            self.tr("Ctrl+Shift+C copy the selected script · Ctrl+Shift+N next script")
        )
        self._show_stage()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- what the other pages tell the panel ---------------------------------------------

    def set_visit(self, visit: VisitView | None) -> None:
        if visit is None or self.visit is None or visit.id != self.visit.id:
            # A new customer: addressed neutrally until the clerk knows; the cart stays
            self.choices = Choices(language=self.choices.language, amount=self.choices.amount)
            self.department = None
            self.title.setCurrentIndex(self.title.findData(Title.UNKNOWN.value))
            self._recorded.clear()
        self.visit = visit
        self._compose()

    def set_amount(self, amount: Decimal | None) -> None:
        self.choices = replace(self.choices, amount=amount)
        self._compose()

    def set_department(self, code: str) -> None:
        """The referral script names the department the matter went to."""
        self.department = code
        self._compose()

    def set_closing(self, closing: bool) -> None:
        self.choices = replace(self.choices, stage=VisitStage.CLOSING if closing else None)
        self._compose()

    def _title_chosen(self, index: int) -> None:
        self.choices = replace(self.choices, title=Title(self.title.itemData(index)))
        self._compose()

    def _language_chosen(self, index: int) -> None:
        self.choices = replace(self.choices, language=self.language.itemData(index))
        self._compose()

    # -- composing, off the GUI thread ---------------------------------------------------

    def _compose(self) -> None:
        self._generation += 1
        generation, visit, choices = self._generation, self.visit, self.choices
        department = self.department
        self._show_stage()
        if visit is None:
            self.shown = []
            self._show_scripts()
            return
        user, scripts = self._user_of(), self._core.scripts

        def work(_progress: object) -> list[PanelScript]:
            return scripts.panel(user, scripts.facts(user, visit.id, department), choices)

        self._runner.start(work, lambda shown: self._composed(generation, shown), self._failed)

    def _composed(self, generation: int, shown: list[PanelScript]) -> None:
        """Shown, and recorded on the visit, only if no newer composition was asked for."""
        if generation != self._generation:
            return
        self.shown = shown
        # Recorded first, in one write: showing selects the first script, which would
        # otherwise start a second write that can land after the visit has closed
        self._record([s for s in shown if s.for_stage])
        self._show_scripts()

    def _record(self, scripts: list[PanelScript]) -> None:
        new = [s for s in scripts if (s.script, s.version) not in self._recorded]
        if not new or self.visit is None:
            return
        self._recorded.update((s.script, s.version) for s in new)
        user, visit_id, desk = self._user_of(), self.visit.id, self._core.scripts
        self._record_runner.start(
            lambda _p: desk.record_shown(user, visit_id, new), lambda _n: None, self._failed
        )

    def _show_stage(self) -> None:
        stage = self.choices.stage or (self.visit.stage if self.visit else None)
        self.stage.setText(stage_text(stage) if stage else self.tr("No customer"))

    def _show_scripts(self) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for index, script in enumerate(self.shown):
            if index and not script.for_stage and self.shown[index - 1].for_stage:
                self.list.addItem(self._separator())
            item = QListWidgetItem(f"{key_name(script.script.key)}\n{script.text}")
            item.setData(SCRIPT_ROLE, index)
            if script.for_stage:
                font = QFont(self.list.font())
                font.setBold(True)
                item.setFont(font)
            self.list.addItem(item)
        self.list.blockSignals(False)
        self._fit_items()
        if self.shown:
            self.list.setCurrentRow(0)
        else:
            self.list.addItem(
                self._separator(
                    self.tr(
                        "The scripts follow the visit: call a ticket (F2) or take a walk-in (F6)."
                    )
                )
            )

    def _fit_items(self) -> None:
        """Each item as tall as its wrapped text at the list's width.  Qt's own estimate
        misses a line now and then for long Chinese text and cuts it off."""
        width = self.list.viewport().width() - 2 * self.list.spacing() - ITEM_MARGIN
        for row in range(self.list.count()):
            item = self.list.item(row)
            bounds = QFontMetrics(item.font()).boundingRect(
                QRect(0, 0, max(width, 80), 100_000), Qt.TextFlag.TextWordWrap, item.text()
            )
            item.setSizeHint(QSize(max(width, 80), bounds.height() + ITEM_MARGIN))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.list.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_items()
        return super().eventFilter(watched, event)

    def _separator(self, text: str | None = None) -> QListWidgetItem:
        item = QListWidgetItem(text or self.tr("Other scripts"))
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        return item

    # -- the clerk's keys ------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        return QSize(330, super().sizeHint().height())

    def busy(self) -> bool:
        """A composition or a record is still on its way."""
        return self._runner.busy() or self._record_runner.busy()

    def current(self) -> PanelScript | None:
        item = self.list.currentItem()
        index = item.data(SCRIPT_ROLE) if item is not None else None
        return self.shown[index] if isinstance(index, int) else None

    def copy_current(self) -> None:
        script = self.current()
        if script is None:
            return
        QGuiApplication.clipboard().setText(script.text)
        self.hint.setText(self.tr("Copied: {name}").format(name=key_name(script.script.key)))

    def next_script(self) -> None:
        rows = [
            row
            for row in range(self.list.count())
            if self.list.item(row).data(SCRIPT_ROLE) is not None
        ]
        if rows:
            later = [row for row in rows if row > self.list.currentRow()]
            self.list.setCurrentRow(later[0] if later else rows[0])

    def _selected(self, item: QListWidgetItem | None, _previous: object) -> None:
        """A script the clerk picks is shown too: record it on the visit."""
        script = self.current()
        if script is not None:
            self._record([script])

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, HallError):
            raise error
        self.hint.setText(script_problem_text(error))
