"""A vehicle or home hit is coded by who was in it or owned it: "a bus carrying soldiers" is a
battle, "the convoy of a governor" an attack on civilians; a bare vehicle stays civilian."""

from geomap.events import taxonomy as t
from geomap.events.classify import classify
from geomap.events.triggers import find_triggers


def _sub(text: str) -> str | None:
    return classify(text, 0, len(text), find_triggers(text))


def test_people_carried_decide():
    assert _sub("Gunmen opened fire on a minibus carrying soldiers home on leave.") == \
        t.ARMED_CLASH
    assert _sub("Raiders attacked the home of a militia commander near the ford.") == \
        t.ARMED_CLASH
    assert _sub("Gunmen opened fire on the convoy of the provincial governor.") == t.ATTACK


def test_an_owner_outside_the_lexicon_leaves_the_first_noun_deciding():
    assert _sub("Two police officers shot at farmers' trucks carrying melons.") == t.ATTACK
    assert _sub("Gunmen opened fire on a car near the market.") == t.ATTACK
