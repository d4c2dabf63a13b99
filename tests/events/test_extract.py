from datetime import date

import pytest
from event_fixtures import build_mentions

from geomap.events import events_frame, extract_events
from geomap.events.taxonomy import SUB_EVENT_TYPES
from geomap.model import EVENT_FIELDS, Article

# Our own article in the style of the user's example (wire story, caption, reported speech).
FIXTURE = """\
Minister calls for inquiry into Aleppo attacks

The foreign minister called for an investigation into the bombardment of hospitals in Aleppo.
Russian and Syrian government actions in Aleppo "beg for an inquiry," he said on Friday.
He also accused the Russians of employing a strategy to terrorize civilians.
On Monday, the US decided to suspend ties with Moscow over the offensive on Aleppo.
The offensive has killed hundreds of civilians and opposition fighters in the city over the \
past two weeks, an official told the Washington Post earlier this week.
In response, Russia deployed surface-to-air missiles to its naval base in Tartus, on \
Syria's coast.
A medic holds a dead child after airstrikes in the rebel held Karam Houmid neighbourhood in \
Aleppo, Syria October 4, 2016.
"Any missile or airstrikes on the territory will create a clear threat," the statement read.
Russia accused the US of aggression after US warplanes targeted a Syrian army base on \
Al-Tharda mountain on September 17, killing as many as 80 Syrian troops.
"""
PUBLISHED = date(2016, 10, 7)


@pytest.fixture
def fixture_events():
    mentions = build_mentions(FIXTURE, metonyms=("Moscow",), embedded=("Washington",))
    return extract_events(Article("fixture", FIXTURE, published=PUBLISHED), mentions)


def _at(events, location):
    return [e for e in events if e.location == location]


def test_fixture_article_events_are_the_reported_ones(fixture_events):
    aleppo = [e for e in _at(fixture_events, "Aleppo") if (e.fatalities or 0) >= 100]
    assert aleppo and aleppo[0].sub_event_type in {"Air/drone strike",
                                                   "Shelling/artillery/missile attack"}
    karam = _at(fixture_events, "Karam Houmid")
    assert [e.sub_event_type for e in karam] == ["Air/drone strike"]
    assert karam[0].event_date == date(2016, 10, 4) and karam[0].geo_precision == 1
    tartus = _at(fixture_events, "Tartus")
    assert [e.event_type for e in tartus] == ["Strategic developments"]
    tharda = _at(fixture_events, "Jabal al-Tharda")
    assert len(tharda) == 1 and tharda[0].sub_event_type == "Air/drone strike"
    assert (tharda[0].event_date, tharda[0].fatalities, tharda[0].fatalities_high) == (
        date(2016, 9, 17), 80, 80)
    assert tharda[0].actor1 == "US forces"


def test_reported_speech_metonyms_and_organisations_make_no_events(fixture_events):
    places = {e.location for e in fixture_events}
    assert not places & {"Moscow", "Washington", "Russia"}
    # the inquiry, the accusation and the threat are not events: one event per happening
    assert len(fixture_events) == 4


def test_event_ids_are_deterministic_and_unique(fixture_events):
    again = extract_events(Article("fixture", FIXTURE, published=PUBLISHED),
                           build_mentions(FIXTURE, metonyms=("Moscow",),
                                          embedded=("Washington",)))
    assert [e.event_id for e in again] == [e.event_id for e in fixture_events]
    assert len({e.event_id for e in fixture_events}) == len(fixture_events)
    for event in fixture_events:
        assert FIXTURE[event.trigger_span[0]:event.trigger_span[1]]
        assert SUB_EVENT_TYPES[event.sub_event_type] == event.event_type


def test_events_frame_has_exactly_the_contract_columns_and_no_nan(fixture_events):
    frame = events_frame(fixture_events)
    assert list(frame.columns) == list(EVENT_FIELDS)
    assert len(frame) == len(fixture_events)
    for value in frame.to_dict("records")[0].values():
        assert not (isinstance(value, float) and value != value)
    assert list(events_frame([]).columns) == list(EVENT_FIELDS)


