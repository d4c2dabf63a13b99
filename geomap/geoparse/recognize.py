"""Toponym recognition: a gazetteer-driven longest-match scan over capitalised token n-grams.

No model, no server: every capitalised token starts a scan that grows while the gazetteer knows the
words so far as the beginning of some name (``has_prefix``) and remembers the longest full name
(``has_name``). Pattern rules then add place-like spans the gazetteer lacks ("the village of X",
"X County") so that the fallback can try them. Deciding which matches are persons, organisations,
demonyms or metonyms is kinds.py's job.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from itertools import compress, count
from operator import itemgetter
from typing import Protocol

from geomap.geoparse.tokenizer import Token, tokenize
from geomap.geoparse.words import ENGLISH_WORDS, Words

__all__ = ["MAX_NAME_TOKENS", "GazetteerRecognizer", "Recognizer", "Span", "Token", "capitalised",
           "glued_article", "pattern_spans", "tokenize"]

MAX_NAME_TOKENS = 7
_ARTICLES = frozenset({"A", "An"})


@dataclass(frozen=True, slots=True)
class Span:
    """A candidate toponym span; ``first``/``last`` index the document's token list."""

    start: int
    end: int
    first: int
    last: int
    source: str = "gazetteer"  # gazetteer | pattern | demonym | external
    kind: str = "literal"
    country_hint: str | None = None
    feature_word: str | None = None  # "county", "village" ... when a pattern found it


class Recognizer(Protocol):
    """Anything that finds toponym spans: the default scan, or a plug-in (e.g. a spaCy model)."""

    def recognize(self, text: str, tokens: list[Token]) -> list[Span]: ...


_TEXT = itemgetter(2)
_INITIAL = itemgetter(slice(None, 1))  # a token's first letter ("" for an empty token)


def capitalised(tokens: list[Token], also: frozenset[str] = frozenset()) -> list[int]:
    """The positions of the tokens that begin with a capital, or are one of ``also``, in order.

    Every stage that looks at names starts from these few tokens; the scan runs in C (no
    Python step per token), which matters on long articles."""
    if also:  # (merging two scans costs more than one step per token)
        return [k for k, word in enumerate(map(_TEXT, tokens))
                if word[:1].isupper() or word in also]
    return list(compress(count(), map(str.isupper, map(_INITIAL, map(_TEXT, tokens)))))



