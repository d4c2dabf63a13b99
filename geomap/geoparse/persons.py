"""Who the article names as persons: the facts the kind rules share about one document.

A title or a given name before a capitalised word ("Gen. Ivan Orlov", "John Kerry"), a name the
text then calls by a title ("Mabel Orr, the town's mayor"), and headline lines, where capitals
say nothing, are found once per article; the rules in kinds.py read them.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import compress, islice
from operator import itemgetter

from geomap.geoparse.recognize import Token
from geomap.geoparse.surroundings import bare, locative_before
from geomap.geoparse.words import ENGLISH_WORDS, Words


def is_title(token: Token, words: Words) -> bool:
    return bare(token.text) in words.titles and token.text[:1].isupper()


class DocumentWords:
    """Per-article facts the rules share: lower-case vocabulary, title-case lines, person names."""

    def __init__(self, text: str, tokens: list[Token], words: Words = ENGLISH_WORDS):
        self.tokens = tokens
        self.words = words
        # The token texts once, at C speed: every fact below scans the whole article.
        texts = list(map(itemgetter(2), tokens))
        self.lowercase = {word for word in texts if word.islower()}
        self.title_case = _title_case_flags(tokens, texts)
        self.persons = _person_surnames(tokens, texts, self.title_case, words)
        # Names the article uses for sports sides ("X coach", "beat X"): the team everywhere.
        self.sides = _sports_sides(tokens, texts, words)
        # Names the rules took for persons in one place ("Jordan Pryce"): alone elsewhere in the
        # article they are that person too.
        self.rejected_persons: set[str] = set()
        # Names the text itself calls places ("Lorna is a small town", "the town of Nila"):
        # no person or common-word rule overrides that anywhere in the article.
        self.called_places: set[str] = set()


def _sports_sides(tokens: list[Token], texts: list[str], words: Words) -> set[str]:
    """One-word capitalised names a side's noun follows ("X coach", "X's striker") or a win's
    verb precedes ("beat X")."""
    sides: set[str] = set()
    nouns, verbs = words.side_nouns, words.side_verbs
    either = nouns | verbs  # (one test a token, not two)
    for k in [k for k, word in enumerate(texts) if word in either]:
        if texts[k] in verbs:
            name = k + 1
        else:
            name = k - 2 if k >= 2 and texts[k - 1] in {"'s", "’s"} else k - 1
        if 0 <= name < len(tokens) and _one_word_name(tokens, name):
            sides.add(texts[name])
    return sides


def _one_word_name(tokens: list[Token], k: int) -> bool:
    """A capitalised word (no acronym) that neither joins the word before nor the one after."""
    word = tokens[k]
    return word.text[:1].isupper() and word.text.isalpha() and not word.all_caps and not (
        k > 0 and tokens[k - 1].text[:1].isupper() and not tokens[k - 1].sentence_initial
        and not word.sentence_initial) and not (
        k + 1 < len(tokens) and tokens[k + 1].text[:1].isupper())


def _title_case_flags(tokens: list[Token], texts: list[str]) -> list[bool]:
    """True for tokens on a line where most words are capitalised (a headline): there, a capital
    letter says nothing about proper names."""
    n = len(tokens)
    flags = [False] * n
    breaks = list(compress(range(1, n), map(itemgetter(4), islice(tokens, 1, None))))
    for start, end in zip([0, *breaks], [*breaks, n], strict=True):
        if end - start < 4 or _body_line(texts, start, end):
            continue  # fewer than four words, or a paragraph of prose: no headline
        words = [word for word in texts[start:end] if word[:1].isalpha()]
        if len(words) < 4:
            continue
        # (the capitals counted at C speed: a body paragraph is hundreds of words)
        initials = [w[0] for w in words if len(w) > 3]
        if initials and sum(map(str.isupper, initials)) >= 0.8 * len(initials):
            flags[start:end] = [True] * (end - start)
    return flags


def _body_line(texts: list[str], start: int, end: int) -> bool:
    """More than a fifth of the line's tokens are lower-case words of four letters or more, so
    under 80 % of its longer words are capitalised: prose, told from its first few dozen words
    (the full count reads every word of a paragraph three times)."""
    limit = 0.2 * (end - start)
    lower = 0
    for k in range(start, end):  # (islice would walk from the article's first token each time)
        word = texts[k]
        if len(word) > 3 and word[0].islower():
            lower += 1
            if lower > limit:
                return True
    return False


def _person_surnames(tokens: list[Token], texts: list[str], title_case: list[bool],
                     words: Words) -> set[str]:
    """Last words of "Title Name" and "Given-name Name" sequences anywhere in the article."""
    surnames: set[str] = set()
    titles, given_names = words.titles, words.given_names
    n = len(tokens)
    for k in [k for k, word in enumerate(texts) if word[:1].isupper() or word in titles]:
        token = tokens[k]
        word = bare(token.text)
        opener = (word in titles or (word in given_names and not token.all_caps))
        if not opener or title_case[k]:
            continue
        m = k + 1
        while m < n and tokens[m].text[:1].isupper() and not tokens[m].newline_before and (
                bare(tokens[m].text) in titles or m == k + 1
                or looks_like_name(tokens[m], words)):
            m += 1
        if m > k + 1 and not is_title(tokens[m - 1], words):
            surnames.add(tokens[m - 1].text)
    surnames.update(_apposed_names(tokens, texts, title_case, words))
    return surnames


def _apposed_names(tokens: list[Token], texts: list[str], title_case: list[bool],
                   words: Words) -> set[str]:
    """The words of a two- or three-word name the text then calls by a title: "Katumba Wamala,
    the Ugandan Minister of Works". Never after a locative preposition ("in Dera Ismail Khan,
    the governor said")."""
    found: set[str] = set()
    for k in _positions(texts, ","):
        if k + 2 >= len(tokens) or title_case[k] or \
                tokens[k + 1].text.lower() not in words.articles:
            continue
        titled = False
        for after in tokens[k + 2:k + 7]:
            if not after.text[:1].isalpha():
                break
            if bare(after.text) in words.titles:
                titled = True
                break
        first = k
        while first > 0 and k - first < 3 and looks_like_name(tokens[first - 1], words) and \
                not tokens[first - 1].all_caps:
            first -= 1
        if titled and k - first >= 2 and not locative_before(tokens, first, words):
            found.update(t.text for t in tokens[first:k])
    return found


def looks_like_name(token: Token, words: Words) -> bool:
    """Capitalised and no common word, organisation head, month or day."""
    word = bare(token.text)
    return (token.text[:1].isupper() and word not in words.common_words
            and word not in words.organisation_heads and word not in words.months
            and word not in words.days)



def _positions(texts: list[str], word: str) -> Iterator[int]:
    """Where ``word`` stands among ``texts``, in order (found by the list's own scan, in C)."""
    k = -1
    index = texts.index
    while True:
        try:
            k = index(word, k + 1)
        except ValueError:
            return
        yield k
