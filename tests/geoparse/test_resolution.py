"""Resolution with context: containment, co-mentioned countries, one sense per discourse."""

from __future__ import annotations

import pytest

from geomap.geodesy import haversine_km


def place_of(mentions, name):
    found = [m for m in mentions if m.name == name]
    assert found, f"{name} not recognised"
    return found[0].place


@pytest.mark.parametrize("text, name, country, near", [
    ("Clashes in Tripoli, Lebanon, left two dead.", "Tripoli", "LB", (34.44, 35.85)),
    ("Clashes in Tripoli, Libya, left two dead.", "Tripoli", "LY", (32.89, 13.19)),
    ("He grew up in Springfield, Ill., and moved away.", "Springfield", "US", (39.80, -89.64)),
    ("He grew up in Springfield, Mass., and moved away.", "Springfield", "US", (42.10, -72.59)),
])
def test_explicit_containment_beats_population(parse, text, name, country, near):
    place = place_of(parse(text), name)
    assert place.country == country
    assert haversine_km(place.lat, place.lon, *near) < 50


def test_washington_alone_is_the_capital(parse):
    place = place_of(parse("Officials in Washington said talks would resume."), "Washington")
    assert place.feature_code == "PPLC"


def test_co_mentioned_places_pull_a_name_to_their_region(parse):
    text = ("Floods closed roads in Athens and Watkinsville. Clarke County officials and "
            "Georgia emergency crews worked through the night near Athens.")
    place = place_of(parse(text), "Athens")
    assert place.country == "US"


def test_a_container_in_brackets_restricts_the_senses_as_a_comma_does(parse):
    mentions = parse("Fishermen blocked the port road in San Felipe (Valparaiso) on Tuesday.")
    assert place_of(mentions, "San Felipe").country == "CL"


def test_one_sense_per_discourse(parse):
    text = "Tripoli, Lebanon was calm. Later, gunfire was heard in Tripoli again."
    places = {(m.place.lat, m.place.lon) for m in parse(text) if m.name == "Tripoli"}
    assert len(places) == 1


def test_country_hint_nudges_ambiguous_names(parse):
    plain = place_of(parse("Protesters gathered in Hyderabad."), "Hyderabad")
    hinted = place_of(parse("Protesters gathered in Hyderabad.", country_hint="PK"), "Hyderabad")
    assert hinted.country == "PK"
    assert plain is not None


def test_demonyms_give_country_context(parse):
    mentions = parse("Syrian and Russian jets struck Tartus.")
    assert place_of(mentions, "Tartus").country == "SY"
    assert {m.country_hint for m in mentions if m.kind == "demonym"} == {"SY", "RU"}


@pytest.mark.parametrize("text, name, country, code_prefix", [
    # "X city" asks for the settlement, not a province of that name in another country.
    ("Tanks fired at a house in Zeitoun neighbourhood of Gaza city.", "Gaza", "PS", "PPL"),
    # A region named "<city> County/Department" is shadowed by its own chief city.
    ("Fishermen rallied in Vlore over fuel prices.", "Vlore", "AL", "PPL"),
    ("In Arauca, the oil field was attacked.", "Arauca", "CO", "PPL"),
    # the region's name is another spelling of the city's (Mahilyow)
    ("Students gathered in Mogilev to protest the vote.", "Mogilev", "BY", "PPL"),
    # GeoNames gives the governorate two codes, so two region features bear the name
    ("Gunmen opened fire on a party office in Sulaymaniyah, Iraq.", "Sulaymaniyah", "IQ", "PPL"),
])
def test_the_city_beats_its_namesake_region(parse, text, name, country, code_prefix):
    place = place_of(parse(text), name)
    assert place.country == country
    assert place.feature_code.startswith(code_prefix)


def test_the_province_is_still_read_when_the_text_says_so(parse):
    place = place_of(parse("Fighting spread across Arauca department."), "Arauca")
    assert place.feature_code == "ADM1"


@pytest.mark.parametrize("spelling, country", [
    ("Zaporizhia", "UA"), ("Idleb", "SY"), ("Al-Hasakeh", "SY"), ("Sala al-Din", "IQ"),
    ("Banadir", "SO"), ("Lower Shabelle", "SO"),
])
def test_relief_agency_spellings_of_regions_resolve(parse, spelling, country):
    text = f"Shelling was reported near the front in {spelling} province."
    place = place_of(parse(text), spelling)
    assert (place.country, place.feature_code) == (country, "ADM1")


@pytest.mark.parametrize("text, name, country", [
    # the town is spelt a little differently from the governorate named after it
    ("Drones struck a market near Marib, Yemen.", "Marib", "YE"),
    ("A fire broke out at a depot in Tadjourah, Djibouti.", "Tadjourah", "DJ"),
])
def test_a_region_gives_way_to_its_chief_town_spelt_another_way(parse, text, name, country):
    place = place_of(parse(text), name)
    assert (place.country, place.feature_class) == (country, "P")


def test_a_state_is_not_shadowed_by_a_small_town_of_similar_name(parse):
    place = place_of(parse("Farmers across Minnesota lost their crops."), "Minnesota")
    assert place.feature_code == "ADM1"


@pytest.mark.parametrize("state", ["Oklahoma", "Maryland"])
def test_a_state_is_not_shadowed_by_a_city_named_longer(parse, state):
    # GeoNames also calls Oklahoma City "Oklahoma"; the state's own name still means the state
    place = place_of(parse(f"Farmers across {state} lost their crops."), state)
    assert place.feature_code == "ADM1"


