"""What a kind rule reads: one :class:`Candidate` (a span with the tokens, words and gazetteer
strengths around it), the classifier it calls back into, and :data:`NEXT`, a rule's answer when
it does not decide. The rules themselves are kind_rules.py's and person_rules.py's."""

from __future__ import annotations

from collections.abc import Callable
from typing import Final, Protocol

from geomap.geoparse.persons import DocumentWords
from geomap.geoparse.recognize import Span
from geomap.geoparse.surroundings import bare
from geomap.geoparse.words import Words


class KindClassifier(Protocol):
    """What the rules call back into (kinds.KindClassifier, which runs them)."""

    words: Words
    gazetteer: object
    strength: Callable[..., int]

    def demonym(self, word: str) -> str | None: ...

    def classify(self, span: Span, text: str, seen: DocumentWords) -> Span | None: ...

    def pattern_kind(self, span: Span, seen: DocumentWords) -> Span | None: ...

    def person_before(self, before, seen: DocumentWords, headline: bool, single: bool,
                      strength: int) -> bool: ...

    def organisation_around(self, span: Span, text: str, tokens: list, headline: bool,
                            strength: int) -> bool: ...

    def uncued_district(self, span: Span, name: str, tokens: list) -> bool: ...


class _Next:
    __slots__ = ()

    def __repr__(self) -> str:
        return "NEXT"


#: A rule's answer when it does not decide.
NEXT: Final = _Next()


class Candidate:
    """One span with what the rules read around it; the gazetteer strengths are looked up on
    first use (most spans are decided before a rule needs them)."""

    __slots__ = ("_own", "_strength", "acronym", "after", "before", "caps", "classifier", "first",
                 "headline", "low", "name", "seen", "single", "span", "text", "tokens", "words")

    def __init__(self, span: Span, text: str, seen: DocumentWords, classifier: KindClassifier):
        tokens = seen.tokens
        self.span, self.text, self.seen, self.classifier = span, text, seen, classifier
        self.tokens, self.words = tokens, classifier.words
        self.first = tokens[span.first]
        self.name = text[span.start:span.end]
        self.low = bare(self.name)
        self.single = span.first == span.last
        self.before = tokens[span.first - 1] if span.first > 0 else None
        self.after = tokens[span.last + 1] if span.last + 1 < len(tokens) else None
        self.headline = seen.title_case[span.first]
        self.caps = self.first.all_caps  # "NATO", "US": capitals throughout
        self.acronym = self.caps and self.low.replace(".", "") in self.words.place_acronyms
        self._strength: int | None = None
        self._own: int | None = None

    @property
    def strength(self) -> int:
        """The name's strongest sense (4 country ... 0 other)."""
        if self._strength is None:
            self._strength = self.classifier.strength(self.name)
        return self._strength

    @property
    def own(self) -> int:
        """The strongest sense whose main name is this very name (no alias, no code)."""
        if self._own is None:
            self._own = self.classifier.strength(self.name, primary_only=True)
        return self._own

    def reject_person(self) -> None:
        """Remember the name as a person's: alone elsewhere in the article it is that person."""
        self.seen.rejected_persons.add(self.name)


Verdict = Span | None | _Next
