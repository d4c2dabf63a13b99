"""A last, offline resort for names the gazetteer lacks under the spelling used: an approximate
match among the names of one country the article is about.

Transliteration spells one place many ways ("Gereshk"/"Girishk", "Lashkar Gah"/"Lashkargaah"); the
gazetteer indexes the spellings GeoNames knows, so another one finds nothing. Searching the whole
world approximately would turn every unknown word into some hamlet, so the search is restricted
to the countries the article's other names already point to, to names of at least
``min_length`` letters, and to one kind of difference, the one transliteration makes: the two
names must share their consonant skeleton (vowels, doubled letters and the transliteration
pairs kh/k, q/k, ou/u, w/v ... folded, spaces and hyphens dropped: "Gireshkh" and "Gereshk" are
both "grshk", "Lashkargaah" and "Lashkar Gah" both "lshkrgh") and agree letter by letter
(``fuzz.ratio`` of the spaceless forms, 0-100) at a floor that rises with the number of names
the country holds, since the chance of a chance likeness grows with it.

Measured by matching 2,000 real place names of other countries (chance likenesses) and 1,000
of the country's own names with one vowel changed, doubled or dropped (variants), the floors
(80 under 3,000 names, 85 under 10,000, 90 above) keep chance matches at or under ~0.5 % per
unknown name (Afghanistan, Iraq, Syria 0.05-0.1 %; India 0.55 %; United States 0.5 %) while
recovering 90-95 % of variants in small countries and 60-90 % in the densest. Countries, names
grown or cut at the end ("Helmandi"/"Helmand"), abbreviations, possessives and phrases with
lower-case words are never searched.

Where the text names the province ("X, Y province", "X, Y" with Y a city that names its
province), the search is over that province's names alone: a likeness elsewhere is another place
anyway, and the province holds far fewer names than its country, so its floor (by the same
table, by the province's number of names) is lower: a respelling that changes a letter or two
of a short name ("Pul-i"/"Pul-e", "-khil"/"-khel") is found where the country-wide floor would
miss it, and a namesake's spelling owned by a bigger place elsewhere no longer hides the
province's own.

A name that differs from one of the country's in romanisation alone (:func:`soften`: doubled
letters, "oo" for "u", an inner "y" for "i", a final "h", the transliteration pairs --
"Sollomynka"/"Solominka", "Tallabiyah"/"Talabiya") is that name, whatever the floor and even
grown by that "h": in a country of 60,000 village names a nine-letter name with one letter
respelt scores under 90, yet such an equality is no chance likeness. (Scoring every name in its
softened form instead raised chance likenesses as much as it found respellings: GTD within
25 km fell.)

A village the text puts in a province ("X, Y province, Country") but whose spelling found only
a namesake outside it is searched for in the province too: the province's own village may be
the gazetteer's under another spelling (where none is found, the namesake stays: the province
a text gives is not always the gazetteer's).

A place found so is marked ``source="fuzzy"`` and gets a low confidence, so a reader (or a
filter) can tell it from an exact match.

    >>> matcher = FuzzyMatcher(Gazetteer.open(), normalize_name)   # doctest: +SKIP
    >>> matcher.match("Gireshkh", ["AF"]).name                       # doctest: +SKIP
    'Gereshk'
"""

from __future__ import annotations

import logging
import re
import string
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import replace

from rapidfuzz import fuzz, process

from gazetteer import fuzzynames
from gazetteer.fuzzynames import FOLDS, MIN_COMPACT, Bucket
from gazetteer.names import normalize_name
from geomap.geoparse.fit import containment_bonus, in_province
from geomap.geoparse.kinds import COUNTRY_CODES
from geomap.geoparse.provinces import in_provinces_above
from geomap.geoparse.words import ENGLISH_WORDS, Words

log = logging.getLogger(__name__)

