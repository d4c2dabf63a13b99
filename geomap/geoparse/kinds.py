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
"Islamic State of *Iraq*") is ``embedded``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from geomap.geoparse import lexicon
from geomap.geoparse.recognize import Span, Token

COUNTRY_CODES = frozenset({"PCLI", "PCL", "PCLD", "PCLF", "PCLS", "PCLIX", "TERR"})
STRONG_CODES = COUNTRY_CODES | {"ADM1", "PPLC"}
STRONG_POPULATION = 100_000
# Endings of inflected English words; a weak place name at a sentence start with one of them is
# far more often the word ("Samples", "Farmers", "Training") than the hamlet.
_WORD_ENDINGS = ("ing", "ed", "ly", "ness", "ment", "tion", "ers", "ies", "es", "ples", "ans")


def _bare(word: str) -> str:
    return word.rstrip(".").lower()


def _is_title(token: Token) -> bool:
    return _bare(token.text) in lexicon.TITLES and token.text[:1].isupper()


class DocumentWords:
    """Per-article facts the rules share: lower-case vocabulary, title-case lines, person names."""

    def __init__(self, text: str, tokens: list[Token]):
        self.tokens = tokens
        self.lowercase = {t.text for t in tokens if t.text.islower()}
        self.title_case = _title_case_flags(tokens)
        self.persons = _person_surnames(tokens, self.title_case)
        # Names the rules took for persons in one place ("Jordan Pryce"): alone elsewhere in the
        # article they are that person too.
        self.rejected_persons: set[str] = set()
        # Names the text itself calls places ("Lorna is a small town", "the town of Nila"):
        # no person or common-word rule overrides that anywhere in the article.
        self.called_places: set[str] = set()


def _title_case_flags(tokens: list[Token]) -> list[bool]:
    """True for tokens on a line where most words are capitalised (a headline): there, a capital
    letter says nothing about proper names."""
    flags = [False] * len(tokens)
    start = 0
    for k in range(len(tokens) + 1):
        if k == len(tokens) or (k > start and tokens[k].newline_before):
            words = [t for t in tokens[start:k] if t.text[:1].isalpha()]
            long_words = [t for t in words if len(t.text) > 3]
            if len(words) >= 4 and long_words and sum(
                    t.text[0].isupper() for t in long_words) >= 0.8 * len(long_words):
                for m in range(start, k):
                    flags[m] = True
            start = k
    return flags


def _person_surnames(tokens: list[Token], title_case: list[bool]) -> set[str]:
    """Last words of "Title Name" and "Given-name Name" sequences anywhere in the article."""
    surnames: set[str] = set()
    n = len(tokens)
    for k, token in enumerate(tokens):
        if not token.text[:1].isupper() and token.text not in lexicon.TITLES:
            continue
        bare = _bare(token.text)
        opener = (bare in lexicon.TITLES or (bare in lexicon.GIVEN_NAMES
                                             and not token.all_caps))
        if not opener or title_case[k]:
            continue
        m = k + 1
        while m < n and tokens[m].text[:1].isupper() and not tokens[m].newline_before and (
                _bare(tokens[m].text) in lexicon.TITLES or m == k + 1
                or _looks_like_name(tokens[m])):
            m += 1
        if m > k + 1 and not _is_title(tokens[m - 1]):
            surnames.add(tokens[m - 1].text)
    surnames.update(_apposed_names(tokens, title_case))
    return surnames


def _apposed_names(tokens: list[Token], title_case: list[bool]) -> set[str]:
    """The words of a two- or three-word name the text then calls by a title: "Katumba Wamala,
    the Ugandan Minister of Works". Never after a locative preposition ("in Dera Ismail Khan,
    the governor said")."""
    found: set[str] = set()
    for k, token in enumerate(tokens):
        if token.text != "," or k + 2 >= len(tokens) or title_case[k] or \
                tokens[k + 1].text.lower() not in {"the", "a", "an"}:
            continue
        titled = False
        for after in tokens[k + 2:k + 7]:
            if not after.text[:1].isalpha():
                break
            if _bare(after.text) in lexicon.TITLES:
                titled = True
                break
        first = k
        while first > 0 and k - first < 3 and _looks_like_name(tokens[first - 1]) and \
                not tokens[first - 1].all_caps:
            first -= 1
        if titled and k - first >= 2 and not locative_before(tokens, first):
            found.update(t.text for t in tokens[first:k])
    return found


