"""The kind rules that tell a person's name from a place's: a title, a given name or a surname
around the name, an age, a speech verb, a surname the article gave a person. Each is a rule of
kind_rules.KIND_RULES (which orders them among the others); each docstring names the class of
error it removes."""

from __future__ import annotations

from geomap.geoparse.kind_candidate import NEXT, Candidate, Verdict
from geomap.geoparse.persons import looks_like_name
from geomap.geoparse.surroundings import (
    adjacent,
    age_follows,
    bare,
    dateline,
    locative_before,
    speech_follows,
)


def party_home(c: Candidate) -> Verdict:
    """"Rep. Ann Lee, D-Springfield", "(R-Lakeview)": a party's letter glued to a name after a
    legislator's names the town the legislator represents -- a place, whichever person, given
    name or hyphen rule its word would meet. (A state's code or abbreviation there, "R-FL",
    "D-Ore.", is typed as one elsewhere.)"""
    tokens, k = c.tokens, c.span.first
    if k < 3 or c.caps or c.name.endswith(".") or tokens[k - 1].text != "-" or \
            tokens[k - 3].text not in {",", "("}:
        return NEXT
    letter, hyphen = tokens[k - 2], tokens[k - 1]
    if letter.text.lower() in c.words.party_letters and letter.text.isupper() and \
            letter.end == hyphen.start and hyphen.end == c.first.start:
        return c.span
    return NEXT


def sports_side(c: Candidate) -> Verdict:
    """"X coach", "beat X", "X's striker": a small place's name the article uses for a sports
    side is that team wherever it stands (a city of some size is often named for its team:
    "X said it condemned" is then a metonym, left to the rules that find those)."""
    if c.single and c.name in c.seen.sides and c.strength == 0:
        return None
    return NEXT


def known_person(c: Candidate) -> Verdict:
    """"Sullivan, 32,", a surname the article gave a person: that person again. A name given an
    age is a person's whatever town bears it ("Luton, 44,"; a country's name aside), and so is
    the name before it ("Ariel Montoya, 22,"); a capital's name the article gave a person is
    that person when it speaks ("Ann Lima ... Lima said")."""
    if not c.single or c.strength > 3:
        return NEXT
    tokens, last = c.tokens, c.span.last
    known = c.name in c.seen.persons and not _placed(c)
    if age_follows(tokens, last) or (c.strength < 3 and known) or (
            known and speech_follows(tokens, last, c.words)):
        c.reject_person()
        return None
    # "Ariel Montoya, 22,": the word before an aged name is the person's first name
    after = c.after
    if after is not None and age_follows(tokens, last + 1) and adjacent(c.first, after, c.text) \
            and looks_like_name(after, c.words) and not c.headline:
        c.reject_person()
        return None
    return NEXT


def _placed(c: Candidate) -> bool:
    """A locative before the name places it -- but not one of motion ("according to X",
    "sent to X") before a small place's name, which takes the person the article named as
    often as the place (a town of some size or a region is the place: "flights to X")."""
    before = c.tokens[c.span.first - 1].text.lower() if c.span.first else ""
    return locative_before(c.tokens, c.span.first, c.words) and (
        before not in c.words.motion_prepositions or c.strength > 0)


def person_before(c: Candidate) -> Verdict:
    """"Gen. Ivan", "John Kerry", "Ciaran Doyle": a title, a given name or an unknown name
    right before makes a person's name."""
    if c.before is not None and adjacent(c.before, c.first, c.text) and \
            c.classifier.person_before(c.before, c.seen, c.headline, c.single, c.strength):
        if c.single and c.strength < 2:
            c.reject_person()
        return None
    return NEXT


def surname(c: Candidate) -> Verdict:
    """"Jackson" alone: a person already introduced, unless a locative or dateline places it."""
    if c.single and not c.acronym and c.low in c.words.surnames and c.strength < 2 and \
            not locative_before(c.tokens, c.span.first, c.words) and \
            not dateline(c.tokens, c.span.first):
        return None
    return NEXT


