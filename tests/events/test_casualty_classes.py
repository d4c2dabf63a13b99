"""Casualty counting by error class (people named without a count, titles, splits across
attacks, analysts' coding notes). Every sentence is written for these tests."""

import pytest

from geomap.events import extract_events
from geomap.events.casualties import parse_casualties
from geomap.model import Article


@pytest.mark.parametrize(("text", "killed"), [
    # people named without a count are one each
    ("The district governor and his driver were killed in the ambush.", 2),
    ("Karim Yusuf, the village head, and his nephew were killed in the raid.", 2),
    ("Four guards and the attacker were killed.", 5),
    ("The gunman and at least two customers were killed.", 3),
    ("Both attackers were killed when the device went off.", 2),
    ("Farid Noor and Sami al-Hakim were both killed.", 2),
    # titles and trades are people; a named or titled object is one person
    ("Gunmen shot and killed a retired army colonel near the market.", 1),
    ("Assailants shot and killed a senior tax expert outside his office.", 1),
    ("Gunmen shot dead mayor Rashid Omari on his way home.", 1),
    ("Assailants shot and killed Idris al-Amin, a local judge, and his son in the town.", 2),
    ("Militants executed the head of the council and two of his aides.", 3),
    ("Three peacekeepers were killed in the attack.", 3),
    # a singular passive subject is one person; a perpetrator's death counts
    ("The shopkeeper was shot and killed later that night.", 1),
    ("He opened fire on the crowd, killing four people, and then killed himself.", 5),
    # no count is invented from a dateline or from plural nouns
    ("HARGEISA, 2 May 2019 – Twelve soldiers were killed in the ambush.", 12),
    ("Police and soldiers were killed in the fighting.", None),
])
def test_killed(text, killed):
    assert parse_casualties(text).fatalities == killed


def test_a_total_across_attacks_is_split_and_never_rounded_away():
    text = ("This was one of two attacks on the same day. One guard was killed and three were "
            "wounded across both attacks.")
    casualties = parse_casualties(text)
    assert (casualties.fatalities, casualties.injured) == (1, 1)
    assert parse_casualties("Twelve people were killed across all three raids.").fatalities == 4


def test_a_count_does_not_reach_past_another_casualty_verb():
    text = "A bomb killed 1 guard and wounded 2 guards and 4 passers-by."
    assert parse_casualties(text).fatalities == 1


@pytest.mark.parametrize(("text", "killed"), [
    ("Fighters clashed in three villages; 11 were killed. Fatalities are split across 3 "
     "events (4).", 4),
    ("Unknown fatalities coded as 10 and spread across two locations.", 5),
    ("Fighters were killed on three fronts. 9 fatalities split up between 3 events.", 3),
])
def test_analyst_split_notes(text, killed):
    assert parse_casualties(text).fatalities == killed


def test_coding_statement_governs_the_first_event_of_a_note():
    text = ("On 3 June 2021, militants ambushed an army convoy near Hasaweyn, killing 4 "
            "soldiers. In another attack, 2 soldiers were killed at a checkpoint in Dhuusa. "
            "Fatalities coded as 0 (local media reported 6 fatalities).")
    first = extract_events(Article("n", text))[0]
    assert first.fatalities == 0


@pytest.mark.parametrize(("text", "killed"), [
    ("Three bandits were eliminated during a dawn raid on their camp.", 3),
    ("Troops neutralized four gunmen near the border post.", 4),
    ("Two sepoys embraced martyrdom in the exchange of fire.", 2),
    ("Two soldiers were martyred when militants fired on the post.", 2),
    ("Two bombers blew themselves up at the gate, killing five guards.", 7),
    ("The death toll from Sunday's double bombing at the bus terminal in the north has risen to "
     "14, officials said.", 14),
])
def test_press_release_wording(text, killed):
    assert parse_casualties(text).fatalities == killed


def test_press_release_euphemism_is_an_event():
    text = ("SRINAGAR, March 2, 2018 — Two militants were eliminated in an operation in a "
            "village of Shopian district today.")
    event = extract_events(Article("p", text))[0]
    assert (event.event_type, event.fatalities) == ("Battles", 2)


def test_a_clause_naming_the_attack_again_is_its_detail():
    text = ("05/02/2021: Gunmen opened fire on a minibus near Jalrez, Wardak. Its driver, a "
            "father of four from Maidan Shahr, was killed in the attack.")
    events = extract_events(Article("g", text))
    assert len(events) == 1 and events[0].fatalities == 1


@pytest.mark.parametrize(("text", "killed"), [
    ("Two guards, a night watchman and a retired clerk, were killed at the depot.", 2),
    ("Four herders were killed in the raid. Two of the four killed were teenagers.", 4),
])
def test_people_named_again_are_not_counted_twice(text, killed):
    assert parse_casualties(text).fatalities == killed


@pytest.mark.parametrize("text", [
    "Militants killed civilians Monday in the village.",
    "The army killed militants Tuesday near the border.",
])
def test_a_bare_plural_before_a_capital_is_no_title(text):
    assert parse_casualties(text).fatalities is None
