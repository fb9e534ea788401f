"""Refresh the translation files: ``python -m ui.tools.i18n_build``.

1. ``lupdate`` collects every ``tr()`` / ``translate()`` string of ``ui/**/*.py`` into
   ``resources/i18n/hallclient_zh_CN.ts`` (keeping existing translations);
2. a translator fills in the new entries (Qt Linguist, or by hand in the XML);
3. ``lrelease`` compiles the ``.ts`` into the ``.qm`` the app loads; both are committed.

The UI tests use the same functions to fail on a stale ``.qm`` or an unfinished string.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import PySide6

from hallclient.paths import resources_dir

UI_DIR = Path(__file__).resolve().parent.parent
TS_FILE = resources_dir() / "i18n" / "hallclient_zh_CN.ts"
QM_FILE = TS_FILE.with_suffix(".qm")


def _tool(name: str) -> str:
    suffix = ".exe" if sys.platform == "win32" else ""
    return str(Path(PySide6.__file__).resolve().parent / f"{name}{suffix}")


def _run(args: list[str]) -> None:
    subprocess.run(args, check=True, capture_output=True, text=True)


def sources() -> list[Path]:
    return sorted(UI_DIR.rglob("*.py"))


def lupdate(ts_file: Path = TS_FILE) -> None:
    """Merge the current source strings into ``ts_file`` (created if missing)."""
    files = [str(path) for path in sources()]
    _run(
        [
            _tool("lupdate"),
            *files,
            "-locations",
            "none",
            "-no-obsolete",
            "-source-language",
            "en",
            "-target-language",
            "zh_CN",
            "-ts",
            str(ts_file),
        ]
    )


def lrelease(ts_file: Path = TS_FILE, qm_file: Path = QM_FILE) -> None:
    _run([_tool("lrelease"), "-silent", str(ts_file), "-qm", str(qm_file)])


def unfinished(ts_file: Path) -> list[str]:
    """Source strings of ``ts_file`` without a finished translation, as "context: text"."""
    missing = []
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") or not (translation.text or ""):
                missing.append(f"{name}: {message.findtext('source', '')}")
    return missing


def main() -> int:
    lupdate()
    lrelease()
    missing = unfinished(TS_FILE)
    for entry in missing:
        print(f"untranslated: {entry}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
