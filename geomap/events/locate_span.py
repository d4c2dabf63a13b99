"""The span the event-geolocation task answers with: the whole name, nothing more.

The geoparser marks what it can resolve, which is sometimes part of a name ("Wadi" of "Wadi X",
"Tal" of "Tal Al-Y") and sometimes a name with the day after it ("X Saturday"). A span answer
should cover the place name as written: the capitalised words (and their particles) that go
on after the mention, and no day or month at its end.

Which name it answers with differs a little from the events' choice too: no continent, and a
region the verb governs clearly more closely than a town (ACLED would still want the town).
"""

from __future__ import annotations

import re
from operator import attrgetter

from geomap.events.locate_score import admin_level
from geomap.events.locate_words import LocateCues
from geomap.model import Mention, Place


def whole_name(text: str, mention: Mention, mentions: list[Mention],
               cues: LocateCues) -> Mention:
    """``mention`` trimmed of a trailing day or month and grown over the rest of its name."""
    start, end = mention.start, mention.end
    trailing = cues.trailing_calendar.search(text, start, end)
    if trailing is not None and trailing.start() > start:
        end = trailing.start()
    elif trailing is None:
        # a region or country after the name is a second name ("X California"); a town or
        # feature the geoparser read inside it is part of it ("Wadi X", "Y al-Z")
        starts = {m.start for m in mentions if m is not mention and admin_level(m.place) >= 2}
        while (more := cues.name_goes_on.match(text, end)) is not None and not any(
                end < at < more.end() for at in starts):
            end = more.end()
        # "Gulf of X": the name goes on over "of" (but "X District of Y" is two places)
        of_name = cues.of_name.search(text, max(start, end - 12), end + 60)
        if of_name is not None and of_name.start() < end < of_name.end():
            end = of_name.end()
    if _PARTICLE_FIRST.match(text, start) and (head := _HEAD_WORDS.search(
            text, max(0, start - 40), start)) is not None and not any(
                m.start < start and m.end > head.start() for m in mentions if m is not mention):
        start = head.start()  # "Hanish al-Y" read from "al-Y": a name opens on no particle
    elif (word := _WORD_BEFORE.search(text, max(0, start - 30), start)) is not None \
            and not _OPENS_SENTENCE.search(text, max(0, word.start() - 3), word.start()) \
            and not cues.class_word_alone.fullmatch(word.group(1)) \
            and not any(m.start < start and m.end > word.start() for m in mentions):
        start = word.start()  # "West X", "Plaza Y": a capitalised word of the name before it
    if (start, end) == (mention.start, mention.end):
        return mention
    return Mention(start, end, text[start:end], mention.kind, mention.place, mention.confidence,
                   mention.country_hint)


_PARTICLE_FIRST = re.compile(r"[a-z]{1,3}-[A-Z]")
# (one capitalised word, not an owner's "X's" nor a sentence's opening word "In", "The")
_WORD_BEFORE = re.compile(r"(?<![\w'’.‘-])([A-Z][a-z][\w]*) $")
_OPENS_SENTENCE = re.compile(r"(?:^|[.!?:;\"“(]\s*|\n\s*)$")
_HEAD_WORDS = re.compile(r"(?<![\w'’-])(?!(?:The|A|An|In|On|At)\s)(?:[A-Z][\w'’-]*\s){1,2}$")


def span_mentions(text: str, mentions: list[Mention], cues: LocateCues) -> list[Mention]:
    """The geoparser's ``mentions`` as the span task weighs them, in text order: grown over their
    particles and sites, without the names that name a person ("X's car"), a holiday ("X Day")
    or, unplaced, a community rather than a place, and with the names a place word governs that
    the geoparser did not mark."""
    mentions = with_sites(text, with_particles(text, mentions, cues), cues)
    kept = [_without_owner_mark(text, m) for m in mentions if m.kind != "literal" or (
        (m.place is not None or not _community(m.name, cues))
        and not cues.belonging.match(text, m.end) and not _HOLIDAY.match(text, m.end))]
    return sorted(kept + unmarked_names(text, mentions, cues), key=attrgetter("start"))


def _without_owner_mark(text: str, mention: Mention) -> Mention:
    """``mention`` without the "'s" the geoparser left on an owner's name it could not place
    ("in X's capital"): the name ends before it, and the words after it say what X owns."""
    if mention.place is not None or not _OWNER_END.search(mention.name):
        return mention
    end = mention.end - 2
    return Mention(mention.start, end, text[mention.start:end], mention.kind, mention.place,
                   mention.confidence, mention.country_hint)


def _community(name: str, cues: LocateCues) -> bool:
    """A people, a faith or their adjective ("Kurdish", "Serbs"), or an adjective made with a
    participle ("X-held"): the geoparser marks such words as names it cannot place."""
    qualified = cues.qualifier.search(name)
    return bool(cues.community_name.fullmatch(name)) or (
        qualified is not None and qualified.end() == len(name))


