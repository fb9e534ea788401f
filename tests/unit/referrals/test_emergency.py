"""Leak words are recognised in the spellings a clerk might type, and nothing else is."""

from __future__ import annotations

import pytest

from db.domain import Urgency
from hallclient.referrals.emergency import MATTER_PREFIX, emergency_referral, mentions_leak


@pytest.mark.parametrize(
    "note", ["客户说厨房有燃气味", "家里漏 气了", "燃氣味很重", "闻到气味，很刺鼻", "管道泄漏"]
)
def test_leak_words_are_found(note):
    assert mentions_leak(note)


@pytest.mark.parametrize("note", ["缴纳燃气费", "客户咨询阶梯气价", "气量不对", ""])
def test_ordinary_notes_are_not_an_emergency(note):
    assert not mentions_leak(note)


def test_the_emergency_referral_goes_to_repair_with_what_was_said():
    contact = ("陈乐冰", "16664404675", "锦江区总府路220号")
    referral = emergency_referral("厨房 有燃气味", 7, "1028100001", contact)
    assert (referral.department_code, referral.urgency) == ("emergency_repair", Urgency.EMERGENCY)
    assert referral.matter == MATTER_PREFIX + "厨房 有燃气味"
    assert (referral.visit_id, referral.address) == (7, "锦江区总府路220号")
