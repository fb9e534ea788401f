"""Forbidden phrases are found in the spellings a clerk might use, and never in the
company's own scripts."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from opencc import OpenCC

from hallclient.scripts.phrases import PAUSE, ForbiddenPhrase, PhraseChecker, normalised
from tests.db.script_helpers import default_scripts, phrase_checker

PHRASES = [p.phrase for p in phrase_checker().phrases]
_S2T = OpenCC("s2t")


def _full_width(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


VARIANTS = {
    "as listed": lambda p: p,
    "spaced": " ".join,
    "with ideographic spaces": "\u3000".join,
    "traditional": _S2T.convert,
    "traditional, punctuated": lambda p: "，".join(_S2T.convert(p)),
    "zero-width joined": "\u200b".join,
    "with variation selectors": "\ufe00".join,
    "with combining marks": "\u0301".join,
    "inside a sentence": lambda p: f"客户来问，我说：“{p}！”然后走了",
}


def test_the_list_is_long_enough_to_matter():
    assert len(PHRASES) >= 15
    assert all(p.alternative_zh and p.alternative_en for p in phrase_checker().phrases)


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("phrase", PHRASES)
def test_each_phrase_is_found_in_variant_spellings(phrase, variant):
    text = VARIANTS[variant](phrase)
    findings = phrase_checker().findings(text)
    assert phrase in [f.phrase.phrase for f in findings]
    found = next(f for f in findings if f.phrase.phrase == phrase)
    assert _letters(text[found.start : found.end]) == _letters(phrase)


def _letters(text: str) -> str:
    return normalised(text)[0].replace(PAUSE, "")


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("急甚麼", "急什么"),
        ("早幹甚麼去了", "早干什么去了"),
        ("妳問我，我問誰", "你问我，我问谁"),
        ("不是跟妳說過了嗎", "不是跟你说过了吗"),
        ("你问我我问谁", "你问我，我问谁"),
        ("下班了，明天再来", "下班了，明天再来"),
    ],
)
def test_common_variant_characters_and_pauses(text, phrase):
    assert [f.phrase.phrase for f in phrase_checker().findings(text)] == [phrase]


@pytest.mark.parametrize(
    "note", ["客户很着急，什么时候能修好？", "已告知：不归属本厅的业务由热线受理", "他说知道了"]
)
def test_punctuation_between_clauses_is_a_boundary(note):
    assert phrase_checker().findings(note) == []


def test_full_width_latin_is_folded_too():
    checker = PhraseChecker([ForbiddenPhrase("OK不行", "好的", "fine")])
    assert checker.findings(_full_width("ok 不行"))


def test_no_default_script_contains_a_forbidden_phrase():
    for script, text in default_scripts().items():
        assert phrase_checker().findings(text) == [], script.label()


@given(st.text(max_size=300))
def test_any_text_is_checked_without_error(text):
    for finding in phrase_checker().findings(text):
        assert 0 <= finding.start < finding.end <= len(text)
