"""The words and patterns casualty reports are read with: hedges ("at least"), casualty verbs,
counts tied to people, tolls, "no casualties", "unknown number", and totals given "across" several
attacks. :mod:`geomap.events.casualties` applies them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from geomap.events.numbers import NumberWords, number_words
from geomap.events.people import PersonWords, person_words
from geomap.lexicons import ENGLISH, Lexicon, built_from

AUX = r"(?:\s+(?:were|was|are|is|have|has|had|been|being|got|get|reportedly|also|all|later|" \
       r"allegedly|subsequently|then|both|each|instantly|immediately|confirmed|reported))*\s*$"
BOUNDARY = re.compile(r"[;:\[\]]|[.!?](?:\s|$)|"
                       r"\b(?:while|whereas|but|after|when|following|during)\b",
                       re.IGNORECASE)
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
#: "..., among them two raiders and a night watchman, ...": parts of a total already given.
BREAKDOWN = re.compile(r"\b(?:including|among them|of whom|of which)\b[^,;.]*", re.IGNORECASE)
#: "Jan Odel, a village elder, and one raider were killed": a name's apposition, not a person
#: more (the name itself is counted as one).
NAME_APPOSITION = re.compile(r"(?-i:[A-Z][\w'’-]+)(?:\s+(?-i:[A-Z][\w'’-]+))*,\s+"
                             r"(?P<app>(?:an?|the)\s[^,;.]*?),", re.IGNORECASE)
#: "One of the five dead was a child": a part of victims already counted.
PARTITIVE = re.compile(r"\bof (?:the|those|these) (?:\w+ )?$", re.IGNORECASE)
PERPETRATOR_TOO = re.compile(r"\bin addition to (?:the|an) (?:assailant|attacker|bomber|"
                              r"perpetrator|gunman)\b", re.IGNORECASE)
SELF_KILLED = re.compile(r"\b(?:killed|shot) (?:himself|herself)\b", re.IGNORECASE)
PERPETRATOR_COUNTED = re.compile(r"\b(?:including|and) (?:the|an|one) (?:assailant|attacker|"
                                  r"gunman|shooter|perpetrator)\b", re.IGNORECASE)
YEAR = re.compile(r"^(?:1[89]\d\d|20\d\d)$")



@dataclass(frozen=True, slots=True, eq=False)
class CasualtyWords:
    """A lexicon's casualty patterns: its hedges, casualty verbs and nouns, the words that make
    a number no count of people, and the words for several events. Built once per lexicon, so
    it hashes by identity (a cache key as cheap as the text beside it)."""

    hedge: str  # a subject's hedge, as a pattern (group "hedge")
    hedge_low: frozenset[str]  # hedges that are floors ("at least")
    hedge_high: frozenset[str]  # ... and ceilings ("up to")
    active_hedge: str  # hedges before an active verb's object kept as its bound
    kill: str
    wound: str
    verb: re.Pattern
    active_verbs: frozenset[str]
    nominal: frozenset[str]  # casualty nouns ("deaths", "bodies")
    object: re.Pattern
    subject_count: re.Pattern
    not_people_after: re.Pattern
    not_people_before: re.Pattern
    toll: re.Pattern
    across: re.Pattern
    across_parts: re.Pattern
    one_of: re.Pattern
    nominal_count: re.Pattern
    more_object: re.Pattern
    more_bare: re.Pattern
    titled: re.Pattern
    unknown: re.Pattern
    apposition: re.Pattern
    reduced: re.Pattern
    people: PersonWords
    numbers: NumberWords


def casualty_words(lexicon: Lexicon = ENGLISH) -> CasualtyWords:
    """The casualty patterns of ``lexicon`` (built on first use, then kept)."""
    return built_from(lexicon, _build)


def _build(lexicon: Lexicon) -> CasualtyWords:
    hedges = lexicon.hedges
    people, numbers = person_words(lexicon), number_words(lexicon)
    PERSON, COUNT, COUNT_OR_ONE = people.person, numbers.count, people.count_or_one  # noqa: N806
    # Hedges before a count (casualties.toml's [[hedge]] table): all of them before a subject,
    # the bounding ones as floors ("at least") or ceilings ("up to"); before the object of an
    # active verb ("killed at least 4"), and the ones kept as its bound.
    hedge = f"(?P<hedge>{'|'.join(h.phrase for h in hedges if h.subject)})"
    object_hedge = "|".join(h.phrase for h in hedges if h.object)
    kill, wound = "|".join(lexicon.kill), "|".join(lexicon.wound)
    low_count = COUNT.replace("(?P<num>", "(?P<lownum>")
    several = f"(?:{'|'.join(lexicon.several_events)})"
    # A day's name, capitalised, is no person's name ("the mayor Sunday").
    weekdays = "|".join(day.capitalize() for day in lexicon.weekdays)
    # ... up to the first "and" (never past another casualty verb: "killed 2 and hurt 5 men").
    more = rf"^(?:,?\s+(?!(?:and|{kill}|{wound})\b)[\w'’()-]+){{0,7}}?\s*,?\s+and\s+"
    return CasualtyWords(
        hedge=hedge,
        hedge_low=frozenset(h.phrase for h in hedges if h.bound == "low"),
        hedge_high=frozenset(h.phrase for h in hedges if h.bound == "high"),
        active_hedge="|".join(h.phrase for h in hedges if h.active),
        kill=kill, wound=wound,
        verb=re.compile(rf"\b(?:(?P<kill>{kill})|(?P<wound>{wound}))\b", re.IGNORECASE),
        active_verbs=frozenset(lexicon.active_verbs),
        nominal=frozenset(lexicon.nominal),
        object=re.compile(rf"^\s+(?:(?:{object_hedge})\s+)?"
                          rf"(?:(?P<low>{low_count})\s*(?:-|–|to|or)\s*)?{COUNT_OR_ONE}"
                          rf"(?P<tail>(?:\s+[\w'’().-]+){{0,8}})", re.IGNORECASE),
        subject_count=re.compile(
            rf"(?<![\w.,-])(?:between\s+(?P<low>{low_count})\s+and\s+|"
            rf"{hedge}\s+)?{COUNT_OR_ONE}(?![\w-]|,\d|\.\d)", re.IGNORECASE),
        not_people_after=re.compile(
            rf"^\s*(?:{'|'.join(lexicon.not_people_after)})(?![a-z])", re.IGNORECASE),
        not_people_before=re.compile(
            rf"(?<!\w)(?:{'|'.join(lexicon.not_people_before)})[\s.-]*$", re.IGNORECASE),
        toll=re.compile(
            rf"\b(?:death toll|toll|number of (?:the )?dead|number of deaths)\b[^.;]{{0,80}}?"
            rf"\b(?:to|at|of|reached|is|was|hit)\s+(?:{hedge}\s+)?{COUNT}", re.IGNORECASE),
        across=re.compile(rf"^[^.;]*?\bacross (?:(?:both|all|the|these|those|of|\w+) ){{0,3}}"
                          rf"(?:\w+ )?{several}", re.IGNORECASE),
        # "across both attacks", "across all three clashes": the phrase itself says how many.
        across_parts=re.compile(rf"\bacross (?:all )?(?P<num>{'|'.join(lexicon.parts)}|\d+) "
                                rf"(?:of the )?(?:\w+ )?{several}", re.IGNORECASE),
        one_of=re.compile(rf"\bone of (?:at least )?{COUNT} (?:\w+ ){{0,2}}{several}",
                          re.IGNORECASE),
        nominal_count=re.compile(
            rf"(?:{hedge}\s+)?{COUNT}\s+(?:(?:confirmed|reported|civilian|more|further|other|"
            rf"military|rebel|militant|police|[A-Z]{{2,}})\s+)?$", re.IGNORECASE),
        more_object=re.compile(rf"{more}(?:{COUNT_OR_ONE})(?P<rest>(?:\s+[\w'’()-]+){{0,5}})",
                               re.IGNORECASE),
        more_bare=re.compile(rf"{more}(?P<noun>[a-z][\w-]*)\b(?!\s+(?:of|{PERSON})\b)"),
        # A title before a name: "headman Ras Odel", "port workers' leader Tomas Brel".
        titled=re.compile(rf"\s+(?:[a-z][\w-]*\s+){{0,3}}(?P<title>{PERSON})\s+"
                          rf"(?!(?:{weekdays})|Of\b|In\b|On\b)[A-Z]"),
        unknown=re.compile(
            r"\b(?:casualties (?:are |were |remain )?unknown|unknown number of|"
            r"unknown (?:if|whether)[^.]{0,60}"
            r"casualties|outcome of the (?:attack|incident|kidnapping|abduction|"
            r"hostage[- ]taking|hostage situation) (?:is|was|remains) unknown|"
            # a hostage's fate untold: "the fate of the other hostages is unknown", "remain in
            # captivity"
            rf"(?:fate|outcome|whereabouts) (?:of|for) (?:the )?(?:[\w'’-]+ ){{0,5}}?(?:{PERSON}|"
            r"kidnapp\w+|abduct\w+|attacks?|assaults?|(?-i:[A-Z][\w'’-]+))(?:,[^.]{0,80},)? "
            r"(?:is|are|was|were|remains?|remained) unknown|"
            r"(?:remain|remained|remains) in captivity|"
            r"(?:number|extent) of (?:casualties|fatalities) (?:is |was |remains )?"
            r"(?:unknown|unclear))", re.IGNORECASE),
        # "Two villagers, a baker and a retired postman, were killed": the people of a count
        # named again, one by one.
        apposition=re.compile(rf"{COUNT}\s+(?:[\w-]+\s+){{0,3}}?{PERSON},\s+(?P<app>(?:an?|one)"
                              rf"\s[^,;.]*?),\s+(?:were|have|had)\b", re.IGNORECASE),
        reduced=re.compile(rf"(?<![\w.,-]){COUNT}\s+(?:[\w-]+\s+)?(?P<noun>{PERSON})\s+$",
                           re.IGNORECASE),
        people=people, numbers=numbers,
    )


def hedged(value: int, hedge: str | None, low: int | None,
           words: CasualtyWords) -> tuple[int, int | None, int | None]:
    """(value, low bound, high bound) of a count with its hedge or range's low end: "at least
    12" -> (12, 12, None), "up to 80" -> (80, None, 80), "10-15" -> (10, 10, 15)."""
    if low is not None:
        return min(low, value), min(low, value), max(low, value)
    hedge = (hedge or "").lower()
    if hedge in words.hedge_low:
        return value, value, None
    if hedge in words.hedge_high:
        return value, None, value
    return value, None, None
