"""Mentions built by hand from real gazetteer values, for the event-stage tests."""

from __future__ import annotations

import re

from geomap.events import extract_events
from geomap.events.locate import locate_event, locate_verb
from geomap.model import Article, Event, Mention, Place

#: Real coordinates (GeoNames) for the places the fixtures name.
PLACES = {
    "Aleppo": Place("Aleppo", 36.20124, 37.16117, 170063, "SY", "Aleppo", "P", "PPLA", 1602264),
    "Karam Houmid": Place("Karam Houmid", 36.1907, 37.1957, None, "SY", "Aleppo", "P", "PPLX",
                          0, "supplement"),
    "Syria": Place("Syria", 35.0, 38.0, 163843, "SY", None, "A", "PCLI", 22198110),
    "Tartus": Place("Tartus", 34.88902, 35.88659, 163345, "SY", "Tartus", "P", "PPLA", 89457),
    "Moscow": Place("Moscow", 55.75222, 37.61556, 524901, "RU", "Moscow", "P", "PPLC", 10381222),
    "Russia": Place("Russia", 60.0, 100.0, 2017370, "RU", None, "A", "PCLI", 140702000),
    "Washington": Place("Washington", 38.89511, -77.03637, 4140963, "US", "District of Columbia",
                        "P", "PPLC", 689545),
    "Al-Tharda mountain": Place("Jabal al-Tharda", 35.2833, 40.1667, None, "SY", "Deir ez-Zor",
                                "T", "MT", 0, "supplement"),
    "Deir ez-Zor": Place("Deir ez-Zor", 35.33588, 40.14084, 170794, "SY", "Deir ez-Zor", "P",
                         "PPLA", 242565),
    "Kunar": Place("Kunar", 34.9, 71.1, 1135702, "AF", "Kunar", "A", "ADM1", 0),
    "Asadabad": Place("Asadabad", 34.87311, 71.14697, 1148311, "AF", "Kunar", "P", "PPL", 48400),
    "Kabul": Place("Kabul", 34.52813, 69.17233, 1138958, "AF", "Kabul", "P", "PPLC", 3043532),
    "Homs": Place("Homs", 34.72682, 36.72339, 169577, "SY", "Homs", "P", "PPLA", 775404),
    "Idlib": Place("Idlib", 35.93062, 36.63393, 169388, "SY", "Idlib", "P", "PPLA", 128840),
    "Vovchansk": Place("Vovchansk", 50.29078, 36.94108, 689304, "UA", "Kharkiv", "P", "PPL",
                       17459),
    "Kharkiv": Place("Kharkiv", 49.98081, 36.25272, 706483, "UA", "Kharkiv", "P", "PPLA",
                     1430885),
    "Jarablus": Place("Jarabulus", 36.8175, 38.01111, 169179, "SY", "Aleppo", "P", "PPL", 24997),
}
DEMONYMS = {"Russian": "RU", "Syrian": "SY", "Afghan": "AF", "US": "US", "Russians": "RU"}


def build_mentions(text: str, *, metonyms: tuple[str, ...] = (),
                   embedded: tuple[str, ...] = ()) -> list[Mention]:
    """Every occurrence of a known place or demonym in ``text``, as the geoparser would mark it."""
    mentions: list[Mention] = []
    names = sorted([*PLACES, *DEMONYMS], key=len, reverse=True)
    taken: list[tuple[int, int]] = []
    for name in names:
        for match in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
            s, e = match.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            taken.append((s, e))
            if name in DEMONYMS:
                country = DEMONYMS[name]
                mentions.append(Mention(s, e, name, "demonym", None, 0.9, country))
                continue
            kind = "metonym" if name in metonyms else "embedded" if name in embedded else "literal"
            mentions.append(Mention(s, e, name, kind, PLACES[name], 0.9))
    return sorted(mentions, key=lambda m: m.start)


def verb_place(text: str, word: str, mentions: list[Mention] | None = None) -> str | None:
    """The name of the place the span task ties to the first ``word`` of ``text`` (None: no
    place), with the mentions above unless the test gives its own (``[]``: only names the
    locator finds on its own)."""
    start = text.index(word)
    found = build_mentions(text) if mentions is None else mentions
    mention = locate_verb(text, start, start + len(word), found)
    return None if mention is None else mention.name


def event_location(text: str, verb: str, mentions: list[Mention] | None = None):
    """Where the events path places the first ``verb`` of ``text`` (one sentence; None:
    nowhere), with the mentions above unless the test gives its own."""
    start = text.index(verb)
    found = build_mentions(text) if mentions is None else mentions
    return locate_event(text, (start, start + len(verb)), (0, len(text)), found)


def locate_placed(text: str, verb: str, spans: list[tuple[str, Place]], gazetteer):
    """Where the events path places the first ``verb`` of ``text`` when each name of ``spans``
    (its first occurrence) was read as the given place."""
    mentions = [Mention(text.index(name), text.index(name) + len(name), name, "literal", place,
                        0.5) for name, place in spans]
    start = text.index(verb)
    return locate_event(text, (start, start + len(verb)), (0, len(text)), mentions,
                        gazetteer=gazetteer)


def event_place(text: str, verb: str) -> str | None:
    """The name of the place ``event_location`` gives (None: no place)."""
    location = event_location(text, verb)
    return None if location is None or location.place is None else location.place.name


def first_event(text: str) -> Event:
    """The first event extracted from ``text`` as an undated article (the test fails if none)."""
    events = extract_events(Article(id="t", text=text))
    assert events, text
    return events[0]
