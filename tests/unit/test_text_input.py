"""Cleaning typed text keeps the characters; codes and phone numbers are normalised."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hallclient.text_input import TextInputError, clean_code, clean_phone, clean_text

# printable CJK and the punctuation and symbols a counter sees, with spaces to trim
_CJK = st.characters(
    codec=None,
    categories=("Lo", "Lm", "Nd", "Nl", "No", "Pd", "Ps", "Pe", "Po", "Sc", "Sm", "So", "Zs"),
    min_codepoint=0x2000,
    max_codepoint=0x323AF,
    exclude_characters="\u2028\u2029",
)


@given(st.text(_CJK, max_size=60))
def test_printable_cjk_and_punctuation_are_kept_as_typed(text):
    assert clean_text(text, "name", 100) == text.strip()


@pytest.mark.parametrize(
    "typed",
    ["王先生（℃测试）", "张䶮", "林㐀", "王𠮷", "堃喆", "１２号楼　Ａ座", "李＂四＂！", "𱍐"],
)
def test_a_name_stays_byte_identical(typed):
    assert clean_text(f"  {typed}\t", "name", 100).encode() == typed.encode()


def test_what_cleaning_still_drops_and_refuses():
    assert clean_text("王\x00先\x1b生\u202e\u200b", "name", 50) == "王先生"
    assert clean_text("一\n二", "notes", 10) == "一二"
    assert clean_text("一\n二", "notes", 10, multiline=True) == "一\n二"
    assert clean_text("甲\ufffe\ufdd0乙", "name", 10) == "甲乙"  # noncharacters
    with pytest.raises(TextInputError, match="too_long:3"):
        clean_text("王先生好", "name", 3)


def test_codes_and_phones_are_read_from_full_width_digits():
    assert clean_code(" １０２８１０００01 ", "account_no", 20) == "1028100001"
    assert clean_code("ＧＡＳ－０１", "purpose", 32) == "GAS-01"
    assert clean_phone("１３８-００００ １１１１") == "13800001111"
