"""The geoparser's vocabulary, built once per :class:`~geomap.lexicons.Lexicon`.

The lexicon holds the word lists as data (geoparse.toml, with month and day names from
calendar.toml and armed groups from actors.toml); :func:`words_of` turns them into the sets,
dicts and patterns the rules look words up in, once per lexicon. Every rule takes a ``Words``
(the English one by default), so a Geoparser built with another lexicon decides with its words.

    >>> words = words_of(ENGLISH)
    >>> "sunday" in words.days, "taliban" in words.group_names
    (True, True)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from geomap.geoparse.patterns import Patterns, compile_patterns
from geomap.lexicons import ENGLISH, Lexicon, built_from

Table = dict[str, str]


#: The only characters that match an ASCII letter when case is ignored but do not lower-case
#: to it (dotted and dotless I, long s): a text holding one is always scanned.
_ODD_FOLDS = ("\u0130", "\u0131", "\u017f")


@dataclass(frozen=True, slots=True)
class UnitWords:
    """Local unit words one country uses ("woreda", "barangay"), found in any case.

    Few articles hold one, and a case-blind regex scan is dear (the engine tries it at every
    position): a text whose lower-cased form holds none of the (ASCII) words has no match, and
    ``findall`` answers at once."""

    pattern: re.Pattern[str]
    words: tuple[str, ...]

    def findall(self, text: str) -> list[str]:
        if all(word.isascii() for word in self.words) and not any(
                odd in text for odd in _ODD_FOLDS):
            lowered = text.lower()
            if not any(word in lowered for word in self.words):
                return []
        return self.pattern.findall(text)


@dataclass(frozen=True, slots=True)
class Words:
    """Lower-case word sets and tables (see geoparse.toml for what each one decides)."""

    common_words: frozenset[str]
    person_followers: frozenset[str]
    not_places: frozenset[str]
    surnames: frozenset[str]
    not_place_phrases: frozenset[str]
    directions: frozenset[str]
    demonym_directions: frozenset[str]
    pathogens: frozenset[str]
    disease_words: frozenset[str]
    name_particles: frozenset[str]
    arabic_articles: frozenset[str]
    feature_words: frozenset[str]
    name_final_feature_words: frozenset[str]
    organisation_suffixes: frozenset[str]
    languages: frozenset[str]
    agencies: frozenset[str]
    titles: frozenset[str]
    offices: frozenset[str]
    given_names: frozenset[str]
    speech_verbs: frozenset[str]
    adverbs_before_verb: frozenset[str]
    organisation_heads: frozenset[str]
    organisation_of: frozenset[str]
    institution_heads: frozenset[str]
    street_class_words: frozenset[str]
    compass_initials: frozenset[str]
    metonym_before: frozenset[str]
    metonym_possessed: frozenset[str]
    modified_nouns: frozenset[str]
    modifier_participles: frozenset[str]
    place_acronyms: frozenset[str]
    place_class_words: frozenset[str]
    plural_class_words: frozenset[str]
    district_words: frozenset[str]
    admin_words: frozenset[str]
    town_words: frozenset[str]
    us_style_suffixes: frozenset[str]
    faiths: frozenset[str]
    resident_nouns: frozenset[str]
    facility_heads: frozenset[str]
    locative_prepositions: frozenset[str]
    leading_function_words: frozenset[str]
    language_prepositions: frozenset[str]
    articles: frozenset[str]
    containment_links: tuple[frozenset[str], ...]  # each link's words, as a set
    list_links: tuple[list[str], ...]  # ",", "and", ", and" ...: what joins a list's items
    list_conjunctions: frozenset[str]
    called_openers: frozenset[str]
    called_stops: frozenset[str]
    inside_openers: frozenset[str]
    inside_prepositions: frozenset[str]
    inside_participles: frozenset[str]
    saint_words: frozenset[str]
    party_letters: frozenset[str]
    motion_prepositions: frozenset[str]
    side_nouns: frozenset[str]
    side_verbs: frozenset[str]
    metonym_links: frozenset[str]
    word_endings: tuple[str, ...]  # for str.endswith
    short_forms: frozenset[str]
    us_state_names: frozenset[str]
    us_state_codes: frozenset[str]
    region_demonyms: Table
    country_unit_words: Table
    us_state_abbreviations: Table
    place_aliases: dict[tuple[str, ...], str]  # the alias's words -> the place standing for it
    # calendar.toml
    months: frozenset[str]
    days: frozenset[str]
    # derived: built here once rather than in each rule
    class_words: frozenset[str]  # any class word a containment phrase may hold
    class_after: frozenset[str]  # class words that may follow a name
    known_word_lists: tuple[frozenset[str], ...]  # words that continue no place's name
    not_locative: frozenset[str]  # words no "in X" place guess may contain
    not_names: frozenset[str]  # words no fuzzy search starts or ends with
    alias_starts: frozenset[str]
    unit_word: UnitWords
    patterns: Patterns  # the recogniser's phrase patterns
    # actors.toml: armed groups, keyed as group_key() spells them
    group_names: frozenset[str]
    group_first_words: frozenset[str]
    group_max_tokens: int


def group_key(words: str) -> str:
    """An armed group's name as the tables key it: lower case, hyphens and spaces alike."""
    return " ".join(re.split(r"[-\s]+", words.lower().replace("’", "'")))