def _looks_like_name(token: Token) -> bool:
    bare = _bare(token.text)
    return (token.text[:1].isupper() and bare not in lexicon.COMMON_WORDS
            and bare not in lexicon.ORGANISATION_HEADS and bare not in lexicon.MONTHS
            and bare not in lexicon.DAYS)


class KindClassifier:
    """Decides, span by span, whether it is a toponym and which kind.

    ``strength(name)`` ranks a name's strongest gazetteer sense (4 country, 3 capital or 1M+ city,
    2 admin1 region, 1 city of 100k+, 0 other): strong names survive the common-word and
    neighbour rules that weak ones do not.
    """

    def __init__(self, gazetteer, strength: Callable[..., int]):
        self.gazetteer = gazetteer
        self.strength = strength
        self._demonyms: dict[str, str | None] = {}

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

    def classify(self, span: Span, text: str, words: DocumentWords) -> Span | None:
        tokens = words.tokens
        first = tokens[span.first]
        name = text[span.start:span.end]
        bare = _bare(name)
        single = span.first == span.last
        if span.kind == "demonym" or span.source in {"state", "alias"}:
            return span
        if bare in lexicon.MONTHS or bare in lexicon.DAYS or bare in lexicon.AGENCIES or \
                bare in lexicon.NOT_PLACE_PHRASES:
            return None
        if single and bare in lexicon.TITLES:
            return None
        if single and first.all_caps and len(name.replace(".", "")) <= 3:
            if bare not in lexicon.PLACE_ACRONYMS:
                return None
        if single and span.source != "demonym" and bare in lexicon.REGION_DEMONYMS and \
                self.strength(name, primary_only=True) < 3 and not (
                    span.last + 1 < len(tokens) and tokens[span.last + 1].text == ","):
            # ... unless a comma names its state ("Arab, Alabama")
            # "Arab cities", "Europeans": a people, not Arab, Alabama
            return replace(span, source="demonym", kind="demonym",
                           feature_word=lexicon.REGION_DEMONYMS[bare])
        if single and span.source != "demonym":
            iso = self.demonym(name)
            if iso and (not self.gazetteer.has_name(bare)
                        or self.strength(name, primary_only=True) < 2):
                # (a pattern's class word, "Palestinian camp", is no region to resolve)
                return replace(span, source="demonym", kind="demonym", country_hint=iso,
                               feature_word=None)
        if name in words.called_places:
            return span
        if single and (len(bare) < 2 or (name.endswith(".") and "." not in bare)):
            return None  # "I", "W.", "St." alone
        if span.source == "pattern":
            return self._pattern_kind(span, text, words)
        before = tokens[span.first - 1] if span.first > 0 else None
        if single and bare in lexicon.LANGUAGES and before is not None and \
                before.text.lower() in {"in", "into", "from"}:
            return None  # "published in English", "translated from Arabic"
        after = tokens[span.last + 1] if span.last + 1 < len(tokens) else None
        headline = words.title_case[span.first]
        strength = self.strength(name)

        if single and strength < 3 and (_age_follows(tokens, span.last) or (
                name in words.persons and not locative_before(tokens, span.first))):
            words.rejected_persons.add(name)
            return None
        if before is not None and _adjacent(before, first, text) and self._person_before(
                before, text, words, headline, single, strength):
            if single and strength < 2:
                words.rejected_persons.add(name)
            return None
        if _hyphen_compound(tokens, span, text, self.gazetteer, self.strength):
            return None
        acronym = first.all_caps and bare.replace(".", "") in lexicon.PLACE_ACRONYMS
        if single and first.all_caps and not acronym and not headline and len(bare) > 3 and \
                not _dateline(tokens, span.first):
            return None  # "NATO", "NICE": an acronym, unless in a headline or dateline
        if single and not acronym:
            if bare in lexicon.NOT_PLACES or bare in lexicon.NAME_PARTICLES:
                return None
            if bare in lexicon.ORGANISATION_HEADS and strength < 3:
                return None  # "University", "Patrol", "Commerce" alone
            if strength == 0 and after is not None and after.text.isdigit() and \
                    _adjacent(first, after, text):
                return None  # "Pack 123", "Troop 5": a numbered unit, not a place
            own = None
            if bare in lexicon.COMMON_WORDS:
                # A common word counts only when a strong place bears it as its main name
                # ("Turkey", "Chad"), never through an alias or code ("In" is not India).
                own = self.strength(name, primary_only=True)
                if own < 3 or (first.sentence_initial and own < 4):
                    return None
            if bare in lexicon.GIVEN_NAMES or bare in words.lowercase:
                own = self.strength(name, primary_only=True) if own is None else own
                if own < (3 if bare in lexicon.GIVEN_NAMES else 1):
                    return None
            if bare in lexicon.SURNAMES and strength < 2 and not locative_before(
                    tokens, span.first) and not _dateline(tokens, span.first):
                return None
        if not single and first.text in {"A", "An"}:
            return None  # "A New ...": an article opening a sentence, not a name
        if not single and first.text.lower() == "the" and all(
                _bare(t.text) in lexicon.COMMON_WORDS for t in tokens[span.first:span.last + 1]):
            if self.strength(name, primary_only=True) < 1:
                return None  # "The City", "The Valley"
        if after is not None and after.text.lower() in lexicon.DISEASE_WORDS:
            return None  # "Marburg virus", "Ebola outbreak": the disease, not the place
        if before is not None and before.text.lower() in lexicon.PATHOGENS:
            return None  # "Salmonella Newport": a strain
        if single and first.all_caps and after is not None and after.text == "$" and \
                after.start == first.end:
            return None  # "US$10,000": a currency
        if (single and strength < 2 and before is not None and after is not None
                and before.text.lower() in lexicon.SPEECH_VERBS and not headline
                and not after.text[:1].isupper()):
            return None  # "said Bradley in an interview" (but "said Topeka City Manager")
        if single and strength == 0 and (first.sentence_initial or headline) and \
                bare.endswith(_WORD_ENDINGS):
            return None  # "Tests were run", "Builders said": inflected common words
        if (after is not None and single and not headline and _adjacent(first, after, text)
                and after.text[:1].isupper() and _bare(after.text) in lexicon.SURNAMES
                and (span.last + 2 >= len(tokens) or not tokens[span.last + 2].text[:1].isupper())):
            words.rejected_persons.add(name)
            return None  # "Chad Porter", "Jordan Smith": a first name, whatever else it names
        if (after is not None and single and strength == 0 and not headline
                and _adjacent(first, after, text) and _looks_like_name(after)
                and not after.all_caps and not self.gazetteer.has_name(_bare(after.text))):
            words.rejected_persons.add(name)
            return None  # "Pablo Ostrikov": a first name that some hamlet also bears
        if after is not None and single and strength < 2:
            if after.text.lower() in lexicon.PERSON_FOLLOWERS:
                return None
            if _speech_follows(tokens, span.last) and not locative_before(tokens, span.first):
                return None  # "Anderson urged", but not "based in Regina announced"
        if self._organisation_around(span, text, tokens, headline, strength):
            return replace(span, kind="embedded")
        return span

    def _person_before(self, before: Token, text: str, words: DocumentWords, headline: bool,
                       single: bool, strength: int) -> bool:
        """A title, a given name or an unknown capitalised word right before the name."""
        if _is_title(before) and not headline:
            return True
        if _bare(before.text) in {"st", "saint", "san", "santa"} and single:
            return True  # "St. Patrick's Day": the saint, since "St. Patrick" is no place
        if (_bare(before.text) in lexicon.GIVEN_NAMES and before.text[:1].isupper()
                and strength < 4):
            return True
        if _bare(before.text) in lexicon.TITLES and not headline:
            return True  # "town councillor Mabel Orr", "the photographer Samir Haddad"
        # Two weak capitalised words in a row that the gazetteer does not know together
        # ("Ciaran Doyle") are a person's name far more often than a hamlet after a hamlet.
        return (before.text[:1].isupper() and not headline and not before.sentence_initial
                and not before.all_caps  # "CDC Atlanta": an acronym, not a first name
                and _looks_like_name(before) and before.text.lower() not in words.lowercase
                and (not self.gazetteer.has_name(_bare(before.text))
                     or (single and strength == 0 and self.strength(before.text) == 0))
                and strength < 2)

    def _pattern_kind(self, span: Span, text: str, words: DocumentWords) -> Span | None:
        """Pattern spans ("Boone County", "Main Street") need only a name-like head word."""
        tokens = words.tokens
        head = tokens[span.first]
        if _bare(head.text) in lexicon.MONTHS or _bare(head.text) in lexicon.DAYS:
            return None
        if span.first > 0 and _is_title(tokens[span.first - 1]):
            return None
        for k in range(span.first, span.last + 1):
            # "the Sunni Arab town of", "the rebel-controlled district of": who lives
            # there or holds it, not the place's name.
            word = _bare(tokens[k].text)
            if word in lexicon.FAITHS or (tokens[k].capitalised and self.demonym(tokens[k].text)
                                          and not self.gazetteer.has_name(word)):
                return None
            if re.search(r"-(?:controlled|held|led|backed|majority|dominated|populated)$", word):
                return None
        return span

    def _organisation_around(self, span: Span, text: str, tokens: list[Token], headline: bool,
                             strength: int) -> bool:
        if span.feature_word:
            return False
        after = tokens[span.last + 1] if span.last + 1 < len(tokens) else None
        if after is not None and _adjacent(tokens[span.last], after, text):
            word = _bare(after.text)
            if after.text[:1].isupper() and word in lexicon.ORGANISATION_HEADS:
                return True
            if (after.text[:1].isupper() and not headline and _looks_like_name(after)
                    and not self.gazetteer.has_name(word) and strength >= 2
                    and not after.all_caps):
                return True
        if span.first >= 2:
            of, head = tokens[span.first - 1], tokens[span.first - 2]
            if of.text == "of" and head.text[:1].isupper() and \
                    head.text.lower() in lexicon.ORGANISATION_OF:
                return True
        return False


