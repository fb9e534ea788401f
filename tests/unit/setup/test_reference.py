import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from hallclient.paths import resources_dir
from hallclient.setup.reference import ReferenceDataError, load_reference

SHIPPED = resources_dir() / "reference"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    copy = tmp_path / "reference"
    shutil.copytree(SHIPPED, copy)
    return copy


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _problems(folder: Path) -> list[str]:
    with pytest.raises(ReferenceDataError) as caught:
        load_reference(folder)
    return [str(p) for p in caught.value.problems]


def test_shipped_reference_data_is_valid():
    data = load_reference(SHIPPED)
    assert {c.prefix for c in data.categories} == {"A", "B", "C", "V"}
    assert "emergency_repair" in {d.code for d in data.departments}
    assert data.schedule.is_demo and "演示" in data.schedule.title
    gas = next(i for i in data.tariff.items if i.code == "G101")
    assert gas.unit_price == Decimal("2.6100") and gas.customer_types == ("residential",)
    assert [band.band for band in data.tariff.bands if band.item_code == "G101"] == [1, 2, 3]
    assert (data.schedule.tier_year_start, data.schedule.household_base) == ("01-01", 4)


def test_problems_name_file_line_and_field(folder):
    _replace(folder / "tariff" / "demo_items.csv", "2.6100", "2.61005")
    _replace(folder / "visit_purposes.csv", "pay_gas,payment", "pay_gas,nowhere")
    _replace(folder / "departments.csv", "028-86000120", "")
    _replace(folder / "service_categories.csv", "business,B", "business,A")
    problems = _problems(folder)
    assert "demo_items.csv:2: unit_price: 2.61005: more than 4 decimal places" in problems
    assert "visit_purposes.csv:2: category_code: 'nowhere' is not defined" in problems
    assert "departments.csv:3: phone: required, but empty" in problems
    assert "service_categories.csv:3: prefix: 'A' repeats line 2" in problems


def test_unknown_customer_type_and_bad_flag(folder):
    _replace(folder / "tariff" / "demo_items.csv", "residential,阶梯", "households,阶梯")
    _replace(folder / "service_categories.csv", ",yes,", ",maybe,")
    problems = _problems(folder)
    assert any(
        p.startswith("demo_items.csv:2: customer_types: unknown customer type households")
        for p in problems
    )
    assert "service_categories.csv:5: priority: must be yes or no" in problems


def test_missing_column_and_bad_schedule(folder):
    _replace(folder / "departments.csv", "hours,", "opening,")
    _replace(folder / "tariff" / "demo_schedule.toml", 'status = "approved"', 'status = "ok"')
    problems = _problems(folder)
    assert "departments.csv:1: hours: column missing from the header" in problems
    assert "demo_schedule.toml:0: status: must be draft, approved or retired" in problems


def test_missing_file_is_a_problem_not_a_crash(folder):
    (folder / "visit_purposes.csv").unlink()
    assert any(p.startswith("visit_purposes.csv:0: (file)") for p in _problems(folder))
