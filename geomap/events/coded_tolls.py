"""The toll an ACLED note codes for its event when it says so: a toll "coded as" a figure, a
figure "coded to this event", a total "split" over several events with this event's share in
brackets, a total coded and then spread over places, or a bare "N fatalities." closing the note.
Such statements override the counts in the text."""

from __future__ import annotations

import re

from geomap.events.numbers import COUNT, even_share, parse_count

#: A note that closes on "... 7 fatalities." states the coded total.
_TRAILING_TOTAL = re.compile(rf"(?:^|[.\]]\s+){COUNT} fatalit(?:y|ies)\.?\s*$", re.IGNORECASE)
_CODED_AS = re.compile(rf"\bfatalities (?:were |are )?coded as {COUNT}", re.IGNORECASE)
_CODED_TO_EVENT = re.compile(
    rf"\b{COUNT} fatalit(?:y|ies) (?:were |was |are |is )?(?:coded|attributed) to this event",
    re.IGNORECASE)
_SPLIT = re.compile(
    rf"(?:\b(?P<total>\d+|\w+) fatalit(?:y|ies) )?\b(?:were |was |are |is )?(?:split|spread)"
    rf"(?: up)? (?:evenly )?(?:between|among|across|over) {COUNT} (?:\w+ )?(?:events|locations|"
    rf"days|frontlines|fronts|districts|areas)(?:\s*\((?P<share>\d+)\))?",
    re.IGNORECASE,
)
#: A total "coded as 12 and spread" over places: the coded total is split.
_CODED_THEN_SPLIT = re.compile(r"\bcoded as (?P<total>\d+)(?: fatalities)? and (?:then )?"
                               r"(?:split|spread)", re.IGNORECASE)

_FATALITIES = re.compile("fatalit", re.IGNORECASE)
_SPLIT_WORD = re.compile("split|spread", re.IGNORECASE)
#: The text up to the last character that can not stand between a statement's start and its
#: anchor word: a count's digits, commas, hyphens and words, or "N fatalities were" before
#: "split" (the full stop or bracket a closing total follows, for ``_BEFORE_TOTAL``).
_BEFORE_COUNT = re.compile(r".*[^\w\s,-]", re.DOTALL)
_BEFORE_TOTAL = re.compile(r".*[^\w\s,.\]-]", re.DOTALL)
#: The text up to the end of its last "fatalit", which a closing total holds.
_UP_TO_LAST_FATALITIES = re.compile(r"(?s:.*)fatalit", re.IGNORECASE)
#: Where a statement can begin: each opens on a word ("\b" before a word character).
_WORD_START = re.compile(r"\b\w")
#: Each statement with a word every match of it holds, and what can stand before that word in
#: it (None: the match begins with the word).
_STATEMENTS = ((_CODED_TO_EVENT, _FATALITIES, _BEFORE_COUNT), (_CODED_AS, _FATALITIES, None),
               (_SPLIT, _SPLIT_WORD, _BEFORE_COUNT))


def _value(match: re.Match, group: str = "num") -> int | None:
    phrase = match.group(group)
    return None if phrase is None or re.fullmatch(r"(?:1[89]|20)\d\d", phrase) else \
        parse_count(phrase)


def coding_statement(text: str) -> tuple[int, int] | None:
    """Where an ACLED note states the coded toll of its event (a toll "coded as" a figure, a
    total "split" over events), or None."""
    lowered = text.lower()
    if "fatalit" not in lowered and "split" not in lowered and "spread" not in lowered:
        return None  # every statement names fatalities or a split: most notes have neither
    found = [m for pattern, anchor, before in _STATEMENTS
             if (m := _leftmost(pattern, text, anchor, before))]
    if (closing := _closing_total(text)) is not None:
        found.append(closing)
    return min((m.span() for m in found), default=None)


def _leftmost(pattern: re.Pattern, text: str, anchor: re.Pattern,
              before: re.Pattern | None) -> re.Match | None:
    """``pattern.search(text)``, trying only the starts near a hit of ``anchor``: every match
    holds an anchor hit with only characters ``before`` skips between its start and the hit.
    A search tries every position of the text, which cost a long article a second per
    statement; this tries each position at most once and most of them never."""
    tried = 0  # every start before this one was tried, or can not start a match
    for hit in anchor.finditer(text):
        if hit.start() < tried:
            continue
        # the run ends after the last character that can not stand before the anchor word
        run = before.match(text, tried, hit.start()) if before else None
        first = hit.start() if before is None else run.end() if run else tried
        for word in _WORD_START.finditer(text, first, hit.start() + 1):
            if (match := pattern.match(text, word.start())) is not None:
                return match
        tried = hit.start() + 1
    return None


def _closing_total(text: str) -> re.Match | None:
    """``_TRAILING_TOTAL.search(text)``: the total closes the text, so it holds the last
    "fatalit", and only the run of characters that can stand before it is searched."""
    last = _UP_TO_LAST_FATALITIES.match(text)
    if last is None:
        return None
    run = _BEFORE_TOTAL.match(text, 0, last.end() - len("fatalit"))
    return _TRAILING_TOTAL.search(text, run.end() if run else 0)


def coded_toll(text: str, counted: int | None) -> int | None:
    """The toll the note codes for its event, or None when it states none; ``counted`` is the
    total read from the text, which a bare split over N events divides."""
    lowered = text.lower()
    if "fatalit" not in lowered and "split" not in lowered and "spread" not in lowered:
        return None  # every statement names fatalities or a split (as coding_statement checks)
    split = _SPLIT.search(text)
    if split and split.group("share"):
        return int(split.group("share"))  # "... over 4 events (2)": the share, stated
    coded = _CODED_TO_EVENT.search(text) or (
        None if _CODED_THEN_SPLIT.search(text) else _CODED_AS.search(text)) or \
        _TRAILING_TOTAL.search(text)
    if coded and (value := _value(coded)) is not None:
        return value
    then_split = _CODED_THEN_SPLIT.search(text)
    if split and (parts := _value(split)):
        total = parse_count(split.group("total")) if split.group("total") else (
            int(then_split.group("total")) if then_split else counted)
        if total is not None:
            return even_share(total, parts, at_least_one=False)
    return None
