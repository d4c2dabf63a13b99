"""Which recognised spans are places at all, and of what kind: literal, demonym, metonym, embedded.

The rules read a few tokens either side of a span. They reject person names (a title or a given name
before, a speech verb after a small place, a surname seen elsewhere in the article), calendar words,
news agencies and common words that happen to name a hamlet somewhere; they mark place names inside
organisation names as ``embedded`` and capitals or countries acting as governments as ``metonym``.

A country's name used as an adjective before a noun ("U.S. officials", "U.S. troops", GWN's
Non_Literal_Modifier) is a ``demonym``: it says who, like "American", not where. It still counts
as a toponym for recognition and still carries the country as its place (for country context),
but, like every non-literal kind, never becomes an event's location. Armed-group names
("Taliban", "Boko Haram") are dropped; a real place inside one ("Hayat Tahrir al-*Sham*" aside,
"Islamic State of *Iraq*") is ``embedded``. The rules themselves are kind_rules.py's ordered
list; the per-article person facts are persons.py's, the token tests surroundings.py's; the words
come from the geoparser's lexicon (words.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from gazetteer.notable import DISTRICT_SOURCES
from geomap.geoparse.codes import COUNTRY_CODES, STRONG_POPULATION
from geomap.geoparse.kind_rules import (
    KIND_RULES,
    MANY_WORDS_ONLY,
    NEXT,
    ONE_WORD_ONLY,
    WORD_GATES,
    Candidate,
)
from geomap.geoparse.persons import DocumentWords, is_title, looks_like_name
from geomap.geoparse.recognize import Span, Token
from geomap.geoparse.surroundings import (
    adjacent,
    bare,
    locative_before,
)
from geomap.geoparse.words import ENGLISH_WORDS, Words

#: Punctuation and links after a name that put it among places: "X, Y", "X (Y)", "X and Y"
#: (the words that do so, class words and local district words, are the lexicon's).
_PLACE_CUES = frozenset({",", "(", ")", "and", "or"})

__all__ = ["COUNTRY_CODES", "STRONG_POPULATION", "DocumentWords",
           "KindClassifier", "locative_before"]


class KindClassifier:
    """Decides, span by span, whether it is a toponym and which kind.

    ``strength(name)`` ranks a name's strongest gazetteer sense (4 country, 3 capital or 1M+ city,
    2 admin1 region, 1 city of 100k+, 0 other): strong names survive the common-word and
    neighbour rules that weak ones do not.
    """

    def __init__(self, gazetteer, strength: Callable[..., int], words: Words = ENGLISH_WORDS):
        self.gazetteer = gazetteer
        self.strength = strength
        self.words = words
        self._demonyms: dict[str, str | None] = {}
        # The rules that can decide, by (one word?, a listed word?): see kind_rules.WORD_GATES.
        self._listed = frozenset().union(*(
            getattr(words, name) for names in WORD_GATES.values() for name in names))
        self._plans = {(single, listed): tuple(
            rule for rule in KIND_RULES
            if rule not in (MANY_WORDS_ONLY if single else ONE_WORD_ONLY)
            and (listed or rule not in WORD_GATES))
            for single in (True, False) for listed in (True, False)}

    def demonym(self, word: str) -> str | None:
        """The ISO2 country a nationality word implies ("Syrian", "Russians"), if any."""
        if not word[:1].isupper() or len(word) < 4 or (word.isupper() and len(word) < 5):
            return None
        if word in self._demonyms:
            return self._demonyms[word]
        iso = None
        for form in (word, word[:-1] if word.endswith("s") else None):
            if form:
                iso = self.gazetteer.demonym(form)
                if iso:
                    break
        if len(self._demonyms) > 100_000:
            self._demonyms.clear()
        self._demonyms[word] = iso
        return iso

    def classify(self, span: Span, text: str, seen: DocumentWords) -> Span | None:
        """The span with its kind, or None when it is no place: the first of ``KIND_RULES``
        that decides, else the span as it is (a literal place)."""
        candidate = Candidate(span, text, seen, self)
        for rule in self._plans[candidate.single, candidate.low in self._listed]:
            verdict = rule(candidate)
            if verdict is not NEXT:
                return verdict
        return span

    def person_before(self, before: Token, seen: DocumentWords, headline: bool, single: bool,
                      strength: int) -> bool:
        """A title, a given name or an unknown capitalised word right before the name."""
        words = self.words
        if is_title(before, words) and not headline:
            return True
        if bare(before.text) in words.saint_words and single:
            return True  # "St. Patrick's Day": the saint, since "St. Patrick" is no place
        if (bare(before.text) in words.given_names and before.text[:1].isupper()
                and strength < 4):
            return True
        if bare(before.text) in words.titles and not headline:
            return True  # "town councillor Mabel Orr", "the photographer Samir Haddad"
        # Two weak capitalised words in a row that the gazetteer does not know together
        # ("Ciaran Doyle") are a person's name far more often than a hamlet after a hamlet.
        return (before.text[:1].isupper() and not headline and not before.sentence_initial
                and not before.all_caps  # "CDC Atlanta": an acronym, not a first name
                and looks_like_name(before, words) and before.text.lower() not in seen.lowercase
                and (not self.gazetteer.has_name(bare(before.text))
                     or (single and strength == 0 and self.strength(before.text) == 0))
                and strength < 2)

    def pattern_kind(self, span: Span, seen: DocumentWords) -> Span | None:
        """Pattern spans ("Boone County", "Main Street") need only a name-like head word."""
        tokens, words = seen.tokens, self.words
        head = tokens[span.first]
        if bare(head.text) in words.months or bare(head.text) in words.days:
            return None
        if span.first > 0 and is_title(tokens[span.first - 1], self.words):
            return None
        for k in range(span.first, span.last + 1):
            # "the Sunni Arab town of", "the rebel-controlled district of": who lives
            # there or holds it, not the place's name.
            word = bare(tokens[k].text)
            if word in words.faiths or (tokens[k].capitalised and self.demonym(tokens[k].text)
                                          and not self.gazetteer.has_name(word)):
                return None
            if re.search(r"-(?:controlled|held|led|backed|majority|dominated|populated)$", word):
                return None
        return span

    def uncued_district(self, span: Span, name: str, tokens: list[Token]) -> bool:
        """A name whose best sense is a district placed by its villages and that no town of
        any size bears, with nothing around it that makes it a place: "in X", "X district",
        "X, Y", "(X)", "A and X". A district's name is often a family's ("Hamdan"), and a
        wire dateline names a town, never a district; only the text's own cue reaches one."""
        if not self.gazetteer.may_be_district(name):
            return False  # a bit test: most weak names name no district, and reading is dear
        senses = self.gazetteer.candidates(name)
        if not senses or senses[0].source not in DISTRICT_SOURCES or any(
                sense.feature_class == "P" and sense.population for sense in senses):
            return False
        words = self.words
        before = tokens[span.first - 1] if span.first > 0 else None
        after = tokens[span.last + 1] if span.last + 1 < len(tokens) else None
        word = after.text.lower() if after is not None else ""
        if word in _PLACE_CUES or word in words.class_after or word in words.plural_class_words \
                or word in words.district_words:
            return False
        # (not a comma before it: "council members, Hume said" is a person)
        return not (locative_before(tokens, span.first, words)
                    or (before is not None and before.text in {"and", "or"}))

    def organisation_around(self, span: Span, text: str, tokens: list[Token], headline: bool,
                             strength: int) -> bool:
        if span.feature_word:
            return False
        words = self.words
        after = tokens[span.last + 1] if span.last + 1 < len(tokens) else None
        if after is not None and adjacent(tokens[span.last], after, text):
            word = bare(after.text)
            if after.text[:1].isupper() and word in words.organisation_heads:
                return True
            if (after.text[:1].isupper() and not headline and looks_like_name(after, words)
                    and not self.gazetteer.has_name(word) and strength >= 2
                    and not after.all_caps):
                return True
        if span.first >= 2:
            of, head = tokens[span.first - 1], tokens[span.first - 2]
            if of.text == "of" and head.text[:1].isupper() and \
                    head.text.lower() in words.organisation_of:
                return True
        return False
