"""Where an event happened: the most specific literal place the sentence ties to its trigger.

ACLED geo-precision: 1 = the town or neighbourhood itself, 2 = "near" a town or a part of a
region (a district), 3 = only a province or country is known (its centroid). Demonyms ("Syrian"),
metonyms ("ties with Moscow") and names inside organisations never locate an event, and one event
is placed once -- not at every place the sentence names.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass

from geomap.events.actors import is_group_name
from geomap.events.refine import place_in_region, refine_place, within
from geomap.geodesy import haversine_km
from geomap.model import Mention, Place

_LOCATIVE = (
    r"(?:\b(?P<prep>in|at|inside|into|on|onto|across|within|throughout|near|nearby|outside|"
    r"around|close to|outskirts of|vicinity of|east of|west of|north of|south of|northeast of|"
    r"northwest of|southeast of|southwest of|from|to|towards|toward|between|of|over|along|off|"
    r"through|targeting|hit|struck|shelled|bombed|attacked|raided|stormed|captured|seized|"
    r"besieging|patrolling|patrol|invaded|occupied|controlled|"
    r"entered|besieged|liberated|retook|recaptured)"
    r"(?:\s+(?:the|a|an|its|their|his|her|rebel[- ]held|government[- ]held|regime[- ]held|"
    r"opposition[- ]held|besieged|northern|southern|eastern|western|central|\w+ern|nearby|"
    r"north|south|east|west|downtown|"
    r"town|village|city|district|province|region|area|neighbou?rhood|suburb|camp|outskirts|"
    r"governorate|county|municipality|of|and|part|parts|countryside|vicinity|km|kilomet\w+|"
    r"miles?|\d+))*{extra}\s+)$"
)
_PREP_RE = re.compile(_LOCATIVE.replace("{extra}", ""), re.IGNORECASE)
# Day and month names: they end a name ("seen in Homs on Friday") and stop a preposition's reach.
_CALENDAR = (r"(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|"
             r"march|april|may|june|july|august|september|october|november|december)")
# up to four more words when nothing closer is found: "in the restive market town of Kobar", "in
# the Kenyan capital Nairobi"
_PREP_LOOSE_RE = re.compile(
    # (never across a day or month: "rallied on Friday to ask that Norway" ties nothing to Norway)
    _LOCATIVE.replace("{extra}", r"(?:\s+(?!" + _CALENDAR + r"\b)"
                                 r"(?:[a-z][\w'’-]*|[A-Z][\w'’-]*['’]s?)){0,4}?"),
    re.IGNORECASE)
_OBJECT_GAP = re.compile(r"\s+(?:(?:the|a|an|two|three|several|\w+ern|central|\w+-held)\s+){0,3}$",
                         re.IGNORECASE)
_NEAR = frozenset({"near", "nearby", "outside", "around", "close to", "outskirts of", "vicinity of",
                   "east of", "west of", "north of", "south of", "northeast of", "northwest of",
                   "southeast of", "southwest of", "between", "off", "along"})
_DIRECTIONAL = frozenset({"to", "toward", "towards", "from"})
_STRONG_PREPS = frozenset({"in", "at", "inside", "into", "on", "onto", "across", "within",
                           "through", "over",
                           "throughout", "targeting", "hit", "struck", "shelled", "bombed",
                           "attacked", "raided", "stormed", "captured", "seized", "entered",
                           "besieged", "liberated", "retook", "recaptured", "of", "patrol",
                           "patrolling", "besieging", "invaded", "occupied",
                           "controlled", "subject"})
# "the old market quarter in eastern Mosul" (a lower-case compass word only: "North" in
# "Tamale, North Region" begins the next name)
_CONTAINER_GAP = re.compile(r"^\s*(?:,|\(|in|of|-)\s*(?:the\s+)?(?-i:(?:north|south|east|west|"
                            r"north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+|"
                            r"central\s+)?$", re.IGNORECASE)
_DESCRIBED_IN = re.compile(
    r"\s*,\s*(?:a|an)\s+(?:[\w-]+\s+){0,3}?(?:area|town|village|city|district|suburb|"
    r"neighbou?rhood|region|part|quarter|community|settlement)\s+(?:(?:just\s+)?(?:north|south|"
    r"east|west)(?:-?(?:east|west))?\s+)?(?:of|in|near|outside)\s+(?:the\s+)?$", re.IGNORECASE)
#: The name goes on after the mention: a capitalised word or a hyphenated particle follows.
_TRUNCATED = re.compile(
    # "Barangay IV", "Zone III": a numbered part of a place
    r"(?:\s(?:I{1,3}|IV|VI{0,3}|IX|X{1,2})\b(?![.'’])|"
    r"-(?:[a-z]{1,3}-)?[A-Za-z]|\s(?:(?:al|el|e|i|de|da|du|ad|as|ar|an|ash|ez|es|y)\s)?"
    # ... but "in Hebron Tuesday", "Homs on Friday" end the name at a day or month, and
    # "Quetta City", "Logar Province" at a class word.
    r"(?!(?:" + _CALENDAR + r"|City|Town|Village|Province|District|Governorate|Region|County|"
    r"State|Capital|Territory|Municipality|Department|Division|Prefecture|Oblast|Raion)\b)"
    r"[A-Z][a-z])")
_APPOSITION = re.compile(r"\b(?P<prep>in|at|near|into|outside)\s+(?:the\s+|its\s+|their\s+)?"
                         r"(?:[a-z][\w-]*\s+){0,3}(?:capital|city|town|village|port|hub|"
                         r"stronghold|enclave|suburb|province|district|region)\s*,\s*$",
                         re.IGNORECASE)
_PASSIVE_SUBJECT = re.compile(r"(?:['’]s(?:\s+[a-z]+){1,2})?"  # "Gulu's markets were guarded"
                              r"\s+(?:has |have |had )?(?:was|were|is|are|been|being)\s+"
                              r"(?:[a-z]+ly\s+)?(?:being\s+|been\s+)?$")
_REFERENCE_POINT = re.compile(
    r"\d[\d,.]*\s*(?:km|kms|kilomet(?:er|re)s?|mi|miles?)\b[^.;]{0,25}?\b(?:from|of)\s+"
    r"(?:the\s+)?(?:[\w'’-]+\s+){0,4}$", re.IGNORECASE)
_NAMES_A_ROUTE = re.compile(r"(?:-[A-Z][\w'’-]*)?\s+(?:[Rr]oad|[Ss]treet|[Hh]ighway|[Mm]otorway|"
                            r"[Aa]venue|[Ee]xpressway|[Bb]ridge|[Jj]unction|[Rr]oundabout)\b")
_ROUTE_NAME = re.compile(r"\s(?:Road|Street|Highway|Motorway|Avenue|Expressway|Boulevard|Lane|"
                         r"Drive|Rd\.?|St\.|Ave\.?|Blvd\.?)$")
_ACTOR_NOUN = re.compile(r"^['’]?s?\s+(?:militants?|forces|fighters?|troops|police|soldiers|army|"
                         r"militias?|rebels?|insurgents?|authorities|government|officials?|"
                         r"governor|mayor|commanders?|council)\b",
                         re.IGNORECASE)
#: A candidate needs at least this score (a locative preposition or the verb's object) to count
#: as tied to the event.
TIED = 1.5
#: Per admin level (district, province, country): prefer the town when both are tied.
ADMIN_PENALTY = 0.8
_DISTRICT = re.compile(r"^\s+(?:district|region|area|countryside|province|governorate|county|"
                       r"oblast|raion|municipality|LGA|sub-?county)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Location:
    """The chosen place of an event, the mention it came from, and ACLED's geo precision."""

    place: Place | None
    mention: Mention | None
    precision: int | None
    score: float = 0.0
    tie: float = 0.0  # the score without the preference for small places: how tied it is


