"""Geoparsing: text in, toponym mentions with offsets, kinds and resolved places out.

    >>> from geomap.geoparse import geoparse
    >>> text = "Airstrikes hit Karam Houmid in Aleppo."
    >>> [(m.name, m.kind) for m in geoparse(text)]  # doctest: +SKIP
    [('Karam Houmid', 'literal'), ('Aleppo', 'literal')]

Recognition (recognize.py) scans capitalised token n-grams against the gazetteer's name index;
kinds.py filters persons, organisations and common words and assigns the mention kind; resolve.py
picks each name's sense with the article's context. Everything runs offline by default; a fallback
geocoder is used only for names the gazetteer lacks, only when ``offline=False``.
"""

from __future__ import annotations

import logging
from bisect import bisect_left, bisect_right
from datetime import date

from geomap.geoparse import lexicon
from geomap.geoparse.context import called_places, find_containment
from geomap.geoparse.kinds import (
    COUNTRY_CODES,
    STRONG_POPULATION,
    DocumentWords,
    KindClassifier,
    is_metonym,
    locative_before,
)
from geomap.geoparse.recognize import GazetteerRecognizer, Recognizer, Span, Token, tokenize
from geomap.geoparse.recognize import pattern_spans as _pattern_spans
from geomap.geoparse.resolve import (
    DocumentContext,
    NameGroup,
    Resolver,
    drop_shadowed_regions,
    group_spans,
    to_place,
)
from geomap.model import Mention

log = logging.getLogger(__name__)

__all__ = ["Geoparser", "Recognizer", "Span", "Token", "geoparse", "default_geoparser"]


