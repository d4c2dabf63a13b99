"""The recogniser's phrase patterns ("the village of X", "X County", "Highway 19", "at X School",
"in X"), compiled from the lexicon's word lists (geoparse.toml's ``pattern_*`` entries) once per
lexicon; ``recognize.pattern_spans`` runs them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from geomap.lexicons.geoparse_words import GeoparseWords

NAME = r"(?:St\.|[A-Z](?:[\w’'-]*\w)?)"  # never ending in an apostrophe or a hyphen
GAP = r"[ \t]+"  # names never run across a line break
# A particle inside a name links two of its words, spaced or glued by a hyphen ("Rio de Janeiro",
# "Qasr al-Hayr"); a particle with no name after it ends the name before it.
_PARTICLE_LINK = r"(?:" + GAP + r"|-)"
#: NAME where a blank or the end of a word (no word character, apostrophe or hyphen) must follow
#: it: there only its longest reading can match, so the letters are taken at once instead of
#: being given back one by one, each time retrying what follows (most of a scan's cost).
NAME_BEFORE_BREAK = r"(?:St\.|[A-Z][\w’'-]*+)(?<![’'-])"


@dataclass(frozen=True, slots=True)
class Patterns:
    """Compiled phrase patterns: each one's group 1 (``of``: group 2) is the name.

    A scan over the article is most of a pattern's cost: the regex engine tries the pattern at
    every position unless it opens with a plain letter, when it skips at C speed to the letters
    a match can start with (``_word_start``; worth it for capitals, which are few, not for
    lower-case letters)."""

    of: re.Pattern[str]  # group 1 the class word, group 2 the name
    suffix: re.Pattern[str]  # group 1 the name, group 2 the class word
    route: re.Pattern[str]
    facility: re.Pattern[str]
    locative: re.Pattern[str]
    lowercase_class: frozenset[str]  # class words that announce a name without being part of it
    # Text every match of ``of`` (``facility``) contains: an article without it is not scanned
    # with the whole pattern (nine in ten articles lack the first, half the second).
    of_gate: re.Pattern[str]
    facility_gate: re.Pattern[str]
    # ``locative`` opens with a preposition that is a whole token of the article (the tokeniser
    # splits at blanks and punctuation), except after an apostrophe or a dot glued to a word
    # ("rock'n"): tried at those tokens alone, it skips the scan that stops at every a, i, n, o
    # and t of the text; ``locative_glued`` finds the exceptions (the article is then scanned).
    locative_words: frozenset[str]  # empty: a fragment is no plain word, always scan
    locative_glued: re.Pattern[str]


def _any(fragments: tuple[str, ...]) -> str:
    return "|".join(fragments)


#: After a pattern's first letter: the character before that letter is no word character, i.e.
#: the ``\\b`` before it, checked once the letter has matched so that the pattern opens with it.
_AFTER_FIRST = r"(?<!\w.)"
#: ``\\b`` then NAME, opening with NAME's capital (the "St." reading first, as NAME tries it).
#: (NAME_BEFORE_BREAK's form: the suffix pattern puts a blank after it)
_NAME_AT_WORD = r"[A-Z]" + _AFTER_FIRST + r"(?:(?<=S)t\.|[\w’'-]*+)(?<![’'-])"


def _word_start(fragments: tuple[str, ...]) -> str:
    """``\\b(?:a|b|...)`` with each alternative opening with its own first letter and the
    word boundary checked after it: the same matches, each alternative tried in its order. A
    fragment not opening with a plain letter keeps the lookahead form."""
    if not all(fragment[:1].isalpha() and fragment[1:2] not in {"?", "*", "+", "{"}
               and "|" not in fragment for fragment in fragments):
        return _starting(_firsts(fragments)) + r"\b(?:" + _any(fragments) + ")"
    return "(?:" + "|".join(f[0] + _AFTER_FIRST + f[1:] for f in fragments) + ")"


def _starting(letters: str | None) -> str:
    """A lookahead for the letters a match can start with: the scan then skips every other
    position at once (a pattern opening with ``\\b`` gives the regex engine no such hint)."""
    if not letters:
        return ""  # a fragment whose first letter is not plain: no hint, no risk
    return "(?=[" + "".join(sorted(set(letters))) + "])"


def _firsts(fragments: tuple[str, ...], either_case: bool = False) -> str | None:
    """The first letters of the fragments, or None when one does not open with a plain,
    unquantified letter (then any letter might start a match)."""
    letters = ""
    for fragment in fragments:
        if not fragment[:1].isalpha() or fragment[1:2] in {"?", "*", "{"} or "|" in fragment:
            return None
        letters += fragment[0]
    return letters + letters.swapcase() if either_case else letters


def _either_case(word: str) -> str:
    """"in" -> "[Ii]n": the word at a sentence's start or inside one."""
    return f"[{word[0].upper()}{word[0]}]{word[1:]}"