def _age_follows(tokens: list[Token], last: int) -> bool:
    """"Sullivan, 32, was charged": a name followed by an age is a person."""
    k = last + 1
    if k + 2 < len(tokens) and tokens[k].text == "," and tokens[k + 1].text.isdigit():
        return len(tokens[k + 1].text) <= 3 and tokens[k + 2].text in {",", "."}
    # "Jordan Pryce, a 20-year-old clerk"
    return (k + 3 < len(tokens) and tokens[k].text == "," and tokens[k + 1].text == "a"
            and tokens[k + 2].text.isdigit() and tokens[k + 3].text == "-")


def locative_before(tokens: list[Token], first: int) -> bool:
    k = first - 1
    if k >= 0 and tokens[k].text.lower() == "the":
        k -= 1
    return k >= 0 and tokens[k].text.lower() in {"in", "at", "from", "near", "to", "outside",
                                                  "into", "toward", "towards", "across"}


def _dateline(tokens: list[Token], k: int) -> bool:
    """"WASHINGTON (AP) -", "ALEPPO, Syria": an all-caps place opening a news story."""
    return (tokens[k].all_caps and k + 1 < len(tokens)
            and tokens[k + 1].text in {",", "(", "-", "—", "–", ":"})


def _hyphen_compound(tokens: list[Token], span: Span, text: str, gazetteer, strength) -> bool:
    """"Wal-Mart", "Coca-Cola": a name glued by a hyphen to a capitalised word that is no place
    (or where both halves are mere hamlets); "Fargo-Moorhead" keeps both."""
    for hyphen, other in ((span.first - 1, span.first - 2), (span.last + 1, span.last + 2)):
        if not (0 <= other < len(tokens) and tokens[hyphen].text == "-"):
            continue
        left, right = (tokens[other], tokens[span.first]) if other < hyphen else (
            tokens[span.last], tokens[other])
        glued = left.end == tokens[hyphen].start and tokens[hyphen].end == right.start
        word = tokens[other]
        if glued and word.text[:1].isupper() and not word.all_caps and (
                not gazetteer.has_name(_bare(word.text))
                or (strength(word.text, primary_only=True) == 0
                    and strength(text[span.start:span.end], primary_only=True) == 0)):
            return True
    return False