class Geoparser:
    """A recogniser, a kind classifier and a resolver over one gazetteer, with per-process name
    caches. It holds the gazetteer's connection, so each worker process builds its own (as
    ``default_geoparser`` does); the mentions it returns are plain picklable values."""

    def __init__(self, gazetteer=None, *, recognizer: Recognizer | None = None, fallback=None,
                 normalize=None):
        if gazetteer is None:
            from gazetteer import Gazetteer
            gazetteer = Gazetteer.open()
        if normalize is None:
            from gazetteer import normalize_name as normalize
        self.gazetteer = gazetteer
        self.normalize = normalize
        self.recognizer = recognizer or GazetteerRecognizer(gazetteer, normalize)
        self.fallback = fallback
        self.classifier = KindClassifier(gazetteer, self.strength)
        self.resolver = Resolver(normalize)
        self._candidates: dict[str, list] = {}
        self._strength: dict[tuple[str, bool], int] = {}

    def candidates(self, name: str) -> list:
        """The gazetteer's senses of a name (cached); a failing lookup yields none."""
        norm = self.normalize(name)
        found = self._candidates.get(norm)
        if found is None:
            try:
                found = list(self.gazetteer.candidates(name, limit=25)) if norm else []
            except Exception as error:  # one bad name must not empty the article
                log.warning("gazetteer lookup failed for %r: %s", name, error)
                found = []
            if len(self._candidates) > 200_000:
                self._candidates.clear()
            self._candidates[norm] = found
        return found

    def strength(self, name: str, primary_only: bool = False) -> int:
        """How strong a place a name can be: 4 a country, 3 a capital or a city of 1M+, 2 an
        admin1 region, 1 a city of 100k+, 0 anything else. With ``primary_only``, only senses
        whose main name is this very name count (so "In" is not India through an ISO code)."""
        norm = self.normalize(name)
        level = self._strength.get((norm, primary_only))
        if level is None:
            level = 0
            for candidate in self.candidates(name):
                if primary_only and self.normalize(candidate.name) != norm:
                    continue
                level = max(level, _strength_of(candidate))
            self._strength[(norm, primary_only)] = level
        return level

    def recognize(self, text: str, tokens: list[Token] | None = None) -> list[Span]:
        """Toponym spans with kinds, before resolution."""
        tokens = tokenize(text) if tokens is None else tokens
        words = DocumentWords(text, tokens)
        found = self.recognizer.recognize(text, tokens)
        found = _merge_patterns(found, _pattern_spans(text, tokens), tokens)
        found = [_with_direction(span, tokens) if self.strength(text[span.start:span.end]) >= 2
                 else span for span in found]
        for n, span in enumerate(found):
            state = us_state_abbreviation(tokens, span.first) if span.first == span.last else None
            if state:
                found[n] = Span(span.start, span.end, span.first, span.last, "state",
                                country_hint="US", feature_word=state)
        taken = {k for span in found for k in range(span.first, span.last + 1)}
        for k, token in enumerate(tokens):
            if k in taken or not token.text[:1].isupper():
                continue
            state = us_state_abbreviation(tokens, k)
            if state:
                found.append(Span(token.start, token.end, k, k, "state", country_hint="US",
                                  feature_word=state))
                continue
            iso = self.classifier.demonym(token.text)
            if iso and not token.all_caps:
                found.append(Span(token.start, token.end, k, k, "demonym", "demonym", iso))
            elif token.text.lower() in lexicon.REGION_DEMONYMS:
                found.append(Span(token.start, token.end, k, k, "demonym", "demonym",
                                  feature_word=lexicon.REGION_DEMONYMS[token.text.lower()]))
        found.sort(key=lambda span: span.start)
        words.called_places = called_places(text, tokens, found)
        spans = []
        for span in found:
            try:
                kept = self.classifier.classify(span, text, words)
            except Exception as error:
                log.warning("kind rules failed on %r: %s", text[span.start:span.end], error)
                kept = span
            if kept is not None:
                spans.append(kept)
        if words.rejected_persons:
            spans = [span for span in spans if not self._remembered_person(span, text, words)]
        return spans

    def _remembered_person(self, span: Span, text: str, words: DocumentWords) -> bool:
        name = text[span.start:span.end]
        return (span.first == span.last and span.kind != "demonym" and span.source != "state"
                and name in words.rejected_persons and self.strength(name) < 2
                and not locative_before(words.tokens, span.first))

    def resolve(self, text: str, tokens: list[Token], spans: list[Span], *,
                country_hint: str | None = None, offline: bool = True) -> list[Mention]:
        """Mentions for the given spans, each resolved with the whole article as context."""
        context = DocumentContext(country_hint)
        county_style = 0
        for span in spans:
            if span.kind == "demonym" and span.country_hint:
                context.countries[span.country_hint] += 1
            elif span.feature_word in _US_STYLE_SUFFIXES and span.source == "pattern":
                county_style += 1
        if county_style:
            # "Henderson County", "Avoyelles Parish": the name-then-"County" form is the United
            # States' (Ireland and Britain put "County" first), so it votes for the US.
            context.countries["US"] += min(county_style, 2)
        names = [text[span.start:span.end] for span in spans]
        norms, span_group = group_spans([self.normalize(name) for name in names])
        groups = []
        for g, norm in enumerate(norms):
            members = [k for k, owner in enumerate(span_group) if owner == g]
            example = spans[members[0]]
            if example.kind == "demonym":
                region = self.candidates(example.feature_word) if example.feature_word else []
                groups.append(NameGroup(norm, members, region[:1]))
                continue
            if example.source == "state":
                state = self.gazetteer.admin1("US", example.feature_word)
                groups.append(NameGroup(norm, members, [state] if state is not None else []))
                continue
            candidates = drop_shadowed_regions(self.candidates(names[members[0]]), self.normalize)
            bare = names[members[0]].replace(".", "")
            if bare.isupper() and len(bare) <= 3:
                # "EU", "UK", "DRC": an acronym names a country or region, never the hamlet
                # "Eu" whose name it spells.
                candidates = [c for c in candidates if c.feature_class == "A"]
            weak = False
            if not candidates and example.feature_word:
                candidates = self._pattern_candidates(names[members[0]], example.feature_word)
                weak = bool(candidates)
            groups.append(NameGroup(norm, members, candidates, weak=weak))
        containment = find_containment(text, tokens, spans)
        try:
            self.resolver.resolve(groups, containment, span_group, context)
        except Exception as error:  # context failed: fall back to each name's own prior
            log.warning("context resolution failed: %s", error)
        mentions = []
        for k, span in enumerate(spans):
            group = groups[span_group[k]]
            mentions.append(self._mention(text, tokens, span, group, context, offline))
        return mentions

    def _pattern_candidates(self, name: str, feature_word: str) -> list:
        words = name.split()
        if feature_word == "direction" and len(words) > 1:
            return self.candidates(" ".join(words[1:]))  # "West Africa" -> "Africa"
        if len(words) > 1 and words[-1].lower() == feature_word:
            return self.candidates(" ".join(words[:-1]))
        return []

    def _mention(self, text, tokens, span: Span, group: NameGroup, context, offline) -> Mention:
        name = text[span.start:span.end]
        place = None
        try:
            if span.kind == "demonym" and group.chosen is not None:
                place = to_place(group.chosen)
            elif span.kind == "demonym" and span.country_hint:
                country = self.gazetteer.country(span.country_hint)
                place = to_place(country) if country is not None else None
            elif group.chosen is not None:
                place = to_place(group.chosen)
            elif not offline and self.fallback is not None and span.kind == "literal":
                place = self._fallback(name, context)
        except Exception as error:
            log.warning("could not resolve %r: %s", name, error)
        kind = span.kind
        if kind == "literal" and place is not None and is_metonym(
                span.first, span.last, tokens, place.feature_code):
            kind = "metonym"
        hint = span.country_hint or (place.country if place is not None else None)
        return Mention(span.start, span.end, name, kind, place,
                       group.confidence if place is not None else 0.0, hint)

    def _fallback(self, name: str, context: DocumentContext):
        """The online fallback's best answer for a name the gazetteer lacks, preferring the
        article's main country; any failure (service down, bad answer) stays with this name."""
        country = context.countries.most_common(1)[0][0] if context.countries else None
        found = self.fallback.lookup(name, country=country)
        if not found and country:
            found = self.fallback.lookup(name)
        if not found:
            return None
        return to_place(found[0] if isinstance(found, list | tuple) else found)

    def resolve_spans(self, text: str, offsets: list[tuple[int, int]], *,
                      country_hint: str | None = None, offline: bool = True) -> list[Mention]:
        """Mentions for spans someone else found (gold annotations, another recogniser), in the
        given order; each span keeps its exact offsets."""
        tokens = tokenize(text)
        starts = [t.start for t in tokens]
        spans, order = [], []
        for position, (start, end) in enumerate(offsets):
            first = max(0, bisect_right(starts, start) - 1)
            last = max(first, bisect_left(starts, end) - 1)
            if not tokens:
                first = last = 0
            name = text[start:end]
            iso = self.classifier.demonym(name) if " " not in name.strip() else None
            state = us_state_abbreviation(tokens, first) if first == last and tokens else None
            if state:
                spans.append(Span(start, end, first, last, "state", country_hint="US",
                                  feature_word=state))
            elif iso and not self.gazetteer.has_name(self.normalize(name)):
                spans.append(Span(start, end, first, last, "demonym", "demonym", iso))
            else:
                spans.append(Span(start, end, first, last, "external"))
            order.append(position)
        if not tokens:
            tokens = [Token(0, 0, "", True, False)]
        return self.resolve(text, tokens, spans, country_hint=country_hint, offline=offline)

    def parse(self, text: str, *, country_hint: str | None = None,
              offline: bool = True) -> list[Mention]:
        tokens = tokenize(text)
        spans = self.recognize(text, tokens)
        return self.resolve(text, tokens, spans, country_hint=country_hint, offline=offline)


