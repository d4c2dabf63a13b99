"""The grammar of casualty reports, read from a lexicon's ``casualties.toml`` ([fragments],
[grammar], [sets]): the phrases around counts and casualty verbs ("no casualties", "the death
toll rose to", "killed or injured", "one of the five dead") compiled once per lexicon, so the
reader in :mod:`geomap.events.casualties` holds no word of any language."""

from __future__ import annotations

import re
from dataclasses import dataclass

from geomap.lexicons import Lexicon
from geomap.lexicons.phrases import checked, compile_phrases, fill


@dataclass(frozen=True, slots=True)
class CasualtyGrammar:
    """One compiled pattern per [grammar] phrase (matched without case except inside
    ``(?-i:...)``) and one set per [sets] list; casualties.toml says what each is for."""

    auxiliaries: re.Pattern
    boundary: re.Pattern
    zero: re.Pattern
    zero_injured: re.Pattern
    breakdown: re.Pattern
    name_apposition: re.Pattern
    partitive: re.Pattern
    perpetrator_too: re.Pattern
    self_killed: re.Pattern
    perpetrator_counted: re.Pattern
    object: re.Pattern
    subject_count: re.Pattern
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
    named_group: re.Pattern
    or_after: re.Pattern
    or_before: re.Pattern
    passive: re.Pattern
    the_object: re.Pattern
    named_object: re.Pattern
    remains_of: re.Pattern
    of_one: re.Pattern
    caused: re.Pattern
    bare_count_end: re.Pattern
    reduced_end: re.Pattern
    single_before: re.Pattern
    negated: re.Pattern
    leaving: re.Pattern
    plural_passive: re.Pattern
    singular_passive: re.Pattern
    nobody: re.Pattern
    indefinite: frozenset[str]
    possessive: frozenset[str]
    one: frozenset[str]
    remains: frozenset[str]
    single_remains: frozenset[str]
    found_remains: frozenset[str]
    dead_adjective: frozenset[str]
    subject_is_victim: frozenset[str]
    both: frozenset[str]


def casualty_grammar(lexicon: Lexicon, slots: dict[str, str]) -> CasualtyGrammar:
    """The grammar of ``lexicon`` with its placeholders filled from ``slots`` (the patterns
    built from its word lists) and from its own [fragments]."""
    slots = dict(slots)
    slots |= {name: fill(pattern, slots) for name, pattern in lexicon.casualty_fragments}
    values: dict[str, object] = dict(compile_phrases(
        lexicon, "casualties.toml [grammar]", lexicon.casualty_grammar, slots))
    values |= {name: frozenset(words) for name, words in lexicon.casualty_sets}
    return checked(CasualtyGrammar, values, lexicon, "casualties.toml")
