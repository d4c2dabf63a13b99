"""Name normalisation and the index-time name variants of DESIGN.md §2.

Query time must stay an exact lookup of ``normalize_name(text)``, so every spelling a reader
might use ("Deir ez-Zor", "Deir al-Zor", "Al-Tharda mountain", "Aleppo Governorate") is generated
here, once, when a feature is indexed. Original names are kept elsewhere for display.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator

from anyascii import anyascii

# Apostrophe-like marks (ayn/hamza transliterations, typographic quotes), hyphens and dots all
# separate words in place names: "Ma‘arrat al-Nu‘man", "U.S.", "Kramators'k".
_SEPARATORS = re.compile(r"[^a-z0-9]+")
_APOSTROPHES = "'`\u2018\u2019\u02bc\u02bb\u02be\u02bf\u00b4"

#: Arabic definite-article spellings met in transliterations. The assimilated ones (ash-, az-, ...)
#: only count as an article before a word starting with the same consonant ("ash-Sham").
_FREE_ARTICLES = {"al", "el", "il", "ul"}
_ASSIMILATED_ARTICLES = {
    "ad": "d", "adh": "dh", "an": "n", "ar": "r", "as": "s", "ash": "sh", "at": "t", "ath": "th",
    "az": "z", "ed": "d", "en": "n", "er": "r", "es": "s", "esh": "sh", "et": "t", "ez": "z",
}
_SUN_LETTER_PREFIXES = ("sh", "th", "dh", "t", "d", "r", "z", "s", "n")

_MOUNTAIN_PREFIXES = {"jabal", "jebel", "jabel", "jbel", "djebel", "mount", "mt", "jebal"}
_MOUNTAIN_SUFFIXES = {"mountain", "mount", "mt"}
_MOUNTAIN_CODES = {"MT", "MTS", "HLL", "HLLS", "PK", "PKS", "RDGE", "MESA", "PLAT"}

#: Words that name an admin1 unit after its name: "Aleppo Governorate", "Donetsk Oblast".
ADMIN1_SUFFIXES = (
    "governorate", "province", "oblast", "region", "state", "muhafazah", "muhafazat", "wilayah",
    "vilayet", "velayat", "prefecture", "department", "district", "county", "krai", "kray",
    "republic", "emirate", "territory", "division", "canton",
)
#: Words that name a second-order division after its name: "Suki District", "Bakhmut Raion".
#: "province" is here because the Philippines' provinces are GeoNames' ADM2.
ADMIN2_SUFFIXES = ("district", "raion", "rayon", "county", "municipality", "department",
                   "prefecture", "province", "woreda", "tehsil", "sub district", "subdistrict")
#: Dari/Pashto and Arabic words for a district written before its name.
_DISTRICT_PREFIXES = {"wuluswali", "woluswali", "uluswali", "mintaqat", "mantiqat", "qadaa",
                      "qada", "qadha"}
#: Division words written after a district's name that are not worth a spelling of their own
#: (Mali's cercles, DR Congo's territories), stripped like the suffixes above.
_ADMIN2_TAILS = frozenset(ADMIN2_SUFFIXES) | {"cercle", "territory", "district"}
#: "Province of Abra" (the Philippines' ADM2 as cities1000 names them), "Cercle de Niono".
_ADMIN2_HEADS = frozenset({"province of", "district of", "cercle de", "cercle d",
                           "municipality of"})
_ADMIN1_PREFIXES = ("province of ", "governorate of ", "state of ", "muhafazat ", "wilayat ")

_MAX_VARIANTS = 64
# The glide of a "yi" after a vowel: GeoNames romanises Ukrainian "ї" as "yi" everywhere
# ("Zelenoyivka"), the national system and the news write "i" inside a word ("Zelenoivka").
# Indexed under both, so either spelling finds the village. (Not "ay" before a consonant, the
# Ukrainian "й": English and Arabic names spell it so too, and a "Hayti" would gain "Haiti" as
# a namesake.)
_GLIDE = re.compile(r"(?<=[aeiou])y(?=i)")

_APOSTROPHE_SET = frozenset(_APOSTROPHES)
#: Words whose presence means a name may have variants (articles, mountain words).
_VARIANT_WORDS = (frozenset(_FREE_ARTICLES) | frozenset(_ASSIMILATED_ARTICLES)
                  | _MOUNTAIN_PREFIXES | _MOUNTAIN_SUFFIXES)


def normalize_name(text: str) -> str:
    """The lookup key of a name: lower case ASCII words separated by single spaces.

    Casefolds, transliterates any script with anyascii (diacritics go with it), turns
    apostrophes, hyphens, dots and other punctuation into word breaks and collapses whitespace.

    >>> normalize_name("Ţarţūs"), normalize_name("Deir ez-Zor"), normalize_name("U.S.")
    ('tartus', 'deir ez zor', 'u s')
    """
    if not text.isascii():
        text = anyascii(unicodedata.normalize("NFC", text))
    elif text.isalnum():
        # One ASCII word (most names asked for): no separator to squeeze out, and a cold
        # geoparse normalises thousands of them.
        return text.lower()
    return _SEPARATORS.sub(" ", text.lower()).strip()


def _without_apostrophes(text: str) -> str:
    """'Kramators'k' -> 'Kramatorsk': the spelling where the mark was simply dropped."""
    if not text.isascii():
        text = anyascii(unicodedata.normalize("NFC", text))
    for mark in _APOSTROPHES:
        text = text.replace(mark, "")
    return normalize_name(text)