#: (names in the country below, similarity floor): the floor for a country of that size.
DEFAULT_FLOORS = ((3_000, 80.0), (10_000, 85.0), (float("inf"), 90.0))
DEFAULT_MIN_LENGTH = MIN_COMPACT + 1
# Confidence of a fuzzy place: below any exact match the resolver is sure of.
_CONFIDENCE = 0.35
# Per-process cache of countries' buckets; a country with a village pack holds up to ~60k names.
_MAX_COUNTRIES = 24
# Per-process cache of provinces' buckets (a few thousand names each, folded on first use).
_MAX_PROVINCES = 64

_NOT_LETTERS = str.maketrans("", "", string.punctuation + string.whitespace)
_POSSESSIVE = re.compile(r"['\u2019]s\b")
_PARTS = re.compile(r"[\s\-\u2010\u2011'\u2019]+")
_VOWELS = re.compile(r"[aeiouy]+")
# A letter its double follows: dropping it leaves one of a run, with no template per match.
_DOUBLES = re.compile(r"(.)(?=\1)")
# "y" inside a name is the vowel "i" in another romanisation ("Sollomynka"/"Solominka").
# (The patterns begin with their letter so that the engine skips to it; a bucket folds
# thousands of names at once.)
_INNER_Y = re.compile(r"y(?<=[a-z]y)")
# A final "h" after a vowel: the Arabic feminine ending written or not ("Zarqiya"/"Zarqiyah").
_FINAL_H = re.compile(r"h(?<=[aeiou]h)$", re.MULTILINE)


def soften(compact: str) -> str:
    """The form in which two romanisations of one name are equal: the transliteration pairs
    folded, "oo" written "u", doubled letters single, an inner "y" written "i" and a final "h"
    after a vowel dropped ("sollomynka"/"solominka", "tallabiyah"/"talabiya"). Works on one
    name or on names joined by newlines."""
    # "oo" is the English spelling of "u" ("Kabool"/"Kabul"), not a doubled "o".
    compact = compact.replace("oo", "u")
    for old, new in FOLDS:
        compact = compact.replace(old, new)
    return _FINAL_H.sub("", _DOUBLES.sub("", _INNER_Y.sub("i", compact)))


def skeleton(compact: str) -> str:
    """The consonant frame of a spaceless name: "girishk" and "gereshk" -> "grshk"; a leading
    vowel stays as "a" ("Irbil"/"Erbil" -> "arbl")."""
    for old, new in FOLDS:
        compact = compact.replace(old, new)
    head = "a" if compact[:1] in "aeiouy" else compact[:1]
    return _DOUBLES.sub("", head + _VOWELS.sub("", compact[1:]))


