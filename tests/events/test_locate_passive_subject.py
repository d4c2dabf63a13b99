"""A place that undergoes the event as the subject of a passive verb is where it happened, also
when a class noun, an adverb, a relative pronoun or a bearing stands between it and the verb
("the X plateau, which was captured", "X is still patrolled", "the X depot, north of Y, was
bombed"); a progressive verb ("X are patrolling") is active and its subject the actor."""

from __future__ import annotations

from event_fixtures import verb_place


def test_a_class_noun_after_the_name_keeps_it_the_subject():
    text = "The old Idlib depot was bombed again before dawn."
    assert verb_place(text, "bombed") == "Idlib"


def test_a_relative_clause_keeps_the_name_the_subject():
    text = "The Homs bakery, which was shelled twice, reopened on Sunday."
    assert verb_place(text, "shelled") == "Homs"


def test_an_adverb_before_the_participle_keeps_the_name_the_subject():
    text = "Tartus is still patrolled by navy boats every night."
    assert verb_place(text, "patrolled") == "Tartus"


def test_a_bearing_between_commas_keeps_the_name_the_subject():
    text = "The Jarablus silo, north of Aleppo, was destroyed during the night."
    assert verb_place(text, "destroyed") == "Jarablus"


def test_a_progressive_verb_makes_the_name_its_actor_not_its_place():
    text = "Ships from Russia are now patrolling the coast."
    assert verb_place(text, "patrolling") is None


def test_a_person_named_in_an_apposition_is_no_subject_place():
    text = "Karim, a driver from Kabul, was captured near the border."
    assert verb_place(text, "captured") != "Kabul"
