"""Event dates, resolved against the article's reference day.

The reference day is the dateline's date when the text opens with one ("PORT ELMAR, Veldia
(Apr. 8, 2014) -", "Evening Situation Brief, Oct. 3, 2012"): a press release reports what
happened "yesterday" relative to the day it was written, whenever it was fetched or republished.
Without a dateline it is the publication date given with the article.

Time precision follows ACLED: 1 = the day is known, 2 = the week ("earlier this week", "last
week", or no date in the text but a reference day -- news reports recent events), 3 = the month
("last month", "in March"); "two days ago" counts back from the reference day. The contract has no
year precision, so a year alone ("in 1995", "last year") is its middle day at precision 3.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from geomap.lexicons import ENGLISH, Lexicon, LexiconError, RelativeDay, built_from
from geomap.lexicons.phrases import checked, compile_phrases, on_text

_NUMERIC = re.compile(r"\b(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>(?:19|20)\d\d)\b")
_DIGIT = re.compile(r"\d")
_ISO = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)\b")
@dataclass(frozen=True, slots=True)
class _Calendar:
    """The date patterns built from one lexicon's calendar (calendar.toml's [grammar], its
    relative days and month parts) and number words."""

    lexicon: Lexicon
    day_month_year: re.Pattern[str]
    month_day_year: re.Pattern[str]
    weekday: re.Pattern[str]
    month_only: re.Pattern[str]
    ago: re.Pattern[str]
    year_only: re.Pattern[str]
    in_prose: re.Pattern[str]
    relative: re.Pattern[str]  # group "r<i>" is relative_days[i]
    weekdays: tuple[str, ...]
    ambiguous: frozenset[str]
    number_words: dict[str, int]
    month_parts: dict[str, tuple[int, int]]
    last_week: frozenset[str]
    week_units: frozenset[str]

    def month(self, name: str) -> int:
        return self.lexicon.month_number(name)


def _calendar(lexicon: Lexicon) -> _Calendar:
    number_words = dict(lexicon.ago)
    slots = {
        # any written form of a month, then an optional full stop ("Sept.")
        "month": rf"(?P<month>{'|'.join(lexicon.month_forms())})\.?",
        "weekdays": "|".join(lexicon.weekdays), "ago_numbers": "|".join(number_words),
    }
    grammar = compile_phrases(lexicon, "calendar.toml [grammar]", lexicon.calendar_grammar, slots)
    sets = {name: frozenset(words) for name, words in lexicon.calendar_sets}
    if unknown := {d.anchor for d in lexicon.relative_days} - _ANCHORS:
        raise LexiconError(f"lexicon {lexicon.lang!r}: calendar.toml relative: unknown anchor "
                           f"{', '.join(sorted(unknown))}")
    relative = "|".join(f"(?P<r{i}>{day.phrase})" for i, day in enumerate(lexicon.relative_days))
    return checked(_Calendar, {
        **grammar, **sets, "lexicon": lexicon,
        "relative": re.compile(rf"\b(?:{relative})\b", re.IGNORECASE),
        "weekdays": lexicon.weekdays, "ambiguous": frozenset(lexicon.ambiguous_months),
        "number_words": number_words, "month_parts": dict(lexicon.month_parts),
    }, lexicon, "calendar.toml")


@dataclass(frozen=True, slots=True)
class EventDate:
    value: date
    precision: int  # 1 day, 2 week, 3 month
    start: int = -1  # span in the text, -1 when inferred from the publication date
    end: int = -1


#: A found date this short is a bare year ("in 1995"), the weakest evidence of an event's day.
YEAR_SPAN = 4


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _infer_year(month: int, day: int, published: date | None) -> int | None:
    """A date without a year is the most recent such date not after publication (+2 days)."""
    if published is None:
        return None
    year = published.year
    candidate = _safe_date(year, month, day)
    if candidate and candidate > published + timedelta(days=2):
        year -= 1
    return year


def find_date(text: str, start: int = 0, end: int | None = None,
              published: date | None = None, skip: tuple[int, int] | None = None,
              lexicon: Lexicon = ENGLISH) -> EventDate | None:
    """The first date expression in text[start:end], resolved against ``published`` (the
    reference day); None when there is none. A span in ``skip`` (the dateline) is no event date.
    A year alone comes last: "a group founded in 2015 attacked on Friday" happened on Friday."""
    found = find_dates(text, start, end, published, skip, lexicon)
    if not found:
        return None
    return min(found, key=lambda d: (d.end - d.start <= YEAR_SPAN, d.start, d.precision))


def find_dates(text: str, start: int = 0, end: int | None = None,
               published: date | None = None, skip: tuple[int, int] | None = None,
               lexicon: Lexicon = ENGLISH) -> list[EventDate]:
    """Every date expression in text[start:end] outside ``skip``, resolved, in no order."""
    end = len(text) if end is None else end
    calendar = built_from(lexicon, _calendar)
    return [d for d in _dates_in(calendar, text, start, end, published)
            if skip is None or d.end <= skip[0] or d.start >= skip[1]]


def _dates_in(calendar: _Calendar, text: str, start: int, end: int,
              published: date | None) -> list[EventDate]:
    segment = text[start:end]
    found = _calendar_dates(calendar, text, start, end, published)
    for m in calendar.year_only.finditer(segment):
        # marked by its span: only the year itself, so it sorts after every fuller date
        found.append(EventDate(date(int(m.group("year")), 7, 1), 3, start + m.start("year"),
                               start + m.end("year")))
    if published is not None:
        found.extend(_relative_dates(calendar, segment, start, published))
    return found


def _calendar_dates(calendar: _Calendar, text: str, start: int, end: int,
                    published: date | None) -> list[EventDate]:
    """Dates written as days of the calendar ("25 Jan 2013", "Jan. 25", "01/25/2013", ISO)."""
    if _DIGIT.search(text, start, end) is None:
        return []  # every calendar date has a day in digits: most sentences have no digit
    segment = text[start:end]
    found: list[EventDate] = []
    lowered = segment.lower() if segment.isascii() else None
    for pattern in (calendar.day_month_year, calendar.month_day_year):
        # on the lower-cased text when it can be (phrases.on_text): months and numbers read the
        # same lower-cased
        run, subject = on_text(pattern, segment, lowered)
        for m in run.finditer(subject):
            day, month = int(m.group("day")), calendar.month(m.group("month"))
            if m.group("month").lower() in calendar.ambiguous and not m.group("year") and \
                    pattern is calendar.month_day_year:
                continue  # "may 5" is more often a modal than a date without a year
            year = int(m.group("year")) if m.group("year") else _infer_year(month, day, published)
            if year and (value := _safe_date(year, month, day)):
                found.append(EventDate(value, 1, start + m.start(), start + m.end()))
    for m in _NUMERIC.finditer(segment):
        # GTD and US wire style: month/day/year; a first number above 12 can only be a day.
        a, b, year = int(m.group("a")), int(m.group("b")), int(m.group("year"))
        month, day = (b, a) if a > 12 else (a, b)
        if value := _safe_date(year, month, day):
            found.append(EventDate(value, 1, start + m.start(), start + m.end()))
    for m in _ISO.finditer(segment):
        if value := _safe_date(int(m.group("year")), int(m.group("month")), int(m.group("day"))):
            found.append(EventDate(value, 1, start + m.start(), start + m.end()))
    return found


def _relative_dates(calendar: _Calendar, segment: str, offset: int,
                    published: date) -> list[EventDate]:
    out = []
    for m in calendar.weekday.finditer(segment):
        weekday = calendar.weekdays.index(m.group("weekday").lower())
        back = (published.weekday() - weekday) % 7
        if (m.group("last") or "").lower() in calendar.last_week and back == 0:
            back = 7
        out.append(EventDate(published - timedelta(days=back), 1, offset + m.start(),
                             offset + m.end()))
    for m in calendar.relative.finditer(segment):
        day = calendar.lexicon.relative_days[int(m.lastgroup[1:])]
        out.append(EventDate(_relative_day(day, published), day.precision, offset + m.start(),
                             offset + m.end()))
    for m in calendar.month_only.finditer(segment):
        month = calendar.month(m.group("month"))
        year = int(m.group("year")) if m.group("year") else _infer_year(month, 1, published)
        day, precision = calendar.month_parts.get((m.group("part") or "").lower(), (15, 3))
        if year and m.group("month").lower() not in calendar.ambiguous:
            out.append(EventDate(date(year, month, day), precision, offset + m.start(),
                                 offset + m.end()))
    for m in calendar.ago.finditer(segment):
        count = m.group("n").lower()
        n = int(count) if count.isdigit() else calendar.number_words[count]
        weeks = m.group("unit").lower() in calendar.week_units
        value = published - timedelta(days=n * (7 if weeks else 1))
        out.append(EventDate(value, 2 if weeks else 1, offset + m.start(), offset + m.end()))
    return out


#: The days a relative phrase may be anchored to instead of counted back ("" counts back).
_ANCHORS = {"", "last_year", "this_year", "last_month"}


def _relative_day(day: RelativeDay, published: date) -> date:
    if day.anchor == "last_year":
        return date(published.year - 1, 7, 1)
    if day.anchor == "this_year":
        first = date(published.year, 1, 1)
        return first + (published - first) // 2
    if day.anchor == "last_month":
        return (published.replace(day=1) - timedelta(days=1)).replace(day=15)
    return published - timedelta(days=day.days)


@dataclass(frozen=True, slots=True)
class Dateline:
    """The date a text is filed under, written at its head; start/end span the date.

    ``dates_event``: the text opens with the date and a colon ("01/05/2021: Gunmen ..."), the
    shape of an incident record, whose date is the incident's own; a wire or release dateline
    only dates the writing."""

    value: date
    start: int
    end: int
    dates_event: bool = False


#: How far into a text a dateline may sit: a headline, a sender and a title can come first.
_DATELINE_REACH = 300
#: What a dateline's date is written after: nothing on its line, or a place, sender or title
#: closed by "(", ",", ":", "|" or a dash ("PORT ELMAR, Veldia (", "Field Note, ", "Date: ").
_BEFORE_DATELINE = re.compile(r"(?:^|[(,:|\u2013\u2014-])\s*$")
#: ... and what it is followed by: the body's dash, colon or bar, or a line break, after an
#: optional closing bracket and agency ("Aug. 4, 2015 (UNVM) --").
_AFTER_DATELINE = re.compile(r"\s*\)?\s*(?:\([^()\n]{1,40}\)\s*)?(?:--|[-\u2013\u2014|:]|\n|$)")
_MAX_DATELINE_LEAD = 100


def find_dateline(text: str, published: date | None = None,
                  lexicon: Lexicon = ENGLISH) -> Dateline | None:
    """The dateline's date at the head of a wire story or press release, or None.

    A dateline without a year ("PORT ELMAR, June 6 (Wire) -") needs ``published`` for its year.

    >>> find_dateline("PORT ELMAR, Veldia (Apr. 8, 2014) - A convoy was hit yesterday.").value
    datetime.date(2014, 4, 8)
    >>> find_dateline("On 8 April 2014, a convoy was hit.") is None
    True
    """
    head = text[:_DATELINE_REACH]
    calendar = built_from(lexicon, _calendar)
    for found in sorted(_calendar_dates(calendar, head, 0, len(head), published),
                        key=lambda d: d.start):
        lead = head[head.rfind("\n", 0, found.start) + 1:found.start]
        if len(lead) <= _MAX_DATELINE_LEAD and _BEFORE_DATELINE.search(lead) and \
                not calendar.in_prose.search(lead) and _AFTER_DATELINE.match(head, found.end):
            record = not head[:found.start].strip() and \
                head[found.end:].lstrip().startswith(":")
            return Dateline(found.value, found.start, found.end, record)
    return None


def reference_day(text: str, published: date | None,
                  lexicon: Lexicon = ENGLISH) -> tuple[date | None, Dateline | None]:
    """The day "yesterday" and "on Tuesday" count from: the dateline's when the text has one
    (the day the release was written, whenever it was published or fetched), else the
    publication date given; and the dateline itself, which dates no event."""
    dateline = find_dateline(text, published, lexicon)
    return (dateline.value if dateline else published), dateline


def resolve_date(text: str, start: int, end: int, published: date | None,
                 lexicon: Lexicon = ENGLISH) -> EventDate | None:
    """The sentence's date, else the publication date at week precision (news reports the recent
    past), else None."""
    found = find_date(text, start, end, published, lexicon=lexicon)
    if found is not None:
        return found
    if published is not None:
        return EventDate(published, 2)
    return None
