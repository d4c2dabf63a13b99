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

from anyascii import anyascii
from rapidfuzz import fuzz

from gazetteer.names import ADMIN1_SUFFIXES
from geomap.geodesy import haversine_km
from geomap.geoparse.anchors import Anchors, distance_bonus
from geomap.geoparse.context import Containment
from geomap.geoparse.hamlets import is_hamlet
from geomap.geoparse.kinds import COUNTRY_CODES
from geomap.model import Place

log = logging.getLogger(__name__)

# Administrative areas carry no population in the gazetteer, so their prior is a fixed tier that
# sits where a country, a state or a county ranks against towns of a given size.
_TIER = {**dict.fromkeys(COUNTRY_CODES, 11.0), "CONT": 11.0, "ADM1": 9.0, "ADM2": 6.5,
         "RGN": 6.0,
         # Named waters and landforms have no population either; news means the sea by "Red Sea"
         # far more often than the Egyptian or Sudanese governorate named after it.
         "OCN": 10.0, "SEA": 9.5, "GULF": 9.0, "STRT": 8.5, "PEN": 8.0, "PLAT": 6.5,
         "STM": 6.5}
# Ten times the population is worth this much: a city of millions outranks a namesake hamlet
# even when the article's country votes for the hamlet.
_POPULATION_WEIGHT = 1.3
_CITY_BONUS = {"PPLC": 1.5, "PPLA": 1.0, "PPLA2": 0.5, "PPLG": 0.5}
_CLASS_PRIOR = {"T": 0.5, "H": 0.5, "L": 0.3, "S": -0.3, "V": -1.0, "R": -1.0, "U": -2.0}


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
    tier = _TIER.get(candidate.feature_code)
    if tier is None:
        tier = _POPULATION_WEIGHT * math.log10((candidate.population or 0) + 10)
        tier += _CITY_BONUS.get(candidate.feature_code, 0.0)
        tier += _CLASS_PRIOR.get(candidate.feature_class, 0.0)
    primary = getattr(candidate, "is_primary_name", None)
    if primary is None:
        primary = normalize(candidate.name) == norm
    return tier + (1.0 if primary else 0.0)


def drop_shadowed_regions(candidates: list, normalize: Callable[[str], str]) -> list:
    """An admin1 region named like its own chief city ("Aleppo", "Moscow", "Tartus"/"Ţarţūs") is
    read as the city: news names the city far more often than the region."""
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
#: Towns smaller than this, named like a country or first-level region, get no pull from the
#: article's other places.
_TOWN_OF_A_REGION_NAME = 50_000


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


class DocumentContext:
    """Votes for the countries and admin1 regions an article is about.

    Explicit mentions (a country or state named, a demonym, the caller's hint) count double; every
    other resolved name adds one vote for its country and region. A name's bonus for a sense is
    the share of the *other* names' votes that sense's country/region holds.
    """

    def __init__(self, country_hint: str | None = None):
        self.countries: Counter[str] = Counter()
        self.admin1: Counter[tuple[str, str]] = Counter()
        if country_hint:
            self.countries[country_hint.upper()] += 2

    def country_bonus(self, candidate, own: Counter[str] | None = None) -> float:
        own = own or {}
        total = self.total_countries() - sum(own.values())
        return self._share_bonus(self.countries, candidate.country_code, own, total, 3.5)

    def admin1_bonus(self, candidate, own: Counter[tuple[str, str]] | None = None) -> float:
        if not candidate.admin1_code:
            return 0.0
        own = own or {}
        total = self.total_admin1() - sum(own.values())
        key = (candidate.country_code, candidate.admin1_code)
        return self._share_bonus(self.admin1, key, own, total, 3.0)

    def total_countries(self) -> int:
        return sum(self.countries.values())

    def total_admin1(self) -> int:
        return sum(self.admin1.values())

    @staticmethod
    def _share_bonus(votes_by_key, key, own, total: float, weight: float) -> float:
        """1 for any support from the other names, plus ``weight`` times their share."""
        votes = votes_by_key.get(key, 0) - own.get(key, 0)
        return 0.0 if votes <= 0 or total <= 0 else 1.0 + weight * votes / total


