"""Response targets in hours and minutes, in Chinese and in English."""

from __future__ import annotations

import pytest

from ui.words.durations import duration_text


@pytest.mark.parametrize(
    ("minutes", "chinese", "english"),
    [
        (150, "2 小时 30 分钟", "2 h 30 min"),
        (1440, "24 小时", "24 h"),
        (4320, "72 小时", "72 h"),
        (30, "30 分钟", "30 min"),
        (61, "1 小时 1 分钟", "1 h 1 min"),
    ],
)
def test_a_target_reads_in_hours_and_minutes(app, minutes, chinese, english):
    assert duration_text(minutes) == chinese
    app.set_language("en")
    assert duration_text(minutes) == english
