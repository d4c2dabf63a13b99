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
    ("On 14 June 2021, unknown men hurled an incendiary device over the wall of a clinic in "
     "Homs. No casualties.", "Strategic developments", "Looting/property destruction"),
    ("On 14 June 2021, a crowd set a town hall on fire in Homs.",
     "Strategic developments", "Looting/property destruction"),
    # a village official is no soldier: "captain" alone is a rank, "barangay captain" is not
    ("On 2 August 2022, two gunmen killed a barangay captain outside his house in Kabul.",
     "Violence against civilians", "Attack"),
    ("On 11 October 2021, unknown attackers opened fire on two villages outside Homs.",
     "Violence against civilians", "Attack"),
    ("On 19 August 2023, Russian aircraft dropped a guided aerial bomb on Vovchansk, Kharkiv.",
     "Explosions/Remote violence", "Air/drone strike"),
    ("On 3 September 2023, Russian troops dropped grenades from drones on a barn in "
     "Vovchansk, Kharkiv.", "Explosions/Remote violence", "Air/drone strike"),
    ("On 12 June 2021, an RCIED went off beside a police truck near Kabul.",
     "Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("On 15 June 2021, in Homs, taxi drivers held a motorcade to demand cheaper fuel.",
     "Protests", "Peaceful protest"),
    ("On 20 June 2021, the two warring parties exchanged prisoners near Idlib.",
     "Strategic developments", "Agreement"),
    ("On 21 June 2021, militants seized a truck belonging to a local trader in Kabul.",
     "Strategic developments", "Looting/property destruction"),
    ("On 22 June 2021, army units built new fortifications north of Idlib.",
     "Strategic developments", "Change to group/activity"),
    ("07/19/2022: An explosion took place beside a fuel depot in Kabul.",
     "Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("On 23 June 2021, a US drone strike killed 4 Islamic State fighters in Asadabad, Kunar.",
     "Explosions/Remote violence", "Air/drone strike"),
    ("On 9 October 2023, Russian artillery shelled Vovchansk, Kharkiv. Casualties unknown.",
     "Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("On 24 June 2021, Taliban fighters attacked an army checkpoint in Kabul, killing "
     "3 soldiers.", "Battles", "Armed clash"),
    ("On 3 May 2020, gunmen shot dead a teacher in Kabul.", "Violence against civilians",
     "Attack"),
    ("On 4 May 2020, a roadside bomb struck a bus in Kabul, killing 3 civilians.",
     "Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("On 5 May 2020, a suicide bomber detonated his vest at a wedding in Kabul.",
     "Explosions/Remote violence", "Suicide bomb"),
    ("On 25 June 2021, some two hundred residents protested in Homs over water cuts.",
     "Protests", "Peaceful protest"),
    ("On 26 June 2021, students rallied in Homs and police dispersed them with tear gas.",
     "Protests", "Protest with intervention"),
    ("On 6 May 2020, security forces opened fire on protesters in Homs, killing 2.",
     "Protests", "Excessive force against protesters"),
    ("On 27 June 2021, rioters threw stones at police and burned tyres in Homs.", "Riots",
     "Violent demonstration"),
    ("On 7 May 2020, a mob lynched a suspected thief in Homs.", "Riots", "Mob violence"),
    ("On 28 June 2021, farmers barricaded the main road into Homs and demonstrated to demand "
     "lower seed prices.", "Riots", "Violent demonstration"),
    ("Stone-throwing youths fought police in running battles in the streets of Homs.", "Riots",
     "Violent demonstration"),
    ("On 8 May 2020, gunmen abducted 4 aid workers near Idlib.", "Violence against civilians",
     "Abduction/forced disappearance"),
    ("On 8 May 2020, police arrested 12 men in Homs.", "Strategic developments", "Arrests"),
    ("On 9 May 2020, security forces defused an IED planted on a road near Idlib.",
     "Strategic developments", "Disrupted weapons use"),
    ("On 29 June 2021, government troops recaptured the town of Idlib from rebels.", "Battles",
     "Government regains territory"),
    ("On 9 May 2020, militants looted shops and burned houses in Homs.",
     "Strategic developments", "Looting/property destruction"),
    ("On 9 May 2020, rebels and government forces clashed near Idlib.", "Battles",
     "Armed clash"),
    ("On 9 May 2020, a chemical attack with chlorine hit Idlib.", "Explosions/Remote violence",
     "Chemical weapon"),
    ("On 9 May 2020, a man threw a hand grenade into a shop in Homs.",
     "Explosions/Remote violence", "Grenade"),
    ("On 30 June 2021, a vessel carrying tanks and rocket launchers reportedly arrived in Homs.",
     "Strategic developments", "Change to group/activity"),
    # both sides firing and ground attacks make a clash, whatever the artillery
    ("On 1 July 2021, the two rival militias exchanged artillery fire along the front line "
     "near Kabul.", "Battles", "Armed clash"),
    ("On 2 October 2023, Russian troops made failed ground attacks on Ukrainian positions and "
     "shelled near Vovchansk, Kharkiv, with artillery.", "Battles", "Armed clash"),
    # local militiamen are armed; a former soldier is not
    ("On 2 July 2021, 1 'Arbaki' died when a Taliban sniper shot him in Kabul.", "Battles",
     "Armed clash"),
    ("On 3 July 2021, Taliban gunmen killed a former soldier at his shop in Kabul.",
     "Violence against civilians", "Attack"),
    # GTD-style incidents without a weapon word of the usual kind
    ("08/14/2022: Attackers sent an incendiary balloon that came down in a field in Homs.",
     "Strategic developments", "Looting/property destruction"),
    ("09/02/2022: A man tried to stab a shepherd on a hillside near Homs.",
     "Violence against civilians", "Attack"),
    ("09/15/2022: A driver rammed his car into a queue of voters in Homs.",
     "Violence against civilians", "Attack"),
    ("11/04/2002: An envelope containing anthrax was mailed to a newsroom in Homs.",
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
    text = ("On 11 October 2023, Russian troops shelled Vovchansk, Kharkiv. The shelling killed "
            "two civilians. Fatalities coded as 2.")
    events = extract_events(Article("one", text), build_mentions(text))
    assert len(events) == 1 and events[0].fatalities == 2 and events[0].location == "Vovchansk"


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
    ("On 23 June 2021, a drone strike by US forces killed 4 Islamic State fighters in Asadabad.",
     "US forces", "Islamic State"),
    ("On 11 October 2023, Russian troops shelled Vovchansk, Kharkiv.", "Russian forces", None),
    ("On 6 May 2020, Taliban militants ambushed Afghan forces near Kabul.", "Taliban",
     "Afghan forces"),
    ("On 25 June 2021, hundreds of people protested in Homs.", "Protesters", None),
    ("On 6 May 2020, airstrikes killed 9 civilians in Idlib.", None, "Civilians"),
    # a passive clause: the agent after "by" acted, the subject was the target
    ("On 4 July 2021, a soldier was shot dead by a Taliban gunman in Kabul.", "Taliban",
     "Military forces"),
    ("On 3 March 2020, rebels backed by Turkish forces shelled Idlib.", "Rebels",
     "Turkish forces"),
    # the side that attacked is actor1, even when the other one repelled it
    ("On 5 October 2023, Russian forces launched an assault near Kabul, but were repelled by "
     "Ukrainian forces.", "Russian forces", "Ukrainian forces"),
    # the target named in a detail sentence of the same event
    ("On 11 October 2023, Russian troops shelled Vovchansk, Kharkiv. One resident was "
     "injured.", "Russian forces", "Civilians"),
    ("On 6 July 2021, military forces of Armenia shot at the posts of the military "
     "forces of Azerbaijan near Kabul.", "Military forces of Armenia",
     "Military forces of Azerbaijan"),
    # the subject suffered the event; the doer is named later, or is "by" a weapon's owner
    ("On 7 July 2021, 2 soldiers were killed in clashes with Taliban militants outside Kabul.",
     "Taliban", "Military forces"),
    ("On 8 July 2021, a boy was killed by Afghan forces fire near Kabul.", "Afghan forces",
     "Civilians"),
    # "repelled an attack by X": X attacked
    ("On 9 July 2021, Afghan forces repelled an assault by Taliban militants against a base "
     "in Kabul.", "Taliban", "Afghan forces"),
    ("On 10 July 2021, Afghan forces repelled a Taliban attack near a checkpoint in Kabul.",
     "Taliban", "Afghan forces"),
    # forces known by their acronyms
    ("On 11 July 2021, a mine laid by Taliban killed an NDS officer in Kabul.", "Taliban",
     "Afghan forces"),
    ("On 12 July 2021, militants ambushed a gendarmerie patrol in Kabul, killing one gendarme.",
     "Unidentified armed group", "Police forces"),
    # a bomb nobody claimed still had a perpetrator
    ("On 13 July 2021, a police officer was killed after a bomb attached to his car exploded "
     "in Kabul.",
     "Unidentified armed group", "Police forces"),
    ("On 14 July 2021, Ukrainian forces fired mortars at the Donbass People's Militia "
     "near Vovchansk.", "Ukrainian forces", "NAF rebels"),
])
def test_actors_at_the_level_the_text_supports(note, actor1, actor2):
    event = extract_events(Article("a", note), build_mentions(note))[0]
    assert (event.actor1, event.actor2) == (actor1, actor2)


def test_a_scene_setting_sentence_gives_the_next_sentences_event_its_place_and_date():
    text = ("On 7 May 2016, a police patrol drove to Idlib to follow up a report. Gunmen fired "
            "on the patrol and a shoot-out followed.")
    article = Article(id="scene", text=text, published=date(2016, 5, 10))
    events = extract_events(article, build_mentions(text))
    assert [(e.event_type, e.location, e.event_date) for e in events] == [
        ("Battles", "Idlib", date(2016, 5, 7))]


def test_an_event_sentence_without_place_date_or_toll_after_another_event_stays_commentary():
    text = ("Airstrikes hit Idlib on 4 May 2016, killing 5 people. Later, gunmen fired on the "
            "patrol.")
    article = Article(id="scene2", text=text, published=date(2016, 5, 10))
    events = extract_events(article, build_mentions(text))
    assert len(events) == 1 and events[0].event_type == "Explosions/Remote violence"
