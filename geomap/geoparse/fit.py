"""How one sense sits against another the text relates it to: inside a container ("X, Y"),
holding a name put in it, or beside it in a list. Pure functions of gazetteer senses.
"""

from __future__ import annotations

from collections import Counter

from anyascii import anyascii

from gazetteer.names import ADMIN1_SUFFIXES
from geomap.geodesy import haversine_km
from geomap.geoparse.hamlets import SEATS, is_hamlet
from geomap.geoparse.kinds import COUNTRY_CODES
from geomap.geoparse.weights import EVIDENCE


def is_region(candidate) -> bool:
    """A country or first-level region."""
    return candidate.feature_code in COUNTRY_CODES or candidate.feature_code == "ADM1"


def country_meant(candidates: list, norm: str, containers: list, normalize):
    """The country a name that is its own name means, None where a namesake may be meant: a
    namesake town must be said so explicitly ("China, Maine"), by a container abroad, and only
    a state of the same name ("Georgia") competes. ("northern Yemen (X, Y)": a bracket of the
    country's own provinces places the name before it, the country being no town of its own
    province.)"""
    countries = [c for c in candidates
                 if c.feature_code in COUNTRY_CODES and normalize(c.name) == norm]
    if not countries:
        return None
    code = countries[0].country_code
    if not all(any(c.country_code == code for c in container.candidates)
               for container in containers):
        return None
    if any(c.feature_code == "ADM1" and c.country_code != code for c in candidates):
        return None
    return countries[0]


def votes(chosen, explicit_only: bool) -> tuple[Counter, Counter]:
    """What one resolved name says about the article's country and region: a named country or
    state counts double, any other place once (and not at all in the explicit-only round)."""
    countries: Counter[str] = Counter()
    admin1: Counter[tuple[str, str]] = Counter()
    if chosen is None or not chosen.country_code:
        return countries, admin1
    if chosen.feature_code in COUNTRY_CODES:
        countries[chosen.country_code] += 2
    elif chosen.feature_code == "ADM1":
        countries[chosen.country_code] += 1
        admin1[(chosen.country_code, chosen.admin1_code)] += 2
    elif not explicit_only:
        countries[chosen.country_code] += 1
        if chosen.admin1_code:
            admin1[(chosen.country_code, chosen.admin1_code)] += 1
    return countries, admin1


def level(candidate) -> int:
    """3 a country, 2 a first-level region, 1 anything smaller."""
    if candidate.feature_code in COUNTRY_CODES:
        return 3
    return 2 if candidate.feature_code == "ADM1" else 1


def containment_bonus(candidate, container) -> float:
    """How well a candidate sits inside the sense its container resolved to (or could); a sense
    as large as the container ("France, Germany") is a list, not containment."""
    senses = [container.chosen] if container.chosen is not None else container.candidates[:5]
    return max((fit(candidate, sense) for sense in senses), default=0.0)


def fit(candidate, sense) -> float:
    """How well ``candidate`` lies inside ``sense`` (0: not at all)."""
    if level(candidate) >= level(sense) and level(candidate) > 1:
        return 0.0
    if is_hamlet(sense):
        # "X, Y": Y names a region or a town, never a hamlet; in a gazetteer dense with villages
        # two namesake hamlets near each other are a coincidence, not the text's meaning.
        return 0.0
    if sense.feature_code in COUNTRY_CODES:
        return EVIDENCE.container_region if candidate.country_code == sense.country_code else 0.0
    if sense.feature_code == "ADM1":
        return EVIDENCE.container_region if (candidate.country_code, candidate.admin1_code) == (
            sense.country_code, sense.admin1_code) else 0.0
    distance = haversine_km(candidate.lat, candidate.lon, sense.lat, sense.lon)
    fit = EVIDENCE.container_near if distance < EVIDENCE.near_km else (
        EVIDENCE.container_far if distance < EVIDENCE.far_km else 0.0)
    if distance < EVIDENCE.close_km and sense.feature_class == "P":
        # "X, Y" of a village or quarter and its town: the namesake next to the town, of two
        # within a district's reach of it
        fit += EVIDENCE.container_close
    if sense.admin1_code and (candidate.country_code, candidate.admin1_code) == (
            sense.country_code, sense.admin1_code) and names_its_region(sense):
        # "Vilkhivka, Kharkiv": a city that gives its name to its region (oblast, governorate,
        # province) stands for the region too, and as often for the region as for the city: a
        # namesake in the city's countryside earns less over one across the province than it
        # would near a town that names no region (a quarter of the city itself keeps it all).
        outskirts = EVIDENCE.container_close if distance >= EVIDENCE.close_km else 0.0
        fit = max(fit - outskirts, EVIDENCE.container_named_region)
    return fit


