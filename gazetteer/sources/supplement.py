"""The curated supplement: conflict-relevant features that cities500 lacks.

gazetteer/data/supplement.csv holds one row per feature -- name, ``|``-separated alternate names,
lat, lon, GeoNames feature class and code, country, admin1 code and a source note. Ids are derived
from (country, name), so editing a row's coordinates keeps its id. Two more files share its columns:
regions.csv (regions, seas, straits, rivers and military bases the news names as places) and
counties.csv (UK and Irish counties as ADM2 features).
"""

from __future__ import annotations

import csv
from collections.abc import Iterator

from gazetteer.ids import synthetic_id
from gazetteer.model import Feature
from gazetteer.paths import DATA_DIR

SOURCE = "supplement"
FILES = ("supplement.csv", "regions.csv", "counties.csv")


def supplement_rows() -> Iterator[dict[str, str]]:
    for filename in FILES:
        with open(DATA_DIR / filename, encoding="utf-8", newline="") as handle:
            yield from csv.DictReader(handle)


def supplement_features() -> Iterator[Feature]:
    for row in supplement_rows():
        country = row["country"] or None
        yield Feature(
            geonameid=synthetic_id("supplement", f"{country}:{row['name']}"),
            name=row["name"], lat=float(row["lat"]), lon=float(row["lon"]),
            feature_class=row["feature_class"], feature_code=row["feature_code"],
            country_code=country, admin1_code=row["admin1"] or None, population=0,
            source=SOURCE,
            names=[alt for alt in row["alternate_names"].split("|") if alt.strip()])