def _admin_level(place: Place | None) -> int:
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
                    sentence: tuple[int, int], for_place: bool = True) -> tuple[float, str | None]:
    """How strongly the sentence ties ``mention`` to the event at ``trigger`` (higher = closer)."""
    offset = max(sentence[0], mention.start - 80)
    before = text[offset:mention.start]
    prep = _preposition(before, _places_between(text, mentions, offset, mention.start))
    if prep is None:
        # "in Chapa Dara district and Khas Kunar town": the second of two coordinated places
        # shares the first one's preposition
        first = _coordinated_with(text, mention, mentions, sentence)
        if first is not None:
            offset = max(sentence[0], first.start - 80)
            prep = _preposition(text[offset:first.start],
                                _places_between(text, mentions, offset, first.start))
    if prep is None and mention.end <= trigger[0] and _PASSIVE_SUBJECT.match(
            text[mention.end:trigger[0]]):
        prep = "subject"  # "Kassala was taken", "the town is guarded": the place undergoes it
    score = 0.0
    if prep is None and mention.start >= trigger[1] and _OBJECT_GAP.match(
            text[trigger[1]:mention.start]):
        prep = "object"  # "shelled Avdiivka", "patrolling the Red Sea": the verb's object
    if prep in _STRONG_PREPS or prep in _NEAR or prep == "object" or (
            prep in _DIRECTIONAL and 0 <= mention.start - trigger[1] <= 30):
        # ... and "walked to Gulu", "flown to Diego Garcia": a direction right after the
        # verb is where the movement went
        score += 3.0
    elif prep is not None:
        score += 1.0
    elif re.search(r"(?:,|\()\s*$", before):
        score += 1.0  # "Some Unknown district, Zabul": the container of a place we could not name
    if re.search(r"\bby\s+$", before):
        score -= 2.0  # "laid by Hamas": the agent, not the place
    # "the Salahuddin quarter in Aleppo", "Kunduz, Afghanistan": the second name contains the
    # first, so the first is the more specific place.
    if _is_alias(text, mention, mentions):
        score -= 3.0  # "Chak (Saydabad) district": the other name of the place just named
    for other in mentions:
        if other is mention or other.kind != "literal" or other.end > mention.start:
            continue
        if for_place and other.place is None:
            # "Littlevale (Pemba, Cabo Delgado)" with Littlevale unknown: the container is the best
            # place there is (ACLED's precision 2), not a reason to look elsewhere.
            continue
        if mention.start - other.end <= 40 and _CONTAINER_GAP.match(
                _strip_feature_words(text[other.end:mention.start])):
            if _two_towns_apart(other.place, mention.place):
                continue  # "south of Kirkuk in Tikrit": a second place, not a container
            if _admin_level(other.place) > _admin_level(mention.place):
                continue  # "the consulate of Peru in Madrid": a town holds no country
            score -= 2.5
            break
        if mention.start - other.end <= 60 and _DESCRIBED_IN.match(text, other.end, mention.start):
            score -= 2.5  # "Karkh, a district of Baghdad": the text places the first in this
            break
    if _owns_next(text, mention, mentions, for_place):
        score -= 2.5  # "Kabul's Shahr-e Naw area": the owner holds the place named next
    container = _container_of(text, mention, mentions)
    if container is not None and mention.place is not None and container.place is not None:
        if not within(mention.place.lat, mention.place.lon, mention.place.admin1,
                      container.place, _admin_level(container.place)):
            score -= 3.0  # "X, Y" with X resolved far outside Y: X's reading is wrong
    if for_place and _TRUNCATED.match(text, mention.end) and not _place_follows(mention, mentions):
        # "Deh" of "Deh Bala", "Qala" of "Qala-e Sabz": only part of a name was read, so its
        # coordinates are a namesake's; the span itself still marks the place (span task).
        score -= 3.0
    if _measured_from(text, mention, mentions, for_place):
        score -= 3.0  # "at Bumpe, west of Bo": Bo only says where Bumpe is
    if not for_place and _REFERENCE_POINT.search(before):
        # "some 200 km from Nairobi": a landmark to measure from, not where it happened (the
        # coordinates task still uses it, at precision 2, as ACLED does)
        score -= 3.0
    if _NAMES_A_ROUTE.match(text, mention.end) or (
            for_place and _ROUTE_NAME.search(mention.name)):
        # "Jhelum Road in Lahore", "Dover Road in Leeds": a street named after a town
        # elsewhere (the geoparser reads "X Road" as X when it knows no such street)
        score -= 3.0
    if (prep is None or (prep == "of" and for_place)) and _ACTOR_NOUN.match(
            text[mention.end:mention.end + 30]):
        # "Shabaab fighters", "Kandahar police", "the office of the Sanaa mayor": a name
        # qualifying an actor (the span task's annotators do mark the last kind)
        score -= 3.0
    distance = (mention.start - trigger[1]) if mention.start >= trigger[1] else (
        trigger[0] - mention.end) * 1.6
    score -= min(distance, 400) / 150.0
    between = text[min(trigger[1], mention.end):max(trigger[0], mention.start)]
    if ";" in between:
        score -= 2.0
    return score, prep


