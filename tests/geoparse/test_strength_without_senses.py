"""How strong a place a name can be is answered without reading the senses of a name that no
notable feature bears (gazetteer.notable), and the answer is the one the senses give."""

from __future__ import annotations

from geomap.geoparse.caches import NameCache

PHRASES = ["Jordan", "Aleppo", "Syria", "Springfield", "Paris", "Texas", "Kandahar", "Monday",
           "Smith", "Georgia", "Homs", "Tell Abyad", "Bristol", "Nowhere Particular", "Kili",
           "Washington", "Lagos", "Anbar", "Idlib", "Marj", "New", "Ohio", "Rafah", "Deir"]


class _SensesOnly:
    """The gazetteer without its notable-name answer: every strength reads the senses."""

    def __init__(self, gazetteer):
        self._gazetteer = gazetteer

    def candidates(self, *args, **kwargs):
        return self._gazetteer.candidates(*args, **kwargs)


def test_strength_is_the_same_with_and_without_reading_every_name(parser):
    gazetteer = parser.gazetteer
    fast = NameCache(gazetteer, parser.normalize, None)
    slow = NameCache(_SensesOnly(gazetteer), parser.normalize, None)
    for phrase in PHRASES:
        for primary_only in (False, True):
            assert fast.strength(phrase, primary_only) == slow.strength(phrase, primary_only), \
                (phrase, primary_only)
    assert {"Jordan", "Aleppo", "Syria", "Texas"} <= {
        phrase for phrase in PHRASES if fast.strength(phrase) > 0}


def test_names_of_nothing_notable_are_answered_without_their_senses(parser):
    fast = NameCache(parser.gazetteer, parser.normalize, None)
    assert fast.strength("Nowhere Particular") == 0 and fast.strength("Monday") == 0
    assert fast.strength("Syria") == 4
    looked_up = set(fast._candidates)
    assert "syria" in looked_up
    assert not {"nowhere particular", "monday"} & looked_up


def test_a_region_demonym_still_finds_its_region(parser):
    assert parser.cache.may_be_notable("Iowa") and not parser.cache.may_be_notable("Monday")
    assert parser.typer.region_demonym("Iowans") == "Iowa"
    assert parser.typer.region_demonym("Ohioans") == "Ohio"
    assert parser.typer.region_demonym("Mondayans") is None
