"""With a gazetteer of villages, some hamlet bears almost any word, "The" too: a sentence's
article that a hamlet bears must not begin a longer unknown name ("The Harlan" of "The Harlan
County board"); the class word's pattern takes the name that follows it."""

from __future__ import annotations

import pytest

from geomap.geoparse import Geoparser


@pytest.fixture(scope="module")
def village_parser(tmp_path_factory, default_copy_with):
    from gazetteer import Gazetteer

    path = default_copy_with(tmp_path_factory.mktemp("article_hamlet"), "The", 12.5, 3.25,
                             "--country", "NE", "--kind", "P.PPL")
    return Geoparser(Gazetteer.open(path))


def test_the_article_begins_no_county_name(village_parser):
    text = "The Harlan County board met on Monday to plan the road."
    names = [m.name for m in village_parser.parse(text)]
    assert "Harlan County" in names
    assert not any(name.startswith("The") for name in names)