def _owns_next(text: str, mention: Mention, mentions: list[Mention], for_place: bool) -> bool:
    owner = _POSSESSIVE_AT.match(text, mention.end)
    return owner is not None and any(
        other.start == owner.end() and other.kind == "literal"
        and (other.place is not None or not for_place) for other in mentions)


_POSSESSIVE_AT = re.compile(r"['’]s\s+(?:(?:[a-z]+ern|central|old|new)\s+)?")


def _measured_from(text: str, mention: Mention, mentions: list[Mention], for_place: bool) -> bool:
    """``mention`` follows "<place>, <direction> of" and so only locates that place."""
    direction = _DIRECTION_OF.search(text, max(0, mention.start - 60), mention.start)
    return direction is not None and any(
        other.kind == "literal" and other.end == direction.start()
        and (other.place is not None or not for_place) for other in mentions)


_DIRECTION_OF = re.compile(
    r",\s*(?:about\s+|some\s+)?(?:\d[\d,.]*\s*(?:km|kms|kilomet(?:er|re)s?|mi|miles?)\s+)?"
    r"(?:north|south|east|west)(?:-?(?:east|west))?\s+of\s+(?:the\s+)?$", re.IGNORECASE)


def _place_follows(mention: Mention, mentions: list[Mention]) -> bool:
    """The next word names the region or country ("in Fresno California"): the name ends here
    (but a two-word town whose words are each a town's name stays one name)."""
    return any(other.start == mention.end + 1 and other.kind == "literal"
               and _admin_level(other.place) >= 2 for other in mentions)


