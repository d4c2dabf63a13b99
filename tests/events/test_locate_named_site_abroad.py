""""X cemetery", "the X bridge" with X read in a country no other place of the sentence is in:
the site is named after a far-off town, and the event happened in the sentence's own town."""

from __future__ import annotations

from geomap.events.locate import locate_event
from geomap.model import Mention, Place

TOWN = Place("Velmorant", 12.00, -80.00, 1, "ZZ", "Coastal", "P", "PPL", 90_000)
TEXT = ("On Sunday, in Velmorant, residents of several quarters marched to oppose the burial of "
        "victims in Dastrifeld cemetery.")


def _locate(site_town: Place, text: str = TEXT):
    town_at = text.index("Velmorant")
    site_at = text.index("Dastrifeld")
    mentions = [Mention(town_at, town_at + 9, "Velmorant", "literal", TOWN, 0.9),
                Mention(site_at, site_at + 10, "Dastrifeld", "literal", site_town, 0.5)]
    start = text.index("marched")
    return locate_event(text, (start, start + 7), (0, len(text)), mentions)


def test_a_site_named_after_a_town_abroad_leaves_the_event_in_the_sentences_town():
    abroad = Place("Dastrifeld", 48.00, 10.00, 2, "YY", "Upland", "P", "PPL", 40_000)
    location = _locate(abroad)
    assert location is not None and location.place == TOWN


def test_a_site_named_after_a_town_of_the_same_country_is_still_placed_there():
    at_home = Place("Dastrifeld", 12.10, -80.10, 3, "ZZ", "Coastal", "P", "PPL", 4_000)
    location = _locate(at_home)
    assert location is not None and location.place == at_home


def test_a_town_abroad_without_a_site_word_is_not_a_site():
    text = TEXT.replace(" cemetery", "")
    abroad = Place("Dastrifeld", 48.00, 10.00, 2, "YY", "Upland", "P", "PPL", 40_000)
    location = _locate(abroad, text)
    assert location is not None and location.place == abroad
