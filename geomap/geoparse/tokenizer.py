"""Tokens: an article's words and punctuation marks, with their offsets and whether each opens
a sentence or a line -- what every stage of the geoparser reads (recognize.py re-exports them).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from geomap.geoparse.words import ENGLISH_WORDS, Words

# Hyphens are tokens of their own, so "Fargo-Moorhead" yields two names and "al-Assad" can start
# at "al"; apostrophes and dots stay inside words ("Ma'arrat", "U.S.", "Reuters.com"). (The
# inner parts are taken possessively: all that follows them is optional, so the engine never
# needs to give one back, and need not keep what it would take to.)
_TOKEN = re.compile(r"(\w+(?:['’.]\w+)*+\.?|[^\w\s])", re.UNICODE)
# ... except a full stop glued between a word and a capitalised one ("Palmyra.The army"): it ends
# the sentence and must not hide the name before it.
_GLUED_STOP = re.compile(r"(?<=\w\w\w)\.(?=[A-Z])")
_SENTENCE_END = frozenset(".!?")
_OPENERS = frozenset("\"'“‘([")


class Token(NamedTuple):
    """A word or punctuation mark; a named tuple because an article has thousands of them."""

    start: int
    end: int
    text: str
    sentence_initial: bool
    newline_before: bool

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()

    @property
    def all_caps(self) -> bool:
        return len(self.text) > 1 and self.text.isupper()


def tokenize(text: str, words: Words = ENGLISH_WORDS) -> list[Token]:
    """Word and punctuation tokens with sentence-initial and line-start flags (linear time);
    ``words`` says which abbreviations keep their full stop.

    No token spans a blank, so the text is cut at line breaks and blanks first, in C: a piece
    of letters and digits (85 % of an article's) is a token as it stands, and only the others
    ("U.S.", "Russia's", "(AP)") go through the token pattern -- which costs more than all the
    rest when it scans the whole text. A piece starts where it is next found (only blanks
    lie between)."""
    tokens: list[Token] = []
    append = tokens.append
    new = tuple.__new__  # Token(...) without the named tuple's Python-level __new__
    find = text.find
    initial = True
    position = 0
    last_line = 0  # the line of the token before
    for number, line in enumerate(text.split("\n")):
        pieces = line.split()
        if not pieces:
            continue
        # a line break before the line's first token; a blank line between ends a sentence
        newline = number > last_line
        if number > last_line + 1:
            initial = True
        last_line = number
        # This loop runs once per word of every article: the plain case takes one test.
        for piece in pieces:
            start = find(piece, position)
            position = start + len(piece)
            if piece.isalnum():
                append(new(Token, (start, position, piece, initial or newline, newline)))
                initial = newline = False
                continue
            if piece[-1] == "," and piece[:-1].isalnum():  # "Aleppo,": the next commonest
                append(new(Token, (start, position - 1, piece[:-1], initial or newline, newline)))
                append(new(Token, (position - 1, position, ",", False, False)))
                initial = newline = False
                continue
            initial = _piece_tokens(piece, start, initial, newline, append, words)
            newline = False
    return tokens


def _piece_tokens(piece: str, start: int, initial: bool, newline: bool, append,
                  words: Words) -> bool:
    """The tokens of one blank-free piece that is no plain word, appended (only the first can
    follow a line break); returns whether the next token opens a sentence."""
    new = tuple.__new__
    for word in _TOKEN.findall(piece):
        end = start + len(word)
        if word.isalnum():
            append(new(Token, (start, end, word, initial or newline, newline)))
            initial = newline = False
            start = end
            continue
        if "." in word:
            if _GLUED_STOP.search(word):
                *heads, word = _GLUED_STOP.split(word)
                for head in heads:
                    append(new(Token, (start, start + len(head), head, initial or newline,
                                       newline)))
                    append(new(Token, (start + len(head), start + len(head) + 1, ".", False,
                                       False)))
                    start += len(head) + 1
                    initial, newline = True, False
            if word[-1] == "." and len(word) > 1 and not _is_abbreviation(word, words):
                append(new(Token, (start, end - 1, word[:-1], initial or newline, newline)))
                append(new(Token, (end - 1, end, ".", False, False)))
                initial, newline = True, False
                start = end
                continue
        if word[-1] in "sS" and len(word) > 2 and word[-2] in "'’":
            # "Russia's" -> "Russia" + "'s": the possessive must not hide the name.
            append(new(Token, (start, end - 2, word[:-2], initial or newline, newline)))
            append(new(Token, (end - 2, end, word[-2:], False, False)))
            initial = newline = False
            start = end
            continue
        append(new(Token, (start, end, word, initial or newline, newline)))
        if word in _SENTENCE_END:
            initial = True
        elif word not in _OPENERS:
            initial = False
        newline = False
        start = end
    return initial


def _is_abbreviation(word: str, words: Words) -> bool:
    """An abbreviation keeps its full stop ("Gen. Ivan", "St. Louis"); a full word before a
    full stop ("Port-au-Prince.") ends the sentence instead."""
    bare = word.rstrip(".").lower()
    return (len(bare) == 1 or "." in bare or bare in words.short_forms
            or bare in words.us_state_abbreviations)
