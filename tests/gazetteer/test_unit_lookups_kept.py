"""Features, countries and regions are looked up once per gazetteer and kept: the kept answers
are the file's, and a write through the gazetteer (the fallback's, `geomap gazetteer add`) is
seen at once, a missing feature included."""

from __future__ import annotations

from gazetteer.model import Feature


def test_kept_answers_are_the_files(gaz):
    conn = gaz.connection()
    country = gaz.country("sy")
    assert country is not None and country.geonameid == conn.execute(
        "SELECT geonameid FROM country WHERE iso2 = 'SY'").fetchone()[0]
    assert gaz.country("SY") is country  # asked again: the kept answer
    region = conn.execute("SELECT country_code, admin1_code, geonameid FROM admin1 "
                          "WHERE geonameid IS NOT NULL LIMIT 1").fetchone()
    assert gaz.admin1(region[0].lower(), region[1]).geonameid == region[2]
    assert gaz.get(str(region[2])) == gaz.get(region[2])
    assert gaz.country("ZZ") is None
    assert gaz.admin1("SY", "no such code") is None


def test_a_write_is_seen_by_the_next_lookup(small_gazetteer):
    assert small_gazetteer.get(-7) is None  # asked before it exists: kept as missing
    small_gazetteer.add_features([Feature(
        geonameid=-7, name="Tall Warda", lat=36.3, lon=37.2, feature_class="P",
        feature_code="PPL", country_code="SY", admin1_code="09", source="user")])
    added = small_gazetteer.get(-7)
    assert added is not None and added.name == "Tall Warda"
    conn = small_gazetteer.connection()
    conn.execute("UPDATE feature SET name = 'Tall Wardah' WHERE geonameid = -7")
    conn.commit()
    small_gazetteer.refresh()  # another writer changed the file: re-read, nothing stale kept
    assert small_gazetteer.get(-7).name == "Tall Wardah"
