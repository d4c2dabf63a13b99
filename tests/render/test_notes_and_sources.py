"""What a popup quotes and cites: the article's sentence without our annotations or page
furniture, and every report of the event, linked only when its URL is http(s)."""

from __future__ import annotations

import pytest
from render_fixtures import XSS_URLS, event

from geomap.render.notes import clean_notes
from geomap.render.payload import build_payload


@pytest.mark.parametrize(("notes", "expected"), [
    ("Shells hit the market on Monday, medics said. [victims: two traders]",
     "Shells hit the market on Monday, medics said."),
    ("Advertisement NOW WATCH: A drone films the harbour. Rebels took the hill on Sunday.",
     "Rebels took the hill on Sunday."),
    ("Share this article Share on Facebook Tweet Email Troops left the airport.",
     "Troops left the airport."),
    ("NOW WATCH Troops left the airport.", "Troops left the airport."),
    ("Like us on Facebook; Follow us on Twitter. Shops reopened on Monday.",
     "Shops reopened on Monday."),
    ("The bridge was shelled. Read more: Five facts about bridges",
     "The bridge was shelled."),
    ("Two guards were shot at the gate,\nofficials said.", "Two guards were shot at the gate, "
     "officials said."),
])
def test_annotations_and_page_furniture_are_removed(notes, expected):
    assert clean_notes(notes) == expected


@pytest.mark.parametrize("sentence", [
    "More than 20 people died when shells hit the market.",
    "Residents were told to subscribe to the alert service before the strike.",
    "Officials said they would watch the border closely [sic] after the raid.",
    "Two died. More died later in hospital.",
])
def test_prose_that_looks_like_furniture_is_kept(sentence):
    assert clean_notes(sentence) == sentence


def test_nothing_but_furniture_leaves_no_sentence():
    assert clean_notes("Advertisement") is None
    assert clean_notes("") is None and clean_notes(None) is None


def test_payload_quotes_the_cleaned_sentence():
    payload = build_payload([event(1, notes="Rebels took the hill. [actors: rebels]")])
    assert payload["notes"] == ["Rebels took the hill."]


def test_every_report_is_listed_and_only_http_urls_are_links():
    merged = event(1, article_id="a1", source="First Wire", source_url="https://one.example/1",
                   article_ids=("a1", "a2", "a3"),
                   sources=("First Wire", "Second Daily", "Third Post"),
                   source_urls=("https://one.example/1", XSS_URLS[0], "http://three.example/3"),
                   n_reports=4)
    payload = build_payload([merged, event(2)], {"a2": "Second title"})
    strings = payload["strings"]
    first = payload["articles"][payload["article"][0]]
    more = [payload["articles"][row] for row in payload["sparse"]["more"][0]]
    assert strings[first[2]] == "https://one.example/1"
    second, third = more
    assert strings[second[0]] == "Second title" and second[2] == -1
    assert strings[second[3]] == XSS_URLS[0]  # shown as text, never as a link
    assert strings[third[2]] == "http://three.example/3"
    assert payload["sparse"]["nrep"] == {0: 4}
    assert 1 not in payload["sparse"]["more"]  # one report: nothing extra