def said_name(c: Candidate) -> Verdict:
    """"said Bradley in an interview" (but "said Topeka City Manager")."""
    before, after = c.before, c.after
    if (c.single and before is not None and after is not None
            and before.text.lower() in c.words.speech_verbs and not c.headline
            and not after.text[:1].isupper() and c.strength < 2):
        return None
    return NEXT


def first_name_of_known_surname(c: Candidate) -> Verdict:
    """"Chad Porter", "Jordan Smith": a first name, whatever else it names; so is a name before
    a surname the article gave a person ("Ivan Petrenko ... his daughter Augusta Petrenko")."""
    after, tokens, last = c.after, c.tokens, c.span.last
    if (after is not None and c.single and not c.headline and adjacent(c.first, after, c.text)
            and after.text[:1].isupper()
            and (bare(after.text) in c.words.surnames or after.text in c.seen.persons)
            and (last + 2 >= len(tokens) or not tokens[last + 2].text[:1].isupper())):
        c.reject_person()
        return None
    return NEXT


def first_name_of_unknown(c: Candidate) -> Verdict:
    """"Pablo Ostrikov": a first name that some hamlet also bears, before a name no place has."""
    after = c.after
    if (after is not None and c.single and not c.headline
            and adjacent(c.first, after, c.text) and looks_like_name(after, c.words)
            and not after.all_caps and c.strength == 0
            and not c.classifier.gazetteer.has_name(bare(after.text))):
        c.reject_person()
        return None
    return NEXT


def person_after(c: Candidate) -> Verdict:
    """"the Obama administration", "Anderson urged" (but not "based in Regina announced"):
    a small place's name before a person's follower or a speech verb is a person's."""
    after = c.after
    if after is not None and c.single and c.strength < 2:
        if after.text.lower() in c.words.person_followers:
            return None
        if speech_follows(c.tokens, c.span.last, c.words) and not locative_before(
                c.tokens, c.span.first, c.words):
            return None
    return NEXT


def given_name_before_initial(c: Candidate) -> Verdict:
    """"Ada K. Morrow": one name, a middle initial, a surname -- the person's given name,
    however big a place bears it (a state's, a city's). A capital after the initial that is
    itself an initial ("D. C.") is no surname, so "Washington D. C." stays a place. (The
    surname after the initial is left alone: a town named after a person repeats it.)"""
    tokens, k = c.tokens, c.span.last + 1
    if not c.single or k + 1 >= len(tokens) or not _initial(tokens[k].text):
        return NEXT
    surname_token = tokens[k + 1].text
    if len(surname_token) > 1 and surname_token[0].isupper() and surname_token[1].islower() \
            and adjacent(c.first, tokens[k], c.text) and adjacent(tokens[k], tokens[k + 1], c.text):
        if c.strength < 2:
            c.reject_person()
        return None
    return NEXT


def _initial(word: str) -> bool:
    return len(word) == 2 and word[1] == "." and word[0].isupper()


_QUOTES = frozenset('"“”')


def quoted_nickname(c: Candidate) -> Verdict:
    """Ada "Dale" Morrow: a name in quotes between a given name and a surname is the
    person's nickname, whatever place bears it."""
    tokens, first, last = c.tokens, c.span.first, c.span.last
    if not c.single or first < 2 or last + 2 >= len(tokens) or \
            tokens[first - 1].text not in _QUOTES or tokens[last + 1].text not in _QUOTES:
        return NEXT
    given, surname_token = tokens[first - 2], tokens[last + 2]
    if looks_like_name(given, c.words) and looks_like_name(surname_token, c.words) and \
            adjacent(given, tokens[first - 1], c.text) and \
            adjacent(tokens[last + 1], surname_token, c.text):
        return None
    return NEXT
