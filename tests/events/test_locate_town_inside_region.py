"""When a province or country wins as an event's place, a town of the same sentence that lies
inside it is the more specific place the text gives (events' coordinates; ACLED codes the most
specific place): "a parcel sent to the X clinic in <province>" happened in X."""

from __future__ import annotations

from event_fixtures import build_mentions, event_place

from geomap.events.locate import locate_event
from geomap.model import Mention, Place


def test_a_town_inside_the_winning_province_is_chosen():
    text = "A parcel bomb addressed to the Asadabad family planning clinic exploded in Kunar."
    assert event_place(text, "exploded") == "Asadabad"


def test_a_town_outside_the_winning_province_is_not():
    text = "A parcel bomb addressed to the Kabul family planning clinic exploded in Kunar."
    assert event_place(text, "exploded") == "Kunar"


def test_a_town_inside_the_winning_country_is_chosen():
    text = "A bomb left at the busy Jarablus grain market went off in Syria on Monday."
    assert event_place(text, "went off") == "Jarabulus"


def test_a_district_inside_the_winning_province_is_chosen_when_no_town_is():
    text = "The Chawkay district council said rebels shelled Kunar overnight."
    start = text.index("Chawkay")
    district = Mention(start, start + len("Chawkay"), "Chawkay", "literal",
                       Place("Chawkay", 34.76, 70.93, None, "AF", "Kunar", "A", "ADM2", 0), 0.9)
    mentions = sorted([*build_mentions(text), district], key=lambda m: m.start)
    verb = text.index("shelled")
    location = locate_event(text, (verb, verb + len("shelled")), (0, len(text)), mentions)
    assert location is not None and location.place.name == "Chawkay"
    assert location.precision == 2
