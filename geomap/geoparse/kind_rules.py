"""The kind rules, as an ordered list of small named functions over one :class:`Candidate`.

Each rule either decides -- returns the span (kept, perhaps with a new kind) or None (dropped,
not a place) -- or returns :data:`NEXT` to leave the span to the rules after it. The first rule
that decides wins, so order matters: typed spans and the text's own statements ("the town of X")
come before the guesses that a name is a person or a common word. Each docstring names the class
of error the rule removes.
"""

from __future__ import annotations

from dataclasses import replace

from geomap.geoparse.frame_rules import institution_namesake
from geomap.geoparse.kind_candidate import NEXT, Candidate, KindClassifier, Verdict
from geomap.geoparse.person_rules import (
    first_name_of_known_surname,
    first_name_of_unknown,
    given_name_before_initial,
    known_person,
    party_home,
    person_after,
    person_before,
    quoted_nickname,
    said_name,
    sports_side,
    surname,
)
from geomap.geoparse.surroundings import adjacent, bare, dateline, hyphen_compound

__all__ = ["KIND_RULES", "MANY_WORDS_ONLY", "NEXT", "ONE_WORD_ONLY", "WORD_GATES", "Candidate",
           "KindClassifier", "Verdict"]


def typed_already(c: Candidate) -> Verdict:
    """Demonyms, state abbreviations and aliases were typed by the recogniser: no word rule
    may undo that."""
    span = c.span
    return span if span.kind == "demonym" or span.source in {"state", "alias"} else NEXT


def calendar_agency_or_office(c: Candidate) -> Verdict:
    """Months, days, news agencies, "White House": names of hamlets somewhere, never meant so."""
    w, low = c.words, c.low
    if low in w.months or low in w.days or low in w.agencies or low in w.not_place_phrases:
        return None
    return NEXT


def lone_title(c: Candidate) -> Verdict:
    """"General", "Governor" alone: a title."""
    return None if c.single and c.low in c.words.titles else NEXT


def short_acronym(c: Candidate) -> Verdict:
    """"UN", "AP", "IS": three capitals or fewer are an acronym unless they name a country; a
    dotted one the gazetteer gives a region or a big city ("L.A.") is that place."""
    if c.single and c.caps and len(c.name.replace(".", "")) <= 3 and \
            c.low not in c.words.place_acronyms and not ("." in c.name and c.strength >= 2):
        return None
    return NEXT


def region_people(c: Candidate) -> Verdict:
    """"Arab cities", "Europeans": a people, not Arab, Alabama -- unless a comma names its
    state ("Arab, Alabama") or a strong place bears the name."""
    span, w = c.span, c.words
    if c.single and span.source != "demonym" and c.low in w.region_demonyms and c.own < 3 \
            and not (c.after is not None and c.after.text == ","):
        return replace(span, source="demonym", kind="demonym",
                       feature_word=w.region_demonyms[c.low])
    return NEXT


def nationality(c: Candidate) -> Verdict:
    """"Syrians", "Canadian": a nationality word, not a hamlet that bears it."""
    span = c.span
    if c.single and span.source != "demonym":
        iso = c.classifier.demonym(c.name)
        if iso and (not c.classifier.gazetteer.has_name(c.low) or c.own < 2):
            # A pattern's class word ("a <nationality> camp") is no place to look up.
            return replace(span, source="demonym", kind="demonym", country_hint=iso,
                           feature_word=None)
    return NEXT


def called_a_place(c: Candidate) -> Verdict:
    """"X is a small town": the text's own word outweighs every guess below -- but not for an
    organisation's head word ending a longer capitalised name, which "X State University,
    Ohio" seems to call a town (a town bearing such a word alone still is one)."""
    if c.name not in c.seen.called_places:
        return NEXT
    before = c.before
    if c.single and c.low in c.words.organisation_heads and before is not None and \
            before.text[:1].isupper() and adjacent(before, c.first, c.text) and \
            before.text.lower() not in c.words.leading_function_words:
        return NEXT
    return c.span


def stray_letter(c: Candidate) -> Verdict:
    """"I", "W.", "St." alone: a letter or an abbreviation."""
    if c.single and (len(c.low) < 2 or (c.name.endswith(".") and "." not in c.low)):
        return None
    return NEXT


