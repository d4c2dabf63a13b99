""""X's chief of police was shot": the subject of a passive verb belongs to X, so X is where it
happened, even for a verb whose subject is a person (span task), and even when a few words
describe what X owns."""

from __future__ import annotations

from event_fixtures import verb_place


def test_the_owner_of_a_shot_official_places_the_shooting():
    text = "Kharkiv's acting regional police chief was shot on Thursday."
    assert verb_place(text, "shot") == "Kharkiv"


def test_a_named_person_shot_is_still_no_place():
    text = "Kharkiv was shot on Thursday, his family said."
    assert verb_place(text, "shot") is None


def test_owned_things_several_words_long_were_guarded():
    text = "Homs's old covered spice markets were guarded by militia."
    assert verb_place(text, "guarded") == "Homs"
