"""The curated supplement: conflict-relevant features that cities500 lacks.

gazetteer/data/supplement.csv holds one row per feature -- name, ``|``-separated alternate names,
lat, lon, GeoNames feature class and code, country, admin1 code and a source note. Ids are derived
from (country, name), so editing a row's coordinates keeps its id.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator

from gazetteer.ids import synthetic_id
from gazetteer.model import Feature
from gazetteer.paths import DATA_DIR

SOURCE = "supplement"


def supplement_features() -> Iterator[Feature]:
    with open(DATA_DIR / "supplement.csv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            country = row["country"] or None
            yield Feature(
                geonameid=synthetic_id("supplement", f"{country}:{row['name']}"),
                name=row["name"], lat=float(row["lat"]), lon=float(row["lon"]),
                feature_class=row["feature_class"], feature_code=row["feature_code"],
                country_code=country, admin1_code=row["admin1"] or None, population=0,
                source=SOURCE,
                names=[alt for alt in row["alternate_names"].split("|") if alt.strip()])
