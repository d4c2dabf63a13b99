"""Where a conflict is fought: the lines (a line of contact, a border under fire) along which the
notes of a theatre place their events (the lexicon's theatres that have a front).

A village name in a frontline report has namesakes all over its province; the report names
the village the fighting reached, and the fighting is along the front. So of the namesakes in
the front's country, the one near a line is the one meant, unless the text says otherwise.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from geomap.geoparse.regions import theatres_named
from geomap.geoparse.weights import ANCHOR
from geomap.lexicons import ENGLISH, Lexicon, built_from

_KM_PER_DEGREE = 111.195
#: Distances remembered per front before the memo starts afresh.
_KNOWN = 100_000


@dataclass(frozen=True, slots=True)
class Front:
    """One theatre's lines in one country: segments of (lat, lon, lat, lon)."""

    country: str
    segments: tuple[tuple[float, float, float, float], ...]
    # (lat, lon) -> km, per process: the resolver asks about the same senses in every round
    # and every article that names them
    known: dict[tuple[float, float], float] = field(default_factory=dict, compare=False,
                                                    repr=False)

    def km(self, lat: float, lon: float) -> float:
        """How far (lat, lon) lies from the nearest line."""
        found = self.known.get((lat, lon))
        if found is None:
            if len(self.known) > _KNOWN:
                self.known.clear()
            found = self.known[(lat, lon)] = self._km(lat, lon)
        return found

    def _km(self, lat: float, lon: float) -> float:
        """(flat-Earth: fronts are a few hundred km long, and only the nearest few tens of km
        matter)"""
        shrink = math.cos(math.radians(lat))
        best = math.inf
        for lat1, lon1, lat2, lon2 in self.segments:
            # the segment from the point's view, in km east and north
            ax, ay = (lon1 - lon) * shrink, lat1 - lat
            bx, by = (lon2 - lon) * shrink, lat2 - lat
            dx, dy = bx - ax, by - ay
            length = dx * dx + dy * dy
            t = 0.0 if length == 0 else min(1.0, max(0.0, -(ax * dx + ay * dy) / length))
            best = min(best, math.hypot(ax + t * dx, ay + t * dy))
        return best * _KM_PER_DEGREE


def fronts_of(text: str, lexicon: Lexicon = ENGLISH) -> tuple[Front, ...]:
    """The fronts of the theatres the text names."""
    named = theatres_named(text, lexicon)
    return tuple(front for source, front in built_from(lexicon, _fronts) if source in named)


def front_km(candidate, fronts: tuple[Front, ...]) -> float:
    """How far a sense lies from the fronts of its country (inf where none runs)."""
    return min((front.km(candidate.lat, candidate.lon) for front in fronts
                if front.country == candidate.country_code), default=math.inf)


def front_bonus(candidate, fronts: tuple[Front, ...]) -> float:
    """What lying near a front the text names is worth to a populated place (of two near it,
    the nearer wins: the fighting is at the line itself)."""
    km = front_km(candidate, fronts)
    return ANCHOR.front - ANCHOR.tie_per_km * km if km < ANCHOR.front_km else 0.0


def _fronts(lexicon: Lexicon) -> tuple[tuple[str, Front], ...]:
    return tuple((pattern, Front(country, tuple(
        (*start, *end) for line in lines for start, end in zip(line, line[1:], strict=False))))
        for pattern, country, lines in lexicon.fronts)


__all__ = ["Front", "front_bonus", "front_km", "fronts_of"]
