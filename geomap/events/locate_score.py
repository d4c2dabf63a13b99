"""How strongly a sentence ties one place name to one event verb: the locator's scoring.

A name scores for what governs it (a locative preposition, the verb's object, a direction right
after the verb) and loses for what says it only qualifies or measures another place: the owner
in "X's Y district", the container in "Y, X", the landmark in "50 km from X", an actor's name in
"X police". Distance from the verb costs a little, more before the verb than after it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from geomap.events.locate_clause import clause_cost, frame_cost
from geomap.events.locate_coordination import coordinated_with
from geomap.events.locate_landmark import landmark_of, measured_from
from geomap.events.locate_words import LocateCues, locate_cues
from geomap.events.refine import same_region, within
from geomap.model import Mention, Place


@dataclass(frozen=True, slots=True)
class TieWeights:
    """What each clue adds to (or takes from) a name's tie to the verb."""

    #: a locative preposition, the verb's object, or a direction right after the verb
    governed: float = 3.0
    #: "X was taken": the place undergoes the event, but a place the verb governs wins
    passive_subject: float = 2.5
    #: any other preposition before the name (a weak tie: "from", "to" far from the verb)
    other_preposition: float = 1.0
    #: "Y, X" / "Y (X": the container of a place the geoparser could not name
    after_comma: float = 1.0
    #: "laid by X": the agent, not the place
    agent: float = -2.0
    #: "Y (X) district": the other name of the place just named
    alias: float = -3.0
    #: "the Y quarter in X", "Y, a district of X": the first name is the more specific place
    contained_first: float = -2.5
    #: "X's Y district": the owner holds the place named next
    owner: float = -2.5
    #: "X, Y" with X resolved far outside Y: X's reading is wrong
    outside_container: float = -3.0
    #: "Deh" of "Deh Bala": only part of a name was read, so its coordinates are a namesake's
    truncated: float = -3.0
    #: "at Y, west of X": X only says where Y is
    measured_from: float = -3.0
    #: "some 200 km from X" (span task only): a landmark to measure from
    reference_point: float = -3.0
    #: "X Road": a street named after a town elsewhere
    route: float = -3.0
    #: "X police", "the X mayor": a name qualifying an actor
    actor: float = -3.0
    #: "troops based in X": X is where an actor is based, not where its act happens
    home_base: float = -3.0
    #: (span task) a country named this many characters or more from the verb frames the
    #: story ("..., the deadliest attack in X this year") rather than placing the event ...
    far_country_chars: int = 60
    #: ... and loses this much on top of the distance
    far_country: float = -1.5
    #: distance from the verb costs one point per this many characters ...
    chars_per_point: float = 150.0
    #: ... counted up to this many characters ...
    max_distance: int = 400
    #: ... and this many times over before the verb (English puts the place after it)
    before_verb_factor: float = 1.6
    #: a direction ("to", "from") governs only this close after the verb
    direction_reach: int = 30


WEIGHTS = TieWeights()


def admin_level(place: Place | None) -> int:
    """0 town/site, 1 second-level admin, 2 first-level admin, 3 country."""
    if place is None:
        return 0
    code = (place.feature_code or "").upper()
    if place.feature_class == "A":
        if code.startswith("PCL") or code in {"TERR", "ZN"}:
            return 3
        if code == "ADM1":
            return 2
        return 1
    if code in {"RGN", "AREA", "PRK"}:
        return 1
    return 0


