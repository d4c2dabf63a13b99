"""The district-name bits (gazetteer.notable) say "no district here" only for keys no district
feature bears, across index shards, after features are added by hand and in files written before
the bits existed; the kind rules' district sources are among the ones the bits cover."""

from __future__ import annotations

from pathlib import Path

import pytest
from geonames_rows import SAMPLE_ROWS, geonames_line

from gazetteer import Feature, Gazetteer
from gazetteer.importer import import_files
from gazetteer.model import DUMP_DISTRICT_SOURCE
from gazetteer.nameindex import write_name_index
from gazetteer.notable import DISTRICT_SOURCES


def _district(geonameid: int, name: str) -> Feature:
    return Feature(geonameid=geonameid, name=name, lat=35.6, lon=37.6, feature_class="A",
                   feature_code="ADM2", country_code="SY", admin1_code="09",
                   source=DUMP_DISTRICT_SOURCE)


def _village(geonameid: int, name: str) -> Feature:
    return Feature(geonameid=geonameid, name=name, lat=35.5, lon=37.8, feature_class="P",
                   feature_code="PPL", country_code="SY", admin1_code="09", population=40)


@pytest.fixture
def placed(tmp_path: Path):
    """The sample, a village and a district placed by its villages, with the index rewritten."""
    source = tmp_path / "SY.txt"
    village = geonames_line(990_100_001, "Tell Quietly", 36.1, 37.1, population=40)
    source.write_text("\n".join([*SAMPLE_ROWS, village]) + "\n", encoding="utf-8")
    assert import_files(tmp_path / "placed.sqlite", [source])[0].ok
    gazetteer = Gazetteer.open(tmp_path / "placed.sqlite")
    gazetteer.add_features([_district(990_100_002, "Wadi Testing")])
    write_name_index(gazetteer.connection(), gazetteer.path)
    gazetteer.refresh()
    yield gazetteer
    gazetteer.close()


def _district_keys(gazetteer: Gazetteer) -> tuple[set[str], set[str]]:
    """(every key, the keys of district features), read from the name and feature rows."""
    rows = gazetteer.connection().execute(
        "SELECT n.key, f.source FROM name AS n JOIN feature AS f ON f.geonameid = n.geonameid"
    ).fetchall()
    return {key for key, _ in rows}, {key for key, source in rows if source in DISTRICT_SOURCES}


def test_the_bits_hold_exactly_the_keys_of_district_features(placed):
    keys, districts = _district_keys(placed)
    assert "wadi testing" in districts and "tell quietly" in keys - districts
    assert {key for key in keys if placed.may_be_district(key)} == districts
    assert placed.may_be_district("Wadi Testing")  # the name as written is normalised
    assert not placed.may_be_district("no such name anywhere")


def test_the_bits_agree_across_index_shards(placed):
    write_name_index(placed.connection(), placed.path, shard_keys=4)
    placed.refresh()
    assert len(placed._index.tries) > 2
    keys, districts = _district_keys(placed)
    assert {key for key in keys if placed.may_be_district(key)} == districts


def test_a_village_added_by_hand_keeps_the_bits(placed):
    placed.add_features([_village(990_100_011, "Khirbet Testwell")])
    assert placed.may_be_district("khirbet testwell")  # pending: the bits have not seen it
    assert not placed.may_be_district("tell quietly")


def test_a_district_added_by_hand_withdraws_the_bits_until_the_index_is_rewritten(placed):
    # A district named like a village already indexed: the village's key now names a district
    # though it is no new key.
    placed.add_features([_district(990_100_021, "Tell Quietly")])
    keys, _ = _district_keys(placed)
    assert all(placed.may_be_district(key) for key in keys)
    path = placed.path
    placed.close()
    reopened = Gazetteer.open(path)
    assert reopened.may_be_district("tell quietly") and reopened.may_be_district("aleppo")
    write_name_index(reopened.connection(), path)
    reopened.refresh()
    assert reopened.may_be_district("tell quietly") and not reopened.may_be_district("aleppo")


def test_a_file_written_before_the_bits_answers_maybe(placed):
    placed.connection().execute("DELETE FROM meta WHERE key = 'district_names'")
    placed.connection().commit()
    placed.refresh()
    keys, _ = _district_keys(placed)
    assert all(placed.may_be_district(key) for key in keys)
    assert placed.may_be_notable("aleppo") and not placed.may_be_notable("tell quietly")
