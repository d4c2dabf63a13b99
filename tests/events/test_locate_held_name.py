"""In "the Y island of X", Y only says where X lies, also when the geoparser reads X from its
second word on ("Hanish al-Z" read as "al-Z"); and the span then covers the whole name, since a
name does not open on a lower-case particle right after a capitalised word."""

from __future__ import annotations

from geomap.events.locate import locate_verb
from geomap.model import Mention


def test_the_held_name_read_from_its_particle_is_the_place_and_spans_whole():
    text = "Rebels captured the Dalmer Sea island of Korvan al-Sabir on Monday."
    sea = text.index("Dalmer Sea")
    part = text.index("al-Sabir")
    mentions = [Mention(sea, sea + len("Dalmer Sea"), "Dalmer Sea", "literal", None, 0.9),
                Mention(part, part + len("al-Sabir"), "al-Sabir", "literal", None, 0.9)]
    start = text.index("captured")
    found = locate_verb(text, start, start + len("captured"), mentions)
    assert found is not None and found.name == "Korvan al-Sabir"


def test_a_particle_name_after_a_sentence_opening_word_stays_as_read():
    text = "The al-Sabir district was shelled overnight."
    part = text.index("al-Sabir")
    mentions = [Mention(part, part + len("al-Sabir"), "al-Sabir", "literal", None, 0.9)]
    start = text.index("shelled")
    found = locate_verb(text, start, start + len("shelled"), mentions)
    assert found is not None and found.name == "al-Sabir"
