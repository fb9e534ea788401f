"""An amount in Chinese capital numerals (大写金额), as receipts and invoices write it.

Rules of the financial convention: 圆 for the yuan, 角 and 分 for tenths and
hundredths, 整 when there are no fen; one 零 stands for any run of zeros inside
the number (壹仟零伍圆), and for missing jiao before fen (壹圆零伍分); groups of four
digits take 万 and 亿.  Only non-negative amounts to the fen: a void prints the
original's amount with its own 作废 mark, not a negative capital.
"""

from __future__ import annotations

from decimal import Decimal

from hallclient.money import MoneyError, to_fen

_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_PLACES = ("", "拾", "佰", "仟")
_GROUPS = ("", "万", "亿", "万亿")


def _group(digits: str) -> str:
    """Four (or fewer) digits with their places; zeros collapse to one 零."""
    words: list[str] = []
    zero = False
    for place, char in enumerate(reversed(digits)):
        value = int(char)
        if value == 0:
            zero = bool(words)
            continue
        if zero:
            words.append("零")
            zero = False
        words.append(_DIGITS[value] + _PLACES[place])
    return "".join(reversed(words))


def _yuan(whole: int) -> str:
    """Whole yuan, group by group from the lowest; a 零 joins groups across zeros."""
    text, groups = str(whole), []
    while text:
        groups.append(text[-4:])
        text = text[:-4]
    words, zero_between = "", False
    for index, digits in enumerate(groups):
        part = _group(digits)
        if not part:
            zero_between = zero_between or bool(words)
            continue
        words = part + _GROUPS[index] + ("零" if zero_between else "") + words
        zero_between = bool(words) and len(digits) == 4 and digits[0] == "0"
    return words


def capitals(amount: Decimal) -> str:
    """``Decimal("1005.30")`` → 壹仟零伍圆叁角整; zero → 零圆整."""
    fen = to_fen(amount)
    if fen < 0:
        raise MoneyError("capital numerals are written for amounts of zero or more")
    whole, jiao, cents = fen // 100, fen // 10 % 10, fen % 10
    words = (_yuan(whole) + "圆") if whole else ""
    if jiao:
        words += _DIGITS[jiao] + "角"
    elif cents and whole:
        words += "零"
    if cents:
        words += _DIGITS[cents] + "分"
    if not words:
        return "零圆整"
    return words if cents else words + "整"
