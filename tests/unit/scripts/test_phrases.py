"""Forbidden phrases are found in the spellings a clerk might use, and never in the
company's own scripts."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from opencc import OpenCC

from hallclient.scripts.phrases import ForbiddenPhrase, PhraseChecker, normalised
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
    assert normalised(text[found.start : found.end])[0] == normalised(phrase)[0]


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
