"""ACLED's own columns, derived from what an event already says: ``with_acled_columns(event)``.

Every column here is a pure function of the event's other fields (and of two small fact tables),
so it is computed when the event is built and recomputed whenever a stage changes the fields it
depends on (dedup merging sources, for ``source_scale``). A column we cannot state from the text
stays null: ACLED's coders read far more than one article, and a guessed value is worse than an
honest gap. docs/data-dictionary.md lists each column's null rule.

Sources of the rules: ACLED's codebook (acleddata.com/knowledge-base/codebook) for disorder_type,
the inter codes, interaction, civilian_targeting, source_scale and the crowd-size tag; ACLED's
region list for geomap/data/acled_regions.csv.
"""

from __future__ import annotations

import csv
import re
from datetime import UTC, date, datetime
from functools import lru_cache
from operator import attrgetter
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from geomap.events import taxonomy as t
from geomap.events.actors import NATIONAL
from geomap.model import Event, Place

_DATA = Path(__file__).resolve().parent.parent / "data"

POLITICAL_VIOLENCE = "Political violence"
DEMONSTRATIONS = "Demonstrations"
#: Excessive force against protesters is both: violence, by an armed actor, at a demonstration.
POLITICAL_VIOLENCE_AND_DEMONSTRATIONS = "Political violence; Demonstrations"
STRATEGIC_DEVELOPMENTS = "Strategic developments"

#: ACLED's disorder type by event type; the two sub-event types that differ from their event
#: type's are listed in _DISORDER_BY_SUB (mob violence is violence; a violent demonstration is
#: still a demonstration).
_DISORDER_BY_TYPE = {
    t.BATTLES: POLITICAL_VIOLENCE, t.EXPLOSIONS: POLITICAL_VIOLENCE,
    t.VIOLENCE_AGAINST_CIVILIANS: POLITICAL_VIOLENCE, t.PROTESTS: DEMONSTRATIONS,
    t.RIOTS: DEMONSTRATIONS, t.STRATEGIC: STRATEGIC_DEVELOPMENTS,
}
_DISORDER_BY_SUB = {
    t.EXCESSIVE_FORCE: POLITICAL_VIOLENCE_AND_DEMONSTRATIONS, t.MOB_VIOLENCE: POLITICAL_VIOLENCE,
}

#: ACLED's actor types ("inter" codes).
STATE_FORCES, REBEL_GROUPS, POLITICAL_MILITIAS, IDENTITY_MILITIAS = 1, 2, 3, 4
RIOTERS, PROTESTERS, CIVILIANS, EXTERNAL_FORCES = 5, 6, 7, 8
NO_ACTOR = 0

#: Our generic actor labels (geomap.events.actors) -> ACLED's inter code.
_INTER_BY_LABEL = {
    "Protesters": PROTESTERS, "Rioters": RIOTERS, "Civilians": CIVILIANS,
    "Militia": POLITICAL_MILITIAS, "Unidentified armed group": POLITICAL_MILITIAS,
    "Government forces": STATE_FORCES, "Military forces": STATE_FORCES,
    "Police forces": STATE_FORCES, "Security forces": STATE_FORCES,
    "Wagner Group": EXTERNAL_FORCES, "Rebels": REBEL_GROUPS,
}
_NATION_ALIASES = {"us": "united states", "dr congo": "democratic republic of congo",
                   "uk": "united kingdom", "british": "united kingdom"}

CIVILIAN_TARGETING = "Civilian targeting"

#: Outlets that report worldwide, by name and by web domain: ACLED's "International" scale.
#: Only these are stated; any other outlet's scale is unknown to us (null).
_INTERNATIONAL_NAMES = frozenset({
    "reuters", "associated press", "ap", "afp", "agence france-presse", "al jazeera", "bbc",
    "bbc news", "deutsche welle", "dw", "france 24", "rfi", "radio france internationale",
    "voice of america", "voa", "xinhua", "radio free europe/radio liberty", "rfe/rl",
})
_INTERNATIONAL_DOMAINS = frozenset({
    "reuters.com", "apnews.com", "afp.com", "aljazeera.com", "bbc.com", "bbc.co.uk", "dw.com",
    "france24.com", "rfi.fr", "voanews.com", "xinhuanet.com", "news.cn", "rferl.org",
})
INTERNATIONAL = "International"
#: Any listed domain anywhere in a (lowercased) URL: one search instead of one per domain.
_ANY_DOMAIN = re.compile("|".join(map(re.escape, sorted(_INTERNATIONAL_DOMAINS))))

