"""What the tokens around a name say about it: a locative before it, a speech verb, an age or a
noun after it, a hyphen gluing it to another word, an armed group's name around it.

Small pure tests over the token list, shared by the kind rules (kinds.py), the person facts
(persons.py) and the geoparser's fix-ups; each takes the geoparser's ``Words``.
"""

from __future__ import annotations

from operator import itemgetter

from geomap.geoparse.codes import COUNTRY_CODES
from geomap.geoparse.recognize import Span, Token
from geomap.geoparse.words import ENGLISH_WORDS, Words, group_key


def bare(word: str) -> str:
    """A word as the word lists spell it: lower case, no trailing full stop."""
    return word.rstrip(".").lower()


def age_follows(tokens: list[Token], last: int) -> bool:
    """"Sullivan, 32, was charged": a name followed by an age is a person."""
    k = last + 1
    if k + 2 < len(tokens) and tokens[k].text == "," and tokens[k + 1].text.isdigit():
        return len(tokens[k + 1].text) <= 3 and tokens[k + 2].text in {",", "."}
    # "Jordan Pryce, a 20-year-old clerk"
    return (k + 3 < len(tokens) and tokens[k].text == "," and tokens[k + 1].text == "a"
            and tokens[k + 2].text.isdigit() and tokens[k + 3].text == "-")


def locative_before(tokens: list[Token], first: int, words: Words = ENGLISH_WORDS) -> bool:
    """"in X", "near the X": a locative preposition says X is where something is."""
    k = first - 1
    if k >= 0 and tokens[k].text.lower() == "the":
        k -= 1
    return k >= 0 and tokens[k].text.lower() in words.locative_prepositions


def dateline(tokens: list[Token], k: int) -> bool:
    """"WASHINGTON (AP) -", "ALEPPO, Syria": an all-caps place opening a news story."""
    return (tokens[k].all_caps and k + 1 < len(tokens)
            and tokens[k + 1].text in {",", "(", "-", "—", "–", ":"})


def hyphen_compound(tokens: list[Token], span: Span, text: str, gazetteer, strength) -> bool:
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
                not gazetteer.has_name(bare(word.text))
                or (strength(word.text, primary_only=True) == 0
                    and strength(text[span.start:span.end], primary_only=True) == 0)):
            return True
    return False


def adjacent(left: Token, right: Token, text: str) -> bool:
    gap = text[left.end:right.start]
    return len(gap) <= 1 and "\n" not in gap


def speech_follows(tokens: list[Token], last: int, words: Words) -> bool:
    """"X said", "X also warned": a speech verb right after the name (an adverb between)."""
    k = last + 1
    if k < len(tokens) and tokens[k].text.lower() in words.adverbs_before_verb:
        k += 1
    return k < len(tokens) and tokens[k].text.lower() in words.speech_verbs


def is_metonym(span_first: int, span_last: int, tokens: list[Token],
               feature_code: str | None, words: Words = ENGLISH_WORDS) -> bool:
    """A country or capital standing for its government: "Moscow said", "ties with Moscow",
    "Russia's role"."""
    if feature_code not in COUNTRY_CODES and feature_code != "PPLC":
        return False
    if speech_follows(tokens, span_last, words):
        return True
    k = span_last + 1
    if k + 1 < len(tokens) and tokens[k].text in {"'s", "’s"} and \
            tokens[k + 1].text.lower() in words.metonym_possessed:
        return True
    k = span_first - 1
    if k >= 0 and tokens[k].text.lower() == "the":
        k -= 1
    if k >= 1 and tokens[k].text.lower() in words.metonym_links:
        return tokens[k - 1].text.lower() in words.metonym_before or tokens[k].text == "between"
    return False


def group_name_ranges(text: str, tokens: list[Token],
                      words: Words = ENGLISH_WORDS) -> list[tuple[int, int]]:
    """Character ranges of armed-group names ("Taliban", "Boko Haram", "Hayat Tahrir al-Sham"):
    actors, never places. The longest name wins; a lower-case match ("the wagner tuba") is
    ordinary text."""
    ranges: list[tuple[int, int]] = []
    first_words, names = words.group_first_words, words.group_names
    n = len(tokens)
    resume = 0  # the first token after the last name found
    for k in [k for k, word in enumerate(map(itemgetter(2), tokens)) if word in first_words]:
        if k < resume:
            continue
        best = -1
        for last in range(k, min(n, k + words.group_max_tokens)):
            if last > k and (tokens[last].newline_before
                             or tokens[last].start - tokens[last - 1].end > 1):
                break
            phrase = text[tokens[k].start:tokens[last].end]
            if group_key(phrase) in names and any(ch.isupper() for ch in phrase):
                best = last
        if best >= 0:
            ranges.append((tokens[k].start, tokens[best].end))
            resume = best + 1
    return ranges


def modifier_follows(tokens: list[Token], last: int, text: str,
                     words: Words = ENGLISH_WORDS) -> bool:
    """"U.S. officials", "U.S. troops", "U.S.-led coalition": a country's name used as an
    adjective before a noun names a nationality, not a location."""
    k = last + 1
    if k >= len(tokens) or not adjacent(tokens[last], tokens[k], text):
        return False
    word = tokens[k].text
    if word == "-" and k + 1 < len(tokens) and tokens[k + 1].start == tokens[k].end:
        return tokens[k + 1].text.lower() in words.modifier_participles
    return word.islower() and word in words.modified_nouns