def candidate_score(text: str, mention: Mention, mentions: list[Mention], trigger: tuple[int, int],
                    sentence: tuple[int, int], for_place: bool = True, *,
                    cues: LocateCues | None = None, weights: TieWeights = WEIGHTS,
                    chain_region: Callable[[Mention], Place | None] | None = None,
                    ) -> tuple[float, str | None]:
    """How strongly the sentence ties ``mention`` to the event at ``trigger`` (higher = closer),
    and the preposition (or "object", "subject") that ties it. ``chain_region`` finds the
    province that closes a name's chain ("X, Y, Z"), where the caller knows how."""
    cues = cues or locate_cues()
    w = weights
    # "in al-X": the geoparser leaves the particle out of the name, the preposition governs both
    particle = cues.leading_particle.search(text, max(0, mention.start - 5), mention.start)
    start = mention.start if particle is None else particle.start()
    offset = max(sentence[0], start - 80)
    before = text[offset:start]
    prep = preposition(cues, before, _places_between(text, mentions, offset, mention.start))
    at = mention  # where the name stands for its distance from the verb
    if prep is None:
        # "in X district and Y town": the second of two coordinated places shares the first
        # one's preposition
        first = coordinated_with(cues, text, mention, mentions, sentence)
        if first is not None:
            offset = max(sentence[0], first.start - 80)
            prep = preposition(cues, text[offset:first.start],
                               _places_between(text, mentions, offset, first.start))
            # (a list's names are as near the verb as its first: the notes code the first)
            at = first if prep is not None else mention
    if prep is None and not for_place:
        # "in the X capital Y": Y takes the preposition of the name that heads it
        holder = next((other for other in mentions if other.end <= mention.start
                       and _heads_next(cues, text, other, mentions) is mention), None)
        if holder is not None:
            offset = max(sentence[0], holder.start - 80)
            prep = preposition(cues, text[offset:holder.start],
                               _places_between(text, mentions, offset, holder.start))
    # ("X are patrolling" is active: X is the actor)
    if prep is None and mention.end <= trigger[0] and not text.endswith(
            "ing", trigger[0], trigger[1]) and (subject := _PASSIVE_SUBJECT.match(
            text[mention.end:trigger[0]])) and (for_place or subject.group("owned") or not
                                                cues.person_verb.match(text, trigger[0],
                                                                       trigger[1])):
        # "X was taken", "the town is guarded": the place undergoes it (but "X was shot" is a
        # person)
        prep = "subject"
    score = 0.0
    if prep is None and mention.start >= trigger[1] and (
            cues.object_gap.match(text[trigger[1]:mention.start])
            or cues.object_apposition.match(text[trigger[1]:mention.start])):
        # "shelled X", "patrolling the X Sea", "patrolled the country's capital, X": the
        # verb's object
        prep = "object"
    if not for_place and mention.end <= trigger[0] and prep in cues.weak_before_verb \
            and not cues.naming_of.search(before):
        # "residents of X protested", "the mayor of X was shot": before the verb, the place
        # says whose people they are, seldom where it happened (span task; an event still
        # needs coordinates)
        score += w.other_preposition
    elif prep == "subject":
        score += w.passive_subject
    elif prep in cues.strong or prep in cues.near or prep == "object" or (
            prep in cues.directional and 0 <= mention.start - trigger[1] <= w.direction_reach
            and not (prep in cues.origin and (for_place or cues.taking_verb.fullmatch(
                text, trigger[0], trigger[1])))):
        # ("captured the heights from X": whom it was taken from, not where)
        score += w.governed
    elif prep is not None:
        score += w.other_preposition
    elif re.search(r"(?:,|\()\s*$", before):
        score += w.after_comma
    if re.search(r"\bby\s+$", before):
        score += w.agent
    if _is_alias(cues, text, mention, mentions):
        score += w.alias
    if _contained_in_earlier(cues, text, mention, mentions, for_place):
        score += w.contained_first
    if _owns_next(text, mention, mentions, for_place) or (
            not for_place and _heads_next(cues, text, mention, mentions) is not None):
        score += w.owner
    container = container_of(cues, text, mention, mentions)
    # (a reading outside its container is a wrong reading, but the span still names the place)
    if for_place and container is not None and mention.place is not None \
            and container.place is not None:
        if not within(mention.place.lat, mention.place.lon, mention.place.admin1,
                      container.place, admin_level(container.place)) \
                and not _in_region(mention.place, chain_region(mention) if chain_region else None):
            # ("X, Y, Z" with X read in the province Z closing the chain: two names against one
            # say Y's reading is the namesake)
            score += w.outside_container
    if for_place and cues.truncated.match(text, mention.end) and not _place_follows(mention,
                                                                                   mentions):
        # (the span itself still marks the place, so the span task keeps it)
        score += w.truncated
    if measured_from(text, mention, mentions, for_place) or (not for_place and any(
            admin_level(other.place) <= admin_level(mention.place)
            for other in landmark_of(text, mention, mentions))):
        # (span task: but a region is no landmark to a town, "a convoy from <province> near
        # the town of Y")
        score += w.measured_from
    if not for_place and cues.reference_point.search(before):
        # (the coordinates task still uses it, at precision 2, as ACLED does)
        score += w.reference_point
    if not for_place and cues.neighbour.search(before):
        # (span task) "clashes at the border with X": X is the country across the border
        score += w.reference_point
    if not for_place and cues.qualifier.match(text, mention.end):
        score += w.actor  # (span task) "the X-based bank", "X-backed rebels"
    if not for_place and cues.event_noun.match(text, mention.end):
        score += w.actor  # (span task) "in the 1967 X war": the name qualifies the war
    if not for_place and cues.home_base.search(before):
        score += w.home_base  # (span task) "troops based in X patrolled Y": X is their base
    # (span task: "on a X street" is a street in X, only "X Street" one named after it; the
    # coordinates task keeps reading "X road" as a route too: in ACLED's notes a lower-case
    # road after a town is as often the highway named after it)
    route = cues.names_a_route if for_place else cues.names_a_street
    if route.match(text, mention.end) or (for_place and cues.route_name.search(mention.name)):
        # (the geoparser reads "X Road" as X when it knows no such street)
        score += w.route
    if (prep is None or (prep in ("of", "object") and for_place)) and cues.actor_noun.match(
            text[mention.end:mention.end + 30]):
        # (the span task's annotators do mark "the office of the X mayor" and "killed the X
        # police chief"; an event's coordinates are where it happened, not the victim's office)
        score += w.actor
    distance = (at.start - trigger[1]) if at.start >= trigger[1] else (
        trigger[0] - at.end) * w.before_verb_factor
    score -= min(distance, w.max_distance) / w.chars_per_point
    if not for_place and distance >= w.far_country_chars and admin_level(mention.place) == 3:
        score += w.far_country
    score += clause_cost(cues, text, mention, trigger, for_place)
    if not for_place:
        score += frame_cost(cues, text, mention, trigger, prep, admin_level(mention.place) == 3)
    return score, prep