def _places_between(text: str, mentions: list[Mention], start: int, end: int) -> list[int]:
    """Offsets (from ``start``) of the places named in text[start:end], but for owners in a
    possessive ("in Lagos's Ikeja district" still ties the district)."""
    return [m.start - start for m in mentions if start <= m.start and m.end <= end
            and m.kind == "literal" and not _POSSESSIVE_AT.match(text, m.end)]


def _preposition(before: str, places: list[int] = ()) -> str | None:
    """The locative preposition (or verb) governing the name that follows ``before``; ``places``
    are the offsets of other places named in ``before``, which a preposition never reaches
    across ("in Aden on Friday to ask that Norway")."""
    prep_match = _PREP_RE.search(before)
    prep = prep_match.group("prep").lower() if prep_match else None
    if prep not in _STRONG_PREPS and prep not in _NEAR:
        # "near the gate of Bagram": a strong preposition a few words further back
        loose = _PREP_LOOSE_RE.search(before)
        if loose is not None and any(loose.end("prep") <= at for at in places):
            loose = None
        if loose is not None and (prep is None or loose.group("prep").lower() in _STRONG_PREPS
                                  or loose.group("prep").lower() in _NEAR):
            prep = loose.group("prep").lower()
    if prep is None and (apposition := _APPOSITION.search(before)):
        prep = apposition.group("prep").lower()  # "in the port city, Mombasa"
    return prep


def _coordinated_with(text: str, mention: Mention, mentions: list[Mention],
                      sentence: tuple[int, int]) -> Mention | None:
    """The place ``mention`` is coordinated with ("X district and Y"), if any."""
    earlier = [m for m in mentions if m.kind in ("literal", "metonym") and sentence[0] <= m.start
               and m.end <= mention.start]
    last = max(earlier, key=lambda m: m.end, default=None)
    if last is None or not _COORDINATION_GAP.match(text[last.end:mention.start]):
        return None
    return last


_COORDINATION_GAP = re.compile(
    r"^(?:\s*\([^()]{1,40}\))?(?:\s+(?:district|province|city|town|village|area|region|county|"
    r"governorate|neighbou?rhood)s?)?\s*(?:,\s*)?(?:and|or|&)\s+(?:the\s+)?$", re.IGNORECASE)


