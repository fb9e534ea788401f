"""Routing suggestions: the purpose's department, then the keywords in the matter."""

from __future__ import annotations

from hallclient import paths
from hallclient.referrals.routing import PURPOSE_SCORE, Rule, load_rules, suggest
from hallclient.setup.reference import load_reference

REFERENCE = load_reference(paths.resources_dir() / "reference")
DEPARTMENTS = [d.code for d in REFERENCE.departments]
RULES = load_rules(paths.resources_dir() / "reference")


def _ranked(purpose_department, matter):
    return [s.department_code for s in suggest(RULES, DEPARTMENTS, purpose_department, matter)]


def test_every_rule_names_a_known_department():
    assert RULES and {rule.department_code for rule in RULES} <= set(DEPARTMENTS)


def test_the_purpose_department_comes_first_without_keywords():
    assert _ranked("meter_reading", "客户希望核对一下上月的情况") == ["meter_reading"]


def test_keywords_outrank_a_weaker_purpose_and_variants_are_found():
    ranked = _ranked("billing", "厨房里有很浓的燃氣味，怀疑漏 氣")
    assert ranked[0] == "emergency_repair" and "billing" in ranked


def test_theft_reports_go_to_inspection():
    assert _ranked(None, "邻居家疑似私接管道、绕表偷气")[0] == "inspection"


def test_each_keyword_counts_once_and_reasons_are_given():
    [suggestion] = suggest([Rule("发票", "billing", 5)], DEPARTMENTS, "billing", "发票发票发票")
    assert suggestion.score == PURPOSE_SCORE + 5 and suggestion.because == ("", "发票")


def test_nothing_to_go_on_suggests_nothing():
    assert _ranked(None, "想咨询一下营业时间") == []