def _adjacent(left: Token, right: Token, text: str) -> bool:
    gap = text[left.end:right.start]
    return len(gap) <= 1 and "\n" not in gap


def _speech_follows(tokens: list[Token], last: int) -> bool:
    k = last + 1
    if k < len(tokens) and tokens[k].text.lower() in lexicon.ADVERBS_BEFORE_VERB:
        k += 1
    return k < len(tokens) and tokens[k].text.lower() in lexicon.SPEECH_VERBS


def is_metonym(span_first: int, span_last: int, tokens: list[Token],
               feature_code: str | None) -> bool:
    """A country or capital standing for its government: "Moscow said", "ties with Moscow",
    "Russia's role"."""
    if feature_code not in COUNTRY_CODES and feature_code != "PPLC":
        return False
    if _speech_follows(tokens, span_last):
        return True
    k = span_last + 1
    if k + 1 < len(tokens) and tokens[k].text in {"'s", "’s"} and \
            tokens[k + 1].text.lower() in lexicon.METONYM_POSSESSED:
        return True
    k = span_first - 1
    if k >= 0 and tokens[k].text.lower() == "the":
        k -= 1
    if k >= 1 and tokens[k].text.lower() in {"with", "between", "on", "against"}:
        return tokens[k - 1].text.lower() in lexicon.METONYM_BEFORE or tokens[k].text == "between"
    return False


