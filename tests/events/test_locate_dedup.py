from datetime import date

import pytest
from event_fixtures import PLACES, build_mentions, event_location

from geomap.events.dedup import deduplicate
from geomap.events.locate import (
    TIED,
    candidate_score,
    focus_place,
    locate_event,
    locate_verb,
)
from geomap.model import Event, Mention


def _with_mention(text, name, place, *, replacing=None):
    """The fixture's mentions, plus ``name`` read as ``place`` (None: unresolved), in place of
    the fixture's own mention ``replacing``."""
    start = text.index(name)
    extra = Mention(start, start + len(name), name, "literal", place, 0.5 if place else 0.0)
    return sorted([extra, *(m for m in build_mentions(text) if m.name != replacing)],
                  key=lambda m: m.start)


def test_neighbourhood_in_city_is_the_neighbourhood_at_precision_1():
    text = "Airstrikes hit the rebel held Karam Houmid neighbourhood in Aleppo, Syria."
    location = event_location(text, "Airstrikes")
    assert (location.place.name, location.precision) == ("Karam Houmid", 1)


def test_near_a_town_is_precision_2_and_a_province_alone_precision_3():
    near = event_location("Artillery units shelled near Vovchansk, Kharkiv.", "shelled")
    assert (near.place.name, near.precision) == ("Vovchansk", 2)
    province = event_location("Clashes were reported across Kunar.", "Clashes")
    assert (province.place.name, province.precision) == ("Kunar", 3)


def test_demonyms_metonyms_and_embedded_names_never_locate_an_event():
    text = "Russian jets bombed the suburbs overnight, according to the Washington Post."
    start = text.index("bombed")
    mentions = build_mentions(text, embedded=("Washington",))
    assert locate_event(text, (start, start + 6), (0, len(text)), mentions) is None


def test_armed_group_names_read_as_places_are_skipped():
    text = "Taliban militants attacked a checkpoint in Kabul."
    mentions = _with_mention(text, "Taliban", PLACES["Kharkiv"])
    assert event_location(text, "attacked", mentions).place.name == "Kabul"


def test_locate_verb_returns_none_when_no_place_is_tied():
    text = "Nine guards were killed during the fighting."
    assert locate_verb(text, text.index("killed"), text.index("killed") + 6, []) is None
    text = "Gunmen shot a man in Kabul on Monday."
    found = locate_verb(text, 7, 11, build_mentions(text))
    assert found is not None and text[found.start:found.end] == "Kabul"


def test_focus_place_prefers_the_most_named_town():
    text = "Aleppo is besieged. Syria says Aleppo will fall. Residents of Aleppo fled."
    assert focus_place(build_mentions(text)).name == "Aleppo"


def _event(article, event_type="Explosions/Remote violence", lat=36.20, lon=37.16,
           day=date(2016, 10, 4), fatalities=5, source=None):
    return Event(event_id=f"{article}-e", article_id=article, event_type=event_type,
                 sub_event_type="Air/drone strike", event_date=day, lat=lat, lon=lon,
                 fatalities=fatalities, injured=2, source=source or article,
                 source_url=f"https://example.org/{article}")


def test_dedup_merges_one_happening_reported_by_several_articles():
    merged = deduplicate([
        _event("a", fatalities=9, source="Reuters"),
        _event("b", lat=36.201, fatalities=5, source="AFP"),
        _event("c", lat=36.20, fatalities=None, source="AP"),
    ])
    assert len(merged) == 1
    assert merged[0].fatalities == 5  # ACLED: the most conservative of conflicting figures
    assert (merged[0].fatalities_low, merged[0].fatalities_high) == (5, 9)
    assert merged[0].sources == ("Reuters", "AFP", "AP")  # by date, then article
    assert merged[0].source == "Reuters" and len(merged[0].source_urls) == 3
    assert merged[0].n_reports == 3


def test_dedup_keeps_distinct_types_places_days_and_same_article_events():
    events = [
        _event("a"),
        _event("b", event_type="Battles"),
        _event("c", lat=35.0),  # ~130 km away
        _event("d", day=date(2016, 10, 8)),
        Event("a-2", "a", "Explosions/Remote violence", "Air/drone strike",
              date(2016, 10, 4), lat=36.20, lon=37.16),
    ]
    assert len(deduplicate(events)) == 5


def test_dedup_does_not_depend_on_input_order():
    events = [_event("a", source="X"), _event("b", source="Y"), _event("c", lat=35.0)]
    forward = deduplicate(events)
    backward = deduplicate(list(reversed(events)))
    assert [(e.event_id, e.source) for e in forward] == [(e.event_id, e.source) for e in backward]


