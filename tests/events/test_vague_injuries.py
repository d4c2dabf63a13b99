"""GTD leaves the number wounded unknown when a report gives none: "several others were hurt"
is no injury figure, while a number beside it still counts. Fatalities keep the smallest
reading ACLED's direction asks for."""

from geomap.events.casualties import parse_casualties


def test_a_vague_injury_count_is_no_figure():
    found = parse_casualties("One raider was killed and several others were injured.")
    assert (found.fatalities, found.injured) == (1, None)
    assert parse_casualties("The blast injured a number of porters.").injured is None


def test_numbers_beside_a_vague_count_still_count():
    text = "Seven raiders were killed and three guards and several raiders were wounded."
    assert parse_casualties(text).injured == 3


def test_codebook_plurals_and_fatalities_keep_their_values():
    assert parse_casualties("Dozens of people were injured.").injured == 12
    assert parse_casualties("Several people were killed.").fatalities == 3
