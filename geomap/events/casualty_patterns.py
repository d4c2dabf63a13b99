"""The words and patterns casualty reports are read with: hedges ("at least"), casualty verbs,
counts tied to people, tolls, "no casualties", "unknown number", and totals given "across" several
attacks. :mod:`geomap.events.casualties` applies them."""

from __future__ import annotations

import re

from geomap.events.numbers import COUNT
from geomap.events.people import COUNT_OR_ONE, PERSON
from geomap.lexicons import ENGLISH

#: Hedges before a count (casualties.toml's [[hedge]] table): all of them before a subject,
#: the bounding ones as floors ("at least") or ceilings ("up to").
HEDGE = f"(?P<hedge>{'|'.join(h.phrase for h in ENGLISH.hedges if h.subject)})"
HEDGE_LOW = {h.phrase for h in ENGLISH.hedges if h.bound == "low"}
HEDGE_HIGH = {h.phrase for h in ENGLISH.hedges if h.bound == "high"}
#: ... before the object of an active verb ("killed at least 4"), and the ones kept as its bound.
OBJECT_HEDGE = "|".join(h.phrase for h in ENGLISH.hedges if h.object)
ACTIVE_HEDGE = "|".join(h.phrase for h in ENGLISH.hedges if h.active)

KILL = "|".join(ENGLISH.kill)
WOUND = "|".join(ENGLISH.wound)
VERB = re.compile(rf"\b(?:(?P<kill>{KILL})|(?P<wound>{WOUND}))\b", re.IGNORECASE)

ACTIVE_VERBS = frozenset(ENGLISH.active_verbs)
OBJECT = re.compile(
    rf"^\s+(?:(?:{OBJECT_HEDGE})\s+)?"
    rf"(?:(?P<low>{COUNT.replace('(?P<num>', '(?P<lownum>')})\s*(?:-|–|to|or)\s*)?{COUNT_OR_ONE}"
    rf"(?P<tail>(?:\s+[\w'’().-]+){{0,8}})",
    re.IGNORECASE,
)
SUBJECT_COUNT = re.compile(
    rf"(?<![\w.,-])(?:between\s+(?P<low>{COUNT.replace('(?P<num>', '(?P<lownum>')})\s+and\s+|"
    rf"{HEDGE}\s+)?{COUNT_OR_ONE}(?![\w-]|,\d|\.\d)",
    re.IGNORECASE,
)
NOT_PEOPLE_AFTER = re.compile(rf"^\s*(?:{'|'.join(ENGLISH.not_people_after)})(?![a-z])",
                              re.IGNORECASE)
NOT_PEOPLE_BEFORE = re.compile(rf"(?<!\w)(?:{'|'.join(ENGLISH.not_people_before)})[\s.-]*$",
                               re.IGNORECASE)
AUX = r"(?:\s+(?:were|was|are|is|have|has|had|been|being|got|get|reportedly|also|all|later|" \
       r"allegedly|subsequently|then|both|each|instantly|immediately|confirmed|reported))*\s*$"
BOUNDARY = re.compile(r"[;:\[\]]|[.!?](?:\s|$)|"
                       r"\b(?:while|whereas|but|after|when|following|during)\b",
                       re.IGNORECASE)
TOLL = re.compile(
    rf"\b(?:death toll|toll|number of (?:the )?dead|number of deaths)\b[^.;]{{0,80}}?"
    rf"\b(?:to|at|of|reached|is|was|hit)\s+(?:{HEDGE}\s+)?{COUNT}",
    re.IGNORECASE,
)
ZERO = re.compile(
    r"\b(?:no (?:reported |reports? (?:of|on) (?:any )?)?(?:casualties|fatalities|deaths|injuries|"
    r"one was (?:killed|hurt|injured))|without (?:any )?casualties|nobody was (?:killed|hurt|"
    r"injured)|no one was (?:killed|hurt|injured)|(?:neither|no) (?:injuries|fatalities|"
    r"casualties) (?:nor|or) (?:injuries|fatalities|casualties))\b",
    re.IGNORECASE,
)
ZERO_INJURED = re.compile(r"\bno (?:reported |reports? (?:of|on) (?:any )?)?"
                           r"(?:injuries|one (?:was )?(?:hurt|injured))\b",
                           re.IGNORECASE)
