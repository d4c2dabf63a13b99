"""Where an event happened: the most specific literal place the sentence ties to its trigger.

ACLED geo-precision: 1 = the town or neighbourhood itself, 2 = "near" a town or a part of a
region (a district), 3 = only a province or country is known (its centroid). Demonyms ("Syrian"),
metonyms ("ties with Moscow") and names inside organisations never locate an event, and one event
is placed once -- not at every place the sentence names.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass
from operator import attrgetter
from typing import TYPE_CHECKING

from geomap.events.actors import is_group_name
from geomap.events.locate_filters import fragment, people_of
from geomap.events.locate_landmark import named_site_abroad
from geomap.events.locate_score import (
    POSSESSIVE_AT,
    admin_level,
    candidate_score,
    container_of,
)
from geomap.events.locate_span import (
    closer_region,
    framing_region,
    is_continent,
    span_mentions,
    whole_name,
)
from geomap.events.locate_words import LocateCues, locate_cues
from geomap.events.refine import (
    REACH,
    held_by,
    place_in_region,
    refine_place,
    same_region,
    town_in_chain,
)
from geomap.geodesy import haversine_km
from geomap.lexicons import ENGLISH, Lexicon
from geomap.model import Mention, Place

if TYPE_CHECKING:
    from gazetteer import Gazetteer

#: A candidate needs at least this score (a locative preposition or the verb's object) to count
#: as tied to the event.
TIED = 1.5


@dataclass(frozen=True, slots=True)
class ChoiceWeights:
    """What decides between names that are each tied to the verb."""

    #: per admin level (district, province, country): prefer the town when both are tied
    admin_level: float = 0.8
    #: a namesake abroad: the text's other places agree on another country
    foreign: float = -3.0
    #: a town far from every other place of its sentence (coordinates task only)
    stray: float = -3.0
    #: how far (km) a town may lie from every other place its sentence names before it reads
    #: as a stray namesake (a neighbourhood of a northern city read as a town of that name in
    #: another province a thousand kilometres away)
    stray_km: float = 300.0
    #: how far (km) from the centre of the province its sentence puts it a place must lie before
    #: the province's centre is the better guess (a province is a few hundred km across)
    outside_km: float = 250.0
    #: how far (km) apart two names side by side ("A B") must be read before they count as
    #: pieces of one name the gazetteer lacks (a town and its quarter lie closer)
    pieces_km: float = 50.0
    #: (span task) a name before the verb sets the scene ("In X, troops shelled Y"): a name
    #: the verb governs after it is the more specific place
    scene: float = -1.0
    #: (span task) the preference for small places only breaks near-ties: a province or country
    #: the verb governs this much more closely than the town ("opened an assault in the X
    #: countryside to take the town of Y", "Z was seized in <country>") is the answer
    closer_tie: float = 0.35


CHOICE = ChoiceWeights()


@dataclass(frozen=True, slots=True)
class Location:
    """The chosen place of an event, the mention it came from, and ACLED's geo precision."""

    place: Place | None
    mention: Mention | None
    precision: int | None
    score: float = 0.0
    tie: float = 0.0  # the score without the preference for small places: how tied it is


def _stray(mention: Mention, others: list[Mention], km: float) -> bool:
    """A town far from all of two or more other places of its sentence (or outside the one region
    named there), and in none of their first-level regions."""
    place = mention.place
    if place is None or admin_level(place) > 0:
        return False
    around = [m.place for m in others if m is not mention and m.place is not None
              and admin_level(m.place) < 3]
    if not around or (len(around) < 2 and admin_level(around[0]) == 0):
        return False
    return all(haversine_km(place.lat, place.lon, p.lat, p.lon) > km
               and not (place.admin1 and place.admin1 == p.admin1
                        and place.country == p.country) for p in around)


