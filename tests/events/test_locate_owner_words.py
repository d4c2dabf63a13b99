"""An owner in "Y's <words> X" holds X however the words between read ("Y's walled old X",
"Y's office in X"), but not across a word that brings in a second party ("Y's border with X",
where Y is the place); and in "the Y port city of X" the whole class phrase, not its first word,
makes Y the container of X."""

from __future__ import annotations

from event_fixtures import verb_place


def test_an_owner_with_two_words_before_the_place_it_holds():
    text = "The gunmen were captured in Aleppo's walled old Karam Houmid on Monday."
    assert verb_place(text, "captured") == "Karam Houmid"


def test_the_owner_of_an_office_in_a_town_is_not_where_it_happened():
    text = "He was captured not far from Tartus's office in Homs."
    assert verb_place(text, "captured") == "Homs"


def test_a_border_with_another_country_keeps_the_owner_the_place():
    text = "The rebels captured three towns along Syria's border with Russia."
    assert verb_place(text, "captured") == "Syria"


def test_a_two_word_class_phrase_makes_the_first_name_the_container():
    text = "Rockets struck a market in the Tartus port city of Jarablus on Saturday."
    assert verb_place(text, "struck") == "Jarablus"