def pattern_span(c: Candidate) -> Verdict:
    """Pattern spans ("Boone County", "the town of X") need only a name-like head word."""
    if c.span.source == "pattern":
        return c.classifier.pattern_kind(c.span, c.seen)
    return NEXT


def district_only(c: Candidate) -> Verdict:
    """"HUME - Principal X said", "the Hamdan family": a name no town bears that a district
    outranks, where the text does not treat it as a place (kinds.py says when it does)."""
    if c.strength == 0 and c.span.source != "pattern" and \
            c.classifier.uncued_district(c.span, c.name, c.tokens):
        return None
    return NEXT


def town_before_city_office(c: Candidate) -> Verdict:
    """"a Santa Rosa City Councilman", "the Pasadena City Council": a town's name, then
    "City" and an office's capitalised word, names the town's council or schools -- the place
    is the town, not a namesake that bears "X City" (a region's "Kansas City" or "Quezon
    City" stays whole)."""
    span, tokens, after = c.span, c.tokens, c.after
    if c.single or tokens[span.last].text != "City" or after is None or \
            not after.text[:1].isupper() or not adjacent(tokens[span.last], after, c.text):
        return NEXT
    town = c.text[span.start:tokens[span.last - 1].end]
    strength = c.classifier.strength
    senses = c.classifier.gazetteer.candidates(town)
    if not senses or senses[0].feature_class != "P" or strength(town) <= c.strength:
        return NEXT
    shrunk = replace(span, end=tokens[span.last - 1].end, last=span.last - 1)
    return c.classifier.classify(shrunk, c.text, c.seen)


def language(c: Candidate) -> Verdict:
    """"published in English", "translated from Arabic": a language (English, Indiana aside)."""
    if c.single and c.low in c.words.languages and c.before is not None and \
            c.before.text.lower() in c.words.language_prepositions:
        return None
    return NEXT


def hyphen_glued(c: Candidate) -> Verdict:
    """"Wal-Mart", "Coca-Cola": a name glued by a hyphen to a word that is no place; a
    nationality before the hyphen pairs two nations instead ("Kenyan-US talks")."""
    classifier, tokens, first = c.classifier, c.tokens, c.span.first
    if hyphen_compound(tokens, c.span, c.text, classifier.gazetteer, classifier.strength) and \
            not (first >= 2 and tokens[first - 1].text == "-"
                 and classifier.demonym(tokens[first - 2].text)):
        return None
    return NEXT


def long_acronym(c: Candidate) -> Verdict:
    """"NATO", "NICE": an acronym, unless in a headline or a dateline."""
    if c.single and c.caps and not c.acronym and not c.headline and len(c.low) > 3 \
            and not dateline(c.tokens, c.span.first):
        return None
    return NEXT


def listed_non_place(c: Candidate) -> Verdict:
    """"Christmas", "Toyota", "de": names of things and particles that hamlets bear."""
    w = c.words
    if c.single and not c.acronym and (c.low in w.not_places or c.low in w.name_particles):
        return None
    return NEXT


def organisation_alone(c: Candidate) -> Verdict:
    """"University", "Patrol", "Commerce" alone: an organisation's head word."""
    if c.single and not c.acronym and c.low in c.words.organisation_heads and c.strength < 3:
        return None
    return NEXT


def numbered_unit(c: Candidate) -> Verdict:
    """"Pack 123", "Troop 5": a numbered unit, not a place."""
    after = c.after
    if c.single and not c.acronym and c.strength == 0 and after is not None and \
            after.text.isdigit() and adjacent(c.first, after, c.text):
        return None
    return NEXT


def common_word(c: Candidate) -> Verdict:
    """"Along", "Police", "Turkey" at a sentence's start: a common word counts only when a
    strong place bears it as its main name, never through an alias or code ("In" is no
    India)."""
    if c.single and not c.acronym and c.low in c.words.common_words and (
            c.own < 3 or (c.first.sentence_initial and c.own < 4)):
        return None
    return NEXT


