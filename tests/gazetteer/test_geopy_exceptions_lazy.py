"""The gazetteer's exceptions sit in geopy's hierarchy without importing geopy's geocoders (and
requests, urllib3, asyncio with them): a geoparsing process starts ~100 ms sooner. Each check runs
in a fresh interpreter, since this test process has imported geopy long ago."""

from __future__ import annotations

from fresh_process import run_fresh


def test_importing_the_gazetteer_does_not_import_geopys_geocoders():
    out = run_fresh("import sys, gazetteer, gazetteer.errors\n"
               "print(sorted(m for m in ('geopy', 'requests', 'urllib3', 'asyncio') "
               "if m in sys.modules))")
    assert out == "[]"


def test_geopy_imported_later_shares_the_exception_classes():
    out = run_fresh(
        "import gazetteer.errors as ours\n"
        "import geopy.exc\n"
        "from geopy import exc\n"
        "from geopy.geocoders import Nominatim\n"
        "print(exc is geopy.exc, geopy.exc.GeopyError is ours.GeopyError,\n"
        "      issubclass(ours.RateLimited, geopy.exc.GeocoderRateLimited),\n"
        "      issubclass(ours.ServiceUnavailable, exc.GeocoderServiceError),\n"
        "      Nominatim.__module__)")
    assert out == "True True True True geopy.geocoders.nominatim"


def test_an_error_of_ours_is_caught_as_a_geopy_error_in_a_fresh_process():
    out = run_fresh(
        "from gazetteer.errors import RateLimited\n"
        "import geopy.exc\n"
        "try:\n"
        "    raise RateLimited('slow down', retry_after=3)\n"
        "except geopy.exc.GeocoderServiceError as error:\n"
        "    print(type(error).__name__, error.retry_after)")
    assert out == "RateLimited 3"