_PASSIVE_SUBJECT = re.compile(
    # "Gulu's markets were guarded", "X's chief of police was shot": X owns who or what
    # underwent it
    r"(?:(?P<owned>['’]s(?:\s+[a-z]+){1,4})"
    r"|(?:\s+[a-z][\w-]*){1,2}(?=\s*,|\s+(?:has|have|had|was|were|is|are)\b))?"  # "the X plateau"
    r"(?:\s*,\s*(?:which|that)|\s*,\s*(?:[\w.]+\s+){0,3}?(?:north|south|east|west)\w*\s+of"
    r"\s[^,;]{1,30},)?"  # "X, which was ...", "X, north of Y, was"
    r"\s+(?:has |have |had )?(?:was|were|is|are|been|being)\s+"
    r"(?:(?:[a-z]+ly|still|already|now|also|then|later|once|often)\s+)?(?:being\s+|been\s+)?$")
# "the old market quarter in eastern X" (a lower-case compass word only: "North" in "Y, North
# Region" begins the next name)
_CONTAINER_GAP = re.compile(r"^\s*(?:,|\(|in|of|-)\s*(?:the\s+)?(?-i:(?:north|south|east|west|"
                            r"north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+|"
                            r"central\s+)?$", re.IGNORECASE)


def _contained_in_earlier(cues: LocateCues, text: str, mention: Mention, mentions: list[Mention],
                          for_place: bool) -> bool:
    """A place named just before ``mention`` lies in it ("the Y quarter in X", "Y, X", "Y, a
    district of X"), so that earlier place is the more specific one."""
    for other in mentions:
        if other is mention or other.kind != "literal" or other.end > mention.start:
            continue
        if not for_place and _heads_next(cues, text, other, mentions) is mention:
            return False  # "the X suburb of Y": X holds Y, not the other way round
        if for_place and other.place is None:
            # "Y (Z, X)" with Y unknown: the container is the best place there is (ACLED's
            # precision 2), not a reason to look elsewhere
            continue
        if mention.start - other.end <= 40 and _CONTAINER_GAP.match(
                strip_feature_words(cues, text[other.end:mention.start])):
            if _two_towns_apart(other.place, mention.place):
                continue  # "south of Y in X": a second place, not a container
            if admin_level(other.place) > admin_level(mention.place):
                continue  # "the consulate of Y in X": a town holds no country
            return True
        if mention.start - other.end <= 60 and cues.described_in.match(text, other.end,
                                                                       mention.start):
            return True
    return False


# (an apostrophe lost in conversion leaves spaces: "X   s old quarter")
# ("Y's walled old X", "Y's office in X": up to two lower-case words, but none that joins a
# second party, as in "Y's border with X", where Y is still the place)
POSSESSIVE_AT = re.compile(r"(?:['’]|\s{2,})s\s+(?:(?!(?:with|and|or|to|from)\s)"
                           r"[a-z][\w-]*\s+){0,2}")


def _heads_next(cues: LocateCues, text: str, mention: Mention,
                mentions: list[Mention]) -> Mention | None:
    """The place ``mention`` describes as its container when it qualifies the class word
    before it: "the X suburb of Y", "X's southern district of Y", "the X capital Y" (but in
    "the X district of Y" X names the part, unless X is the bigger place)."""
    head = cues.heads_next.match(text, mention.end)
    if head is None or not (head.group("owner") or cues.article_before.search(
            text, max(0, mention.start - 30), mention.start)):
        return None
    # (the held name may be read from its second word on: "the X island of Hanish al-Y")
    held = next((other for other in mentions if other.kind == "literal"
                 and head.end() <= other.start <= head.end() + 30
                 and _NAME_WORDS.fullmatch(text, head.end(), other.start)), None)
    if held is not None and not head.group("owner") and cues.part_head.match(head.group("head")) \
            and not _larger(mention.place, held.place):
        return None  # "the X district of Y": X is the part, Y holds it
    return held