def compile_patterns(g: GeoparseWords) -> Patterns:
    """The patterns for one lexicon's words."""
    of_firsts = _firsts(g.pattern_of_class)
    of = re.compile(
        _starting(of_firsts and "Tt" + of_firsts) + r"\b(?:[Tt]he[ \t]+)?("
        + _any(g.pattern_of_class) + r")[ \t]+of[ \t]+(" + NAME + r"(?:" + GAP + r"(?:(?:"
        + _any(g.pattern_of_particles) + r")" + _PARTICLE_LINK + r")?" + NAME + r")*)")
    suffix = re.compile(
        r"(" + _NAME_AT_WORD + r"(?:" + GAP + NAME_BEFORE_BREAK + r"){0,2})" + GAP + r"("
        + _any(g.pattern_suffix_class)
        # "Main St." but not "St. Francis", "Ward Dr. Jones": an abbreviation before a name is
        # a title or a saint.
        + r"|(?:" + _any(g.pattern_suffix_abbreviations) + r")\.(?![ \t]+[A-Z]))"
        r"(?!\w)(?![ \t]*\d)")  # "Florida Highway 19" is a numbered route, found below
    route = re.compile(r"(" + _word_start(g.pattern_route_words) + r"[- ]\d+)\b")
    # "at Lincoln Park High School": a named facility after a locative preposition is where
    # something happened (GWN's "coercion" of an organisation into a location).
    facility = re.compile(
        _starting(_firsts(g.pattern_facility_before)) + r"\b(?:"
        + _any(g.pattern_facility_before) + r")[ \t]+(?:the[ \t]+)?(?:(?:"
        + _any(g.pattern_facility_modifiers) + r")[ \t]+)?((?:" + NAME_BEFORE_BREAK + GAP
        # (the last name may end before a hyphen: "(?!\w)" lets "of Foo-" end at "Foo")
        + r"){1,5}(?:" + _any(g.pattern_facility_words) + r")(?:[ \t]+(?:of|for)[ \t]+" + NAME
        + r")?)(?!\w)")
    # "in Ngoroba", "near Hawija": kept only when no other reading applies (see
    # recognize._locative_name_ok).
    locative = re.compile(
        _starting(_firsts(g.pattern_locative, either_case=True)) + r"\b(?:"
        + _any(tuple(map(_either_case, g.pattern_locative))) + r")[ \t]+"
        r"((?:" + _any(g.pattern_locative_articles) + r")?" + NAME + r"(?:" + GAP + r"(?:(?:"
        + _any(g.pattern_locative_particles) + r")" + _PARTICLE_LINK + r")?" + NAME + r"){0,3})"
        r"(?![\w’'-])(?![ \t]+(?:[A-Z]|of[ \t]+[A-Z]|(?:"
        + _any(g.pattern_not_after_locative) + r")\b))")
    plain = all(word.isalpha() and word.islower() for word in g.pattern_locative)
    return Patterns(of, suffix, route, facility, locative, frozenset(g.lowercase_class_words),
                    _of_gate(g.pattern_of_class), re.compile(_any(g.pattern_facility_words)),
                    frozenset(form for word in g.pattern_locative
                              for form in (word, word[0].upper() + word[1:])) if plain
                    else frozenset(),
                    re.compile(r"['’.](?:" + _any(tuple(map(_either_case, g.pattern_locative)))
                               + r")[ \t]"))


def _of_gate(classes: tuple[str, ...]) -> re.Pattern[str]:
    """"of" and a name after a class word ("town of X") or after two blanks (where the class
    word may lie further back): the search skips at C speed from one "of" to the next, and the
    few articles with a class word right before one are scanned with the whole pattern. Most
    articles have some "of X", few a "town of X". A class fragment that is more than letters
    with optional ones gets the plain "of X" gate, which only spares the articles with none."""
    words = [word for fragment in classes for word in _spellings(fragment) or [None]]
    if None in words:
        return re.compile(r"of[ \t]+(?:St\.|[A-Z])")
    before = "|".join(rf"(?<={re.escape(word)}[ \t]of)" for word in words)
    return re.compile(r"of(?:" + before + r"|(?<=[ \t][ \t]of))[ \t]+(?:St\.|[A-Z])")


def _spellings(fragment: str) -> list[str] | None:
    """The words a fragment of letters and optional letters matches ("neighbou?rhood": both
    spellings), or None for any other regex syntax."""
    spellings = [""]
    for k, char in enumerate(fragment):
        if char == "?":
            continue
        if not char.isalpha():
            return None
        if fragment[k + 1:k + 2] == "?":
            spellings = [s + extra for s in spellings for extra in (char, "")]
        else:
            spellings = [s + char for s in spellings]
    return spellings
