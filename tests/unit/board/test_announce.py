"""What the board shows and says for every category and counter of the demo hall."""

from __future__ import annotations

import pytest

from hallclient import paths
from hallclient.board.announce import (
    Announcement,
    shown_text,
    spoken_label,
    spoken_text,
    window_name,
)
from hallclient.setup.demo import DEMO_COUNTERS
from hallclient.setup.reference import load_reference
from hallclient.setup.workplace import counter_name
from tests.db.intake_helpers import COUNTERS

PREFIXES = [c.prefix for c in load_reference(paths.resources_dir() / "reference").categories]
NUMERALS = "零一二三四五六七八九"


def test_the_demo_reference_data_has_the_four_queues() -> None:
    assert sorted(PREFIXES) == ["A", "B", "C", "V"]


@pytest.mark.parametrize("code", sorted({*DEMO_COUNTERS, *COUNTERS}))
def test_every_demo_counter_is_its_number_window(code: str) -> None:
    number = int(code.removeprefix("C"))
    assert window_name(code, counter_name(code)) == f"{number}号窗口"


@pytest.mark.parametrize("prefix", PREFIXES)
@pytest.mark.parametrize("counter", DEMO_COUNTERS)
def test_every_category_at_every_demo_counter(prefix: str, counter: str) -> None:
    window = window_name(counter, counter_name(counter))
    call = Announcement(1, 1, f"{prefix}012", window)
    assert call.text == f"请{prefix}012号顾客到{int(counter[1:])}号窗口办理"
    assert call.speech == f"请 {prefix} 零 一 二 号顾客，到{int(counter[1:])}号窗口办理"


@pytest.mark.parametrize(
    ("code", "name", "window"),
    [
        ("C10", "10 号窗口", "10号窗口"),  # two digits: said as ten, a window number
        ("C03", "", "3号窗口"),
        ("2F-12", "二楼 12 号窗口", "12号窗口"),  # the last digits name the window
        ("VIP", "贵宾 窗口", "贵宾窗口"),  # no digits: the registered name
        ("VIP", "", "VIP"),  # no digits, no name: the code as it is
        ("C00", "", "0号窗口"),
    ],
)
def test_window_names(code: str, name: str, window: str) -> None:
    assert window_name(code, name) == window


@pytest.mark.parametrize(
    ("label", "spoken"),
    [
        ("A001", "A 零 零 一"),
        ("V100", "V 一 零 零"),
        ("B999", "B 九 九 九"),
        ("A1000", "A 一 零 零 零"),  # past 999 the number grows a digit
        ("AB07", "A B 零 七"),  # a two-letter prefix: each letter on its own
    ],
)
def test_ticket_numbers_are_spelled_digit_by_digit(label: str, spoken: str) -> None:
    assert spoken_label(label) == spoken
    assert not any(char.isdigit() for char in spoken)


def test_the_board_shows_the_plain_number_and_the_voice_the_spelled_one() -> None:
    assert shown_text("A012", "3号窗口") == "请A012号顾客到3号窗口办理"
    spoken = spoken_text("A012", "3号窗口")
    assert "A 零 一 二" in spoken and "3号窗口" in spoken
    assert set(spoken) >= set(NUMERALS[:3])