class GazetteerRecognizer:
    """The default recogniser: longest gazetteer match over capitalised n-grams, plus patterns."""

    def __init__(self, gazetteer, normalize: Callable[[str], str], words: Words = ENGLISH_WORDS):
        self.gazetteer = gazetteer
        self.normalize = normalize
        self.words = words
        # Per process: whether a phrase is a name, and whether some name goes on after it
        # (asked only when the next token could continue one: most capitalised words are
        # followed by one that cannot, and the index's prefix search is its dearest question).
        self._names: dict[str, bool] = {}
        self._prefixes: dict[str, bool] = {}

    def is_name(self, phrase: str) -> bool:
        """Whether the gazetteer knows ``phrase`` as a name (cached per process)."""
        return self._ask(self._names, phrase, self.gazetteer.has_name)

    def _is_prefix(self, phrase: str) -> bool:
        """Whether some name begins with ``phrase`` and another word (cached per process)."""
        return self._ask(self._prefixes, phrase, self.gazetteer.has_prefix)

    def _ask(self, answers: dict[str, bool], phrase: str, question) -> bool:
        hit = answers.get(phrase)
        if hit is None:
            norm = self.normalize(phrase)
            hit = bool(norm) and question(norm)
            if len(answers) > 500_000:
                answers.clear()
            answers[phrase] = hit
        return hit

    def _joined_pair(self, text: str, tokens: list[Token], i: int) -> bool:
        # Most capitalised words are followed by a lower-case one: that answers at once.
        first, second = tokens[i], tokens[i + 1]
        return second.text[:1].isupper() and second.start == first.end + 1 and \
            text[first.end] == " " and \
            self.joined_spelling(text[first.start:second.end]) is not None

    def joined_spelling(self, name: str) -> str | None:
        """"Tarinkot" for "Tarin Kot": transliteration splits one word of a name as often as it
        joins two, so two capitalised words of letters that the gazetteer knows only written as
        one are that name. English words ("Mill Street" -> Millstreet, "North Eastern") and a
        given name before a surname ("John Stone") are written apart on purpose."""
        parts = name.split(" ")
        if len(parts) != 2:
            return None
        first, second = parts
        words = self.words
        low = first.lower(), second.lower()
        if not (first.isalpha() and second.isalpha() and first[:1].isupper()
                and second[:1].isupper()) or len(name) < 7 or \
                any(w in words.arabic_articles or w in words.common_words
                    or w in words.directions for w in low) or low[0] in words.given_names:
            return None
        joined = first + low[1]
        return joined if self.is_name(joined) else None

    def _drop_organisation_suffix(self, text: str, tokens: list[Token], first: int,
                                  last: int) -> int:
        """"Ohio State University" -> "Ohio": the gazetteer's "X State"/"X Department" variants
        must not swallow an organisation's name."""
        if last == first or tokens[last].text.lower() not in self.words.organisation_suffixes:
            return last
        after = tokens[last + 1] if last + 1 < len(tokens) else None
        if after is None or not (after.text[:1].isupper() or after.text in {"of", "'s", "’s"}):
            return last
        if self.is_name(text[tokens[first].start:tokens[last - 1].end]):
            return last - 1
        return last

    def recognize(self, text: str, tokens: list[Token]) -> list[Span]:
        spans: list[Span] = []
        words = self.words
        articles = words.arabic_articles
        names, prefixes = self._names, self._prefixes  # a hit (most phrases) needs no call
        n = len(tokens)
        resume = 0  # the first token after the last match
        # Only a capitalised word or an Arabic article can start a name: pick those out at C
        # speed instead of testing every token of the article here.
        for i in capitalised(tokens, articles):
            if i < resume:
                continue
            token = tokens[i]
            word = token.text
            if not (word[:1].isupper() or _can_start(tokens, i, articles)) or word in _ARTICLES:
                continue  # "A New Jersey company": the article must not swallow "New"
            best = -1
            j = i
            while True:
                phrase = text[token.start:tokens[j].end]
                is_name = names.get(phrase)
                if is_name is None:
                    is_name = self.is_name(phrase)
                if is_name and _can_end(tokens[j], words):
                    best = j
                if j + 1 >= n or j + 1 - i >= MAX_NAME_TOKENS or \
                        not _can_continue(tokens[j], tokens[j + 1], text, words):
                    break
                is_prefix = prefixes.get(phrase)
                if is_prefix is None:
                    is_prefix = self._is_prefix(phrase)
                if not is_prefix:
                    break
                j += 1
            if best <= i and i + 1 < n and self._joined_pair(text, tokens, i):
                best = i + 1
            if best >= 0:
                best = self._drop_organisation_suffix(text, tokens, i, best)
                spans.append(Span(token.start, tokens[best].end, i, best))
                resume = best + 1
        return spans


def _can_start(tokens: list[Token], i: int, articles: frozenset[str]) -> bool:
    token = tokens[i]
    if token.text[:1].isupper():
        return True
    return glued_article(tokens, i, articles)


def glued_article(tokens: list[Token], k: int, articles: frozenset[str]) -> bool:
    """"al-Tharda", "Al-Sham": token k is an Arabic article glued by a hyphen to the
    capitalised word it begins (glued, "Al" is no given name)."""
    return tokens[k].text.lower() in articles and k + 2 < len(tokens) \
        and tokens[k + 1].text == "-" and tokens[k + 1].start == tokens[k].end \
        and tokens[k + 2].capitalised


def _can_continue(previous: Token, token: Token, text: str, words: Words) -> bool:
    if token.newline_before or token.start - previous.end > 1:
        return False
    if token.start > previous.end and not text[previous.end].isspace():
        return False
    word = token.text
    if word in {"-", "'", "’", "'s", "’s"}:
        return token.start == previous.end  # "Al-Qarn", "People's Republic of China"
    if previous.text in {"-", "'", "’"}:
        return word[:1].isalpha() and token.start == previous.end
    if word[:1].isupper():  # (Token.capitalised, without a property call: a hot path)
        return True
    low = word.lower()
    return low in words.name_particles or low in words.feature_words


def _can_end(token: Token, words: Words) -> bool:
    word = token.text
    return word[:1].isupper() or word in words.name_final_feature_words


