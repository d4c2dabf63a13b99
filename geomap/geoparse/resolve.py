"""Toponym resolution: pick each name's gazetteer sense with the article's context.

Evidence, strongest first: an explicit container ("X, Y", "X in Y", "X, Ill."), the countries and
admin1 regions the article names (or implies by demonyms), closeness to the article's other places,
then the population and feature-kind prior. One sense per discourse: every mention of one name in
one article resolves alike. A name that fails never affects any other.
"""

from __future__ import annotations

import logging
import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from geomap.geoparse.anchors import Anchors, bonus_at, distance_bonus, nearest_km
from geomap.geoparse.context import Containment
from geomap.geoparse.deepen import deepen
from geomap.geoparse.fit import (
    containment_bonus,
    country_meant,
    holds_any,
    is_region,
    level,
    may_be_sibling,
    names_a_unit,
    names_its_region,
    sibling_bonus,
    town_km,
    votes,
)
from geomap.geoparse.fronts import front_bonus
from geomap.geoparse.hamlets import hamlets_outside_named_provinces, is_hamlet
from geomap.geoparse.kinds import COUNTRY_CODES
from geomap.geoparse.provinces import in_provinces_above, places_above, provinces_above
from geomap.geoparse.regions import DocumentContext, spells_region
from geomap.geoparse.senses import (
    display_name,
    drop_shadowed_regions,
    prefer_region,
    prior,
    to_place,
)
from geomap.geoparse.weights import ANCHOR, CONFIDENCE, EVIDENCE

log = logging.getLogger(__name__)

#: Towns smaller than this, named like a country or first-level region, get no pull from the
#: article's other places.
_TOWN_OF_A_REGION_NAME = 50_000


@dataclass
class NameGroup:
    """All mentions (span indexes) of one normalised name, and its candidates."""

    norm: str
    spans: list[int]
    candidates: list
    chosen: object | None = None
    confidence: float = 0.0
    # Candidates found for a shorter form ("Boone" for "Boone County"): kept only where the
    # article's region or other places vouch for them.
    weak: bool = False
    votes: tuple[Counter, Counter] = field(default_factory=lambda: (Counter(), Counter()))
    priors: list[float] | None = None  # per candidate, computed once
    own_named: list | None = None  # countries and regions bearing this very name, computed once
    # The text itself settles the sense (a wire dateline): context may not overrule it.
    settled: bool = False
    # For a name the gazetteer lacks: the regions the text puts it in (a country, a province or
    # a city that names one), which a guess at its spelling must not leave.
    within: list = field(default_factory=list)
    # ... and the towns and districts it puts it in, which such a guess must lie near.
    near: list = field(default_factory=list)


