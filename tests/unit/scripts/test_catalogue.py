"""The shipped script set and the script file format."""

from __future__ import annotations

import contextlib
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hallclient.scripts.catalogue import (
    LANGUAGES,
    ScriptId,
    ScriptKey,
    ScriptSetError,
    dump_set,
    parse_set,
    pick,
)
from hallclient.scripts.desk import SAMPLE_CHOICES, SAMPLE_FACTS
from hallclient.scripts.panel import Choices, Speaker, values_for
from hallclient.scripts.template import KNOWN, placeholders_in, render
from tests.db.script_helpers import default_scripts

SPEAKER = Speaker(
    "成都燃气有限公司", "锦华营业厅", "3 号窗口", "counter 3", "李晓梅", "1024", "96777"
)
DEFAULTS = default_scripts()


def test_every_moment_has_words_in_both_languages():
    for key in ScriptKey:
        for language in LANGUAGES:
            assert ScriptId(key, "", language) in DEFAULTS


def test_each_purpose_script_has_both_languages():
    special = {(s.key, s.purpose) for s in DEFAULTS if s.purpose}
    for key, purpose in special:
        assert all(ScriptId(key, purpose, lang) in DEFAULTS for lang in LANGUAGES)


@pytest.mark.parametrize("script", sorted(DEFAULTS), ids=lambda s: s.label())
def test_each_default_script_renders_with_sample_data(script):
    values = values_for(
        SAMPLE_FACTS, SPEAKER, Choices(script.language, SAMPLE_CHOICES.title, SAMPLE_CHOICES.amount)
    )
    rendered = render(DEFAULTS[script], values, script.language)
    assert rendered.missing == () and rendered.problems == ()
    assert "{" not in rendered.text and "None" not in rendered.text
    if script.language == "en":
        assert not any("\u4e00" <= c <= "\u9fff" for c in DEFAULTS[script])


@pytest.mark.parametrize("script", sorted(DEFAULTS), ids=lambda s: s.label())
def test_each_default_script_renders_with_every_value_missing(script):
    rendered = render(DEFAULTS[script], {}, script.language)
    assert rendered.problems == ()
    assert list(rendered.missing) == [
        n
        for n in placeholders_in(DEFAULTS[script])
        for _ in range(DEFAULTS[script].count("{" + n + "}"))
    ]
    assert "None" not in rendered.text
    marker = "【" if script.language == "zh" else "["
    assert rendered.text.count(marker) >= len(rendered.missing)


def test_default_scripts_use_only_known_placeholders():
    used = {name for text in DEFAULTS.values() for name in placeholders_in(text)}
    assert used <= KNOWN


def test_pick_prefers_the_purpose_script():
    assert pick(DEFAULTS, ScriptKey.CHARGE, "pay_gas", "zh").purpose == "pay_gas"
    assert pick(DEFAULTS, ScriptKey.CHARGE, "open_account", "zh").purpose == ""
    assert pick(DEFAULTS, ScriptKey.CHARGE, None, "en") == ScriptId(ScriptKey.CHARGE, "", "en")


def test_dump_and_parse_are_exact_inverses():
    data = dump_set(DEFAULTS)
    assert parse_set(data) == DEFAULTS
    assert dump_set(parse_set(data)) == data


def _file(entries, fmt="hallclient-scripts/1"):
    return json.dumps({"format": fmt, "scripts": entries}, ensure_ascii=False).encode()


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"\xff\xfe", "not a script file"),
        (b"[]", "not a script file"),
        (_file([], fmt="other/1"), "format"),
        (_file([{"key": "nosuch", "purpose": "", "language": "zh", "text": "x"}]), "unknown key"),
        (
            _file([{"key": "greeting", "purpose": "", "language": "zh", "text": "{bad}"}]),
            "unknown_placeholder",
        ),
        (_file([{"key": "greeting", "purpose": 3, "language": "zh", "text": "x"}]), "must be"),
        (_file([]), "greeting/*/zh: missing"),
        (
            _file([{"key": ["greeting"], "purpose": "", "language": "zh", "text": "x"}]),
            "unknown key",
        ),
        (
            _file([{"key": "greeting", "purpose": "", "language": "zh", "text": "您\u0000好"}]),
            "control characters",
        ),
        (b"[" * 100_000, "not a script file"),
    ],
)
def test_bad_files_are_refused_with_every_problem_named(data, expected):
    with pytest.raises(ScriptSetError) as caught:
        parse_set(data)
    assert any(expected in p for p in caught.value.problems)


def test_an_entry_given_twice_is_refused():
    entries = json.loads(dump_set(DEFAULTS))["scripts"]
    with pytest.raises(ScriptSetError, match="given twice"):
        parse_set(_file([*entries, entries[0]]))


@given(st.binary(max_size=200))
def test_any_bytes_are_refused_cleanly_or_parsed(data):
    with contextlib.suppress(ScriptSetError):
        parse_set(data, complete=False)
