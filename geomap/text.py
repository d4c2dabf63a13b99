"""Sentences with character offsets, for the event stage (the geoparser tokenises on its own).

Offsets always index the original text, so every span can be quoted back exactly.
"""

from __future__ import annotations

import re
from functools import lru_cache

# A sentence ends at . ! ? (optionally followed by closing quotes/brackets) before whitespace and an
# upper-case letter, digit or opening quote -- or at a blank line. Abbreviations such as "U.S." or
# "Gen." are protected below so that "U.S. forces" stays one sentence.
_SENTENCE_END = re.compile(r"""[.!?]+["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9])|\n\s*\n""")
#: The run of word characters and dots that ends a text.
_TRAILING_WORD = re.compile(r"[\w.]+\Z")
_WINDOW = 48
_TIMES_OF_DAY = frozenset({"a.m", "p.m"})
_GOES_ON = re.compile(r"\s*[(\[0-9]")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr gen lt col maj capt sgt st mt ft sen rep gov pres prof jr sr inc ltd co corp "
    "jan feb mar apr jun jul aug sep sept oct nov dec no vs etc al approx dept est fig u.s "
    "u.k u.n e.g i.e ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn "
    "miss mo mont neb nev okla ore pa tenn tex va vt wash wis wyo".split()
)


@lru_cache(maxsize=8)
def sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each sentence, whitespace trimmed; empty text gives no sentences.

    Cached for the last few texts: the event stage asks for one article's sentences several
    times, and splitting is a regex pass over the whole text each time.
    """
    return tuple(_sentence_spans(text))


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end() if not match.group().startswith("\n") else match.start()
        if match.group().startswith("."):
            word = _last_word(text, start, match.start() + 1)
            if _is_abbreviation(word) or _time_goes_on(text, word, match.end()):
                continue
        _append_trimmed(text, start, end, spans)
        start = match.end()
    _append_trimmed(text, start, len(text), spans)
    return spans


def _last_word(text: str, start: int, end: int) -> str:
    """The run of word characters and dots that ends text[start:end] ("" when none).

    Looked for in the last few characters first: searching from the sentence's start made a
    long run of protected abbreviations cost the square of its length."""
    window = max(start, end - _WINDOW)
    found = _TRAILING_WORD.search(text, window, end)
    if found is not None and found.start() == window and window > start:
        found = _TRAILING_WORD.search(text, start, end)  # the run may reach further back
    return found.group() if found is not None else ""


def _is_abbreviation(word: str) -> bool:
    word = word.lower().rstrip(".")
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def _time_goes_on(text: str, word: str, after: int) -> bool:
    """"at 9 a.m. (0600 GMT) troops ...", "at 4 p.m. 10 people": a time of day whose full stop
    is followed by a bracket or a number ends no sentence ("at 9 a.m. The army ..." does)."""
    return word.lower().rstrip(".") in _TIMES_OF_DAY and bool(_GOES_ON.match(text, after))


def _append_trimmed(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