def dominant_country(mentions: list[Mention]) -> str | None:
    """The country most literal places in the text belong to (one sense per discourse)."""
    counts: Counter[str] = Counter()
    for m in mentions:
        # Literal places only, and a clear majority: nationalities and a lone "U.S." are named
        # about any story ("British jets struck a depot near Raqqa").
        if m.kind == "literal" and m.place is not None and m.place.country \
                and not is_group_name(m.name):
            counts[m.place.country] += 1
    if not counts:
        return None
    (country, top), total = counts.most_common(1)[0], sum(counts.values())
    return country if top * 2 > total else None


def locate_event(text: str, trigger: tuple[int, int], sentence: tuple[int, int],
                 mentions: list[Mention], *, need_place: bool = True,
                 country: str | None = None, lexicon: Lexicon = ENGLISH,
                 gazetteer: Gazetteer | None = None) -> Location | None:
    """The best literal mention in the sentence for the event whose trigger is ``trigger``.

    ``need_place`` keeps only mentions the geoparser resolved (an event needs coordinates); the
    span-only task (``geomap locate``) passes False. ``gazetteer`` (the one the mentions were
    resolved with) lets a place be read again in the region its sentence names. ``mentions``
    must be in text order (as the geoparser gives them): only those around the sentence are
    looked at, so the cost does not grow with the length of the article.
    """
    cues = locate_cues(lexicon)
    mentions = _around(mentions, sentence)
    candidates = [m for m in mentions if m.kind == "literal" and sentence[0] <= m.start
                  and m.end <= sentence[1] and (m.place is not None or not need_place)
                  and not (m.start < trigger[1] and trigger[0] < m.end)
                  and not is_group_name(m.name) and (need_place or not is_continent(m))]
    if need_place:
        candidates = [m for m in candidates if not fragment(text, m, mentions, CHOICE.pieces_km)
                      and not people_of(text, m, lexicon)] or candidates
        # (a site named after a far-off town is no reading of any place of the event)
        candidates = [m for m in candidates
                      if not named_site_abroad(cues, text, m, candidates)] or candidates
    def chain_region(mention: Mention) -> Place | None:
        return framing_region(cues, text, mention, mentions, sentence)

    best: tuple[float, float, Mention, str | None] | None = None
    closest: tuple[float, float, Mention, str | None] | None = None
    ties, unranked = {}, {}
    for mention in candidates:
        tie, prep = candidate_score(text, mention, mentions, trigger, sentence, need_place,
                                    cues=cues, chain_region=chain_region)
        ties[id(mention)] = tie
        level = _level(mention)
        score = tie - CHOICE.admin_level * level
        if need_place and country and mention.place is not None \
                and mention.place.country not in (None, country):
            score += CHOICE.foreign
        if need_place and _stray(mention, candidates, CHOICE.stray_km):
            score += CHOICE.stray
        if not need_place and mention.end <= trigger[0] and prep != "subject":
            score += CHOICE.scene
        if best is None or score > best[0]:
            best = (score, tie, mention, prep)
        unranked[id(mention)] = score + CHOICE.admin_level * level
        if closest is None or unranked[id(mention)] > unranked[id(closest[2])]:
            closest = (score, tie, mention, prep)
    if best is None or closest is None:
        return None
    if not need_place and closer_region(closest[2], best[2], trigger, unranked[id(
            closest[2])] - unranked[id(best[2])], CHOICE.closer_tie):
        best = closest
    score, tie, mention, prep = best
    if need_place:
        mention = _site_holder(cues, text, mention, candidates) or mention
        inner = _town_inside(mention, candidates, ties)
        if inner is not None:
            mention, prep = inner, None
    place = mention.place
    if need_place:
        container = container_of(cues, text, mention, mentions)
        owner = _owner_of(text, mention, mentions) if container is None else None
        if owner is None and cues.urban_part.match(text, mention.end):
            owner = _town_of(mention, container, candidates)
        container = container or owner
        level = admin_level(container.place) if container is not None else 0
        better = refine_place(text, mention, container, level, cues, gazetteer)
        chain = framing_region(cues, text, mention, mentions, sentence)
        region = None if better is None and held_by(mention.place, container, level) else chain
        better = better or town_in_chain(text, mention, container, level, chain, gazetteer)
        if region is not None:
            better = place_in_region(
                mention if better is None else Mention(mention.start, mention.end, mention.name,
                                                       mention.kind, better), region,
                gazetteer) or better
        if better is not None:
            place = better
            mention = Mention(mention.start, mention.end, mention.name, mention.kind, better,
                              mention.confidence, mention.country_hint)
        province = _province_instead(mention, container, level, region) or _owner_instead(
            mention, owner, level)
        if province is not None:
            mention, place, prep = province, province.place, None
    return Location(place, mention, _precision(cues, text, mention, prep), score, tie)