def given_name_or_lower_case(c: Candidate) -> Verdict:
    """A given name ("Jordan"), or a word the article also writes in lower case: a place
    only when a strong place bears it as its main name."""
    w = c.words
    if c.single and not c.acronym and (c.low in w.given_names or c.low in c.seen.lowercase) \
            and c.own < (3 if c.low in w.given_names else 1):
        return None
    return NEXT


def sentence_article(c: Candidate) -> Verdict:
    """"A New ...": an article opening a sentence, not a name."""
    return None if not c.single and c.first.text in {"A", "An"} else NEXT


def the_common_phrase(c: Candidate) -> Verdict:
    """"The City", "The Valley": common words after "The" that no place bears as its name."""
    if not c.single and c.first.text.lower() == "the" and all(
            bare(t.text) in c.words.common_words
            for t in c.tokens[c.span.first:c.span.last + 1]) and c.own < 1:
        return None
    return NEXT


def disease(c: Candidate) -> Verdict:
    """"Marburg virus", "Ebola outbreak": the disease, not the place -- even where the article
    calls the name a place elsewhere ("X, Virginia"): the words right after this mention say
    what it is here."""
    if c.after is not None and c.after.text.lower() in c.words.disease_words:
        return None
    return NEXT


def strain(c: Candidate) -> Verdict:
    """"Salmonella Newport": a strain."""
    if c.before is not None and c.before.text.lower() in c.words.pathogens:
        return None
    return NEXT


def currency(c: Candidate) -> Verdict:
    """"US$10,000": a currency."""
    after = c.after
    if c.single and c.caps and after is not None and after.text == "$" and \
            after.start == c.first.end:
        return None
    return NEXT


def inflected_word(c: Candidate) -> Verdict:
    """"Tests were run", "Builders said": an inflected common word opening a sentence or in a
    headline."""
    if c.single and (c.first.sentence_initial or c.headline) and \
            c.low.endswith(c.words.word_endings) and c.strength == 0:
        return None
    return NEXT


def inside_organisation(c: Candidate) -> Verdict:
    """"Washington Post", "University of Kent": a place inside an organisation's name is
    ``embedded``, not where something happened."""
    if c.classifier.organisation_around(c.span, c.text, c.tokens, c.headline, c.strength):
        return replace(c.span, kind="embedded")
    return NEXT


#: The rules in the order they are tried; a span no rule decides is a literal place.
KIND_RULES = (
    typed_already, calendar_agency_or_office, lone_title, short_acronym, region_people,
    nationality, disease, strain, called_a_place, party_home, stray_letter, pattern_span,
    district_only, town_before_city_office, language, sports_side, known_person,
    person_before, given_name_before_initial, quoted_nickname,
    hyphen_glued, long_acronym, listed_non_place, organisation_alone,
    numbered_unit, common_word, given_name_or_lower_case, surname, sentence_article,
    the_common_phrase, currency, said_name, inflected_word,
    first_name_of_known_surname, first_name_of_unknown, person_after, institution_namesake,
    inside_organisation,
)

# What lets the classifier skip a rule that cannot decide (each skip keeps the verdicts: the
# rules run ~35 times per name, and most of them answer NEXT after a test or two).
#: Rules that answer NEXT for every name of more than one word.
ONE_WORD_ONLY = frozenset({
    lone_title, short_acronym, region_people, nationality, stray_letter, language, sports_side,
    known_person, long_acronym, listed_non_place, organisation_alone, numbered_unit,
    common_word, given_name_or_lower_case, surname, currency, said_name, inflected_word,
    first_name_of_known_surname, first_name_of_unknown, person_after, given_name_before_initial,
    quoted_nickname,
})
#: Rules that answer NEXT for every one-word name.
MANY_WORDS_ONLY = frozenset({town_before_city_office, sentence_article, the_common_phrase})
#: Rules that decide only for a name (``Candidate.low``) in one of the named word lists.
WORD_GATES = {
    calendar_agency_or_office: ("months", "days", "agencies", "not_place_phrases"),
    lone_title: ("titles",), region_people: ("region_demonyms",), language: ("languages",),
    listed_non_place: ("not_places", "name_particles"), surname: ("surnames",),
    organisation_alone: ("organisation_heads",), common_word: ("common_words",),
}
