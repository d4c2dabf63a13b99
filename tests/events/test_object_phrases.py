"""Objects of a killing verb: a name's acronym in brackets is no word of the phrase, and a bare
singular noun joined by "and" is one more person."""

from geomap.events.casualties import parse_casualties


def test_acronym_in_brackets_is_skipped():
    text = "Gunmen shot and killed a Rural Guard Corps (RGC) sergeant and a driver at the ford."
    assert parse_casualties(text).fatalities == 2


def test_bare_singular_noun_after_and():
    assert parse_casualties("Gunmen killed a police officer and civilian in the old town."
                            ).fatalities == 2
    assert parse_casualties("Gunmen killed a guard and fled.").fatalities == 1
    assert parse_casualties("Gunmen killed a soldier and civilians nearby.").fatalities == 1


def test_reservists_and_managers_are_people():
    assert parse_casualties("Two attackers and one police reservist were killed.").fatalities == 3
    assert parse_casualties("Gunmen killed a mine manager and a driver.").fatalities == 2
