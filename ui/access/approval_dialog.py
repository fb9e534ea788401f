"""Manager approval: a second person vouches for one privileged action (a shift manager for
money; a shift manager or an administrator for a tariff).

The dialog shows what is to be approved (the kind in people's words, the object and
the reason), takes the approver's employee number and password at this counter and
asks the core.  On success it closes with the grant in :attr:`ApprovalDialog.grant`;
every refusal stays in the dialog, worded in the clerk's language.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hallclient.access.approvals import (
    ApprovalError,
    ApprovalGrant,
    ApprovalProblem,
    ApprovalRequest,
)
from hallclient.access.auth import LoginRefused, RefusalReason, Role
from hallclient.access.permissions import ApprovalKind, may_approve
from hallclient.clock import local
from hallclient.errors import HallError
from ui.kit.attempt import Attempt
from ui.kit.i18n import QT_TRANSLATE_NOOP
from ui.kit.widgets import named
from ui.words.problems import problem_text

if TYPE_CHECKING:
    from hallclient.access.auth import CurrentUser
    from hallclient.core import Core

_KIND_SOURCES = {
    ApprovalKind.VOID_RECEIPT: QT_TRANSLATE_NOOP("ApprovalDialog", "Void a receipt"),
    ApprovalKind.OVER_LIMIT_DIFFERENCE: QT_TRANSLATE_NOOP(
        "ApprovalDialog", "Cash difference over the limit"
    ),
    ApprovalKind.REPRINT_AGAIN: QT_TRANSLATE_NOOP("ApprovalDialog", "Reprint again"),
    ApprovalKind.APPROVE_TARIFF: QT_TRANSLATE_NOOP("ApprovalDialog", "Approve a tariff"),
    ApprovalKind.REOPEN_SHIFT: QT_TRANSLATE_NOOP("ApprovalDialog", "Reopen a shift"),
    ApprovalKind.WAIVE_LATE_FEE: QT_TRANSLATE_NOOP("ApprovalDialog", "Waive a late fee"),
}


def kind_text(kind: ApprovalKind) -> str:
    """The approval kind in people's words, in the current language."""
    source = _KIND_SOURCES.get(kind)
    return QCoreApplication.translate("ApprovalDialog", source) if source else str(kind)


