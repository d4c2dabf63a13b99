"""Hand-made events covering every field kind: dates, ranges, nulls, an unmapped event."""

from __future__ import annotations

from datetime import date

import pytest

from geomap.model import Event


@pytest.fixture
def events() -> list[Event]:
    return [
        Event("ev-1", "art-1", "Explosions/Remote violence", "Air/drone strike",
              event_date=date(2016, 10, 4), time_precision=1, actor1="Military Forces of Syria",
              fatalities=12, fatalities_low=10, fatalities_high=15, injured=3,
              location="Karam Houmid", admin1="Aleppo", country="Syria", iso=760,
              lat=36.2123456789, lon=37.1712345678, geo_precision=1, geonameid=170063,
              notes="A medic holds a dead child after airstrikes in Karam Houmid.",
              source="Reuters", source_url="https://example.org/a?x=1&y=2", confidence=0.9),
        Event("ev-2", "art-1", "Battles", "Armed clash", event_date=date(2016, 9, 17),
              time_precision=1, actor1="Military Forces of United States", fatalities=80,
              fatalities_high=80, location="Jabal al-Tharda", country="Syria", iso=760,
              lat=35.27, lon=40.12, geo_precision=2, notes="as many as 80 Syrian troops",
              confidence=float("nan")),
        Event("ev-3", "art-2", "Protests", "Peaceful protest", event_date=None,
              location="Somewhere", lat=None, lon=None, notes="a protest nobody could place"),
        Event("ev-4", "art-3", "Riots", "Mob violence", event_date=date(2016, 10, 1),
              time_precision=2, lat=-33.8688, lon=151.2093, location="Sydney", country="Australia"),
    ]
