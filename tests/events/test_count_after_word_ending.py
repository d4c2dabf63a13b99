"""A count after a sentence ending in a word like "himself" or "chief" is a count: only the
whole words of not_people_before ("F-16", "Resolution 2254", "two of his guards") block it."""

from geomap.events.casualties import parse_casualties


def test_a_count_after_a_word_ending_in_f_is_read():
    assert parse_casualties("He then shot himself. Nine people were killed.").fatalities == 10
    assert parse_casualties("They seized the chief. Two guards were killed.").fatalities == 2


def test_codes_and_partitives_still_block():
    assert parse_casualties("Two F-16 jets flew over; 3 people died.").fatalities == 3
    assert parse_casualties("The mayor and two of his guards were killed.").fatalities == 3