_NAME_WORDS = re.compile(r"(?:[A-Z][\w'’-]*\s+){0,3}")


def _larger(one: Place | None, other: Place | None) -> bool:
    """``one`` is the bigger place: a city whose quarter is named next ("the Y neighbourhood of
    X" with Y a city), not a quarter named before its city."""
    return one is not None and (admin_level(one) > admin_level(other) or (
        admin_level(one) == admin_level(other)
        and one.population > (other.population if other is not None else 0)))


def _owns_next(text: str, mention: Mention, mentions: list[Mention], for_place: bool) -> bool:
    owner = POSSESSIVE_AT.match(text, mention.end)
    return owner is not None and any(
        other.start == owner.end() and other.kind == "literal"
        and (other.place is not None or not for_place) for other in mentions)


def _place_follows(mention: Mention, mentions: list[Mention]) -> bool:
    """The next word names the region or country ("in Fresno California"): the name ends here
    (but a two-word town whose words are each a town's name stays one name)."""
    return any(other.start == mention.end + 1 and other.kind == "literal"
               and admin_level(other.place) >= 2 for other in mentions)


def _places_between(text: str, mentions: list[Mention], start: int, end: int) -> list[int]:
    """Offsets (from ``start``) of the places named in text[start:end], but for owners in a
    possessive ("in X's Y district" still ties the district)."""
    return [m.start - start for m in mentions if start <= m.start and m.end <= end
            and m.kind == "literal" and not POSSESSIVE_AT.match(text, m.end)]


def preposition(cues: LocateCues, before: str, places: list[int] = ()) -> str | None:
    """The locative preposition (or verb) governing the name that follows ``before``; ``places``
    are the offsets of other places named in ``before``, which a preposition never reaches
    across ("in X on Friday to ask that Y")."""
    strict, loose_pattern = cues.preposition, cues.loose_preposition
    if cues.preposition_ascii is not None and before.isascii():
        # the same matches, several times faster (see LocateCues)
        before = before.lower()
        strict, loose_pattern = cues.preposition_ascii, cues.loose_preposition_ascii
    prep_match = strict.search(before)
    prep = prep_match.group("prep").lower() if prep_match else None
    if prep not in cues.strong and prep not in cues.near:
        # "near the gate of X": a strong preposition a few words further back
        loose = loose_pattern.search(before)
        if loose is not None and any(loose.end("prep") <= at for at in places):
            loose = None
        if loose is not None and prep in cues.origin and cues.taking_verb.fullmatch(
                loose.group("prep")):
            loose = None  # "captured the heights from X": X is whom they were taken from
        if loose is not None and (prep is None or loose.group("prep").lower() in cues.strong
                                  or loose.group("prep").lower() in cues.near):
            prep = loose.group("prep").lower()
    if prep is None and (apposition := cues.apposition.search(before)):
        prep = apposition.group("prep").lower()  # "in the port city, X"
    return prep


def _in_region(place: Place, region: Place | None) -> bool:
    return region is not None and region.country == place.country \
        and same_region(region.admin1, place.admin1)


def _two_towns_apart(inner: Place | None, outer: Place | None) -> bool:
    """Both read as towns, and the second does not hold the first. A region's seat named after
    it does: "Y in X" is X province, read as its city."""
    return (inner is not None and outer is not None and admin_level(inner) == 0
            and admin_level(outer) == 0
            and not within(inner.lat, inner.lon, None, outer, 0)
            and not (outer.feature_code in _SEATS and outer.admin1 == inner.admin1
                     and outer.country == inner.country))


_SEATS = frozenset({"PPLA", "PPLC"})


def _is_alias(cues: LocateCues, text: str, mention: Mention, mentions: list[Mention]) -> bool:
    """``mention`` is bracketed right after another name and followed by a class word
    ("X (Y) district"): Y is X's other name."""
    return cues.alias_after.match(text, mention.end) is not None and any(
        other.kind == "literal" and other.end < mention.start
        and re.match(r"^\s*\(\s*$", text[other.end:mention.start]) for other in mentions)


def container_of(cues: LocateCues, text: str, mention: Mention,
                 mentions: list[Mention]) -> Mention | None:
    """The mention right after ``mention`` that contains it ("X, Y", "X in Y", "X (Y)")."""
    cursor = mention.end
    for other in mentions:
        if other.start < cursor or other.kind != "literal":
            continue
        if cursor == mention.end and _is_alias(cues, text, other, mentions):
            cursor = text.index(")", other.end) + 1  # "X (Y) district, Z": look on to Z
            continue
        if other.start - cursor <= 40 and _CONTAINER_GAP.match(
                strip_feature_words(cues, text[cursor:other.start])):
            return other
        break
    return None


def strip_feature_words(cues: LocateCues, gap: str) -> str:
    return cues.feature_words.sub("", gap, count=1)
