"""Which of a sentence's names an event is tied to: lists share their preposition and their
first name's nearness, a chain's province arbitrates between a place and its container, and
the pieces of one name joined by a particle are no places of their own."""

from __future__ import annotations

from geomap.events.locate import locate_event
from geomap.model import Mention, Place

KUNAR = Place("Kunar", 34.9, 71.1, None, "AF", "Kunar", "A", "ADM1")
KABUL = Place("Kabul", 34.52813, 69.17233, None, "AF", "Kabul", "P", "PPLC", 3043532)
AFGHANISTAN = Place("Afghanistan", 33.0, 66.0, None, "AF", None, "A", "PCLI")


def _village(name: str, lat: float, lon: float, admin1: str) -> Place:
    return Place(name, lat, lon, None, "AF", admin1, "P", "PPL")


def _district(name: str, lat: float, lon: float, admin1: str) -> Place:
    return Place(name, lat, lon, None, "AF", admin1, "A", "ADM2")


def _placed(text: str, verb: str, spans: list[tuple[str, Place | None]]) -> str | None:
    """The name of the mention the event at ``verb`` is tied to, each name of ``spans`` (its
    first occurrence) read as the given place (None: a name the gazetteer could not read)."""
    mentions = [Mention(text.index(name), text.index(name) + len(name), name, "literal", place,
                        0.5) for name, place in spans]
    start = text.index(verb)
    location = locate_event(text, (start, start + len(verb)), (0, len(text)), mentions)
    return None if location is None or location.mention is None else location.mention.name


def test_a_district_after_a_name_read_in_pieces_shares_the_lists_preposition():
    # "Tarzak Kot" is one name the gazetteer lacks: its first piece read as a far-off namesake,
    # its second not at all; the district coordinated with it is still "in" the airstrikes.
    text = "On 3 June 2021, airstrikes hit militants in Tarzak Kot and Darkeshi districts, Kabul."
    spans = [("Tarzak", _village("Tarzak", 36.5, 68.0, "Baghlan")), ("Kot", None),
             ("Darkeshi", _district("Darkeshi", 34.6, 69.0, "Kabul")), ("Kabul", KABUL)]
    assert _placed(text, "airstrikes", spans) == "Darkeshi"


def test_the_first_of_a_list_wins_over_the_last_standing_nearer_the_verb():
    # ACLED's notes code a list's first place; the last only stands nearer "mortars".
    text = "On 3 June 2021, rebels fired on army positions near Velmora and Tolvani with mortars."
    spans = [("Velmora", _village("Velmora", 34.9, 71.05, "Kunar")),
             ("Tolvani", _village("Tolvani", 34.95, 71.2, "Kunar"))]
    assert _placed(text, "mortars", spans) == "Velmora"


def test_a_container_read_outside_the_chains_province_does_not_outvote_the_place():
    # Velmora is read in Kunar, as the chain's last region says; the town named between them
    # is read in another province, so its reading, not Velmora's, is the namesake (and the
    # town after it, read where the chain says, does not win for being the only one left).
    text = "On 3 June 2021, a bomb exploded near Velmora, Tolvani, Gulvarzi, Kunar, Afghanistan."
    spans = [("Velmora", _village("Velmora", 34.9, 71.05, "Kunar")),
             ("Tolvani", _village("Tolvani", 36.2, 68.1, "Baghlan")),
             ("Gulvarzi", _village("Gulvarzi", 35.2, 71.3, "Kunar")),
             ("Kunar", KUNAR), ("Afghanistan", AFGHANISTAN)]
    assert _placed(text, "exploded", spans) == "Velmora"


def test_the_pieces_of_a_name_joined_by_a_particle_give_way_to_its_town():
    # "Qorvand-e Sabzak" read as two villages far apart: neither is the place, Kabul is.
    text = ("On 3 June 2021, a magnetic bomb detonated targeting a minibus in Qorvand-e Sabzak, "
            "Kabul, Afghanistan.")
    spans = [("Qorvand", _village("Qorvand", 34.3, 67.4, "Bamyan")),
             ("Sabzak", _village("Sabzak", 34.9, 69.1, "Parwan")),
             ("Kabul", KABUL), ("Afghanistan", AFGHANISTAN)]
    assert _placed(text, "bomb", spans) == "Kabul"


def test_the_people_of_a_community_are_no_place_of_their_clash():
    # "Velmora" names a people here; a village of that name in another province is a namesake,
    # and the clash happened in the town named after it.
    text = ("On 3 June 2021, two groups of the Velmora community clashed over farmland in "
            "Tolvani (Kunar).")
    spans = [("Velmora", _village("Velmora", 35.9, 70.4, "Badakhshan")),
             ("Tolvani", _village("Tolvani", 34.95, 71.2, "Kunar")), ("Kunar", KUNAR)]
    assert _placed(text, "clashed", spans) == "Tolvani"


def test_the_territory_of_a_community_is_a_place():
    text = "On 3 June 2021, troops shelled the territory of Velmora community with mortars."
    spans = [("Velmora", _village("Velmora", 34.9, 71.05, "Kunar"))]
    assert _placed(text, "shelled", spans) == "Velmora"


def test_a_road_named_after_far_off_towns_gives_way_to_the_town_it_runs_in():
    # the road's two names read as towns abroad (two countries apart); however closely "on"
    # ties the first to the clash, it happened in the town the road runs in
    text = ("On 3 June 2021, clashes took place between gunmen and regime forces on Velmora - "
            "al Tolvani road in Quneitra after the former fired at a checkpoint on the road.")
    spans = [("Velmora", Place("Velmora", 42.36, -71.06, None, "US", "Massachusetts", "P",
                               "PPL")),
             ("Tolvani", Place("Tolvani", 36.72, -4.42, None, "ES", "Andalusia", "P", "PPL")),
             ("Quneitra", Place("Al Qunaytirah", 33.13, 35.82, None, "SY", "Quneitra", "P",
                                "PPLA"))]
    assert _placed(text, "clashes", spans) == "Quneitra"
