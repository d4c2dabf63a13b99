""""X, <province>": a reading of X that the gazetteer puts in another first-level region lies in
the named province only when it is near the province's centre (a border-straddling place); one
farther off is a namesake, which the event stage reads again inside the province. A reading
whose region is unknown keeps the wide reach of a province."""

from __future__ import annotations

from event_fixtures import PLACES

from geomap.events.refine import REACH, within
from geomap.geodesy import haversine_km
from geomap.model import Place


def test_a_reading_in_another_known_province_far_from_the_centre_is_outside():
    kabul, kunar = PLACES["Kabul"], PLACES["Kunar"]
    assert REACH.other_province < haversine_km(kabul.lat, kabul.lon, kunar.lat, kunar.lon)
    assert not within(kabul.lat, kabul.lon, kabul.admin1, kunar, 2)


def test_a_reading_whose_region_is_unknown_keeps_the_province_reach():
    kabul, kunar = PLACES["Kabul"], PLACES["Kunar"]
    assert within(kabul.lat, kabul.lon, None, kunar, 2)


def test_a_reading_in_the_named_province_is_inside():
    town, kunar = PLACES["Asadabad"], PLACES["Kunar"]
    assert within(town.lat, town.lon, town.admin1, kunar, 2)


def test_a_reading_far_from_a_named_district_is_outside_it():
    chawkay = Place("Chawkay", 34.76, 70.93, None, "AF", "Kunar", "A", "ADM2", 0)
    namesake = (35.88, 70.93)  # a village of the same name some 125 km to the north
    assert REACH.district < haversine_km(*namesake, chawkay.lat, chawkay.lon) < 150
    assert not within(*namesake, None, chawkay, 1)
    town = PLACES["Asadabad"]
    assert within(town.lat, town.lon, None, chawkay, 1)
