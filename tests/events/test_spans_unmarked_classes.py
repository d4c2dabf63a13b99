"""Names the gazetteer lacks that a lower-case class word of a settlement's part or a valley
follows ("the X shantytown", "the Y valley", "the Z sub-district"), or that "the streets of"
governs, are places for the span task, like "the X village" and "the town of Y"."""

from __future__ import annotations

from event_fixtures import verb_place


def _span(text: str, word: str) -> str | None:
    return verb_place(text, word, [])


def test_a_name_before_shantytown_is_the_place():
    text = "Two men were shot in the crowded Belvane shantytown late on Friday."
    assert _span(text, "shot") == "Belvane"


def test_a_name_before_valley_is_the_place():
    text = "Thousands of miners marched in the Tarsk valley on Monday."
    assert _span(text, "marched") == "Tarsk"


def test_a_name_before_sub_district_is_the_place():
    text = "Three guards were killed by a shell in the Qarvel sub-district on Sunday."
    assert _span(text, "killed") == "Qarvel"


def test_a_name_after_the_streets_of_is_the_place():
    text = "Soldiers were patrolling the streets of Morvanne after the riots."
    assert _span(text, "patrolling") == "Morvanne"


def test_an_adjective_before_a_valley_is_still_no_place():
    text = "Farmers marched through a green valley on Monday."
    assert _span(text, "marched") is None
