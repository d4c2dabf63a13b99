"""When two event reports describe one happening: the pairwise rule that dedup applies.

Two reports are one happening only when every rule below finds no conflict (DESIGN.md §4):

1. **Different articles.** Two events read from one article are two events; splitting or joining
   them is the extraction stage's job, never dedup's.
2. **Same event type, compatible sub-type.** Sub-types that outlets confuse form one family (an
   air strike and a missile attack; a car bomb and an IED; any two battle or protest sub-types);
   Strategic developments stay apart by sub-type (an arrest is no looting).
3. **Same time.** Day-precise reports (time_precision 1) must give the same day; vaguer ones
   (2 week, 3 month) must overlap in their windows (+-3, +-15 days). An undated report has no
   time evidence and merges with nothing.
4. **Same place, at the finest precision both have.** The same gazetteer feature (geonameid or
   place_id), the same place name in the same country and admin1 within ``NEAR_KM``, or the same
   point (``SAME_POINT_KM``). A vaguer report may contain a finer one: a region-level report
   (geo_precision 3) contains a report whose admin1 is that region; a town contains a place
   within ``NEAR_KM`` whose sentence names the town ("in Karam Houmid, Aleppo"). Two different
   towns or two quarters of one city are different places, however close. Countries must agree;
   a report with no place merges with nothing.
5. **Compatible casualty figures.** Death tolls rise as bodies are found, so 5 and 14 killed can
   be one happening, but a report of deaths and one of none (14 killed / "wounded three") cannot,
   nor can figures further apart than ``TOLL_FACTOR`` x the lower + ``TOLL_SLACK``. Injury counts
   follow the same rule when both reports give one.
6. **No conflicting actors or participants.** Two named (non-generic) doers that differ, or two
   named actor sets with nothing in common, are two happenings; so are two sentences that name
   disjoint civilian groups (teachers / doctors), reports whose victims are of disjoint classes
   (policemen / soldiers), and two sentences that each name a place or person the other does
   not ("shelled Fleifel" / "shelled Kansafra", both placed at their district).
7. **Corroboration for weak evidence.** When the place matches only by containment or at region
   level, or either date is not day-precise, the reports must also agree beyond the rules
   above: both count the dead (agreeing tolls, rule 5), or their sentences are alike (rapidfuzz
   token-set ratio >= ``WEAK_EVIDENCE_SIMILARITY``). A region on a day, or a town in a week,
   holds many events of one type.

The same similarity ranks candidate merges, so a report that fits two happenings joins the one
it reads most like.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from rapidfuzz import fuzz

from geomap.events.actors import NATIONAL
from geomap.events.wording import (
    folded,
    groups_named,
    names_in,
    normal_name,
    sentence_of,
    unmatched,
    victims_named,
)
from geomap.geodesy import haversine_km
from geomap.model import Event

#: Two points this close are one place even under different names (a feature from two sources).
SAME_POINT_KM = 1.0
#: How far a place named like another, or named in another's sentence, may lie from it.
NEAR_KM = 15.0
#: Window half-widths in days by ACLED time precision (1 day, 2 week, 3 month).
WINDOW_DAYS = {1: 0, 2: 3, 3: 15}
#: Tolls: the higher figure may be at most TOLL_FACTOR x the lower + TOLL_SLACK.
TOLL_FACTOR = 2
TOLL_SLACK = 2
#: rapidfuzz token-set ratio (0-100) the sentences need when place or time evidence is weak.
WEAK_EVIDENCE_SIMILARITY = 60.0

_FAMILIES = {
    "Air/drone strike": "remote", "Shelling/artillery/missile attack": "remote",
    "Chemical weapon": "remote", "Suicide bomb": "bomb", "Remote explosive/landmine/IED": "bomb",
    "Grenade": "bomb",
}
#: Event types whose sub-types all describe one kind of happening seen differently.
_ONE_FAMILY_TYPES = {"Battles", "Protests", "Riots", "Violence against civilians"}
#: actor names (extract's generic labels) that identify nobody in particular.
_GENERIC_ACTORS = {
    "government forces", "rebels", "militia", "police forces", "security forces",
    "military forces", "unidentified armed group", "protesters", "rioters", "civilians",
}


class Report(NamedTuple):
    """What the rule compares of one event, computed once per event (a tuple: a million of
    them are built in a second)."""

    articles: tuple[str, ...]
    event_type: str
    family: str | None
    first_day: int | None  # window as date ordinals
    last_day: int | None
    day_precise: bool
    country: str | None
    admin1: str | None
    location: str | None
    place_id: str | int | None  # place_id, else geonameid
    lat: float | None
    lon: float | None
    precision: int | None
    deaths: tuple[int, int] | None  # (low, high) as reported
    injured: int | None
    doer: str | None
    actors: frozenset[str]
    notes: str  # as extracted, with extract's annotations
    victims: frozenset[str]  # classes of who suffered (police, soldiers, fighters, civilians)

    @property
    def sentence(self) -> str:
        return sentence_of(self.notes)


def report_of(event: Event) -> Report:
    first = last = None
    if event.event_date is not None:
        day = event.event_date.toordinal()
        half = WINDOW_DAYS.get(event.time_precision or 1, WINDOW_DAYS[3])
        first, last = day - half, day + half
    deaths = None
    if event.fatalities is not None:
        low = event.fatalities_low if event.fatalities_low is not None else event.fatalities
        high = event.fatalities_high if event.fatalities_high is not None else event.fatalities
        deaths = (min(low, event.fatalities), max(high, event.fatalities))
    return Report(
        event.article_ids, event.event_type, sub_type_family(event.event_type,
                                                            event.sub_event_type),
        first, last, (event.time_precision or 1) == 1,
        *_place_names(event.country, event.admin1, event.location),
        event.place_id or event.geonameid, event.lat, event.lon, event.geo_precision, deaths,
        event.injured or None, *_actor_keys(event.actor1, event.actor2), event.notes or "",
        victims_named(event.victims),
    )


# Names and actors recur across reports, and dedup reads the pairs of one report together:
# caching keeps the text work at one reading per report.
_CACHE = 1 << 12


@lru_cache(maxsize=_CACHE << 4)  # as many as a corpus has places
def _place_names(country: str | None, admin1: str | None,
                 location: str | None) -> tuple[str | None, str | None, str | None]:
    return normal_name(country), normal_name(admin1), normal_name(location)


@lru_cache(maxsize=_CACHE)
def _actor_keys(actor1: str | None, actor2: str | None) -> tuple[str | None, frozenset[str]]:
    """(the doer, every named actor)."""
    return actor_key(actor1), frozenset(key for key in map(actor_key, (actor1, actor2)) if key)


@lru_cache(maxsize=_CACHE)
def sub_type_family(event_type: str, sub_event_type: str | None) -> str | None:
    """None when the sub-type is unknown (compatible with any of its type)."""
    if not sub_event_type:
        return None
    if event_type in _ONE_FAMILY_TYPES:
        return event_type
    return _FAMILIES.get(sub_event_type, sub_event_type)


@lru_cache(maxsize=_CACHE)
def actor_key(actor: str | None) -> str | None:
    """A named actor's identity ("Russian forces", "Military forces of Russia" -> "russia");
    None for generic labels, which identify nobody."""
    if not actor or actor.casefold() in _GENERIC_ACTORS:
        return None
    of = re.match(r"(?:military|police) forces of (.+)", actor, re.IGNORECASE)
    if of:
        return of.group(1).casefold()
    first = actor.split()[0].casefold()
    country = NATIONAL.get(first) or {"us": "United States", "british": "UK"}.get(first)
    return (country or actor).casefold()


def similarity(a: Report, b: Report) -> float:
    return fuzz.token_set_ratio(a.sentence, b.sentence, processor=str.casefold)


# --- the rules: each returns True when the pair may still be one happening ------------------

def different_articles(a: Report, b: Report) -> bool:
    return not any(article in b.articles for article in a.articles)


def same_type(a: Report, b: Report) -> bool:
    return a.event_type == b.event_type and (
        a.family is None or b.family is None or a.family == b.family)


def same_time(a: Report, b: Report) -> bool:
    if a.first_day is None or b.first_day is None:
        return False
    return a.first_day <= b.last_day and b.first_day <= a.last_day


def figures_agree(a: tuple[int, int] | None, b: tuple[int, int] | None) -> bool:
    if a is None or b is None or (a[0] <= b[1] and b[0] <= a[1]):
        return True
    lower, higher = (a, b) if a[1] < b[0] else (b, a)
    if lower[1] == 0:
        return False  # one report says nobody died, the other counts the dead
    return higher[0] <= TOLL_FACTOR * lower[1] + TOLL_SLACK


def compatible_casualties(a: Report, b: Report) -> bool:
    injured_a = (a.injured, a.injured) if a.injured else None
    injured_b = (b.injured, b.injured) if b.injured else None
    return figures_agree(a.deaths, b.deaths) and figures_agree(injured_a, injured_b)


def no_conflicting_actors(a: Report, b: Report) -> bool:
    if a.doer and b.doer and a.doer != b.doer:
        return False
    return not (a.actors and b.actors and not (a.actors & b.actors))


def no_conflicting_groups(a: Report, b: Report) -> bool:
    groups_a, groups_b = groups_named(a.sentence), groups_named(b.sentence)
    return not (groups_a and groups_b and not (groups_a & groups_b))


def no_conflicting_victims(a: Report, b: Report) -> bool:
    victims_a, victims_b = a.victims, b.victims
    return not (victims_a and victims_b and not (victims_a & victims_b))


def no_conflicting_names(a: Report, b: Report) -> bool:
    """Each sentence naming a place or person the other lacks ("shelled Fleifel" / "shelled
    Kansafra", both placed at their district) is two happenings; one naming more than the other
    is one report being vaguer."""
    names_a, names_b = names_in(a.sentence), names_in(b.sentence)
    return not (unmatched(names_a, names_b) and unmatched(names_b, names_a))


SAME, WITHIN = "same", "within"


def place_relation(a: Report, b: Report) -> str | None:
    """SAME, WITHIN (one report is vaguer and contains the other) or None (different places)."""
    if a.country and b.country and a.country != b.country:
        return None
    if a.location is None and a.lat is None or b.location is None and b.lat is None:
        return None  # a report with no place is no evidence of the same place
    distance = None
    if None not in (a.lat, a.lon, b.lat, b.lon):
        distance = haversine_km(a.lat, a.lon, b.lat, b.lon)
    if a.place_id is not None and a.place_id == b.place_id:
        return SAME
    near = distance is None or distance <= NEAR_KM
    if a.location and a.location == b.location and near and (
            a.admin1 is None or b.admin1 is None or a.admin1 == b.admin1):
        return SAME
    if distance is not None and distance <= SAME_POINT_KM:
        return SAME
    for outer, inner in ((a, b), (b, a)):
        if _contains(outer, inner, distance):
            return WITHIN
    return None


def _contains(outer: Report, inner: Report, distance: float | None) -> bool:
    if outer.precision == 3:
        # a region-level report: its location is the region, the finer report's admin1
        return (inner.precision or 1) < 3 and inner.admin1 is not None and inner.admin1 in (
            outer.location, outer.admin1)
    if distance is None or distance > NEAR_KM or not outer.location:
        return False
    return re.search(rf"\b{re.escape(outer.location)}\b",
                     folded(inner.sentence)) is not None


def _same_dead(a: Report, b: Report) -> bool:
    """Both reports count the dead, and the counts agree: corroboration beyond the wording."""
    return bool(a.deaths and b.deaths and a.deaths[1] > 0 and b.deaths[1] > 0)


#: The rules on figures, actors and wording, cheapest first (place is judged in between).
FIELD_RULES = (different_articles, same_type, same_time, compatible_casualties,
               no_conflicting_actors)
TEXT_RULES = (no_conflicting_groups, no_conflicting_victims, no_conflicting_names)


def match_score(a: Report, b: Report) -> float | None:
    """None when the two reports are not one happening, else a rank for candidate merges: the
    similarity of their sentences (0-100), plus 100 when place and day evidence is strong, so a
    strong match is never lost to a merge on weaker evidence."""
    if not all(rule(a, b) for rule in FIELD_RULES):
        return None
    relation = place_relation(a, b)
    if relation is None or not all(rule(a, b) for rule in TEXT_RULES):
        return None
    score = similarity(a, b)
    strong = relation == SAME and a.day_precise and b.day_precise and a.precision != 3
    if not strong and score < WEAK_EVIDENCE_SIMILARITY and not _same_dead(a, b):
        return None
    return score + 100.0 if strong else score