#: ACLED tags every Protests and Riots event with the crowd size the sources give.
_CROWD_TYPES = frozenset({t.PROTESTS, t.RIOTS})
_ACLED_SIZE = re.compile(r"\[size=([^\]]+)\]", re.IGNORECASE)
_CROWD = re.compile(
    r"\b((?:(?:about|around|some|nearly|almost|more than|over|at least|up to|an estimated)\s+)?"
    r"(?:\d[\d,]*|a few|several|a dozen|dozens|scores|a hundred|hundreds|a thousand|thousands|"
    r"tens of thousands|hundreds of thousands))(?:\s+of)?\s+(?:people|protesters|demonstrators|"
    r"residents|students|workers|supporters|women|farmers|marchers|activists|teachers|traders|"
    r"youths|rioters|villagers|members)\b"
    # "3 people were killed" counts victims, not a crowd
    r"(?!\s+(?:(?:were|was|have been|had been|are)\s+)?(?:killed|injured|wounded|arrested|"
    r"detained|dead|died|hurt))", re.IGNORECASE)
NO_REPORT = "no report"


def disorder_type(event_type: str | None, sub_event_type: str | None) -> str | None:
    """ACLED's disorder type of an (event_type, sub_event_type) pair; None for unknown types."""
    return _DISORDER_BY_SUB.get(sub_event_type or "") or _DISORDER_BY_TYPE.get(event_type or "")


def inter_code(actor: str | None, country: str | None) -> int | None:
    """ACLED's interaction code for one of our actor labels in an event in ``country``: a
    nation's forces are state forces at home (1) and external forces abroad (8); named armed
    groups are rebel groups (2). None when we name no actor."""
    if not actor:
        return None
    if actor in _INTER_BY_LABEL:
        return _INTER_BY_LABEL[actor]
    nation = None
    if actor.startswith(("Military forces of ", "Police forces of ")):
        nation = actor.split(" of ", 1)[1]
    elif actor.endswith((" forces", " government")):
        adjective = actor.split(" ")[0].lower()
        nation = NATIONAL.get(adjective) or adjective
    if nation is None:
        return REBEL_GROUPS
    nation = _NATION_ALIASES.get(nation.lower(), nation.lower())
    home = _NATION_ALIASES.get((country or "").lower(), (country or "").lower())
    return STATE_FORCES if nation == home else EXTERNAL_FORCES


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's two-digit interaction: the smaller code first (12, 17, 66), or 10 x inter1 when
    the event has one actor (60: protesters alone). None when the first actor is unknown."""
    if not inter1:
        return None
    if not inter2:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


def civilian_targeting(event_type: str | None, inter1: int | None,
                       inter2: int | None) -> str | None:
    """ACLED marks events whose target is civilians: every Violence against civilians event, and
    a remote or riot event whose named actor is civilians. Battles are fought between armed
    groups, so never."""
    if event_type == t.VIOLENCE_AGAINST_CIVILIANS:
        return CIVILIAN_TARGETING
    if event_type in {t.EXPLOSIONS, t.RIOTS} and CIVILIANS in (inter1, inter2):
        return CIVILIAN_TARGETING
    return None


@lru_cache(maxsize=1)
def _regions() -> dict[str, str]:
    with (_DATA / "acled_regions.csv").open(newline="", encoding="utf-8") as handle:
        return {row["iso2"]: row["region"] for row in csv.DictReader(handle)}


@lru_cache(maxsize=512)
def _alpha2(iso_numeric: int) -> str | None:
    import pycountry

    country = pycountry.countries.get(numeric=f"{iso_numeric:03d}")
    return country.alpha_2 if country else None


def region(iso_numeric: int | None) -> str | None:
    """ACLED's region of a country given by its ISO 3166-1 numeric code (ACLED's ``iso``)."""
    if iso_numeric is None:
        return None
    alpha2 = _alpha2(iso_numeric)
    return _regions().get(alpha2) if alpha2 else None


def _is_international(source: str | None, url: str | None) -> bool:
    if source and source.strip().lower() in _INTERNATIONAL_NAMES:
        return True
    # the host is part of the URL: most outlets' URLs name no listed domain and need no parse
    if not url or _ANY_DOMAIN.search(url.lower()) is None:
        return False
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    return any(host == domain or host.endswith("." + domain) for domain in _INTERNATIONAL_DOMAINS)


def source_scale(sources: tuple[str, ...], urls: tuple[str, ...]) -> str | None:
    """"International" when every report comes from an outlet known to report worldwide; None
    when any report's scale is unknown (we never guess a national or local scale)."""
    count = max(len(sources), len(urls))
    if count == 0:
        return None
    reports = [(sources[i] if i < len(sources) else None, urls[i] if i < len(urls) else None)
               for i in range(count)]
    return INTERNATIONAL if all(_is_international(s, u) for s, u in reports) else None


