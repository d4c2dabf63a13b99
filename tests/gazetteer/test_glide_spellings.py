"""Ukrainian "ї"/"й" romanised "yi"/"y" (GeoNames) or "i" (the national system, the news): a
village is indexed under both spellings."""

from __future__ import annotations

from pathlib import Path

import pytest
from geonames_rows import geonames_line

from gazetteer import Gazetteer
from gazetteer.importer import import_files
from gazetteer.names import name_variants


@pytest.mark.parametrize("name,folded", [
    ("Zelenoyivka", "zelenoivka"),      # "yi" after a vowel: the glide goes
    ("Stepanaylivka", None),            # "y" before a consonant: English names spell it so
    ("Ternova Balka", None),            # no glide
    ("Khrystivka", None),               # "y" after a consonant is a vowel of its own
    ("Staryi Hai", None),               # a word-final "yi" is an adjective ending, not a glide
])
def test_glide_form_is_indexed_beside_the_name(name, folded):
    keys = name_variants(name, "PPL")
    assert name.lower() in keys
    if folded is None:
        assert len(keys) == 1
    else:
        assert folded in keys


def test_news_spelling_finds_the_geonames_village(tmp_path: Path):
    source = tmp_path / "UA.txt"
    source.write_text(geonames_line(9100001, "Zelenoyivka", 48.1, 37.6, country="UA") + "\n",
                      encoding="utf-8")
    database = tmp_path / "ua.sqlite"
    assert import_files(database, [source])[0].ok
    gazetteer = Gazetteer.open(database)
    try:
        assert [c.geonameid for c in gazetteer.candidates("Zelenoivka")] == [9100001]
        assert [c.geonameid for c in gazetteer.candidates("Zelenoyivka")] == [9100001]
    finally:
        gazetteer.close()
