"""Which day an event gets: its own sentence's date, else its detail clauses', else the day the
story set just before it, else the reference day at week precision.

One article asks for the dates of the same sentence several times (a sentence with a trigger is
checked for a date while its clauses are drafted, and again when its event is dated), so the
finds are kept for the article.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from geomap.events.dates import YEAR_SPAN, EventDate, find_date, find_dates
from geomap.lexicons import ENGLISH, Lexicon


@dataclass(frozen=True)
class ArticleDates:
    """The article's reference day and the dateline's span, which dates no event.

    Made for one article (``text``): the memo of finds is keyed by span only."""

    text: str
    reference: date | None
    skip: tuple[int, int] | None
    lexicon: Lexicon = ENGLISH
    _found: dict[tuple[int, int], EventDate | None] = field(
        default_factory=dict, compare=False, repr=False)

    def find(self, start: int, end: int) -> EventDate | None:
        """The first date in text[start:end] (find_date), looked for once per span."""
        span = (start, end)
        if span not in self._found:
            self._found[span] = find_date(self.text, start, end, self.reference, self.skip,
                                          self.lexicon)
        return self._found[span]

    def of_event(self, sentence: tuple[int, int], pieces: list[tuple[int, int]],
                 scene: int) -> EventDate | None:
        """The date in the event's sentence, else in its detail clauses, else the last one in
        the few sentences before it (from ``scene``), else the reference day at week precision
        (news and releases report the recent past), else None. A bare year outside the event's
        sentence is background ("a band that has raided farms since 2016")."""
        if (found := self.find(*sentence)) is not None:
            return found
        for a, b in pieces:
            found = self.find(a, b)
            if found is not None and found.end - found.start > YEAR_SPAN:
                return found
        # "On 9 June, raiders hit a depot. A guard died.": a day a story has set stays its day
        # until another is named.
        earlier = [d for d in find_dates(self.text, scene, sentence[0], self.reference,
                                         self.skip, self.lexicon)
                   if d.end - d.start > YEAR_SPAN]
        if earlier:
            return max(earlier, key=lambda d: d.start)
        return EventDate(self.reference, 2) if self.reference else None
