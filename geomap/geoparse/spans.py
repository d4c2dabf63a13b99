"""Shaping recognised spans: whole names over fragments, unions and compound demonyms, pattern
spans merged with gazetteer matches, compass words and AP state abbreviations."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from operator import itemgetter

from geomap.geoparse.recognize import Span, Token, glued_article
from geomap.geoparse.words import ENGLISH_WORDS, Words

#: Class words that may follow a place's name ("X district"), in English: for callers that take
#: no ``Words`` (hamlets.py).
CLASS_AFTER = ENGLISH_WORDS.class_after


def resident_noun_follows(tokens: list[Token], span: Span, words: Words = ENGLISH_WORDS) -> bool:
    """"a Jordan girl": a person noun after "a/the X" makes X a town (a country would take
    its demonym)."""
    k = span.last + 1
    return (k < len(tokens) and tokens[k].text in words.resident_nouns
            and span.first > 0 and tokens[span.first - 1].text.lower() in words.articles)


def alias_spans(tokens: list[Token], words: Words = ENGLISH_WORDS) -> list[Span]:
    """"EU", "European Union": names of unions the gazetteer lacks, mapped to the place whose
    point stands for them."""
    spans = []
    starts = words.alias_starts
    for k in [k for k, word in enumerate(map(itemgetter(2), tokens)) if word in starts]:
        if spans and spans[-1].last >= k:
            continue
        token = tokens[k]
        for alias, target in words.place_aliases.items():
            last = k + len(alias) - 1
            if last >= len(tokens):
                continue
            found = [t.text for t in tokens[k:last + 1]]
            # ("J&K": the tokens of a joined abbreviation hold a sign between capitals)
            if tuple(w.lower() for w in found) == alias and all(
                    w[:1].isupper() or not w[:1].isalnum() for w in found) and (
                    len(alias) > 1 or token.all_caps):
                spans.append(Span(token.start, tokens[last].end, k, last, "alias",
                                  feature_word=target))
                break
    return spans


def joined_demonyms(found: list[Span], tokens: list[Token], text: str,
                    words: Words = ENGLISH_WORDS) -> list[Span]:
    """"South Koreans", "African Americans": a compass word or another nationality glued before
    a demonym belongs to it (the later word decides the country)."""
    out: list[Span] = []
    for span in found:
        if span.kind == "demonym" and span.first > 0:
            before = tokens[span.first - 1]
            glued = text[before.end:span.start] == " " and not tokens[span.first].newline_before
            if glued and out and out[-1].kind == "demonym" and out[-1].last == span.first - 1:
                previous = out.pop()
                span = replace(span, start=previous.start, first=previous.first)
            elif glued and before.text.lower() in words.demonym_directions and \
                    before.text[:1].isupper():
                if out and out[-1].first == out[-1].last == span.first - 1:
                    out.pop()  # "South" alone was taken for some hamlet
                if not (out and out[-1].last >= span.first - 1):
                    span = replace(span, start=before.start, first=span.first - 1)
        out.append(span)
    return out


def without_overlaps(spans: list[Span]) -> list[Span]:
    """Spans in order, each dropped if it starts inside the one kept before it."""
    kept: list[Span] = []
    for span in spans:
        if kept and span.first <= kept[-1].last:
            continue
        kept.append(span)
    return kept


def hyphen_chain_end(tokens: list[Token], last: int) -> int:
    """"Sar-e-Kotal", "Khan-i-Zaman": a short lower-case link between hyphens joins two
    capitalised parts into one name; the index of the chain's last token, else ``last``."""
    k = last
    while k + 3 < len(tokens) and tokens[k + 1].text == "-" and tokens[k + 3].text == "-" \
            and tokens[k + 2].text.islower() and len(tokens[k + 2].text) <= 3 \
            and k + 4 < len(tokens) and tokens[k + 4].text[:1].isupper() \
            and tokens[k + 1].start == tokens[k].end and tokens[k + 2].start == tokens[k + 1].end \
            and tokens[k + 3].start == tokens[k + 2].end \
            and tokens[k + 4].start == tokens[k + 3].end:
        k += 4
    return k


def with_direction(span: Span, tokens: list[Token], words: Words = ENGLISH_WORDS,
                   senses: Callable[[str], list] | None = None, name: str = "") -> Span:
    """"West Africa", "Northern Syria": a capitalised compass word glued before a region's name
    is part of it (resolution falls back to the bare name when the gazetteer lacks the whole).
    Before a US state or a city ("Eastern Oregon", "North Houston") it only says which
    part of it is meant: the name is the state's or the city's own (``senses`` gives the
    name's gazetteer senses; "Greater" makes a metropolitan area's name, "Greater Manchester")."""
    k = span.first - 1
    if k < 0 or span.source == "state":
        return span
    word = tokens[k]
    if (word.text.lower() in words.directions and word.text[:1].isupper()
            and not word.all_caps and tokens[span.first].start - word.end == 1
            and not tokens[span.first].newline_before):
        if senses is not None and _only_a_part(word.text.lower(), senses(name), words):
            return span
        return Span(word.start, span.end, k, span.last, span.source, span.kind,
                    span.country_hint, span.feature_word or "direction")
    return span


def _only_a_part(word: str, senses: list, words: Words) -> bool:
    """Whether a compass word before a name with these senses says which part of it is meant
    rather than naming a region: before a town ("North Houston") any compass point does;
    before a US state ("Georgia" too) an adjective or a point between two ("Eastern Oregon",
    "Northeast Ohio") does, while a bare point names a region of its own ("West Texas").
    The compass words are the demonyms' plain points; "Greater", "Upper" are none."""
    points = sum(point in word for point in words.demonym_directions)
    if not points:
        return False
    if any(c.feature_code == "ADM1" and c.country_code == "US" for c in senses):
        return points > 1  # "southern" holds "south" and "southern"; "northeast" two points
    return bool(senses) and senses[0].feature_class == "P"


