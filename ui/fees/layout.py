"""Where the fee page's calculator and cart stand.  The lookup and the calculator share the
left column (fields, then the keys' buttons, the basis, the note and the amount, each on its
own line); the detail pane and the cart the right one, so at 1366×768 beside the script
panel no document number, tier note, placeholder or cart line is cut."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from ui.kit.widgets import named


class CalculatorWidgets(Protocol):
    """The page's widgets that have a place here (the page itself, not imported here)."""

    quantity: QLineEdit
    account: QLineEdit
    add_button: QPushButton
    pay_button: QPushButton
    basis_view: QTableView
    message: QLabel
    total: QLabel
    cart_list: QListWidget
    cart_total: QLabel


def lay_out_calculator(page: CalculatorWidgets, frame: QFrame, labels: list[QLabel]) -> None:
    """Quantity and account, the two buttons, the basis, the note, the amount."""
    grid = QGridLayout(frame)
    grid.setContentsMargins(18, 12, 18, 12)
    grid.setHorizontalSpacing(12)
    grid.addWidget(labels[0], 0, 0)
    grid.addWidget(page.quantity, 0, 1)
    grid.addWidget(labels[1], 0, 2)
    grid.addWidget(page.account, 0, 3)
    buttons = QHBoxLayout()
    buttons.setSpacing(12)
    buttons.addStretch(1)
    buttons.addWidget(page.add_button)
    buttons.addWidget(page.pay_button)
    grid.addLayout(buttons, 1, 0, 1, 4)
    grid.addWidget(page.basis_view, 2, 0, 1, 4)
    grid.addWidget(page.message, 3, 0, 1, 4)
    grid.addWidget(page.total, 4, 0, 1, 4)
    grid.setColumnStretch(1, 2)
    grid.setColumnStretch(3, 3)
    grid.setRowStretch(2, 1)


def cart_box(page: CalculatorWidgets, label: QLabel) -> QFrame:
    """The cart beside the calculator, under the detail pane: its lines and total."""
    frame = named(QFrame(), "feeCartBox")
    column = QVBoxLayout(frame)
    column.setContentsMargins(18, 10, 18, 10)
    column.addWidget(label)
    column.addWidget(page.cart_list, 1)
    column.addWidget(page.cart_total)
    return frame
