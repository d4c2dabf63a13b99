"""Opening the default gazetteer asks whether it is stale without importing the builder (its
sources and district tables): a fresh process geoparses its first article sooner. Each check runs
in a fresh interpreter, since this test process may have imported the builder long ago."""

from __future__ import annotations

from fresh_process import run_fresh


def test_opening_a_current_default_does_not_import_the_builder():
    out = run_fresh("import sys\n"
               "from gazetteer import Gazetteer\n"
               "Gazetteer.open()\n"
               "print('gazetteer.build' in sys.modules)")
    assert out == "False"


def test_the_builder_still_offers_its_version_and_staleness_test():
    from gazetteer import build, builder_version

    assert build.BUILDER_VERSION == builder_version.BUILDER_VERSION
    assert build.is_stale_default is builder_version.is_stale_default
