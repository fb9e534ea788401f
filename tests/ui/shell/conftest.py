"""What the shell's tests share: the whole course started as ``ui.shell.app`` starts it."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from hallclient.config import Settings
from ui.shell.course import Shell


@pytest.fixture
def make_shell(qtbot, app) -> Iterator[Callable[[Settings], Shell]]:
    """Start a shell on ``settings``; afterwards every window it opened is closed."""
    shells: list[Shell] = []

    def make(settings: Settings) -> Shell:
        shell = Shell(settings, app)
        qtbot.addWidget(shell.login)
        shells.append(shell)
        shell.start()
        return shell

    yield make
    for shell in shells:
        if shell.waiting is not None:
            shell.waiting.hide()
        if shell.main_window is not None:
            shell.main_window.close()
        shell.shutdown()