def _build(lexicon: Lexicon) -> Words:
    g = lexicon.geoparse
    sets = {name: frozenset(getattr(g, name)) for name in (
        "common_words", "person_followers", "not_places", "surnames", "not_place_phrases",
        "directions", "demonym_directions", "pathogens", "disease_words", "name_particles",
        "arabic_articles", "feature_words", "name_final_feature_words", "organisation_suffixes",
        "languages", "agencies", "titles", "given_names", "speech_verbs", "adverbs_before_verb",
        "organisation_heads", "organisation_of", "institution_heads", "street_class_words",
        "compass_initials", "metonym_before",
        "metonym_possessed",
        "modified_nouns", "modifier_participles", "place_acronyms", "place_class_words",
        "plural_class_words", "district_words", "admin_words", "town_words", "us_style_suffixes",
        "faiths",
        "resident_nouns", "facility_heads", "locative_prepositions", "leading_function_words",
        "language_prepositions", "articles", "list_conjunctions", "called_openers",
        "called_stops", "inside_openers", "inside_prepositions", "inside_participles",
        "saint_words", "party_letters", "motion_prepositions", "side_nouns", "side_verbs",
        "metonym_links", "short_forms",
        "us_state_names", "us_state_codes")}
    months = frozenset(lexicon.month_forms())
    days = frozenset(lexicon.weekdays)
    aliases = {tuple(words.split()): place for words, place in g.place_aliases}
    units = dict(g.country_unit_words)
    groups = frozenset(group_key(name) for name in lexicon.group_aliases())
    s = sets
    return Words(
        **sets,
        offices=s["titles"] | frozenset(g.offices),
        word_endings=tuple(g.word_endings),
        containment_links=tuple(frozenset(link.split()) for link in g.containment_links),
        list_links=([","], *([c] for c in g.list_conjunctions),
                    *([",", c] for c in g.list_conjunctions)),
        region_demonyms=dict(g.region_demonyms),
        country_unit_words=units,
        us_state_abbreviations=dict(g.us_state_abbreviations),
        place_aliases=aliases,
        months=months,
        days=days,
        class_words=s["place_class_words"] | s["feature_words"]
        | frozenset(g.containment_class_words),
        class_after=s["place_class_words"] | s["feature_words"],
        known_word_lists=(
            s["common_words"], s["organisation_heads"], s["titles"], s["given_names"],
            s["surnames"], months, days, s["agencies"], s["directions"], s["feature_words"],
            s["place_class_words"], s["not_places"], s["speech_verbs"],
            s["organisation_suffixes"], s["name_particles"], s["disease_words"],
            s["facility_heads"]),
        not_locative=(s["common_words"] | months | days | s["titles"] | s["organisation_heads"]
                      | s["organisation_of"] | s["agencies"] | s["not_places"]
                      | s["given_names"] | s["directions"] | s["disease_words"]
                      | s["facility_heads"] | s["languages"]),
        not_names=(s["common_words"] | s["given_names"] | s["surnames"] | s["not_places"]
                   | s["titles"] | months | days | s["directions"]),
        alias_starts=frozenset(form for words in aliases
                               for form in (words[0].upper(), words[0].capitalize())),
        unit_word=UnitWords(re.compile(r"\b(?:" + "|".join(map(re.escape, units)) + r")\b",
                                       re.IGNORECASE), tuple(units)),
        patterns=compile_patterns(g),
        group_names=groups,
        group_first_words=frozenset(form for key in groups for word in [key.split()[0]]
                                    for form in (word, word.capitalize(), word.upper())),
        group_max_tokens=2 * max(len(key.split()) for key in groups),
    )


def words_of(lexicon: Lexicon) -> Words:
    """The geoparser's words for ``lexicon``, built once per lexicon and kept."""
    return built_from(lexicon, _build)


#: The English words, every rule's default.
ENGLISH_WORDS = words_of(ENGLISH)

__all__ = ["ENGLISH_WORDS", "Words", "group_key", "words_of"]