UNKNOWN = re.compile(
    r"\b(?:casualties (?:are |were |remain )?unknown|unknown number of|"
    r"unknown (?:if|whether)[^.]{0,60}"
    r"casualties|outcome of the (?:attack|incident|kidnapping|abduction|hostage[- ]taking|"
    r"hostage situation) (?:is|was|remains) unknown|"
    # a hostage's fate untold: "the fate of the other hostages is unknown", "remain in captivity"
    rf"(?:fate|outcome|whereabouts) (?:of|for) (?:the )?(?:[\w'’-]+ ){{0,5}}?(?:{PERSON}|"
    r"kidnapp\w+|abduct\w+|attacks?|assaults?|(?-i:[A-Z][\w'’-]+))(?:,[^.]{0,80},)? "
    r"(?:is|are|was|were|remains?|remained) unknown|(?:remain|remained|remains) in captivity|"
    r"(?:number|extent) of (?:casualties|fatalities) (?:is |was |remains )?(?:unknown|unclear))",
    re.IGNORECASE,
)
#: "..., among them two raiders and a night watchman, ...": parts of a total already given.
BREAKDOWN = re.compile(r"\b(?:including|among them|of whom|of which)\b[^,;.]*", re.IGNORECASE)
#: "Two villagers, a baker and a retired postman, were killed": the people of a count named
#: again, one by one.
APPOSITION = re.compile(rf"{COUNT}\s+(?:[\w-]+\s+){{0,3}}?{PERSON},\s+(?P<app>(?:an?|one)\s"
                        rf"[^,;.]*?),\s+(?:were|have|had)\b", re.IGNORECASE)
#: "Jan Odel, a village elder, and one raider were killed": a name's apposition, not a person
#: more (the name itself is counted as one).
NAME_APPOSITION = re.compile(r"(?-i:[A-Z][\w'’-]+)(?:\s+(?-i:[A-Z][\w'’-]+))*,\s+"
                             r"(?P<app>(?:an?|the)\s[^,;.]*?),", re.IGNORECASE)
#: "One of the five dead was a child": a part of victims already counted.
PARTITIVE = re.compile(r"\bof (?:the|those|these) (?:\w+ )?$", re.IGNORECASE)
SEVERAL_EVENTS = f"(?:{'|'.join(ENGLISH.several_events)})"
ACROSS = re.compile(rf"^[^.;]*?\bacross (?:(?:both|all|the|these|those|of|\w+) ){{0,3}}"
                     rf"(?:\w+ )?{SEVERAL_EVENTS}", re.IGNORECASE)
#: "across both attacks", "across all three clashes": the phrase itself says how many.
ACROSS_PARTS = re.compile(rf"\bacross (?:all )?(?P<num>{'|'.join(ENGLISH.parts)}|\d+) "
                          rf"(?:of the )?(?:\w+ )?{SEVERAL_EVENTS}", re.IGNORECASE)
ONE_OF = re.compile(rf"\bone of (?:at least )?{COUNT} (?:\w+ ){{0,2}}{SEVERAL_EVENTS}",
                     re.IGNORECASE)
PERPETRATOR_TOO = re.compile(r"\bin addition to (?:the|an) (?:assailant|attacker|bomber|"
                              r"perpetrator|gunman)\b", re.IGNORECASE)
SELF_KILLED = re.compile(r"\b(?:killed|shot) (?:himself|herself)\b", re.IGNORECASE)
PERPETRATOR_COUNTED = re.compile(r"\b(?:including|and) (?:the|an|one) (?:assailant|attacker|"
                                  r"gunman|shooter|perpetrator)\b", re.IGNORECASE)
YEAR = re.compile(r"^(?:1[89]\d\d|20\d\d)$")


def hedged(value: int, hedge: str | None, low: int | None) -> tuple[int, int | None, int | None]:
    """(value, low bound, high bound) of a count with its hedge or range's low end: "at least
    12" -> (12, 12, None), "up to 80" -> (80, None, 80), "10-15" -> (10, 10, 15)."""
    if low is not None:
        return min(low, value), min(low, value), max(low, value)
    hedge = (hedge or "").lower()
    if hedge in HEDGE_LOW:
        return value, value, None
    if hedge in HEDGE_HIGH:
        return value, None, value
    return value, None, None
