"""The script panel follows a visit stage by stage, fills in the customer, copies by key,
records what was shown; phrase warnings under clerk-typed text; the F1 quick reference."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from db.domain import VisitStage
from hallclient.receipts.cart import Cart
from hallclient.scripts.catalogue import ScriptKey as K
from hallclient.scripts.moments import Title
from hallclient.setup.demo import DEMO_SEED
from hallclient.setup.demo_accounts import generate_accounts
from tests.ui.conftest import DEMO_ACCOUNTS
from tests.ui.helpers import settle, untranslated, visible_texts
from tests.ui.sessions import clerk_with_open_shift, open_window
from ui.intake.page import IntakePage
from ui.scripts.panel import ScriptPanel
from ui.shell.main_window import MainWindow

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def window(qtbot, app, private_core) -> MainWindow:
    user = clerk_with_open_shift(private_core)
    private_core.intake.issue_ticket(user, "payment")
    return open_window(qtbot, private_core, user)


@pytest.fixture
def page(window) -> IntakePage:
    intake = window.pages.intake
    assert isinstance(intake, IntakePage)
    return intake


@pytest.fixture
def panel(window) -> ScriptPanel:
    assert window.script_panel is not None and window.script_panel.isVisible()
    return window.script_panel


def _account():
    return next(
        a
        for a in generate_accounts(DEMO_ACCOUNTS, DEMO_SEED)
        if a.customer_type == "residential" and len(a.name) == 3
    )


def _settled(qtbot, page, panel) -> list[K]:
    settle(qtbot, page)
    qtbot.waitUntil(lambda: not panel.busy())
    return [s.script.key for s in panel.shown if s.for_stage]


def _stage_text(panel: ScriptPanel) -> str:
    current = panel.current()
    assert current is not None and current.for_stage
    return current.text


def _call_and_take_account(qtbot, page, panel):
    qtbot.waitUntil(lambda: page.purpose.count() > 0)  # the purposes are read when shown
    page.call_next()
    assert _settled(qtbot, page, panel) == [K.TICKET_CALLED, K.GREETING]
    assert "请A001号顾客到" in _stage_text(panel)
    account = _account()
    page.search.setText(account.account_no)
    qtbot.waitUntil(lambda: page.accounts.rowCount() == 1)
    page.account_side.take()
    settle(qtbot, page)
    return account


def test_each_stage_of_a_visit_shows_its_script(qtbot, window, page, panel, private_core):
    account = _call_and_take_account(qtbot, page, panel)
    assert _settled(qtbot, page, panel) == [K.IDENTITY_CHECK]
    assert page.visit.stage is VisitStage.GREETED
    assert _stage_text(panel).startswith("尊敬的客户，为了保护您的账户安全")
    page.purpose.setCurrentIndex(page.purpose.findData("pay_gas"))
    page._purpose_chosen(page.purpose.currentIndex())
    assert _settled(qtbot, page, panel) == [K.PLEASE_WAIT]
    assert "查询本期应缴的燃气费" in _stage_text(panel)  # the purpose's own words

    window.pages.fees.sig_cart_changed.emit(_cart_of(private_core, window.user, "30.00"))
    qtbot.waitUntil(lambda: page.visit.stage is VisitStage.CHARGING)
    assert _settled(qtbot, page, panel) == [K.CHARGE]
    assert page.visit.stage is VisitStage.CHARGING
    assert "共￥30.00" in _stage_text(panel)  # the pay_gas charge script with the cart's total

    page.tickets.end_visit()
    assert _settled(qtbot, page, panel) == [K.SATISFACTION, K.FAREWELL]
    page.tickets.close_dialog.reject()
    assert _settled(qtbot, page, panel) == [K.CHARGE]

    shown = {s.script.key for s in private_core.scripts.shown_on_visit(window.user, page.visit.id)}
    assert shown >= {
        K.TICKET_CALLED,
        K.GREETING,
        K.IDENTITY_CHECK,
        K.PLEASE_WAIT,
        K.CHARGE,
        K.SATISFACTION,
        K.FAREWELL,
    }
    assert account.account_no == page.visit.account_no


def _cart_of(core, user, total):
    """The ownership transfer fee (S105, 30 yuan) in the cart, as the fees page would send it."""
    cart = Cart().add(core.tariff.fee_pricer(user).quote("S105", Decimal(1)))
    assert cart.total == Decimal(total)
    return cart


def test_a_referral_names_the_department(qtbot, window, page, panel, private_core):
    _call_and_take_account(qtbot, page, panel)
    page.purpose.setCurrentIndex(page.purpose.findData("meter_fault"))
    page._purpose_chosen(page.purpose.currentIndex())
    _settled(qtbot, page, panel)
    assert page.visit.purpose_code == "meter_fault"
    visit = private_core.intake.advance_visit(window.user, page.visit.id, VisitStage.REFERRING)
    page._changed(visit)
    assert _settled(qtbot, page, panel) == [K.REFERRAL]
    text = _stage_text(panel)
    assert "抢修及通气点火中心" in text and "028-86000110" in text and "【" not in text


def test_title_language_and_copy_key(qtbot, window, page, panel):
    account = _call_and_take_account(qtbot, page, panel)
    _settled(qtbot, page, panel)
    panel.title.setCurrentIndex(panel.title.findData(Title.MS.value))
    panel._title_chosen(panel.title.currentIndex())
    _settled(qtbot, page, panel)
    assert _stage_text(panel).startswith(f"{account.name[0]}女士，")
    panel.language.setCurrentIndex(panel.language.findData("en"))
    panel._language_chosen(panel.language.currentIndex())
    _settled(qtbot, page, panel)
    assert _stage_text(panel).startswith("Ms ")
    qtbot.keyClick(window, Qt.Key.Key_C, CTRL_SHIFT)
    assert QApplication.clipboard().text() == _stage_text(panel)
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL_SHIFT)
    assert panel.current() is not None and panel.current().script.key is K.TICKET_CALLED
    assert not panel.current().for_stage


def test_a_new_customer_starts_with_the_neutral_title(qtbot, window, page, panel):
    _call_and_take_account(qtbot, page, panel)
    _settled(qtbot, page, panel)
    panel.title.setCurrentIndex(panel.title.findData(Title.MR.value))
    panel._title_chosen(panel.title.currentIndex())
    page.visit_ended("")
    _settled(qtbot, page, panel)
    assert panel.choices.title is Title.UNKNOWN and panel.shown == []
    assert panel.list.count() == 1  # the hint to call a ticket


def test_the_panel_is_translated_and_hidden_on_other_pages(qtbot, window, page, panel):
    page.call_next()
    _settled(qtbot, page, panel)
    texts = visible_texts(panel)
    assert {text: untranslated(text) for text in texts if untranslated(text)} == {}
    window.show_area("shift")
    assert not panel.isVisible()
    window.show_area("payments")
    assert panel.isVisible()


def test_a_forbidden_phrase_in_the_notes_warns_and_blocks_nothing(qtbot, window, page):
    page.call_next()
    settle(qtbot, page)
    page.notes.setFocus()
    page.notes.insertPlainText("跟客户说：这不 歸 我管")
    qtbot.waitUntil(page.notes_phrases.label.isVisible)
    assert "“不归我管”是服务忌语" in page.notes_phrases.label.text()
    assert "我帮您联系" in page.notes_phrases.label.text()
    page.notes.setPlainText("已为客户说明阶梯气价。")
    qtbot.waitUntil(lambda: not page.notes_phrases.label.isVisible())


def test_f1_opens_the_searchable_quick_reference(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = window.quick_reference
    assert dialog is not None and dialog.isVisible()
    assert len(dialog.shown_rules()) == len(dialog.rules) >= 12
    dialog.search.setText("票据")
    assert dialog.shown_rules() and all(
        "票据" in r.text_zh or "票据" in r.title_zh for r in dialog.shown_rules()
    )
    assert "按标准收费" in dialog.text.toPlainText()
    dialog.search.setText("receipt")
    assert dialog.shown_rules()
    dialog.search.setText("没有这条")
    assert dialog.shown_rules() == []
