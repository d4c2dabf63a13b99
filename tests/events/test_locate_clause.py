"""The span task ties a verb to a place in its own clause: a comma that opens another clause
(a relative clause, an apposition, a second event) ends the verb's reach, a comma followed by
a preposition that goes on placing the verb does not; the coordinates task keeps its best guess."""

from __future__ import annotations

from event_fixtures import build_mentions

from geomap.events.locate import locate_event, locate_verb


def _verb(text: str, word: str) -> tuple[int, int]:
    start = text.index(word)
    return start, start + len(word)


def _span(text: str, word: str) -> str | None:
    mention = locate_verb(text, *_verb(text, word), build_mentions(text))
    return None if mention is None else mention.name


def test_a_place_in_a_relative_clause_after_a_comma_is_not_the_verbs_place():
    text = "Two guards were wounded on Monday, which officials in Homs blamed on a feud."
    assert _span(text, "wounded") is None


def test_a_place_in_a_second_clause_after_a_comma_is_not_the_verbs_place():
    text = "The convoy was ambushed at night, and the survivors were later treated in Idlib."
    assert _span(text, "ambushed") is None


def test_a_comma_followed_by_a_preposition_goes_on_placing_the_verb():
    text = "Three shops were burned overnight, in the old quarter of Homs."
    assert _span(text, "burned") == "Homs"
    text = "A patrol was attacked before dawn, near Idlib."
    assert _span(text, "attacked") == "Idlib"


def test_a_place_in_the_verbs_own_clause_wins_over_one_beyond_the_comma():
    text = "Rockets struck Aleppo on Friday, days after talks in Moscow stalled."
    assert _span(text, "struck") == "Aleppo"


def test_the_coordinates_task_still_takes_the_neighbouring_clauses_place():
    """An event needs coordinates: the place of the next clause is still its best guess."""
    text = "Two guards were wounded on Monday, which officials in Homs blamed on a feud."
    location = locate_event(text, _verb(text, "wounded"), (0, len(text)), build_mentions(text))
    assert location is not None and location.place.name == "Homs"


def test_a_name_right_after_the_comma_is_an_apposition_not_another_clause():
    text = "A clinic was looted overnight in the northern city, Aleppo, witnesses said."
    assert _span(text, "looted") == "Aleppo"


def test_of_before_the_verb_says_whose_people_not_where():
    text = "Elders of Tartus marched to the governor's office on Sunday."
    assert _span(text, "marched") is None
    text = "Elders marched on Sunday in the centre of Tartus."
    assert _span(text, "marched") == "Tartus"


def test_the_coordinates_task_still_places_an_event_by_an_of_before_its_verb():
    text = "Elders of Tartus marched to the governor's office on Sunday."
    location = locate_event(text, _verb(text, "marched"), (0, len(text)), build_mentions(text))
    assert location is not None and location.place.name == "Tartus"


def test_a_place_the_verb_governs_wins_over_its_passive_subject():
    text = "Tartus was shelled overnight in a raid on Homs."
    assert _span(text, "shelled") == "Homs"
    text = "Tartus was shelled overnight."
    assert _span(text, "shelled") == "Tartus"  # alone, the passive subject still places it


def test_a_participle_after_a_comma_is_a_second_event_with_its_own_place():
    text = "Rebels launched an offensive in Kunar on Friday, targeting a base near Asadabad."
    assert _span(text, "launched") == "Kunar"
    assert _span(text, "targeting") == "Asadabad"


def test_a_place_in_the_speakers_clause_is_not_the_events_place():
    text = "Officials in Kabul said gunmen attacked a convoy overnight."
    assert _span(text, "attacked") is None
    text = "Gunmen attacked a convoy overnight, a spokesman in Kabul told reporters."
    assert _span(text, "attacked") is None
    text = "Gunmen attacked a convoy near Asadabad, officials in Kabul said."
    assert _span(text, "attacked") == "Asadabad"