def _article_forms(article: str, word: str) -> list[str]:
    """All ways the article before ``word`` is written: joined, spaced, assimilated, dropped."""
    # Joined forms only as the news writes them: "Alraqqa", "Deir Ezzor".
    forms = [f"al {word}", f"el {word}", word, f"al{word}"]
    for prefix in _SUN_LETTER_PREFIXES:
        if word.startswith(prefix):
            forms += [f"a{prefix} {word}", f"e{prefix} {word}", f"e{prefix}{word}"]
            break
    if article not in _FREE_ARTICLES:
        forms.append(f"{article} {word}")
    return forms


def _is_article(token: str, following: str) -> bool:
    if token in _FREE_ARTICLES:
        return True
    consonant = _ASSIMILATED_ARTICLES.get(token)
    return consonant is not None and following.startswith(consonant)


def arabic_article_variants(normalized: str) -> set[str]:
    """Spellings of a normalised name with its Arabic articles written every usual way.

    >>> sorted(arabic_article_variants("deir ez zor"))[:4]
    ['deir al zor', 'deir alzor', 'deir az zor', 'deir el zor']
    """
    tokens = normalized.split(" ")
    # Each slot is a list of alternative spellings for one stretch of the name.
    slots: list[list[str]] = []
    index = 0
    articles = 0
    while index < len(tokens):
        token = tokens[index]
        if index + 1 < len(tokens) and articles < 2 and _is_article(token, tokens[index + 1]):
            word = tokens[index + 1]
            # Dropping a leading article is fine ("Al-Bab" is "Bab"), but never drop it when the
            # name would shrink to one short word that means something else.
            forms = _article_forms(token, word)
            if len(tokens) == 2 and len(word) < 3:
                forms.remove(word)
            slots.append(forms)
            index += 2
            articles += 1
        else:
            slots.append([token])
            index += 1
    if articles == 0:
        return {normalized}
    results = [""]
    for options in slots:
        results = [f"{head} {option}".strip() for head in results for option in options]
        if len(results) > _MAX_VARIANTS:
            results = results[:_MAX_VARIANTS]
    return {" ".join(r.split()) for r in results} | {normalized}


def _mountain_variants(normalized: str, is_mountain: bool) -> set[str]:
    """'jabal al tharda' == 'al tharda mountain' == 'mount al tharda' (bare name too for MTs)."""
    tokens = normalized.split(" ")
    core = None
    if len(tokens) > 1 and tokens[0] in _MOUNTAIN_PREFIXES:
        core = " ".join(tokens[1:])
    elif len(tokens) > 1 and tokens[-1] in _MOUNTAIN_SUFFIXES:
        core = " ".join(tokens[:-1])
    elif is_mountain:
        core = normalized
    if core is None:
        return set()
    forms = {f"{prefix} {core}" for prefix in ("jabal", "jebel", "jabel", "mount", "mt")}
    forms |= {f"{core} mountain", f"{core} mount", f"{core} mountains"}
    if is_mountain:
        forms.add(core)
    return forms


