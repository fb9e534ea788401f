"""Closing the hall's day on purpose: what F10 would close, confirmed by typing the day.

A day close is final (a chained record, the heads printed on paper), so one stray key
must not make it: the dialog shows the business day, every counter's shift, the totals
and the receipt series' heads the close will record, says what the counters do after it,
and closes only when the manager types the day as month and day (1207) and presses
Enter.  Esc, or Enter on anything else, closes nothing.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from hallclient.money import format_yuan
from hallclient.shifts.day_close import DayClosePreview
from ui.kit.i18n import counted
from ui.kit.widgets import named
from ui.words.payments import method_text
from ui.words.shifts import RECEIPTS, SHIFT_CONTEXT, VOIDS, status_text


class DayCloseDialog(QDialog):
    def __init__(self, preview: DayClosePreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dayCloseDialog")
        self.preview = preview
        self.day = preview.summary.day
        self.heading = named(QLabel(wordWrap=True), "dialogHeading")
        self.facts = named(QLabel(wordWrap=True), "dayCloseFacts")
        self.after = named(QLabel(wordWrap=True), "pageNote")
        self.prompt = QLabel(wordWrap=True)
        self.confirmation = named(QLineEdit(maxLength=8), "dayCloseConfirmation")
        self.confirmation.returnPressed.connect(self._confirm)
        self.message = named(QLabel(wordWrap=True), "dialogMessage")
        self.cancel = named(QPushButton(autoDefault=False), "secondaryButton")  # not by Enter
        self.cancel.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.heading, self.facts, self.after, self.prompt, self.confirmation):
            layout.addWidget(widget)
        layout.addWidget(self.message)
        layout.addWidget(self.cancel)
        self.prompt.setBuddy(self.confirmation)
        self.setFixedWidth(640)  # the height follows the words (one line per shift and head)
        self.retranslate()
        self.confirmation.setFocus()

    @property
    def expected(self) -> str:
        """What the manager types: the business day as month and day, 1207."""
        return f"{self.day:%m%d}"

    def _confirm(self) -> None:
        if self.confirmation.text().strip() == self.expected:
            self.accept()
            return
        self.message.setText(
            self.tr("Type {mmdd} to close the day, or press Esc to go back.").format(
                mmdd=self.expected
            )
        )
        self.confirmation.selectAll()

    def _facts_text(self) -> str:
        summary, preview = self.preview.summary, self.preview
        lines = [
            self.tr("{counter} {clerk} (no. {number}), shift {id}: {status}, taken {net}").format(
                counter=line.shift.counter_code,
                clerk=line.shift.clerk_name,
                number=line.shift.clerk_employee_no,
                id=line.shift.id,
                status=status_text(line.shift),
                net=format_yuan(line.figures.net),
            )
            for line in summary.shifts
        ] or [self.tr("No shift worked on this day.")]
        methods = "   ".join(
            f"{method_text(m)} {format_yuan(a)}" for m, a in summary.by_method.items() if a
        )
        lines += [
            "",
            self.tr("Day total {total} · {receipts} · {voids}").format(
                total=format_yuan(summary.net),
                receipts=counted(SHIFT_CONTEXT, summary.receipts, *RECEIPTS),
                voids=counted(SHIFT_CONTEXT, summary.voids, *VOIDS),
            ),
            methods,
            self.tr("Grand total after the close: {total}").format(
                total=format_yuan(preview.grand_total)
            ),
        ]
        heads = [f"{h.series}:{h.last_number}:{h.head_hash[:16]}" for h in preview.heads]
        if heads:
            lines += ["", self.tr("Receipt series heads recorded:"), *heads]
        return "\n".join(lines)

    def retranslate(self) -> None:
        day = self.day.isoformat()
        self.setWindowTitle(self.tr("Close the hall's day"))
        self.heading.setText(self.tr("Close the business day {day}?").format(day=day))
        self.facts.setText(self._facts_text())
        self.after.setText(
            self.tr(
                "After the close nothing more is added to {day}. Counters go on working: a "
                "shift opened after the close, and every payment it takes, counts for the "
                "next business day, {next}."
            ).format(day=day, next=(self.day + timedelta(days=1)).isoformat())
        )
        self.prompt.setText(
            self.tr(
                "To close the day, type it as month and day ({mmdd}) and press Enter. "
                "Esc goes back without closing."
            ).format(mmdd=self.expected)
        )
        self.cancel.setText(self.tr("Go back without closing (Esc)"))
        self.adjustSize()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
