"""The committed translations are complete and the committed .qm matches the .ts."""

from __future__ import annotations

import shutil

from PySide6.QtCore import QCoreApplication

from ui.tools import i18n_build


def test_committed_qm_is_built_from_the_committed_ts(tmp_path):
    fresh = tmp_path / "fresh.qm"
    i18n_build.lrelease(i18n_build.TS_FILE, fresh)
    assert fresh.read_bytes() == i18n_build.QM_FILE.read_bytes(), (
        "stale .qm: run `python -m ui.tools.i18n_build`"
    )


def test_every_source_string_has_a_finished_translation(tmp_path):
    current = tmp_path / "current.ts"
    shutil.copy(i18n_build.TS_FILE, current)
    i18n_build.lupdate(current)  # merges today's source strings into the committed ones
    assert i18n_build.unfinished(current) == [], (
        "untranslated strings: run `python -m ui.tools.i18n_build` and translate them"
    )
    assert i18n_build.unfinished(i18n_build.TS_FILE) == []


def test_unfinished_entries_are_detected(tmp_path):
    ts = tmp_path / "t.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1"><context>'
        "<name>C</name><message><source>Hello</source>"
        '<translation type="unfinished"></translation></message>'
        "<message><source>Bye</source><translation>再见</translation></message>"
        "</context></TS>",
        encoding="utf-8",
    )
    assert i18n_build.unfinished(ts) == ["C: Hello"]


def test_qt_standard_buttons_follow_the_language(app):
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    app.set_language("en")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
