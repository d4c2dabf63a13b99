"""A name's senses on their own: the prior of each, the readable form, and which senses the
text's wording rules out before any context ("Aleppo" the city, not its governorate).
"""

from __future__ import annotations

import math
from collections.abc import Callable

from anyascii import anyascii
from rapidfuzz import fuzz

from gazetteer.names import ADMIN1_SUFFIXES
from geomap.geoparse.hamlets import is_hamlet
from geomap.geoparse.weights import PRIOR
from geomap.model import Place


def display_name(name: str | None) -> str | None:
    """The readable ASCII form of a gazetteer name for an English map ("Ţarţūs" -> "Tartus",
    "Kandahār" -> "Kandahar"), as GeoNames' own asciiname is made; ASCII names pass unchanged."""
    if not name or name.isascii():
        return name
    folded = anyascii(name).strip()
    return folded or name


def to_place(candidate) -> Place:
    return Place(
        name=display_name(candidate.name), lat=float(candidate.lat), lon=float(candidate.lon),
        geonameid=candidate.geonameid, country=candidate.country_code,
        admin1=display_name(getattr(candidate, "admin1_name", None)),
        admin2=display_name(getattr(candidate, "admin2_name", None)),
        feature_class=candidate.feature_class, feature_code=candidate.feature_code,
        population=int(candidate.population or 0), source=getattr(candidate, "source", "geonames"),
    )


def prior(candidate, norm: str, normalize: Callable[[str], str]) -> float:
    """Feature tier or population, plus a bonus when the text used the feature's main name."""
    tier = PRIOR.tiers.get(candidate.feature_code)
    if tier is None:
        tier = PRIOR.population * math.log10((candidate.population or 0) + 10)
        tier += PRIOR.code_prior.get(candidate.feature_code, 0.0)
        tier += PRIOR.class_prior.get(candidate.feature_class, 0.0)
    primary = getattr(candidate, "is_primary_name", None)
    if primary is None:
        primary = normalize(candidate.name) == norm
    return tier + (PRIOR.primary_name if primary else 0.0)


def drop_shadowed_regions(candidates: list, normalize: Callable[[str], str]) -> list:
    """An admin1 region named like its own chief city ("Aleppo", "Moscow", "Tartus"/"Ţarţūs") is
    read as the city: news names the city far more often than the region."""
    if not any(c.feature_code == "ADM1" for c in candidates):
        # no region to drop (most names): no need to gather the cities' regions and spellings
        return list(candidates)
    # A city's region by code and by name: GeoNames gives some regions two codes (Iraq's
    # Sulaymaniyah is both IQ.05 and IQ.19), each with its own derived feature.
    cities: dict[tuple[str, str | None], list[tuple[str, bool]]] = {}
    for c in candidates:
        # (a hamlet named like its province is no chief city: villages are dense enough that
        # every province has one)
        if c.feature_class == "P" and not is_hamlet(c):
            sizeable = (c.population or 0) >= _CHIEF_TOWN_POPULATION
            own, used = normalize(c.name), c.matched
            names = [(own, sizeable)]
            if sizeable and used and not _grown(own, used) and \
                    fuzz.ratio(_letters(own), _letters(used)) >= _RESPELLING:
                # the name the text used, when it is the city's other spelling ("Mogilev" for
                # Mahilyow, whose region GeoNames calls "Mogilev"); not a name it shortens
                # ("Oklahoma" is the state, though Oklahoma City is also called so) nor a
                # former name (Belem was once called Para, the name of its state)
                names.append((used, True))
            for key in _region_keys(c, normalize):
                cities.setdefault(key, []).extend(names)
    return [c for c in candidates if not (
        c.feature_code == "ADM1" and any(
            _same_name(_without_admin_word(normalize(c.name)), city, sizeable)
            for key in _region_keys(c, normalize) for city, sizeable in cities.get(key, ())))]


def _region_keys(candidate, normalize: Callable[[str], str]) -> list[tuple[str, str | None]]:
    keys = [(candidate.country_code, candidate.admin1_code)]
    if getattr(candidate, "admin1_name", None):
        keys.append((candidate.country_code, "#" + normalize(candidate.admin1_name)))
    return keys


#: Letter likeness (0-100) of two romanisations of one name: "Mahilyow"/"Mogilev" 40,
#: "Homyel"/"Gomel" 73; a different name ("Belem"/"Para") scores near 0.
_RESPELLING = 40.0
#: A region is named after a town of at least this size when the spellings differ a little
#: ("Marib" and Ma'rib, 17,000 people); "Minnesota" is not named after Minneota (1,400).
_CHIEF_TOWN_POPULATION = 5000


def _letters(norm: str) -> str:
    return "".join(ch for ch in norm if ch.isalnum())


def _same_name(a: str, b: str, sizeable: bool) -> bool:
    """'marib' ~ 'ma'rib', 'tadjourah' ~ 'tadjoura': one name in two romanisations; but
    'oklahoma' is not 'oklahoma city', a name grown by a word."""
    if _grown(a, b):
        return False
    a, b = _letters(a), _letters(b)
    return a == b or (sizeable and min(len(a), len(b)) >= 5 and fuzz.ratio(a, b) >= 80)


def _grown(a: str, b: str) -> bool:
    return a.startswith(b + " ") or b.startswith(a + " ")


def _without_admin_word(norm: str) -> str:
    """'vlore county' -> 'vlore': GeoNames names many regions with their kind."""
    head, _, last = norm.rpartition(" ")
    return head if head and last in ADMIN1_SUFFIXES else norm


def prefer_region(candidates: list, normalize: Callable[[str], str]) -> list:
    """"Tartus governorate", "Kandahar province": where a city and the first-level region it
    lies in share a name, the text chose the region; other candidates stay."""
    regions = {(c.country_code, c.admin1_code, normalize(c.name)) for c in candidates
               if c.feature_code == "ADM1"}
    return [c for c in candidates if not (
        c.feature_class == "P" and (c.country_code, c.admin1_code, normalize(c.name)) in regions)]


__all__ = ["display_name", "drop_shadowed_regions", "prefer_region", "prior", "to_place"]
