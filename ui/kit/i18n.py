"""Run-time language: the app's own translator and Qt's, switchable while windows are open.

Source strings are English (``self.tr`` / ``QCoreApplication.translate``); Simplified
Chinese comes from ``resources/i18n/hallclient_zh_CN.qm``.  English needs no translator.
Installing or removing a translator makes Qt send ``QEvent.LanguageChange`` to every
widget; windows answer it by calling their ``retranslate()``.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator

from hallclient.config import LANGUAGES
from hallclient.paths import resources_dir

log = logging.getLogger(__name__)
SOURCE_LANGUAGE = "en"


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """Mark ``source`` for lupdate (which looks for this name); it is translated when shown."""
    return source


def counted(context: str, n: int, one: str, many: str, **values: object) -> str:
    """``one`` or ``many`` (both marked with QT_TRANSLATE_NOOP, "{n} receipt" / "{n} receipts"),
    translated, with ``n`` and any other ``values`` filled in: English says "1 shift",
    Chinese has one form for both."""
    return QCoreApplication.translate(context, one if n == 1 else many).format(n=n, **values)


def qm_path(language: str) -> Path:
    return resources_dir() / "i18n" / f"hallclient_{language}.qm"


class Translations(QObject):
    """Owns the installed translators so that they can be swapped at run time.

    One per application (a child of it): use :meth:`of`, so that two callers never
    install the same translation twice or disagree about the language in force.
    """

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self._app = app
        self._installed: list[QTranslator] = []
        self.language = SOURCE_LANGUAGE

    @classmethod
    def of(cls, app: QCoreApplication) -> Translations:
        existing = app.findChild(cls)
        return existing if isinstance(existing, cls) else cls(app)

    def set_language(self, language: str) -> None:
        """Install the translators for ``language`` ("zh_CN" or "en")."""
        if language not in LANGUAGES:
            raise ValueError(f"unknown language {language!r}")
        if language == self.language:
            return
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed = [] if language == SOURCE_LANGUAGE else self._load(language)
        for translator in self._installed:
            self._app.installTranslator(translator)
        self.language = language
        QLocale.setDefault(QLocale(language))
        log.info("user interface language is now %s", language)

    @staticmethod
    def _load(language: str) -> list[QTranslator]:
        loaded: list[QTranslator] = []
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        candidates = [
            (qm_path(language), True),
            (Path(qt_folder) / f"qtbase_{language}.qm", False),
        ]
        for path, required in candidates:
            translator = QTranslator()
            if translator.load(str(path)):
                loaded.append(translator)
            elif required:
                log.error("translation %s is missing or unreadable", path)
        return loaded
