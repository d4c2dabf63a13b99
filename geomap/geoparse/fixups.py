"""Recognition fix-ups that ask the gazetteer: each takes the recogniser's spans and returns them
corrected for one class of error, in the order the geoparser runs them.

- :func:`without_the` -- a sentence's "The" swallowed into a name ("The Korean Peninsula");
- :func:`whole_name` -- a known fragment of a longer unknown name ("Deh" of "Deh Sabz"), or
  of a hyphenated or two-word name the text places ("near Al-X, Idlib");
- :func:`without_remembered_persons` -- a name the rules took for a person once, met alone;
- :func:`outside_groups` -- a place word inside an armed group's name ("Boko Haram").
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace

from geomap.geoparse.caches import NameCache
from geomap.geoparse.persons import DocumentWords
from geomap.geoparse.recognize import Span, Token, glued_article
from geomap.geoparse.spans import hyphen_chain_end
from geomap.geoparse.surroundings import hyphen_compound, locative_before
from geomap.geoparse.words import Words


def without_the(span: Span, text: str, tokens: list[Token], cache: NameCache) -> Span:
    """"The Korean Peninsula" -> "Korean Peninsula": a capitalised article is the sentence's,
    unless the place's own name begins with it ("The Hague", "The Dalles")."""
    if span.last == span.first or tokens[span.first].text not in {"The", "THE"}:
        return span
    name = text[span.start:span.end]
    norm = cache.normalize(name)
    if any(cache.normalize(c.name) == norm for c in cache.candidates(name)):
        return span
    second = tokens[span.first + 1]
    return replace(span, start=second.start, first=span.first + 1)


def whole_name(span: Span, text: str, tokens: list[Token], seen: DocumentWords,
               cache: NameCache, demonym) -> Span | None:
    """"Deh Sabz", "Qala Now", "Sar-e-Kotal": a small place's name followed by more of a
    name the gazetteer lacks is a fragment of that longer name, never the namesake the
    fragment spells. Where the text treats the whole as a place ("in Deh Sabz", "Qala Now
    village") the span grows to the whole name (left for the fallback); elsewhere the
    fragment is dropped (it is as often a person: "Pablo Ostrikov"). A known word after the
    fragment ("Fire Station", "Smith", "Afghanistan") is no continuation. A lower-case Arabic
    article links the parts too ("in Tal el Hawa"; a name after the article, "Ain al
    Arab", ends one): placed, the whole is the place; a name after the article that the text
    does not place is dropped ("the deputy Karim al X"), the name before it kept as it was.
    ``demonym`` is the classifier's nationality test."""
    words = seen.words
    following = tokens[span.last + 1] if span.last + 1 < len(tokens) else None
    one_word = span.first == span.last or (  # "al-Arab" is one word of a name
        span.first + 2 == span.last and glued_article(tokens, span.first, words.arabic_articles))
    if span.source != "gazetteer" or not one_word or seen.title_case[span.first]:
        return span
    placed_whole = _placed_compound(span, text, tokens, words, cache, demonym) or \
        _placed_pair(span, text, tokens, words, cache, demonym)
    if placed_whole is not None:
        return placed_whole
    first = _article_head(tokens, span.first, words)
    linked = _article_link(tokens, span.last, words) if following is not None else 0
    if first == span.first and not linked and (following is None or not (
            following.text == "-" or following.text[:1].isupper())):
        return span
    # ("The Harlan County board": a sentence's article that some hamlet bears begins no
    # longer name; the class word's pattern takes the name that follows it)
    if cache.strength(text[span.start:span.end]) > 0 or \
            tokens[span.last].text.lower() in words.given_names or \
            tokens[span.last].text.lower() in words.leading_function_words:
        return span
    last = linked or hyphen_chain_end(tokens, span.last)
    if last == span.last and first == span.first:
        while last - span.last < 2 and last + 1 < len(tokens) and _unknown_continuation(
                tokens[last], tokens[last + 1], text, words, cache, demonym):
            last += 1
    if last == span.last and first == span.first:
        return span
    after = tokens[last + 1] if last + 1 < len(tokens) else None
    placed = locative_before(tokens, first, words) or (
        after is not None and after.text.lower() in words.class_after)
    if not placed:
        # (an article-linked fragment the text does not place stays as it was)
        return span if linked and first == span.first else None
    return Span(tokens[first].start, tokens[last].end, first, last, "extended")


