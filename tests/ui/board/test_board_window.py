"""The call board on a real SQLite database: a call at a counter shows and is said, once."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

from db.domain import Urgency
from hallclient.referrals import service
from hallclient.referrals.informants import Informant
from hallclient.referrals.service import NewReferral
from tests.db.referrals.test_informants import CANARY_NAME, CANARY_PHONE
from tests.ui.board.board_ui_helpers import board_on, board_texts
from tests.ui.sessions import clerk_after_first_login


def test_a_call_shows_on_the_board_and_is_said_once(app, private_core, qtbot):
    core = private_core
    clerk = clerk_after_first_login(core)
    for category in ("payment", "payment", "business"):
        core.intake.issue_ticket(clerk, category)
    earlier = core.intake.call_next(clerk)  # before the board: shown, never said
    assert earlier is not None
    spoken: list[str] = []
    board = board_on(qtbot, core, spoken)
    qtbot.waitUntil(lambda: board.state is not None, timeout=10_000)
    assert "A001" in board_texts(board) and spoken == []

    called = core.intake.call_next(clerk)
    assert called is not None
    qtbot.waitUntil(lambda: board.banner.text() == "请A002号顾客到1号窗口办理", timeout=10_000)
    assert spoken == ["请 A 零 零 二 号顾客，到1号窗口办理"]
    assert board.banner.property("fresh") is True
    assert board.recent[0].text().startswith("A002　1号窗口")
    texts = board_texts(board)
    assert "缴费　等候 0 人" in texts and "业务办理　等候 1 人" in texts

    core.intake.recall(clerk, called.ticket.id)
    qtbot.waitUntil(lambda: len(spoken) == 2, timeout=10_000)
    assert spoken[1] == spoken[0]
    qtbot.wait(600)  # two more reads: nothing is said again
    assert len(spoken) == 2


def test_the_board_waits_for_its_database_and_starts_by_itself(
    app, private_core, qtbot, tmp_path: Path
):
    core = private_core
    blocked = tmp_path / "hall" / "board.sqlite3"
    blocked.mkdir(parents=True)  # a folder where the file should be: it cannot be opened
    settings = replace(core.settings, database_url=f"sqlite:///{blocked.as_posix()}")
    board = board_on(qtbot, core, [], settings)
    qtbot.waitUntil(lambda: board.status.text() == "排队数据暂时无法读取，正在重试…")
    assert board.property("stale") is True

    blocked.rmdir()
    shutil.copyfile(core.settings.database_url.removeprefix("sqlite:///"), blocked)
    qtbot.waitUntil(lambda: board.state is not None, timeout=10_000)
    assert board.status.text() == "" and board.property("stale") is False


def test_the_informant_never_appears_on_the_board(app, private_core, qtbot):
    core = private_core
    clerk = clerk_after_first_login(core)
    report = NewReferral(
        "inspection",
        Urgency.URGENT,
        "邻居家疑似私接管道、绕表偷气，请稽查",
        informant=Informant(CANARY_NAME, CANARY_PHONE, "晚上方便联系"),
    )
    service.refer(core.database, core.context(clerk), report)
    core.intake.issue_ticket(clerk, "payment")
    spoken: list[str] = []
    board = board_on(qtbot, core, spoken)
    qtbot.waitUntil(lambda: board.state is not None, timeout=10_000)
    core.intake.call_next(clerk)
    qtbot.waitUntil(lambda: bool(spoken), timeout=10_000)
    shown = "\n".join([*board_texts(board), *spoken])
    assert CANARY_NAME not in shown and CANARY_PHONE not in shown
