"""Table models of the script editor: the scripts in force, and one script's versions."""

from __future__ import annotations

from dataclasses import dataclass

from hallclient.clock import local
from hallclient.scripts.catalogue import ScriptId
from hallclient.scripts.service import VersionView
from ui.kit.i18n import QT_TRANSLATE_NOOP
from ui.kit.table_model import RowsTableModel
from ui.words.scripts import LANGUAGE_NAMES, key_name


@dataclass(frozen=True)
class ScriptRow:
    script: ScriptId
    version: int
    text: str
    purpose_name: str  # "" for the general script


class ScriptsModel(RowsTableModel[ScriptRow]):
    CONTEXT = "ScriptModels"
    COL_MOMENT, COL_PURPOSE, COL_LANGUAGE, COL_VERSION, COL_TEXT = range(5)
    HEADERS = (
        QT_TRANSLATE_NOOP("ScriptModels", "Moment"),
        QT_TRANSLATE_NOOP("ScriptModels", "Purpose"),
        QT_TRANSLATE_NOOP("ScriptModels", "Language"),
        QT_TRANSLATE_NOOP("ScriptModels", "Version"),
        QT_TRANSLATE_NOOP("ScriptModels", "Text"),
    )
    RIGHT_ALIGNED = frozenset({COL_VERSION})

    def display(self, row: ScriptRow, column: int) -> str:
        if column == self.COL_MOMENT:
            return key_name(row.script.key)
        if column == self.COL_PURPOSE:
            return row.purpose_name or self.tr_source(QT_TRANSLATE_NOOP("ScriptModels", "all"))
        if column == self.COL_LANGUAGE:
            return LANGUAGE_NAMES.get(row.script.language, row.script.language)
        if column == self.COL_VERSION:
            return (
                str(row.version)
                if row.version
                else self.tr_source(QT_TRANSLATE_NOOP("ScriptModels", "shipped"))
            )
        return " ".join(row.text.split())


class VersionsModel(RowsTableModel[VersionView]):
    CONTEXT = "ScriptModels"
    COL_VERSION, COL_AUTHOR, COL_TIME, COL_TEXT = range(4)
    HEADERS = (
        QT_TRANSLATE_NOOP("ScriptModels", "Version"),
        QT_TRANSLATE_NOOP("ScriptModels", "Author"),
        QT_TRANSLATE_NOOP("ScriptModels", "Saved"),
        QT_TRANSLATE_NOOP("ScriptModels", "Text"),
    )
    RIGHT_ALIGNED = frozenset({COL_VERSION})

    def __init__(self, timezone: str) -> None:
        super().__init__()
        self._timezone = timezone

    def display(self, row: VersionView, column: int) -> str:
        if column == self.COL_VERSION:
            return str(row.version)
        if column == self.COL_AUTHOR:
            return row.author or "—"
        if column == self.COL_TIME:
            return (
                f"{local(row.created_at, self._timezone):%Y-%m-%d %H:%M}" if row.created_at else "—"
            )
        if row.removed:
            return self.tr_source(QT_TRANSLATE_NOOP("ScriptModels", "(withdrawn)"))
        return " ".join(row.text.split())