def unmarked_names(text: str, mentions: list[Mention], cues: LocateCues) -> list[Mention]:
    """Capitalised names a place word governs that the geoparser did not mark ("the village
    of X", "entered X"), as unresolved literal mentions: the span task can name a place its
    gazetteer lacks; and the names of sites ("X Hospital", "the Y Gorge"), the most specific
    place a sentence can give."""
    taken = [(m.start, m.end) for m in mentions]
    found = []
    for pattern in (cues.unmarked_place, cues.unmarked_site, cues.unmarked_governed,
                    cues.unmarked_classed, cues.unmarked_feature):
        for match in pattern.finditer(text):
            start, end = match.span("name")
            if any(start < e and s < end for s, e in taken) or _not_a_name(text[start:end]) \
                    or cues.class_word_alone.fullmatch(text, start, end) \
                    or cues.community_name.fullmatch(text, start, end):
                continue
            taken.append((start, end))
            found.append(Mention(start, end, text[start:end], "literal", None, 0.5))
    return found


def with_particles(text: str, mentions: list[Mention], cues: LocateCues) -> list[Mention]:
    """``mentions`` grown back over the lower-case particle their name opens on ("al-" of
    "al-X"), which the geoparser leaves out: the span is the whole name, and the word that
    governs it comes right before it."""
    grown = []
    for mention in mentions:
        particle = cues.leading_particle.search(text, max(0, mention.start - 5), mention.start)
        if particle is not None and mention.kind == "literal":
            start = particle.start()
            mention = Mention(start, mention.end, text[start:mention.end], mention.kind,
                              mention.place, mention.confidence, mention.country_hint)
        grown.append(mention)
    return grown


def with_sites(text: str, mentions: list[Mention], cues: LocateCues) -> list[Mention]:
    """``mentions`` with the names of sites that hold them ("X Hospital", "X Y University")
    in place of the names inside them: the geoparser reads the town a hospital is named after,
    but the site is where it happened."""
    sites = [match.span("name") for match in cues.unmarked_site.finditer(text)
             if not _OWNER.search(match.group("name"))]  # "X's Y Church" is X's
    if not sites:
        return mentions
    kept, added = [], {}
    for mention in mentions:
        site = next(((s, e) for s, e in sites if s <= mention.start and mention.end <= e
                     and (s, e) != (mention.start, mention.end)), None)
        if site is None or mention.kind not in ("literal", "embedded"):
            kept.append(mention)
        else:
            added[site] = Mention(site[0], site[1], text[site[0]:site[1]], "literal", None, 0.5)
    return kept + list(added.values())


def _not_a_name(name: str) -> bool:
    """All capitals and no digit ("UN", "I": an organisation or a numeral, while a grid square
    like "F-8" keeps its digit), an adjective made with a hyphen ("X-style", "X-led"), or an
    owner ("in X's support")."""
    return (name.isupper() and not any(c.isdigit() for c in name)) or bool(
        _ADJECTIVE_END.search(name))


_ADJECTIVE_END = re.compile(r"-[a-z]+$|['’]s$")
_OWNER = re.compile(r"['’]s\b")
_OWNER_END = re.compile(r"\w['’]s$")
#: "X Day" names a holiday ("Independence Day", "Quds Day"), not a place.
_HOLIDAY = re.compile(r" Day\b")


def is_continent(mention: Mention) -> bool:
    """A continent is too broad to be where an event happened ("fares rose across Asia", "the
    largest rally in Europe"): it names a setting, not a place."""
    return mention.place is not None and mention.place.feature_code == "CONT"


def closer_region(closest: Mention, best: Mention, trigger: tuple[int, int], lead: float,
                  margin: float) -> bool:
    """The preference for small places only breaks near-ties: the region tied most closely
    to the verb (``lead`` ahead of the ``best`` town, before that preference) is the answer
    when the lead is ``margin`` or more, unless it only says where the town lies."""
    return closest is not best and lead >= margin and not _named_within(best, closest, trigger)


def _named_within(town: Mention, region: Mention, trigger: tuple[int, int]) -> bool:
    """The town is named before the region on the same side of the verb ("X village of Y
    district of Z province was shelled", "died in the X quarter of Y, Z province"): the region
    only says where the town lies."""
    return town.end <= region.start and (region.end <= trigger[0] or town.start >= trigger[1])


def framing_region(cues: LocateCues, text: str, mention: Mention, mentions: list[Mention],
                   sentence: tuple[int, int]) -> Place | None:
    """The first-level region that closes the chain of names after ``mention`` ("X (Y)
    district, Z", "X village of Y district, Z", "X, Y and W districts, Z"), if the text names
    one."""
    cursor, region = mention.end, None
    for other in mentions:
        if other.start < mention.end or other.kind != "literal":
            continue
        if other.start > sentence[1] or not cues.chain_gap.match(text[cursor:other.start]):
            break
        if other.place is not None and admin_level(other.place) == 2:
            region = other.place
        cursor = other.end
    return region
