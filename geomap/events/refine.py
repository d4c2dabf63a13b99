"""Second look at an event's place, with the words the event sentence gives about it.

The geoparser resolves each name once for the document; the event stage knows a little more about
the one place it keeps: "in Kandahar city" names the city even when "Kandahar" alone reads as the
province, and "Petrivka, Poltava" must lie in or near Poltava. When the reading disagrees with
those words, the offline gazetteer is asked again (read-only, never the network).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from geomap.events.locate_words import LocateCues, locate_cues
from geomap.geodesy import haversine_km
from geomap.geoparse.resolve import to_place
from geomap.model import Mention, Place

if TYPE_CHECKING:
    from gazetteer import Gazetteer


@dataclass(frozen=True, slots=True)
class Reach:
    """How far (km) a place may lie from the place that contains it, by the container's admin
    level, and how far a settlement reading may move from the region reading it replaces."""

    #: a town or site as container ("X, Y" with Y a town): its outskirts and villages
    town: float = 60.0
    #: a district (second-level admin: an LGA, a tehsil, a raion) as container; a few tens of
    #: km across, so a reading 100+ km off is a namesake (150 km let one through)
    district: float = 100.0
    #: a province (first-level admin) as container
    province: float = 500.0
    #: ... when the place is known to lie in another first-level region: only a place this near
    #: the named province's centre may still be in it (a border-straddling reading); a place
    #: farther off is a namesake, read again inside the province
    other_province: float = 100.0
    #: a country as container
    country: float = 3000.0
    #: "X city" for X read as a region: the city of that name must lie this near the region
    settlement: float = 150.0

    def of_level(self, level: int) -> float:
        return (self.town, self.district, self.province, self.country)[level]


REACH = Reach()




def within(lat: float, lon: float, admin1: str | None, container: Place, level: int) -> bool:
    """Inside ``container``: near enough, or in the same first-level region ("Petrivka,
    Poltava" means Poltava oblast even when "Poltava" was read as the city)."""
    if admin1 and container.admin1 and admin1 == container.admin1:
        return True
    reach = REACH.other_province if level == 2 and admin1 and container.admin1 \
        and not same_region(admin1, container.admin1) else REACH.of_level(level)
    return haversine_km(lat, lon, container.lat, container.lon) <= reach


def refine_place(text: str, mention: Mention, container: Mention | None,
                 admin_level: int, cues: LocateCues | None = None,
                 gazetteer: Gazetteer | None = None) -> Place | None:
    """A better reading of ``mention`` given its own words, or None to keep the current one.

    ``gazetteer`` is the one the mentions were resolved with; without one there is no second
    look and the geoparser's reading stands."""
    place = mention.place
    if place is None:
        return None
    cues = cues or locate_cues()
    settlement = cues.settlement_after.match(text, mention.end) or cues.settlement_before.search(
        text, max(0, mention.start - 20), mention.start)
    wants_settlement = settlement is not None and place.feature_class == "A"
    outside = container is not None and container.place is not None and not within(
        place.lat, place.lon, place.admin1, container.place, admin_level)
    if not (wants_settlement or outside):
        return None
    if gazetteer is None:
        return None
    anchor = container.place if outside else place
    try:
        candidates = gazetteer.candidates(mention.name, country=anchor.country,
                                          kinds=["P"] if wants_settlement else None)
    except Exception:
        return None
    if outside:
        fitting = [c for c in candidates
                   if within(c.lat, c.lon, c.admin1_name, container.place, admin_level)]
    else:
        fitting = [c for c in candidates if haversine_km(anchor.lat, anchor.lon, c.lat,
                                                         c.lon) <= REACH.settlement]
    if not fitting:
        return None
    best = min(fitting, key=lambda c: (-c.score, haversine_km(anchor.lat, anchor.lon, c.lat,
                                                                c.lon)))
    return to_place(best)


def held_by(place: Place | None, container: Mention | None, admin_level: int) -> bool:
    """``place`` lies in the town or district that holds it in the text ("X (Y district, Z)"):
    the nearest, most specific container agrees with the reading, which then stands against the
    province further along the chain (an old or a misspelt province name, or a reading of the
    province that differs)."""
    return place is not None and container is not None and container.place is not None \
        and admin_level < 2 and within(place.lat, place.lon, place.admin1, container.place,
                                       admin_level)


def town_in_chain(text: str, mention: Mention, container: Mention | None, level: int,
                  region: Place | None, gazetteer: Gazetteer | None = None) -> Place | None:
    """"X, Y, Z" with Y a town of the province Z: Y is no province read as its seat but the
    town X lies at, so a reading of X beyond a town's reach of Y (however large the province
    both share) is a namesake. X's name is read again near Y, else the event goes to Y. ("X, Y
    district, Z" calls Y a district, wider than a town's reach.)"""
    place = mention.place
    if place is None or container is None or container.place is None or level != 0 \
            or region is None or gazetteer is None \
            or _called_district(text, container):
        return None
    town = container.place
    if not same_region(town.admin1, region.admin1) \
            or haversine_km(place.lat, place.lon, town.lat, town.lon) <= REACH.town:
        return None
    try:
        candidates = gazetteer.candidates(mention.name, country=town.country)
    except Exception:
        return None
    fitting = [c for c in candidates
               if haversine_km(town.lat, town.lon, c.lat, c.lon) <= REACH.town]
    if not fitting:
        return town
    return to_place(max(fitting, key=lambda c: c.score))


def _called_district(text: str, mention: Mention) -> bool:
    """The text calls the place a district: "Y district", "Y Township" (the word may be part
    of the name), or brackets it after the place as the notes bracket a district ("X (Y, Z)")."""
    district = locate_cues().district
    last = mention.name.rsplit(None, 1)[-1]
    return bool(district.match(text[mention.end:mention.end + 20])
                or text[:mention.start].rstrip().endswith("(")
                or (last != mention.name and district.match(" " + last)))


def place_in_region(mention: Mention, region: Place,
                    gazetteer: Gazetteer | None = None) -> Place | None:
    """A reading of ``mention``'s name inside ``region``, the first-level region its sentence puts
    it in ("X (Y) district, Z"), when the current reading lies in another region; None keeps it.

    In a dense gazetteer a village name recurs in many provinces, and the province the text
    names after the village is the surest way to tell them apart.
    """
    place = mention.place
    if place is None or not region.admin1 or place.country not in (None, region.country) \
            or same_region(place.admin1, region.admin1) or gazetteer is None:
        return None
    try:
        candidates = gazetteer.candidates(mention.name, country=region.country, limit=100)
    except Exception:
        return None
    fitting = [c for c in candidates if same_region(getattr(c, "admin1_name", None),
                                                     region.admin1)
               and c.feature_code not in _REGION_CODES]
    if not fitting:
        return None
    return to_place(max(fitting, key=lambda c: c.score))


_REGION_CODES = frozenset({"ADM1", "PCLI", "PCLD", "PCLF", "PCLS", "PCL"})


def same_region(a: str | None, b: str | None) -> bool:
    """Two spellings of one region's name ("Urozgan" and "Uruzgan" differ in a vowel)."""
    if not a or not b:
        return False
    a, b = _letters(a), _letters(b)
    return a == b or (len(a) >= 5 and len(b) >= 5 and (a.startswith(b[:5]) or _skeleton(a)
                                                        == _skeleton(b)))


def _letters(name: str) -> str:
    from anyascii import anyascii

    return re.sub(r"[^a-z]", "", anyascii(name).lower())


def _skeleton(name: str) -> str:
    return re.sub(r"[aeiouy]", "", name)
