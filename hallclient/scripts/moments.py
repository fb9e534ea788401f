"""Which scripts a visit needs now, and how the customer is addressed (pure rules).

The panel follows the visit's stage: the call and the greeting when a customer is
called, the identity check once the account is found, the purpose's own words
while serving (the emergency words for a leak, the complaint words for a
complaint), the charge, the referral, then the satisfaction question and the
farewell that fits what the visit produced: the receipt to keep, the department that
will be in touch, or a plain goodbye.  A customer who waited long is first given an
apology.
"""

from __future__ import annotations

import datetime as dt
import enum
import re

from pypinyin import Style, lazy_pinyin

from db.domain import VisitStage
from hallclient.scripts.catalogue import ScriptKey

LONG_WAIT = dt.timedelta(minutes=10)  # a customer who waited this long hears an apology first
_SERVING_BY_PURPOSE = {"leak_report": ScriptKey.EMERGENCY, "complaint": ScriptKey.COMPLAINT}
_COMPOUND_SURNAMES = frozenset(
    "欧阳 司马 诸葛 上官 东方 皇甫 尉迟 公孙 慕容 司徒 令狐 夏侯 长孙 宇文 轩辕 端木 独孤 南宫 "  # noqa: SIM905
    "西门 呼延 万俟 闻人 澹台 公冶 太史 申屠 赫连 钟离 百里 东郭 第五".split()
)
#: Surnames read differently from the same character elsewhere (曾 zēng, not céng).
_SURNAME_PINYIN = {
    "曾": "Zeng",
    "单": "Shan",
    "解": "Xie",
    "仇": "Qiu",
    "区": "Ou",
    "查": "Zha",
    "盖": "Ge",
    "朴": "Piao",
    "覃": "Qin",
    "乐": "Yue",
    "缪": "Miao",
    "翟": "Zhai",
    "秘": "Bi",
    "折": "She",
    "尉迟": "Yuchi",
    "万俟": "Moqi",
    "长孙": "Zhangsun",
    "单于": "Chanyu",
    "种": "Chong",
}
_PERSONAL_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}")
NEUTRAL = {"zh": "尊敬的客户", "en": "Dear customer"}


class Title(enum.StrEnum):
    UNKNOWN = "unknown"  # the neutral form: the clerk has not said how to address them
    MR = "mr"
    MS = "ms"


def stage_keys(
    stage: VisitStage,
    purpose: str | None,
    *,
    has_ticket: bool,
    waited: dt.timedelta | None,
    charged: bool = False,
    referred: bool = False,
) -> tuple[ScriptKey, ...]:
    """The scripts for ``stage``, in the order they are said; at the end, the farewell for
    a referral made (``referred``), else for a receipt issued (``charged``), else the plain one."""
    if stage is VisitStage.CALLED:
        apology = (ScriptKey.WAITING_APOLOGY,) if waited is not None and waited >= LONG_WAIT else ()
        call = (ScriptKey.TICKET_CALLED,) if has_ticket else ()
        return (*call, *apology, ScriptKey.GREETING)
    if stage is VisitStage.GREETED:
        return (ScriptKey.IDENTITY_CHECK,)
    if stage is VisitStage.SERVING:
        return (_SERVING_BY_PURPOSE.get(purpose or "", ScriptKey.PLEASE_WAIT),)
    if stage is VisitStage.CHARGING:
        return (ScriptKey.CHARGE,)
    if stage is VisitStage.REFERRING:
        return (ScriptKey.REFERRAL,)
    return (ScriptKey.SATISFACTION, farewell_key(charged=charged, referred=referred))


def farewell_key(*, charged: bool, referred: bool) -> ScriptKey:
    if referred:
        return ScriptKey.FAREWELL_REFERRAL
    return ScriptKey.FAREWELL_RECEIPT if charged else ScriptKey.FAREWELL


def other_keys(shown: tuple[ScriptKey, ...]) -> tuple[ScriptKey, ...]:
    """Every other script, for the clerk to pick when the moment calls for it."""
    return tuple(key for key in ScriptKey if key not in shown)


def surname_of(name: str) -> str | None:
    """The surname of a personal Chinese name; None for a company or an unusual name."""
    name = name.strip()
    if not _PERSONAL_NAME.fullmatch(name):
        return None
    return name[:2] if name[:2] in _COMPOUND_SURNAMES and len(name) > 2 else name[0]


def _surname_in_latin(surname: str) -> str:
    known = _SURNAME_PINYIN.get(surname)
    return known or "".join(lazy_pinyin(surname, style=Style.NORMAL)).capitalize()


def address_form(name: str, title: Title, language: str) -> str:
    """王先生 / Mr Wang; the neutral form when the title or a personal surname is unknown."""
    surname = surname_of(name)
    neutral = NEUTRAL.get(language, NEUTRAL["en"])
    if surname is None or title is Title.UNKNOWN:
        return neutral
    if language == "zh":
        return surname + ("先生" if title is Title.MR else "女士")
    return ("Mr " if title is Title.MR else "Ms ") + _surname_in_latin(surname)
