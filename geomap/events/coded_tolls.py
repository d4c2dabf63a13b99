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
    found = [m for pattern in (_CODED_TO_EVENT, _CODED_AS, _SPLIT, _TRAILING_TOTAL)
             if (m := pattern.search(text))]
    return min((m.span() for m in found), default=None)


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
