"""Names that may not place an event at all: the pieces of a longer name read as places of their
own, and a people named after a place ("two groups of the X community")."""

from __future__ import annotations

import re

from geomap.geodesy import haversine_km
from geomap.lexicons import Lexicon, built_from
from geomap.model import Mention


def fragment(text: str, mention: Mention, mentions: list[Mention], apart_km: float) -> bool:
    """Part of a longer name the gazetteer lacks, read as two places side by side ("Dashti
    Qala" as "Dashti" and "Qala", "Deh-e Sabz" as "Deh" and "Sabz", the pieces read more than
    ``apart_km`` apart): neither piece is where the event happened."""
    return any(other is not mention and other.kind == "literal" and (
        (other.start > mention.end and _NAME_JOINT.fullmatch(text, mention.end, other.start))
        or (other.end < mention.start and _NAME_JOINT.fullmatch(text, other.end, mention.start)))
        and _apart(mention, other, apart_km)  # the distance last: it costs most
        for other in mentions)


#: What joins the words of one name: a space or hyphen, or a name's particle ("-e ", " al "; not
#: "at", "as" or "an", which English puts between two names as often)
_NAME_JOINT = re.compile(r"[ -](?:(?:e|i|o|ye|al|el|ul|ad|ar|ash|az|de|da|du|di)[ -])?")


def _apart(one: Mention, other: Mention, km: float) -> bool:
    """Two readings more than ``km`` apart: they do not agree on where they are."""
    return one.place is not None and other.place is not None and haversine_km(
        one.place.lat, one.place.lon, other.place.lat, other.place.lon) > km


def people_of(text: str, mention: Mention, lexicon: Lexicon) -> bool:
    """"two groups of the X community", "members of the X tribe": X names a people, and a
    namesake village of X is no place of the event. (Not "the territory of X community": a
    municipality may be called a community too.)"""
    grammar = built_from(lexicon, _group_grammar)
    return grammar[0].match(text, mention.end) is not None and \
        grammar[1].search(text, max(0, mention.start - 20), mention.start) is not None


def _group_grammar(lexicon: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str]]:
    words = dict(lexicon.locate)
    classes, members = "|".join(words["group_classes"]), "|".join(words["group_members"])
    return (re.compile(rf"\s+(?:{classes})\b", re.IGNORECASE),
            re.compile(rf"\b(?:{members})\s+of\s+(?:the\s+)?$", re.IGNORECASE))
