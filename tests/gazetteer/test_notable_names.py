"""The notable-name table (gazetteer.notable) agrees with the name and feature rows it is made
from, after an import and after features are added by hand, and a file whose table may be out of
date answers "maybe" for every key rather than a wrong "no"."""

from __future__ import annotations

from pathlib import Path

import pytest
from geonames_rows import SAMPLE_ROWS, geonames_line

from gazetteer import Feature, Gazetteer
from gazetteer.importer import import_files
from gazetteer.nameindex import write_name_index
from gazetteer.notable import NOTABLE_CODES, NOTABLE_POPULATION, covers, is_current

VILLAGES = [geonames_line(990_000_001, "Tell Quietly", 36.1, 37.1, population=40),
            geonames_line(990_000_002, "Kafr Sampling", 36.2, 37.2, population=900,
                          alternates="Kfar Sampling")]


@pytest.fixture
def mixed(tmp_path: Path):
    """The sample's notable places and two villages, imported into a new file."""
    source = tmp_path / "SY.txt"
    source.write_text("\n".join(SAMPLE_ROWS + VILLAGES) + "\n", encoding="utf-8")
    reports = import_files(tmp_path / "mixed.sqlite", [source])
    assert reports[0].ok
    gazetteer = Gazetteer.open(tmp_path / "mixed.sqlite")
    yield gazetteer
    gazetteer.close()


def _keys_from_rows(gazetteer: Gazetteer) -> tuple[set[str], set[str]]:
    """(every key, the keys of notable features), read from the name and feature rows."""
    rows = gazetteer.connection().execute(
        "SELECT n.key, f.feature_code, f.population FROM name AS n "
        "JOIN feature AS f ON f.geonameid = n.geonameid").fetchall()
    notable = {key for key, code, population in rows
               if code in NOTABLE_CODES or population >= NOTABLE_POPULATION}
    return {row[0] for row in rows}, notable


def _village(geonameid: int, name: str, population: int = 40) -> Feature:
    return Feature(geonameid=geonameid, name=name, lat=35.5, lon=37.8, feature_class="P",
                   feature_code="PPL", country_code="SY", admin1_code="09",
                   population=population)


def test_the_table_holds_exactly_the_keys_of_notable_features(mixed):
    keys, notable = _keys_from_rows(mixed)
    assert is_current(mixed.connection())
    assert {"aleppo", "syria", "tartus"} <= notable
    assert {"tell quietly", "kafr sampling", "kfar sampling"} <= keys - notable
    assert {key for key in keys if mixed.may_be_notable(key)} == notable


def test_a_village_added_by_hand_keeps_the_table(mixed):
    mixed.add_features([_village(990_000_011, "Khirbet Testwell")])
    assert is_current(mixed.connection())
    assert mixed.may_be_notable("khirbet testwell")  # pending: the table has not seen it
    assert not mixed.may_be_notable("tell quietly")
    _, notable = _keys_from_rows(mixed)
    assert all(mixed.may_be_notable(key) for key in notable)


def test_a_notable_feature_added_by_hand_withdraws_the_table_until_the_index_is_rewritten(
        mixed):
    # A town of 200,000 named like a village already indexed: the village's key becomes
    # notable though it is no new key.
    assert not mixed.may_be_notable("tell quietly")
    mixed.add_features([_village(990_000_021, "Tell Quietly", population=200_000)])
    assert not is_current(mixed.connection())
    keys, _ = _keys_from_rows(mixed)
    assert all(mixed.may_be_notable(key) for key in keys)
    path = mixed.path
    mixed.close()
    reopened = Gazetteer.open(path)
    assert reopened.may_be_notable("tell quietly") and reopened.may_be_notable("kafr sampling")


def test_replacing_a_feature_withdraws_the_table(mixed):
    mixed.add_features([_village(990_000_002, "Kafr Sampling", population=950)])
    assert not is_current(mixed.connection())
    assert mixed.may_be_notable("kfar sampling")


def test_covers_is_a_superset_check():
    assert covers({"PCLI", "ADM1", "PPLC"}, NOTABLE_POPULATION)
    assert covers(set(), 1_000_000)
    assert not covers({"ADM2"}, NOTABLE_POPULATION)
    assert not covers({"PCLI"}, NOTABLE_POPULATION - 1)


def test_the_bitmaps_agree_with_the_table_across_index_shards(mixed):
    write_name_index(mixed.connection(), mixed.path, shard_keys=4)  # several small shards
    mixed.refresh()
    assert len(mixed._index.tries) > 2
    keys, notable = _keys_from_rows(mixed)
    assert {key for key in keys if mixed.may_be_notable(key)} == notable
    assert not mixed.may_be_notable("no such key anywhere")
