"""The words and patterns casualty reports are read with: hedges ("at least"), casualty verbs,
counts tied to people, tolls, "no casualties", "unknown number", and totals given "across" several
attacks. :mod:`geomap.events.casualties` applies them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from geomap.events.casualty_grammar import CasualtyGrammar, casualty_grammar
from geomap.events.numbers import NumberWords, number_words
from geomap.events.people import PersonWords, person_words
from geomap.lexicons import ENGLISH, Lexicon, built_from

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
    not_people_after: re.Pattern
    not_people_before: re.Pattern
    reduced: re.Pattern
    g: CasualtyGrammar  # the phrases around counts and verbs (casualties.toml [grammar])
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
    kill, wound = "|".join(lexicon.kill), "|".join(lexicon.wound)
    slots = {
        "person": PERSON, "count": COUNT, "count_or_one": COUNT_OR_ONE,
        "low_count": COUNT.replace("(?P<num>", "(?P<lownum>"), "hedge": hedge,
        "object_hedge": "|".join(h.phrase for h in hedges if h.object),
        "kill": kill, "wound": wound, "several": f"(?:{'|'.join(lexicon.several_events)})",
        "parts": "|".join(lexicon.parts), "name_particles": people.name_particles,
        # a day's name, capitalised, is no person's name ("the mayor Sunday")
        "weekdays": "|".join(day.capitalize() for day in lexicon.weekdays),
    }
    return CasualtyWords(
        hedge=hedge,
        hedge_low=frozenset(h.phrase for h in hedges if h.bound == "low"),
        hedge_high=frozenset(h.phrase for h in hedges if h.bound == "high"),
        active_hedge="|".join(h.phrase for h in hedges if h.active),
        kill=kill, wound=wound,
        verb=re.compile(rf"\b(?:(?P<kill>{kill})|(?P<wound>{wound}))\b", re.IGNORECASE),
        active_verbs=frozenset(lexicon.active_verbs),
        nominal=frozenset(lexicon.nominal),
        not_people_after=re.compile(
            rf"^\s*(?:{'|'.join(lexicon.not_people_after)})(?![a-z])", re.IGNORECASE),
        not_people_before=re.compile(
            rf"(?<!\w)(?:{'|'.join(lexicon.not_people_before)})[\s.-]*$", re.IGNORECASE),
        reduced=re.compile(rf"(?<![\w.,-]){COUNT}\s+(?:[\w-]+\s+)?(?P<noun>{PERSON})\s+$",
                           re.IGNORECASE),
        g=casualty_grammar(lexicon, slots),
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
