"""Places named together ("in X district and Y", "in A B and C") share the preposition that
governs the first of them."""

from __future__ import annotations

from geomap.events.locate_words import LocateCues
from geomap.model import Mention


def coordinated_with(cues: LocateCues, text: str, mention: Mention, mentions: list[Mention],
                      sentence: tuple[int, int]) -> Mention | None:
    """The place ``mention`` is coordinated with ("X district and Y"), if any."""
    earlier = [m for m in mentions if m.kind in ("literal", "metonym") and sentence[0] <= m.start
               and m.end <= mention.start]
    last = max(earlier, key=lambda m: m.end, default=None)
    if last is None or not cues.coordination_gap.match(text[last.end:mention.start]):
        return None
    return _list_head(text, last, earlier)


def _list_head(text: str, first: Mention, earlier: list[Mention]) -> Mention:
    """The name that opens ``first``, read in pieces ("in A B and C" with A B one name read as
    two): the preposition stands before A, and governs C too. (Not across commas: "near A, B
    and C" reads as "A, B" a place and its container as often.)"""
    while True:
        last = max((m for m in earlier if m.end <= first.start), key=lambda m: m.end,
                   default=None)
        if last is None or text[last.end:first.start] not in (" ", "-"):
            return first
        first = last