def _level(mention: Mention) -> int:
    """The admin level the choice between tied names weighs: a district is where ACLED puts an
    event that its text places only by district, so only provinces and countries give way to a
    town of the sentence."""
    place = mention.place
    return 0 if place is not None and place.feature_code == "ADM2" else admin_level(place)


#: How far outside its sentence a mention can still bear on a candidate's score (the longest
#: look-back or look-ahead of the rules above is 80 characters).
_MARGIN = 100


_start = attrgetter("start")  # in C: bisection calls it a few times per event


def _around(mentions: list[Mention], sentence: tuple[int, int]) -> list[Mention]:
    """The mentions (in text order) that begin within ``_MARGIN`` characters of ``sentence``."""
    low = bisect_left(mentions, sentence[0] - _MARGIN, key=_start)
    high = bisect_right(mentions, sentence[1] + _MARGIN, key=_start)
    return mentions[low:high]


def _province_instead(mention: Mention, container: Mention | None, level: int,
                      region: Place | None) -> Mention | None:
    """The province the text puts a place in ("X, Y" or "X village of W district, Y"), when
    the place was read outside it and no reading of its name lies inside: a village the
    gazetteer only knows elsewhere is better placed at the province's centre than at a namesake
    hundreds of kilometres away."""
    place = mention.place
    if place is None or admin_level(place) > 0:
        return None
    province = container.place if container is not None and level == 2 else region
    if province is None or not province.admin1 or not place.admin1 \
            or province.country != place.country or same_region(place.admin1, province.admin1) \
            or haversine_km(place.lat, place.lon, province.lat, province.lon) < CHOICE.outside_km:
        return None
    if container is not None and container.place is province:
        return container
    return Mention(mention.start, mention.end, mention.name, mention.kind, province,
                   mention.confidence, mention.country_hint)


def _owner_of(text: str, mention: Mention, mentions: list[Mention]) -> Mention | None:
    """The place that owns ``mention`` in "Y's X" ("the capital's old quarter"): X lies in Y."""
    for other in mentions:
        if other.end >= mention.start:
            break
        if other.kind == "literal" and other.place is not None:
            owned = POSSESSIVE_AT.match(text, other.end)
            if owned is not None and owned.end() == mention.start:
                return other
    return None


def _site_holder(cues: LocateCues, text: str, mention: Mention,
                 candidates: list[Mention]) -> Mention | None:
    """The place right after "X <site word> in" ("the X intersection in Y"): X names the site
    after a place, Y is where the site, and so the event, is."""
    holder = next((other for other in candidates if other.start >= mention.end), None)
    if holder is None or holder.place is None or holder.start - mention.end > 60 \
            or not cues.site_in.match(text[mention.end:holder.start]):
        return None
    return holder


def _town_inside(region: Mention, candidates: list[Mention],
                 ties: dict[int, float]) -> Mention | None:
    """The town (else the district) of the sentence that lies in ``region``, a province or
    country, when that region won: "a parcel sent to the X clinic in <province>" happened in X,
    "in A and B districts, <province>" in A or B, whatever ties the province closer to the verb
    (ACLED codes the most specific place the text gives)."""
    place = region.place
    if place is None or admin_level(place) < 2:
        return None
    inside = [m for m in candidates if m.place is not None and admin_level(m.place) <= 1
              and m.place.country == place.country
              and (admin_level(place) == 3 or same_region(m.place.admin1, place.admin1))]
    return max(inside, key=lambda m: (-admin_level(m.place), ties[id(m)]), default=None)


