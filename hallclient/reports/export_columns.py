"""The columns of each export sheet: title, width, and whether it holds money.

Kept as tables so that a column's title, its width and its money format stay on one
line; :func:`titles`, :func:`widths` and :func:`money` read them for the writer.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from hallclient.printing.receipt_layout import METHOD_NAMES
from hallclient.shifts.figures import INCOME_ORDER, METHODS
from hallclient.shifts.report_layout import CATEGORY_NAMES


class Column(NamedTuple):
    title: str
    width: int
    money: bool = False


Columns = Sequence[Column]

RECEIPTS: Columns = (
    Column("票据号", 20),
    Column("类型", 6),
    Column("开具时间", 19),
    Column("窗口", 6),
    Column("收费员工号", 10),
    Column("收费员", 10),
    Column("户号", 12),
    Column("户名", 10),
    Column("合计", 11, money=True),
    *(Column(METHOD_NAMES[m], 11, money=True) for m in METHODS),
    Column("实收现金", 11, money=True),
    Column("找零", 11, money=True),
    Column("班次", 6),
    Column("作废票据", 20),
    Column("校验哈希", 66),
)

LINES: Columns = (
    Column("票据号", 20),
    Column("行", 4),
    Column("项目编码", 9),
    Column("项目名称", 18),
    Column("档", 4),
    Column("收费标准", 14),
    Column("批复文号", 22),
    Column("数量", 9),
    Column("单位", 5),
    Column("单价", 9),
    Column("账单号", 18),
    Column("金额", 11),
)

VOIDS: Columns = (
    Column("作废凭证", 20),
    Column("原票据", 20),
    Column("退回金额", 11, money=True),
    Column("原因", 24),
    Column("批准人工号", 10),
    Column("收费员工号", 10),
    Column("时间", 19),
)

SHIFTS: Columns = (
    Column("班次", 6),
    Column("营业日", 11),
    Column("窗口", 6),
    Column("收费员工号", 10),
    Column("收费员", 10),
    Column("开班", 19),
    Column("交班", 19),
    Column("状态", 18),
    Column("备用金", 11, money=True),
    Column("清点轮次", 6),
    *(Column(f"{METHOD_NAMES[m]}应有", 12, money=True) for m in METHODS),
    *(Column(f"{METHOD_NAMES[m]}实点", 12, money=True) for m in METHODS),
    Column("审核人", 8),
    *(Column(CATEGORY_NAMES[kind], 11, money=True) for kind in INCOME_ORDER),
    Column("缴纳账单张数", 8),
)


def titles(columns: Columns) -> list[str]:
    return [column.title for column in columns]


def widths(columns: Columns) -> list[int]:
    return [column.width for column in columns]


def money(columns: Columns) -> frozenset[int]:
    """The positions written with the yuan format."""
    return frozenset(i for i, column in enumerate(columns) if column.money)