def _placed_compound(span: Span, text: str, tokens: list[Token], words: Words,
                     cache: NameCache, demonym) -> Span | None:
    """"near Al-Qarnab, North Sinai", "in Vossel-Broek, Limburg": a name glued by hyphens to
    capitalised parts that make it no place of its own (the hyphen rule's "Wal-Mart") is one
    part of a hyphenated name where the text places the whole: a locative before it and a
    container or class word after it. The whole is the place; its part alone is a namesake."""
    start, end = span.first, span.last
    while start >= 2 and _glued_part(tokens[start - 2], tokens[start - 1], tokens[start]):
        start -= 2
    while end + 2 < len(tokens) and _glued_part(tokens[end + 2], tokens[end + 1], tokens[end]):
        end += 2
    if (start, end) == (span.first, span.last) or any(
            demonym(tokens[k].text) or tokens[k].text.lower() in words.region_demonyms
            for k in range(start, end + 1, 2)) \
            or not locative_before(tokens, start, words) \
            or not _container_after(tokens, end, text, words, cache) \
            or not hyphen_compound(tokens, span, text, cache.gazetteer, cache.strength):
        return None
    return Span(tokens[start].start, tokens[end].end, start, end, "extended")


def _glued_part(part: Token, hyphen: Token, neighbour: Token) -> bool:
    """Whether ``part`` is a capitalised word glued by ``hyphen`` to ``neighbour``."""
    return hyphen.text == "-" and part.text[:1].isupper() and part.text.isalpha() and (
        part.end == hyphen.start and hyphen.end == neighbour.start
        or neighbour.end == hyphen.start and hyphen.end == part.start)


def _placed_pair(span: Span, text: str, tokens: list[Token], words: Words, cache: NameCache,
                 demonym) -> Span | None:
    """"in Kafr Zeitan, Idlib", "near Vovcha Balka, Donetsk": a weak name beside a capitalised
    word that no place bears, the two between a locative and a container, is one half of a
    two-word name the gazetteer lacks (a given name or surname beside it is a person's)."""
    k = span.first
    # The locative test first: it is cheap and fails for most single-word names.
    if span.last != k or not (locative_before(tokens, k, words)
                              or (k > 0 and locative_before(tokens, k - 1, words))):
        return None
    low = tokens[k].text.lower()
    if low in words.given_names or low in words.surnames or \
            cache.strength(text[span.start:span.end]) >= 2:
        return None
    for first, last, other in ((k, k + 1, k + 1), (k - 1, k, k - 1)):
        if first < 0 or last >= len(tokens) or not locative_before(tokens, first, words) or \
                not _container_after(tokens, last, text, words, cache):
            continue
        if _unknown_word(tokens[first], tokens[last], tokens[other], text, words, cache, demonym):
            return Span(tokens[first].start, tokens[last].end, first, last, "extended")
    return None


def _unknown_word(left: Token, right: Token, word: Token, text: str, words: Words,
                  cache: NameCache, demonym) -> bool:
    """Whether ``word`` (``left`` or ``right``, written apart by one space) is a capitalised
    word of letters that no place, list or nationality knows."""
    name = word.text
    if not (name[:1].isupper() and name.isalpha() and len(name) > 2 and not word.all_caps) \
            or right.newline_before or text[left.end:right.start] != " ":
        return False
    low = name.lower()
    return not any(low in known for known in words.known_word_lists) and \
        demonym(name) is None and not cache.knows(name)


def _container_after(tokens: list[Token], last: int, text: str, words: Words,
                     cache: NameCache) -> bool:
    """"X district", "X (Y)", "X, Helmand": the text goes on with what X is or where -- a class
    word, a bracketed note, or a comma and a region or town of some size (a list of firms or
    teams goes on with more names of their kind)."""
    if last + 2 >= len(tokens):
        return False
    after, then = tokens[last + 1], tokens[last + 2]
    if after.text.lower() in words.class_after:
        return True
    if after.text == "(":
        return then.text[:1].isupper()
    return after.text == "," and _region_at(tokens, last + 2, text, cache)


def _region_at(tokens: list[Token], k: int, text: str, cache: NameCache) -> bool:
    """Whether a name of a region, or of a town of 100,000 or more, begins at token ``k``
    (up to three capitalised words: "Sari Pul", "North Sinai")."""
    for n in (3, 2, 1):
        last = k + n - 1
        if last >= len(tokens) or not all(t.text[:1].isupper() for t in tokens[k:last + 1]):
            continue
        if cache.strength(text[tokens[k].start:tokens[last].end]) >= 1:
            return True
    return False