def test_country_and_iso_numeric_come_from_the_place(fixture_events):
    tartus = _at(fixture_events, "Tartus")[0]
    assert (tartus.country, tartus.iso, tartus.admin1) == ("Syria", 760, "Tartus")


@pytest.mark.parametrize(("note", "event_type", "sub_event_type"), [
    ("On 3 May 2020, assailants threw an incendiary device at a mosque in Kabul. No casualties.",
     "Strategic developments", "Looting/property destruction"),
    ("On 3 May 2020, assailants set a school building on fire in Kabul.",
     "Strategic developments", "Looting/property destruction"),
    # a village official is no soldier: "captain" alone is a rank, "barangay captain" is not
    ("On 9 June 2021, assailants shot and killed a barangay captain in Kabul.",
     "Violence against civilians", "Attack"),
    ("On 9 January 2021, assailants opened fire on villages near Kabul.",
     "Violence against civilians", "Attack"),
    ("On 12 July 2023, Russian forces launched a guided aerial bomb at Bochkove, Kharkiv.",
     "Explosions/Remote violence", "Air/drone strike"),
    ("On 28 February 2023, Russian forces dropped two explosive shells from drones on a house in "
     "Bochkove, Kharkiv.", "Explosions/Remote violence", "Air/drone strike"),
    ("On 7 May 2020, an RCIED exploded targeting a convoy near Kabul.",
     "Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("On 8 May 2020, in Homs, gym owners did a motorcade to demand the re-opening of gyms.",
     "Protests", "Peaceful protest"),
    ("On 29 April 2020, government and rebel forces exchanged prisoners near Idlib.",
     "Strategic developments", "Agreement"),
    ("On 7 May 2020, militants seized a vehicle belonging to a councilor in Kabul.",
     "Strategic developments", "Looting/property destruction"),
    ("On 7 May 2020, government forces established new fortifications east of Idlib.",
     "Strategic developments", "Change to group/activity"),
    ("06/28/2021: An explosion occurred near the administration office in Kabul.",
     "Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("On 1 March 2020, a drone strike by US military forces killed 6 Islamic State militants, in "
     "Chawkay district, Kunar.", "Explosions/Remote violence", "Air/drone strike"),
    ("On 8 January 2024, Russian military forces shelled Bochkove, Kharkiv. Casualties unknown.",
     "Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("On 3 May 2020, Taliban militants attacked an Afghan military checkpoint in Kabul, killing "
     "2 soldiers.", "Battles", "Armed clash"),
    ("On 3 May 2020, gunmen shot dead a teacher in Kabul.", "Violence against civilians",
     "Attack"),
    ("On 4 May 2020, a roadside bomb struck a bus in Kabul, killing 3 civilians.",
     "Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("On 5 May 2020, a suicide bomber blew himself up at a mosque in Kabul.",
     "Explosions/Remote violence", "Suicide bomb"),
    ("On 6 May 2020, hundreds of people protested in Homs demanding the release of detainees.",
     "Protests", "Peaceful protest"),
    ("On 6 May 2020, protesters gathered in Homs and police dispersed them with tear gas.",
     "Protests", "Protest with intervention"),
    ("On 6 May 2020, security forces opened fire on protesters in Homs, killing 2.",
     "Protests", "Excessive force against protesters"),
    ("On 7 May 2020, rioters threw stones at police and burned tyres in Homs.", "Riots",
     "Violent demonstration"),
    ("On 7 May 2020, a mob lynched a suspected thief in Homs.", "Riots", "Mob violence"),
    ("On 3 May 2020, merchants barricaded the entrance to Homs and demonstrated to demand the "
     "reopening of the market.", "Riots", "Violent demonstration"),
    ("A group of protesters engaged police in running battles along a road in Homs.", "Riots",
     "Violent demonstration"),
    ("On 8 May 2020, gunmen abducted 4 aid workers near Idlib.", "Violence against civilians",
     "Abduction/forced disappearance"),
    ("On 8 May 2020, police arrested 12 men in Homs.", "Strategic developments", "Arrests"),
    ("On 9 May 2020, security forces defused an IED planted on a road near Idlib.",
     "Strategic developments", "Disrupted weapons use"),
    ("On 9 May 2020, regime forces recaptured the town of Idlib from rebels.", "Battles",
     "Government regains territory"),
    ("On 9 May 2020, militants looted shops and burned houses in Homs.",
     "Strategic developments", "Looting/property destruction"),
    ("On 9 May 2020, rebels and government forces clashed near Idlib.", "Battles",
     "Armed clash"),
    ("On 9 May 2020, a chemical attack with chlorine hit Idlib.", "Explosions/Remote violence",
     "Chemical weapon"),
    ("On 9 May 2020, a man threw a hand grenade into a shop in Homs.",
     "Explosions/Remote violence", "Grenade"),
    ("On 29 April 2020, a ship loaded with tanks and heavy weapons reportedly arrived in Homs.",
     "Strategic developments", "Change to group/activity"),
    # both sides firing and ground attacks make a clash, whatever the artillery
    ("On 29 April 2020, Houthi and pro-Hadi forces exchanged artillery fire on the frontline "
     "near Kabul.", "Battles", "Armed clash"),
    ("On 6 July 2023, Russian forces conducted unsuccessful ground attacks against Ukrainian "
     "forces and shelled near Bochkove, Kharkiv, with artillery.", "Battles", "Armed clash"),
    # local militiamen are armed; a former soldier is not
    ("On 13 March 2020, 1 'Arbaki' was killed by a Taliban sniper in Kabul.", "Battles",
     "Armed clash"),
    ("On 2 March 2020, a former soldier was killed by Taliban militants in Kabul.",
     "Violence against civilians", "Attack"),
    # GTD-style incidents without a weapon word of the usual kind
    ("05/09/2021: Assailants launched an incendiary balloon that landed in Homs.",
     "Strategic developments", "Looting/property destruction"),
    ("03/08/2021: An assailant attempted to stab a woman at a farm near Homs.",
     "Violence against civilians", "Attack"),
    ("05/24/2021: An assailant drove her car through a vaccination tent in Homs.",
     "Violence against civilians", "Attack"),
    ("10/18/2001: A letter laced with anthrax was sent to an office in Homs.",
     "Explosions/Remote violence", "Chemical weapon"),
])
def test_acled_style_notes_get_their_type(note, event_type, sub_event_type):
    events = extract_events(Article("n", note), build_mentions(note))
    assert events and (events[0].event_type, events[0].sub_event_type) == (
        event_type, sub_event_type)


