"""Who counts as a person in a casualty report: person nouns, titles, names, and the people a
plural subject names without a count ("the ferryman and his nephew were killed")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from geomap.events.numbers import number_words
from geomap.lexicons import ENGLISH, Lexicon, built_from
from geomap.lexicons.phrases import checked, compile_phrases


@dataclass(frozen=True, slots=True, eq=False)
class PersonWords:
    """A lexicon's person nouns and the patterns made of them (built once per lexicon)."""

    person: str  # a noun naming people (people.toml's "person": titles, trades, kin, armed men)
    count_or_one: str  # a count, or a word that stands for one person ("a soldier", "his son")
    name_particles: str  # the particles of personal names, as a pattern
    person_re: re.Pattern
    month: re.Pattern  # a month's name (its first three letters, as the shortest forms)
    plural_nouns: frozenset[str]
    thing: re.Pattern
    any_count: re.Pattern
    g: PeopleGrammar  # people.toml's [grammar] and [sets]


@dataclass(frozen=True, slots=True)
class PeopleGrammar:
    """people.toml's [grammar] phrases and [sets] (the file says what each is for)."""

    both: re.Pattern
    conjunct: re.Pattern
    determiner: re.Pattern
    name: re.Pattern
    one_person: tuple[str, ...]
    count_links: frozenset[str]
    count_breaks: frozenset[str]
    singular_breaks: frozenset[str]
    name_links: frozenset[str]
    conjunctions: tuple[str, ...]
    name_particles: tuple[str, ...]


def person_words(lexicon: Lexicon = ENGLISH) -> PersonWords:
    """The person words of ``lexicon`` (built on first use, then kept)."""
    return built_from(lexicon, _build)


def _build(lexicon: Lexicon) -> PersonWords:
    sets = dict(lexicon.people_sets)
    person = f"(?:{'|'.join(lexicon.person)})"
    particles = "|".join(sets.get("name_particles", ()))
    values: dict[str, object] = dict(compile_phrases(
        lexicon, "people.toml [grammar]", lexicon.people_grammar,
        {"person": person, "name_particles": particles}))
    values |= {name: tuple(words) if name in _ORDERED else frozenset(words)
               for name, words in sets.items()}
    grammar = checked(PeopleGrammar, values, lexicon, "people.toml")
    count_or_one = number_words(lexicon).count.replace(
        "(?P<num>", rf"(?P<num>(?:{'|'.join(grammar.one_person)})(?=\s)|", 1)
    return PersonWords(
        person, count_or_one, particles, re.compile(rf"\b{person}\b", re.IGNORECASE),
        re.compile(rf"^(?:{'|'.join(forms[0][:3] for forms in lexicon.months)})", re.IGNORECASE),
        frozenset(lexicon.plural_nouns),
        re.compile(f"(?:{'|'.join(lexicon.things)})", re.IGNORECASE),
        re.compile(rf"(?:^|\s){count_or_one}\b", re.IGNORECASE),
        grammar)


_ORDERED = {"one_person", "conjunctions", "name_particles"}  # kept as tuples: order matters


#: English's person noun and count-or-one patterns.
PERSON = person_words(ENGLISH).person
COUNT_OR_ONE = person_words(ENGLISH).count_or_one


def person_follows(after: str, p: PersonWords, words_limit: int = 6) -> bool:
    """A person noun within a few words, with no other number or month in between."""
    words = re.findall(r"[\w'’-]+", after)[:words_limit + 3]
    for index, word in enumerate(words):
        if p.person_re.fullmatch(word):
            return True
        if index == 0 and word.lower() in p.g.count_links:
            continue  # "hundreds of civilians", "two more soldiers"
        if word in p.g.name_links and _in_long_name(words, index, p):
            continue  # "a Ministry of Coastal Defence (MCD) guard": one long name
        if index >= words_limit and not word[:1].isupper():
            return False
        if p.month.match(word) and len(word) <= 9 or re.fullmatch(r"\d[\d,]*", word) or (
                word.lower() in p.g.count_breaks):
            return False
    return False


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
    pieces = p.g.conjunct.split(subject[offset:])
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
        determiner = p.g.determiner.match(phrase)
        if p.g.both.fullmatch(phrase):
            kinds.append(("pair", separator))  # "Both assailants were killed"
        elif determiner and singular_person_follows(" " + phrase[determiner.end():], p):
            kinds.append(("described", separator))
        elif p.g.name.fullmatch(phrase) and not p.person_re.match(phrase):
            kinds.append(("name", separator))
        else:
            break
    kinds.reverse()
    count = 0
    for index, (kind, separator) in enumerate(kinds):
        appositive = kind == "described" and index and kinds[index - 1][0] == "name" and \
            not any(word in separator for word in p.g.conjunctions)
        count += 2 if kind == "pair" else kind in {"name", "described"} and not appositive
    return count


_MAX_PHRASE_WORDS = 8
_DASH = re.compile(r"\s(?:-{1,2}|\u2013|\u2014)\s|\u2013|\u2014")


def _in_long_name(words: list[str], index: int, p: PersonWords) -> bool:
    """A word of a long proper name after the first: "Ministry of Coastal Defence"."""
    word = words[index]
    return index > 0 and (word[:1].isupper() or (word in p.g.name_links
                                                 and words[index - 1][:1].isupper()))


def singular_person_follows(after: str, p: PersonWords) -> bool:
    """"a soldier", "a police officer", "a 25-year-old man" (the head noun is singular)."""
    words = re.findall(r"[\w'’-]+", after)[:10]
    names = 0  # capitalised words of a long name ("a Ministry of Coastal Defence guard")
    for index, word in enumerate(words):
        if index >= 4 + names:
            break
        if _in_long_name(words, index, p):
            names += 1
        if p.person_re.fullmatch(word):
            while index + 1 < len(words) and p.person_re.fullmatch(words[index + 1]):
                index += 1  # "police officer": the last noun is the head
            head = words[index].lower()
            if index + 1 < len(words) and p.thing.fullmatch(words[index + 1]):
                return False  # "a civilian vehicle", "a police truck": a thing, not a person
            return not (head.endswith("s") or head in p.plural_nouns)
        if re.fullmatch(r"\d[\d,]*", word) or (word.lower() in p.g.singular_breaks
                                                 and not (word in p.g.name_links and names)):
            return False
    return False