def town_km(candidate, containers: list) -> float:
    """How far ``candidate`` lies from the nearest town among the resolved ``containers`` (0
    when none is a town, or beyond a province's reach)."""
    towns = [c.chosen for c in containers if c.chosen is not None
             and c.chosen.feature_class == "P" and not is_hamlet(c.chosen)]
    return min((min(haversine_km(candidate.lat, candidate.lon, t.lat, t.lon), _TOWN_REACH_KM)
                for t in towns), default=0.0)


#: Past this a town container says nothing more about which namesake is meant.
_TOWN_REACH_KM = 800.0


def in_province(candidate, container) -> bool:
    """"X, Herat": ``candidate`` lies in the province of some sense of the container (or within
    a district's reach of it); the container's other senses count too, as the one it resolved
    to may be a namesake of the unit meant ("Lima" the capital, not the region around it)."""
    senses = [container.chosen, *container.candidates[:10]]
    return any(fit(candidate, sense) >= EVIDENCE.container_named_region for sense in senses)


def holds_any(sense, contained: list) -> bool:
    """"Atlanta, Georgia": a container's sense that holds some sense of the name put in it."""
    return any(fit(candidate, sense) > 0 for group in contained
               for candidate in group.candidates[:10])


def sibling_bonus(candidate, siblings: list) -> float:
    """A region or country among regions or countries of one list ("British Columbia, Alberta
    and Ontario"), or a city among cities ("Washington, New York and Boston"); more when it
    shares their country."""
    own = level(candidate)
    if own < 2:
        if candidate.feature_class != "P":
            return 0.0
        same = [s for s in siblings if s.feature_class == "P"]
    else:
        same = [s for s in siblings if level(s) == own]
    if not same:
        return 0.0
    return EVIDENCE.sibling_kind + (EVIDENCE.sibling_country if any(
        s.country_code == candidate.country_code for s in same) else 0.0)


def may_be_sibling(group, container) -> bool:
    """"Georgia, Kansas": the name and its would-be container can be places of one level."""
    senses = [container.chosen] if container.chosen is not None else container.candidates[:3]
    levels = {level(s) for s in senses}
    return any(level(c) in levels and level(c) >= 2 for c in group.candidates)


#: Seats of the units they give their names to: the seats a hamlet never is, less PPLG (a seat
#: of government other than the capital, which governs no unit of its own name).
_UNIT_SEATS = SEATS - {"PPLG"}


def names_a_unit(sense) -> bool:
    """A town that names the unit it governs: a seat of government, or a city named like its
    first-level region ("Santa Ana" in Santa Ana department)."""
    return sense.feature_code in _UNIT_SEATS or names_its_region(sense)


def names_its_region(sense) -> bool:
    """A city that gives its name to its first-level region ("Kharkiv", "Idlib")."""
    city = anyascii(sense.name or "").lower()
    region = anyascii(getattr(sense, "admin1_name", None) or "").lower()
    # (a short name must be the region's whole name, less its kind: "Gao" names Gao, "Ibb"
    # Ibb Governorate, but "Bar" not "Barisal")
    head, _, kind = region.rpartition(" ")
    whole = head if head and kind in ADMIN1_SUFFIXES else region
    # (letters only: "Al Hasakah" names "Al-Hasakah", "Ma'rib" names "Marib")
    city, whole, region = _letters(city), _letters(whole), _letters(region)
    return bool(city) and (city == whole or (len(city) >= 4 and region.startswith(city[:-1])))


def _letters(name: str) -> str:
    return "".join(ch for ch in name if ch.isalnum())


__all__ = ["containment_bonus", "country_meant", "fit", "holds_any", "in_province", "is_region",
           "level", "may_be_sibling", "names_a_unit", "names_its_region", "sibling_bonus",
           "town_km", "votes"]
