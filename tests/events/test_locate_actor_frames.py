"""Names that belong to an actor, not to the event: the passive subject of a verb that only
people undergo ("X was shot" names a victim, even when X is also a town's name), and the base
an actor is stationed at ("troops based in X patrolled Y")."""

from __future__ import annotations

from event_fixtures import build_mentions, verb_place

from geomap.events.locate import TIED
from geomap.events.locate_score import candidate_score


def test_the_subject_of_was_shot_is_a_person():
    text = "Homs was shot twice by an unknown gunman, his lawyer said."
    assert verb_place(text, "shot") is None


def test_the_subject_of_was_shelled_is_a_place():
    text = "Homs was shelled twice overnight."
    assert verb_place(text, "shelled") == "Homs"


def test_the_place_after_a_person_verb_still_counts():
    text = "Homs was shot twice outside a cafe in Idlib, his lawyer said."
    assert verb_place(text, "shot") == "Idlib"


def test_an_actors_base_is_not_where_it_acts():
    text = "Jets based in Kabul have patrolled over Idlib since March."
    assert verb_place(text, "patrolled") == "Idlib"
    text = "Guards stationed in Homs patrolled the roads all night."
    assert verb_place(text, "patrolled") is None


def test_a_name_qualifying_a_war_does_not_place_the_verb():
    text = "The hill was captured from its defenders in the long Homs war."
    assert verb_place(text, "captured") is None
    text = "Idlib was captured by the army in the 1990 Homs war."
    assert verb_place(text, "captured") == "Idlib"


def test_the_owner_of_a_war_does_not_place_the_verb():
    text = "Thousands have been killed in Homs's long civil war."
    assert verb_place(text, "killed") is None
    text = "Thousands have been killed in Homs's old quarter."
    assert verb_place(text, "killed") == "Homs"



def test_a_place_measured_from_with_adverbs_between_only_locates_the_other():
    """"X, also just north of Y": Y says where X is; it is no place of the verb's own."""
    text = "Two guards were killed at Jarablus, also just north of Aleppo."
    mentions = build_mentions(text)
    start = text.index("killed")
    aleppo = next(m for m in mentions if m.name == "Aleppo")
    tie, _ = candidate_score(text, aleppo, mentions, (start, start + 6), (0, len(text)), True)
    assert tie < TIED
