"""A name's apposition ("Jan Odel, a village elder, ...") describes the name, it is no person
more; a perpetrator counted with a number ("in addition to one raider") is not added twice."""

from geomap.events.casualties import parse_casualties


def test_apposition_after_a_name_is_not_counted():
    assert parse_casualties("Jan Odel, a village elder, and one attacker were killed."
                            ).fatalities == 2
    assert parse_casualties("Odel, the port director, and his driver were killed."
                            ).fatalities == 2


def test_a_counted_perpetrator_is_not_added_again():
    assert parse_casualties("In addition to one attacker, at least one guard was killed."
                            ).fatalities == 2
    assert parse_casualties("In addition to the gunman, four guests died.").fatalities == 5