class Resolver:
    """Chooses each name group's sense among its candidates, with the article's context."""

    def __init__(self, normalize: Callable[[str], str], gazetteer=None):
        self.normalize = normalize
        # Asked again, deeper, for a name whose short list the text's region misses.
        self.gazetteer = gazetteer

    def resolve(self, groups: list[NameGroup], containment: Containment, span_group: list[int],
                context: DocumentContext) -> None:
        base_countries = Counter(context.countries)
        # Round 1: names whose best sense is a country or admin1 region set the article's frame
        # (counted double); round 2 resolves everything with it; in rounds 3-4 every choice votes
        # and the non-region choices are proximity anchors.
        for group in groups:
            if any(is_region(c) for c in group.candidates):
                group.chosen = self._best(group, context, [], containment, span_group, groups)
        self._vote(groups, context, base_countries, explicit_only=True)
        for group in groups:
            group.chosen = self._best(group, context, [], containment, span_group, groups)
        if self.gazetteer is not None:
            # every name has a first sense now, so each container can vouch for the senses
            # of the names put in it that the short lists cut off
            for group in groups:
                if deepen(group, self.gazetteer, containment, span_group, groups,
                          context.fronts):
                    group.chosen = self._best(group, context, [], containment, span_group,
                                              groups)
        # (after round 2, so that a region named in several countries has had the article's
        # say: "Al Jawf" is Yemen's as well as Saudi Arabia's)
        context.placed_in = frozenset(
            groups[span_group[j]].chosen.country_code for j in set(containment.inside.values())
            if groups[span_group[j]].chosen is not None
            and is_region(groups[span_group[j]].chosen))
        for _ in range(2):
            before = [group.chosen for group in groups]
            self._vote(groups, context, base_countries, explicit_only=False)
            anchors = _place_anchors(groups)
            for group in groups:
                if len(group.candidates) > 1:
                    group.chosen = self._best(group, context, anchors, containment, span_group,
                                              groups)
            if all(group.chosen is chosen for group, chosen in zip(groups, before, strict=True)):
                # nothing moved: the next round's votes and anchors would be these very ones,
                # and it would only repeat this round's choices
                break
        for group in hamlets_outside_named_provinces(groups, containment, span_group):
            group.chosen = None
        for group in groups:
            # (a lone sense skips the rounds, and its province may have resolved after it)
            if group.chosen is not None and not in_provinces_above(
                    group.chosen, provinces_above(group, containment, span_group, groups)):
                group.chosen = None
            if group.chosen is None or group.spans[0] in containment.inside:
                group.within = provinces_above(group, containment, span_group, groups,
                                               regions=True)
                group.near = places_above(group, containment, span_group, groups)
        for group in groups:
            if group.chosen is not None and _hamlet_abroad(group.chosen, context):
                group.chosen = None  # (a name with one sense skips the rounds that filter)
            if group.weak and group.chosen is not None and not (
                    context.admin1_bonus(group.chosen, group.votes[1]) > 0
                    and distance_bonus(group.chosen, anchors, group.norm) >= ANCHOR.region):
                group.chosen = None

    def revisit_contained(self, groups: list[NameGroup], containment: Containment,
                          span_group: list[int], context: DocumentContext,
                          unresolved: set[int]) -> None:
        """Choose again for the names put in a container that only a later respelling search
        resolved (``unresolved``: the group indexes that had no sense before it): "X of Y
        district" where the gazetteer spells Y otherwise chose X's sense without Y, and the
        namesake next to Y is the one meant."""
        found = {i for i in unresolved if groups[i].chosen is not None}
        if not found:
            return
        anchors = _place_anchors(groups)
        for index, group in enumerate(groups):
            if index in unresolved or group.settled or len(group.candidates) < 2:
                continue
            if any(span_group[containment.inside[k]] in found for k in group.spans
                   if k in containment.inside and k not in containment.listed):
                chosen = self._best(group, context, anchors, containment, span_group, groups)
                if chosen is not None:
                    group.chosen = chosen

    @staticmethod
    def _vote(groups: list[NameGroup], context: DocumentContext, base: Counter[str], *,
              explicit_only: bool) -> None:
        context.countries = Counter(base)
        context.admin1 = Counter()
        for group in groups:
            # A sense found only through a shorter form ("Harris" for "Harris County") is too
            # unsure to pull the others.
            group.votes = votes(None if group.weak else group.chosen, explicit_only)
            context.countries.update(group.votes[0])
            context.admin1.update(group.votes[1])

    def _best(self, group: NameGroup, context: DocumentContext, anchors, containment: Containment,
              span_group: list[int], groups: list[NameGroup]):
        if not group.candidates:
            return None
        if group.settled:
            group.confidence = CONFIDENCE.settled
            return group.candidates[0]
        containers = []
        stated = []
        for k in group.spans:
            if k in containment.stated and groups[span_group[containment.inside[k]]] is not group:
                stated.append(groups[span_group[containment.inside[k]]])
            # Follow the chain: "Roca ... in Lancaster County, Nebraska" puts Roca in Nebraska too.
            seen = {k}
            if k in containment.listed and may_be_sibling(
                    group, groups[span_group[containment.inside[k]]]):
                continue  # "Georgia, Kansas, Oregon": a list of states, not containment
            while k in containment.inside and containment.inside[k] not in seen and len(seen) < 4:
                k = containment.inside[k]
                seen.add(k)
                if groups[span_group[k]] is not group:
                    containers.append(groups[span_group[k]])
        states = {containment.us_state[k] for k in group.spans if k in containment.us_state}
        held = containment.held()
        contained = [groups[span_group[k]] for k in _held_below(group.spans, held, containment)
                     if groups[span_group[k]] is not group and groups[span_group[k]].candidates]
        # What the name holds by a comma or a bracket (not by "in" or "of", which also link a
        # town to its quarters; not "X is the seat of the X district", which says no more)
        linked = [groups[span_group[k]] for j in group.spans for k in held.get(j, ())
                  if k not in containment.listed and k not in containment.stated]
        # "X, Donetsk", "X (Donetsk)": another name, known to the gazetteer or not
        holds = any(other is not group for other in linked)
        # "Santa Ana (Santa Ana)", "X town (X, Z)": the name put in its own namesake is the
        # town that gives its name to a district or province, its seat
        holds_itself = any(other is group for other in linked)
        own_country, own_admin1 = group.votes
        country_total = context.total_countries() - sum(own_country.values())
        admin1_total = context.total_admin1() - sum(own_admin1.values())
        resolved_containers = [c for c in containers if c.chosen is not None]
        if not states and not contained:
            country = country_meant(group.candidates, group.norm, containers, self.normalize)
            if country is not None:
                local = self._local_namesake(group, country, context, anchors)
                if local is not None:
                    group.confidence = CONFIDENCE.local_namesake
                    return local
                group.confidence = CONFIDENCE.country
                return country
        if group.priors is None:
            group.priors = [prior(c, group.norm, self.normalize) for c in group.candidates]
        # The first mention's own container restricts the senses ("Vilkhivka, Kharkiv"); a later
        # aside ("named after Lyon, France") is about another place of the name.
        firm = [groups[span_group[containment.inside[k]]] for k in group.spans[:1]
                if k in containment.inside and k not in containment.listed
                and groups[span_group[containment.inside[k]]] is not group
                and groups[span_group[containment.inside[k]]].chosen is not None
                and not groups[span_group[containment.inside[k]]].weak]
        siblings = [groups[span_group[j]].chosen for k in group.spans
                    for j in containment.siblings.get(k, ())
                    if groups[span_group[j]] is not group
                    and groups[span_group[j]].chosen is not None]
        fitting = any(containment_bonus(candidate, container)
                      for candidate in group.candidates for container in firm)
        # "X, Herat": a city that names its province stands for the province; a sense of X
        # nowhere near it is another place of the name (the gazetteer lacks the one meant)
        # (up the first mention's chain: "X area of Y district (Herat)")
        provinces = provinces_above(group, containment, span_group, groups)
        scored = []
        # a country, or a region of a country the article is about, bears this very name
        if group.own_named is None:
            bare = group.norm.removesuffix("#admin")
            group.own_named = [c for c in group.candidates
                               if (c.feature_code in COUNTRY_CODES or c.feature_code == "ADM1")
                               and self.normalize(c.name) == bare]
        region_named = any(
            c.feature_code in COUNTRY_CODES or context.countries.get(c.country_code, 0)
            > own_country.get(c.country_code, 0) for c in group.own_named)
        # Per-group invariants, hoisted out of the per-candidate loop (the resolver's hot path).
        countries, admin1 = context.countries, context.admin1
        country_weight, admin1_weight = EVIDENCE.country_share, EVIDENCE.admin1_share
        floor = EVIDENCE.share_floor
        placed_in = context.placed_in
        implied, implied_weight = context.implied_admin1, EVIDENCE.implied_region
        spelled, spelled_weight = context.spelled_regions, EVIDENCE.region_spelled
        fronts = context.fronts
        # the containers a sense must lie in, by the candidate's level (1 town .. 3 country)
        regions_at = {lv: [c for c in resolved_containers
                           if (c in stated and (level(c.chosen) >= 2 or lv < 2))
                           or (level(c.chosen) >= 2 and lv < level(c.chosen))]
                      for lv in (1, 2, 3)} if resolved_containers else None
        for candidate, score in zip(group.candidates, group.priors, strict=True):
            code = candidate.country_code
            if placed_in and code not in placed_in and is_hamlet(candidate):  # _hamlet_abroad
                # A hamlet abroad is no news of an article that places itself in other
                # countries: with the villages of many countries imported, the name is one the
                # gazetteer lacks, and unresolved beats wrong.
                continue
            # DocumentContext._share_bonus, written out: this loop is the resolver's hot path
            held_votes = countries.get(code, 0) - own_country.get(code, 0)
            if held_votes > 0 and country_total > 0:
                score += floor + country_weight * held_votes / country_total
            if candidate.admin1_code:
                key = (code, candidate.admin1_code)
                held_votes = admin1.get(key, 0) - own_admin1.get(key, 0)
                if held_votes > 0 and admin1_total > 0:
                    score += floor + admin1_weight * held_votes / admin1_total
                if key in implied:
                    score += implied_weight
                if spelled and _sizeless(candidate) and spells_region(
                        spelled, candidate.admin1_name, candidate.name):
                    score += spelled_weight
            if anchors:
                km = nearest_km(candidate, anchors, group.norm)
                bonus = bonus_at(km)
                if bonus and region_named and candidate.feature_class == "P" and \
                        (candidate.population or 0) < _TOWN_OF_A_REGION_NAME:
                    # "troops in Oregon" in a story from Washington: the state, not
                    # California, Maryland, just because it lies near the capital
                    bonus = 0.0
                elif bonus and _sizeless(candidate):
                    # of villages otherwise alike, the one nearest the article's other places
                    score -= ANCHOR.tie_per_km * km
                score += bonus
            if fronts and candidate.feature_class == "P":
                score += front_bonus(candidate, fronts)
            if siblings:
                score += sibling_bonus(candidate, siblings)
            own_level = level(candidate)
            if contained and own_level >= 2 and holds_any(candidate, contained):
                score += EVIDENCE.holds_contained
            elif holds and candidate.feature_class == "P" and names_its_region(candidate):
                # a container is a province, and a city that names its province stands for it;
                # a namesake town abroad names none
                score += EVIDENCE.holds_contained
            elif holds_itself and candidate.feature_class == "P" and names_a_unit(candidate):
                score += EVIDENCE.holds_contained
            if fitting and not any(containment_bonus(candidate, c) for c in firm):
                continue  # the text names the container: a namesake outside it is another place
            if provinces and not in_provinces_above(candidate, provinces):
                continue
            if containers:
                score += sum([containment_bonus(candidate, container)
                              for container in containers])
                if _sizeless(candidate):
                    # of villages otherwise alike, the one nearest the town the text puts it in
                    score -= ANCHOR.tie_per_km * town_km(candidate, containers)
            in_state = code == "US" and candidate.admin1_code in states
            if in_state:
                score += EVIDENCE.us_state
            # The text puts the place in a country or region; a sense elsewhere is some other
            # place of that name (the gazetteer lacks the right one): unresolved beats wrong.
            # (but a country or region "in" a town is some other construction: "the political
            # system in Lebanon in Sidon")
            regions = regions_at[own_level] if regions_at else None
            # Seas, straits and cross-border regions (no country) cannot lie "elsewhere".
            if code and (
                    (regions and not any(containment_bonus(candidate, c) for c in regions)) or (
                    states and not in_state and own_level < 2)):
                continue
            scored.append((score, candidate))
        if not scored:
            group.confidence = 0.0
            return None
        scored.sort(key=lambda pair: -pair[0])
        margin = scored[0][0] - scored[1][0] if len(scored) > 1 else EVIDENCE.lone_margin
        group.confidence = round(1.0 / (1.0 + math.exp(-margin)), 3)
        return scored[0][1]


    def _local_namesake(self, group: NameGroup, country, context: DocumentContext, anchors):
        """"Lebanon" in a story about Hershey and Annville, "Jordan" next to Shakopee: a town
        named like a country, among the article's other places (within 50 km of one), when
        nothing else in the article points to that country."""
        if not anchors or context.countries.get(country.country_code, 0) - \
                group.votes[0].get(country.country_code, 0) > 0:
            return None
        local = [c for c in group.candidates if c.feature_class == "P"
                 and self.normalize(c.name) == group.norm
                 and distance_bonus(c, anchors, group.norm) >= ANCHOR.near]
        return max(local, key=lambda c: c.population or 0) if local else None


