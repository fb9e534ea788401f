"""Small helpers for widgets built in code."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QAbstractItemModel, QObject
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

W = TypeVar("W", bound=QObject)


def named(widget: W, name: str) -> W:
    """Give ``widget`` an object name (the style sheet's ``#name`` selectors) and return it."""
    widget.setObjectName(name)
    return widget


def table_view(model: QAbstractItemModel, name: str, stretch: int) -> QTableView:
    """A read-only table of whole rows, columns sized to their contents but ``stretch``;
    the view takes ownership of a model that has no parent."""
    view = named(QTableView(), name)
    if model.parent() is None:
        # Qt owns the model from now on: a Python-owned model could be collected by Python's
        # garbage collector on a pool thread, deleting a QObject outside the GUI thread.
        model.setParent(view)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    view.setAlternatingRowColors(True)
    return view


def is_plain(event: QKeyEvent) -> bool:
    """No modifier held (the keypad's own flag aside): Enter, not Ctrl+Enter."""
    from PySide6.QtCore import Qt  # kept off the login dialog's first paint (ui.access.login)

    return event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
