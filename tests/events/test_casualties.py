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
    ("An air raid killed 7 Islamic State fighters near the dam.", 7, None, None),
    # "IS" is a group, not the auxiliary "is"
    ("Jets bombed an IS depot and killed 2 IS fighters guarding it.", 2, None, None),
    ("The feud resulted in 9 fighters killed, 4 from one clan and 5 from the other.", 9,
     None, None),
    ("Snipers fired on the convoy, killing between 3 to 5 guards.", 3, 3, 5),
    ("Fighting erupted near the bakery, leading to the death of a civilian.", 1, None, None),
    ("Farmers found the body of a missing shepherd by the river.", 1, None, None),
    # long organisation names between the count and the person noun
    ("Gunmen killed a National Directorate of Security (NDS) agent at a market.", 1, None, None),
    ("One policeman and two National Directorate of Security (NDS) staff died in the raid.",
     3, None, None),
    ("At least seven Popular Mobilization Forces (PMF) fighters were killed.", 7, 7, None),
    ("At least 14 people were killed by the blast.", 14, 14, None),
    ("US warplanes struck the base, killing as many as 80 Syrian troops.", 80, None, 80),
    ("Between 10 and 15 civilians were killed.", 10, 10, 15),
    ("More than 100 people died in the fighting.", 100, 100, None),
    ("Eighty people died when the shells hit the market.", 80, None, None),
    ("The offensive has killed hundreds of civilians.", 100, None, None),
    ("Dozens of fighters were killed.", 12, None, None),
    ("Two dozen villagers were killed.", 24, None, None),
    ("A 25-year-old man was killed by the gunmen.", 1, None, None),
    ("The raid killed a soldier and a police officer.", 2, None, None),
    ("4 guards, 1 driver, and 2 soldiers were killed.", 7, None, None),
    ("Two attackers and five villagers were killed while nine were injured.", 7, None, None),
    ("At least 8 people, including six gunmen and two guards, were killed.", 8, 8, None),
    ("The death toll rose to 15, after 6 were killed on Sunday and 11 on Monday.", 15, None,
     None),
])
def test_fatality_figures_and_hedges(sentence, fatalities, low, high):
    result = parse_casualties(sentence)
    assert (result.fatalities, result.fatalities_low, result.fatalities_high) == (
        fatalities, low, high)


@pytest.mark.parametrize("sentence", [
    "Crowds marched to mourn the death of a local singer.",
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
    result = parse_casualties("Five farmers were killed, and two others were injured in the raid.")
    assert (result.fatalities, result.injured) == (5, 2)
    result = parse_casualties("At least one guard was killed while another was injured.")
    assert (result.fatalities, result.injured) == (1, 1)


def test_killed_or_injured_is_not_a_fatality_figure():
    assert parse_casualties("Airstrikes killed or injured 4 PKK militants.").fatalities is None


def test_a_kidnapping_of_unknown_outcome_has_an_unknown_toll():
    found = parse_casualties("Gunmen seized three teachers on the road. The outcome of the "
                             "kidnapping is unknown.")
    assert found.unknown and found.fatalities is None


def test_explicit_zero_and_unknown():
    assert parse_casualties("No casualties were reported.").fatalities == 0
    assert parse_casualties("No one was killed in the shelling.").fatalities == 0
    unknown = parse_casualties("Russian forces shelled the town. Casualties unknown.")
    assert unknown.fatalities is None and unknown.unknown


@pytest.mark.parametrize(("note", "fatalities"), [
    ("A mine killed 2 guards. Fatalities coded as 0 (a local paper reported 2).", 0),
    ("6 villagers were killed and crops burnt. Fatalities split between 2 events.", 3),
    ("A guard died somewhere in the province [1 fatality split among 5 events].", 0),
    ("40 fighters died [Coded as 8 fatalities split across 3 events. 2 fatalities coded "
     "to this event].", 2),
])
def test_acled_split_and_recoding_statements_win(note, fatalities):
    assert parse_casualties(note).fatalities == fatalities


def test_total_across_related_attacks_is_split_not_repeated():
    text = ("Gunmen raided a police post. This was one of three related attacks on this date. "
            "At least twelve policemen were killed across the raids.")
    assert parse_casualties(text).fatalities == 4