def merge_patterns(found: list[Span], patterns: list[Span], tokens: list[Token],
                   words: Words = ENGLISH_WORDS,
                   strong: Callable[[Span], bool] = lambda span: True) -> list[Span]:
    """Add pattern spans; one that extends gazetteer matches ("Boone" -> "Boone County",
    "Dayton" -> "Dayton Drive") replaces them, one that cuts through a match is dropped.
    ``strong`` says whether a match is a big city, a region or a country."""
    owner = {k: n for n, span in enumerate(found) for k in range(span.first, span.last + 1)}
    dropped: set[int] = set()
    added: list[Span] = []
    used: set[int] = set()
    for span in patterns:
        first = _trim_leading(span, tokens, words)
        if first is None:
            continue
        cover = range(first, span.last + 1)
        if any(k in used for k in cover) or _modifier_compound(tokens, first, span.last):
            continue
        after = tokens[span.last + 1] if span.last + 1 < len(tokens) else None
        if (span.feature_word == "district" or span.feature_word in words.organisation_heads) \
                and after is not None and after.text[:1].isupper() \
                and after.text.lower() in words.organisation_heads:
            # "Queens District Attorney", "Nevada Highway Patrol": an office, whose place is
            # the name before the class word ("Boone County Council" is the county's)
            continue
        inside = {owner[k] for k in cover if k in owner}
        if span.feature_word == "locative" and inside and not (
                _article_linked(tokens, first, span.last, words)
                and not any(strong(found[n]) for n in inside if found[n].first == first)):
            # only for names the gazetteer has nothing for ("in Ngoroba"), or whose parts an
            # article links into one name the gazetteer lacks; a city or a country before
            # the article stays itself ("in Syria al-Qaeda ...")
            continue
        if span.feature_word in words.facility_heads and (first not in owner or any(
                tokens[k].text.lower() in words.organisation_heads
                for k in range(first, span.last))):
            # "Macon Park" grows a known name; "Brindlewick Home Park" names no place, and in
            # "Marksville Fire Station" the town stays the mention
            continue
        if any(found[n].first < first or found[n].last > span.last for n in inside):
            continue
        if span.feature_word == "facility" and first in owner:
            continue  # "Millbrook Fire Station": the place that names it stays the mention
        if inside and all(found[n].first == first and found[n].last == span.last for n in inside):
            continue
        dropped |= inside
        used.update(cover)
        first = _with_compass_initial(tokens, first, span.feature_word, words)
        added.append(Span(tokens[first].start, span.end, first, span.last, "pattern",
                          feature_word=span.feature_word))
    return [span for n, span in enumerate(found) if n not in dropped] + added


def _with_compass_initial(tokens: list[Token], first: int, feature_word: str | None,
                          words: Words) -> int:
    """"210 E. Harlow Street": a compass initial before a street's name is part of the street's
    name, as "East Main Street" is (the other half of the town may have a West one)."""
    k = first - 1
    if k >= 0 and feature_word in words.street_class_words and \
            tokens[k].text in words.compass_initials and \
            tokens[first].start - tokens[k].end == 1:
        return k
    return first


def _modifier_compound(tokens: list[Token], first: int, last: int) -> bool:
    """"an Armenian-controlled village", "the rebel-held district": a name glued by a hyphen
    to a lower-case word says who holds the place, it is not the place's name (the name
    before the hyphen stays what the recogniser made of it). A short lower-case link
    ("Sar-e Dara", "Stratford-upon-Avon") is part of a name."""
    for k in range(first, last):
        word = tokens[k + 1].text
        if tokens[k].text == "-" and word.islower() and len(word) > 4:
            return True
    return False


def us_state_abbreviation(tokens: list[Token], k: int,
                          words: Words = ENGLISH_WORDS) -> str | None:
    """The postal code of an AP-style state abbreviation at token k ("S.C.", "Ill." after a
    comma); words that are also common ("Miss.", "Pa.") count only after "Town,"."""
    word = tokens[k].text
    if not word.endswith(".") and not (k + 1 < len(tokens) and tokens[k + 1].text == "."
                                       and tokens[k + 1].start == tokens[k].end):
        return None
    bare = word.rstrip(".").lower()
    code = words.us_state_abbreviations.get(bare)
    if code is None:
        return None
    after_comma = k >= 2 and tokens[k - 1].text == "," and tokens[k - 2].text[:1].isupper()
    return code if after_comma or "." in bare else None


def _trim_leading(span: Span, tokens: list[Token], words: Words) -> int | None:
    """Drop "The", "In" ... from the front of a pattern span; None if nothing name-like is left."""
    first = span.first
    for k in range(span.last - 1, span.first, -1):
        if tokens[k].text.lower() in words.leading_function_words:
            first = k + 1  # a headline's "Seize Town In Helmand Province": the name follows "In"
            break
    while first <= span.last and (tokens[first].text.lower() in words.leading_function_words or (
            tokens[first].sentence_initial and tokens[first].text.lower() in words.common_words)):
        first += 1
    if first > span.last or not (tokens[first].text[:1].isupper()
                                 or glued_article(tokens, first, words.arabic_articles)):
        return None
    return first


def _article_linked(tokens: list[Token], first: int, last: int, words: Words) -> bool:
    """"Qasr al-Hayr", "Tall Rifat al-Jadida": a hyphen-glued article inside a name links its
    parts; Arabic place names are built so (Qasr, Tall, Kafr ... + al-X), and the parts are
    often places of their own in the gazetteer."""
    return any(glued_article(tokens, k, words.arabic_articles) for k in range(first + 1, last))