def _strength_of(candidate) -> int:
    code, population = candidate.feature_code, candidate.population or 0
    if code in COUNTRY_CODES:
        return 4
    if code == "PPLC" or population >= 1_000_000:
        return 3
    if code == "ADM1":
        return 2
    return 1 if population >= STRONG_POPULATION else 0


def _with_direction(span: Span, tokens: list[Token]) -> Span:
    """"West Africa", "Northern Syria": a capitalised compass word glued before a region's name
    is part of it (resolution falls back to the bare name when the gazetteer lacks the whole).
    Before a town ("North Arlington") it more often names a neighbourhood or an organisation."""
    k = span.first - 1
    if k < 0 or span.source == "state":
        return span
    word = tokens[k]
    if (word.text.lower() in lexicon.DIRECTIONS and word.text[:1].isupper()
            and not word.all_caps and tokens[span.first].start - word.end == 1
            and not tokens[span.first].newline_before):
        return Span(word.start, span.end, k, span.last, span.source, span.kind,
                    span.country_hint, span.feature_word or "direction")
    return span


def _merge_patterns(found: list[Span], patterns: list[Span], tokens: list[Token]) -> list[Span]:
    """Add pattern spans; one that extends gazetteer matches ("Boone" -> "Boone County",
    "Wichita" -> "Wichita Drive") replaces them, one that cuts through a match is dropped."""
    owner = {k: n for n, span in enumerate(found) for k in range(span.first, span.last + 1)}
    dropped: set[int] = set()
    added: list[Span] = []
    used: set[int] = set()
    for span in patterns:
        first = _trim_leading(span, tokens)
        if first is None:
            continue
        cover = range(first, span.last + 1)
        if any(k in used for k in cover):
            continue
        after = tokens[span.last + 1] if span.last + 1 < len(tokens) else None
        if span.feature_word == "district" and after is not None and \
                after.text[:1].isupper() and after.text.lower() in lexicon.ORGANISATION_HEADS:
            continue  # "Brooklyn District Attorney", "District Court": an office
        inside = {owner[k] for k in cover if k in owner}
        if any(found[n].first < first or found[n].last > span.last for n in inside):
            continue
        if inside and all(found[n].first == first and found[n].last == span.last for n in inside):
            continue
        dropped |= inside
        used.update(cover)
        added.append(Span(tokens[first].start, span.end, first, span.last, "pattern",
                          feature_word=span.feature_word))
    return [span for n, span in enumerate(found) if n not in dropped] + added