class FuzzyMatcher:
    """Approximate, country-restricted lookups over the gazetteer (read-only, cached per
    process, one country's names at a time)."""

    def __init__(self, gazetteer, normalize: Callable[[str], str], *,
                 floors: tuple[tuple[float, float], ...] = DEFAULT_FLOORS,
                 min_length: int = DEFAULT_MIN_LENGTH, words: Words = ENGLISH_WORDS):
        self.gazetteer = gazetteer
        self.normalize = normalize
        self.words = words
        # Class words a pattern span may end with ("Girishk District"): the name is what
        # precedes them. Districts and provinces are mostly named after their chief town, which
        # the gazetteer holds; counties, parishes and townships (the US-style units) are units
        # of their own, whose namesake town is another place.
        self.place_words = words.place_class_words - words.us_style_suffixes
        self.floors = floors
        self.min_length = min_length
        # country -> (folded whole?, head -> bucket or None): a bucket at a time from the
        # stored table, a whole country at a time when folded here.
        self._countries: OrderedDict[str, tuple[bool, dict[str, Bucket | None]]] = OrderedDict()
        # The stored buckets were folded with the default normaliser and minimum only.
        self._stored = normalize is normalize_name and min_length == MIN_COMPACT + 1
        self._answers: dict[tuple, object] = {}
        # id(bucket) -> (bucket, its softened names, one a line): the bucket is held so its id
        # stays its own
        self._soft: dict[int, tuple[Bucket, str]] = {}
        # (country, admin1) -> head -> bucket: one province's names, folded here on first use
        self._provinces: OrderedDict[tuple[str, str], dict[str, Bucket]] = OrderedDict()

    def fuzzable(self, name: str, in_province: bool = False) -> bool:
        """Worth an approximate search: long enough, not a common word, not a person's name
        (``in_province``: the text names the province searched)."""
        words = self.normalize(name).split()
        if not words or sum(len(w) for w in words) < self.min_length:
            return False
        # An abbreviation ("E. Riverside", "Ft. Worth") or an acronym ("Mosul FC", "UNAMA")
        # marks a name the text shortened or an organisation, not a respelt town.
        if "." in name or any(len(w) <= 3 and w.isupper() for w in name.split()):
            return False
        if _POSSESSIVE.search(name):
            return False
        # "Taliban-controlled", "Helmand's governor": a lower-case word other than a name's own
        # particle ("Qala-e Naw", "Tell al Hawa") or a possessive makes a phrase, not a name.
        if any(len(part) > 2 and part[0].islower() and part not in self.words.name_particles
               for part in _PARTS.split(name)):
            return False
        not_names = self.words.not_names
        # Villages bear given names ("Ahmad Abad", "Hassan Khel"): among the few names of a
        # province the text names, a name of several words that holds one is such a village.
        given = self.words.given_names if in_province and len(words) > 1 else frozenset()
        return not any(word in not_names and word not in given for word in (words[0], words[-1]))

    def floor(self, size: int) -> float:
        return next(floor for below, floor in self.floors if size < below)

    def match(self, name: str, countries: Iterable[str],
              prefer_admin1: Iterable[tuple[str, str]] = (),
              provinces: Iterable[tuple[str, str]] = ()):
        """The gazetteer candidate (``source="fuzzy"``) whose name best approximates ``name``
        within ``countries`` (or, given ``provinces``, (country, admin1) keys, within those
        provinces alone), or None when nothing is close enough."""
        countries, provinces = tuple(countries), tuple(sorted(set(provinces)))
        key = (self.normalize(name), countries, provinces)
        if key in self._answers:
            return self._answers[key]
        answer = None
        if (countries or provinces) and self.fuzzable(name, in_province=bool(provinces)):
            try:
                answer = self._match(name, countries, set(prefer_admin1), provinces)
            except Exception as error:  # a failing lookup leaves this one name unresolved
                log.warning("fuzzy lookup failed for %r: %s", name, error)
        if len(self._answers) > 50_000:
            self._answers.clear()
        self._answers[key] = answer
        return answer

    def _match(self, name: str, countries: tuple[str, ...], prefer_admin1: set,
               provinces: tuple[tuple[str, str], ...] = ()):
        query = self.normalize(name).translate(_NOT_LETTERS)
        frame = skeleton(query)
        if len(frame) < 3:
            return None
        soft = soften(query)
        found: list[tuple[float, int, int]] = []  # (score, population, geonameid)
        buckets = [self._province_bucket(province, frame[0]) for province in provinces] \
            if provinces else [self._bucket(country, frame[0]) for country in countries]
        for bucket in buckets:
            if bucket is None:
                continue
            # The letter-by-letter likeness first (fast, in C), the skeleton on the few close.
            close = process.extract(query, bucket.names, scorer=fuzz.ratio,
                                    score_cutoff=self.floor(bucket.country_size), limit=None)
            for key, score, index in close:
                if key != query and (key.startswith(query) or query.startswith(key)):
                    # A name grown or cut at its end is a derived word ("Helmandi"/"Helmand",
                    # "Kurd"/"Kurdistan"), not a respelling, which changes letters inside.
                    continue
                if skeleton(key) == frame:
                    found.append((score, bucket.populations[index], bucket.geonameids[index]))
            # A name that differs from the query in romanisation alone is the same name, however
            # many names the country holds: it scores as an exact match.
            found += [(100.0, bucket.populations[index], bucket.geonameids[index])
                      for index in self._softened(bucket, soft)
                      if self._is_settlement(bucket.geonameids[index])]
        if not found:
            return None
        best = max(score for score, *_ in found)
        close = [hit for hit in found if hit[0] >= best - 2.0]
        candidates = [self.gazetteer.get(geonameid) for _, _, geonameid in close]
        candidates = [(hit, c) for hit, c in zip(close, candidates, strict=True) if c is not None]
        if not candidates:
            return None
        # Near-ties: the article's region first, then the larger place.
        _, chosen = max(candidates, key=lambda pair: (
            (pair[1].country_code, pair[1].admin1_code) in prefer_admin1, pair[0][0],
            pair[0][1]))
        return replace(chosen, source="fuzzy", matched=query, is_primary_name=False)

    def _is_settlement(self, geonameid: int) -> bool:
        """A populated place, what a respelt village name means: a district's or a region's
        derived centroid may lie far from the town it is named after."""
        feature = self.gazetteer.get(geonameid)
        return feature is not None and feature.feature_class == "P"

    def _softened(self, bucket: Bucket, soft: str) -> list[int]:
        """The positions of the bucket's names whose softened form is ``soft``, in order. The
        bucket is softened once, as one string (in C), and searched as one: a dict of its
        thousands of names would cost a cold process more than all its searches."""
        entry = self._soft.get(id(bucket))
        if entry is None or entry[0] is not bucket:
            if len(self._soft) > _MAX_COUNTRIES * 8:
                self._soft.clear()
            folded = soften("\n".join(bucket.names))
            entry = self._soft[id(bucket)] = (bucket, f"\n{folded}\n")
        names, line = entry[1], f"\n{soft}\n"
        positions = []
        at = names.find(line)
        while at >= 0:
            positions.append(names.count("\n", 0, at))
            at = names.find(line, at + len(line) - 1)
        return positions

    def _bucket(self, country: str, letter: str) -> Bucket | None:
        """The country's names with skeleton head ``letter`` (None: it has none)."""
        entry = self._countries.get(country)
        if entry is not None:
            self._countries.move_to_end(country)
            complete, buckets = entry
            if complete or letter in buckets:
                return buckets.get(letter)
        conn = self.gazetteer.connection()
        if self._stored and fuzzynames.is_current(conn):
            # Folded when the gazetteer was written: read just the bucket searched.
            if entry is None:
                entry = self._remember(country, (False, {}))
            bucket = entry[1][letter] = fuzzynames.load_bucket(conn, country, letter)
            return bucket
        # No current stored table (an older file, or features added since): fold here, once.
        rows = conn.execute(fuzzynames.COUNTRY_SQL, (country,)).fetchall()
        buckets = fuzzynames.fold_country(rows, self.normalize, self.min_length - 1)
        self._remember(country, (True, buckets))
        return buckets.get(letter)

    def _province_bucket(self, province: tuple[str, str], letter: str) -> Bucket | None:
        """The province's names with skeleton head ``letter``, each owned by the province's
        most populous feature of that spelling (None: it has none)."""
        buckets = self._provinces.get(province)
        if buckets is None:
            rows = self.gazetteer.connection().execute(
                fuzzynames.PROVINCE_SQL, province).fetchall()
            buckets = fuzzynames.fold_country(rows, self.normalize, self.min_length - 1)
            self._provinces[province] = buckets
            if len(self._provinces) > _MAX_PROVINCES:
                self._provinces.popitem(last=False)
        else:
            self._provinces.move_to_end(province)
        return buckets.get(letter)

    def _remember(self, country: str, entry: tuple) -> tuple:
        self._countries[country] = entry
        if len(self._countries) > _MAX_COUNTRIES:
            self._countries.popitem(last=False)
        return entry


