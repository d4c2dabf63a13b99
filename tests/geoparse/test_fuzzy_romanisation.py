"""The fuzzy fallback takes a name that differs from the gazetteer's in romanisation alone
(doubled letters, an inner "y" for "i", the kh/k, ou/u ... pairs) for the same name, however
high the country's likeness floor; a name that differs in a real letter still has to clear it."""

from __future__ import annotations

from pathlib import Path

import pytest

from gazetteer import Gazetteer
from gazetteer.importer import import_files
from gazetteer.names import normalize_name
from geomap.geoparse.fuzzy import FuzzyMatcher, soften


def _row(geonameid: int, name: str, country: str) -> str:
    return "\t".join([str(geonameid), name, name, "", "48.3", "37.9", "P", "PPL", country, "", "",
                      "", "", "", "0", "", "100", "UTC", "2024-01-01"])


@pytest.fixture
def matcher(tmp_path: Path):
    source = tmp_path / "rows.txt"
    source.write_text(_row(9200001, "Sollomynka", "UA") + "\n"
                      + _row(9200002, "Tallabiyah", "SY") + "\n", encoding="utf-8")
    database = tmp_path / "small.sqlite"
    assert import_files(database, [source])[0].ok
    gazetteer = Gazetteer.open(database)
    # A floor no respelling of a nine-letter name reaches letter by letter.
    yield FuzzyMatcher(gazetteer, normalize_name, floors=((float("inf"), 95.0),))
    gazetteer.close()


def test_soften_folds_romanisation_not_letters():
    assert soften("sollomynka") == soften("solominka") == "solominka"
    assert soften("tallabiyah") == soften("talabiya")
    assert soften("kabool") == soften("kabul") != soften("kabol")
    assert soften("yaroslav").startswith("y")  # an initial "y" is a consonant
    assert soften("solomanka") != soften("solominka")


def test_a_romanisation_variant_is_found_above_the_floor(matcher):
    found = matcher.match("Solominka", ["UA"])
    assert found is not None and found.geonameid == 9200001 and found.source == "fuzzy"


def test_a_real_letter_difference_still_has_to_clear_the_floor(matcher):
    assert matcher.match("Solomanka", ["UA"]) is None


def test_a_final_h_after_a_vowel_is_romanisation_not_a_grown_name(matcher):
    found = matcher.match("Talabiya", ["SY"])
    assert found is not None and found.geonameid == 9200002


def test_a_romanisation_variant_of_a_district_is_not_taken(tmp_path: Path):
    source = tmp_path / "rows.txt"
    source.write_text("\t".join(["9200003", "Tallabiyah", "Tallabiyah", "", "35.1", "40.2", "A",
                                 "ADM2", "SY", "", "", "", "", "", "0", "", "100", "UTC",
                                 "2024-01-01"]) + "\n", encoding="utf-8")
    database = tmp_path / "district.sqlite"
    assert import_files(database, [source])[0].ok
    gazetteer = Gazetteer.open(database)
    try:
        matcher = FuzzyMatcher(gazetteer, normalize_name, floors=((float("inf"), 95.0),))
        assert matcher.match("Talabiya", ["SY"]) is None
    finally:
        gazetteer.close()


def test_every_name_of_the_same_romanisation_is_weighed(tmp_path: Path):
    """Two villages whose spellings soften alike, other names between and after them in the
    bucket: both are found, and the bigger one (the later) wins the tie."""
    rows = [_row(9200011, "Kalynivkka", "UA"), _row(9200012, "Kalnivsk", "UA"),
            _row(9200013, "Kallinivka", "UA"), _row(9200014, "Kalmarivka", "UA")]
    rows[2] = rows[2].replace("\t0\t\t100\t", "\t900\t\t100\t")
    source = tmp_path / "rows.txt"
    source.write_text("\n".join(rows) + "\n", encoding="utf-8")
    database = tmp_path / "twins.sqlite"
    assert import_files(database, [source])[0].ok
    gazetteer = Gazetteer.open(database)
    try:
        matcher = FuzzyMatcher(gazetteer, normalize_name, floors=((float("inf"), 99.0),))
        found = matcher.match("Kalinivka", ["UA"])
        assert found is not None and found.geonameid == 9200013
    finally:
        gazetteer.close()
