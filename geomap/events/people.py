"""Who counts as a person in a casualty report: person nouns, titles, names, and the people a
plural subject names without a count ("the ferryman and his nephew were killed")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from geomap.events.numbers import number_words
from geomap.lexicons import ENGLISH, Lexicon, built_from


@dataclass(frozen=True, slots=True, eq=False)
class PersonWords:
    """A lexicon's person nouns and the patterns made of them (built once per lexicon)."""

    person: str  # a noun naming people (people.toml's "person": titles, trades, kin, armed men)
    count_or_one: str  # a count, or a word that stands for one person ("a soldier", "his son")
    person_re: re.Pattern
    month: re.Pattern  # a month's name (its first three letters, as the shortest forms)
    plural_nouns: frozenset[str]
    thing: re.Pattern
    any_count: re.Pattern
    both: re.Pattern


def person_words(lexicon: Lexicon = ENGLISH) -> PersonWords:
    """The person words of ``lexicon`` (built on first use, then kept)."""
    return built_from(lexicon, _build)


def _build(lexicon: Lexicon) -> PersonWords:
    person = f"(?:{'|'.join(lexicon.person)})"
    count_or_one = number_words(lexicon).count.replace(
        "(?P<num>", r"(?P<num>(?:an|a|another|his|her)(?=\s)|", 1)
    return PersonWords(
        person, count_or_one, re.compile(rf"\b{person}\b", re.IGNORECASE),
        re.compile(rf"^(?:{'|'.join(forms[0][:3] for forms in lexicon.months)})", re.IGNORECASE),
        frozenset(lexicon.plural_nouns),
        re.compile(f"(?:{'|'.join(lexicon.things)})", re.IGNORECASE),
        re.compile(rf"(?:^|\s){count_or_one}\b", re.IGNORECASE),
        re.compile(rf"both\s+(?:of\s+)?(?:the\s+|their\s+)?(?:[\w-]+\s+){{0,2}}{person}",
                   re.IGNORECASE))


#: English's person noun and count-or-one patterns.
PERSON = person_words(ENGLISH).person
COUNT_OR_ONE = person_words(ENGLISH).count_or_one


def person_follows(after: str, p: PersonWords, words_limit: int = 6) -> bool:
    """A person noun within a few words, with no other number or month in between."""
    words = re.findall(r"[\w'’-]+", after)[:words_limit + 3]
    for index, word in enumerate(words):
        if p.person_re.fullmatch(word):
            return True
        if index == 0 and word.lower() in {"of", "more", "other", "further"}:
            continue  # "hundreds of civilians", "two more soldiers"
        if word == "of" and _in_long_name(words, index):
            continue  # "a Ministry of Coastal Defence (MCD) guard": one long name
        if index >= words_limit and not word[:1].isupper():
            return False
        if p.month.match(word) and len(word) <= 9 or re.fullmatch(r"\d[\d,]*", word) or (
                word.lower() in {"and", "or", "of", "in", "at", "on", "from"}):
            return False
    return False


_CONJUNCT = re.compile(r"(\s*,\s*(?:and\s+)?|\s+and\s+)")
_DETERMINER = re.compile(r"(?:the|his|her|their|its)\s+", re.IGNORECASE)
_NAME = re.compile(r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|(?:al|el|bin|ibn|abu|de|del|da|van|"
                   r"von)\b[\w'’-]*)){0,5}")


def uncounted_people(subject: str, breakdowns: list[tuple[int, int]], p: PersonWords) -> int:
    """How many people a plural subject names without a count: "X and his son" -> 2, "the
    driver and 3 guards" -> 1 (the 3 are counted as figures). Read back from the verb through
    the coordinated phrases only; a "the ..." phrase right after a name and a comma describes
    that name ("Odel, the port clerk, and his son"). A dash ends a dateline or an aside,
    never a list of victims."""
    offset = 0
    for dash in _DASH.finditer(subject):
        offset = dash.end()
    breakdowns = [(a - offset, b - offset) for a, b in breakdowns]
    pieces = _CONJUNCT.split(subject[offset:])
    starts = [sum(len(p) for p in pieces[:i]) for i in range(len(pieces))]
    phrases = [(pieces[i].strip(), pieces[i - 1] if i else "", starts[i])
               for i in range(0, len(pieces), 2)]
    kinds = []
    for phrase, separator, start in reversed(phrases):
        if len(phrase.split()) > _MAX_PHRASE_WORDS:
            break
        if any(a <= start < b for a, b in breakdowns) or p.any_count.search(phrase):
            kinds.append(("counted", separator))
            continue
        determiner = _DETERMINER.match(phrase)
        if p.both.fullmatch(phrase):
            kinds.append(("pair", separator))  # "Both assailants were killed"
        elif determiner and singular_person_follows(" " + phrase[determiner.end():], p):
            kinds.append(("described", separator))
        elif _NAME.fullmatch(phrase) and not p.person_re.match(phrase):
            kinds.append(("name", separator))
        else:
            break
    kinds.reverse()
    count = 0
    for index, (kind, separator) in enumerate(kinds):
        appositive = kind == "described" and index and kinds[index - 1][0] == "name" and \
            "and" not in separator
        count += 2 if kind == "pair" else kind in {"name", "described"} and not appositive
    return count


_MAX_PHRASE_WORDS = 8
_DASH = re.compile(r"\s(?:-{1,2}|\u2013|\u2014)\s|\u2013|\u2014")




def _in_long_name(words: list[str], index: int) -> bool:
    """A word of a long proper name after the first: "Ministry of Coastal Defence"."""
    word = words[index]
    return index > 0 and (word[:1].isupper() or (word == "of" and words[index - 1][:1].isupper()))


def singular_person_follows(after: str, p: PersonWords) -> bool:
    """"a soldier", "a police officer", "a 25-year-old man" (the head noun is singular)."""
    words = re.findall(r"[\w'’-]+", after)[:10]
    names = 0  # capitalised words of a long name ("a Ministry of Coastal Defence guard")
    for index, word in enumerate(words):
        if index >= 4 + names:
            break
        if _in_long_name(words, index):
            names += 1
        if p.person_re.fullmatch(word):
            while index + 1 < len(words) and p.person_re.fullmatch(words[index + 1]):
                index += 1  # "police officer": the last noun is the head
            head = words[index].lower()
            if index + 1 < len(words) and p.thing.fullmatch(words[index + 1]):
                return False  # "a civilian vehicle", "a police truck": a thing, not a person
            return not (head.endswith("s") or head in p.plural_nouns)
        if re.fullmatch(r"\d[\d,]*", word) or (word.lower() in {"and", "or", "of"}
                                                 and not (word == "of" and names)):
            return False
    return False
