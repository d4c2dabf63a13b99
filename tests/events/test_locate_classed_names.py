"""A capitalised name that a locative word governs and a lower-case class word follows ("near
the X crossing", "in the Y refugee camp", "captured the Z village") is a place even when the
gazetteer does not know it; the span is the name without the class word. A capitalised
adjective before a generic class word ("a Sunni district", "the Sunni district of X") is not."""

from __future__ import annotations

from event_fixtures import verb_place


def _span(text: str, word: str) -> str | None:
    return verb_place(text, word, [])


def test_a_name_before_a_class_word_is_the_place():
    text = "A mine exploded near the Dar Velan crossing on Monday."
    assert _span(text, "exploded") == "Dar Velan"


def test_a_lower_case_word_may_stand_between_name_and_class_word():
    text = "He was shot as he sat in a shop in the Qel Marun refugee camp."
    assert _span(text, "shot") == "Qel Marun"


def test_the_object_of_a_verb_of_taking_before_a_class_word_is_the_place():
    text = "Northern forces captured the Tarvesh village after a long push."
    assert _span(text, "captured") == "Tarvesh"


def test_an_adjective_before_a_generic_class_word_is_no_name():
    text = "Gunmen shot at homes in a Sunni neighbourhood overnight."
    assert _span(text, "shot") is None


def test_an_adjective_before_a_named_class_word_is_no_name():
    text = "A bomb exploded in the old Sunni quarter of Valdrin on Friday."
    assert _span(text, "exploded") == "Valdrin"


def test_a_name_a_movement_goes_into_is_the_place():
    text = "The insurgents drove into Velmoor in armoured trucks."
    assert _span(text, "drove") == "Velmoor"


def test_a_name_after_hometown_of_is_the_place():
    text = "A bodyguard was killed in his hometown of Velmoor on Friday."
    assert _span(text, "killed") == "Velmoor"