def _article_link(tokens: list[Token], last: int, words: Words) -> int:
    """"Tal el Hawa", "Tal al-Hawa": a lower-case Arabic article and a capitalised word after
    a name continue it; the index of that word, else 0. Spaced, only the unassimilated article
    ("al", "el") links: the assimilated ones are written with a hyphen ("as-Sham"), and spaced
    they are English words ("as", "at")."""
    k = last + 1
    if k + 1 >= len(tokens) or tokens[k].start - tokens[last].end != 1:
        return 0
    if glued_article(tokens, k, words.arabic_articles):
        return k + 2
    following = tokens[k + 1]
    if tokens[k].text not in words.arabic_articles:
        return 0
    if tokens[k].text.endswith("l") and following.text[:1].isupper() and \
            following.start - tokens[k].end == 1 and not following.newline_before:
        return k + 1
    return 0


def _article_head(tokens: list[Token], first: int, words: Words) -> int:
    """"Ain al Arab", "Ain al-Arab": the capitalised word before the Arabic article that opens
    the span, or that the span's word follows, heads the name; its index, else ``first``."""
    articles = words.arabic_articles
    before = tokens[first - 1].text if first else ""
    if before != "-" and before not in articles and tokens[first].text.lower() not in articles:
        return first  # no article at either side: most spans, answered at once
    if glued_article(tokens, first, articles):
        k = first  # the span is "al-Arab"
    elif first >= 2 and glued_article(tokens, first - 2, articles):
        k = first - 2  # the span is "Arab" of "al-Arab"
    elif first >= 1 and tokens[first - 1].text in articles and tokens[first - 1].text.endswith(
            "l") and tokens[first].start - tokens[first - 1].end == 1:
        k = first - 1  # spaced: only the unassimilated article ("al", "el") links
    else:
        return first
    head = k - 1
    if head < 0 or not tokens[head].text[:1].isupper() or tokens[head].all_caps or \
            tokens[k].start - tokens[head].end != 1 or tokens[k].newline_before:
        return first
    return head


def _unknown_continuation(previous: Token, token: Token, text: str, words: Words,
                          cache: NameCache, demonym) -> bool:
    word = token.text
    if not (word[:1].isupper() and word.isalpha() and not token.all_caps and len(word) > 1):
        return False
    if token.newline_before or text[previous.end:token.start] != " ":
        return False
    low = word.lower()
    if any(low in known for known in words.known_word_lists):
        return False
    if demonym(word) is not None:
        return False
    # The rest of a compound name is itself a name somewhere ("Alam", "Kot", "Ab"); an
    # unknown capitalised word ("Jail", "Civic", "Usupov") names a building or a person.
    return cache.knows(word) and cache.strength(word) < 2


def without_remembered_persons(spans: list[Span], text: str, seen: DocumentWords,
                               cache: NameCache) -> list[Span]:
    """A one-word name the rules took for a person somewhere ("Jordan Pryce") is that person
    alone elsewhere too, unless it is a strong place or a locative says otherwise."""
    if not seen.rejected_persons:
        return spans
    return [span for span in spans if not _remembered_person(span, text, seen, cache)]


def _remembered_person(span: Span, text: str, seen: DocumentWords, cache: NameCache) -> bool:
    name = text[span.start:span.end]
    return (span.first == span.last and span.kind != "demonym" and span.source != "state"
            and name in seen.rejected_persons and cache.strength(name) < 2
            and not locative_before(seen.tokens, span.first, seen.words))


def outside_groups(spans: list[Span], text: str, groups: list[tuple[int, int]],
                   cache: NameCache) -> list[Span]:
    """Drop spans inside an armed group's name ("Boko Haram", "Taliban"); a strong place
    inside a longer one ("Islamic State of Iraq") stays, as ``embedded``."""
    if not groups:
        return spans
    starts = [start for start, _ in groups]
    kept = []
    for span in spans:
        k = bisect_right(starts, span.start) - 1
        inside = k >= 0 and span.start < groups[k][1]
        inside = inside or (k + 1 < len(groups) and groups[k + 1][0] < span.end)
        if not inside:
            kept.append(span)
        elif span.kind != "demonym" and (span.start, span.end) not in groups and \
                cache.strength(text[span.start:span.end]) >= 2:
            kept.append(replace(span, kind="embedded"))
    return kept
