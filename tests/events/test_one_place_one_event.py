"""ACLED codes one event per place and day: clauses of one sentence that all take their place
from the same mention are one event, coded from all their verbs together; clauses placed at
different places stay apart."""

from geomap.events import extract_events
from geomap.model import Article


def _coded(text: str) -> list[tuple[str, str | None]]:
    events = extract_events(Article(id="t", text=text))
    return [(event.sub_event_type, event.location) for event in events]


def test_shelling_then_an_assault_at_one_place_is_one_battle():
    coded = _coded("On 4 June 2021, rebel fighters shelled army posts, and then stormed a "
                   "checkpoint near Kafr Nabl in Idlib.")
    assert coded == [("Armed clash", "Kafranbel")]


def test_clauses_at_two_places_stay_two_events():
    coded = _coded("On 4 June 2021, rebel fighters shelled army posts in Saraqib, and "
                   "government jets struck Kafr Nabl in reply.")
    assert [place for _, place in coded] == ["Saraqib", "Kafranbel"]
