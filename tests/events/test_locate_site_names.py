"""The span task names a site the gazetteer does not know when its name ends in a site's
class word ("the Greyfield Hospital", "the Orlan Gorge"): it is the most specific place the
sentence gives, more specific than the town it lies in."""

from __future__ import annotations

from event_fixtures import build_mentions, verb_place

from geomap.events.locate import locate_verb
from geomap.model import Mention


def test_a_site_named_by_its_class_word_is_the_place():
    text = "Two nurses were shot at the Greyfield Hospital in Homs on Tuesday."
    assert verb_place(text, "shot") == "Greyfield Hospital"


def test_a_site_with_a_particle_in_its_name_is_taken_whole():
    text = "Rebels captured the Tal al-Marj Airbase after a long siege."
    assert verb_place(text, "captured") == "Tal al-Marj Airbase"


def test_a_lone_class_word_is_no_site():
    text = "Police patrolled the Hospital grounds all night."
    assert verb_place(text, "patrolled") is None




def test_a_site_named_after_a_town_is_the_site_not_the_town():
    """The geoparser marks the town inside the site's name as embedded: the site is still the
    place, not the city named after it."""
    text = "A guard was shot at the Idlib Hospital in Aleppo."
    mentions = [Mention(m.start, m.end, m.name, "embedded" if m.name == "Idlib" else m.kind,
                        m.place, m.confidence) for m in build_mentions(text)]
    start = text.index("shot")
    found = locate_verb(text, start, start + 4, mentions)
    assert found is not None and found.name == "Idlib Hospital"


def test_a_site_an_owner_names_is_not_taken_whole():
    text = "A monk was shot at Homs's Church of the Saviour on Sunday."
    assert verb_place(text, "shot") == "Homs"
