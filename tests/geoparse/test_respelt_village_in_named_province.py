""""X, Y province, Country": where X's spelling names only a village in another province, the
province's own village spelt otherwise (doubled letters, "ou" for "u") is the one meant."""

from __future__ import annotations

import pytest

from gazetteer import Gazetteer
from gazetteer.importer import import_files
from gazetteer.model import Feature
from geomap.geoparse import Geoparser


def _feature(geonameid, name, lat, lon, code, admin1, names=()):
    return Feature(geonameid=geonameid, name=name, lat=lat, lon=lon,
                   feature_class="A" if code in {"PCLI", "ADM1"} else "P", feature_code=code,
                   country_code="SY", admin1_code=admin1, names=list(names))


@pytest.fixture(scope="module")
def parser(tmp_path_factory):
    database = tmp_path_factory.mktemp("gazetteer") / "g.sqlite"
    import_files(database, [])
    gazetteer = Gazetteer.open(database)
    gazetteer.add_features([
        _feature(1, "Syria", 35.0, 38.0, "PCLI", "00"),
        _feature(2, "Qarnavan Governorate", 35.9, 36.8, "ADM1", "21", ["Qarnavan"]),
        _feature(3, "Zeltar Governorate", 33.2, 40.6, "ADM1", "22", ["Zeltar"]),
        # the text's very spelling, in the other province, far off
        _feature(4, "Bazzoulin", 33.3, 40.5, "PPL", "22"),
        # the named province's village, spelt otherwise
        _feature(5, "Bazulin", 35.95, 36.7, "PPL", "21")])
    return Geoparser(gazetteer)


def _place(parser, text, name):
    return next(m.place for m in parser.parse(text) if m.name == name)


def test_the_named_provinces_respelt_village_is_meant(parser):
    place = _place(parser, "Gunmen attacked a checkpoint in Bazzoulin, Qarnavan, Syria.",
                   "Bazzoulin")
    assert place is not None and place.name == "Bazulin"


def test_the_exact_spelling_stands_in_its_own_province(parser):
    place = _place(parser, "Gunmen attacked a checkpoint in Bazzoulin, Zeltar, Syria.",
                   "Bazzoulin")
    assert place is not None and place.name == "Bazzoulin"
