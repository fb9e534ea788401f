"""The admin's script editor: live preview and validation, versions by Ctrl+S, history,
a purpose's own script added and withdrawn, export and import through files."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from hallclient.scripts.catalogue import ScriptId, ScriptKey
from tests.ui.helpers import settle, untranslated, visible_texts
from tests.ui.sessions import open_window
from ui.scripts.editor_page import ScriptEditorPage
from ui.shell.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
GREETING_ZH = ScriptId(ScriptKey.GREETING, "", "zh")


@pytest.fixture
def admin(private_core):
    user = private_core.access.login("9001", "demo9001")
    return private_core.access.change_own_password(user, "demo9001", "admin-pass-77")


@pytest.fixture
def window(qtbot, app, private_core, admin) -> MainWindow:
    return open_window(qtbot, private_core, admin)


@pytest.fixture
def page(qtbot, window) -> ScriptEditorPage:
    window.show_area("scripts")
    editor = window.pages.scripts
    assert isinstance(editor, ScriptEditorPage)
    qtbot.waitUntil(lambda: editor.scripts.rowCount() > 0)
    settle(qtbot, editor)
    return editor


def _select(qtbot, page: ScriptEditorPage, script: ScriptId) -> None:
    row = next(i for i, r in enumerate(page.scripts.rows()) if r.script == script)
    page.table.selectRow(row)
    assert page.editing == script


def _in_force(core) -> dict[ScriptId, str]:
    return {s: e.text for s, e in core.scripts.in_force().items()}


def test_rows_follow_a_visit_and_every_text_is_translated(page):
    assert page.scripts.rows()[0].script == ScriptId(ScriptKey.TICKET_CALLED, "", "zh")
    texts = visible_texts(page)
    assert {text: untranslated(text) for text in texts if untranslated(text)} == {}


def test_a_bad_placeholder_is_named_and_nothing_is_saved(qtbot, page, private_core):
    _select(qtbot, page, GREETING_ZH)
    page.text.setPlainText("您好，{customer.__class__}，{amout}")
    said = (
        "无法保存：第 4 个字符处的 {customer.__class__} 是单个大括号（要显示大括号请连写两个）；"
        "第 25 个字符处的 {amout} 不是可用的占位符"
    )
    assert page.problems.text() == said  # in the user's words, where it is
    assert "{customer.__class__}" in page.preview.text()  # shown as typed, never evaluated
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_S, CTRL)
    settle(qtbot, page)
    assert page.message.text() == said
    assert page.text.hasFocus() and page.text.textCursor().position() == 3  # at the first one
    assert _in_force(private_core)[GREETING_ZH] == private_core.scripts.defaults[GREETING_ZH]


def test_enter_goes_into_the_words_and_esc_back_to_the_list(qtbot, page):
    _select(qtbot, page, GREETING_ZH)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert page.text.hasFocus()
    qtbot.keyClick(page.text, Qt.Key.Key_Escape)
    assert page.table.hasFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    qtbot.keyClick(page.text, Qt.Key.Key_Tab)  # Tab leaves the words, it types no tab
    assert not page.text.hasFocus() and "\t" not in page.text.toPlainText()


def test_ctrl_s_saves_a_version_and_ctrl_h_lists_them(qtbot, page, private_core, admin):
    _select(qtbot, page, GREETING_ZH)
    page.text.setPlainText("{customer}，您好！我是{clerk_name}，工号{employee_no}。")
    assert page.problems.text() == ""
    assert page.preview.text() == "王先生，您好！我是周涛，工号9001。"
    qtbot.keyClick(page.text, Qt.Key.Key_S, CTRL)
    settle(qtbot, page)
    assert page.message.text() == "已保存为第 1 版。"
    qtbot.waitUntil(
        lambda: any(r.script == GREETING_ZH and r.version == 1 for r in page.scripts.rows())
    )
    qtbot.keyClick(page.text, Qt.Key.Key_H, CTRL)
    settle(qtbot, page)
    dialog = page.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.versions.rowCount() == 2)
    assert [v.version for v in dialog.versions.rows()] == [1, 0]
    assert dialog.versions.rows()[0].author == admin.employee_no
    dialog.table.selectRow(1)
    dialog.use.click()
    assert page.text.toPlainText() == private_core.scripts.defaults[GREETING_ZH]


def test_a_purpose_script_is_added_then_withdrawn(qtbot, page, private_core):
    qtbot.keyClick(page.table, Qt.Key.Key_N, CTRL)
    dialog = page.dialog
    assert dialog is not None
    dialog.key.setCurrentIndex(dialog.key.findData(ScriptKey.FAREWELL.value))
    dialog.purpose.setCurrentIndex(dialog.purpose.findData("open_account"))
    dialog.language.setCurrentIndex(dialog.language.findData("zh"))
    dialog.accept()
    special = ScriptId(ScriptKey.FAREWELL, "open_account", "zh")
    assert page.editing == special
    page.text.setPlainText("{customer}，开户已办好，欢迎您使用燃气！")
    qtbot.keyClick(page.text, Qt.Key.Key_S, CTRL)
    settle(qtbot, page)
    qtbot.waitUntil(lambda: special in _in_force(private_core) and page.editing == special)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    settle(qtbot, page)
    assert page.message.text() == "已撤回：恢复使用通用话术。"
    assert special not in _in_force(private_core)


def test_export_then_import_restores_the_set(qtbot, page, private_core, tmp_path):
    exported = tmp_path / "scripts.json"
    page.export_to(exported)
    settle(qtbot, page)
    assert exported.is_file() and not (tmp_path / "scripts.json.part").exists()
    before = _in_force(private_core)
    _select(qtbot, page, GREETING_ZH)
    page.text.setPlainText("改过的问候。")
    page.save()
    settle(qtbot, page)
    assert _in_force(private_core) != before
    page.import_from(exported)
    settle(qtbot, page)
    assert page.message.text() == f"已导入：修改 1 条，撤回 0 条，未变 {len(before) - 1} 条。"
    assert _in_force(private_core) == before


@pytest.mark.parametrize("content", [b"not json", b'{"format": "hallclient-scripts/1"}', None])
def test_a_bad_or_missing_file_changes_nothing(qtbot, page, private_core, tmp_path, content):
    path = tmp_path / "bad.json"
    if content is not None:
        path.write_bytes(content)
    before = _in_force(private_core)
    page.import_from(path)
    settle(qtbot, page)
    assert page.message.text().startswith(("未保存", "无法使用该文件"))
    assert _in_force(private_core) == before
