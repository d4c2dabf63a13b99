"""A two-word village name the gazetteer lacks may be read as two places side by side, each a
namesake somewhere else; when the two readings lie far apart, neither piece is the event's
place and the province the text names after them is the better guess. Two adjacent names whose
readings agree (a town and its quarter) are kept."""

from __future__ import annotations

from geomap.events.locate import locate_event
from geomap.model import Mention, Place

TEXT = "A bomb exploded in Tarvek Dol, Ostrin, on Sunday."
PROVINCE = Place("Ostrin", 10.0, 20.0, country="ZZ", admin1="Ostrin", feature_class="A",
                 feature_code="ADM1")


def _town(name: str, lat: float) -> Place:
    return Place(name, lat, 20.0, country="ZZ", admin1="Ostrin", feature_class="P",
                 feature_code="PPL")


def _where(first: Place, second: Place):
    mentions = []
    for name, place in (("Tarvek", first), ("Dol", second), ("Ostrin", PROVINCE)):
        at = TEXT.index(name)
        mentions.append(Mention(at, at + len(name), name, "literal", place))
    trigger = (TEXT.index("exploded"), TEXT.index("exploded") + 8)
    return locate_event(TEXT, trigger, (0, len(TEXT)), mentions)


def test_pieces_read_far_apart_give_way_to_the_province():
    where = _where(_town("Tarvek", 11.0), _town("Dol", 9.0))  # about 220 km apart
    assert where is not None and where.place == PROVINCE


def test_adjacent_names_that_agree_are_kept():
    where = _where(_town("Tarvek", 10.1), _town("Dol", 10.12))
    assert where is not None and where.place.name in {"Tarvek", "Dol"}
