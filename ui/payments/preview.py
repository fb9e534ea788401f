"""The receipt preview beside the payment: the raster the printer was sent, on screen."""

from __future__ import annotations

from PIL import Image
from PIL.ImageQt import ImageQt
from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QLabel, QScrollArea, QWidget

from ui.kit.widgets import named

PREVIEW_WIDTH = 400  # at most (a 58 mm receipt at its own size); less in a small window


class ReceiptPreview(QScrollArea):
    """A scrolling column showing one receipt image as wide as fits, never side-scrolled."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = named(QLabel(), "receiptPreview")
        self.label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.setWidget(self.label)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidgetResizable(True)
        self.setMinimumWidth(320)

    def show_image(self, image: Image.Image) -> None:
        pixmap = QPixmap.fromImage(ImageQt(image.convert("RGB")).copy())  # owns its pixels
        room = self.width() - self.verticalScrollBar().sizeHint().width() - 2 * self.frameWidth()
        width = max(min(pixmap.width(), PREVIEW_WIDTH, room), 200)  # fits without side scrolling
        self.label.setPixmap(
            pixmap.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
        )
