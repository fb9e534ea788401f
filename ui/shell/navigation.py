"""The left navigation list: one row per work area, its keyboard shortcut shown on the right."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeySequence, QPainter, QPalette
from PySide6.QtWidgets import (
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

SHORTCUT_ROLE = Qt.ItemDataRole.UserRole + 1
_RIGHT_MARGIN = 14


def page_shortcut(row: int) -> QKeySequence:
    """Ctrl+1 … Ctrl+9 for the pages in navigation order."""
    return QKeySequence(Qt.Modifier.CTRL | Qt.Key(Qt.Key.Key_1.value + row))


class _ShortcutDelegate(QStyledItemDelegate):
    """Draws the row as usual, then its shortcut right-aligned in a quieter colour."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        super().paint(painter, option, index)
        shortcut = index.data(SHORTCUT_ROLE)
        if not shortcut:
            return
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        roles = QPalette.ColorRole
        role = roles.HighlightedText if selected else roles.PlaceholderText
        painter.save()
        painter.setPen(option.palette.color(role))
        rect = option.rect.adjusted(0, 0, -_RIGHT_MARGIN, 0)
        align = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(rect, align, shortcut)
        painter.restore()


class NavigationList(QListWidget):
    """Area names in order; the current row is the page shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("navigation")
        self.setItemDelegate(_ShortcutDelegate(self))
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setUniformItemSizes(True)

    def set_labels(self, labels: list[str]) -> None:
        """Create or rename the rows, keeping the current one."""
        for row, label in enumerate(labels):
            item = self.item(row) or QListWidgetItem(self)
            shortcut = page_shortcut(row).toString(QKeySequence.SequenceFormat.NativeText)
            item.setText(label)
            item.setData(SHORTCUT_ROLE, shortcut)
            item.setToolTip(f"{label} ({shortcut})")
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{label}, {shortcut}")
