"""Per-process answers of the gazetteer for names: their senses, how strong a place each can be,
and whether the recogniser knows a phrase. A parser keeps one ``NameCache``; an article asks for
the same few names many times, and a stream of articles for the same few thousand."""

from __future__ import annotations

import logging
from collections.abc import Callable

from gazetteer import notable
from gazetteer.names import normalize_name
from geomap.geoparse.codes import COUNTRY_CODES, STRONG_POPULATION
from geomap.geoparse.resolve import drop_shadowed_regions

log = logging.getLogger(__name__)

#: Entries a cache holds before it starts over (a long run must not grow without bound).
MAX_NAMES = 200_000


class NameCache:
    """The gazetteer's answers for names, cached by normalised name."""

    def __init__(self, gazetteer, normalize: Callable[[str], str], recognizer):
        self.gazetteer = gazetteer
        self.normalize = normalize
        self._is_name = getattr(recognizer, "is_name", None)
        self._joined = getattr(recognizer, "joined_spelling", None)
        # A name no notable feature bears has strength 0 whatever its senses: the gazetteer
        # says so without reading them, when its notion of notable covers strength_of's.
        maybe = getattr(gazetteer, "may_be_notable", None)
        same_keys = getattr(normalize, "__wrapped__", normalize) is normalize_name
        self._may_be_notable = maybe if maybe is not None and same_keys and notable.covers(
            COUNTRY_CODES | {"PPLC", "ADM1"}, min(STRONG_POPULATION, 1_000_000)) else None
        self._candidates: dict[str, list] = {}
        self._strength: dict[tuple[str, bool], int] = {}
        # ... and by the name as written: the rules ask for the same spans' strengths again and
        # again, and this answers them without normalising (indexed by ``primary_only``).
        self._strength_as_written: tuple[dict[str, int], dict[str, int]] = ({}, {})
        self._unshadowed: dict[str, tuple[list, list]] = {}

    def candidates(self, name: str) -> list:
        """The gazetteer's senses of a name (cached); a failing lookup yields none."""
        norm = self.normalize(name)
        found = self._candidates.get(norm)
        if found is None:
            try:
                found = list(self.gazetteer.candidates(name, limit=25)) if norm else []
                joined = self._joined(name) if not found and self._joined else None
                if joined:
                    found = list(self.gazetteer.candidates(joined, limit=25))
            except Exception as error:  # one bad name must not empty the article
                log.warning("gazetteer lookup failed for %r: %s", name, error)
                found = []
            if len(self._candidates) > MAX_NAMES:
                self._candidates.clear()
            self._candidates[norm] = found
        return found

    def unshadowed(self, name: str, candidates: list) -> list:
        """``drop_shadowed_regions`` of a name's (cached) candidates, cached alongside them."""
        norm = self.normalize(name)
        found = self._unshadowed.get(norm)
        if found is None or found[0] is not candidates:
            found = (candidates, drop_shadowed_regions(candidates, self.normalize))
            if len(self._unshadowed) > MAX_NAMES:
                self._unshadowed.clear()
            self._unshadowed[norm] = found
        return found[1]

    def strength(self, name: str, primary_only: bool = False) -> int:
        """How strong a place a name can be: 4 a country, 3 a capital or a city of 1M+, 2 an
        admin1 region, 1 a city of 100k+, 0 anything else. With ``primary_only``, only senses
        whose main name is this very name count (so "In" is not India through an ISO code)."""
        written = self._strength_as_written[primary_only]
        level = written.get(name)
        if level is None:
            level = self._strength_of(name, primary_only)
            if len(written) > MAX_NAMES:
                written.clear()
            written[name] = level
        return level

    def _strength_of(self, name: str, primary_only: bool) -> int:
        norm = self.normalize(name)
        level = self._strength.get((norm, primary_only))
        if level is None:
            level = 0
            for candidate in self.candidates(name) if self._notable(norm) else ():
                if primary_only and self.normalize(candidate.name) != norm:
                    continue
                level = max(level, strength_of(candidate))
            self._strength[(norm, primary_only)] = level
        return level

    def may_be_notable(self, name: str) -> bool:
        """False only when no country, capital, first-level region or city of 100,000+ bears
        ``name``: a test for such senses can skip reading the senses."""
        return self._notable(self.normalize(name))

    def _notable(self, norm: str) -> bool:
        """Whether ``norm`` may name a feature of strength 1 or more (a failing answer: maybe)."""
        if self._may_be_notable is None:
            return True
        try:
            return self._may_be_notable(norm)
        except Exception as error:  # the lookup itself then reports and yields none
            log.warning("notable-name check failed for %r: %s", norm, error)
            return True

    def knows(self, phrase: str) -> bool:
        """Whether the recogniser would take ``phrase`` for a name (its own cached lookup when
        it has one, else the gazetteer's name index)."""
        if self._is_name is not None:
            return self._is_name(phrase)
        return self.gazetteer.has_name(self.normalize(phrase))


def strength_of(candidate) -> int:
    """One sense's strength on ``NameCache.strength``'s scale."""
    code, population = candidate.feature_code, candidate.population or 0
    if code in COUNTRY_CODES:
        return 4
    if code == "PPLC" or population >= 1_000_000:
        return 3
    if code == "ADM1":
        return 2
    return 1 if population >= STRONG_POPULATION else 0
