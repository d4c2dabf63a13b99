"""A town's name before a lower-case "street" or "road" ("on a Gaza street") says which town the
street is in, so the town is where it happened; only a capitalised one ("X Road") names a
street after a town elsewhere. And "downtown X" after a verb is still the verb's object."""

from __future__ import annotations

from event_fixtures import verb_place


def test_a_town_before_a_lower_case_street_is_the_place():
    text = "A driver was shot dead as he drove on a Homs street at dusk."
    assert verb_place(text, "shot") == "Homs"


def test_a_street_named_after_a_town_is_not_that_town():
    text = "A driver was shot dead as he drove on Homs Road at dusk."
    assert verb_place(text, "shot") != "Homs"


def test_downtown_before_the_object_keeps_it_the_object():
    text = "Army units patrolled downtown Idlib on Friday."
    assert verb_place(text, "patrolled") == "Idlib"