#: How far a town may lie from every other place its sentence names before it reads as a stray
#: namesake (a neighbourhood of a northern city read as a town of that name in another province
#: a thousand kilometres away).
STRAY_KM = 300.0


def _stray(mention: Mention, others: list[Mention]) -> bool:
    """A town far from all of two or more other places of its sentence (or outside the one region
    named there), and in none of their first-level regions."""
    place = mention.place
    if place is None or _admin_level(place) > 0:
        return False
    around = [m.place for m in others if m is not mention and m.place is not None
              and _admin_level(m.place) < 3]
    if not around or (len(around) < 2 and _admin_level(around[0]) == 0):
        return False
    return all(haversine_km(place.lat, place.lon, p.lat, p.lon) > STRAY_KM
               and not (place.admin1 and place.admin1 == p.admin1
                        and place.country == p.country) for p in around)


def _two_towns_apart(inner: Place | None, outer: Place | None) -> bool:
    """Both read as towns, and the second does not hold the first. A region's seat named after
    it does: "Manbij in Aleppo" is Aleppo province, read as its city."""
    return (inner is not None and outer is not None and _admin_level(inner) == 0
            and _admin_level(outer) == 0
            and not within(inner.lat, inner.lon, None, outer, 0)
            and not (outer.feature_code in _SEATS and outer.admin1 == inner.admin1
                     and outer.country == inner.country))


_SEATS = frozenset({"PPLA", "PPLC"})


def _is_alias(text: str, mention: Mention, mentions: list[Mention]) -> bool:
    """``mention`` is bracketed right after another name and followed by a class word
    ("X (Y) district"): Y is X's other name."""
    return _ALIAS_AFTER.match(text, mention.end) is not None and any(
        other.kind == "literal" and other.end < mention.start
        and _ALIAS_GAP.match(text[other.end:mention.start]) for other in mentions)


_ALIAS_GAP = re.compile(r"^\s*\(\s*$")
_ALIAS_AFTER = re.compile(r"\s*\)\s*(?:district|province|county|area|village|town|city|region|"
                          r"municipality|LGA|governorate|oblast|raion|sub-?county|tehsil)s?\b",
                          re.IGNORECASE)


def _container_of(text: str, mention: Mention, mentions: list[Mention]) -> Mention | None:
    """The mention right after ``mention`` that contains it ("X, Y", "X in Y", "X (Y)")."""
    cursor = mention.end
    for other in mentions:
        if other.start < cursor or other.kind != "literal":
            continue
        if cursor == mention.end and _is_alias(text, other, mentions):
            cursor = text.index(")", other.end) + 1  # "X (Y) district, Z": look on to Z
            continue
        if other.start - cursor <= 40 and _CONTAINER_GAP.match(
                _strip_feature_words(text[cursor:other.start])):
            return other
        break
    return None


def _strip_feature_words(gap: str) -> str:
    return re.sub(r"^\s*(?:district|region|area|neighbou?rhood|province|governorate|village|town|"
                  r"city|camp|county|oblast|raion|municipality)\b", "", gap, flags=re.IGNORECASE)


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
                 country: str | None = None) -> Location | None:
    """The best literal mention in the sentence for the event whose trigger is ``trigger``.

    ``need_place`` keeps only mentions the geoparser resolved (an event needs coordinates); the
    span-only task (``geomap locate``) passes False. ``mentions`` must be in text order (as the
    geoparser gives them): only those around the sentence are looked at, so the cost does not
    grow with the length of the article.
    """
    mentions = _around(mentions, sentence)
    candidates = [m for m in mentions if m.kind == "literal" and not is_group_name(m.name)
                  and sentence[0] <= m.start
                  and m.end <= sentence[1] and (m.place is not None or not need_place)
                  and not (m.start < trigger[1] and trigger[0] < m.end)]
    best: tuple[float, float, Mention, str | None] | None = None
    for mention in candidates:
        tie, prep = candidate_score(text, mention, mentions, trigger, sentence, need_place)
        score = tie - ADMIN_PENALTY * _admin_level(mention.place)
        if country and mention.place is not None and mention.place.country not in (None, country):
            score -= 3.0  # a namesake abroad: the text's other places agree on another country
        if need_place and _stray(mention, candidates):
            score -= 3.0
        if best is None or score > best[0]:
            best = (score, tie, mention, prep)
    if best is None:
        return None
    score, tie, mention, prep = best
    place = mention.place
    if need_place:
        container = _container_of(text, mention, mentions)
        level = _admin_level(container.place) if container is not None else 0
        better = refine_place(text, mention, container, level)
        region = _framing_region(text, mention, mentions, sentence)
        if region is not None:
            better = place_in_region(
                mention if better is None else Mention(mention.start, mention.end, mention.name,
                                                       mention.kind, better), region) or better
        if better is not None:
            place = better
            mention = Mention(mention.start, mention.end, mention.name, mention.kind, better,
                              mention.confidence, mention.country_hint)
    return Location(place, mention, _precision(text, mention, prep), score, tie)