def resolve_unmatched(matcher: FuzzyMatcher, groups: list, spans: list, names: list[str],
                      context) -> None:
    """Give each literal name group the gazetteer found nothing for its fuzzy match in the
    article's countries (one sense per discourse: the whole group at once)."""
    countries = None
    for group in groups:
        # (a name whose every sense lies outside the province the text puts it in is searched
        # too: the one meant is the gazetteer's under another spelling, or none; not so a name
        # put in a mere country, which holds too many likenesses)
        if group.chosen is not None and not _strays(group):
            continue
        if group.chosen is None and group.candidates and not any(
                region.chosen.feature_code not in COUNTRY_CODES for region in group.within):
            continue
        span = spans[group.spans[0]]
        name = _searchable_name(names[group.spans[0]], span, matcher.place_words)
        if name is None:
            continue
        provinces = _named_provinces(group.within)
        if countries is None:
            countries = context_countries(context.countries)
            regions = [key for key, votes in context.admin1.items() if votes >= 2]
        if not countries and not provinces:
            continue
        found = matcher.match(name, countries, regions, provinces)
        if found is not None and not all(in_province(found, region) for region in group.within):
            continue  # "X, Y province": a likeness outside Y is some other place
        if found is not None and not all(containment_bonus(found, place) for place in group.near):
            continue  # "X, Y town, Z province": ... and so is one in Z far from Y
        if found is not None:
            group.chosen = found
            group.confidence = _CONFIDENCE


