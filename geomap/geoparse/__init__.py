"""Geoparsing: text in, toponym mentions with offsets, kinds and resolved places out.

    >>> from geomap.geoparse import geoparse
    >>> text = "Shelling hit Sangin in Helmand."
    >>> [(m.name, m.kind) for m in geoparse(text)]  # doctest: +SKIP
    [('Sangin', 'literal'), ('Helmand', 'literal')]

Recognition (recognize.py) scans capitalised token n-grams against the gazetteer's name index;
a known prefix of a longer capitalised name ("Deh" in "Deh Sabz") grows to the whole name or is
dropped, never resolved alone; kinds.py filters persons, organisations, armed groups and common
words and assigns the mention kind (a country's name modifying a noun, "U.S. officials", is a
``demonym``); span_types.py types demonyms, state abbreviations and aliases; fixups.py corrects
the recogniser's spans; filters.py narrows each name's candidates; resolve.py picks each name's
sense with the article's context. Every word list comes from the lexicon (words.py).
``Place.name`` is the readable ASCII form of the gazetteer's name ("Tartus", not "Ţarţūs").
Everything runs offline by default; a fallback geocoder is used only for names the gazetteer
lacks, only when ``offline=False``.
"""

from __future__ import annotations

import logging
from bisect import bisect_left, bisect_right
from collections import OrderedDict
from datetime import date
from functools import lru_cache

from geomap.geoparse.caches import MAX_NAMES, NameCache
from geomap.geoparse.codes import COUNTRY_CODES
from geomap.geoparse.context import called_places, find_containment, sense_wanted
from geomap.geoparse.document import Document, read_document
from geomap.geoparse.filters import NameFacts, narrowed
from geomap.geoparse.fixups import (
    outside_groups,
    whole_name,
    without_remembered_persons,
    without_the,
)
from geomap.geoparse.fronts import fronts_of
from geomap.geoparse.fuzzy import FuzzyMatcher, resolve_unmatched
from geomap.geoparse.hamlets import without_bare_hamlets
from geomap.geoparse.kinds import KindClassifier
from geomap.geoparse.persons import DocumentWords
from geomap.geoparse.recognize import (
    GazetteerRecognizer,
    Recognizer,
    Span,
    Token,
    capitalised,
    tokenize,
)
from geomap.geoparse.recognize import pattern_spans as _pattern_spans
from geomap.geoparse.regions import implied_regions, spelled_regions
from geomap.geoparse.resolve import DocumentContext, NameGroup, Resolver, group_spans, to_place
from geomap.geoparse.span_types import SpanTyper
from geomap.geoparse.spans import (
    alias_spans,
    joined_demonyms,
    merge_patterns,
    resident_noun_follows,
    with_direction,
    without_overlaps,
)
from geomap.geoparse.surroundings import group_name_ranges, is_metonym, modifier_follows
from geomap.geoparse.words import words_of
from geomap.lexicons import ENGLISH, Lexicon
from geomap.model import Mention

log = logging.getLogger(__name__)

__all__ = ["Document", "Geoparser", "Recognizer", "Span", "Token", "default_geoparser",
           "geoparse", "read_document"]