def crowd_size(text: str | None) -> str:
    """The crowd size the text states ("hundreds", "around 300"), else "no report"."""
    if not text:
        return NO_REPORT
    stated = _ACLED_SIZE.search(text)
    if stated:
        return stated.group(1).strip().lower()
    match = _CROWD.search(text)
    return " ".join(match.group(1).lower().split()) if match else NO_REPORT


def tags(event_type: str | None, notes: str | None) -> str | None:
    """ACLED's tags we can state from the text: the crowd size of demonstrations."""
    if event_type in _CROWD_TYPES:
        return f"crowd size={crowd_size(notes)}"
    return None


def timestamp(published: date | None) -> int | None:
    """When the record was made, as Unix seconds: the article's publication day at 00:00 UTC, so
    the same article always gives the same record (processing time would differ per run)."""
    if published is None:
        return None
    return int(datetime(published.year, published.month, published.day, tzinfo=UTC).timestamp())


def place_identity(place: Place | None) -> tuple[int | None, str | None]:
    """(geonameid, place_id) of a resolved place. Real GeoNames rows keep their id and are
    "geonames:<id>"; the gazetteer's own features (derived admin1, the supplement, user lists,
    online geocoders) carry a negative stand-in id that means nothing outside it, so the record
    has no geonameid for them and names them "<source>:<stable number>" instead."""
    if place is None or place.geonameid is None:
        return None, None
    if place.geonameid > 0:
        return place.geonameid, f"geonames:{place.geonameid}"
    source = (place.source or "gazetteer").lower()
    return None, f"{source}:{-place.geonameid}"


def with_acled_columns(event: Event) -> Event:
    """The event with ACLED's derived columns (re)computed from its other fields; idempotent.
    ``timestamp``, ``admin2``/``admin3`` and ``place_id`` are set by whoever builds the event
    and kept as they are."""
    return event.replace(**acled_columns(_READ(event)))


#: The fields the derived columns depend on, in acled_columns' order.
DERIVED_FROM = ("event_type", "sub_event_type", "event_date", "actor1", "actor2", "country",
                "iso", "sources", "source_urls", "notes")
_READ = attrgetter(*DERIVED_FROM)


def acled_columns(fields: tuple) -> dict[str, Any]:
    """ACLED's derived columns of an event whose DERIVED_FROM fields are ``fields`` (dedup
    states a merged event's columns from its merged fields and builds the event once)."""
    event_type, sub_event_type, event_date, actor1, actor2, country, iso, sources, urls, notes = (
        fields)
    return dict(zip(_SIDE_COLUMNS, _sides(event_type, sub_event_type, actor1, actor2, country),
                    strict=True),
                year=event_date.year if event_date else None, region=region(iso),
                source_scale=source_scale(sources, urls), tags=tags(event_type, notes))


_SIDE_COLUMNS = ("disorder_type", "inter1", "inter2", "interaction", "civilian_targeting")


@lru_cache(maxsize=4096)
def _sides(event_type: str | None, sub_event_type: str | None, actor1: str | None,
           actor2: str | None, country: str | None) -> tuple:
    """The columns of who acted on whom (_SIDE_COLUMNS): a few hundred combinations recur
    across a corpus, so each is worked out once."""
    inter1 = inter_code(actor1, country)
    # ACLED codes a one-sided event's missing second actor as 0; with no first actor either,
    # we know nothing about the sides.
    inter2 = inter_code(actor2, country) if actor2 else (
        NO_ACTOR if inter1 is not None else None)
    return (disorder_type(event_type, sub_event_type), inter1, inter2,
            interaction(inter1, inter2), civilian_targeting(event_type, inter1, inter2))
