"""Candidate filters: the senses a name's gazetteer candidates are narrowed to before the resolver
weighs them, as an ordered list of small named functions. Each takes the candidates and what the
text says about the name (:class:`NameFacts`) and returns the candidates kept; its docstring names
the class of error it removes. Order matters: each filter sees what the one before it kept.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from geomap.geoparse.caches import NameCache
from geomap.geoparse.codes import COUNTRY_CODES, STRONG_POPULATION
from geomap.geoparse.resolve import prefer_region

_MACRO_REGIONS = frozenset({"CONT", "RGN", "OCN", "SEA"})


@dataclass(frozen=True, slots=True)
class NameFacts:
    """One name group as the text has it: the name, the sense each mention's words ask for
    ("admin", "town", "dateline" or None, from ``context.sense_wanted``) and whether a resident
    noun follows a mention ("a Jordan girl")."""

    name: str
    wanted: tuple[str | None, ...]
    resident_noun: bool
    cache: NameCache

    @property
    def dateline(self) -> bool:
        return "dateline" in self.wanted


def sense_asked_for(candidates: list, facts: NameFacts) -> list:
    """"Kandahar province" read as the city, or "in Tartus" as the governorate: a region word
    keeps the first-level regions (else the region-like senses), none keeps the town over the
    region named after it."""
    if facts.wanted[0] == "admin":
        return [c for c in candidates if c.feature_code == "ADM1"] or \
            prefer_region(candidates, facts.cache.normalize)
    return facts.cache.unshadowed(facts.name, candidates)


def dateline_city(candidates: list, facts: NameFacts) -> list:
    """"WASHINGTON (AP) -" read as a hamlet: wire services name big cities alone in a dateline
    (smaller ones with their state or country), so the largest town is meant."""
    if not facts.dateline:
        return candidates
    towns = [c for c in candidates if c.feature_class == "P"]
    return [max(towns, key=lambda c: c.population or 0)] if towns else candidates


def called_a_town(candidates: list, facts: NameFacts) -> list:
    """"Gaza city", "the town of Hat" read as a province of another country that shares the
    name: the text calls it a settlement."""
    if facts.dateline or "town" not in facts.wanted:
        return candidates
    return [c for c in candidates if c.feature_class == "P"] or candidates


def no_hamlet_for_a_region(candidates: list, facts: NameFacts) -> list:
    """"the Middle East", "the Pacific" read as a small place that took the region's name."""
    if not any(c.feature_code in _MACRO_REGIONS for c in candidates):
        return candidates
    return [c for c in candidates
            if not (c.feature_class == "P" and (c.population or 0) < 10_000)]


def acronym_names_an_area(candidates: list, facts: NameFacts) -> list:
    """"EU", "UK", "DRC" read as the hamlet "Eu" whose name the acronym spells: a short
    acronym names a country or region, else a big city."""
    bare = facts.name.replace(".", "")
    # ("LoC", "GoI": a short abbreviation with a capital inside is one too)
    if not (len(bare) <= 3 and (bare.isupper() or (
            bare[:1].isupper() and not bare[1:].islower() and bare.isalpha()))):
        return candidates
    # ("L.A.": a big city's abbreviation names the city where no area bears it)
    return [c for c in candidates if c.feature_class == "A"] or [
        c for c in candidates
        if c.feature_class == "P" and (c.population or 0) >= STRONG_POPULATION]


def town_before_a_resident(candidates: list, facts: NameFacts) -> list:
    """"a Jordan girl", "the Jordan man" read as the country: a country would be named by its
    demonym there ("a Lebanese woman"), so the name is a town's."""
    if not facts.resident_noun:
        return candidates
    towns = [c for c in candidates if c.feature_code not in COUNTRY_CODES]
    if any(c.feature_class == "P" for c in towns) and len(towns) < len(candidates):
        return towns
    return candidates


CandidateFilter = Callable[[list, NameFacts], list]

#: The filters, in the order they run.
CANDIDATE_FILTERS: tuple[CandidateFilter, ...] = (
    sense_asked_for,
    dateline_city,
    called_a_town,
    no_hamlet_for_a_region,
    acronym_names_an_area,
    town_before_a_resident,
)


def narrowed(candidates: list, facts: NameFacts,
             filters: tuple[CandidateFilter, ...] = CANDIDATE_FILTERS) -> list:
    """The candidates every filter keeps, in order."""
    for keep in filters:
        candidates = keep(candidates, facts)
    return candidates
