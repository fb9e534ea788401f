"""A fixed receipt for printing tests: tiered gas, a fee, split payment with change."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

from db.domain import PaymentMethod, ReceiptKind
from hallclient.printing.receipt_layout import Heading
from hallclient.receipts.record import GENESIS, LineRecord, PaymentRecord, ReceiptRecord
from hallclient.setup.workplace import Workplace

HEADING = Heading("城东燃气有限公司", "燃气营业厅", "1 号窗口", "96777", "Asia/Shanghai")
PLACE = Workplace("H01", "燃气营业厅", "C01", "1 号窗口")  # where the sample was issued
DOC = "测价〔2026〕1号"


def sample_record(**changes: object) -> ReceiptRecord:
    lines = (
        LineRecord(
            1,
            "G101",
            "居民生活用气",
            1,
            "T-1",
            DOC,
            Decimal("300.000"),
            "m³",
            Decimal("2.6100"),
            Decimal("783.00"),
        ),
        LineRecord(
            1,
            "G101",
            "居民生活用气",
            2,
            "T-1",
            DOC,
            Decimal("50.000"),
            "m³",
            Decimal("3.1300"),
            Decimal("156.50"),
        ),
        LineRecord(
            2,
            "S105",
            "过户费",
            None,
            "T-1",
            DOC,
            Decimal("1.000"),
            "户",
            Decimal("30.0000"),
            Decimal("30.00"),
        ),
    )
    record = ReceiptRecord(
        series="H01-C01-2026",
        number=1,
        receipt_no="H01-C01-2026-000001",
        kind=ReceiptKind.SALE,
        hall_code="H01",
        counter_code="C01",
        clerk_employee_no="1001",
        clerk_name="王丽",
        account_no="1028100001",
        customer_name="张伟",
        issued_at=dt.datetime(2026, 11, 26, 1, 2, 3, tzinfo=dt.UTC),
        total=Decimal("969.50"),
        cash_tendered=Decimal("500.00"),
        change=Decimal("30.50"),
        lines=lines,
        payments=(
            PaymentRecord(PaymentMethod.WECHAT, Decimal("500.00"), "4200001234567890"),
            PaymentRecord(PaymentMethod.CASH, Decimal("469.50"), ""),
        ),
        prev_hash=GENESIS,
    )
    return replace(record, **changes).sealed()  # type: ignore[arg-type]
