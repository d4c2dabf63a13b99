"""Geoparsing: text in, toponym mentions with offsets, kinds and resolved places out.

    >>> from geomap.geoparse import geoparse
    >>> text = "Shelling hit Sangin in Helmand."
    >>> [(m.name, m.kind) for m in geoparse(text)]  # doctest: +SKIP
    [('Sangin', 'literal'), ('Helmand', 'literal')]

Recognition (recognize.py) scans capitalised token n-grams against the gazetteer's name index;
a known prefix of a longer capitalised name ("Deh" in "Deh Sabz") grows to the whole name or is
dropped, never resolved alone; kinds.py filters persons, organisations, armed groups and common
words and assigns the mention kind (a country's name modifying a noun, "U.S. officials", is a
``demonym``); resolve.py picks each name's sense with the article's context. ``Place.name`` is
the readable ASCII form of the gazetteer's name ("Tartus", not "Ţarţūs"). Everything runs
offline by default; a fallback geocoder is used only for names the gazetteer lacks, only when
``offline=False``.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_left, bisect_right
from dataclasses import replace
from datetime import date

from geomap.geoparse import fuzzy, lexicon
from geomap.geoparse.context import called_places, find_containment, sense_wanted
from geomap.geoparse.hamlets import without_bare_hamlets
from geomap.geoparse.kinds import (
    COUNTRY_CODES,
    STRONG_POPULATION,
    DocumentWords,
    KindClassifier,
    group_name_ranges,
    is_metonym,
    locative_before,
    modifier_follows,
)
from geomap.geoparse.recognize import GazetteerRecognizer, Recognizer, Span, Token, tokenize
from geomap.geoparse.recognize import pattern_spans as _pattern_spans
from geomap.geoparse.resolve import (
    DocumentContext,
    NameGroup,
    Resolver,
    drop_shadowed_regions,
    group_spans,
    prefer_region,
    to_place,
)
from geomap.geoparse.spans import (
    CLASS_AFTER,
    KNOWN_WORD_LISTS,
    US_STYLE_SUFFIXES,
    alias_spans,
    hyphen_chain_end,
    joined_demonyms,
    merge_patterns,
    resident_noun_follows,
    us_state_abbreviation,
    with_direction,
    without_overlaps,
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
        self.resolver = Resolver(normalize, gazetteer)
        self.fuzzy = fuzzy.FuzzyMatcher(gazetteer, normalize) if fuzzy.ENABLED else None
        self._candidates: dict[str, list] = {}
        self._strength: dict[tuple[str, bool], int] = {}
        self._unshadowed_cache: dict[str, tuple[list, list]] = {}

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

    def _unshadowed(self, name: str, candidates: list) -> list:
        """``drop_shadowed_regions`` of a name's (cached) candidates, cached alongside them."""
        norm = self.normalize(name)
        found = self._unshadowed_cache.get(norm)
        if found is None or found[0] is not candidates:
            found = (candidates, drop_shadowed_regions(candidates, self.normalize))
            if len(self._unshadowed_cache) > 200_000:
                self._unshadowed_cache.clear()
            self._unshadowed_cache[norm] = found
        return found[1]

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
        found = [self._without_the(span, text, tokens)
                 for span in self.recognizer.recognize(text, tokens)]
        found = without_overlaps([whole for whole in (
            self._whole_name(span, text, tokens, words) for span in found) if whole is not None])
        found = merge_patterns(found, _pattern_spans(text, tokens), tokens)
        found = [with_direction(span, tokens) if self.strength(text[span.start:span.end]) >= 2
                 else span for span in found]
        for n, span in enumerate(found):
            state = us_state_abbreviation(tokens, span.first) if span.first == span.last else None
            if state:
                found[n] = Span(span.start, span.end, span.first, span.last, "state",
                                country_hint="US", feature_word=state)
        aliases = alias_spans(tokens)
        if aliases:
            covered = {k for span in aliases for k in range(span.first, span.last + 1)}
            found = [span for span in found if not any(
                k in covered for k in range(span.first, span.last + 1))] + aliases
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
                found.append(Span(token.start, token.end, k, k, "demonym", "demonym", iso,
                                  self._region_demonym(token.text, iso)))
            elif token.text.lower() in lexicon.REGION_DEMONYMS:
                found.append(Span(token.start, token.end, k, k, "demonym", "demonym",
                                  feature_word=lexicon.REGION_DEMONYMS[token.text.lower()]))
            elif not token.all_caps and (region := self._region_demonym(token.text)):
                found.append(Span(token.start, token.end, k, k, "demonym", "demonym",
                                  feature_word=region))
        found.sort(key=lambda span: span.start)
        found = joined_demonyms(found, tokens, text)
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
        spans = without_bare_hamlets(spans, text, tokens, self.candidates, words.called_places)
        groups = group_name_ranges(text, tokens)
        if groups:
            spans = self._outside_groups(spans, text, groups)
        return spans

    def _outside_groups(self, spans: list[Span], text: str,
                        groups: list[tuple[int, int]]) -> list[Span]:
        """Drop spans inside an armed group's name ("Boko Haram", "Taliban"); a strong place
        inside a longer one ("Islamic State of Iraq") stays, as ``embedded``."""
        starts = [start for start, _ in groups]
        kept = []
        for span in spans:
            k = bisect_right(starts, span.start) - 1
            inside = k >= 0 and span.start < groups[k][1]
            inside = inside or (k + 1 < len(groups) and groups[k + 1][0] < span.end)
            if not inside:
                kept.append(span)
            elif span.kind != "demonym" and (span.start, span.end) not in groups and \
                    self.strength(text[span.start:span.end]) >= 2:
                kept.append(replace(span, kind="embedded"))
        return kept

    def _whole_name(self, span: Span, text: str, tokens: list[Token],
                    words: DocumentWords) -> Span | None:
        """"Deh Sabz", "Qala Now", "Sar-e-Kotal": a small place's name followed by more of a
        name the gazetteer lacks is a fragment of that longer name, never the namesake the
        fragment spells. Where the text treats the whole as a place ("in Deh Sabz", "Qala Now
        village") the span grows to the whole name (left for the fallback); elsewhere the
        fragment is dropped (it is as often a person: "Pablo Ostrikov"). A known word after the
        fragment ("Fire Station", "Smith", "Afghanistan") is no continuation."""
        following = tokens[span.last + 1] if span.last + 1 < len(tokens) else None
        if span.source != "gazetteer" or span.first != span.last or \
                words.title_case[span.first] or following is None or \
                not (following.text == "-" or following.text[:1].isupper()):
            return span
        if self.strength(text[span.start:span.end]) > 0 or \
                tokens[span.first].text.lower() in lexicon.GIVEN_NAMES:
            return span
        last = hyphen_chain_end(tokens, span.last)
        if last == span.last:
            while last - span.last < 2 and last + 1 < len(tokens) and \
                    self._unknown_continuation(tokens[last], tokens[last + 1], text):
                last += 1
        if last == span.last:
            return span
        after = tokens[last + 1] if last + 1 < len(tokens) else None
        placed = locative_before(tokens, span.first) or (
            after is not None and after.text.lower() in CLASS_AFTER)
        if not placed:
            return None
        return Span(span.start, tokens[last].end, span.first, last, "extended")

    def _unknown_continuation(self, previous: Token, token: Token, text: str) -> bool:
        word = token.text
        if not (word[:1].isupper() and word.isalpha() and not token.all_caps and len(word) > 1):
            return False
        if token.newline_before or text[previous.end:token.start] != " ":
            return False
        low = word.lower()
        if any(low in words for words in KNOWN_WORD_LISTS):
            return False
        if self.classifier.demonym(word) is not None:
            return False
        # The rest of a compound name is itself a name somewhere ("Alam", "Kot", "Ab"); an
        # unknown capitalised word ("Jail", "Civic", "Usupov") names a building or a person.
        return self.recognizer_knows(word) and self.strength(word) < 2

    def recognizer_knows(self, phrase: str) -> bool:
        lookup = getattr(self.recognizer, "_lookup", None)
        return lookup(phrase)[0] if lookup is not None else self.gazetteer.has_name(
            self.normalize(phrase))

    def _without_the(self, span: Span, text: str, tokens: list[Token]) -> Span:
        """"The Korean Peninsula" -> "Korean Peninsula": a capitalised article is the sentence's,
        unless the place's own name begins with it ("The Hague", "The Dalles")."""
        if span.last == span.first or tokens[span.first].text not in {"The", "THE"}:
            return span
        name = text[span.start:span.end]
        if any(self.normalize(c.name) == self.normalize(name) for c in self.candidates(name)):
            return span
        second = tokens[span.first + 1]
        return replace(span, start=second.start, first=span.first + 1)

    def _region_demonym(self, word: str, country: str | None = None) -> str | None:
        """"Iowan", "Manitobans", "Ohioans": a resident's name formed on a first-level
        region's own name; the region it names (in ``country`` when the word is known as that
        country's demonym: "Georgians" are Georgia's, the country's, not the US state's). The
        continents' and regions' own demonyms ("European", "Arab") come from the lexicon."""
        if word.strip().lower() in lexicon.REGION_DEMONYMS:
            return lexicon.REGION_DEMONYMS[word.strip().lower()]
        if len(word) < 5 or not word.endswith(("an", "ans", "ns")):
            return None
        for cut in (1, 2, 3):
            stem = word[:-cut]
            if len(stem) < 4 or stem[-1] not in "aeiou" or stem.lower() in lexicon.COMMON_WORDS \
                    or not self.recognizer_knows(stem):
                continue
            norm = self.normalize(stem)
            if any(c.feature_code == "ADM1" and self.normalize(c.name) == norm
                   and (country is None or c.country_code == country)
                   for c in self.candidates(stem)):
                return stem
        return None

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
            elif span.feature_word in US_STYLE_SUFFIXES and span.source == "pattern":
                county_style += 1
        if county_style:
            # "Henderson County", "Avoyelles Parish": the name-then-"County" form is the United
            # States' (Ireland and Britain put "County" first), so it votes for the US.
            context.countries["US"] += min(county_style, 2)
        for country in {lexicon.COUNTRY_UNIT_WORDS[word.lower()]
                        for word in _UNIT_WORD.findall(text)}:
            context.countries[country] += 1
        names = [text[span.start:span.end] for span in spans]
        wanted = [sense_wanted(tokens, span) if span.kind != "demonym" else None
                  for span in spans]
        # "Kandahar province" and "Kandahar city" in one article are two places: the region
        # reading gets a group of its own; one sense per discourse holds within each.
        norms, span_group = group_spans([
            self.normalize(name) + ("#admin" if want == "admin" else "")
            for name, want in zip(names, wanted, strict=True)])
        groups = []
        members_of: list[list[int]] = [[] for _ in norms]
        for k, owner in enumerate(span_group):
            members_of[owner].append(k)
        for g, norm in enumerate(norms):
            members = members_of[g]
            example = spans[members[0]]
            if example.kind == "demonym":
                region = self.candidates(example.feature_word) if example.feature_word else []
                wide = [c for c in region if c.feature_code in {"ADM1", "CONT"}]
                groups.append(NameGroup(norm, members, (wide or region)[:1]))
                continue
            if example.source == "state":
                state = self.gazetteer.admin1("US", example.feature_word)
                groups.append(NameGroup(norm, members, [state] if state is not None else []))
                continue
            if example.source == "alias":
                groups.append(NameGroup(norm, members, self.candidates(example.feature_word)[:1]))
                continue
            if example.source == "group":
                groups.append(NameGroup(norm, members, []))
                continue
            candidates = self.candidates(names[members[0]])
            if wanted[members[0]] == "admin":
                # "Washington state", "Kandahar province": the region, if the name has one
                candidates = [c for c in candidates if c.feature_code == "ADM1"] or \
                    prefer_region(candidates, self.normalize)
            else:  # "in Tartus", "Kandahar city", or no word at all: the city
                candidates = self._unshadowed(names[members[0]], candidates)
            dateline = any(wanted[k] == "dateline" for k in members)
            if dateline:
                # "WASHINGTON (AP) -": wire services name big cities alone, smaller ones with
                # their state or country ("SPRINGFIELD, Ill.")
                towns = [c for c in candidates if c.feature_class == "P"]
                candidates = [max(towns, key=lambda c: c.population or 0)] if towns else \
                    candidates
            elif any(wanted[k] == "town" for k in members):
                # "Gaza city", "the town of Hat": a settlement, not the province in another
                # country that shares its name.
                candidates = [c for c in candidates if c.feature_class == "P"] or candidates
            if any(c.feature_code in _MACRO_REGIONS for c in candidates):
                # "the Middle East", "the Pacific": not a hamlet that took the name
                candidates = [c for c in candidates if not (
                    c.feature_class == "P" and (c.population or 0) < 10_000)]
            bare = names[members[0]].replace(".", "")
            if bare.isupper() and len(bare) <= 3:
                # "EU", "UK", "DRC": an acronym names a country or region, never the hamlet
                # "Eu" whose name it spells.
                candidates = [c for c in candidates if c.feature_class == "A"]
            if any(resident_noun_follows(tokens, spans[k]) for k in members):
                # "a Jordan girl", "the Jordan man": a country would be named by its
                # demonym here ("a Lebanese woman"); the name is a town's.
                towns = [c for c in candidates if c.feature_code not in COUNTRY_CODES]
                if any(c.feature_class == "P" for c in towns) and len(towns) < len(candidates):
                    candidates = towns
            weak = False
            settled = dateline and len(candidates) == 1
            if not candidates and example.feature_word:
                candidates = self._pattern_candidates(names[members[0]], example.feature_word)
                weak = bool(candidates)
            groups.append(NameGroup(norm, members, candidates, weak=weak, settled=settled))
        containment = find_containment(text, tokens, spans)
        try:
            self.resolver.resolve(groups, containment, span_group, context)
        except Exception as error:  # context failed: fall back to each name's own prior
            log.warning("context resolution failed: %s", error)
        if self.fuzzy is not None and (offline or self.fallback is None):
            # Offline only: online, the fallback geocoder knows other spellings better.
            fuzzy.resolve_unmatched(self.fuzzy, groups, spans, names, context)
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
        elif kind == "literal" and place is not None and place.feature_code in COUNTRY_CODES \
                and modifier_follows(tokens, span.last, text):
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
        given order; each span keeps its exact offsets."""
        tokens = tokenize(text)
        starts = [t.start for t in tokens]
        spans, order = [], []
        groups = set(group_name_ranges(text, tokens))
        for position, (start, end) in enumerate(offsets):
            first = max(0, bisect_right(starts, start) - 1)
            last = max(first, bisect_left(starts, end) - 1)
            if not tokens:
                first = last = 0
            name = text[start:end]
            iso = self.classifier.demonym(name) if " " not in name.strip() else None
            state = us_state_abbreviation(tokens, first) if first == last and tokens else None
            alias = lexicon.PLACE_ALIASES.get(tuple(name.lower().split()))
            region = self._region_demonym(name) if " " not in name.strip() else None
            if (start, end) in groups:
                spans.append(Span(start, end, first, last, "group", "embedded"))
            elif alias:
                spans.append(Span(start, end, first, last, "alias", feature_word=alias))
            elif region and not iso:
                spans.append(Span(start, end, first, last, "demonym", "demonym",
                                  feature_word=region))
            elif state:
                spans.append(Span(start, end, first, last, "state", country_hint="US",
                                  feature_word=state))
            elif iso and (not self.gazetteer.has_name(self.normalize(name))
                          or self.strength(name, primary_only=True) < 2):
                # as the recogniser reads them: "Canadian" is the nationality, not Canadian, TX
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


_MACRO_REGIONS = frozenset({"CONT", "RGN", "OCN", "SEA"})
_UNIT_WORD = re.compile(r"\b(?:" + "|".join(lexicon.COUNTRY_UNIT_WORDS) + r")\b", re.IGNORECASE)


def _strength_of(candidate) -> int:
    code, population = candidate.feature_code, candidate.population or 0
    if code in COUNTRY_CODES:
        return 4
    if code == "PPLC" or population >= 1_000_000:
        return 3
    if code == "ADM1":
        return 2
    return 1 if population >= STRONG_POPULATION else 0


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