def _held_below(spans: list[int], held: dict[int, list[int]],
                containment: Containment) -> list[int]:
    """The spans the text puts in any of ``spans``, directly or down a chain: in "X (Y, Z)" Z
    holds Y and X too, so a sense of Z that holds some sense of X is the one meant, even where
    Y is a name the gazetteer lacks or misreads."""
    found: list[int] = []
    frontier = spans
    for _ in range(3):  # (as deep as a chain of containers is followed up)
        frontier = [k for j in frontier for k in held.get(j, ()) if k not in containment.listed]
        found.extend(frontier)
    return found


def _place_anchors(groups: list[NameGroup]) -> Anchors:
    """The article's chosen places (not regions, not weak names) as proximity anchors."""
    return Anchors(list({(g.chosen.lat, g.chosen.lon, g.norm) for g in groups
                         if g.chosen is not None and not g.weak and not is_region(g.chosen)}))


def _sizeless(candidate) -> bool:
    """A village of no recorded size: its namesakes often tie on every other count."""
    return candidate.feature_class == "P" and not candidate.population


def _hamlet_abroad(candidate, context: DocumentContext) -> bool:
    return bool(context.placed_in) and candidate.country_code not in context.placed_in and \
        is_hamlet(candidate)


def group_spans(norms: list[str]) -> tuple[list[str], list[int]]:
    """Unique names in first-seen order and, per span, the index of its name."""
    index: dict[str, int] = {}
    span_group = []
    for norm in norms:
        span_group.append(index.setdefault(norm, len(index)))
    return list(index), span_group


__all__ = ["DocumentContext", "NameGroup", "Resolver", "display_name", "drop_shadowed_regions",
           "group_spans", "prefer_region", "prior", "to_place"]