def test_portuguese_particles_keep_a_state_name_whole(parse):
    names = {m.name for m in parse("Police in Natal, Rio Grande do Norte, arrested two men.")}
    assert "Rio Grande do Norte" in names and "Rio Grande" not in names


def test_spanish_particles_keep_a_region_name_whole(parse):
    mentions = parse("Troops seized a small plane near Puerto Lempira, Gracias a Dios.")
    assert place_of(mentions, "Gracias a Dios").feature_code == "ADM1"
    assert place_of(mentions, "Puerto Lempira").country == "HN"


def test_a_persian_ezafe_keeps_a_town_name_whole(parse):
    mentions = parse("Nurses in Kut e Abdollah went on strike over late pay.")
    assert place_of(mentions, "Kut e Abdollah").country == "IR"
    assert "Kut" not in {m.name for m in mentions}  # not Al-Kut in Iraq


def test_the_official_name_of_a_federal_district_resolves_in_its_country(parse):
    mentions = parse("Teachers marched in Brasilia, Distrito Federal, on Monday.")
    assert place_of(mentions, "Distrito Federal").country == "BR"
    assert place_of(mentions, "Brasilia").feature_code == "PPLC"


def test_arab_is_a_people_unless_its_state_follows(parse):
    arab = [m for m in parse("Leaders of Arab towns met the minister.") if m.name == "Arab"]
    assert arab and arab[0].kind == "demonym"
    town = place_of(parse("Arab, Alabama is a small city."), "Arab")
    assert town.country == "US"


def test_countries_in_a_serial_comma_list_are_the_countries(parse):
    mentions = parse("Several states, including China, India, and the United Kingdom, objected.")
    assert place_of(mentions, "China").feature_code == "PCLI"


@pytest.mark.parametrize("text", [
    "Apples from a Washington state orchard won a prize.",
    "The case was found in the state of Washington last year.",
])
def test_a_name_called_a_state_is_the_state(parse, text):
    place = place_of(parse(text), "Washington")
    assert (place.country, place.feature_code) == ("US", "ADM1")


def test_a_wire_dateline_names_the_big_city_whatever_the_text_lists_later(parse):
    text = ("WASHINGTON (AP) - Congress passed the budget on Friday. On a tour of Washington, "
            "Chicago and Denver, the senator spoke twice.")
    places = {(m.place.name, m.place.feature_code) for m in parse(text)
              if m.name.lower() == "washington"}
    assert places == {("Washington", "PPLC")}


def test_a_hamlet_named_like_a_world_region_is_not_the_region(parse):
    text = "Visiting Boston and Chicago, the envoy talked about trade with the Middle East."
    assert place_of(parse(text), "Middle East").feature_code == "RGN"


def test_gold_spans_read_nationalities_as_the_recogniser_does(parser):
    text = "Canadian officials met European diplomats."
    mentions = parser.resolve_spans(text, [(0, 8), (23, 31)])
    assert [m.place.name for m in mentions] == ["Canada", "Europe"]


def test_a_state_name_is_the_state_even_in_a_story_from_the_capital(parse):
    text = ("The governor thanked volunteers on Friday, telling farmers in California last week "
            "that rain was coming. Officials in Washington, Annapolis and Baltimore agreed.")
    assert place_of(parse(text), "California").feature_code == "ADM1"


def test_the_largest_city_of_a_country_is_no_town_named_like_it(parse):
    text = "Kingston, the biggest city of Jamaica, hosted the summit."
    mentions = parse(text)
    assert place_of(mentions, "Jamaica").feature_code == "PCLI"
    assert place_of(mentions, "Kingston").country == "JM"


def test_a_description_belongs_to_the_name_before_the_comma(parse):
    # the hamlet is Santa Elena; Costa Rica only says where it is
    text = "Santa Elena, Costa Rica is a cloud-forest hamlet in Puntarenas, Costa Rica."
    assert place_of(parse(text), "Costa Rica").feature_code == "PCLI"


def test_a_guessed_name_does_not_hide_the_real_container(parse):
    text = ("Congo is a hamlet of Eurobodalla Shire, by the sea in New South Wales. "
            "Congo lies a long drive south of Sydney.")
    congo = [m for m in parse(text) if m.name == "Congo"]
    assert congo and all(m.place is None or m.place.country == "AU" for m in congo)


def test_an_unknown_region_word_between_commas_keeps_the_chain(parse):
    text = "Sirens sounded in Acre, Northern, Israel, after midnight."
    assert place_of(parse(text), "Acre").country == "IL"


def test_a_molotov_cocktail_is_no_town():
    from geomap.geoparse import geoparse

    names = {m.name for m in geoparse("Molotov Cocktails were hurled at a patrol car in Vieques.",
                                      offline=True) if m.kind == "literal"}
    assert "Molotov" not in names


@pytest.mark.parametrize(("text", "name", "country"), [
    ("Croat troops shelled Serb-held villages in northern Bosnia.", "Bosnia", "BA"),
    ("Bankers in Trinidad expect interest rates to rise.", "Trinidad", "TT"),
    ("Rebels advanced on Kinshasa, the capital of Zaire, in 1997.", "Zaire", "CD"),
])
def test_short_and_former_country_names_mean_the_country(parse, text, name, country):
    place = place_of(parse(text), name)
    assert (place.country, place.feature_code) == (country, "PCLI")
