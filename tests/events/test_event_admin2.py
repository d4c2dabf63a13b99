"""An event placed at a village carries the village's district (ACLED's admin2) when the gazetteer
knows it: GeoNames' admin2Codes.txt names the districts of the country dumps."""

from __future__ import annotations

from pathlib import Path

from gazetteer import Gazetteer
from gazetteer.importer import import_files
from geomap.events import extract_events
from geomap.geoparse import geoparse
from geomap.model import Article


def _row(geonameid: int, name: str, lat: float, lon: float, admin2: str) -> str:
    return "\t".join([str(geonameid), name, name, "", str(lat), str(lon), "P", "PPL", "UA", "",
                      "14", admin2, "", "", "0", "", "100", "Europe/Kyiv", "2024-01-01"])


def test_an_event_at_a_village_names_the_villages_district(tmp_path: Path):
    places = tmp_path / "UA.txt"
    # Invented villages far from any real namesake's district.
    places.write_text("\n".join([_row(8200001, "Zelenyi Yar", 48.10, 37.50, "1401"),
                                 _row(8200002, "Kamianyi Brid", 48.30, 37.90, "1401")]) + "\n",
                      encoding="utf-8")
    codes = tmp_path / "admin2Codes.txt"
    codes.write_text("UA.14.1401\tSosnovyi Raion\tSosnovyi Raion\t8200009\n", encoding="utf-8")
    database = tmp_path / "g.sqlite"
    import_files(database, [places, codes])
    gazetteer = Gazetteer.open(database)
    text = "Artillery shelled the village of Zelenyi Yar on Monday, wounding two residents."
    mentions = geoparse(text, offline=True, gazetteer=gazetteer)
    events = extract_events(Article("a1", text), mentions)
    assert [(e.location, e.admin2) for e in events] == [("Zelenyi Yar", "Sosnovyi Raion")]