def test_a_sentence_can_hold_two_events_at_two_places():
    text = ("On 9 May 2020, airstrikes hit Idlib, killing 4 civilians, while rebels clashed with "
            "troops in Homs.")
    events = extract_events(Article("two", text), build_mentions(text))
    assert [(e.location, e.sub_event_type) for e in events] == [
        ("Idlib", "Air/drone strike"), ("Homs", "Armed clash")]
    assert [e.fatalities for e in events] == [4, 0]


def test_detail_sentences_join_their_event_and_count_once():
    text = ("On 8 January 2024, Russian forces shelled Bochkove, Kharkiv. The shelling killed two "
            "civilians. Fatalities coded as 2.")
    events = extract_events(Article("one", text), build_mentions(text))
    assert len(events) == 1 and events[0].fatalities == 2 and events[0].location == "Bochkove"


def test_an_event_with_no_place_falls_back_to_the_focus_with_precision_3():
    text = ("Aleppo has been under siege for months. Aleppo residents fear the worst. "
            "Airstrikes killed 9 people on Tuesday.")
    events = extract_events(Article("f", text, published=PUBLISHED), build_mentions(text))
    assert [(e.location, e.geo_precision, e.fatalities) for e in events] == [("Aleppo", 3, 9)]


def test_an_event_with_no_place_at_all_stays_unmapped():
    text = "On 9 May 2020, gunmen killed 3 villagers."
    events = extract_events(Article("u", text), [])
    assert len(events) == 1 and events[0].lat is None and events[0].location is None


def test_empty_and_eventless_articles():
    assert extract_events(Article("e", ""), []) == []
    assert extract_events(Article("q", "The weather was fine in Homs on Monday."),
                          build_mentions("The weather was fine in Homs on Monday.")) == []


