"""ACLED's derived columns, from events built by hand and from text through the extractor."""

from __future__ import annotations

from datetime import date

import pytest

from geomap.events import extract_events
from geomap.events import taxonomy as t
from geomap.events.acled_columns import (
    CIVILIAN_TARGETING,
    disorder_type,
    interaction,
    place_identity,
    region,
    source_scale,
    tags,
    timestamp,
    with_acled_columns,
)
from geomap.model import Article, Event, Mention, Place


def test_every_sub_event_type_has_acleds_disorder_type():
    expected = {
        t.EXCESSIVE_FORCE: "Political violence; Demonstrations",
        t.MOB_VIOLENCE: "Political violence",
        t.VIOLENT_DEMONSTRATION: "Demonstrations",
        t.PEACEFUL_PROTEST: "Demonstrations",
        t.PROTEST_WITH_INTERVENTION: "Demonstrations",
        t.ARMED_CLASH: "Political violence",
        t.AIR_STRIKE: "Political violence",
        t.ABDUCTION: "Political violence",
        t.ARRESTS: "Strategic developments",
    }
    for sub, event_type in t.SUB_EVENT_TYPES.items():
        assert disorder_type(event_type, sub) is not None
        if sub in expected:
            assert disorder_type(event_type, sub) == expected[sub], sub
    assert disorder_type("Not a type", "Nothing") is None


@pytest.mark.parametrize(("inter1", "inter2", "code"), [
    (1, 2, 12), (2, 1, 12), (6, 0, 60), (6, 1, 16), (8, 7, 78), (3, 3, 33), (None, 7, None),
])
def test_interaction_puts_the_smaller_code_first(inter1, inter2, code):
    assert interaction(inter1, inter2) == code


def test_a_nations_forces_are_state_forces_at_home_and_external_abroad():
    home = with_acled_columns(Event("e", "a", t.BATTLES, t.ARMED_CLASH, actor1="Russian forces",
                                    actor2="Rebels", country="Russia"))
    abroad = with_acled_columns(home.replace(country="Syria"))
    assert (home.inter1, home.inter2, home.interaction) == (1, 2, 12)
    assert (abroad.inter1, abroad.inter2, abroad.interaction) == (8, 2, 28)


def test_a_one_sided_event_codes_the_missing_actor_as_zero_and_an_unknown_one_as_null():
    protest = with_acled_columns(Event("e", "a", t.PROTESTS, t.PEACEFUL_PROTEST,
                                       actor1="Protesters"))
    assert (protest.inter1, protest.inter2, protest.interaction) == (6, 0, 60)
    nobody = with_acled_columns(Event("e", "a", t.EXPLOSIONS, t.AIR_STRIKE))
    assert (nobody.inter1, nobody.inter2, nobody.interaction) == (None, None, None)


def test_civilian_targeting_follows_the_target_not_the_weapon():
    attack = with_acled_columns(Event("e", "a", t.VIOLENCE_AGAINST_CIVILIANS, t.ATTACK,
                                      actor1="Unidentified armed group"))
    shelling = with_acled_columns(Event("e", "a", t.EXPLOSIONS, t.SHELLING,
                                        actor1="Military forces", actor2="Civilians"))
    clash = with_acled_columns(Event("e", "a", t.BATTLES, t.ARMED_CLASH,
                                     actor1="Military forces", actor2="Rebels"))
    assert attack.civilian_targeting == CIVILIAN_TARGETING
    assert shelling.civilian_targeting == CIVILIAN_TARGETING
    assert clash.civilian_targeting is None


@pytest.mark.parametrize(("iso", "expected"), [
    (760, "Middle East"), (4, "South Asia"), (404, "Eastern Africa"), (804, "Europe"),
    (566, "Western Africa"), (484, "Central America"), (None, None), (999, None),
])
def test_region_comes_from_the_iso_numeric_code(iso, expected):
    assert region(iso) == expected