#: How far outside its sentence a mention can still bear on a candidate's score (the longest
#: look-back or look-ahead of the rules above is 80 characters).
_MARGIN = 100


def _start(mention: Mention) -> int:
    return mention.start


def _around(mentions: list[Mention], sentence: tuple[int, int]) -> list[Mention]:
    """The mentions (in text order) that begin within ``_MARGIN`` characters of ``sentence``."""
    low = bisect_left(mentions, sentence[0] - _MARGIN, key=_start)
    high = bisect_right(mentions, sentence[1] + _MARGIN, key=_start)
    return mentions[low:high]


def _framing_region(text: str, mention: Mention, mentions: list[Mention],
                    sentence: tuple[int, int]) -> Place | None:
    """The first-level region that closes the chain of names after ``mention`` ("X (Y)
    district, Z", "X village of Y district, Z", "X, Y and W districts, Z"), if the text names
    one."""
    cursor, region = mention.end, None
    for other in mentions:
        if other.start < mention.end or other.kind != "literal":
            continue
        if other.start > sentence[1] or not _CHAIN_GAP.match(text[cursor:other.start]):
            break
        if other.place is not None and _admin_level(other.place) == 2:
            region = other.place
        cursor = other.end
    return region


_CHAIN_GAP = re.compile(
    r"^(?=.{0,40}$)[\s,()]*(?:(?:and|or)\s+)?(?:(?:the\s+)?(?:[a-z]+\s+)?(?:districts?|county|"
    r"area|village|town|city|province|zone|region|state|LGA|sector|municipality|governorate|"
    r"oblast|raion|sub-?county|taluka|tehsil|commune|department)\b[\s,()]*)?(?:(?:of|in)\s+)?"
    r"(?:the\s+)?$", re.IGNORECASE | re.DOTALL)


def _precision(text: str, mention: Mention, prep: str | None) -> int:
    level = _admin_level(mention.place)
    if level >= 2:
        return 3
    if level == 1 or _DISTRICT.match(text[mention.end:mention.end + 20]) or prep in _NEAR:
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
        weights[key] += 1.0 / (1 + _admin_level(mention.place))
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
                 threshold: float = TIED) -> list[Mention | None]:
    """:func:`locate_verb` for each (start, end) of ``verbs``, splitting the text into sentences
    and weighing the article's countries once for all of them."""
    from geomap.text import sentence_spans

    mentions = sorted(mentions, key=_start)
    sentences = sentence_spans(text)
    starts = [s for s, _ in sentences]
    country = dominant_country(mentions)
    found: list[Mention | None] = []
    for start, end in verbs:
        found.append(None)
        if text[start:end].strip().lower() in _NOT_HAPPENINGS:
            continue  # "said", "claimed", "was": saying or being is no event with a place
        at = bisect_right(starts, start) - 1
        sentence = sentences[at] if at >= 0 and start < sentences[at][1] else (0, len(text))
        location = locate_event(text, (start, end), sentence, mentions, need_place=False,
                                country=country)
        if location is not None and location.tie >= threshold:
            found[-1] = location.mention
    return found


#: Verbs of saying and being: the span task may ask about them, but they report or describe an
#: event rather than being one.
_NOT_HAPPENINGS = frozenset("""said says say saying told tells reported reports claimed claims
stated announced added noted expressed stressed warned urged denied accused was were is are be
been""".split())
