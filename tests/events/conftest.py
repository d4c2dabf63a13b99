"""Fixtures for the event-stage tests."""

from __future__ import annotations

import pytest
from event_fixtures import build_mentions


@pytest.fixture
def mentions_for():
    return build_mentions


@pytest.fixture(scope="module")
def gazetteer():
    """The gazetteer the mentions were resolved with: the stage is given it, never finds it."""
    from gazetteer import Gazetteer

    return Gazetteer.open()
