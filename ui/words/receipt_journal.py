"""The words for a series the counter's journal stopped: the server lacks receipts issued
here, or holds others under their numbers (see :mod:`hallclient.receipts.journal`)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from hallclient.receipts.errors import SeriesGapKind, SeriesStoppedError, number_ranges


def series_stopped_text(error: SeriesStoppedError) -> str:
    numbers = number_ranges(error.numbers)
    if error.kind is SeriesGapKind.DIFFERS_ON_SERVER:
        text = QCoreApplication.translate(
            "ReceiptJournal",
            "The database holds other receipts under numbers {numbers} of series {series} "
            "than this counter issued. No payment can be taken on this series until IT has "
            "compared them; please call IT support.",
        )
    else:
        text = QCoreApplication.translate(
            "ReceiptJournal",
            "Receipts {numbers} of series {series} were saved, but the database no longer "
            "has them (a server failover, or a restore from a backup). So that no number is "
            "given twice, no payment can be taken on this series. Please call IT support: an "
            "administrator runs “hallclient receipts restore-from-counter” on this PC.",
        )
    return text.format(numbers=numbers, series=error.series)