def _town_of(mention: Mention, container: Mention | None,
             candidates: list[Mention]) -> Mention | None:
    """The town an urban part ("X neighbourhood") lies in: its container when that is a town,
    else the last town its sentence names before it ("in Y, ..., in X quarter")."""
    if container is not None:
        return container if admin_level(container.place) == 0 else None
    return next((other for other in reversed(candidates) if other.end <= mention.start
                 and other.place is not None and admin_level(other.place) == 0), None)


def _owner_instead(mention: Mention, owner: Mention | None, level: int) -> Mention | None:
    """"Y's X" with X read outside Y and no reading of it inside: a quarter the gazetteer
    only knows elsewhere is better placed at the town that owns it than at a namesake."""
    place = mention.place
    if owner is None or place is None or owner.place is None:
        return None
    # (distance alone: a town's part lies near it, whatever province a namesake shares)
    far = REACH.of_level(level) if level else REACH.town
    if haversine_km(place.lat, place.lon, owner.place.lat, owner.place.lon) <= far:
        return None
    return owner


def _precision(cues: LocateCues, text: str, mention: Mention, prep: str | None) -> int:
    """ACLED's geo precision of the chosen name: 1 the town, 2 near it or a district, 3 a
    province or country."""
    level = admin_level(mention.place)
    if level >= 2:
        return 3
    if level == 1 or cues.district.match(text[mention.end:mention.end + 20]) or prep in cues.near:
        return 2
    return 1


def focus_place(mentions: list[Mention]) -> Place | None:
    """The article's focus: its most-named literal place, towns weighing more than regions."""
    weights: Counter[tuple] = Counter()
    first: dict[tuple, Mention] = {}
    for mention in mentions:
        if mention.kind != "literal" or mention.place is None:
            continue
        key = (mention.place.geonameid, mention.place.name)
        weights[key] += 1.0 / (1 + admin_level(mention.place))
        first.setdefault(key, mention)
    if not weights:
        return None
    key = max(weights, key=lambda k: (weights[k], -first[k].start))
    return first[key].place


def locate_verb(text: str, start: int, end: int, mentions: list[Mention], *,
                threshold: float = TIED) -> Mention | None:
    """The event-geolocation task: the mention naming where the event at text[start:end]
    happened, or None when the sentence ties no place to it (Halterman 2019's setting)."""
    return locate_verbs(text, [(start, end)], mentions, threshold=threshold)[0]


def locate_verbs(text: str, verbs: list[tuple[int, int]], mentions: list[Mention], *,
                 threshold: float = TIED, lexicon: Lexicon = ENGLISH) -> list[Mention | None]:
    """:func:`locate_verb` for each (start, end) of ``verbs``, splitting the text into sentences
    and weighing the article's countries once for all of them."""
    from geomap.text import sentence_spans

    cues = locate_cues(lexicon)
    mentions = span_mentions(text, mentions, cues)
    sentences = list(sentence_spans(text))
    starts = [s for s, _ in sentences]
    country = dominant_country(mentions)
    found: list[Mention | None] = []
    for start, end in verbs:
        found.append(None)
        if text[start:end].strip().lower() in cues.not_happenings \
                or cues.complement.match(text, end) or cues.prize_object.match(text, end):
            # "said", "claimed", "was", "showed that", "captured the gold": saying, being,
            # arguing or winning a prize is no event with a place
            continue
        at = bisect_right(starts, start) - 1
        sentence = sentences[at] if at >= 0 and start < sentences[at][1] else (0, len(text))
        location = locate_event(text, (start, end), sentence, mentions, need_place=False,
                                country=country, lexicon=lexicon)
        if location is not None and location.tie >= threshold and location.mention is not None:
            found[-1] = whole_name(text, location.mention, mentions, cues)
    return found

