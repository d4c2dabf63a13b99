"""The span answer is the whole name: a capitalised word right before the name the geoparser
read is part of it ("West X", "North Y"), unless it opens the sentence ("In X, ..."), belongs
to an owner ("Z's X") or is itself another name."""

from __future__ import annotations

from event_fixtures import verb_place


def test_a_capitalised_word_before_the_name_is_part_of_it():
    text = "Government troops shelled rebel positions in North Jarablus on Monday."
    assert verb_place(text, "shelled") == "North Jarablus"


def test_the_opening_word_of_the_sentence_is_not():
    text = "In Jarablus, government troops shelled rebel positions on Monday."
    assert verb_place(text, "shelled") == "Jarablus"


def test_an_owner_is_not():
    text = "Government troops shelled rebel positions in Syria's Jarablus on Monday."
    assert verb_place(text, "shelled") == "Jarablus"
