"""Where the intake page's widgets stand: the ticket line above, the account search, its
results and the account panel on the left, the purpose and notes on the right, the
message and the keys below."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableView,
    QVBoxLayout,
)

from ui.words.phrase_watch import PhraseWatch


class IntakeWidgets(Protocol):
    """The page's widgets that have a place (the page itself, not imported here)."""

    ticket: QLabel
    stage: QLabel
    waiting: QLabel
    search: QLineEdit
    results: QTableView
    panel: QLabel
    purpose: QComboBox
    notes: QPlainTextEdit
    notes_phrases: PhraseWatch
    message: QLabel
    keys: QLabel


def lay_out(page: IntakeWidgets, labels: list[QLabel]) -> QGridLayout:
    """The page's grid; the page sets it as its layout."""
    side = QVBoxLayout()
    for label, widget in zip(labels, (page.purpose, page.notes), strict=True):
        label.setBuddy(widget)
        side.addWidget(label)
        side.addWidget(widget)
    side.addWidget(page.notes_phrases.label)
    grid = QGridLayout()
    grid.setContentsMargins(24, 18, 24, 18)
    grid.setHorizontalSpacing(18)
    top = QHBoxLayout()
    top.setSpacing(14)
    top.addWidget(page.ticket)
    top.addWidget(page.stage, 0, Qt.AlignmentFlag.AlignVCenter)
    top.addStretch(1)
    top.addWidget(page.waiting)
    grid.addLayout(top, 0, 0, 1, 3)
    grid.addWidget(page.search, 1, 0, 1, 2)
    grid.addWidget(page.results, 2, 0, 1, 2)
    grid.addWidget(page.panel, 3, 0, 1, 2)
    grid.addLayout(side, 1, 2, 3, 1)
    grid.addWidget(page.message, 4, 0, 1, 3)
    grid.addWidget(page.keys, 5, 0, 1, 3)
    grid.setColumnStretch(0, 2)
    grid.setColumnStretch(1, 1)
    grid.setColumnStretch(2, 2)
    grid.setRowStretch(2, 1)
    return grid
