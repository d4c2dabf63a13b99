"""The geoparser may mark a name without the lower-case particle it opens on ("Qusur" of
"al-Qusur"): the span task grows the mention back over it, so the answer is the whole name and
the word that governs it ("the village of") is found right before it."""

from __future__ import annotations

from geomap.events.locate import locate_verb
from geomap.model import Mention


def _marked(text: str, name: str) -> list[Mention]:
    start = text.index(name)
    return [Mention(start, start + len(name), name, "literal", None, 0.8)]


def test_a_name_marked_without_its_particle_is_answered_whole():
    text = "A suicide bomber killed nine people in the village of al-Qusur near the border."
    start = text.index("killed")
    found = locate_verb(text, start, start + 6, _marked(text, "Qusur"))
    assert found is not None and found.name == "al-Qusur"


def test_a_particle_inside_a_longer_word_is_not_taken():
    text = "A suicide bomber killed nine people in the village of Seval-Qusur near the border."
    start = text.index("killed")
    found = locate_verb(text, start, start + 6, _marked(text, "Qusur"))
    assert found is None or found.name != "al-Qusur"
