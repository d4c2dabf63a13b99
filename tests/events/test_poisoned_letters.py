"""A toxin or pathogen sent by post is an attack on the people it reaches, not chemical warfare;
chemical weapons used in war stay ACLED's Chemical weapon."""

from geomap.events import extract_events
from geomap.model import Article


def _first(text: str):
    events = extract_events(Article(id="t", text=text))
    assert events, text
    return events[0]


def test_a_letter_laced_with_a_toxin_is_an_attack_on_civilians():
    event = _first("On 4 June 2019, a letter laced with ricin was mailed to a newspaper editor in "
                   "Leeds. Two clerks were taken to hospital after opening it.")
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack")


def test_spores_in_an_envelope_are_an_attack():
    event = _first("On 4 June 2019, staff at a bank in Leeds found anthrax spores in an envelope. "
                   "One clerk was hurt.")
    assert event.sub_event_type == "Attack"


def test_chlorine_dropped_on_a_town_is_a_chemical_weapon():
    event = _first("On 4 June 2019, government helicopters dropped chlorine gas on the town of "
                   "Kafr Zita, wounding 12 people.")
    assert event.sub_event_type == "Chemical weapon"