def test_a_name_read_only_in_part_gives_way_to_its_container():
    text = "Gunmen attacked a police station in Charkh Dara, Kabul, Afghanistan."
    mentions = _with_mention(text, "Charkh", PLACES["Homs"])
    assert event_location(text, "attacked", mentions).place.name == "Kabul"
    start = text.index("attacked")
    # the span task still points at the name the sentence ties to the verb, read whole
    assert locate_verb(text, start, start + 8, mentions).name == "Charkh Dara"


def test_a_second_town_after_in_is_not_read_as_the_first_towns_container():
    # Idlib is no container of Homs (150 km apart): "in Idlib" names a second place.
    text = "Four soldiers were killed in attacks north of Homs in Idlib on Monday."
    location = event_location(text, "killed")
    assert location is not None and location.place.name in {"Homs", "Idlib"}
    assert location.tie >= 1.5


def test_a_region_read_as_its_seat_still_contains_the_town_before_it():
    # "in Aleppo" is the governorate here, though the geoparser reads the name as its city
    location = event_location("In Jarablus in Aleppo, teachers protested over pay.", "protested")
    assert (location.place.name, location.precision) == ("Jarabulus", 1)


def test_an_unknown_place_gives_way_to_its_known_container():
    text = "Militants attacked a camp in Metuge (Kabul) and fled towards Homs."
    location = event_location(text, "attacked", _with_mention(text, "Metuge", None))
    assert location.place.name == "Kabul" and location.precision == 1


def test_a_stray_namesake_far_from_the_sentences_other_places_is_not_the_event_place():
    from geomap.model import Place

    text = ("On 3 March 2021, in Natal, Rio Grande do Norte, a trader was killed in a robbery in "
            "Santa Rita neighborhood.")
    places = {
        "Natal": Place("Natal", -5.79, -35.21, 1, "BR", "Rio Grande do Norte", "P", "PPLA",
                       800000),
        "Rio Grande do Norte": Place("Rio Grande do Norte", -5.8, -36.6, 2, "BR",
                                     "Rio Grande do Norte", "A", "ADM1", 0),
        # the namesake 2,000 km south-west, in Sao Paulo state
        "Santa Rita": Place("Santa Rita", -21.7, -47.5, 3, "BR", "Sao Paulo", "P", "PPL",
                            20000),
    }
    mentions = [Mention(text.index(n), text.index(n) + len(n), n, "literal", p, 0.9)
                for n, p in places.items()]
    start = text.index("killed")
    location = locate_event(text, (start, start + 6), (0, len(text)), mentions)
    assert location.place.name == "Natal"


@pytest.mark.parametrize(("text", "verb"), [
    ("Journalists held a protest outside an office on Kabul road in Idlib city.", "protest"),
    ("A suicide bomber detonated on Kabul Road in Idlib, Syria.", "detonated"),
])
def test_a_road_named_after_a_town_is_not_the_event_place(text, verb):
    assert event_location(text, verb).place.name == "Idlib"


def test_a_distance_landmark_is_not_where_the_event_happened():
    text = "Militants bombed a bridge in the same area, about 210 kilometres north of Imphal."
    start = text.index("Imphal")
    imphal = Mention(start, start + 6, "Imphal", "literal", None, 0.9)
    verb = text.index("bombed")
    assert locate_verb(text, verb, verb + 6, [imphal]) is None
    text = "Militants bombed a bridge in Imphal."
    start = text.index("Imphal")
    imphal = Mention(start, start + 6, "Imphal", "literal", None, 0.9)
    found = locate_verb(text, verb, verb + 6, [imphal])
    assert found is not None and found.name == "Imphal"


def _span_of(text, verb, name):
    start = text.index(name)
    mention = Mention(start, start + len(name), name, "literal", None, 0.9)
    v = text.index(verb)
    found = locate_verb(text, v, v + len(verb), [mention])
    return found.name if found is not None else None


def test_where_the_sentence_ties_a_place_to_the_verb_in_other_ways():
    # the place undergoes a passive verb
    assert _span_of("Kilinochchi was captured by the army in January.", "captured",
                    "Kilinochchi") == "Kilinochchi"
    # a strong preposition a few words before a weak one
    assert _span_of("Farmers demonstrated near the road to Gatwick.", "demonstrated",
                    "Gatwick") == "Gatwick"
    # the object of a patrol verb
    assert _span_of("Marines will patrol Acapulco alongside local police.", "patrol",
                    "Acapulco") == "Acapulco"
    # a compass word between the preposition and the name
    assert _span_of("She was shot while cooking dinner in her west Derry flat.",
                    "shot", "Derry") == "Derry"
    # an apposition after a class noun
    assert _span_of("A driver was shot while parked in the economic capital, Lagos, on Nov. 3.",
                    "shot", "Lagos") == "Lagos"


