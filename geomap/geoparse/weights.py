"""The resolver's scoring weights, named, each with the reason for its size.

A candidate's score is its prior (feature tier or population, see ``PriorWeights``) plus the
article's evidence (``EvidenceWeights``): countries and regions it names, places it pins the name
inside, its other places nearby. The weights are on one scale: ``PriorWeights.population`` (1.3)
is what ten times the population is worth, so a bonus of b units outweighs a namesake
10 ** (b / 1.3) times bigger.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from geomap.geoparse.kinds import COUNTRY_CODES


def _frozen(mapping: dict[str, float]) -> Mapping[str, float]:
    return MappingProxyType(mapping)


@dataclass(frozen=True)
class PriorWeights:
    """What a sense is worth before the article says anything."""

    # Administrative areas carry no population in the gazetteer, so their prior is a fixed tier
    # that sits where a country, a state or a county ranks against towns of a given size.
    # Named waters and landforms have no population either; news means the sea by "Red Sea" far
    # more often than the governorate named after it.
    tiers: Mapping[str, float] = field(default_factory=lambda: _frozen({
        **dict.fromkeys(COUNTRY_CODES, 11.0), "CONT": 11.0, "ADM1": 9.0, "ADM2": 6.5,
        "RGN": 6.0, "OCN": 10.0, "SEA": 9.5, "GULF": 9.0, "STRT": 8.5, "PEN": 8.0,
        "PLAT": 6.5, "STM": 6.5}))
    # Ten times the population is worth this much: a city of millions outranks a namesake
    # hamlet even when the article's country votes for the hamlet.
    population: float = 1.3
    # By feature code, on top of population: seats of government are named in news out of
    # proportion to their size; abandoned, destroyed or historical places less than their
    # living namesakes (news is about where people live now).
    code_prior: Mapping[str, float] = field(default_factory=lambda: _frozen({
        "PPLC": 1.5, "PPLA": 1.0, "PPLA2": 0.5, "PPLG": 0.5,
        "PPLQ": -1.0, "PPLW": -1.0, "PPLH": -1.0}))
    # Landforms and waters are named in news more often than buildings (S), vegetation (V),
    # roads (R) or undersea features (U) of the same name.
    class_prior: Mapping[str, float] = field(default_factory=lambda: _frozen({
        "T": 0.5, "H": 0.5, "L": 0.3, "S": -0.3, "V": -1.0, "R": -1.0, "U": -2.0}))
    # The text used the feature's own name, not one of its alternate or former names.
    primary_name: float = 1.0


@dataclass(frozen=True)
class EvidenceWeights:
    """What the article's own words and places add to a sense."""

    # Any support at all from the other names' countries or regions: one vote is already a
    # strong hint in a short note that names a single province.
    share_floor: float = 1.0
    # Times the share of the other names' votes that fall in the sense's country: with the
    # floor, an article wholly about one country outweighs a namesake abroad some thousands of
    # times the size (4.5 units, 10 ** (4.5 / 1.3)); a city of millions still beats a hamlet.
    country_share: float = 3.5
    # Times the share of the votes in the sense's first-level region: a little less than the
    # country, as a region vote is also a country vote (the two add up within the country).
    admin1_share: float = 3.0
    # A first-level region the text implies without naming it as a place (an armed group
    # named for it, a mission posted there): a village of the name there outweighs a
    # namesake town elsewhere some thousands strong, but not a city, nor the text's own words.
    implied_region: float = 5.0
    # A first-level region whose name the text spells, in any common spelling ("Jawzjan" for
    # the gazetteer's "Jowzjan"), even where it resolves to nothing: it tells namesakes of one
    # size apart and a village from a somewhat larger namesake elsewhere.
    region_spelled: float = 2.0
    # "X, Y" where Y is the country or first-level region the sense lies in: the text says it,
    # so it outweighs any size difference among namesakes short of a city of millions.
    container_region: float = 8.0
    # "X, Y" where Y is a town within ``near_km``: the text puts X next to Y.
    container_near: float = 8.0
    # ... and this much more within ``close_km`` of a town: a village or quarter put in its
    # town lies next to it (less than the name the text used is worth).
    container_close: float = 1.0
    close_km: float = 20.0
    # ... a town within ``far_km``: the same district or province, probably.
    container_far: float = 4.0
    near_km: float = 60.0
    far_km: float = 200.0
    # "X, Y" where Y is a city that names its province ("Vilkhivka, Kharkiv"): the province.
    container_named_region: float = 6.0
    # "Atlanta, Georgia": a region that holds some sense of the name put inside it.
    holds_contained: float = 4.0
    # "Springfield, Ill.": the state abbreviation is as explicit as text gets.
    us_state: float = 10.0
    # Items of one list ("Quebec, Alberta and Yukon") are places of one kind ...
    sibling_kind: float = 2.0
    # ... and mostly of one country.
    sibling_country: float = 1.5
    # The margin given to a name with a single possible sense, for its confidence.
    lone_margin: float = 5.0


@dataclass(frozen=True)
class AnchorWeights:
    """Closeness to the article's other resolved places (anchors.py)."""

    # Within a district of another place of the article: news about one place names its
    # neighbours, so this outweighs a namesake some 200 times the size far away.
    near: float = 3.0
    near_km: float = 50.0
    # Within a province's reach (some 30 times the size).
    region: float = 2.0
    region_km: float = 200.0
    # Within a country's reach: still likelier than another continent (some 6 times the size).
    country: float = 1.0
    country_km: float = 800.0
    # Taken off a village of no recorded size per km to the nearest other place (within the
    # bonus's reach) or to the town the text puts it in: it only orders namesakes the evidence
    # leaves level (such villages in one province), as 800 km cost 0.08.
    tie_per_km: float = 0.0001
    # Within this of the front of a conflict the text names (a line of contact, a border under
    # fire; fronts.py): a village there is where such a report's fighting is. Less than a place
    # of the article nearby, more than the province's city that the text put the name in
    # stands for (a village near that city earns ``container_near`` over one across the
    # province); some 80 times the size of a namesake elsewhere in the country.
    front: float = 2.5
    front_km: float = 25.0


@dataclass(frozen=True)
class Confidence:
    """Fixed confidences where the rules, not a score margin, chose the sense."""

    # A wire dateline names its city in the form the wire always uses.
    settled: float = 0.9
    # A country's own name, with no container and no same-named state.
    country: float = 0.99
    # A town named like a country among the article's other places ("Lebanon" next to towns
    # of Pennsylvania): right mostly, but the country reading is never far.
    local_namesake: float = 0.6


@dataclass(frozen=True)
class DeepenWeights:
    """When to ask the gazetteer again for more senses of a name (see deepen.py)."""

    # The geoparser asks for 25 senses of a name; a list at least this long (less the regions
    # it drops) may have been cut short before the namesake the text puts in a given region.
    short_list: int = 20
    # Senses asked for within the container's country: enough for the commonest village names
    # of a country (a few hundred in the densest).
    deep_list: int = 400
    # Senses added at most, nearest-ranked first, so that a long article stays fast.
    added: int = 60


ANCHOR = AnchorWeights()
PRIOR = PriorWeights()
EVIDENCE = EvidenceWeights()
CONFIDENCE = Confidence()
DEEPEN = DeepenWeights()

__all__ = ["ANCHOR", "CONFIDENCE", "DEEPEN", "EVIDENCE", "PRIOR", "AnchorWeights", "Confidence",
           "DeepenWeights", "EvidenceWeights", "PriorWeights"]