class Resolver:
    """Chooses each name group's sense among its candidates, with the article's context."""

    def __init__(self, normalize: Callable[[str], str]):
        self.normalize = normalize

    def resolve(self, groups: list[NameGroup], containment: Containment, span_group: list[int],
                context: DocumentContext) -> None:
        base_countries = Counter(context.countries)
        # Round 1: names whose best sense is a country or admin1 region set the article's frame
        # (counted double); round 2 resolves everything with it; in rounds 3-4 every choice votes
        # and the non-region choices are proximity anchors.
        for group in groups:
            if any(_is_region(c) for c in group.candidates):
                group.chosen = self._best(group, context, [], containment, span_group, groups)
        self._vote(groups, context, base_countries, explicit_only=True)
        for group in groups:
            group.chosen = self._best(group, context, [], containment, span_group, groups)
        for _ in range(2):
            self._vote(groups, context, base_countries, explicit_only=False)
            anchors = Anchors(list({(g.chosen.lat, g.chosen.lon, g.norm) for g in groups
                                    if g.chosen is not None and not g.weak
                                    and not _is_region(g.chosen)}))
            for group in groups:
                if len(group.candidates) > 1:
                    group.chosen = self._best(group, context, anchors, containment, span_group,
                                              groups)
        for group in groups:
            if group.weak and group.chosen is not None and not (
                    context.admin1_bonus(group.chosen, group.votes[1]) > 0
                    and distance_bonus(group.chosen, anchors, group.norm) >= 2.0):
                group.chosen = None

    @staticmethod
    def _vote(groups: list[NameGroup], context: DocumentContext, base: Counter[str], *,
              explicit_only: bool) -> None:
        context.countries = Counter(base)
        context.admin1 = Counter()
        for group in groups:
            # A sense found only through a shorter form ("Harris" for "Harris County") is too
            # unsure to pull the others.
            group.votes = _votes(None if group.weak else group.chosen, explicit_only)
            context.countries.update(group.votes[0])
            context.admin1.update(group.votes[1])

    def _best(self, group: NameGroup, context: DocumentContext, anchors, containment: Containment,
              span_group: list[int], groups: list[NameGroup]):
        if not group.candidates:
            return None
        if group.settled:
            group.confidence = 0.9
            return group.candidates[0]
        containers = []
        stated = []
        for k in group.spans:
            if k in containment.stated and groups[span_group[containment.inside[k]]] is not group:
                stated.append(groups[span_group[containment.inside[k]]])
            # Follow the chain: "Roca ... in Lancaster County, Nebraska" puts Roca in Nebraska too.
            seen = {k}
            if k in containment.listed and _may_be_sibling(
                    group, groups[span_group[containment.inside[k]]]):
                continue  # "Georgia, Kansas, Oregon": a list of states, not containment
            while k in containment.inside and containment.inside[k] not in seen and len(seen) < 4:
                k = containment.inside[k]
                seen.add(k)
                if groups[span_group[k]] is not group:
                    containers.append(groups[span_group[k]])
        states = {containment.us_state[k] for k in group.spans if k in containment.us_state}
        held = containment.held()
        contained = [groups[span_group[k]] for j in group.spans for k in held.get(j, ())
                     if k not in containment.listed
                     and groups[span_group[k]] is not group and groups[span_group[k]].candidates]
        own_country, own_admin1 = group.votes
        country_total = context.total_countries() - sum(own_country.values())
        admin1_total = context.total_admin1() - sum(own_admin1.values())
        share = DocumentContext._share_bonus
        resolved_containers = [c for c in containers if c.chosen is not None]
        if not containers and not states and not contained:
            # A country's own name means the country: a namesake town ("China, Maine") must be
            # said so explicitly. Only a state of the same name ("Georgia") competes.
            countries = [c for c in group.candidates if c.feature_code in COUNTRY_CODES
                         and self.normalize(c.name) == group.norm]
            if countries and not any(c.feature_code == "ADM1" and c.country_code !=
                                     countries[0].country_code for c in group.candidates):
                local = self._local_namesake(group, countries[0], context, anchors)
                if local is not None:
                    group.confidence = 0.6
                    return local
                group.confidence = 0.99
                return countries[0]
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
        fitting = any(_containment_bonus(candidate, container)
                      for candidate in group.candidates for container in firm)
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
        for candidate, score in zip(group.candidates, group.priors, strict=True):
            score += share(context.countries, candidate.country_code, own_country, country_total,
                           3.5)
            if candidate.admin1_code:
                score += share(context.admin1, (candidate.country_code, candidate.admin1_code),
                               own_admin1, admin1_total, 3.0)
            if anchors:
                bonus = distance_bonus(candidate, anchors, group.norm)
                if bonus and region_named and candidate.feature_class == "P" and \
                        (candidate.population or 0) < _TOWN_OF_A_REGION_NAME:
                    # "troops in Oregon" in a story from Washington: the state, not
                    # California, Maryland, just because it lies near the capital
                    bonus = 0.0
                score += bonus
            if siblings:
                score += _sibling_bonus(candidate, siblings)
            if contained and _level(candidate) >= 2 and _holds_any(candidate, contained):
                score += 4.0
            fits = [_containment_bonus(candidate, container) for container in containers]
            if fitting and not any(_containment_bonus(candidate, c) for c in firm):
                continue  # the text names the container: a namesake outside it is another place
            score += sum(fits)
            in_state = candidate.country_code == "US" and candidate.admin1_code in states
            if in_state:
                score += 10.0
            # The text puts the place in a country or region; a sense elsewhere is some other
            # place of that name (the gazetteer lacks the right one): unresolved beats wrong.
            # (but a country or region "in" a town is some other construction: "the political
            # system in Lebanon in Sidon")
            regions = [c for c in resolved_containers
                       if (c in stated and (_level(c.chosen) >= 2 or _level(candidate) < 2))
                       or (_level(c.chosen) >= 2 and _level(candidate) < _level(c.chosen))]
            # Seas, straits and cross-border regions (no country) cannot lie "elsewhere".
            if candidate.country_code and (
                    (regions and not any(_containment_bonus(candidate, c) for c in regions)) or (
                    states and not in_state and _level(candidate) < 2)):
                continue
            scored.append((score, candidate))
        if not scored:
            group.confidence = 0.0
            return None
        scored.sort(key=lambda pair: -pair[0])
        margin = scored[0][0] - scored[1][0] if len(scored) > 1 else 5.0
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
                 and distance_bonus(c, anchors, group.norm) >= 3.0]
        return max(local, key=lambda c: c.population or 0) if local else None


