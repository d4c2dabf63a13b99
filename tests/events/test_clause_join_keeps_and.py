"""An event told in clauses split at ", and" reads its casualties with the "and" kept: the
breakdown after "including" ends there, and the count after it is read."""

from geomap.events.extract import extract_events
from geomap.model import Article


def test_count_after_a_breakdown_and_a_comma_and_is_read():
    text = ("On 4 June 2021, a bomb went off at a bus stop in Velmora. Three people were killed, "
            "including a guard of the transport office, and four other people were wounded in "
            "the blast.")
    event = extract_events(Article("j1", text), [])[0]
    assert (event.fatalities, event.injured) == (3, 4)
