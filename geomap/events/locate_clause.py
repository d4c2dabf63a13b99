"""Whether a name lies in the event verb's own clause, or in its grievance: what stands between.

A semicolon, a word of saying ("officials in X said rebels attacked"), a comma that opens
another clause ("..., which X said") or a clause of what befell the victim afterwards ("and
later died at X") puts the name in another clause, where it usually places another event or the
speaker rather than this one. A name that only frames the event (the topic of a protest, a
country in another clause, the post of a person in an appositive) loses too (span task).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from geomap.events.locate_words import LocateCues
from geomap.model import Mention


@dataclass(frozen=True, slots=True)
class ClauseWeights:
    """What a clause boundary between verb and name takes from the name's tie."""

    #: a semicolon between name and verb: another clause, usually another event
    semicolon: float = -2.0
    #: a comma between verb and name that opens another clause rather than going on placing
    #: the verb, or a word of saying between them (span task only)
    other_clause: float = -1.5
    #: "killed since the start of the war in X" (span task): X places when the time began
    time_phrase: float = -1.5
    #: (span task) "protested against the bombing of X": X is what the protest is about
    grievance: float = -3.0
    #: (span task) "X, the group's commander in Y, was killed": Y is where X serves
    role_appositive: float = -1.5
    #: (span task) a country across a clause boundary from the verb ("was captured after going
    #: to X") frames that other clause: a country is too broad to tie itself to the event there
    country_across_clause: float = -1.5
    #: (span task) "near a X patrol", "the Y coalition": a country an article puts before an
    #: actor or a thing says whose it is, not where
    attributive: float = -3.0


CLAUSE = ClauseWeights()


def clause_cost(cues: LocateCues, text: str, mention: Mention, trigger: tuple[int, int],
                for_place: bool, weights: ClauseWeights = CLAUSE) -> float:
    """What the words between the verb at ``trigger`` and ``mention`` take from its tie (0 or
    less)."""
    between = text[min(trigger[1], mention.end):max(trigger[0], mention.start)]
    if ";" in between:
        return weights.semicolon
    if for_place:
        # (span task only: an event needs coordinates, and a neighbouring clause's place is
        # still its best guess; the span task may answer that the sentence gives none)
        return 0.0
    if cues.saying.search(between):
        return weights.other_clause  # "officials in X said rebels attacked": the speaker's place
    if mention.start >= trigger[1] and (_other_clause(cues, between)
                                        or cues.aftermath.search(between)):
        # ("captured in X and is being held at Y": Y is the jail, not where it happened)
        return weights.other_clause
    if mention.start >= trigger[1] and cues.time_opener.search(between):
        return weights.time_phrase
    if mention.end <= trigger[0] and (opener := cues.time_opener.search(
            text, max(0, mention.start - 80), mention.start)) is not None \
            and not _PUNCTUATION.search(text, opener.end(), mention.start):
        return weights.time_phrase  # "Since the war in X began, hundreds were killed"
    return 0.0


_PUNCTUATION = re.compile(r"[,;.]")  # closes a phrase of time before the name
_FIRST_WORD = re.compile(r"\s*(?:\W\s*)?(\w+(?:\s+(?:to|of))?)")


def _other_clause(cues: LocateCues, between: str) -> bool:
    """A comma between the verb and a name after it opens another clause ("..., which X
    said", "..., a town that X", "..., targeting X": a second event), unless a preposition
    after it goes on placing the verb ("..., in X", "..., near X"), a participle gives the
    event's toll ("..., killing five in X") or the name itself follows the comma."""
    if "," not in between:
        return False
    first = _FIRST_WORD.match(between.rsplit(",", 1)[1])
    if first is None:
        return False  # the name right after the comma: an apposition ("the capital, X")
    word = first.group(1).lower()
    # "..., killing five in X" gives the same event's toll, "..., during clashes in X" its
    # circumstances: no other clause
    return word not in cues.prepositions and word not in cues.toll_participles \
        and word not in cues.circumstance