def us_state_abbreviation(tokens: list[Token], k: int) -> str | None:
    """The postal code of an AP-style state abbreviation at token k ("S.C.", "Ill." after a
    comma); words that are also common ("Miss.", "Pa.") count only after "Town,"."""
    word = tokens[k].text
    if not word.endswith(".") and not (k + 1 < len(tokens) and tokens[k + 1].text == "."
                                       and tokens[k + 1].start == tokens[k].end):
        return None
    bare = word.rstrip(".").lower()
    code = lexicon.US_STATE_ABBREVIATIONS.get(bare)
    if code is None:
        return None
    after_comma = k >= 2 and tokens[k - 1].text == "," and tokens[k - 2].text[:1].isupper()
    return code if after_comma or "." in bare else None


_US_STYLE_SUFFIXES = frozenset({"county", "parish", "township"})
_LEADING_FUNCTION_WORDS = frozenset("the a an in at on of from to near and or by for with".split())


def _trim_leading(span: Span, tokens: list[Token]) -> int | None:
    """Drop "The", "In" ... from the front of a pattern span; None if nothing name-like is left."""
    first = span.first
    while first <= span.last and (tokens[first].text.lower() in _LEADING_FUNCTION_WORDS or (
            tokens[first].sentence_initial and tokens[first].text.lower() in lexicon.COMMON_WORDS)):
        first += 1
    if first > span.last or not tokens[first].text[:1].isupper():
        return None
    return first


_DEFAULT: dict[int | None, Geoparser] = {}


def default_geoparser(gazetteer=None, fallback=None) -> Geoparser:
    """One Geoparser per gazetteer object per process (the gazetteer itself is cached too)."""
    if gazetteer is None:
        parser = _DEFAULT.get(None)
        if parser is None:
            from gazetteer import Gazetteer
            parser = _DEFAULT[None] = Geoparser(Gazetteer.open())
        parser.fallback = fallback
        return parser
    key = id(gazetteer)
    parser = _DEFAULT.get(key)
    if parser is None or parser.gazetteer is not gazetteer:
        parser = _DEFAULT[key] = Geoparser(gazetteer)
    parser.fallback = fallback
    return parser


def geoparse(text: str, *, published: date | None = None, country_hint: str | None = None,
             offline: bool = True, gazetteer=None, fallback=None) -> list[Mention]:
    """Toponym mentions in ``text``, in order, each with ``text[m.start:m.end] == m.name``.

    ``published`` is accepted for the pipeline's sake (place names do not depend on it yet);
    ``country_hint`` (ISO2) nudges ambiguous names towards a country the caller knows about;
    ``offline=True`` (the default) never touches the network, even if a ``fallback`` is given.
    """
    if not text:
        return []
    parser = default_geoparser(gazetteer, fallback)
    return parser.parse(text, country_hint=country_hint, offline=offline)
