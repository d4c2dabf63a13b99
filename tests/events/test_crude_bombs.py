"""Petrol bombs and Molotov cocktails are crude bombs, never explosions to ACLED: thrown by an
armed group's men they destroy property (an attack only when someone is hurt), thrown by
demonstrators they are a riot."""

from event_fixtures import first_event


def test_petrol_bombs_thrown_by_gunmen_at_a_house_destroy_property():
    event = first_event("On 12 July 2021, two assailants threw petrol bombs at a family home in "
                        "Omagh. Nobody was hurt.")
    assert (event.event_type, event.sub_event_type) == (
        "Strategic developments", "Looting/property destruction")


def test_a_molotov_cocktail_that_burns_someone_is_an_attack():
    event = first_event("On 12 July 2021, assailants hurled a Molotov cocktail into a shop in "
                        "Omagh, injuring the shopkeeper.")
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack")


def test_petrol_bombs_thrown_by_protesters_are_a_riot():
    event = first_event("On 12 July 2021, protesters in Omagh threw petrol bombs at police lines "
                        "during a demonstration against the new tax.")
    assert event.event_type == "Riots"
