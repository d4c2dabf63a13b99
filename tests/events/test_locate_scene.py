"""A place named before the verb often only sets the scene ("In X province, troops shelled
Y"): the span task prefers the place the verb governs after it, and still takes the scene's
place when the verb governs none."""

from __future__ import annotations

from event_fixtures import verb_place


def test_the_place_the_verb_governs_beats_the_scene_set_before_it():
    text = ("In Aleppo, after a week of quiet, militia units shelled the army's "
            "positions along the road into the outlying market town of Jarablus.")
    assert verb_place(text, "shelled") == "Jarablus"


def test_the_scene_is_the_place_when_the_verb_governs_none():
    text = "In Homs, two officers were shot dead on Sunday."
    assert verb_place(text, "shot") == "Homs"


def test_a_place_that_undergoes_the_event_is_not_a_scene():
    text = "Idlib was heavily shelled for the third night running."
    assert verb_place(text, "shelled") == "Idlib"


def test_an_apposition_after_the_verbs_object_is_its_object():
    text = "Army units patrolled the province's biggest town, Tartus, after the riots."
    assert verb_place(text, "patrolled") == "Tartus"
