"""A drafted event coded as the ACLED record: casualties, actors, place, date and identity.

The event stage (extract.py) decides which clauses make an event and joins them into a Draft;
this module turns each Draft into the Event contract, once the whole article is read.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import lru_cache

from geomap.events import taxonomy as t
from geomap.events.acled_columns import acled_columns, place_identity, timestamp
from geomap.events.actors import find_actors, pick_actors
from geomap.events.casualties import Casualties, read_casualties
from geomap.events.casualty_patterns import CasualtyWords, casualty_words
from geomap.events.classify import by_harm
from geomap.events.dates import EventDate
from geomap.events.locate import Location
from geomap.events.triggers import Trigger
from geomap.lexicons import ENGLISH, Lexicon
from geomap.model import Article, Event, Mention, Place

MAX_NOTES = 1000


@dataclass
class Draft:
    """An event being assembled from an article's clauses (mutable while drafting)."""

    sub_event_type: str
    trigger: Trigger
    sentence: tuple[int, int]
    pieces: list[tuple[int, int]] = field(default_factory=list)
    location: Location | None = None
    last_sentence: int = 0
    generic: bool = False  # classified from generic cues only (killed, attack)
    triggers: list[Trigger] = field(default_factory=list)
    anchor: int = 0  # the last sentence whose triggers joined the event (details follow it)
    when: EventDate | None = None


def casualties_in(text: str, lexicon: Lexicon = ENGLISH) -> Casualties:
    """parse_casualties, once per text: a one-sentence event's body is the very sentence its
    support was checked on. The result is shared between callers: read it, never change it."""
    return _casualties_in(text, casualty_words(lexicon))


@lru_cache(maxsize=64)
def _casualties_in(text: str, words: CasualtyWords) -> Casualties:
    return read_casualties(text, words)


#: Sub-event types whose perpetrator exists even when the text does not name one.
_UNCLAIMED = frozenset({t.REMOTE_EXPLOSIVE, t.GRENADE, t.SUICIDE_BOMB, t.ATTACK, t.ABDUCTION,
                        t.SEXUAL_VIOLENCE})


def to_event(article: Article, text: str, draft: Draft, mentions: list[Mention],
             focus: Place | None, lexicon: Lexicon = ENGLISH) -> Event | None:
    """The draft coded as ACLED codes an event: its casualties read from all its clauses, its
    actors, its place (else the article's focus place) and its date."""
    # A clause split at ", and" keeps its "and", so a count after an "including ..." list reads.
    body = " ".join(text[a:b].strip() + ", and" * (text[b:b + 5] == ", and")
                    for a, b in draft.pieces)
    s, e = draft.sentence
    casualties = casualties_in(body, lexicon)
    when = draft.when
    event_date, precision = (when.value, when.precision) if when else (None, None)
    actor1, actor2 = pick_actors(text, s, e, draft.trigger.start, mentions, lexicon)
    if actor2 is None:
        # "Artillery hit Korvel. A shepherd was hurt.": the target is in a detail sentence
        actor2 = next((name for a, b in draft.pieces if (a, b) != (s, e)
                       for _, name in find_actors(text, a, b, mentions, lexicon)
                       if name != actor1), None)
    if draft.sub_event_type in {t.PEACEFUL_PROTEST, t.PROTEST_WITH_INTERVENTION,
                                t.EXCESSIVE_FORCE}:
        actor1 = "Protesters"
    elif draft.sub_event_type == t.VIOLENT_DEMONSTRATION:
        actor1 = "Rioters"
    elif actor1 is None and draft.sub_event_type in _UNCLAIMED:
        # "a device hidden in a cart went off": someone planted it; ACLED names the
        # perpetrator an unidentified armed group until the text says who
        actor1 = "Unidentified armed group"
    place, geo_precision = (draft.location.place, draft.location.precision) if draft.location \
        else (focus, 3 if focus is not None else None)
    country_name, iso = _country(place.country if place else None)
    fatalities, injured = casualties.fatalities, casualties.injured
    if not casualties.unknown and fatalities is None:
        # ACLED codes an event with no reported deaths as 0; an explicit "casualties unknown"
        # stays None. Injuries without a number stay None: ACLED's coders leave them uncoded.
        fatalities = 0
    sub = by_harm(draft.sub_event_type, text, draft.trigger, casualties, lexicon)
    key = f"{article.id}|{draft.trigger.start}|{draft.trigger.end}|{sub}"
    confidence = 0.4 + 0.2 * draft.trigger.strong + 0.2 * (draft.location is not None) + 0.2 * (
        when is not None and when.start >= 0)
    notes = body if len(body) <= MAX_NOTES else body[:MAX_NOTES - 1] + "…"
    geonameid, place_id = place_identity(place)
    event_type = t.event_type_of(sub)
    # ACLED's derived columns are stated with the rest (as with_acled_columns would derive them
    # from the built event), so each event is built once rather than built and then replaced.
    sources = (article.source,) if article.source else ()
    urls = (article.url,) if article.url else ()
    derived = acled_columns((event_type, sub, event_date, actor1, actor2, country_name, iso,
                             sources, urls, notes))
    return Event(
        event_id=hashlib.sha1(key.encode()).hexdigest()[:16],
        article_id=article.id,
        event_type=event_type,
        sub_event_type=sub,
        event_date=event_date,
        time_precision=precision,
        actor1=actor1,
        actor2=actor2,
        fatalities=fatalities,
        fatalities_low=casualties.fatalities_low,
        fatalities_high=casualties.fatalities_high,
        injured=injured,
        location=place.name if place else None,
        admin1=place.admin1 if place else None,
        admin2=place.admin2 if place else None,
        country=country_name,
        iso=iso,
        lat=place.lat if place else None,
        lon=place.lon if place else None,
        geo_precision=geo_precision,
        geonameid=geonameid,
        notes=notes,
        source=article.source,
        source_url=article.url,
        sources=sources,  # the very values the derived columns read
        source_urls=urls,
        confidence=round(min(confidence, 1.0), 2),
        timestamp=timestamp(article.published),
        place_id=place_id,
        trigger_span=(draft.trigger.start, draft.trigger.end),
        victims=tuple(casualties.victims),
        **derived,
    )


@lru_cache(maxsize=512)
def _country(alpha2: str | None) -> tuple[str | None, int | None]:
    """Country name and ISO 3166-1 numeric code (ACLED's ``iso``) from an alpha-2 code."""
    if not alpha2:
        return None, None
    import pycountry

    country = pycountry.countries.get(alpha_2=alpha2.upper())
    if country is None:
        return None, None
    name = getattr(country, "common_name", None) or country.name
    return name, int(country.numeric)
