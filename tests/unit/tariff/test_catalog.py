"""Finding items as the clerk types."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from hallclient.pinyin import initials
from hallclient.tariff.catalog import Catalog, normalise_query
from hallclient.tariff.rules import Category, PricedItem, ScheduleRef

REF = ScheduleRef("T-1", "测试收费标准", "测价〔2026〕1号", "测试物价局", dt.date(2026, 1, 1), None)
NAMES = {
    "S105": "过户费",
    "S101": "通气点火服务费",
    "S102": "燃气表校验费",
    "G101": "居民生活用气",
    "M101": "燃气表具(G2.5)",
    "GH01": "钢管",
    "B101": "补缴燃气费(稽查核定)",
}


def _item(code: str, name: str) -> PricedItem:
    return PricedItem(
        code, name, initials(name), Category.SERVICE_FEE, "次", Decimal(1), (), "", REF
    )


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return Catalog([_item(code, name) for code, name in NAMES.items()])


def _codes(catalog: Catalog, query: str) -> list[str]:
    return [item.code for item in catalog.search(query)]


@pytest.mark.parametrize("query", ["GHF", "ghf", "ＧＨＦ", " g h f "])
def test_pinyin_initials_find_the_transfer_fee(catalog, query):
    assert _codes(catalog, query)[0] == "S105"


def test_an_exact_code_comes_before_initials_and_names(catalog):
    assert _codes(catalog, "gh01") == ["GH01"]
    assert _codes(catalog, "GH")[:2] == ["GH01", "S105"]  # code prefix, then initials


def test_a_name_fragment_finds_every_item_containing_it(catalog):
    assert _codes(catalog, "燃气表") == ["M101", "S102"]  # both start with it, by code
    assert set(_codes(catalog, "燃气")) == {"M101", "S102", "B101"}


def test_an_empty_query_lists_everything_by_code(catalog):
    assert _codes(catalog, "") == sorted(NAMES)


def test_nothing_found_is_an_empty_list(catalog):
    assert catalog.search("zzzz") == []


def test_queries_are_normalised():
    assert normalise_query(" ＧＨ Ｆ１ ") == "ghf1"
