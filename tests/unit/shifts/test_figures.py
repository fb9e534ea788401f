from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from db.domain import PaymentMethod
from hallclient.shifts.figures import (
    MethodFigures,
    ShiftFigures,
    Tally,
    beyond_limit,
    empty_figures,
    tallies,
)

D = Decimal
money = st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False)


@given(money, money, money, money, money)
def test_expected_is_float_plus_receipts_minus_voids_plus_moves(opening, sales, voids, i, o):
    cash = MethodFigures(PaymentMethod.CASH, sales, 3, voids, 1, opening, i, o)
    assert cash.expected == opening + sales - voids + i - o
    assert cash.net == sales - voids and cash.expected_count == 2


def test_non_cash_is_declared_with_its_count_and_cash_is_counted():
    figures = ShiftFigures(
        (
            MethodFigures(PaymentMethod.CASH, D("100.00"), 2, opening=D("250.00")),
            MethodFigures(PaymentMethod.WECHAT, D("80.50"), 3, D("10.00"), 1),
        )
    )
    rows = tallies(
        figures,
        {PaymentMethod.CASH: D("349.00"), PaymentMethod.WECHAT: D("70.50")},
        {PaymentMethod.WECHAT: 2, PaymentMethod.CASH: 99},
    )
    cash, wechat = rows
    assert (cash.expected, cash.difference, cash.declared_count) == (D("350.00"), D("-1.00"), 0)
    assert (wechat.expected, wechat.difference, wechat.count_difference) == (D("70.50"), 0, 0)


def test_an_undeclared_method_counts_as_nothing():
    figures = ShiftFigures((MethodFigures(PaymentMethod.ALIPAY, D("5.00"), 1),))
    (alipay,) = tallies(figures, {}, {})
    assert (alipay.counted, alipay.difference, alipay.count_difference) == (0, D("-5.00"), -1)


def test_beyond_limit_either_way_and_not_at_it():
    rows = [
        Tally(PaymentMethod.CASH, D(100), D(110), 0, 0),
        Tally(PaymentMethod.WECHAT, D(100), D("89.99"), 0, 0),
        Tally(PaymentMethod.ALIPAY, D(100), D("90.00"), 0, 0),
    ]
    assert [t.method for t in beyond_limit(rows, D(10))] == [PaymentMethod.WECHAT]


def test_empty_figures_have_every_method_at_zero():
    figures = empty_figures()
    assert [m.method for m in figures.methods] == list(PaymentMethod)
    assert figures.net == 0 and figures.expected_total == 0
