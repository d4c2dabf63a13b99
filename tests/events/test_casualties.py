import pytest

from geomap.events.casualties import parse_casualties
from geomap.events.numbers import parse_count


@pytest.mark.parametrize(("phrase", "value"), [
    ("12", 12), ("1,200", 1200), ("eighty", 80), ("twenty-five", 25), ("two dozen", 24),
    ("a dozen", 12), ("dozens", 12), ("tens", 10), ("hundreds", 100), ("thousands", 1000),
    ("several", 3), ("a few", 2), ("one hundred and twenty", 120), ("banana", None), ("", None),
])
def test_counts_follow_acled_vague_number_rules(phrase, value):
    assert parse_count(phrase) == value


@pytest.mark.parametrize(("sentence", "fatalities", "low", "high"), [
    ("A drone strike killed 6 Islamic State militants in Chawkay.", 6, None, None),
    # "IS" is a group, not the auxiliary "is"
    ("The air force targeted an IS hideout and killed 1 IS militant in the desert.", 1, None,
     None),
    ("The clashes resulted in 8 tribesmen killed, 5 from one side and 3 from the other.", 8,
     None, None),
    ("Gunmen opened fire on a vehicle, killing between 2 to 4 fighters.", 2, 2, 4),
    ("Clashes broke out in the market, leading to the death of a bystander.", 1, None, None),
    ("The body of a civilian hawker was found in the desert.", 1, None, None),
    # long organisation names between the count and the person noun
    ("Assailants shot and killed a National Directorate of Security (NDS) officer in Kabul.", 1,
     None, None),
    ("Two police officers and one National Directorate of Security (NDS) member were killed.",
     3, None, None),
    ("At least six National Uprising Movement (NUM) forces were killed.", 6, 6, None),
    ("At least 12 people were killed in the blast.", 12, 12, None),
    ("US warplanes struck the base, killing as many as 80 Syrian troops.", 80, None, 80),
    ("Between 10 and 15 civilians were killed.", 10, 10, 15),
    ("More than 100 people died in the fighting.", 100, 100, None),
    ("Eighty people died when the shells hit the market.", 80, None, None),
    ("The offensive has killed hundreds of civilians.", 100, None, None),
    ("Dozens of fighters were killed.", 12, None, None),
    ("Two dozen villagers were killed.", 24, None, None),
    ("A 25-year-old man was killed in the attack.", 1, None, None),
    ("Gunmen killed a police officer and a security guard.", 2, None, None),
    ("3 policemen, 2 militia members, and 1 soldier were killed.", 6, None, None),
    ("Four assailants and three militia members were killed while six were injured.", 7, None,
     None),
    ("At least 6 people, including five assailants and one constable, were killed.", 6, 6, None),
    ("The death toll rose to 12, after 5 were killed on Monday and 9 on Tuesday.", 12, None,
     None),
])
def test_fatality_figures_and_hedges(sentence, fatalities, low, high):
    result = parse_casualties(sentence)
    assert (result.fatalities, result.fatalities_low, result.fatalities_high) == (
        fatalities, low, high)


@pytest.mark.parametrize("sentence", [
    "Residents protested against the death of a civilian in the city.",
    "In 2016 the council passed Resolution 2254 on Syria.",
    "The convoy stopped 80 km from the city with 1,000 tons of flour.",
    "Call 0800 555 1234 for information; an F-16 flew over at 10 pm.",
    "The 25-year-old ceasefire held for 3 days in 1995.",
    "Rebels fired 40 rockets and 12 mortar shells at 6 villages.",
])
def test_numbers_that_are_not_casualties_give_none(sentence):
    result = parse_casualties(sentence)
    assert result.fatalities is None and result.injured is None


def test_injuries_are_counted_apart_from_deaths():
    result = parse_casualties("Two civilians were killed, and three others were injured.")
    assert (result.fatalities, result.injured) == (2, 3)
    result = parse_casualties("At least one police officer was killed, and another was injured.")
    assert (result.fatalities, result.injured) == (1, 1)


def test_killed_or_injured_is_not_a_fatality_figure():
    assert parse_casualties("Airstrikes killed or injured 4 PKK militants.").fatalities is None


def test_a_kidnapping_of_unknown_outcome_has_an_unknown_toll():
    found = parse_casualties("Assailants abducted five civilians. The outcome of the kidnapping "
                             "is unknown.")
    assert found.unknown and found.fatalities is None


def test_explicit_zero_and_unknown():
    assert parse_casualties("No casualties were reported.").fatalities == 0
    assert parse_casualties("No one was killed in the shelling.").fatalities == 0
    unknown = parse_casualties("Russian forces shelled the town. Casualties unknown.")
    assert unknown.fatalities is None and unknown.unknown


@pytest.mark.parametrize(("note", "fatalities"), [
    ("A bomb killed 1 Afghan soldier. Fatalities coded as 0 (VoJ reported 1).", 0),
    ("4 people were killed and many houses burnt. Fatalities split between 2 events.", 2),
    ("1 soldier was killed at an unspecified location [1 fatality split among 12 events].", 0),
    ("65 soldiers were killed [Coded as 10 fatalities split across 4 events. 3 fatalities coded "
     "to this event].", 3),
])
def test_acled_split_and_recoding_statements_win(note, fatalities):
    assert parse_casualties(note).fatalities == fatalities


def test_total_across_related_attacks_is_split_not_repeated():
    text = ("Assailants attacked a checkpoint. This was one of three related attacks on this date. "
            "At least nine soldiers were killed across the clashes.")
    assert parse_casualties(text).fatalities == 3
