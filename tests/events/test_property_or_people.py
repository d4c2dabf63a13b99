"""ACLED codes property destruction only outside other violence: an attack on a thing that
harmed nobody is property destruction, and arson or looting that hurt people is an attack."""

from geomap.events import taxonomy as t
from geomap.events.casualties import Casualties
from geomap.events.classify import by_harm
from geomap.events.extract import extract_events
from geomap.events.triggers import find_triggers
from geomap.model import Article


def _first_trigger(text: str):
    return find_triggers(text)[0]


def test_an_attack_on_a_thing_that_harmed_nobody_is_property_destruction():
    text = "Gunmen opened fire on two fuel trucks outside the depot. No casualties were reported."
    assert by_harm(t.ATTACK, text, _first_trigger(text), Casualties(0, injured=0)) == t.LOOTING


def test_an_attack_on_a_home_or_village_stays_an_attack_on_the_people_there():
    for text in ("Gunmen opened fire on the house of a teacher. No one was hurt.",
                 "Raiders attacked a village near the river. No casualties were reported."):
        assert by_harm(t.ATTACK, text, _first_trigger(text), Casualties(0, injured=0)) == t.ATTACK


def test_without_a_stated_zero_the_attack_stands():
    text = "Gunmen opened fire on two fuel trucks outside the depot."
    assert by_harm(t.ATTACK, text, _first_trigger(text), Casualties()) == t.ATTACK


def test_arson_that_hurt_people_is_an_attack():
    text = "Raiders set fire to a dormitory. Four pupils were hurt."
    assert by_harm(t.LOOTING, text, _first_trigger(text), Casualties(injured=4)) == t.ATTACK


def test_end_to_end():
    text = ("On 3 March 2021, gunmen opened fire on the offices of a farmers' union in Velmora. "
            "No casualties were reported, but the building was damaged.")
    events = extract_events(Article("p1", text), [])
    assert [e.sub_event_type for e in events] == [t.LOOTING]
    text = "On 3 March 2021, raiders set fire to a school dormitory. Four pupils were hurt."
    assert [e.sub_event_type for e in extract_events(Article("p2", text), [])] == [t.ATTACK]
