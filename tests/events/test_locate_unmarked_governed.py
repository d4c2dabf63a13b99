"""A capitalised name right after a locative preposition ("killed in X", "near central X")
is a place for the span task even when the gazetteer does not know it -- but not an owner
("in X's support"), an adjective made with a hyphen ("in X-style coats") or an acronym ("at
UN offices")."""

from __future__ import annotations

from event_fixtures import verb_place


def test_an_unknown_name_after_in_is_the_place():
    assert verb_place("Six guards were killed in Velmora when gunmen opened fire.",
                 "killed") == "Velmora"


def test_a_compass_word_before_the_name_is_skipped():
    assert verb_place("A bomb exploded near central Ostrava Nova on Monday.",
                 "exploded") == "Ostrava Nova"


def test_an_owner_is_no_place():
    assert verb_place("Students marched in Velmor's support last week.", "marched") is None


def test_an_adjective_made_with_a_hyphen_is_no_place():
    assert verb_place("Men dressed in Kestrel-style coats attacked the guards.", "attacked") is None


def test_an_acronym_is_no_place():
    assert verb_place("A gunman shot at UN offices overnight.", "shot") is None


def test_the_first_of_the_villages_of_a_list_is_the_place():
    text = "Militias shelled the villages of Dorvan Kel, Ostrava Nova and Velmora overnight."
    assert verb_place(text, "shelled") == "Dorvan Kel"


def test_a_name_opening_on_a_particle_is_taken_whole():
    text = "Two people were killed in the northern Aleppo neighbourhood of al-Mashtal on Monday."
    assert verb_place(text, "killed") == "al-Mashtal"


def test_an_owner_with_a_lost_apostrophe_still_owns_the_next_name():
    """Text converted badly leaves spaces where the apostrophe was ("Syria   s Aleppo")."""
    text = "Two people were killed in Syria   s Aleppo on Monday."
    assert verb_place(text, "killed") == "Aleppo"


def test_a_sentence_opening_on_in_governs_the_name_after_it():
    assert verb_place("In Velmora, about 300 people marched against the new tax.",
                 "marched") == "Velmora"


def test_the_hills_of_an_unknown_name_are_the_place():
    text = "Artillery shelled the hills of Dorvan Kel before dawn."
    assert verb_place(text, "shelled") == "Dorvan Kel"


def test_a_verb_whose_object_is_a_place_governs_an_unmarked_name():
    text = "Government troops liberated Dorvan Kel after a week of fighting."
    assert verb_place(text, "liberated") == "Dorvan Kel"


def test_a_name_opening_on_an_ayn_mark_is_taken_whole():
    text = "Rebels shelled the village of ‘Ayn Dorvan overnight."
    assert verb_place(text, "shelled") == "‘Ayn Dorvan"


def test_a_village_called_x_is_x():
    text = "Gunmen attacked a village called Dorvan Kel before dawn."
    assert verb_place(text, "attacked") == "Dorvan Kel"
