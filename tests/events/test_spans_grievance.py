"""The grievance of a protest ("protested against the bombing of X", "rallied over a war on
Y") names what the protest is about: a name that a noun of the grievance governs by "of" or
"on", or a happening it names by "in", "at" or "over" ("against the air offensive in X"), is
not where the protest was (span task). A place the grievance's words leave to the verb
("against the new tax in X"), a town a class word names, and the same words after any other
verb ("killed in the bombing of X") still place it."""

from __future__ import annotations

from event_fixtures import verb_place


def test_the_object_of_a_grievance_is_no_place():
    text = "Thousands of students protested against the bombing of Syria on Sunday."
    assert verb_place(text, "protested") is None


def test_a_war_on_a_country_in_a_grievance_is_no_place():
    text = "Hundreds of workers rallied over a war on Russia outside the parliament."
    assert verb_place(text, "rallied") is None


def test_a_place_after_the_grievance_still_places_the_protest():
    text = "Thousands of students protested against the new tax in Moscow on Sunday."
    assert verb_place(text, "protested") == "Moscow"


def test_a_town_a_class_word_names_still_places_the_protest():
    text = "Workers demonstrated against the merger in the northern city of Kharkiv on Friday."
    assert verb_place(text, "demonstrated") == "Kharkiv"


def test_the_same_words_after_another_verb_still_place_it():
    text = "Two civilians were killed in the bombing of Aleppo on Sunday."
    assert verb_place(text, "killed") == "Aleppo"


def test_a_happening_the_grievance_names_places_itself_not_the_protest():
    text = "Hundreds protested against the air offensive in Aleppo on Monday."
    assert verb_place(text, "protested") is None


def test_a_place_after_the_happening_and_another_locative_places_the_protest():
    text = "Hundreds protested against the war on Tartus at a park in Homs on Monday."
    assert verb_place(text, "protested") == "Homs"