def _strays(group) -> bool:
    """A village read outside the province the text puts it in ("X, Y province", X's exact
    spelling the name of a village elsewhere): the province's own village may be spelled
    otherwise in the gazetteer. (Kept where no such respelling is found: the province the
    text gives is not always the gazetteer's.)"""
    named = [region for region in group.within if region.chosen.feature_code not in COUNTRY_CODES]
    return bool(named) and group.chosen.source != "fuzzy" and \
        not in_provinces_above(group.chosen, named)


def _named_provinces(within: list) -> list[tuple[str, str]]:
    """The (country, admin1) of each region below a country the text puts a name in, or none
    when any of them cannot be pinned to one first-level region."""
    keys = []
    for region in within:
        sense = region.chosen
        if sense.feature_code in COUNTRY_CODES:
            continue
        if not sense.country_code or not sense.admin1_code:
            return []
        keys.append((sense.country_code, sense.admin1_code))
    return keys


def _searchable_name(name: str, span, place_words: frozenset[str]) -> str | None:
    """The name to search for a literal span, or None: class-word patterns only for places
    ("Girishk District" -> "Girishk"; never streets, rivers, facilities or routes)."""
    if span.kind != "literal" or span.source in {"demonym", "state", "alias", "group"}:
        return None
    if span.source != "pattern" or span.feature_word == "locative":
        return name  # "in Tando Bago": a name the gazetteer lacks right where places are said
    if span.feature_word not in place_words:
        return None
    words = name.split()
    if len(words) > 1 and words[-1].lower() == span.feature_word:
        words = words[:-1]
    return " ".join(words)


def context_countries(votes, *, minimum: int = 1, share: float = 0.5, limit: int = 1) -> list:
    """The countries an article is about, strongest first: each with ``minimum`` votes (a named
    country counts 2, a demonym or a resolved place 1) and ``share`` of all votes. By default
    only a country that holds half the article: a guess is safe only where the article is
    clearly about one country (and each country searched costs a scan of the gazetteer)."""
    total = sum(votes.values())
    return [country for country, count in votes.most_common(limit)
            if count >= minimum and count >= share * total]


__all__ = ["FuzzyMatcher", "context_countries", "resolve_unmatched", "skeleton", "soften"]
