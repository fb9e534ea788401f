"""The tariff as cities publish it: free items, abolished fees, every approved decimal,
a household's uplift cap -- read from files, exported and read back, priced without a
database."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from hallclient.tariff.errors import AbolishedFeeError
from hallclient.tariff.importing import TariffImportError, read_tariff, write_tariff
from hallclient.tariff.pricing import AccountFacts, Pricer
from hallclient.tariff.rules import Band, Category, PricedItem, ScheduleRef, TierPlan

EXAMPLE = Path(__file__).resolve().parents[3] / "docs" / "examples" / "published-tariff"
REF = ScheduleRef("P-1", "示例", "示价〔2026〕18号", "示例市发改委", dt.date(2026, 1, 1), None)
DAY = dt.date(2026, 6, 1)
HEADER = "编码,名称,类别,单位,单价,适用客户,备注,取消依据"
BAND_HEADER = "项目编码,档次,上限,单价,每增一人增加,每户最多增加"
GAS = "G101,居民生活用气,燃气,m³,2.881,居民,,"


def _example() -> tuple[Path, Path, Path]:
    return EXAMPLE / "items.csv", EXAMPLE / "tiers.csv", EXAMPLE / "late_fees.csv"


def _csv(folder: Path, name: str, lines: list[str]) -> Path:
    path = folder / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _problems(items: Path, tiers: Path | None = None) -> list[str]:
    with pytest.raises(TariffImportError) as caught:
        read_tariff(items, tiers)
    return [str(problem) for problem in caught.value.problems]


def test_the_documented_example_imports_as_published():
    tariff = read_tariff(*_example())
    items = {item.code: item for item in tariff.items}
    assert items["G101"].unit_price == Decimal("2.881")  # every approved decimal kept
    assert items["S201"].unit_price == 0 and items["S202"].unit_price == 0  # 免费
    abolished = [item for item in tariff.items if item.category is Category.ABOLISHED]
    assert {item.name for item in abolished} == {"开户费", "通气费", "点火费"}
    assert {item.abolished_by for item in abolished} == {"国办函〔2020〕129号"}
    assert [band.uplift_cap_m3 for band in tariff.bands] == [Decimal(150), Decimal(150), None]
    assert len(tariff.late_fees) == 4


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ("X1,开户费,已取消,,,居民,,", "abolished_by: required for an abolished fee"),
        ("X1,开户费,已取消,户,50,居民,,国办函〔2020〕129号", "an abolished fee has no price"),
        ("S1,过户费,服务费,户,30,居民,,国办函〔2020〕129号", "only an abolished fee (已取消)"),
        ("G9,商业用气,燃气,m³,0,商业,,", "only a service or material may be free"),
        ("D9,保证金,押金,户,免费,商业,,", "only a service or material may be free"),
        ("S1,过户费,服务费,,30,居民,,", "unit: required, but empty"),
    ],
    ids=["no-document", "abolished-price", "document-on-a-fee", "free-gas", "free-deposit", "unit"],
)
def test_a_published_row_that_cannot_be_right_is_named(tmp_path, row, expected):
    problems = _problems(_csv(tmp_path, "items.csv", [HEADER, GAS, row]))
    assert len(problems) == 1 and problems[0].startswith("items.csv:3") and expected in problems[0]


@pytest.mark.parametrize("price", ["", "0", "已取消", "取消"])
def test_an_abolished_fee_is_written_without_a_price(tmp_path, price):
    row = f"X1,开户费,已取消,,{price},居民,,国办函〔2020〕129号"
    item = read_tariff(_csv(tmp_path, "items.csv", [HEADER, row])).items[0]
    assert (item.category, item.unit, item.unit_price) == (Category.ABOLISHED, "", 0)


@pytest.mark.parametrize(
    ("bands", "expected"),
    [
        (["G101,1,360,2.881,,150", "G101,2,,3.457,,"], "needs an uplift per person to cap"),
        (["G101,1,360,2.881,60,0", "G101,2,,3.457,,"], "above 0 and at most"),
    ],
    ids=["cap-without-uplift", "zero-cap"],
)
def test_a_household_cap_needs_an_uplift_to_cap(tmp_path, bands, expected):
    items = _csv(tmp_path, "items.csv", [HEADER, GAS])
    problems = _problems(items, _csv(tmp_path, "tiers.csv", [BAND_HEADER, *bands]))
    assert len(problems) == 1 and "uplift_cap_m3" in problems[0] and expected in problems[0]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_free_abolished_and_capped_survive_export_and_import(tmp_path, suffix):
    tariff = read_tariff(*_example())
    path = tmp_path / f"again{suffix}"
    write_tariff(tariff, path)
    tiers = path.with_name("again.tiers.csv") if suffix == ".csv" else None
    late = path.with_name("again.late_fees.csv") if suffix == ".csv" else None
    assert read_tariff(path, tiers, late) == tariff


def _plan(cap: Decimal | None) -> TierPlan:
    bands = (
        Band(1, Decimal(360), Decimal("2.881"), Decimal(60), cap),
        Band(2, Decimal(600), Decimal("3.457"), Decimal(60), cap),
        Band(3, None, Decimal("4.322")),
    )
    return TierPlan(bands, household_base=4)


@pytest.mark.parametrize(
    ("size", "cap", "limits"),
    [
        (4, Decimal(150), (360, 600)),
        (6, Decimal(150), (480, 720)),  # 2 more people: 120 more, under the cap
        (7, Decimal(150), (510, 750)),  # 3 more: 180 capped to 150
        (12, Decimal(150), (510, 750)),
        (12, None, (840, 1080)),  # no cap: 8 × 60
    ],
)
def test_the_uplift_stops_at_the_household_cap(size, cap, limits):
    assert _plan(cap).limits(size)[:2] == tuple(Decimal(limit) for limit in limits)


def _item(code: str, category: Category, price: str, abolished_by: str = "") -> PricedItem:
    price_ = Decimal(price)
    types = ("residential",)
    return PricedItem(code, code, "", category, "次", price_, types, "", REF, None, abolished_by)


def test_an_abolished_fee_is_never_quoted_and_a_free_one_costs_nothing():
    pricer = Pricer(
        [
            _item("X301", Category.ABOLISHED, "0", "国办函〔2020〕129号"),
            _item("S201", Category.SERVICE_FEE, "0"),
        ],
        DAY,
    )
    account = AccountFacts("1", "residential", 3)
    for facts in (None, account):
        with pytest.raises(AbolishedFeeError) as refused:
            pricer.quote("X301", Decimal(1), facts)
        assert refused.value.document == "国办函〔2020〕129号"
    free = pricer.quote("S201", Decimal(2), account)
    assert free.amount == 0 and [line.subtotal for line in free.lines] == [0]
    assert pricer.items["S201"].free and not pricer.items["X301"].free
