"""Short capitals are acronyms unless they name a place: a dotted abbreviation the gazetteer
gives a big city or a region is that place; a country glued by a hyphen to a nationality pairs
two nations."""

from __future__ import annotations

from .parse_fixtures import names_of


def test_a_dotted_city_abbreviation_is_the_city(parse):
    found = parse("Rents in L.A. rose again this spring.")
    assert [m.name for m in found] == ["L.A."]
    assert found[0].place.country == "US"


def test_a_dotted_organisation_stays_an_acronym(parse):
    assert names_of(parse, "The U.N. envoy arrived on Monday.") == []


def test_a_nation_pair_keeps_the_country(parse):
    assert "US" in names_of(parse, "Talks on Kenyan-US trade resumed in May.")


def test_a_brand_glued_by_a_hyphen_stays_dropped(parse):
    assert names_of(parse, "The Coca-Cola plant closed last year.") == []