def _group_key(words: str) -> str:
    return " ".join(re.split(r"[-\s]+", words.lower().replace("’", "'")))


_GROUP_NAMES = frozenset(_group_key(name) for name in lexicon.ARMED_GROUPS)
_GROUP_FIRST_WORDS = frozenset(form for key in _GROUP_NAMES for word in [key.split()[0]]
                               for form in (word, word.capitalize(), word.upper()))
_GROUP_MAX_TOKENS = 2 * max(len(key.split()) for key in _GROUP_NAMES)


def group_name_ranges(text: str, tokens: list[Token]) -> list[tuple[int, int]]:
    """Character ranges of armed-group names ("Taliban", "Boko Haram", "Hayat Tahrir al-Sham"):
    actors, never places. The longest name wins; a lower-case match ("the wagner tuba") is
    ordinary text."""
    ranges: list[tuple[int, int]] = []
    k, n = 0, len(tokens)
    while k < n:
        if tokens[k].text not in _GROUP_FIRST_WORDS:
            k += 1
            continue
        best = -1
        for last in range(k, min(n, k + _GROUP_MAX_TOKENS)):
            if last > k and (tokens[last].newline_before
                             or tokens[last].start - tokens[last - 1].end > 1):
                break
            phrase = text[tokens[k].start:tokens[last].end]
            if _group_key(phrase) in _GROUP_NAMES and any(ch.isupper() for ch in phrase):
                best = last
        if best >= 0:
            ranges.append((tokens[k].start, tokens[best].end))
            k = best + 1
        else:
            k += 1
    return ranges


def modifier_follows(tokens: list[Token], last: int, text: str) -> bool:
    """"U.S. officials", "U.S. troops", "U.S.-led coalition": a country's name used as an
    adjective before a noun names a nationality, not a location."""
    k = last + 1
    if k >= len(tokens) or not _adjacent(tokens[last], tokens[k], text):
        return False
    word = tokens[k].text
    if word == "-" and k + 1 < len(tokens) and tokens[k + 1].start == tokens[k].end:
        return tokens[k + 1].text.lower() in lexicon.MODIFIER_PARTICIPLES
    return word.islower() and word in lexicon.MODIFIED_NOUNS
