"""The board's voice with the machine's real engine (speech-dispatcher + espeak-ng here).

Each test starts a speech-dispatcher of its own on a socket of its own (the user's may be
busy, or stuck in its shutdown holding its socket, which hangs every client).  Skipped, with
the reason, where Qt's speech module, its speechd engine or speech-dispatcher is missing.
"""

from __future__ import annotations

import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.ui.board.board_ui_helpers import board_on
from tests.ui.sessions import clerk_after_first_login
from ui.board.voice import Voice

# Qt Multimedia looks for PipeWire when an engine loads and speaks: no fault of the voice
# (on the test itself: the UI tests' own qt_log_ignore would otherwise be the closest)
PIPEWIRE_LOOKUP = pytest.mark.qt_log_ignore(
    "Couldn't (load|resolve) pipewire", "propagateSizeHints"
)


def _engines() -> list[str]:
    try:
        from PySide6.QtTextToSpeech import QTextToSpeech
    except ImportError as error:
        pytest.skip(f"Qt TextToSpeech cannot be loaded here: {error}")
    return list(QTextToSpeech.availableEngines())


@pytest.fixture
def speech_dispatcher(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A speech-dispatcher of this test's own; its socket is what Qt's engine connects to."""
    binary = shutil.which("speech-dispatcher")
    if binary is None or "speechd" not in _engines():
        pytest.skip("no speech-dispatcher, or no speechd engine in Qt TextToSpeech")
    folder = Path(tempfile.mkdtemp(prefix="hallclient-sd-", dir="/tmp"))  # a short socket path
    address = folder / "speechd.sock"
    server = subprocess.Popen(
        [binary, "-s", "-t", "0", "-c", "unix_socket", "-S", str(address), *_files(folder)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while not address.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    monkeypatch.setenv("SPEECHD_ADDRESS", f"unix_socket:{address}")
    try:
        yield address
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(3)
        except subprocess.TimeoutExpired:  # it can hang closing its output module
            server.kill()
            server.wait(3)
        shutil.rmtree(folder, ignore_errors=True)


def _files(folder: Path) -> list[str]:
    """Its pid file and logs in the test's folder: never the user's (which say "already
    running" while a stuck one of theirs is about)."""
    return ["-P", str(folder / "pid"), "-L", str(folder)]


def _voice(qtbot, engine: str) -> Voice:
    """The voice once it is open or has failed."""
    voice = Voice(engine)
    voice.start()
    qtbot.waitUntil(
        lambda: voice.voice_name is not None or voice.problem is not None, timeout=15_000
    )
    return voice


@PIPEWIRE_LOOKUP
def test_the_real_engine_reads_an_announcement_in_mandarin(app, qtbot, speech_dispatcher):
    voice = _voice(qtbot, "speechd")
    try:
        assert voice.problem is None, voice.problem
        assert "Chinese" in (voice.voice_name or "") or "Mandarin" in (voice.voice_name or "")
        states: list[str] = []
        voice.state_changed.connect(states.append)
        voice.announce("请 A 零 一 二 号顾客，到3号窗口办理")
        qtbot.waitUntil(lambda: "Speaking" in states, timeout=10_000)
    finally:
        assert voice.close()


@PIPEWIRE_LOOKUP
def test_the_mock_engine_is_no_voice(app, qtbot):
    if "mock" not in _engines():
        pytest.skip("Qt TextToSpeech has no mock engine here")
    voice = _voice(qtbot, "mock")
    try:
        assert voice.voice_name is None and voice.problem == "本机没有语音引擎"
    finally:
        assert voice.close()


@PIPEWIRE_LOOKUP
def test_a_broken_engine_leaves_the_board_running_with_the_notice(
    app, private_core, qtbot, monkeypatch, tmp_path
):
    if "speechd" not in _engines():
        pytest.skip("no speechd engine in Qt TextToSpeech")
    monkeypatch.setenv("SPEECHD_ADDRESS", f"unix_socket:{tmp_path / 'nobody-listens.sock'}")
    core = private_core
    clerk = clerk_after_first_login(core)
    core.intake.issue_ticket(clerk, "repair")
    board = board_on(qtbot, core, [])
    voice = Voice("speechd", parent=board)
    voice.unavailable.connect(board.show_voice_problem)
    board.speak = voice.announce
    try:
        voice.start()
        qtbot.waitUntil(lambda: voice.problem is not None, timeout=15_000)
        assert board.voice_note.text().startswith("语音播报不可用：speechd")
        qtbot.waitUntil(lambda: board.state is not None, timeout=10_000)
        core.intake.call_next(clerk)
        qtbot.waitUntil(lambda: board.banner.text() == "请C001号顾客到1号窗口办理", timeout=10_000)
    finally:
        assert voice.close()


@PIPEWIRE_LOOKUP
def test_a_speech_service_that_never_answers_holds_up_nothing(app, qtbot, monkeypatch):
    """Like a speech-dispatcher stuck in its shutdown: its socket takes the connection and
    never answers.  The board's loop runs on, the voice gives up and says so."""
    if "speechd" not in _engines():
        pytest.skip("no speechd engine in Qt TextToSpeech")
    folder = Path(tempfile.mkdtemp(prefix="hallclient-sd-", dir="/tmp"))
    silent = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    silent.bind(str(folder / "speechd.sock"))
    silent.listen()
    monkeypatch.setenv("SPEECHD_ADDRESS", f"unix_socket:{folder / 'speechd.sock'}")
    voice = Voice("speechd", open_timeout_ms=2000)
    turns = 0

    def turned() -> bool:
        nonlocal turns
        turns += 1
        return voice.problem is not None

    try:
        voice.start()
        qtbot.waitUntil(turned, timeout=15_000)
        assert voice.problem == "语音服务无响应" and turns > 20
    finally:
        assert voice.close(500)
        silent.close()
        shutil.rmtree(folder, ignore_errors=True)
