"""The script template: names only, literal braces, visible markers, and no way to
reach an object whatever an admin types or a value contains."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hallclient.scripts.template import (
    KNOWN,
    VALUE_MAX,
    TemplateProblemKind,
    placeholders_in,
    problems_of,
    render,
)

ALL = dict.fromkeys(KNOWN, "值")


def test_placeholders_are_filled_and_braces_doubled_are_literal():
    rendered = render(
        "{customer}，您好 {{工号}} {employee_no}", {"customer": "王先生", "employee_no": "1024"}
    )
    assert rendered.text == "王先生，您好 {工号} 1024"
    assert rendered.missing == () and rendered.problems == ()


@pytest.mark.parametrize(("language", "marker"), [("zh", "【待补：金额】"), ("en", "[amount?]")])
@pytest.mark.parametrize("value", [None, "", "   "])
def test_a_missing_value_shows_a_marker_never_none(language, marker, value):
    rendered = render("合计{amount}。", {"amount": value}, language)
    assert rendered.text == f"合计{marker}。"
    assert rendered.missing == ("amount",)
    assert "None" not in rendered.text


@pytest.mark.parametrize(
    ("template", "kind"),
    [
        ("{nosuch}", TemplateProblemKind.UNKNOWN_PLACEHOLDER),
        ("{customer.__class__}", TemplateProblemKind.MALFORMED),
        ("{customer!r}", TemplateProblemKind.MALFORMED),
        ("{customer:>20}", TemplateProblemKind.MALFORMED),
        ("{0}", TemplateProblemKind.MALFORMED),
        ("{}", TemplateProblemKind.MALFORMED),
        ("a { b", TemplateProblemKind.MALFORMED),
        ("a } b", TemplateProblemKind.MALFORMED),
        ("  ", TemplateProblemKind.EMPTY),
    ],
)
def test_problems_are_named_and_shown_as_typed(template, kind):
    assert [p.kind for p in problems_of(template)] == [kind]
    if kind is not TemplateProblemKind.EMPTY:
        rendered = render(template, ALL)
        assert rendered.text == template  # the admin sees exactly what is wrong
        assert [p.kind for p in rendered.problems] == [kind]


def test_a_value_is_one_line_and_cut_when_very_long():
    assert render("{hall}", {"hall": "一\n二\t三"}).text == "一 二 三"
    long = render("{hall}", {"hall": "长" * 5000}).text
    assert len(long) == VALUE_MAX and long.endswith("…")


def test_an_object_given_as_a_value_is_never_shown():
    rendered = render("{hall}", {"hall": object()})  # type: ignore[dict-item]
    assert rendered.text == "【待补：营业厅】" and "object" not in rendered.text


_EMPTY = problems_of("")[0]


def test_placeholders_in_lists_each_known_name_once():
    assert placeholders_in("{customer}{amount}{customer}{x}") == ["customer", "amount"]


TEXT = st.text(alphabet=st.sampled_from("{}.:!_[]0aé号 \n") | st.characters(), max_size=60)
NAMES = st.sampled_from([*sorted(KNOWN), "x.__class__", "__import__", "0", "a:>9"])
TEMPLATES = st.lists(st.one_of(TEXT, NAMES.map(lambda n: "{" + n + "}")), max_size=8).map("".join)
VALUES = st.dictionaries(
    st.sampled_from(sorted(KNOWN)),
    st.one_of(
        st.none(),
        TEXT,
        st.text(alphabet="{}%s.", min_size=0, max_size=20),
        st.text(min_size=300, max_size=2000),
    ),
)


LEAKS = ("<object", "<class", "<built-in", "<function", "<module", "None")


@given(TEMPLATES, VALUES, st.sampled_from(["zh", "en", "xx"]))
def test_fuzzed_templates_and_values_never_crash_or_leak(template, values, language):
    rendered = render(template, values, language)
    given_text = template + "".join(v for v in values.values() if v)
    for leak in LEAKS:
        assert leak not in rendered.text or leak in given_text
    assert (rendered.problems == ()) == (problems_of(template) in ([], [_EMPTY]))


@given(st.text(max_size=40), VALUES)
def test_a_value_is_inserted_as_text_never_interpreted(text, values):
    """Braces and format codes inside a value stay exactly as they are."""
    values = {**values, "hall": "{customer}{{%s}}" + text}
    rendered = render("{hall}", values)
    flat = " ".join(("{customer}{{%s}}" + text).split())
    assert rendered.text == (flat if len(flat) <= VALUE_MAX else flat[: VALUE_MAX - 1] + "…") or (
        not flat and rendered.missing == ("hall",)
    )