@pytest.mark.parametrize(("note", "actor1", "actor2"), [
    ("On 1 March 2020, a drone strike by US military forces killed 6 Islamic State militants in "
     "Chawkay.", "US forces", "Islamic State"),
    ("On 8 January 2024, Russian forces shelled Bochkove, Kharkiv.", "Russian forces", None),
    ("On 6 May 2020, Taliban militants ambushed Afghan forces near Kabul.", "Taliban",
     "Afghan forces"),
    ("On 6 May 2020, hundreds of people protested in Homs.", "Protesters", None),
    ("On 6 May 2020, airstrikes killed 9 civilians in Idlib.", None, "Civilians"),
    # a passive clause: the agent after "by" acted, the subject was the target
    ("On 3 March 2020, 1 soldier was killed by a Taliban sniper in Kabul.", "Taliban",
     "Military forces"),
    ("On 3 March 2020, rebels backed by Turkish forces shelled Idlib.", "Rebels",
     "Turkish forces"),
    # the side that attacked is actor1, even when the other one repelled it
    ("On 14 March 2023, Russian forces engaged in an offensive near Kabul, but were repelled by "
     "Ukrainian forces.", "Russian forces", "Ukrainian forces"),
    # the target named in a detail sentence of the same event
    ("On 16 March 2023, Russian military forces shelled Bochkove, Kharkiv. A civilian was "
     "wounded.", "Russian forces", "Civilians"),
    ("On 28 April 2020, military forces of Armenia fired at the positions of the military "
     "forces of Azerbaijan near Kabul.", "Military forces of Armenia",
     "Military forces of Azerbaijan"),
    # the subject suffered the event; the doer is named later, or is "by" a weapon's owner
    ("On 5 March 2020, 3 soldiers were killed during clashes with Taliban militants in Kabul.",
     "Taliban", "Military forces"),
    ("On 4 March 2020, 2 girls were killed by Afghan forces fire in Kabul.", "Afghan forces",
     "Civilians"),
    # "repelled an attack by X": X attacked
    ("On 2 May 2020, Afghan forces repelled an attack by Taliban militants in Kabul.",
     "Taliban", "Afghan forces"),
    ("On 6 May 2020, Afghan forces repelled a Taliban attack on their convoy in Kabul.",
     "Taliban", "Afghan forces"),
    # forces known by their acronyms
    ("On 10 March 2020, a bomb planted by Taliban killed 1 NDS agent in Kabul.", "Taliban",
     "Afghan forces"),
    ("On 2 May 2020, militants ambushed a gendarmerie unit in Kabul, killing one gendarme.",
     "Unidentified armed group", "Police forces"),
    # a bomb nobody claimed still had a perpetrator
    ("On 7 March 2020, 1 policeman was killed when a bomb attached to a vehicle exploded in "
     "Kabul.", "Unidentified armed group", "Police forces"),
    ("On 28 April 2020, Ukrainian forces fired mortars at the positions of the Donbass People's "
     "Militia near Bochkove.", "Ukrainian forces", "NAF rebels"),
])
def test_actors_at_the_level_the_text_supports(note, actor1, actor2):
    event = extract_events(Article("a", note), build_mentions(note))[0]
    assert (event.actor1, event.actor2) == (actor1, actor2)


def test_a_scene_setting_sentence_gives_the_next_sentences_event_its_place_and_date():
    text = ("On 7 May 2016, police officers went to Idlib to check a tip. Officers were attacked "
            "by suspects and a shoot-out broke out.")
    article = Article(id="scene", text=text, published=date(2016, 5, 10))
    events = extract_events(article, build_mentions(text))
    assert [(e.event_type, e.location, e.event_date) for e in events] == [
        ("Battles", "Idlib", date(2016, 5, 7))]


def test_an_event_sentence_without_place_date_or_toll_after_another_event_stays_commentary():
    text = ("Airstrikes hit Idlib on 4 May 2016, killing 5 people. Later, officers were attacked "
            "by suspects.")
    article = Article(id="scene2", text=text, published=date(2016, 5, 10))
    events = extract_events(article, build_mentions(text))
    assert len(events) == 1 and events[0].event_type == "Explosions/Remote violence"