def admin1_variants(normalized: str) -> set[str]:
    """'aleppo' -> 'aleppo governorate', 'aleppo province' ...; 'donetsk oblast' -> 'donetsk'."""
    core = normalized
    for prefix in _ADMIN1_PREFIXES:
        if core.startswith(prefix):
            core = core[len(prefix):]
    tokens = core.split(" ")
    if len(tokens) > 1 and tokens[-1] in ADMIN1_SUFFIXES:
        core = " ".join(tokens[:-1])
    forms = {core} | {f"{core} {suffix}" for suffix in ADMIN1_SUFFIXES}
    forms |= {f"{prefix}{core}" for prefix in _ADMIN1_PREFIXES}
    return forms


def district_core(name: str) -> str:
    """A district's own name without its division word: 'Suki District' -> 'Suki',
    'Wuluswālī-ye Sūkī' -> 'Sūkī', 'Province of Abra' -> 'Abra', 'Kati Cercle' -> 'Kati'."""
    core = " ".join(name.split())
    words = core.split(" ")
    if len(words) > 1 and normalize_name(words[-1]) in _ADMIN2_TAILS:
        core = " ".join(words[:-1])
    # The word for "district" in front: "Wuluswālī-ye Sūkī", "Mintaqat Afrin".
    head = normalize_name(words[0]).split(" ")
    if len(words) > 1 and head[0] in _DISTRICT_PREFIXES:
        rest = words[1:]
        if len(head) == 1 and len(rest) > 1 and normalize_name(rest[0]) in ("ye", "e", "i"):
            rest = rest[1:]
        core = " ".join(rest)
    # "Province of Abra", "Cercle de Niono": the English and French "division of X".
    if len(words) > 2 and normalize_name(" ".join(words[:2])) in _ADMIN2_HEADS:
        core = " ".join(words[2:])
    return core


def district_names(name: str, suffixes: Iterable[str] = ADMIN2_SUFFIXES) -> list[str]:
    """Display spellings a district is written with: 'Suki' -> 'Suki', 'Suki District', ...

    The embedded default's counties keep the exact forms they are curated with; districts from
    admin2Codes.txt and from cities1000 (sources/admin2.py, with fewer ``suffixes``) use these.
    """
    core = district_core(name)
    forms = [core] + [f"{core} {suffix}" for suffix in suffixes] + [f"district of {core}"]
    return [form for form in dict.fromkeys([name, *forms]) if form]


def name_variants(name: str, feature_code: str | None = None) -> frozenset[str]:
    """Every normalised key under which a feature called ``name`` is indexed.

    Not cached: most names need no variant at all, which the fast path below sees from their
    words alone, and only a fifth of GeoNames' names repeat -- an LRU cache made the builder and
    the importer ~30 % slower here and held ~120 MB of the build's 600 MB budget.

    >>> sorted(name_variants("Jabal al-Tharda", "MT")) [:3]
    ['al tharda', 'al tharda mount', 'al tharda mountain']
    """
    # Transliterate first: the apostrophe may come from it (Cyrillic soft sign -> "'").
    text = name if name.isascii() else anyascii(unicodedata.normalize("NFC", name))
    base = normalize_name(text)
    if not base:
        return frozenset()
    is_mountain = feature_code in _MOUNTAIN_CODES
    has_apostrophe = not _APOSTROPHE_SET.isdisjoint(text)
    glide = _glide_form(base)
    if (not has_apostrophe and not is_mountain and feature_code != "ADM1"
            and _VARIANT_WORDS.isdisjoint(base.split(" "))):
        return frozenset((base, glide)) if glide else frozenset((base,))
    keys = {base, glide} if glide else {base}
    if has_apostrophe:
        keys.add(_without_apostrophes(text))
    keys.discard("")
    for key in list(keys):
        keys |= _mountain_variants(key, is_mountain)
    if feature_code == "ADM1":
        for key in list(keys):
            keys |= admin1_variants(key)
    expanded: set[str] = set()
    for key in keys:
        expanded |= arabic_article_variants(key)
    expanded.discard("")
    return frozenset(expanded)


def _glide_form(key: str) -> str | None:
    """``key`` with the glide of each "yi" after a vowel dropped, or None when it has none
    ("zelenoyivka" -> "zelenoivka")."""
    if "yi" not in key:
        return None
    folded = _GLIDE.sub("", key)
    return folded if folded != key else None


def index_keys(names: Iterable[str], feature_code: str | None = None) -> Iterator[str]:
    """The distinct keys of all of a feature's names (main name first)."""
    seen: set[str] = set()
    for name in names:
        for key in name_variants(name, feature_code):
            if key not in seen:
                seen.add(key)
                yield key