class ApprovalDialog(QDialog):
    """Shows one request and asks a manager for their employee number and password."""

    def __init__(
        self,
        core: Core,
        user: CurrentUser,
        request: ApprovalRequest,
        parent: QWidget | None = None,
        *,
        detail: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("approvalDialog")
        self._core, self.user, self.request = core, user, request
        self.detail = detail  # what the object is, as the approver should see it (amount …)
        self.grant: ApprovalGrant | None = None
        self._message: Callable[[], str] = str
        self.attempt = Attempt(self)
        self._build()
        self.retranslate()
        self.approver.setFocus()

    @classmethod
    def ask(
        cls, core: Core, user: CurrentUser, request: ApprovalRequest, parent: QWidget | None
    ) -> ApprovalGrant | None:
        """Run the dialog; the grant if a manager approved, ``None`` if cancelled."""
        dialog = cls(core, user, request, parent)
        try:
            return dialog.grant if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    def _build(self) -> None:
        self.heading = named(QLabel(wordWrap=True), "dialogHeading")
        self.kind = named(QLabel(wordWrap=True), "approvalValue")
        self.object = named(QLabel(wordWrap=True), "approvalValue")
        self.reason = named(QLabel(wordWrap=True), "approvalValue")
        self.requester = named(QLabel(wordWrap=True), "approvalValue")
        self.intro = named(QLabel(wordWrap=True), "dialogText")
        self.approver = named(QLineEdit(maxLength=16), "approverNo")
        self.password = named(QLineEdit(maxLength=128), "approverPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = named(QLabel(wordWrap=True), "dialogError")
        self.submit = named(QPushButton(default=True), "primaryButton")
        self.submit.clicked.connect(self._submit)
        self.cancel = named(QPushButton(autoDefault=False), "secondaryButton")
        self.cancel.clicked.connect(self.reject)
        values = (self.kind, self.object, self.reason, self.requester)
        self._summary_labels, summary = self._form(values)
        self._credential_labels, credentials = self._form((self.approver, self.password))
        card = named(QFrame(), "approvalSummary")
        QVBoxLayout(card).addLayout(summary)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.submit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(30, 24, 30, 20)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addWidget(card)
        layout.addWidget(self.intro)
        layout.addLayout(credentials)
        layout.addWidget(self.error)
        layout.addSpacing(6)
        layout.addLayout(buttons)
        self.setFixedWidth(560)

    @staticmethod
    def _form(fields: tuple[QWidget, ...]) -> tuple[list[QLabel], QFormLayout]:
        form = QFormLayout()
        form.setHorizontalSpacing(14)
        form.setVerticalSpacing(8)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        labels = [named(QLabel(), "formLabel") for _ in fields]
        for label, field in zip(labels, fields, strict=True):
            label.setBuddy(field)
            if isinstance(field, QLineEdit):
                label.setMinimumHeight(field.sizeHint().height())
            form.addRow(label, field)
        return labels, form

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Manager approval"))
        self.heading.setText(self.tr("This action needs a manager's approval"))
        summary = (self.tr("Action"), self.tr("Object"), self.tr("Reason"), self.tr("Asked by"))
        for label, text in zip(self._summary_labels, summary, strict=True):
            label.setText(text)
        self.kind.setText(kind_text(self.request.kind))
        self.object.setText(self.detail or self.request.object_ref)
        self.reason.setText(self.request.reason)
        self.requester.setText(
            self.tr("{name} (employee no. {number})").format(
                name=self.user.display_name, number=self.user.employee_no
            )
        )
        self.intro.setText(
            self.tr(
                "A shift manager or an administrator enters their own employee number "
                "and password here. Nobody approves their own action."
            )
            if may_approve(Role.ADMIN, self.request.kind)
            else self.tr(
                "A shift manager enters their own employee number and password here. "
                "Nobody approves their own action."
            )
        )
        credentials = (self.tr("Manager's employee no."), self.tr("Manager's password"))
        for label, text in zip(self._credential_labels, credentials, strict=True):
            label.setText(text)
        self.approver.setPlaceholderText(self.tr("e.g. 2001"))
        self.submit.setText(self.tr("Approve"))
        self.cancel.setText(self.tr("Cancel"))
        self._show_message()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _set_message(self, text: Callable[[], str]) -> None:
        self._message = text
        self._show_message()

    def _show_message(self) -> None:
        self.error.setText(self._message())
        self.error.setVisible(bool(self.error.text()))

    def _submit(self) -> None:
        approver, password = self.approver.text().strip(), self.password.text()
        if not approver or not password:
            self._set_message(
                lambda: self.tr("Please enter the manager's employee number and password.")
            )
            (self.password if approver else self.approver).setFocus()
            return
        user, request = self.user, self.request
        self.attempt.run(
            lambda: self._core.access.grant_approval(user, request, approver, password),
            self._granted,
            self._refused,
        )

    def _granted(self, grant: ApprovalGrant) -> None:
        self.grant = grant
        self.accept()

    def _refused(self, error: HallError) -> None:
        self.password.clear()
        self._set_message(lambda: self._refusal_text(error))  # worded again on a language change
        self.approver.selectAll()
        self.approver.setFocus()

    def _refusal_text(self, error: HallError) -> str:
        if isinstance(error, ApprovalError):
            return self._problem_text(error.problem)
        if not isinstance(error, LoginRefused):
            return problem_text(error)
        if error.reason is RefusalReason.LOCKED:
            until = error.locked_until
            time = local(until, self._core.settings.timezone).strftime("%H:%M") if until else "—"
            return self.tr(
                "This manager's account is locked after too many failed attempts, "
                "until {time}. Please ask another manager."
            ).format(time=time)
        if error.reason is RefusalReason.INACTIVE:
            return self.tr("This manager's account is disabled. Please ask another manager.")
        return self.tr("Employee number or password is incorrect.")

    def _problem_text(self, problem: ApprovalProblem) -> str:
        texts = {
            ApprovalProblem.NO_REASON: self.tr("An approval needs a reason."),
            ApprovalProblem.OWN_ACTION: self.tr(
                "Nobody approves their own action. Please ask a shift manager."
            ),
            ApprovalProblem.NOT_AN_APPROVER: self.tr(
                "This person may not approve this. Money (voids, differences, reprints, late "
                "fees) is approved by a shift manager; a tariff also by an administrator."
            ),
            ApprovalProblem.PASSWORD_NOT_CHANGED: self.tr(
                "This approver still has a password someone else set (a first password or "
                "a reset). They must log in and choose their own password before approving."
            ),
            ApprovalProblem.OTHER_ACTION: self.tr("This approval is for another action or object."),
            ApprovalProblem.USED: self.tr("This approval has been used already."),
        }
        return texts.get(problem, str(problem))
