"""A customer's own meter reading (自报读数), told at the counter and billed at once.

Keys: type the figure the meter shows; for a new meter (换表) or dials that began
again (表盘归零) choose it (Tab) and type the figure the dials started from, the old
meter's last figure if the customer has it, and for a new meter its number.  Enter
records; every refusal (a figure below the last, a day already read) stays in the
dialog and changes nothing.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hallclient.errors import HallError
from hallclient.ledger.errors import LedgerError, ReadingFault, reading_refused
from hallclient.ledger.rules import COUNTER_KINDS, ReadingFigures
from ui.kit.attempt import Attempt
from ui.kit.widgets import named
from ui.words.problems import problem_text

if TYPE_CHECKING:
    from hallclient.access.auth import CurrentUser
    from hallclient.core import Core


def parse_figure(text: str, what: str) -> Decimal | None:
    """A typed meter figure (full-width digits allowed), None when left blank."""
    cleaned = unicodedata.normalize("NFKC", text).strip()
    if not cleaned:
        return None
    try:
        return Decimal(cleaned)
    except InvalidOperation:
        raise reading_refused(ReadingFault.NOT_A_NUMBER, what) from None


class ReadingDialog(QDialog):
    """Records the reading for one account; :attr:`bill_no` is its bill once accepted."""

    def __init__(
        self,
        core: Core,
        user_of: Callable[[], CurrentUser],
        account_no: str,
        holder: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("readingDialog")
        self._core, self._user_of, self.account_no = core, user_of, account_no
        self.holder = holder
        self.bill_no: str | None = None
        self.attempt = Attempt(self)
        self._build()
        self.retranslate()
        self.reading.setFocus()

    def _build(self) -> None:
        self.heading = named(QLabel(wordWrap=True), "dialogHeading")
        self.reading = named(QLineEdit(maxLength=14), "readingFigure")
        self.kind = named(QComboBox(), "readingKind")
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.start = named(QLineEdit(maxLength=14), "readingStart")
        self.old_final = named(QLineEdit(maxLength=14), "readingOldFinal")
        self.meter = named(QLineEdit(maxLength=32), "readingNewMeter")
        self.error = named(QLabel(wordWrap=True), "dialogError")
        self.submit = named(QPushButton(default=True), "primaryButton")
        self.submit.clicked.connect(self._submit)
        self.cancel = named(QPushButton(autoDefault=False), "secondaryButton")
        self.cancel.clicked.connect(self.reject)
        form = QFormLayout()
        self._labels = [named(QLabel(), "formLabel") for _ in range(5)]
        fields = (self.reading, self.kind, self.start, self.old_final, self.meter)
        for label, field in zip(self._labels, fields, strict=True):
            label.setBuddy(field)
            form.addRow(label, field)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.submit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(30, 24, 30, 20)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.setFixedWidth(520)
        self.error.hide()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Customer's own reading"))
        self.heading.setText(
            self.tr(
                "Reading told by the customer for account {account} "
                "({holder}); it is billed at once."
            ).format(account=self.account_no, holder=self.holder)
        )
        texts = (
            self.tr("Meter shows"),
            self.tr("Kind"),
            self.tr("Dials started from"),
            self.tr("Old meter's last figure"),
            self.tr("New meter's number"),
        )
        for label, text in zip(self._labels, texts, strict=True):
            label.setText(text)
        names = (
            self.tr("Regular reading"),
            self.tr("New meter (换表)"),
            self.tr("Dials began again (归零)"),
        )
        current = max(self.kind.currentIndex(), 0)
        self.kind.blockSignals(True)  # worded again: what was typed stays
        self.kind.clear()
        for kind, name in zip(COUNTER_KINDS, names, strict=True):
            self.kind.addItem(name, kind)
        self.kind.setCurrentIndex(current)
        self.kind.blockSignals(False)
        self._kind_changed()
        self.reading.setPlaceholderText(self.tr("m³, as on the dials, e.g. 1234.5"))
        self.old_final.setPlaceholderText(self.tr("optional"))
        self.meter.setPlaceholderText(self.tr("only for a new meter"))
        self.submit.setText(self.tr("Record and bill"))
        self.cancel.setText(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        for field, used in (
            (self.start, kind not in (None, COUNTER_KINDS[0])),
            (self.old_final, kind not in (None, COUNTER_KINDS[0])),
            (self.meter, kind is COUNTER_KINDS[1]),
        ):
            field.setEnabled(used)
            if not used:
                field.clear()

    def figures(self) -> ReadingFigures:
        """What was typed, or a refusal naming the field that is not a figure."""
        reading = parse_figure(self.reading.text(), "reading")
        if reading is None:
            raise reading_refused(ReadingFault.NOT_A_NUMBER, "reading")
        return ReadingFigures(
            reading,
            self.kind.currentData(),
            parse_figure(self.start.text(), "start reading"),
            parse_figure(self.old_final.text(), "old meter"),
        )

    def _submit(self) -> None:
        try:
            figures = self.figures()
        except LedgerError as error:
            self._refused(error)
            return
        user, account_no, meter = self._user_of(), self.account_no, self.meter.text()
        self.attempt.run(
            lambda: self._core.ledger.report_reading(user, account_no, figures, meter),
            self._recorded,
            self._refused,
        )

    def _recorded(self, bill_no: str) -> None:
        self.bill_no = bill_no
        self.accept()

    def _refused(self, error: HallError) -> None:
        self.error.setText(problem_text(error))
        self.error.show()
        self.reading.setFocus()
        self.reading.selectAll()
