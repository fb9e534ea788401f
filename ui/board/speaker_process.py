"""The voice's own process: Qt TextToSpeech, fed one announcement per line on stdin.

A process, not a thread: opening an engine can hang (a speech-dispatcher stuck in its
shutdown holds its socket and every client waits) and holds Python's lock while it does,
which would stop the board too.  It answers on stdout, one tab-separated line each:
``ready <voice>``, ``failed <reason> [<detail>]`` (reasons: no_module, no_engine,
engine_error, no_chinese_voice) and ``state <Ready|Speaking|…>``.

Windows has SAPI and WinRT voices (a Chinese Windows has 慧慧/Huihui); Linux goes through
speech-dispatcher with espeak-ng, whose Mandarin voice Qt lists under no locale, named
"Chinese (Mandarin, latin as English)": the ticket's letters are read as English letters,
as a hall says "A".  Qt's 'mock' engine is no voice at all and never used.
"""

from __future__ import annotations

import ctypes
import signal
import sys
import threading
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Signal

NOT_A_VOICE = frozenset({"mock"})
#: How the frozen program (which has no ``-m``) is told to be the voice's process.
SPEAKER_FLAG = "--board-speaker"
_MANDARIN = ("mandarin", "cmn")


def _tell(*fields: str) -> None:
    print("\t".join(" ".join(field.split()) for field in fields), flush=True)


def _open(engine: str | None) -> Any:
    try:
        from PySide6.QtTextToSpeech import QTextToSpeech
    except ImportError as error:  # e.g. libpulse0 missing on Linux
        _tell("failed", "no_module", str(error))
        return None
    engines = [e for e in QTextToSpeech.availableEngines() if e not in NOT_A_VOICE]
    name = engine or (engines[0] if engines else None)
    if name is None or name not in engines:
        _tell("failed", "no_engine", ", ".join(engines))
        return None
    speech = QTextToSpeech(name)
    # an error of configuration only (no voice for the default locale, as with espeak-ng)
    # is mended by choosing the voice below
    if speech.errorReason() == QTextToSpeech.ErrorReason.Initialization:
        _tell("failed", "engine_error", f"{name}: {speech.errorString()}")
        return None
    voice = _chinese_voice(speech)
    if voice is None:
        _tell("failed", "no_chinese_voice", name)
        return None
    speech.setVoice(voice)
    speech.errorOccurred.connect(
        lambda _reason, text: _tell("failed", "engine_error", f"{name}: {text}")
    )
    speech.stateChanged.connect(lambda state: _tell("state", state.name))
    _tell("ready", f"{name}: {voice.name()}")
    return speech


def _chinese_voice(speech: Any) -> Any:
    """A Chinese locale's first voice (zh_CN first), else a voice named Mandarin."""
    locales = speech.availableLocales()
    chinese = [each for each in locales if each.language() == QLocale.Language.Chinese]
    for locale in sorted(chinese, key=lambda each: each.name() != "zh_CN"):
        speech.setLocale(locale)
        if voices := speech.availableVoices():
            return voices[0]
    for locale in locales:
        speech.setLocale(locale)
        mandarin = [v for v in speech.availableVoices() if _is_mandarin(v.name())]
        if mandarin:  # "latin as English" before "latin as Pinyin": A is read as a letter
            return sorted(mandarin, key=lambda v: "pinyin" in v.name().lower())[0]
    return None


def _is_mandarin(name: str) -> bool:
    lowered = name.lower()
    return "+" not in lowered and any(word in lowered for word in _MANDARIN)


class _Lines(QObject):
    line = Signal(str)
    ended = Signal()


def _read_stdin(lines: _Lines) -> None:
    for line in sys.stdin:
        lines.line.emit(line.rstrip("\n"))
    lines.ended.emit()


def _end_with_the_board() -> None:
    """On Linux the kernel ends this process with the board: a hung engine holds Python's
    lock, so no thread of ours could notice (PR_SET_PDEATHSIG)."""
    if sys.platform == "linux":
        ctypes.CDLL(None).prctl(1, signal.SIGKILL)


def main(argv: list[str]) -> int:
    _end_with_the_board()
    app = QCoreApplication(argv)
    speech = _open(argv[1] if len(argv) > 1 and argv[1] else None)
    if speech is None:
        return 1
    lines = _Lines()

    def say(text: str) -> None:
        if speech.enqueue(text) < 0:
            speech.say(text)  # refused while the engine is in an error state; say() is not

    lines.line.connect(say)
    lines.ended.connect(app.quit)
    threading.Thread(target=_read_stdin, args=(lines,), daemon=True).start()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
