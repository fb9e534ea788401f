import pytest

from hallclient.setup.workplace import counter_name


@pytest.mark.parametrize(
    ("code", "expected"), [("C01", "1 号窗口"), ("C12", "12 号窗口"), ("VIP", "VIP 号窗口")]
)
def test_counter_name_is_what_a_customer_hears(code, expected):
    assert counter_name(code) == expected
