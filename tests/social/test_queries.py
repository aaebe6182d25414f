"""Search terms from the profile, packed into queries that fit a platform's limit."""

from __future__ import annotations

from typing import Any

from social.queries import context_terms, minimal, pack, quote, school_terms, staff_terms, with_context


def test_a_phrase_is_quoted_and_a_plain_word_is_not() -> None:
    assert quote("QEHS") == "QEHS"
    assert quote('QE "High"') == '"QE High"'
    assert quote("Sir Gâr") == '"Sir Gâr"'


def test_pack_never_exceeds_the_limit_and_keeps_every_term_that_fits() -> None:
    terms = [f'"term number {n}"' for n in range(40)]
    queries = pack(terms, max_len=100, wrap=lambda body: f"({body}) -is:retweet")
    assert len(queries) > 1 and all(len(q) <= 100 for q in queries)
    assert sum(q.count('"term number') for q in queries) == 40


def test_a_term_too_long_for_any_query_is_left_out() -> None:
    assert pack(["a" * 50, "short"], max_len=20) == ["short"]


def test_a_phrase_holding_another_adds_nothing_to_an_or_list() -> None:
    assert minimal(["QE High", "QE High School", "QEHS"]) == ["QE High", "QEHS"]


def test_the_profile_gives_school_names_staff_names_and_places(profile: Any) -> None:
    school = [t.text for t in school_terms(profile)]
    staff = [t.text for t in staff_terms(profile)]
    assert "QE High" in school and "QE High School" not in school
    assert "Rhian Pritchard" in staff and "Mrs P" not in staff   # a short alias would match anything
    assert "Carmarthen" in context_terms(profile)


def test_staff_names_are_searched_only_beside_the_school_or_its_places(profile: Any) -> None:
    names = [t.text for t in staff_terms(profile)]
    queries = with_context(names, context_terms(profile), max_len=140)
    assert all(len(q) <= 140 for q in queries)
    assert all(q.startswith("(") and ") (" in q for q in queries)
    assert {n for n in names if any(f'"{n}"' in q for q in queries)} == set(names)
