"""Fixtures for the geoparser tests: the real offline gazetteer, opened once per session."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def parser():
    from geomap.geoparse import default_geoparser

    return default_geoparser()


@pytest.fixture(scope="session")
def parse(parser):
    def run(text: str, **options):
        return parser.parse(text, **options)

    return run
