"""Which scripts follow which stage, and how the customer is addressed."""

from __future__ import annotations

import datetime as dt

import pytest

from db.domain import VisitStage
from hallclient.scripts.catalogue import ScriptKey as K
from hallclient.scripts.moments import (
    LONG_WAIT,
    Title,
    address_form,
    other_keys,
    stage_keys,
    surname_of,
)

MINUTE = dt.timedelta(minutes=1)


@pytest.mark.parametrize(
    ("stage", "purpose", "ticket", "waited", "expected"),
    [
        (VisitStage.CALLED, None, True, MINUTE, (K.TICKET_CALLED, K.GREETING)),
        (
            VisitStage.CALLED,
            None,
            True,
            LONG_WAIT,
            (K.TICKET_CALLED, K.WAITING_APOLOGY, K.GREETING),
        ),
        (VisitStage.CALLED, None, False, None, (K.GREETING,)),
        (VisitStage.GREETED, None, True, MINUTE, (K.IDENTITY_CHECK,)),
        (VisitStage.SERVING, "pay_gas", True, MINUTE, (K.PLEASE_WAIT,)),
        (VisitStage.SERVING, "leak_report", True, MINUTE, (K.EMERGENCY,)),
        (VisitStage.SERVING, "complaint", False, None, (K.COMPLAINT,)),
        (VisitStage.CHARGING, "pay_gas", True, MINUTE, (K.CHARGE,)),
        (VisitStage.REFERRING, "meter_fault", True, MINUTE, (K.REFERRAL,)),
        (VisitStage.CLOSING, None, True, MINUTE, (K.SATISFACTION, K.FAREWELL)),
        (VisitStage.CLOSED, None, True, MINUTE, (K.SATISFACTION, K.FAREWELL)),
    ],
)
def test_stage_keys(stage, purpose, ticket, waited, expected):
    keys = stage_keys(stage, purpose, has_ticket=ticket, waited=waited)
    assert keys == expected
    assert set(keys) | set(other_keys(keys)) == set(K)
    assert not set(keys) & set(other_keys(keys))


@pytest.mark.parametrize(
    ("stage", "charged", "referred", "expected"),
    [
        (VisitStage.CLOSING, False, False, (K.SATISFACTION, K.FAREWELL)),
        (VisitStage.CLOSING, True, False, (K.SATISFACTION, K.FAREWELL_RECEIPT)),
        (VisitStage.CLOSING, False, True, (K.SATISFACTION, K.FAREWELL_REFERRAL)),
        (VisitStage.CLOSING, True, True, (K.SATISFACTION, K.FAREWELL_REFERRAL)),
        (VisitStage.CLOSED, True, False, (K.SATISFACTION, K.FAREWELL_RECEIPT)),
        (VisitStage.CHARGING, True, False, (K.CHARGE,)),  # the farewell only at the end
        (VisitStage.REFERRING, False, True, (K.REFERRAL,)),
    ],
)
def test_the_farewell_follows_what_the_visit_produced(stage, charged, referred, expected):
    keys = stage_keys(
        stage, None, has_ticket=True, waited=MINUTE, charged=charged, referred=referred
    )
    assert keys == expected
    assert set(keys) | set(other_keys(keys)) == set(K)


@pytest.mark.parametrize(
    ("name", "surname"),
    [
        ("王建国", "王"),
        ("欧阳娜娜", "欧阳"),
        ("欧阳", "欧"),
        ("司马光", "司马"),
        ("李四", "李"),
        ("锦华餐饮有限公司", None),
        ("John Smith", None),
        ("", None),
        ("王", None),
    ],
)
def test_surname_of(name, surname):
    assert surname_of(name) == surname


@pytest.mark.parametrize(
    ("name", "title", "zh", "en"),
    [
        ("王建国", Title.MR, "王先生", "Mr Wang"),
        ("曾小红", Title.MS, "曾女士", "Ms Zeng"),
        ("欧阳娜娜", Title.MS, "欧阳女士", "Ms Ouyang"),
        ("王建国", Title.UNKNOWN, "尊敬的客户", "Dear customer"),
        ("锦华餐饮有限公司", Title.MR, "尊敬的客户", "Dear customer"),
        ("", Title.MS, "尊敬的客户", "Dear customer"),
    ],
)
def test_address_form(name, title, zh, en):
    assert address_form(name, title, "zh") == zh
    assert address_form(name, title, "en") == en