class Geoparser:
    """A recogniser, a kind classifier and a resolver over one gazetteer, with per-process name
    caches. It holds the gazetteer's connection, so each worker process builds its own (as
    ``default_geoparser`` does); the mentions it returns are plain picklable values.

    Its settings are fixed when it is built: ``fallback`` (an online geocoder for names the
    gazetteer lacks, used only when a call is not offline), ``lexicon`` (the words it decides
    with; English by default) and ``fuzzy`` (the offline approximate match for respelt names,
    on by default)."""

    def __init__(self, gazetteer=None, *, recognizer: Recognizer | None = None, fallback=None,
                 normalize=None, lexicon: Lexicon = ENGLISH, fuzzy: bool = True):
        if gazetteer is None:
            from gazetteer import Gazetteer
            gazetteer = Gazetteer.open()
        if normalize is None:
            from gazetteer import normalize_name as normalize
        self.gazetteer = gazetteer
        # Every stage keys its caches by the normalised name and asks for the same few hundred
        # names again and again: normalising each once per process saves a few percent.
        self.normalize = lru_cache(maxsize=MAX_NAMES)(normalize)
        self.lexicon = lexicon
        self.words = words_of(lexicon)
        self.recognizer = recognizer or GazetteerRecognizer(gazetteer, self.normalize, self.words)
        self.fallback = fallback
        self.cache = NameCache(gazetteer, self.normalize, self.recognizer)
        self.classifier = KindClassifier(gazetteer, self.cache.strength, self.words)
        self.typer = SpanTyper(self.cache, self.classifier, self.words)
        self.resolver = Resolver(self.normalize, gazetteer)
        # the raw function: folding a country's names must not churn the memo above
        self.fuzzy = FuzzyMatcher(gazetteer, normalize, words=self.words) if fuzzy else None

    def candidates(self, name: str) -> list:
        """The gazetteer's senses of a name (cached); a failing lookup yields none."""
        return self.cache.candidates(name)

    def strength(self, name: str, primary_only: bool = False) -> int:
        """How strong a place a name can be (see ``NameCache.strength``)."""
        return self.cache.strength(name, primary_only)

    def read(self, text: str) -> Document:
        """``text`` tokenised as this parser tokenises: pass it to :meth:`parse_document` and
        hand it on to the event stage, which then splits nothing again."""
        return read_document(text, self.words)

    def recognize(self, text: str, tokens: list[Token] | None = None) -> list[Span]:
        """Toponym spans with kinds, before resolution."""
        tokens = tokenize(text, self.words) if tokens is None else tokens
        words, cache = self.words, self.cache
        seen = DocumentWords(text, tokens, words)
        found = [without_the(span, text, tokens, cache)
                 for span in self.recognizer.recognize(text, tokens)]
        found = without_overlaps([whole for whole in (
            whole_name(span, text, tokens, seen, cache, self.classifier.demonym)
            for span in found) if whole is not None])
        found = merge_patterns(found, _pattern_spans(text, tokens, words), tokens, words,
                               lambda span: cache.strength(text[span.start:span.end]) >= 2)
        found = [with_direction(span, tokens, words, cache.candidates, name) if cache.strength(
            name := text[span.start:span.end]) >= 2 else span for span in found]
        found = [self.typer.state(tokens, span) for span in found]
        found = self._with_aliases(found, tokens, text)
        found = self._with_typed_words(found, tokens)
        found = joined_demonyms(found, tokens, text, words)
        seen.called_places = called_places(text, tokens, found, words)
        spans = self._classified(found, text, seen)
        spans = without_remembered_persons(spans, text, seen, cache)
        spans = without_bare_hamlets(spans, text, tokens, cache.candidates, seen.called_places)
        return outside_groups(spans, text, group_name_ranges(text, tokens, words), cache)

    def _with_aliases(self, found: list[Span], tokens: list[Token], text: str) -> list[Span]:
        """"EU", "European Union": an alias replaces the matches it covers."""
        if not any(start in text for start in self.words.alias_starts):
            return found  # every token is a piece of the text: most articles hold no alias
        aliases = alias_spans(tokens, self.words)
        if not aliases:
            return found
        covered = {k for span in aliases for k in range(span.first, span.last + 1)}
        return [span for span in found if not any(
            k in covered for k in range(span.first, span.last + 1))] + aliases

    def _with_typed_words(self, found: list[Span], tokens: list[Token]) -> list[Span]:
        """Demonyms and state abbreviations among the capitalised words no match covers."""
        taken = {k for span in found for k in range(span.first, span.last + 1)}
        found = list(found)
        for k in [k for k in capitalised(tokens) if k not in taken]:
            typed = self.typer.word(tokens, k)
            if typed is not None:
                found.append(typed)
        found.sort(key=lambda span: span.start)
        return found

    def _classified(self, found: list[Span], text: str, seen: DocumentWords) -> list[Span]:
        """The kind rules over each span (a span whose rules fail stays as it is)."""
        spans = []
        for span in found:
            try:
                kept = self.classifier.classify(span, text, seen)
            except Exception as error:
                log.warning("kind rules failed on %r: %s", text[span.start:span.end], error)
                kept = span
            if kept is not None:
                spans.append(kept)
        return spans

    def resolve(self, text: str, tokens: list[Token], spans: list[Span], *,
                country_hint: str | None = None, offline: bool = True) -> list[Mention]:
        """Mentions for the given spans, each resolved with the whole article as context."""
        context = self._context(text, spans, country_hint)
        names = [text[span.start:span.end] for span in spans]
        wanted = [sense_wanted(tokens, span, self.words) if span.kind != "demonym" else None
                  for span in spans]
        # "Kandahar province" and "Kandahar city" in one article are two places: the region
        # reading gets a group of its own; one sense per discourse holds within each.
        norms, span_group = group_spans([
            self.normalize(name) + ("#admin" if want == "admin" else "")
            for name, want in zip(names, wanted, strict=True)])
        members_of: list[list[int]] = [[] for _ in norms]
        for k, owner in enumerate(span_group):
            members_of[owner].append(k)
        groups = [self._group(norm, members, spans, names, wanted, tokens)
                  for norm, members in zip(norms, members_of, strict=True)]
        context.spelled_regions = spelled_regions(
            text, lambda phrase: self.gazetteer.has_name(self.normalize(phrase)),
            {c.admin1_name for group in groups for c in group.candidates
             if c.feature_class == "P" and not c.population})
        containment = find_containment(text, tokens, spans, self.words)
        try:
            self.resolver.resolve(groups, containment, span_group, context)
        except Exception as error:  # context failed: fall back to each name's own prior
            log.warning("context resolution failed: %s", error)
        if self.fuzzy is not None and (offline or self.fallback is None):
            # Offline only: online, the fallback geocoder knows other spellings better.
            unresolved = {i for i, group in enumerate(groups) if group.chosen is None}
            resolve_unmatched(self.fuzzy, groups, spans, names, context)
            self.resolver.revisit_contained(groups, containment, span_group, context,
                                            unresolved)
        return [self._mention(text, tokens, span, groups[span_group[k]], context, offline)
                for k, span in enumerate(spans)]

    def _context(self, text: str, spans: list[Span], country_hint: str | None) -> DocumentContext:
        """The article's country votes: its demonyms, US-style county words, local unit
        words only one country uses, and the caller's hint."""
        context = DocumentContext(country_hint)
        county_style = 0
        for span in spans:
            if span.kind == "demonym" and span.country_hint:
                context.countries[span.country_hint] += 1
            elif span.feature_word in self.words.us_style_suffixes and span.source == "pattern":
                county_style += 1
        if county_style:
            # "Henderson County", "Avoyelles Parish": the name-then-"County" form is the United
            # States' (Ireland and Britain put "County" first), so it votes for the US.
            context.countries["US"] += min(county_style, 2)
        units = self.words.country_unit_words
        for country in {units[word.lower()] for word in self.words.unit_word.findall(text)}:
            context.countries[country] += 1
        context.implied_admin1 = implied_regions(text, self.gazetteer, self.lexicon)
        context.fronts = fronts_of(text, self.lexicon)
        for country in {country for country, _ in context.implied_admin1}:
            context.countries[country] += 1
        return context

    def _group(self, norm: str, members: list[int], spans: list[Span], names: list[str],
               wanted: list[str | None], tokens: list[Token]) -> NameGroup:
        """One name's group with its candidates: typed spans take theirs from their type,
        the rest from the gazetteer through the candidate filters."""
        example = spans[members[0]]
        if example.kind == "demonym":
            region = self.candidates(example.feature_word) if example.feature_word else []
            wide = [c for c in region if c.feature_code in {"ADM1", "CONT"}]
            return NameGroup(norm, members, (wide or region)[:1])
        if example.source == "state":
            state = self.gazetteer.admin1("US", example.feature_word)
            return NameGroup(norm, members, [state] if state is not None else [])
        if example.source == "alias":
            return NameGroup(norm, members, self.candidates(example.feature_word)[:1])
        if example.source == "group":
            return NameGroup(norm, members, [])
        name = names[members[0]]
        facts = NameFacts(name, tuple(wanted[k] for k in members), any(
            resident_noun_follows(tokens, spans[k], self.words) for k in members), self.cache)
        candidates = narrowed(self.candidates(name), facts)
        weak = False
        settled = facts.dateline and len(candidates) == 1
        if not candidates and example.feature_word:
            candidates = self._pattern_candidates(name, example.feature_word)
            weak = bool(candidates)
        return NameGroup(norm, members, candidates, weak=weak, settled=settled)

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
                span.first, span.last, tokens, place.feature_code, self.words):
            kind = "metonym"
        elif kind == "literal" and place is not None and place.feature_code in COUNTRY_CODES \
                and modifier_follows(tokens, span.last, text, self.words):
            kind = "demonym"
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
        given order; each span keeps its exact offsets and is typed as the recogniser types
        its own (``SpanTyper.given``)."""
        tokens = tokenize(text, self.words)
        starts = [t.start for t in tokens]
        groups = set(group_name_ranges(text, tokens, self.words))
        spans = []
        for start, end in offsets:
            first = max(0, bisect_right(starts, start) - 1)
            last = max(first, bisect_left(starts, end) - 1)
            if not tokens:
                first = last = 0
            spans.append(self.typer.given(text, tokens, start, end, first, last, groups))
        if not tokens:
            tokens = [Token(0, 0, "", True, False)]
        return self.resolve(text, tokens, spans, country_hint=country_hint, offline=offline)

    def parse(self, text: str, *, country_hint: str | None = None,
              offline: bool = True) -> list[Mention]:
        """Toponym mentions in ``text``, recognised and resolved."""
        return self.parse_document(self.read(text), country_hint=country_hint, offline=offline)

    def parse_document(self, document: Document, *, country_hint: str | None = None,
                       offline: bool = True) -> list[Mention]:
        """:meth:`parse` for a text already read (:meth:`read`), reusing its tokens."""
        spans = self.recognize(document.text, document.tokens)
        return self.resolve(document.text, document.tokens, spans, country_hint=country_hint,
                            offline=offline)


#: Parsers kept per process, keyed by their settings; a few are plenty (one per gazetteer and
#: fallback a process uses), and each holds large name caches.
_MAX_PARSERS = 8
_DEFAULT: OrderedDict[tuple[int | None, int], Geoparser] = OrderedDict()


def default_geoparser(gazetteer=None, fallback=None) -> Geoparser:
    """One Geoparser per (gazetteer, fallback) pair per process (the gazetteer itself is cached
    too). A parser is built from its settings once and never changed after: a call with
    another fallback gets a parser of its own, so no caller's fallback leaks into another's."""
    key = (None if gazetteer is None else id(gazetteer), id(fallback))
    parser = _DEFAULT.get(key)
    if parser is not None and (gazetteer is None or parser.gazetteer is gazetteer) \
            and parser.fallback is fallback:
        _DEFAULT.move_to_end(key)
        return parser
    if gazetteer is None:
        from gazetteer import Gazetteer
        gazetteer = Gazetteer.open()
    parser = _DEFAULT[key] = Geoparser(gazetteer, fallback=fallback)
    if len(_DEFAULT) > _MAX_PARSERS:
        _DEFAULT.popitem(last=False)
    return parser


def geoparse(text: str, *, published: date | None = None, country_hint: str | None = None,
             offline: bool = True, gazetteer=None, fallback=None,
             document: Document | None = None) -> list[Mention]:
    """Toponym mentions in ``text``, in order, each with ``text[m.start:m.end] == m.name``.

    ``published`` is accepted for the pipeline's sake (place names do not depend on it yet);
    ``country_hint`` (ISO2) nudges ambiguous names towards a country the caller knows about;
    ``offline=True`` (the default) never touches the network, even if a ``fallback`` is given.
    ``document``: ``text`` already read (``read_document(text)``), so its tokens are reused and
    the caller can hand the same document (its sentences) on to the event stage.
    """
    if not text:
        return []
    parser = default_geoparser(gazetteer, fallback)
    if document is None or document.text != text:  # a document of another text is no help
        return parser.parse(text, country_hint=country_hint, offline=offline)
    return parser.parse_document(document, country_hint=country_hint, offline=offline)
