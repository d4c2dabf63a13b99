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
"Islamic State of *Iraq*") is ``embedded``. The per-article person facts are persons.py's, the
token tests surroundings.py's; the words come from the geoparser's lexicon (words.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from geomap.geoparse.codes import COUNTRY_CODES, STRONG_POPULATION
from geomap.geoparse.persons import DocumentWords, is_title, looks_like_name
from geomap.geoparse.recognize import Span, Token
from geomap.geoparse.surroundings import (
    adjacent,
    age_follows,
    bare,
    dateline,
    hyphen_compound,
    locative_before,
    speech_follows,
)
from geomap.geoparse.words import ENGLISH_WORDS, Words

#: For callers that take these from here (hamlets.py, the geoparser).
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
        tokens = seen.tokens
        first = tokens[span.first]
        name = text[span.start:span.end]
        low = bare(name)
        words = self.words
        single = span.first == span.last
        if span.kind == "demonym" or span.source in {"state", "alias"}:
            return span
        if low in words.months or low in words.days or low in words.agencies or \
                low in words.not_place_phrases:
            return None
        if single and low in words.titles:
            return None
        if single and first.all_caps and len(name.replace(".", "")) <= 3:
            if low not in words.place_acronyms:
                return None
        if single and span.source != "demonym" and low in words.region_demonyms and \
                self.strength(name, primary_only=True) < 3 and not (
                    span.last + 1 < len(tokens) and tokens[span.last + 1].text == ","):
            # ... unless a comma names its state ("Arab, Alabama")
            # "Arab cities", "Europeans": a people, not Arab, Alabama
            return replace(span, source="demonym", kind="demonym",
                           feature_word=words.region_demonyms[low])
        if single and span.source != "demonym":
            iso = self.demonym(name)
            if iso and (not self.gazetteer.has_name(low)
                        or self.strength(name, primary_only=True) < 2):
                return replace(span, source="demonym", kind="demonym", country_hint=iso)
        if name in seen.called_places:
            return span
        if single and (len(low) < 2 or (name.endswith(".") and "." not in low)):
            return None  # "I", "W.", "St." alone
        if span.source == "pattern":
            return self._pattern_kind(span, text, seen)
        before = tokens[span.first - 1] if span.first > 0 else None
        if single and low in words.languages and before is not None and \
                before.text.lower() in {"in", "into", "from"}:
            return None  # "published in English", "translated from Arabic"
        after = tokens[span.last + 1] if span.last + 1 < len(tokens) else None
        headline = seen.title_case[span.first]
        strength = self.strength(name)

        if single and strength < 3 and (age_follows(tokens, span.last) or (
                name in seen.persons and not locative_before(tokens, span.first, words))):
            seen.rejected_persons.add(name)
            return None
        if before is not None and adjacent(before, first, text) and self._person_before(
                before, text, seen, headline, single, strength):
            if single and strength < 2:
                seen.rejected_persons.add(name)
            return None
        if hyphen_compound(tokens, span, text, self.gazetteer, self.strength):
            return None
        acronym = first.all_caps and low.replace(".", "") in words.place_acronyms
        if single and first.all_caps and not acronym and not headline and len(low) > 3 and \
                not dateline(tokens, span.first):
            return None  # "NATO", "NICE": an acronym, unless in a headline or dateline
        if single and not acronym:
            if low in words.not_places or low in words.name_particles:
                return None
            if low in words.organisation_heads and strength < 3:
                return None  # "University", "Patrol", "Commerce" alone
            if strength == 0 and after is not None and after.text.isdigit() and \
                    adjacent(first, after, text):
                return None  # "Pack 123", "Troop 5": a numbered unit, not a place
            own = None
            if low in words.common_words:
                # A common word counts only when a strong place bears it as its main name
                # ("Turkey", "Chad"), never through an alias or code ("In" is not India).
                own = self.strength(name, primary_only=True)
                if own < 3 or (first.sentence_initial and own < 4):
                    return None
            if low in words.given_names or low in seen.lowercase:
                own = self.strength(name, primary_only=True) if own is None else own
                if own < (3 if low in words.given_names else 1):
                    return None
            if low in words.surnames and strength < 2 and not locative_before(
                    tokens, span.first, words) and not dateline(tokens, span.first):
                return None
        if not single and first.text in {"A", "An"}:
            return None  # "A New ...": an article opening a sentence, not a name
        if not single and first.text.lower() == "the" and all(
                bare(t.text) in words.common_words for t in tokens[span.first:span.last + 1]):
            if self.strength(name, primary_only=True) < 1:
                return None  # "The City", "The Valley"
        if after is not None and after.text.lower() in words.disease_words:
            return None  # "Marburg virus", "Ebola outbreak": the disease, not the place
        if before is not None and before.text.lower() in words.pathogens:
            return None  # "Salmonella Newport": a strain
        if single and first.all_caps and after is not None and after.text == "$" and \
                after.start == first.end:
            return None  # "US$10,000": a currency
        if (single and strength < 2 and before is not None and after is not None
                and before.text.lower() in words.speech_verbs and not headline
                and not after.text[:1].isupper()):
            return None  # "said Bradley in an interview" (but "said Topeka City Manager")
        if single and strength == 0 and (first.sentence_initial or headline) and \
                low.endswith(words.word_endings):
            return None  # "Tests were run", "Builders said": inflected common words
        if (after is not None and single and not headline and adjacent(first, after, text)
                and after.text[:1].isupper() and bare(after.text) in words.surnames
                and (span.last + 2 >= len(tokens) or not tokens[span.last + 2].text[:1].isupper())):
            seen.rejected_persons.add(name)
            return None  # "Chad Porter", "Jordan Smith": a first name, whatever else it names
        if (after is not None and single and strength == 0 and not headline
                and adjacent(first, after, text) and looks_like_name(after, words)
                and not after.all_caps and not self.gazetteer.has_name(bare(after.text))):
            seen.rejected_persons.add(name)
            return None  # "Pablo Ostrikov": a first name that some hamlet also bears
        if after is not None and single and strength < 2:
            if after.text.lower() in words.person_followers:
                return None
            if speech_follows(tokens, span.last, words) and not locative_before(
                    tokens, span.first, words):
                return None  # "Anderson urged", but not "based in Regina announced"
        if self._organisation_around(span, text, tokens, headline, strength):
            return replace(span, kind="embedded")
        return span

    def _person_before(self, before: Token, text: str, seen: DocumentWords, headline: bool,
                       single: bool, strength: int) -> bool:
        """A title, a given name or an unknown capitalised word right before the name."""
        words = self.words
        if is_title(before, words) and not headline:
            return True
        if bare(before.text) in {"st", "saint", "san", "santa"} and single:
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

    def _pattern_kind(self, span: Span, text: str, seen: DocumentWords) -> Span | None:
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

    def _organisation_around(self, span: Span, text: str, tokens: list[Token], headline: bool,
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
