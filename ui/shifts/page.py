"""The clerk's shift page: open with a counted float, move cash, read (X), close (Z).

Keys: Ctrl+Enter opens the shift (after counting the float); F7 puts cash in and F8
takes it out (amount and reason typed first); F9 prints an X reading; F10 closes the
shift (or recounts a returned one).  The last report shows at the right as printed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PIL import Image
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QImage, QKeySequence, QPixmap, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from db.domain import MoveDirection
from hallclient.errors import HallError
from hallclient.money import MoneyError, format_yuan, parse_yuan
from hallclient.shifts.errors import ShiftError, ShiftProblem
from hallclient.shifts.views import ShiftReading, ShiftView
from ui.kit.area import Area
from ui.kit.attempt import Attempt
from ui.kit.tasks import TaskRunner
from ui.kit.widgets import named, table_view
from ui.shifts.cash_count import CashCountForm
from ui.shifts.close_shift_dialog import CloseShiftDialog
from ui.shifts.models import MethodsModel
from ui.words.shifts import shift_problem_text, status_text

if TYPE_CHECKING:
    from hallclient.access.auth import CurrentUser
    from hallclient.core import Core

PREVIEW_WIDTH = 400


def pixmap_of(image: Image.Image, width: int) -> QPixmap:
    """A printed report's raster image, at most ``width`` wide (never enlarged).

    Built from the image's bytes and copied at once, so Qt owns every pixel: no
    buffer shared with a Python object that may be collected first.
    """
    gray = image.convert("L")
    data = gray.tobytes()
    frame = QImage(data, gray.width, gray.height, gray.width, QImage.Format.Format_Grayscale8)
    pixmap = QPixmap.fromImage(frame.copy())
    if pixmap.width() > width:
        return pixmap.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
    return pixmap


class ShiftPage(QFrame):
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
        self.shift: ShiftView | None = None
        self.return_reason = ""  # a returned shift: why the manager asks for a recount
        self.close_dialog: CloseShiftDialog | None = None
        self._runner = TaskRunner(self)
        self._build()
        self.attempt = Attempt(self.stack)
        self.retranslate()

    def _build(self) -> None:
        self.title = named(QLabel(), "pageTitle")
        self.state = named(QLabel(wordWrap=True), "shiftState")
        self.stack = QStackedWidget()
        self.stack.addWidget(self._opening_panel())
        self.stack.addWidget(self._open_panel())
        self.message = named(QLabel(wordWrap=True), "payMessage")
        self.keys = named(QLabel(wordWrap=True), "pageNote")
        left = QVBoxLayout()
        for widget in (self.title, self.state, self.stack, self.message, self.keys):
            left.addWidget(widget)
        self.preview = named(QLabel(), "reportPreview")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea()
        scroll.setWidget(self.preview)
        scroll.setWidgetResizable(True)
        scroll.setMinimumWidth(320)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addLayout(left, 3)
        layout.addWidget(scroll, 2)
        for key, slot in (
            ("Ctrl+Return", self.open_shift),
            ("F7", self.cash_in),
            ("F8", self.cash_out),
            ("F9", self.x_report),
            ("F10", self.close_shift),
        ):
            QShortcut(QKeySequence(key), self, slot)

    def _opening_panel(self) -> QWidget:
        panel = QWidget()
        self.float_heading = named(QLabel(wordWrap=True), "sectionHeading")
        self.float_count = CashCountForm()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.float_heading)
        layout.addWidget(self.float_count)
        layout.addStretch(1)
        return panel

    def _open_panel(self) -> QWidget:
        panel = QWidget()
        self.methods = MethodsModel()
        self.table = table_view(self.methods, "shiftMethods", MethodsModel.COL_METHOD)
        self.drawer = named(QLabel(), "payTotal")
        self.moves = named(QLabel(wordWrap=True), "shiftMoves")
        self.amount = named(QLineEdit(maxLength=16), "moveAmount")
        self.reason = named(QLineEdit(maxLength=200), "moveReason")
        row = QHBoxLayout()
        row.addWidget(self.amount, 1)
        row.addWidget(self.reason, 3)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.table, self.drawer, self.moves):
            layout.addWidget(widget)
        layout.addLayout(row)
        return panel

    # -- state ----------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        """Ask the core for this counter's shift (or the clerk's returned one) and show it."""
        user = self._user_of()
        try:
            reading = self._core.shifts.reading(user)
            last = None if reading else self._core.shifts.latest(user)
        except ShiftError as error:  # no shift here for this clerk: the float form
            if error.problem is not ShiftProblem.NO_OPEN_SHIFT:
                self.message.setText(shift_problem_text(error))
                return
            reading, last = None, self._latest(user)
        except HallError as error:  # the database is away: say so, keep what is shown
            self.message.setText(shift_problem_text(error))
            return
        self._show(reading)
        if reading is None and last is not None:
            text = self.tr(
                "Your shift {id} is {status}. Count a float and press Ctrl+Enter "
                "to open a new shift."
            )
            self.state.setText(text.format(id=last.id, status=status_text(last)))

    def _latest(self, user: CurrentUser) -> ShiftView | None:
        try:
            return self._core.shifts.latest(user)
        except HallError as error:
            self.message.setText(shift_problem_text(error))
            return None

    def _show(self, reading: ShiftReading | None) -> None:
        self.shift = reading.shift if reading else None
        if reading is None:
            self.stack.setCurrentIndex(0)
            self.state.setText(
                self.tr(
                    "No shift is open at this counter. Count the float and "
                    "press Ctrl+Enter to open yours."
                )
            )
            self.float_count.focus_first()
            return
        self.stack.setCurrentIndex(1)
        shift = reading.shift
        opened = shift.opened_at.astimezone(ZoneInfo(self._core.settings.timezone))
        text = self.tr("Shift {id} of {clerk} · opened {time} with a float of {float} · {status}")
        lines = [
            text.format(
                id=shift.id,
                clerk=shift.clerk_name,
                time=f"{opened:%H:%M}",
                float=format_yuan(shift.opening_float),
                status=status_text(shift),
            )
        ]
        if shift.business_day > self._core.context(self._user_of()).today():
            lines.append(
                self.tr("Today's business day is closed: this shift counts for {day}.").format(
                    day=shift.business_day.isoformat()
                )
            )
        if reading.return_reason:
            lines.append(
                self.tr("Returned for a recount: {reason} Count again and close (F10).").format(
                    reason=reading.return_reason
                )
            )
        self.return_reason = reading.return_reason
        self.state.setText("\n".join(lines))
        self.methods.set_rows(reading.figures.methods)
        cash = reading.figures.methods[0]
        self.drawer.setText(
            self.tr("The drawer should hold {amount}").format(amount=format_yuan(cash.expected))
        )
        moves = [
            f"{'+' if m.direction is MoveDirection.IN else '−'}{format_yuan(m.amount)} {m.reason}"
            for m in reading.moves
        ]
        self.moves.setText(
            self.tr("Cash moves: {moves}").format(moves="; ".join(moves)) if moves else ""
        )
        image = self._core.shifts.report_image(reading)  # the reading as it would print
        self.preview.setPixmap(pixmap_of(image, PREVIEW_WIDTH))
        self.amount.setFocus()

    # -- actions --------------------------------------------------------------------------

    def open_shift(self) -> None:
        if self.shift is not None or not self.isVisible():
            return
        user, count = self._user_of(), self.float_count.count()
        self.attempt.run(
            lambda: self._core.shifts.open(user, count), lambda _view: self._opened(), self._refused
        )

    def _opened(self) -> None:
        self.message.setText(self.tr("Your shift is open: payments can be taken."))
        self.float_count.set_count({})
        self.refresh()

    def cash_in(self) -> None:
        self._move(MoveDirection.IN)

    def cash_out(self) -> None:
        self._move(MoveDirection.OUT)

    def _move(self, direction: MoveDirection) -> None:
        if self.shift is None or not self.shift.is_open or not self.isVisible():
            return
        try:
            amount = parse_yuan(self.amount.text())
        except MoneyError:
            self.message.setText(self.tr("Type the amount first, e.g. 200.00, then the reason."))
            self.amount.setFocus()
            return
        user, reason = self._user_of(), self.reason.text()
        self.attempt.run(
            lambda: self._core.shifts.move(user, direction, amount, reason),
            lambda _m: self._moved(),
            self._refused,
        )

    def _moved(self) -> None:
        self.amount.clear()
        self.reason.clear()
        self.message.setText(self.tr("The cash move is recorded."))
        self.refresh()

    def x_report(self) -> None:
        if self.shift is None or not self.isVisible():
            return
        user = self._user_of()
        self.attempt.run(lambda: self._core.shifts.reading(user), self._print, self._refused)

    def close_shift(self) -> None:
        if self.shift is None or self.shift.status.value not in ("open", "returned"):
            return
        self.close_dialog = CloseShiftDialog(
            self._core, self._user_of(), self, return_reason=self.return_reason
        )
        self.close_dialog.finished.connect(self._close_dialog_done)
        self.close_dialog.open()

    def _close_dialog_done(self, _result: int) -> None:
        """Closed or cancelled: the dialog goes (Qt deletes it with its table and model)."""
        dialog, self.close_dialog = self.close_dialog, None
        if dialog is None:
            return
        reading = dialog.reading
        dialog.deleteLater()
        if reading is not None:
            self.message.setText(
                self.tr(
                    "The shift is closed and waits for the shift manager. "
                    "The shift report (Z) is printing."
                )
            )
            self._print(reading)
            self.refresh()

    def _print(self, reading: ShiftReading) -> None:
        """Show the report as printed and send it to the printer (off the GUI thread)."""
        shifts = self._core.shifts
        self.preview.setPixmap(pixmap_of(shifts.report_image(reading), PREVIEW_WIDTH))
        self._runner.start(
            lambda _p: shifts.print_report(reading), lambda _s: None, self._print_failed
        )

    def _print_failed(self, error: BaseException) -> None:
        if isinstance(error, HallError):
            self.message.setText(
                self.tr(
                    "The report is on screen; the printer said: {problem} The shift manager's "
                    "overview saves any shift's report as a PDF (Ctrl+R)."
                ).format(problem=shift_problem_text(error))
            )

    def _refused(self, error: HallError) -> None:
        self.message.setText(shift_problem_text(error))

    def retranslate(self) -> None:
        self.title.setText(self.area.title)
        self.float_heading.setText(self.tr("Count the float by denomination:"))
        self.amount.setPlaceholderText(self.tr("amount"))
        self.reason.setPlaceholderText(self.tr("reason for the cash move"))
        self.keys.setText(
            self.tr(
                "Ctrl+Enter open shift · F7 cash in · F8 cash out · F9 X reading · F10 close shift"
            )
        )
        self.methods.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 3)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            if self.isVisible():
                self.refresh()
        super().changeEvent(event)
