"""The rating panel alone: a level first, then ready reasons that fit it and words of the
customer's own, sent as one reason; nothing to send before a level is tapped."""

from __future__ import annotations

from PySide6.QtCore import Qt

from db.domain import RatingLevel
from tests.ui.helpers import type_text
from ui.customer_screen.rating_panel import RatingPanel

LEFT = Qt.MouseButton.LeftButton


def _shown_reasons(panel: RatingPanel) -> list[str]:
    return [button.text() for button in panel.reasons if button.isVisibleTo(panel)]


def test_a_level_then_reasons_that_fit_it_and_own_words(qtbot, app):
    panel = RatingPanel()
    qtbot.addWidget(panel)
    panel.show()
    assert not panel.submit.isVisibleTo(panel) and _shown_reasons(panel) == []
    qtbot.mouseClick(panel.level_button(RatingLevel.VERY_SATISFIED), LEFT)
    assert _shown_reasons(panel) == ["办理快捷", "热情耐心", "解释清楚"]
    qtbot.mouseClick(panel.reasons[0], LEFT)
    qtbot.mouseClick(panel.level_button(RatingLevel.DISSATISFIED), LEFT)  # changed their mind
    assert _shown_reasons(panel) == ["等候时间长", "态度不好", "解释不清楚", "收费有疑问"]
    assert not any(button.isChecked() for button in panel.reasons)  # praise does not follow
    qtbot.mouseClick(panel.reasons[0], LEFT)
    qtbot.mouseClick(panel.reasons[3], LEFT)
    type_text(panel.other, "  燃气费比上月高很多 ")
    with qtbot.waitSignal(panel.sig_submitted) as sent:
        qtbot.mouseClick(panel.submit, LEFT)
    assert sent.args == [RatingLevel.DISSATISFIED, "等候时间长；收费有疑问；燃气费比上月高很多"]
    panel.reset()
    assert panel.level is None and panel.other.text() == "" and _shown_reasons(panel) == []