def test_source_scale_is_stated_only_for_outlets_known_to_report_worldwide():
    assert source_scale(("Reuters",), ()) == "International"
    assert source_scale((), ("https://www.aljazeera.com/news/x",)) == "International"
    assert source_scale(("Reuters", "Town Gazette"), ()) is None  # one unknown: no guess
    assert source_scale((), ()) is None


@pytest.mark.parametrize(("notes", "expected"), [
    ("Hundreds of students marched to the ministry on Monday.", "crowd size=hundreds"),
    ("About 300 demonstrators gathered outside the court.", "crowd size=about 300"),
    ("Residents blocked the main road. [size=no report]", "crowd size=no report"),
    ("Workers protested unpaid wages; 3 people were injured.", "crowd size=no report"),
    (None, "crowd size=no report"),
])
def test_demonstrations_carry_a_crowd_size_tag(notes, expected):
    assert tags(t.PROTESTS, notes) == expected
    assert tags(t.BATTLES, notes) is None


def test_timestamp_is_the_publication_day_at_midnight_utc():
    assert timestamp(date(2020, 5, 4)) == 1588550400
    assert timestamp(None) is None


def test_only_real_geonames_rows_keep_a_geonameid():
    real = Place("Aleppo", 36.2, 37.16, geonameid=170063, source="geonames")
    curated = Place("Hamlet", 36.1, 37.1, geonameid=-4242, source="supplement")
    derived = Place("Some Province", 35.0, 38.0, geonameid=-77, source="derived")
    assert place_identity(real) == (170063, "geonames:170063")
    assert place_identity(curated) == (None, "supplement:4242")
    assert place_identity(derived) == (None, "derived:77")
    assert place_identity(None) == (None, None)


def test_with_acled_columns_is_idempotent_and_recomputes_after_a_merge():
    event = with_acled_columns(Event("e", "a", t.PROTESTS, t.PEACEFUL_PROTEST,
                                     event_date=date(2021, 3, 1), actor1="Protesters",
                                     iso=404, source="Reuters", timestamp=5))
    assert with_acled_columns(event) == event
    assert (event.year, event.region, event.source_scale, event.timestamp) == (
        2021, "Eastern Africa", "International", 5)
    merged = with_acled_columns(event.replace(sources=("Reuters", "Town Gazette"),
                                              article_ids=("a", "b")))
    assert merged.source_scale is None


PLACE = Place("Testville", 10.5, 20.25, geonameid=-31337, country="SY", admin1="Test Province",
              source="supplement")


def _article_events(text: str, published: date | None = date(2021, 6, 2)) -> list[Event]:
    start = text.index("Testville")
    mention = Mention(start, start + len("Testville"), "Testville", "literal", PLACE, 0.9)
    return extract_events(Article("art", text, published=published, source="Reuters"), [mention])


def test_extracted_events_carry_the_derived_columns():
    event = _article_events("On 1 June 2021, soldiers shelled Testville, killing 4 civilians.")[0]
    assert event.year == 2021
    assert event.disorder_type == "Political violence"
    assert event.region == "Middle East"
    assert event.source_scale == "International"
    assert event.timestamp == timestamp(date(2021, 6, 2))
    assert event.geonameid is None and event.place_id == "supplement:31337"
    assert event.record()["geonameid"] is None


def test_injured_is_null_unless_the_text_gives_a_number_and_fatalities_zero():
    quiet = _article_events("On 1 June 2021, soldiers shelled Testville.")[0]
    assert (quiet.fatalities, quiet.injured) == (0, None)
    hurt = _article_events("On 1 June 2021, soldiers shelled Testville, wounding 5 people.")[0]
    assert hurt.injured == 5


def test_notes_are_the_articles_words_only():
    text = "On 1 June 2021, gunmen killed 6 villagers in Testville."
    event = _article_events(text)[0]
    assert event.notes == text
    assert "[victims" not in (event.notes or "")
