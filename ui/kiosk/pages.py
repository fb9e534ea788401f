"""The kiosk's four steps: category, account number, green channel, the ticket."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QBoxLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QVBoxLayout,
    QWidget,
)

from db.domain import PriorityReason
from hallclient.intake.service import QueueCategory
from hallclient.kiosk.desk import TakenTicket
from ui.words.kiosk import reason_text

ACCOUNT_DIGITS = 20
GROWN_PX = 220  # the tallest a growing button gets


def label(text: str = "", name: str = "") -> QLabel:
    shown = QLabel(text)
    shown.setObjectName(name)
    shown.setAlignment(Qt.AlignmentFlag.AlignCenter)
    shown.setWordWrap(True)
    return shown


def button(text: str, name: str = "", *, grows: bool = False) -> QPushButton:
    """A large button; one that ``grows`` takes the height a portrait screen has to spare."""
    pushed = QPushButton(text)
    pushed.setObjectName(name)
    pushed.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    if grows:
        pushed.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        pushed.setMaximumHeight(GROWN_PX)
    return pushed


class _Page(QWidget):
    def __init__(self, title: str) -> None:
        super().__init__()
        self.setObjectName("page")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(48, 24, 48, 24)
        self.column.setSpacing(16)
        self.title = label(title, "title")
        self.column.addWidget(self.title)


class CategoryPage(_Page):
    """The hall's categories as large buttons, numbered for the keyboard (1-9)."""

    sig_chosen = Signal(str)

    def __init__(self) -> None:
        super().__init__(QCoreApplication.translate("Kiosk", "Please choose your business"))
        self.message = label(name="message")
        self.column.addWidget(self.message)
        self.grid = QGridLayout()
        self.grid.setSpacing(24)
        self.column.addLayout(self.grid, 3)
        self.column.addStretch(1)
        self.buttons: list[QPushButton] = []

    def show_categories(self, categories: list[QueueCategory], chinese: bool, columns: int) -> None:
        for old in self.buttons:
            old.deleteLater()
        self.buttons = []
        for index, category in enumerate(categories):
            name = category.name_zh if chinese else category.name_en
            pushed = button(f"{index + 1}  {name}", "category", grows=True)
            pushed.clicked.connect(lambda _=False, code=category.code: self.sig_chosen.emit(code))
            self.grid.addWidget(pushed, index // columns, index % columns)
            self.buttons.append(pushed)
        self.message.setText("")

    def choose_number(self, number: int) -> bool:
        """The ``number``-th button (from 1), as the digit key says; False if none."""
        if 1 <= number <= len(self.buttons):
            self.buttons[number - 1].click()
            return True
        return False


class AccountPage(_Page):
    """An optional account number: keypad or keyboard; skipped without one."""

    sig_done = Signal(str)  # the number typed, or "" when skipped
    sig_back = Signal()

    def __init__(self) -> None:
        super().__init__(QCoreApplication.translate("Kiosk", "Your gas account number (optional)"))
        hint = label(
            QCoreApplication.translate("Kiosk", "With it, the counter sees your account at once.")
        )
        self.number = QLineEdit()
        self.number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.number.setMaxLength(ACCOUNT_DIGITS)
        self.number.setValidator(QRegularExpressionValidator(r"[0-9]*"))
        self.number.setPlaceholderText(QCoreApplication.translate("Kiosk", "Account number"))
        self.message = label(name="message")
        self.message.hide()
        entry = QVBoxLayout()
        entry.setSpacing(16)
        for widget in (hint, self.number, self.message):
            widget.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
            entry.addWidget(widget)
        self.gap = QSpacerItem(0, 0)  # landscape: the actions at the foot, by the keypad's
        entry.addItem(self.gap)
        entry.addLayout(self._actions())
        # side by side on a landscape screen, one above the other on a portrait one
        self.body = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self.body.setSpacing(32)
        self.body.addLayout(entry, 1)
        self.body.addLayout(self._keypad(), 1)
        self.column.addLayout(self.body, 1)
        self.column.addStretch()  # what the grown keys leave, below them

    def arrange(self, landscape: bool) -> None:
        direction = (
            QBoxLayout.Direction.LeftToRight if landscape else QBoxLayout.Direction.TopToBottom
        )
        self.body.setDirection(direction)
        gap = QSizePolicy.Policy.Expanding if landscape else QSizePolicy.Policy.Fixed
        self.gap.changeSize(0, 0, QSizePolicy.Policy.Minimum, gap)
        self.body.invalidate()

    def _keypad(self) -> QGridLayout:
        keys = QGridLayout()
        keys.setSpacing(16)
        for index, key in enumerate("123456789"):
            keys.addWidget(self._digit(key), index // 3, index % 3)
        clear = button(QCoreApplication.translate("Kiosk", "Clear"), grows=True)
        clear.clicked.connect(self.number.clear)
        erase = button("⌫", grows=True)
        erase.clicked.connect(self.number.backspace)
        keys.addWidget(clear, 3, 0)
        keys.addWidget(self._digit("0"), 3, 1)
        keys.addWidget(erase, 3, 2)
        return keys

    def _digit(self, key: str) -> QPushButton:
        pushed = button(key, grows=True)
        pushed.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the typing stays in the field
        pushed.clicked.connect(lambda: self.number.insert(key))
        return pushed

    def _actions(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(24)
        self.back = button(QCoreApplication.translate("Kiosk", "Back"))
        self.skip = button(QCoreApplication.translate("Kiosk", "Skip"))
        self.ok = button(QCoreApplication.translate("Kiosk", "OK"), "category")
        self.back.clicked.connect(self.sig_back)
        self.skip.clicked.connect(lambda: self.sig_done.emit(""))
        self.ok.clicked.connect(self.confirm)
        for pushed in (self.back, self.skip, self.ok):
            row.addWidget(pushed)
        return row

    def confirm(self) -> None:
        self.sig_done.emit(self.number.text())

    def start(self, message: str = "") -> None:
        """Shown afresh (empty), or again after a refusal (the number kept, the reason said)."""
        if not message:
            self.number.clear()
        self.message.setText(message)
        self.message.setVisible(bool(message))
        self.number.setFocus()


class PriorityPage(_Page):
    """The green channel: a reason sends the ticket ahead; most customers need none."""

    sig_chosen = Signal(object)  # a PriorityReason, or None
    sig_back = Signal()

    def __init__(self) -> None:
        super().__init__(QCoreApplication.translate("Kiosk", "Green channel"))
        self.column.addWidget(
            label(
                QCoreApplication.translate(
                    "Kiosk", "The elderly, the disabled and pregnant women are served first."
                )
            )
        )
        self.normal = button(
            QCoreApplication.translate("Kiosk", "No, a normal ticket"), "category", grows=True
        )
        self.normal.clicked.connect(lambda: self.sig_chosen.emit(None))
        self.column.addWidget(self.normal, 1)
        row = QHBoxLayout()
        row.setSpacing(24)
        self.reasons: dict[PriorityReason, QPushButton] = {}
        for reason in PriorityReason:
            pushed = button(reason_text(reason), "green", grows=True)
            pushed.clicked.connect(lambda _=False, why=reason: self.sig_chosen.emit(why))
            row.addWidget(pushed)
            self.reasons[reason] = pushed
        self.column.addLayout(row, 1)
        self.column.addStretch(1)
        self.back = button(QCoreApplication.translate("Kiosk", "Back"))
        self.back.clicked.connect(self.sig_back)
        self.column.addWidget(self.back)


class TicketPage(_Page):
    """The ticket taken, large: what the paper says, or, when the printer failed, what to
    photograph instead."""

    sig_done = Signal()

    def __init__(self) -> None:
        super().__init__("")  # the title names the hall
        self.number = label(name="number")
        self.category = label(name="category")
        self.green = label()
        self.ahead = label()
        self.time = label()
        self.status = label()
        self.done = button(QCoreApplication.translate("Kiosk", "Done"), "category")
        self.done.clicked.connect(self.sig_done)
        shown = (self.number, self.category, self.green, self.ahead, self.time, self.status)
        for widget in shown:
            self.column.addWidget(widget)
        self.column.addStretch()
        self.column.addWidget(self.done)

    def show_ticket(self, taken: TakenTicket, chinese: bool, timezone: str) -> None:
        ticket = taken.ticket
        issued = ticket.issued_at.astimezone(ZoneInfo(timezone))
        self.title.setText(ticket.hall_name)
        self.number.setText(ticket.label)
        self.category.setText(ticket.category_zh if chinese else ticket.category_en)
        reason = ticket.priority_reason
        self.green.setText(
            QCoreApplication.translate("Kiosk", "Green channel: {reason}").format(
                reason=reason_text(reason)
            )
            if reason
            else ""
        )
        self.green.setVisible(reason is not None)
        self.ahead.setText(
            QCoreApplication.translate("Kiosk", "{n} waiting before you").format(
                n=ticket.people_ahead
            )
        )
        self.time.setText(
            QCoreApplication.translate("Kiosk", "Taken at {time}").format(
                time=f"{issued:%Y-%m-%d %H:%M}"
            )
        )
        printed = taken.printed.printed
        self.status.setObjectName("" if printed else "fault")
        self.status.setText(
            QCoreApplication.translate("Kiosk", "Please take your ticket below.")
            if printed
            else QCoreApplication.translate(
                "Kiosk", "Printer fault: please take a photo of this screen as your ticket."
            )
        )
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
