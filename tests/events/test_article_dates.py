"""The article's dates, found once per span: the same answers as find_date, in the same order of
evidence (own sentence, detail clauses, the scene before, the reference day)."""

from datetime import date

from geomap.events.casualties import parse_casualties
from geomap.events.coding import casualties_in
from geomap.events.dates import find_date
from geomap.events.event_dates import ArticleDates

TEXT = ("On 4 March 2019, a convoy left Portvale. Raiders stopped it near a ford. "
        "Two drivers were hurt on 6 March. Talks began in 1998.")


def _spans(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for part in text.split(". "):
        out.append((start, start + len(part)))
        start += len(part) + 2
    return out


def test_find_is_find_date_for_every_span_and_asked_twice():
    dates = ArticleDates(TEXT, date(2019, 3, 9), None)
    for start, end in _spans(TEXT):
        expected = find_date(TEXT, start, end, date(2019, 3, 9))
        assert dates.find(start, end) == expected
        assert dates.find(start, end) == expected  # the kept answer, unchanged


def test_of_event_prefers_sentence_then_detail_then_scene_then_reference():
    first, second, third, fourth = _spans(TEXT)
    dates = ArticleDates(TEXT, date(2019, 3, 9), None)
    assert dates.of_event(first, [first], first[0]).value == date(2019, 3, 4)
    # no date in its sentence: the detail clause's day
    assert dates.of_event(second, [second, third], first[0]).value == date(2019, 3, 6)
    # no date in sentence or details: the scene's day, a bare year elsewhere never counts
    assert dates.of_event(second, [second, fourth], first[0]).value == date(2019, 3, 4)
    # nothing anywhere: the reference day at week precision
    alone = ArticleDates("Raiders stopped a convoy.", date(2019, 3, 9), None)
    found = alone.of_event((0, 25), [(0, 25)], 0)
    assert (found.value, found.precision) == (date(2019, 3, 9), 2)
    assert ArticleDates("Raiders stopped a convoy.", None, None).of_event(
        (0, 25), [(0, 25)], 0) is None


def test_a_dateline_span_dates_nothing():
    text = "4 March 2019 - Raiders stopped a convoy."
    assert ArticleDates(text, None, (0, 12)).find(0, len(text)) is None


def test_casualties_in_reads_what_parse_casualties_reads():
    for text in ("Shelling killed 4 farmers and wounded 2.", "Nobody was hurt.",
                 "The toll is unknown.", ""):
        assert casualties_in(text) == parse_casualties(text)
