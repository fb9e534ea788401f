"""Without a receipt printer, F5 offers the waiting receipt's PDF copy for the customer.

Enter saves at the proposed path (the documents folder, the receipt number as the name);
the path can be typed over, or chosen with 选择位置 (Alt+C).  Escape saves nothing.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.kit.widgets import named


class PdfCopyDialog(QDialog):
    def __init__(self, receipt_no: str, target: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("PDF copy of the receipt"))
        self.setMinimumWidth(680)
        text = self.tr(
            "No receipt printer is set up at this counter. Save the PDF copy of receipt "
            "{number} for the customer? The receipt stays waiting for the printer."
        ).format(number=receipt_no)
        self.text = named(QLabel(text, wordWrap=True), "pdfCopyText")
        self.path = named(QLineEdit(str(target)), "pdfCopyPath")
        self.choose = QPushButton(self.tr("&Choose place…"))
        self.choose.setAutoDefault(False)
        self.choose.clicked.connect(self._choose)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save = self.buttons.addButton(
            self.tr("Save PDF"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save.setDefault(True)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.choose)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addLayout(row)
        layout.addWidget(self.buttons)
        self.file_dialog: QFileDialog | None = None
        self.path.selectAll()
        self.path.setFocus()

    def target(self) -> Path:
        path = Path(self.path.text().strip()).expanduser()
        return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")

    def _accept(self) -> None:
        if self.path.text().strip():
            self.accept()
        else:
            self.path.setFocus()

    def _choose(self) -> None:
        dialog = QFileDialog(self, self.tr("Save the PDF copy"), str(self.target()))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("PDF files (*.pdf)"))
        dialog.setDefaultSuffix("pdf")
        dialog.fileSelected.connect(self.path.setText)
        self.file_dialog = dialog
        dialog.open()
