"""Names that only say where another place lies: the landmark in "X, north of Y" or "the X
bridge near Y". The event happened at X; Y is a reference point the reader knows. And names
that only name a site: "the Y cemetery" after a far-off town Y.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from geomap.events.locate_words import LocateCues
from geomap.model import Mention

_DIRECTION_OF = re.compile(
    r",\s*(?:(?:also|just|about|some|roughly|nearly|approximately)\s+){0,2}"
    r"(?:\d[\d,.]*\s*(?:km|kms|kilomet(?:er|re)s?|mi|miles?)\s+)?"
    r"(?:north|south|east|west)(?:-?(?:east|west))?\s+of\s+(?:the\s+)?$", re.IGNORECASE)


def measured_from(text: str, mention: Mention, mentions: list[Mention], for_place: bool) -> bool:
    """``mention`` follows "<place>, <direction> of" and so only locates that place."""
    direction = _DIRECTION_OF.search(text, max(0, mention.start - 60), mention.start)
    return direction is not None and any(
        other.kind == "literal" and other.end == direction.start()
        and (other.place is not None or not for_place) for other in mentions)


#: "X village near", "X, just outside the town of": what lies between a place and the name
#: that only says where it is
_NEAR_GAP = re.compile(
    r"(?:\s+(?-i:[a-z][\w-]*)){0,2}\s*,?\s*(?:just\s+)?(?:near|outside|around|close\s+to|"
    r"next\s+to|on\s+the\s+outskirts\s+of|in\s+the\s+vicinity\s+of)\s+(?:the\s+)?"
    r"(?:(?:town|city|village)\s+of\s+)?", re.IGNORECASE)


def landmark_of(text: str, mention: Mention, mentions: list[Mention]) -> Iterator[Mention]:
    """The places ``mention`` follows as "<place> near" ("the X bridge near Y", "X commune
    outside Y"): Y may only say where X, the place of the event, lies."""
    return (other for other in mentions if other.kind == "literal"
            and other.end < mention.start and mention.start - other.end <= 40
            and _NEAR_GAP.fullmatch(text, other.end, mention.start))


def named_site_abroad(cues: LocateCues, text: str, mention: Mention,
                      others: list[Mention]) -> bool:
    """"X cemetery", "the X bridge" with X read in a country no other place of the sentence is
    in: a site named after a far-off town (a quarter's "Paris cemetery", a "Vienna bridge"),
    not the town itself."""
    place = mention.place
    if place is None or not place.country or not cues.site_after.match(text, mention.end):
        return False
    countries = {m.place.country for m in others if m is not mention and m.place is not None
                 and m.place.country}
    return bool(countries) and place.country not in countries
