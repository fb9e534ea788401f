"""Referring the visit's matter to a department (F5 on the intake page).

The clerk writes the matter; the departments are ranked as it is typed (the visit's
purpose first, then keywords), the best one chosen, and the clerk confirms it or picks
another; with no suggestion none is chosen, and the form is not sent until the clerk
chooses.  The chosen department's response target for the urgency is shown in hours and
minutes.  The contact comes from the account and can be changed.  "Report of gas theft"
hides the contact and takes the reporter's name and phone into the confidential fields
instead: nothing on the referral then leads back to them.  Ctrl+Enter refers; Esc goes
back to the visit.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.domain import Urgency
from hallclient.errors import HallError
from hallclient.referrals.directory import DepartmentEntry
from hallclient.referrals.informants import Informant
from hallclient.referrals.routing import Suggestion
from hallclient.referrals.service import NewReferral, ReferralError, ReferralProblem
from hallclient.scripts.phrases import Finding
from hallclient.text_input import TextInputError
from ui.kit.widgets import named
from ui.words.durations import duration_text
from ui.words.phrase_watch import PhraseWatch
from ui.words.referrals import urgency_text

SUGGEST_PAUSE_MS = 300


class ReferralDialog(QDialog):
    """Asks; the flow refers on ``sig_submit`` and closes the dialog only when it is done,
    so a refusal (a matter too short) is shown here and nothing typed is lost."""

    sig_submit = Signal()

    def __init__(
        self,
        departments: list[DepartmentEntry],
        suggest: Callable[[str], list[Suggestion]],
        check: Callable[[str], list[Finding]],
        contact: tuple[str, str, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("closeVisitDialog")
        self._departments, self._suggest = departments, suggest
        self.matter = named(QPlainTextEdit(), "intakeNotes")
        self.matter.setTabChangesFocus(True)
        self.phrases = PhraseWatch(self.matter, check)
        self.suggested = named(QLabel(wordWrap=True), "feeFound")
        self.department = named(QComboBox(), "closeOutcome")
        self.chosen_by_hand = False  # then typing on never changes the clerk's choice
        chinese = QLocale().language() == QLocale.Language.Chinese
        for department in departments:
            self.department.addItem(
                department.name_zh if chinese else department.name_en, department.code
            )
        self.department.setCurrentIndex(-1)  # the clerk chooses, unless one is suggested
        self.department.activated.connect(self._chosen)
        self.urgency = named(QComboBox(), "closeOutcome")
        for urgency in Urgency:
            self.urgency.addItem(urgency_text(urgency.value), urgency.value)
        self.target = named(QLabel(), "feeFound")
        for combo in (self.department, self.urgency):
            combo.currentIndexChanged.connect(lambda _index: self._show_target())
        self.contact_name = named(QLineEdit(contact[0], maxLength=50), "closeComment")
        self.contact_phone = named(QLineEdit(contact[1], maxLength=20), "closeComment")
        self.address = named(QLineEdit(contact[2], maxLength=200), "closeComment")
        self.appointment = named(QLineEdit(maxLength=100), "closeComment")
        self.theft = QCheckBox()
        self.theft.toggled.connect(self._theft_toggled)
        self.reporter_name = named(QLineEdit(maxLength=50), "closeComment")
        self.reporter_phone = named(QLineEdit(maxLength=20), "closeComment")
        self.error = named(QLabel(wordWrap=True), "feeMessage")
        self.ok = named(QPushButton(default=True), "primaryButton")
        self.ok.clicked.connect(self.sig_submit.emit)
        self._timer = QTimer(self, singleShot=True, interval=SUGGEST_PAUSE_MS)
        self._timer.timeout.connect(self.suggest_now)
        self.matter.textChanged.connect(self._timer.start)
        self._layout()
        QShortcut(QKeySequence("Ctrl+Return"), self, self.sig_submit.emit)
        QShortcut(QKeySequence("Ctrl+Enter"), self, self.sig_submit.emit)
        self.retranslate()
        self._theft_toggled(False)
        self.suggest_now()
        self.matter.setFocus()

    def _layout(self) -> None:
        self.form = QFormLayout()
        self._labels = [QLabel() for _ in range(11)]
        rows = (
            self.matter,
            self.suggested,
            self.department,
            self.urgency,
            self.target,
            self.contact_name,
            self.contact_phone,
            self.address,
            self.appointment,
            self.reporter_name,
            self.reporter_phone,
        )
        for label, widget in zip(self._labels, rows, strict=True):
            self.form.addRow(label, widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 22, 28, 20)
        layout.addLayout(self.form)
        layout.addWidget(self.theft)
        layout.addWidget(self.phrases.label)
        layout.addWidget(self.error)
        layout.addWidget(self.ok, 0, Qt.AlignmentFlag.AlignRight)
        self.setMinimumWidth(620)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Refer to a department"))
        texts = (
            self.tr("Matter"),
            self.tr("Suggested"),
            self.tr("Department"),
            self.tr("Urgency"),
            self.tr("Response target"),
            self.tr("Contact"),
            self.tr("Phone"),
            self.tr("Address"),
            self.tr("Preferred time"),
            self.tr("Reporter (confidential)"),
            self.tr("Reporter's phone"),
        )
        for label, text in zip(self._labels, texts, strict=True):
            label.setText(text)
        self.matter.setPlaceholderText(self.tr("What is wrong, where, since when"))
        self.department.setPlaceholderText(self.tr("Choose the department in charge"))
        self._show_target()
        self.appointment.setPlaceholderText(self.tr("e.g. weekdays after 14:00"))
        self.theft.setText(
            self.tr("Report of gas theft or tampering (the reporter stays confidential)")
        )
        self.ok.setText(self.tr("Refer and print the slip (Ctrl+Enter)"))

    def _theft_toggled(self, theft: bool) -> None:
        """A reporter's contact goes only into the confidential fields."""
        for widget in (self.contact_name, self.contact_phone, self.address):
            widget.setEnabled(not theft)
            self.form.setRowVisible(widget, not theft)
        for widget in (self.reporter_name, self.reporter_phone):
            self.form.setRowVisible(widget, theft)

    def suggest_now(self) -> None:
        suggestions = self._suggest(self.matter.toPlainText())
        names = {
            self.department.itemData(i): self.department.itemText(i)
            for i in range(self.department.count())
        }
        self.suggested.setText(
            " › ".join(names.get(s.department_code, s.department_code) for s in suggestions[:3])
            or "—"
        )
        if not self.chosen_by_hand:  # nothing suggested: nothing chosen for the clerk
            best = suggestions[0].department_code if suggestions else None
            self.department.setCurrentIndex(self.department.findData(best) if best else -1)

    def _show_target(self) -> None:
        """The chosen department's response target for the urgency, in hours and minutes."""
        code, urgency = self.department.currentData(), self.urgency.currentData()
        entry = next((d for d in self._departments if d.code == code), None)
        if entry is None or urgency is None:
            self.target.setText("—")
            return
        minutes = {
            Urgency.NORMAL: entry.minutes_normal,
            Urgency.URGENT: entry.minutes_urgent,
            Urgency.EMERGENCY: entry.minutes_emergency,
        }[Urgency(urgency)]
        self.target.setText(duration_text(minutes))

    def complete(self) -> bool:
        """A department is chosen; if not, the form says so and the cursor goes there.
        Sent before the pause in typing ran the suggestion: it runs now, on what is typed."""
        if self._timer.isActive():
            self._timer.stop()
            self.suggest_now()
        if self.department.currentIndex() >= 0:
            return True
        self.error.setText(self.tr("Choose the department in charge first."))
        self.department.setFocus()
        return False

    def refused(self, error: HallError, text: str) -> None:
        """The core's refusal under the form; the cursor goes to the field it names."""
        self.error.setText(text)
        field = self._field_of(error)
        if field is not None and field.isVisible():
            field.setFocus()

    def _field_of(self, error: HallError) -> QWidget | None:
        if isinstance(error, ReferralError):
            return {
                ReferralProblem.UNKNOWN_DEPARTMENT: self.department,
                ReferralProblem.MATTER_TOO_SHORT: self.matter,
            }.get(error.problem)
        if not isinstance(error, TextInputError):
            return None
        phone = self.reporter_phone if self.theft.isChecked() else self.contact_phone
        fields: dict[str, QWidget] = {
            "matter": self.matter,
            "phone": phone,
            "contact_name": self.contact_name,
            "address": self.address,
            "appointment": self.appointment,
            "informant_name": self.reporter_name,
        }
        return fields.get(error.field)

    def _chosen(self, _index: int) -> None:
        self.chosen_by_hand = True

    def request(self, visit_id: int | None, account_no: str | None) -> NewReferral:
        """What was entered; a theft report carries no visit, account or contact."""
        theft = self.theft.isChecked()
        informant = (
            Informant(self.reporter_name.text(), self.reporter_phone.text()) if theft else None
        )
        return NewReferral(
            self.department.currentData() or "",
            Urgency(self.urgency.currentData()),
            self.matter.toPlainText(),
            visit_id=None if theft else visit_id,
            account_no=None if theft else account_no,
            contact_name="" if theft else self.contact_name.text(),
            contact_phone="" if theft else self.contact_phone.text(),
            address="" if theft else self.address.text(),
            appointment=self.appointment.text(),
            informant=informant,
        )
