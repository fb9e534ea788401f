"""The emergency screen: a smell of gas interrupts everything until it is recorded.

The safety words to say at once, the repair centre's 24-hour line in large type, and
one way out: Ctrl+Enter (or the button) makes the emergency referral to repair.  Esc
and the window's close button do nothing until then; if the database cannot be
reached the screen stays, says so, and the clerk tries again.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ui.kit.widgets import named


class EmergencyDialog(QDialog):
    sig_record = Signal()

    def __init__(
        self, script: str, hotline: str, address: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("emergencyDialog")
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.recorded = False
        self.heading = named(QLabel(), "emergencyHeading")
        self.script = named(QLabel(script, wordWrap=True), "emergencyScript")
        self.script.setTextFormat(Qt.TextFormat.PlainText)
        self.hotline = named(QLabel(hotline), "emergencyHotline")
        self.hotline.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.address = named(QLineEdit(address, maxLength=200), "closeComment")
        self.error = named(QLabel(wordWrap=True), "feeMessage")
        self.ok = named(QPushButton(default=True), "dangerButton")
        self.ok.clicked.connect(self.sig_record.emit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 26, 32, 24)
        for widget in (self.heading, self.script, self.hotline, self.address, self.error):
            layout.addWidget(widget)
        layout.addWidget(self.ok, 0, Qt.AlignmentFlag.AlignRight)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.sig_record.emit)
        QShortcut(QKeySequence("Ctrl+Enter"), self, self.sig_record.emit)
        self.setMinimumWidth(640)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Suspected gas leak"))
        self.heading.setText(self.tr("Suspected gas leak: say this to the customer now"))
        self.address.setPlaceholderText(self.tr("Where: the address of the smell"))
        self.ok.setText(self.tr("Told the customer, send the repair team (Ctrl+Enter)"))

    def done_recording(self) -> None:
        self.recorded = True
        self.accept()

    def reject(self) -> None:
        """Esc closes nothing: the emergency is recorded first."""
        if self.recorded:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.recorded:
            super().closeEvent(event)
        else:
            event.ignore()
