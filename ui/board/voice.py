"""The board's voice: Qt TextToSpeech with the PC's own engine, never the network.

Windows has SAPI and WinRT voices (a Chinese Windows has 慧慧/Huihui); Linux goes through
speech-dispatcher with espeak-ng, whose Mandarin voice Qt lists under no locale (the "C"
locale, named "Chinese (Mandarin, latin as English)": the ticket's letters are read as
English letters, which is how a hall says "A"); Qt's 'mock' engine is no voice at all.

Everything runs on a thread of its own: opening an engine can hang (a speech-dispatcher
stuck in its shutdown holds its socket and every client waits), and the board must not.
Announcements are queued on the engine (``enqueue``) and spoken one after another.  When
there is no usable voice the board says why (``unavailable``) and goes on silently.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QLocale, QObject, QThread, QTimer, Signal, Slot

log = logging.getLogger(__name__)
NOT_A_VOICE = frozenset({"mock"})  # Qt's test engine: says nothing
OPEN_TIMEOUT_MS = 10_000
_MANDARIN = ("mandarin", "cmn")


class _Speaker(QObject):
    """Lives on the voice thread: opens the engine there and speaks there."""

    ready = Signal(str)  # the voice's name
    failed = Signal(str)  # why there is no voice
    state_changed = Signal(str)

    def __init__(self, engine: str | None) -> None:
        super().__init__()
        self.engine_name = engine
        self.speech: Any = None

    @Slot()
    def open(self) -> None:
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech
        except ImportError as error:  # e.g. libpulse0 missing on Linux
            log.warning("Qt TextToSpeech cannot be loaded: %s", error)
            self.failed.emit(self.tr("Qt TextToSpeech cannot be loaded"))
            return
        engines = [e for e in QTextToSpeech.availableEngines() if e not in NOT_A_VOICE]
        name = self.engine_name or (engines[0] if engines else None)
        if name is None or name not in engines:
            self.failed.emit(self.tr("no speech engine on this computer"))
            return
        speech = QTextToSpeech(name, self)
        # an error of configuration only (no voice for the application's zh_CN locale,
        # as with espeak-ng) is mended by choosing the voice below
        if speech.errorReason() == QTextToSpeech.ErrorReason.Initialization:
            self.failed.emit(f"{name}: {speech.errorString()}")
            return
        voice = _chinese_voice(speech)
        if voice is None:
            self.failed.emit(self.tr("{0} has no Chinese voice").format(name))
            return
        speech.setVoice(voice)
        speech.errorOccurred.connect(lambda _r, text: self.failed.emit(f"{name}: {text}"))
        speech.stateChanged.connect(lambda state: self.state_changed.emit(state.name))
        self.speech = speech
        log.info("call board voice: %s, %s", name, voice.name())
        self.ready.emit(voice.name())

    @Slot(str)
    def say(self, text: str) -> None:
        if self.speech is not None and self.speech.enqueue(text) < 0:
            self.speech.say(text)  # refused while the engine is in an error state; say() is not


def _chinese_voice(speech: Any) -> Any:
    """A Chinese locale's first voice (zh_CN first), else a voice named Mandarin (espeak-ng's
    cmn, listed under no locale)."""
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


class Voice(QObject):
    """The board's voice; ``unavailable`` carries the reason, ``ready`` the voice's name."""

    ready = Signal(str)
    unavailable = Signal(str)
    state_changed = Signal(str)  # the engine's state: Ready, Speaking, Error …
    _say = Signal(str)

    def __init__(self, engine: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.voice_name: str | None = None
        self.problem: str | None = None
        self._thread = QThread()
        self._thread.setObjectName("board-voice")
        self._speaker = _Speaker(engine)
        self._speaker.moveToThread(self._thread)
        self._thread.started.connect(self._speaker.open)
        self._say.connect(self._speaker.say)
        self._speaker.ready.connect(self._ready)
        self._speaker.failed.connect(self._failed)
        self._speaker.state_changed.connect(self.state_changed)
        self._deadline = QTimer(self, singleShot=True, interval=OPEN_TIMEOUT_MS)
        self._deadline.timeout.connect(
            lambda: self._failed(self.tr("the speech service does not answer"))
        )

    def start(self) -> None:
        self._thread.start()
        self._deadline.start()

    def announce(self, speech: str) -> None:
        if self.voice_name is not None:
            self._say.emit(speech)

    def close(self, wait_ms: int = 2000) -> bool:
        """Stop the voice thread; False if the engine hangs it (the process must then end
        without waiting for it)."""
        self._thread.quit()
        return self._thread.wait(wait_ms)

    def _ready(self, name: str) -> None:
        self._deadline.stop()
        self.voice_name, self.problem = name, None
        self.ready.emit(name)

    def _failed(self, reason: str) -> None:
        self._deadline.stop()
        log.warning("call board voice unavailable: %s", reason)
        self.voice_name, self.problem = None, reason
        self.unavailable.emit(reason)
