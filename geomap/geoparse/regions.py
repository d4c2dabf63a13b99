"""The regions an article is about: the countries and first-level regions its names vote for,
the ones it implies without naming them as places (a conflict's theatre), and the provinces it
spells otherwise than the gazetteer does.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from anyascii import anyascii

from gazetteer.names import ADMIN1_SUFFIXES
from geomap.geoparse.weights import EVIDENCE
from geomap.lexicons import ENGLISH, Lexicon, built_from


class DocumentContext:
    """Votes for the countries and admin1 regions an article is about.

    Explicit mentions (a country or state named, a demonym, the caller's hint) count double; every
    other resolved name adds one vote for its country and region. A name's bonus for a sense is
    the share of the *other* names' votes that sense's country/region holds.
    """

    def __init__(self, country_hint: str | None = None):
        self.countries: Counter[str] = Counter()
        self.admin1: Counter[tuple[str, str]] = Counter()
        # The regions the text implies without naming them as places (an armed group named for
        # its region): (country, admin1 code) pairs.
        self.implied_admin1: frozenset[tuple[str, str]] = frozenset()
        # The region keys (region_key) of the text's capitalised words: the provinces
        # it names, in whatever spelling.
        self.spelled_regions: dict[str, frozenset[int]] = {}
        # The countries the text puts some place in ("X, Y country", "X is a town in Y region"),
        # as opposed to those it merely mentions ("US dollar") or its demonyms and towns vote for.
        self.placed_in: frozenset[str] = frozenset()
        # The fronts of the conflicts the text names (fronts.py): where its villages lie.
        self.fronts: tuple = ()
        if country_hint:
            self.countries[country_hint.upper()] += 2

    def admin1_bonus(self, candidate, own: Counter[tuple[str, str]] | None = None) -> float:
        if not candidate.admin1_code:
            return 0.0
        own = own or {}
        total = self.total_admin1() - sum(own.values())
        key = (candidate.country_code, candidate.admin1_code)
        return self._share_bonus(self.admin1, key, own, total, EVIDENCE.admin1_share)

    def total_countries(self) -> int:
        return sum(self.countries.values())

    def total_admin1(self) -> int:
        return sum(self.admin1.values())

    @staticmethod
    def _share_bonus(votes_by_key, key, own, total: float, weight: float) -> float:
        """1 for any support from the other names, plus ``weight`` times their share."""
        votes = votes_by_key.get(key, 0) - own.get(key, 0)
        return 0.0 if votes <= 0 or total <= 0 else EVIDENCE.share_floor + weight * votes / total


def implied_regions(text: str, gazetteer, lexicon: Lexicon = ENGLISH) -> frozenset[tuple[str, str]]:
    """(country, admin1 code) of the regions the text puts itself in without naming them as
    places: a note about a breakaway region's militia is about that region's villages, though
    it names neither the region nor its country (the lexicon's theatres)."""
    found: set[tuple[str, str]] = set()
    named = theatres_named(text, lexicon)
    for pattern, regions in lexicon.theatres:
        if pattern in named:
            found.update(_region_code(gazetteer, region) for region in regions)
    found.discard(None)
    return frozenset(found)


def theatres_named(text: str, lexicon: Lexicon = ENGLISH) -> frozenset[str]:
    """The patterns of the lexicon's theatres that the text matches: asked once per text for
    both its regions and its fronts (each search scans the whole text)."""
    return _named(text, built_from(lexicon, _theatres))


@lru_cache(maxsize=4)
def _named(text: str, theatres: tuple[tuple[str, re.Pattern], ...]) -> frozenset[str]:
    return frozenset(source for source, pattern in theatres if pattern.search(text))


def _theatres(lexicon: Lexicon) -> tuple[tuple[str, re.Pattern], ...]:
    return tuple(dict.fromkeys((source, re.compile(source)) for source, _ in lexicon.theatres))


def _region_code(gazetteer, region: str) -> tuple[str, str] | None:
    """("UA", "05") for "UA:Donetsk": the region as the gazetteer codes it (None where the
    gazetteer lacks it)."""
    country, _, name = region.partition(":")
    found = gazetteer.candidates(name, country=country, kinds=["ADM1"], limit=1)
    return (found[0].country_code, found[0].admin1_code) if found else None


#: Words that make no region's name on their own ("Central", "North West"): a region so named
#: is never told from the text's ordinary words.
_COMMON_REGION_WORDS = frozenset({
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "upper", "lower", "middle", "greater", "capital", "new", "city", "coast", "island",
    "islands", "highlands", "lakes", "river"})
#: Articles a region's name may carry or drop ("Al Hudaydah", "Hudaydah").
_ARTICLES = frozenset({"al", "el", "ar", "as", "ad", "an", "ash", "at", "az", "ath"})
#: A run of capitalised words where a container stands: after a comma or an opening bracket
#: ("X, Y", "X (Y, Z)").
_CAPITALISED_RUN = re.compile(r"(?:, |\()([A-Z][\w'’]*(?:[ -][A-Z][\w'’]*)*)")


@lru_cache(maxsize=8192)
def region_key(name: str | None) -> tuple[str, int]:
    """A first-level region's name as any common spelling of it reads: its letters without
    vowels or doubled letters ("Jowzjan" and "Jawzjan", "Shabele" and "Shebelle" alike), and
    how many letters it has (a name much shorter or longer is another word: "Main St" is no
    spelling of "Minnesota"); without its kind ("Province") or article. ("", 0) for a name made
    of ordinary words only."""
    return _words_key(tuple(re.findall(r"[a-z]+", anyascii(name or "").lower())))


@lru_cache(maxsize=65536)
def _words_key(words: tuple[str, ...]) -> tuple[str, int]:
    if words and words[-1] in ADMIN1_SUFFIXES:
        words = words[:-1]
    while words and words[0] in _ARTICLES:
        words = words[1:]
    if not words or all(word in _COMMON_REGION_WORDS for word in words):
        return "", 0
    letters = "".join(words)
    key = _DOUBLED.sub("", letters.translate(_NO_VOWELS))
    return (key, len(letters)) if len(key) >= 4 else ("", 0)


@lru_cache(maxsize=65536)
def _word_letters(word: str) -> str:
    """A capitalised word of the text as ``region_key`` reads it (its lower-case letters)."""
    return "".join(re.findall(r"[a-z]+", anyascii(word).lower()))


_NO_VOWELS = str.maketrans("", "", "aeiouy")
_DOUBLED = re.compile(r"(.)(?=\1)")


#: How many letters two spellings of one region's name may differ by.
_LENGTH_SLACK = 2


def spelled_regions(text: str, known=lambda phrase: False,
                    regions: Iterable[str | None] | None = None) -> dict[str, frozenset[int]]:
    """The region keys (``region_key``: its letters' skeleton, to the lengths it was spelled
    in) of every run of one to three capitalised words in a container's place in the text
    (after a comma or a bracket) that the gazetteer does not know (``known``): a province the
    text names in a spelling the gazetteer lacks still tells its villages from their namesakes
    elsewhere. (A name it knows votes for its region when resolved; and a known name spelled
    like a region, as "Washington" is, must not pull every town of that region.) ``regions``:
    the region names worth looking for (the article's candidates'), None for any; the gazetteer
    is asked only about phrases spelling one."""
    wanted = None if regions is None else {region_key(name)[0] for name in regions} - {""}
    keys: dict[str, set[int]] = {}
    if wanted is not None and not wanted:
        return {}
    for run in _CAPITALISED_RUN.finditer(text):
        words = re.split(r"[ -]", run.group(1))
        letters = [_word_letters(word) for word in words]
        for size in (1, 2, 3):
            for start in range(len(words) - size + 1):
                key, length = _words_key(tuple(w for w in letters[start:start + size] if w))
                if key and (wanted is None or key in wanted) and \
                        not known(" ".join(words[start:start + size])):
                    keys.setdefault(key, set()).add(length)
    return {key: frozenset(lengths) for key, lengths in keys.items()}


def spells_region(spelled: dict[str, frozenset[int]], region: str | None,
                  place: str | None = None) -> bool:
    """Whether the text (``spelled_regions``) names ``region`` in some spelling, for a
    ``place`` in it: not for the town named like its region, which that spelling names no
    better than it names the region ("Alexander" is neither Alexandria)."""
    key, length = region_key(region)
    lengths = spelled.get(key) if key else None
    return bool(lengths) and any(abs(length - other) <= _LENGTH_SLACK for other in lengths) \
        and region_key(place)[0] != key
