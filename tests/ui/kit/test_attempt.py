"""One call for a form: a slow one says so once, giving up frees the form at once, and the
call's late answer still arrives, at the callbacks given when giving up."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from hallclient.errors import DatabaseUnavailableError, HallError
from ui.kit.attempt import Attempt


def _form(qtbot) -> tuple[QWidget, Attempt]:
    form = QWidget()
    QVBoxLayout(form).addWidget(QLineEdit())
    qtbot.addWidget(form)
    form.show()
    return form, Attempt(form)


def test_a_call_that_does_not_answer_is_given_up_and_its_late_answer_goes_elsewhere(qtbot):
    form, attempt = _form(qtbot)
    slow, answered, late = [], [], []
    attempt.sig_slow.connect(lambda: slow.append(True))
    let_go = threading.Event()

    def hanging_call() -> str:
        let_go.wait(timeout=30)
        return "issued"

    attempt.run(hanging_call, answered.append, answered.append)
    qtbot.waitUntil(lambda: slow == [True], timeout=5_000)
    assert attempt.running and not form.isEnabled()
    assert attempt.give_up(late.append, late.append)
    assert not attempt.running and form.isEnabled()
    assert not attempt.give_up(late.append, late.append)  # nothing waits any more
    let_go.set()
    qtbot.waitUntil(lambda: late == ["issued"], timeout=5_000)
    assert answered == [] and slow == [True]


def test_a_quick_call_is_never_called_slow_and_a_late_refusal_arrives_too(qtbot):
    _, attempt = _form(qtbot)
    slow: list[bool] = []
    attempt.sig_slow.connect(lambda: slow.append(True))
    answers: list[str] = []
    attempt.run(lambda: "quick", answers.append, answers.append)
    qtbot.waitUntil(lambda: answers == ["quick"])
    let_go, refused = threading.Event(), []

    def refused_late() -> str:
        let_go.wait(timeout=30)
        raise DatabaseUnavailableError("the server went away")

    def note(error: HallError) -> None:
        refused.append(str(error))

    attempt.run(refused_late, answers.append, note)
    attempt.give_up(answers.append, note)
    let_go.set()
    qtbot.waitUntil(lambda: refused == ["the server went away"], timeout=5_000)
    qtbot.wait(1_100)  # past the moment after which a waiting call is called slow
    assert slow == [] and answers == ["quick"]
