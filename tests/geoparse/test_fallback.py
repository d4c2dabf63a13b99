"""The online fallback is asked only when allowed, only for names the gazetteer lacks, and its
failures stay with the one name. The fallback object is the network edge, so it is faked here."""

from __future__ import annotations

from gazetteer import Candidate
from gazetteer.errors import ServiceUnavailable
from geomap.geoparse import geoparse

TEXT = "Shelling hit the village of Qqabbar near Aleppo."


class RecordingFallback:
    def __init__(self, error: Exception | None = None):
        self.asked: list[tuple[str, str | None]] = []
        self.error = error

    def lookup(self, name, country=None):
        self.asked.append((name, country))
        if self.error:
            raise self.error
        return [Candidate(geonameid=-1, name=name, lat=36.3, lon=37.0, feature_class="P",
                          feature_code="PPL", country_code="SY", admin1_code=None,
                          admin1_name=None, population=0, source="nominatim",
                          matched=name.lower())]


def test_offline_never_asks():
    fallback = RecordingFallback()
    mentions = geoparse(TEXT, fallback=fallback)  # offline is the default
    assert fallback.asked == []
    assert [m.place for m in mentions if m.name == "Qqabbar"] == [None]


def test_online_asks_only_for_unknown_names_with_the_article_country():
    fallback = RecordingFallback()
    mentions = geoparse(TEXT, offline=False, fallback=fallback)
    assert fallback.asked == [("Qqabbar", "SY")]
    place = next(m.place for m in mentions if m.name == "Qqabbar")
    assert place.source == "nominatim" and place.country == "SY"


def test_a_failing_service_leaves_the_other_names_resolved():
    fallback = RecordingFallback(ServiceUnavailable("nominatim: down"))
    mentions = geoparse(TEXT, offline=False, fallback=fallback)
    by_name = {m.name: m.place for m in mentions}
    assert by_name["Qqabbar"] is None
    assert by_name["Aleppo"].country == "SY"