def pattern_spans(text: str, tokens: list[Token], words: Words = ENGLISH_WORDS) -> list[Span]:
    """Place-like spans announced by a class word, kept even where the gazetteer lacks them."""
    patterns = words.patterns
    matches = (list(patterns.of.finditer(text)) if patterns.of_gate.search(text) else [],
               list(patterns.suffix.finditer(text)), list(patterns.route.finditer(text)),
               list(patterns.facility.finditer(text)) if patterns.facility_gate.search(text)
               else [], _locatives(text, tokens, patterns))
    if not any(matches):
        return []
    offsets = list(map(itemgetter(0), tokens))

    def token_at(offset: int, *, end: bool = False) -> int | None:
        """The token starting (or, with ``end``, ending) exactly at ``offset``, if any."""
        k = bisect_left(offsets, offset)
        if end:
            k -= 1
            return k if 0 <= k < len(tokens) and tokens[k].end == offset else None
        return k if k < len(tokens) and offsets[k] == offset else None

    def after_possessive(first: int, last: int) -> int:
        """"Jerusalem's Bet Shemesh neighbourhood": the named part begins after the owner."""
        owners = [k for k in range(first, last) if tokens[k].text in {"'s", "’s"}]
        return owners[-1] + 1 if owners else first

    spans = []
    for match in matches[0]:
        s, e = match.span(2)
        first, last = token_at(s), token_at(e, end=True)
        if first is not None and last is not None:
            spans.append(Span(s, e, first, last, "pattern", feature_word=match.group(1).lower()))
    for match in matches[1]:
        word = match.group(2)
        s = match.start(1)
        e = match.end(1) if word in patterns.lowercase_class else match.end(2)
        first, last = token_at(s), token_at(e, end=True)
        if first is not None and last is not None:
            first = after_possessive(first, last)
            if first >= 2 and glued_article(tokens, first - 2, words.arabic_articles):
                first -= 2  # "the al-Zuhour district": the article begins the name
            spans.append(Span(tokens[first].start, e, first, last, "pattern",
                              feature_word=word.lower()))
    for match in matches[3]:
        s, e = match.span(1)
        first, last = token_at(s), token_at(e, end=True)
        if first is not None and last is not None:
            spans.append(Span(s, e, first, last, "pattern", feature_word="facility"))
    for match in matches[2]:
        s, e = match.span(1)
        first, last = token_at(s), token_at(e, end=True)
        if first is not None and last is not None:
            spans.append(Span(s, e, first, last, "pattern", feature_word="route"))
    for match in matches[4]:
        s, e = match.span(1)
        first, last = token_at(s), token_at(e, end=True)
        if first is not None and last is not None and \
                _locative_name_ok(tokens, first, last, words.not_locative):
            spans.append(Span(s, e, first, last, "pattern", feature_word="locative"))
    return spans


def _locatives(text: str, tokens: list[Token], patterns) -> list[re.Match[str]]:
    """``patterns.locative.finditer(text)``'s matches, tried only where a preposition token
    starts (see ``Patterns.locative_words``)."""
    words = patterns.locative_words
    if not words or patterns.locative_glued.search(text):
        return list(patterns.locative.finditer(text))
    match = patterns.locative.match
    found: list[re.Match[str]] = []
    end = 0
    for k in compress(count(), map(words.__contains__, map(_TEXT, tokens))):
        start = tokens[k][0]
        if start >= end and (hit := match(text, start)) is not None:
            found.append(hit)
            end = hit.end()
    return found


def _locative_name_ok(tokens: list[Token], first: int, last: int,
                      not_locative: frozenset[str]) -> bool:
    """Whether "in/at/near X" reads as a place the gazetteer lacks: no word of X is a common word,
    month, title, organisation or given name, X is no acronym ("at UN") or possessive, and it is
    not a language or nationality ("in English", "in Arabic")."""
    words = [tokens[k].text for k in range(first, last + 1)]
    # (the lower-case particles linking a name's words, "Qasr al-Hayr", are no such words)
    if any(w.lower().strip("’'") in not_locative for w in words if w[:1].isupper()):
        return False
    head = words[0]
    if head.isupper() or any(w.endswith(("'s", "’s")) for w in words):
        return False
    return not head.lower().endswith(("ish", "ese", "ian", "ic", "ans"))
