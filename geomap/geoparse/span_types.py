"""Span typing, in one place: which source and kind a single word or a given span has before
the kind rules run -- an armed group's name, a union's alias ("EU"), an AP state abbreviation
("Ill."), a country's demonym ("Syrian"), a region's ("European", "Iowans").

The recogniser types the words no gazetteer match covers (:meth:`SpanTyper.word`); spans found
by someone else (gold annotations, another recogniser) are typed by :meth:`SpanTyper.given`
with the same tests, so both read "Canadian" or "S.C." alike.
"""

from __future__ import annotations

from geomap.geoparse.caches import MAX_NAMES, NameCache
from geomap.geoparse.kinds import KindClassifier
from geomap.geoparse.recognize import Span, Token
from geomap.geoparse.spans import us_state_abbreviation
from geomap.geoparse.surroundings import locative_before
from geomap.geoparse.words import Words


class SpanTyper:
    """The typing tests over one gazetteer (through the parser's caches) and one vocabulary."""

    def __init__(self, cache: NameCache, classifier: KindClassifier, words: Words):
        self.cache = cache
        self.classifier = classifier
        self.words = words
        # Words that are no demonym of any kind on their own ("The", "Police", most capitalised
        # words no match covers): only the tests that read their neighbours remain for them.
        # Per process and bounded, like the name caches; the answers depend on the word alone.
        self._untyped: set[str] = set()

    def word(self, tokens: list[Token], k: int) -> Span | None:
        """A typed span for the capitalised word at ``k`` that no match covers, or None."""
        token = tokens[k]
        state = self.state_code(tokens, k)
        if state:
            return Span(token.start, token.end, k, k, "state", country_hint="US",
                        feature_word=state)
        if token.text in self._untyped:
            return self._compass(tokens, k)
        span = self._demonym(tokens, k)
        if span is None:
            if len(self._untyped) > MAX_NAMES:
                self._untyped.clear()
            self._untyped.add(token.text)
            return self._compass(tokens, k)
        return span

    def _demonym(self, tokens: list[Token], k: int) -> Span | None:
        """The word's demonym span, None when the word alone is none (its compass word may
        still make it one: ``_compass``); "North Korean" reads the word before it too."""
        token = tokens[k]
        iso = self.classifier.demonym(token.text)
        if iso and k > 0 and tokens[k - 1].text.lower() in self.words.demonym_directions \
                and tokens[k - 1].text[:1].isupper():
            # "North Korean" is no "Korean": the whole names its own country
            iso = self.classifier.demonym(f"{tokens[k - 1].text} {token.text}") or iso
        if iso and not token.all_caps:
            return Span(token.start, token.end, k, k, "demonym", "demonym", iso,
                        self.region_demonym(token.text, iso))
        region = self.words.region_demonyms.get(token.text.lower())
        if region:
            return Span(token.start, token.end, k, k, "demonym", "demonym", feature_word=region)
        if not token.all_caps and (region := self.region_demonym(token.text)):
            return Span(token.start, token.end, k, k, "demonym", "demonym", feature_word=region)
        return None

    def _compass(self, tokens: list[Token], k: int) -> Span | None:
        """"South Ossetians": a region demonym only its compass word makes one."""
        token = tokens[k]
        if k > 0 and tokens[k - 1].text.lower() in self.words.demonym_directions and \
                not token.all_caps and (region := self.compass_region_demonym(
                    tokens[k - 1], token)):
            return Span(token.start, token.end, k, k, "demonym", "demonym", feature_word=region)
        return None

    def compass_region_demonym(self, before: Token, token: Token) -> str | None:
        """"South Ossetian(s)": a resident's name formed on a region whose own name begins
        with a compass word ("South Ossetia"), which the word alone does not spell; the
        region it names, else None. (joined_demonyms then takes the compass word in.)"""
        words, cache = self.words, self.cache
        word = token.text
        if before.text.lower() not in words.demonym_directions or not before.text[:1].isupper() \
                or token.start - before.end != 1 or len(word) < 5 \
                or not word.endswith(("an", "ans")):
            return None
        for cut in (1, 2):
            stem = word[:-cut]
            if stem[-1] not in "aeiou":
                continue
            region = f"{before.text} {stem}"
            norm = cache.normalize(region)
            if cache.knows(region) and any(
                    c.feature_class != "P" and cache.normalize(c.name) == norm
                    for c in cache.candidates(region)):
                return region
        return None

    def state(self, tokens: list[Token], span: Span) -> Span:
        """A one-word match that is an AP state abbreviation ("Ind." is no hamlet "Ind")."""
        state = self.state_code(tokens, span.first) if span.first == span.last else None
        if not state:
            return span
        return Span(span.start, span.end, span.first, span.last, "state", country_hint="US",
                    feature_word=state)

    def given(self, text: str, tokens: list[Token], start: int, end: int, first: int,
              last: int, groups: set[tuple[int, int]]) -> Span:
        """The typed span for offsets someone else found: a group's name stays ``embedded``,
        anything the tests do not type is ``external`` (resolved as it stands)."""
        name = text[start:end]
        one_word = " " not in name.strip()
        iso = self.classifier.demonym(name) if one_word else None
        state = self.state_code(tokens, first) if first == last and tokens else None
        alias = self.words.place_aliases.get(tuple(name.lower().split()))
        region = self.region_demonym(name) if one_word else None
        if (start, end) in groups:
            return Span(start, end, first, last, "group", "embedded")
        if alias:
            return Span(start, end, first, last, "alias", feature_word=alias)
        if region and not iso:
            return Span(start, end, first, last, "demonym", "demonym", feature_word=region)
        if state:
            return Span(start, end, first, last, "state", country_hint="US", feature_word=state)
        if iso and (not self.cache.gazetteer.has_name(self.cache.normalize(name))
                    or self.cache.strength(name, primary_only=True) < 2):
            # as the recogniser reads them: "Canadian" is the nationality, not Canadian, TX
            return Span(start, end, first, last, "demonym", "demonym", iso)
        return Span(start, end, first, last, "external")

    def state_code(self, tokens: list[Token], k: int) -> str | None:
        """The postal code of an AP-style state abbreviation at token ``k``: after a town
        ("Springfield, Ill."), or with no town where the text still reads it as the state --
        before a lower-case word ("a Tenn. sheriff", "two Ore. hikers") or after a locative ("moved
        to Neb."). A capitalised word after it may be a name the abbreviation titles ("Del."
        is a delegate, too)."""
        words = self.words
        state = us_state_abbreviation(tokens, k, words)
        if state or not tokens[k].text.endswith(".") or not tokens[k].text[:1].isupper():
            return state
        code = words.us_state_abbreviations.get(tokens[k].text.rstrip(".").lower())
        if code is None:
            return None
        after = tokens[k + 1] if k + 1 < len(tokens) else None
        if (after is not None and after.text.isalpha() and after.text.islower()
                and not after.newline_before) or locative_before(tokens, k, words):
            return code
        return None

    def region_demonym(self, word: str, country: str | None = None) -> str | None:
        """"Iowan", "Manitobans", "Ohioans": a resident's name formed on a first-level
        region's own name; the region it names (in ``country`` when the word is known as that
        country's demonym: "Georgians" are Georgia's, the country's, not the US state's). The
        continents' and regions' own demonyms ("European", "Arab") come from the lexicon."""
        words, cache = self.words, self.cache
        own = words.region_demonyms.get(word.strip().lower())
        if own:
            return own
        if len(word) < 5 or not word.endswith(("an", "ans", "ns")):
            return None
        for cut in (1, 2, 3):
            stem = word[:-cut]
            if len(stem) < 4 or stem[-1] not in "aeiou" or stem.lower() in words.common_words \
                    or not cache.knows(stem):
                continue
            norm = cache.normalize(stem)
            # An ADM1 is notable: a stem no notable feature bears needs no reading of senses.
            if cache.may_be_notable(stem) and any(
                    c.feature_code == "ADM1" and cache.normalize(c.name) == norm
                    and (country is None or c.country_code == country)
                    for c in cache.candidates(stem)):
                return stem
        return None