def test_a_road_span_read_as_its_namesake_town_is_not_the_event_place():
    # the geoparser resolves "Aleppo Road" (no such street in the gazetteer) to Aleppo, which
    # lies near enough to Idlib to pass for its container
    text = "A suicide bomber detonated on Aleppo Road in Idlib, Syria."
    mentions = _with_mention(text, "Aleppo Road", PLACES["Aleppo"], replacing="Aleppo")
    assert event_location(text, "detonated", mentions).place.name == "Idlib"


def test_a_class_word_after_a_name_does_not_mark_it_as_read_in_part():
    location = event_location("Gunmen opened fire on a mosque in Idlib City, Syria.", "opened fire")
    assert (location.place.name, location.precision) == ("Idlib", 1)
    assert location.tie >= TIED  # "in Idlib City" ties the town to the shooting


def test_a_name_qualifying_an_official_is_not_where_the_event_happened():
    text = "Gunmen raided the residence of the Kabul governor and abducted two guards in Idlib."
    assert event_location(text, "raided").place.name == "Idlib"


def test_a_numbered_part_of_a_place_read_as_its_namesake_gives_way_to_the_container():
    # the gazetteer knows only "Aleppo", not the quarter "Aleppo II" of Idlib
    text = "Gunmen shot a councilor in Aleppo II, Idlib, on Monday."
    assert event_location(text, "shot").place.name == "Idlib"


def test_a_region_named_right_after_a_town_ends_the_towns_name():
    location = event_location("A bomb was found in Aleppo Syria on Monday.", "bomb")
    assert (location.place.name, location.precision) == ("Aleppo", 1)


def test_the_owner_in_a_possessive_holds_the_place_named_after_it():
    text = "Protesters gathered in Aleppo's Karam Houmid neighbourhood on Friday."
    assert event_location(text, "gathered").place.name == "Karam Houmid"


def test_a_town_after_a_country_and_in_is_not_taken_for_its_container():
    text = "Workers blocked the gate of the central bank of Syria in Tartus on Tuesday."
    location = event_location(text, "blocked")
    assert location.place.name == "Tartus" and location.tie >= TIED


def test_a_place_coordinated_with_another_shares_its_preposition():
    text = "Six militants were killed in clashes in Metuge (Manogi) district and Idlib city."
    location = event_location(text, "killed", _with_mention(text, "Metuge", None))
    assert location.place.name == "Idlib" and location.tie >= TIED


@pytest.mark.parametrize("text", [
    "Thousands demonstrated in Homs on Sunday to demand that Russia release the preacher.",
    "Thousands demonstrated on Sunday to demand that Russia release the preacher.",
])
def test_a_preposition_reaches_neither_across_a_day_nor_across_another_place(text):
    mentions = build_mentions(text)
    russia = next(m for m in mentions if m.name == "Russia")
    start = text.index("demonstrated")
    _, prep = candidate_score(text, russia, mentions, (start, start + 12), (0, len(text)))
    assert prep not in {"in", "on"}


def test_a_preposition_still_reaches_across_an_owner():
    text = "A man was shot dead outside a bar in Aleppo's Karam Houmid on Friday."
    start = text.index("shot")
    assert locate_verb(text, start, start + 4, build_mentions(text)).name == "Karam Houmid"


@pytest.mark.parametrize(("text", "verb", "place"), [
    # a place measured from another only says where the first one is
    ("Fighting raged on Sunday at Homs, northeast of Idlib, where rebels captured a hill.",
     "captured", "Homs"),
    # an owner with a compass word, and a container after a compass word, hold the place
    ("A bomb killed six people in Aleppo's western Karam Houmid district.", "killed",
     "Karam Houmid"),
    ("In the Karam Houmid neighborhood in northern Aleppo, a bomb exploded on Monday.",
     "exploded", "Karam Houmid"),
    # the text describes the first place as lying in the second
    ("In Karam Houmid, an area of Aleppo, two men shot a filmmaker.", "shot", "Karam Houmid"),
    # a nationality between the preposition and the place blocks nothing
    ("A sniper shot dead a shopkeeper in Syrian-held eastern Aleppo.", "shot", "Aleppo"),
    # a direction right after a movement is where it went
    ("The unions plan to march to Homs next week to press their demands.", "march", "Homs"),
    # the owner of the streets underwent the patrol
    ("Aleppo's markets were patrolled by soldiers overnight.", "patrolled", "Aleppo"),
])
def test_reference_points_owners_and_containers_give_way_to_the_place(text, verb, place):
    start = text.index(verb)
    assert locate_verb(text, start, start + len(verb), build_mentions(text)).name == place


def test_a_verb_of_saying_has_no_event_place_but_the_event_it_reports_does():
    text = "Police said they shot at rioters in Homs on Sunday."
    mentions = build_mentions(text)
    said, shot = text.index("said"), text.index("shot")
    assert locate_verb(text, said, said + 4, mentions) is None
    assert locate_verb(text, shot, shot + 4, mentions).name == "Homs"
