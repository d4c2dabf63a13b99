"""What is patrolled is an area, so the capitalised name a patrol verb governs is a place even
when the gazetteer does not know it; a verb of taking ("captured X") still does not make an
unknown name a place, since people and titles are captured too."""

from __future__ import annotations

from event_fixtures import verb_place


def _span(text: str, word: str) -> str | None:
    return verb_place(text, word, [])


def test_an_unknown_name_a_patrol_governs_is_its_place():
    text = "Riot police patrolled Dalmenhoy after the curfew began."
    assert _span(text, "patrolled") == "Dalmenhoy"


def test_an_unknown_name_patrolled_in_the_progressive_is_its_place():
    text = "Two units are patrolling Brandemoor all night."
    assert _span(text, "patrolling") == "Brandemoor"


def test_an_unknown_name_captured_is_not_taken_for_a_place():
    text = "Special forces captured Tomas Verlaine after a long chase."
    assert _span(text, "captured") is None
