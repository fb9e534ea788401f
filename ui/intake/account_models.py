"""The accounts found by the intake search, as a table model (no widgets here)."""

from __future__ import annotations

from hallclient.intake.account_search import AccountHit
from ui.kit.i18n import QT_TRANSLATE_NOOP
from ui.kit.table_model import RowsTableModel
from ui.words.tariff import customer_types_text


def masked_phone(phone: str) -> str:
    """138****1111: enough to confirm with the customer, not enough to read out."""
    return phone[:3] + "****" + phone[-4:] if len(phone) >= 8 else phone


class AccountTableModel(RowsTableModel[AccountHit]):
    COL_ACCOUNT, COL_NAME, COL_PHONE, COL_ADDRESS, COL_TYPE = range(5)
    CONTEXT = "AccountModels"
    HEADERS = (
        QT_TRANSLATE_NOOP("AccountModels", "Account no."),
        QT_TRANSLATE_NOOP("AccountModels", "Name"),
        QT_TRANSLATE_NOOP("AccountModels", "Phone"),
        QT_TRANSLATE_NOOP("AccountModels", "Address"),
        QT_TRANSLATE_NOOP("AccountModels", "Type"),
    )

    def display(self, row: AccountHit, column: int) -> str:
        texts = (
            row.account_no,
            row.name,
            masked_phone(row.phone),
            row.address,
            customer_types_text((row.customer_type,)),
        )
        return texts[column]