def _is_region(candidate) -> bool:
    return candidate.feature_code in COUNTRY_CODES or candidate.feature_code == "ADM1"


def _votes(chosen, explicit_only: bool) -> tuple[Counter, Counter]:
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


def _level(candidate) -> int:
    if candidate.feature_code in COUNTRY_CODES:
        return 3
    return 2 if candidate.feature_code == "ADM1" else 1


def _containment_bonus(candidate, container: NameGroup) -> float:
    """How well a candidate sits inside the sense its container resolved to (or could); a sense
    as large as the container ("France, Germany") is a list, not containment."""
    senses = [container.chosen] if container.chosen is not None else container.candidates[:5]
    return max((_fit(candidate, sense) for sense in senses), default=0.0)


def _fit(candidate, sense) -> float:
    if _level(candidate) >= _level(sense) and _level(candidate) > 1:
        return 0.0
    if is_hamlet(sense):
        # "X, Y": Y names a region or a town, never a hamlet; in a gazetteer dense with villages
        # two namesake hamlets near each other are a coincidence, not the text's meaning.
        return 0.0
    if sense.feature_code in COUNTRY_CODES:
        return 8.0 if candidate.country_code == sense.country_code else 0.0
    if sense.feature_code == "ADM1":
        return 8.0 if (candidate.country_code, candidate.admin1_code) == (
            sense.country_code, sense.admin1_code) else 0.0
    distance = haversine_km(candidate.lat, candidate.lon, sense.lat, sense.lon)
    fit = 8.0 if distance < 60 else (4.0 if distance < 200 else 0.0)
    if sense.admin1_code and (candidate.country_code, candidate.admin1_code) == (
            sense.country_code, sense.admin1_code) and _names_its_region(sense):
        # "Vilkhivka, Kharkiv": a city that gives its name to its region (oblast, governorate,
        # province) stands for the region too.
        fit = max(fit, 6.0)
    return fit


def _holds_any(sense, contained: list[NameGroup]) -> bool:
    """"Atlanta, Georgia": a container's sense that holds some sense of the name put in it."""
    return any(_fit(candidate, sense) > 0 for group in contained
               for candidate in group.candidates[:10])


def _sibling_bonus(candidate, siblings: list) -> float:
    """A region or country among regions or countries of one list ("British Columbia, Alberta
    and Ontario"), or a city among cities ("Washington, New York and Boston"); more when it
    shares their country."""
    level = _level(candidate)
    if level < 2:
        if candidate.feature_class != "P":
            return 0.0
        same = [s for s in siblings if s.feature_class == "P"]
    else:
        same = [s for s in siblings if _level(s) == level]
    if not same:
        return 0.0
    return 2.0 + (1.5 if any(s.country_code == candidate.country_code for s in same) else 0.0)


def _may_be_sibling(group: NameGroup, container: NameGroup) -> bool:
    senses = [container.chosen] if container.chosen is not None else container.candidates[:3]
    levels = {_level(s) for s in senses}
    return any(_level(c) in levels and _level(c) >= 2 for c in group.candidates)


def _names_its_region(sense) -> bool:
    city = anyascii(sense.name or "").lower()
    region = anyascii(getattr(sense, "admin1_name", None) or "").lower()
    return len(city) >= 4 and region.startswith(city[:-1])


def group_spans(norms: list[str]) -> tuple[list[str], list[int]]:
    """Unique names in first-seen order and, per span, the index of its name."""
    index: dict[str, int] = {}
    span_group = []
    for norm in norms:
        span_group.append(index.setdefault(norm, len(index)))
    return list(index), span_group


__all__ = ["DocumentContext", "NameGroup", "Resolver", "display_name", "drop_shadowed_regions",
           "group_spans", "prefer_region", "prior", "to_place"]
