"""A crowd that gathered anywhere "to demand" or "to denounce" something protested, whatever
words say where it gathered; a gathering for another purpose is no protest."""

from geomap.events import taxonomy as t
from geomap.events.classify import classify
from geomap.events.triggers import find_triggers


def _sub(text: str) -> str | None:
    return classify(text, 0, len(text), find_triggers(text))


def test_gathering_to_demand_something_is_a_protest():
    assert _sub("Around 200 nurses gathered in the courtyard of the Velmora hospital to demand "
                "three months of back pay.") == t.PEACEFUL_PROTEST


def test_gathering_for_another_purpose_is_not():
    assert _sub("Around 200 villagers gathered in the courtyard of the Velmora school to "
                "celebrate a wedding.") is None
