"""The hall's counters, and the printer of this PC as its settings file sets it (read only).

Ctrl+K attaches (or detaches) a customer screen to the counter selected: there the
customer rates the visit on the screen, and the clerk no longer records the rating.

A printer belongs to the PC it stands beside: its settings are in that PC's settings file
(``[printer]``), so this page shows this PC's printer only and says where the file is.
Counters register themselves when a PC first starts with their code.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ui.admin.models import CountersModel
from ui.kit.attempt import Attempt
from ui.kit.widgets import named, table_view
from ui.words.users import paper_text, user_problem_text

if TYPE_CHECKING:
    from hallclient.access.auth import CurrentUser
    from hallclient.core import Core
    from hallclient.errors import HallError
    from hallclient.setup.desk import HallCounters, PrinterSetup


class CountersTab(QWidget):
    def __init__(
        self, core: Core, user_of: Callable[[], CurrentUser], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._core, self._user_of = core, user_of
        self.counters = CountersModel()
        self.table = table_view(self.counters, "adminCounters", CountersModel.COL_CALLS)
        self.printer = named(QLabel(wordWrap=True), "intakePanel")
        self.printer.setTextFormat(Qt.TextFormat.PlainText)
        self.printer.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.printer.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note = named(QLabel(wordWrap=True), "pageNote")
        self.note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message = named(QLabel(wordWrap=True), "feeMessage")
        self.message.hide()  # shown with a refusal only
        side = QVBoxLayout()  # the printer's lines as high as they need, at the top
        side.addWidget(self.printer)
        side.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.table, 3)
        row.addLayout(side, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 0)
        layout.addLayout(row, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.note)
        self.hall: HallCounters | None = None
        self.attempt = Attempt(self)
        QShortcut(QKeySequence("F5"), self, self.reload)
        QShortcut(QKeySequence("Ctrl+K"), self, self.toggle_customer_screen)
        self.retranslate()

    def retranslate(self) -> None:
        self.counters.set_rows(self.counters.rows())
        self._show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.reload()
        focus = QApplication.focusWidget()
        if focus is None or not self.isAncestorOf(focus):
            self.table.setFocus()

    def reload(self) -> None:
        user = self._user_of()
        self.attempt.run(lambda: self._core.workplaces.counters(user), self._loaded, self._refused)

    def _loaded(self, hall: HallCounters) -> None:
        """The counters read again; the one selected stays selected (at first: this PC's)."""
        chosen = self.counters.row_at(self.table.currentIndex().row())
        self.hall = hall
        self.counters.here = hall.workplace.counter_code
        self.counters.set_rows(hall.counters)
        code = chosen.code if chosen is not None else self.counters.here
        row = next((i for i, c in enumerate(hall.counters) if c.code == code), 0)
        if hall.counters:
            self.table.selectRow(row)
        self._show()

    def toggle_customer_screen(self) -> None:
        """Attach a customer screen to the selected counter, or detach it (journaled)."""
        counter = self.counters.row_at(self.table.currentIndex().row())
        if counter is None:
            return
        user, code, attached = self._user_of(), counter.code, not counter.customer_screen
        self.message.hide()
        self.attempt.run(
            lambda: self._core.ratings.set_customer_screen(user, code, attached),
            lambda _none: self.reload(),
            self._refused,
        )

    def _refused(self, error: HallError) -> None:
        self.message.setText(user_problem_text(error))
        self.message.show()

    def _show(self) -> None:
        hall = self.hall
        if hall is None:
            return
        place = hall.workplace
        lines = [
            self.tr("This PC: {counter} · {name}").format(
                counter=place.counter_code, name=place.counter_name
            ),
            *self._printer_lines(hall.printer),
        ]
        self.printer.setText("\n".join(lines))
        self.note.setText(
            self.tr(
                "Each PC's printer is set in that PC's settings file, section [printer], and "
                "tested there with: hallclient printer test. This PC's file: {path}. The other "
                "counters' printers are shown on their own PCs. Ctrl+K attaches or detaches "
                "the selected counter's customer screen (the customer rates there). F5 reads "
                "again."
            ).format(path=str(hall.settings_file))
        )

    def _printer_lines(self, printer: PrinterSetup) -> list[str]:
        if printer.backend == "none":
            return [self.tr("No receipt printer is set up on this PC.")]
        kinds = {
            "network": self.tr("Network printer {target}"),
            "usb": self.tr("USB printer {target}"),
            "serial": self.tr("Serial printer {target}"),
            "file": self.tr("Printing to the file {target}"),
            "win32": self.tr("Windows printer {target}"),
        }
        how = self.tr("as an image") if printer.mode == "raster" else self.tr("the printer's font")
        yes, no = self.tr("yes"), self.tr("no")
        paper = (
            paper_text(printer.last_paper)
            if printer.last_paper is not None
            else self.tr("not reported since HallClient started on this PC")
        )
        return [
            kinds.get(printer.backend, "{target}").format(target=printer.target),
            self.tr("Paper {width} mm · printed {how} · characters {charset}").format(
                width=printer.paper_mm, how=how, charset=printer.charset.upper()
            ),
            self.tr("Cut after each receipt: {cut} · cash drawer: {drawer}").format(
                cut=yes if printer.cut else no, drawer=yes if printer.drawer else no
            ),
            self.tr("Paper: {paper}").format(paper=paper),
        ]