def frame_cost(cues: LocateCues, text: str, mention: Mention, trigger: tuple[int, int],
               prep: str | None, country: bool, weights: ClauseWeights = CLAUSE) -> float:
    """(span task) What a name loses for only framing the event: the topic of a protest's
    grievance, a ``country`` named in another clause than the verb's or qualifying an actor
    ("a X patrol"), the post of a person in an appositive (0 or less). ``prep`` is the word
    that governs the name."""
    before = text[max(0, mention.start - 80):mention.start]
    cost = weights.grievance if grievance_topic(cues, text, mention, trigger, prep,
                                                before) else 0.0
    if country and across_clause(cues, text, mention, trigger):
        cost += weights.country_across_clause
    if _in_role_appositive(cues, text, mention, trigger):
        cost += weights.role_appositive
    if country and _attributive(cues, text, mention):
        cost += weights.attributive
    return cost


def _attributive(cues: LocateCues, text: str, mention: Mention) -> bool:
    """An article stands right before ``mention`` and an actor or a thing right after it ("a X
    patrol", "the Y coalition", "the Z chief"): the name qualifies that noun."""
    return cues.attributed.match(text, mention.end) is not None and \
        cues.article_just_before.search(text, max(0, mention.start - 5), mention.start) is not None


#: The comma closing an appositive right before the verb group ("X, the group's leader in Y,
#: was reportedly killed").
_CLOSES_BEFORE_VERB = re.compile(r"[^,;()]{0,30},\s*(?:(?:who|was|were|is|are|has|have|had|"
                                 r"been|also|reportedly|fatally|later|allegedly|then)\s+)*")
#: How far back (characters) the comma opening such an appositive may lie.
_APPOSITIVE_REACH = 100


def _in_role_appositive(cues: LocateCues, text: str, mention: Mention,
                        trigger: tuple[int, int]) -> bool:
    """``mention`` lies in an appositive that gives a person's role or standing, set off by
    commas right before the verb ("X, the group's commander in Y, was killed")."""
    if mention.end > trigger[0] or not _CLOSES_BEFORE_VERB.fullmatch(text, mention.end,
                                                                      trigger[0]):
        return False
    opening = text.rfind(",", max(0, mention.start - _APPOSITIVE_REACH), mention.start)
    return opening >= 0 and ";" not in text[opening:mention.start] and cues.role_noun.search(
        text, opening, mention.start) is not None


#: The prepositions by which a noun of a grievance governs what it is about ("the bombing of X",
#: "a war on Y"); "in" and "at" as often place the protest itself ("against the plan in X") ...
_TOPIC_PREPOSITIONS = frozenset({"of", "on"})
#: ... unless they follow a happening ("against the air offensive in X"; see
#: LocateCues.grievance_happening).
_HAPPENING_PREPOSITIONS = frozenset({"in", "at", "over"})
#: How far (characters) before the name that happening may be named.
_HAPPENING_REACH = 80


def grievance_topic(cues: LocateCues, text: str, mention: Mention, trigger: tuple[int, int],
                    prep: str | None, before: str) -> bool:
    """``mention`` is what a protest verb's grievance is about ("protested against the bombing
    of X", "against the air offensive in Y"): a noun after the grievance word governs it by "of"
    or "on" (``prep``), or a happening it names by "in", "at" or "over", and it is no town a
    class word names ("against the plan in the town of X"). ``before`` is the text before the
    name."""
    if mention.start < trigger[1] or not (prep in _TOPIC_PREPOSITIONS
                                          or prep in _HAPPENING_PREPOSITIONS) \
            or cues.protest_verb.fullmatch(text, trigger[0], trigger[1]) is None:
        return False
    grievance = cues.grievance.search(text, trigger[1], mention.start)
    if grievance is None or cues.naming_of.search(before):
        return False
    return prep in _TOPIC_PREPOSITIONS or cues.grievance_happening.search(
        text, max(grievance.end(), mention.start - _HAPPENING_REACH), mention.start) is not None


def across_clause(cues: LocateCues, text: str, mention: Mention, trigger: tuple[int, int]) -> bool:
    """A subordinate or relative clause opens between the verb and ``mention`` ("was captured
    after a trip to X", "X, where fighting goes on"): the name and the verb are in different
    clauses."""
    return cues.subordinator.search(
        text, min(trigger[1], mention.end), max(trigger[0], mention.start)) is not None
