"""`geomap gazetteer download` into a gazetteer with embedded districts: the dump's codes name
them and GeoNames' admin2Codes.txt, which download always fetches, wins over them."""

from __future__ import annotations

import pytest
from test_download import GeoNamesServer, zipped
from test_embedded_districts import DUMP, derive, write_embedded

from gazetteer import Gazetteer
from geomap.cli import main
from geomap.errors import EXIT_OK


def test_download_hands_an_embedded_district_over_to_the_admin2_codes_one(tmp_path):
    districts = derive()
    embedded = write_embedded(tmp_path / "gazetteer.sqlite", districts)
    server = GeoNamesServer()
    server.files = {
        "/export/dump/AF.zip": zipped("AF.txt", DUMP),
        "/export/dump/alternatenames/AF.zip": zipped("AF.txt", []),
        "/export/dump/admin2Codes.txt": b"AF.28.2801\tQalat Bardi\tQalat Bardi\t9200100\n",
    }
    server.thread.start()
    try:
        code = main(["gazetteer", "--gazetteer", str(embedded), "download", "--no-progress",
                     "--retries", "1", "--retry-wait", "0", "AF", "--base-url", server.url])
    finally:
        server.httpd.shutdown()
        server.httpd.server_close()
    assert code == EXIT_OK
    gaz = Gazetteer.open(embedded)
    try:
        assert gaz.get(districts[1].geonameid) is None
        # the embedded spelling ("Qalat Bardi raion") now names GeoNames' own district,
        # placed at the median of the dump's six places under its code
        district = gaz.candidates("Qalat Bardi raion")[0]
        assert (district.geonameid, district.admin2_code) == (9200100, "2801")
        assert (district.lat, district.lon) == pytest.approx((32.35, 66.6))
    finally:
        gaz.close()
