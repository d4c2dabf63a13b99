"""With a gazetteer dense with villages, a name known only as a hamlet needs the text's cue."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from geomap.geoparse.hamlets import is_hamlet, without_bare_hamlets
from geomap.geoparse.recognize import Span, tokenize


@dataclass(frozen=True)
class _Sense:
    feature_class: str
    feature_code: str
    population: int


HAMLET = _Sense("P", "PPL", 0)
TOWN = _Sense("P", "PPL", 25_000)
SEAT = _Sense("P", "PPLA2", 0)


def _kept(text: str, name: str, senses, called=frozenset()) -> bool:
    tokens = tokenize(text)
    first = next(k for k, t in enumerate(tokens) if t.text == name.split()[0])
    last = first + len(name.split()) - 1
    spans = [Span(tokens[first].start, tokens[last].end, first, last)]
    # the other capitalised place names of the sentence, as the recogniser would give them
    for k, token in enumerate(tokens):
        if token.text in {"Helmand", "Kabul"}:
            spans.append(Span(token.start, token.end, k, k))
    spans.sort(key=lambda s: s.start)
    kept = without_bare_hamlets(spans, text, tokens, lambda _: senses, set(called))
    return any(text[s.start:s.end] == name for s in kept)


def test_seats_and_towns_are_no_hamlets():
    assert is_hamlet(HAMLET) and not is_hamlet(TOWN) and not is_hamlet(SEAT)


@pytest.mark.parametrize("text", [
    "The Interior ministry said the talks would resume.",
    "Officials with Interior met the delegation on Monday.",
    "Photo by a staff reporter.",
])
def test_a_word_known_only_as_a_hamlet_is_no_place_without_a_cue(text):
    name = "Interior" if "Interior" in text else "Photo"
    assert not _kept(text, name, [HAMLET, HAMLET])


@pytest.mark.parametrize("text, name", [
    ("Gunmen attacked a post in Zarang Kalay on Friday.", "Zarang Kalay"),
    ("Fighting reached Zarang village overnight.", "Zarang"),
    ("The blast hit Zarang, Helmand, on Friday.", "Zarang"),
    ("Aid reached Kabul and Zarang on Friday.", "Zarang"),
    ("Residents of the village of Zarang fled.", "Zarang"),
])
def test_a_hamlet_the_text_calls_a_place_stays(text, name):
    assert _kept(text, name, [HAMLET])


def test_a_name_with_a_bigger_sense_needs_no_cue():
    assert _kept("Zarang officials said the road was closed.", "Zarang", [HAMLET, TOWN])


def test_a_name_the_text_describes_as_a_place_stays():
    assert _kept("Zarang officials said the road was closed.", "Zarang", [HAMLET],
                 called={"Zarang"})


def test_a_cue_at_one_mention_holds_for_every_mention_of_the_name():
    text = "Shelling hit Zarang village overnight. Zarang lost its water supply."
    tokens = tokenize(text)
    spans = [Span(t.start, t.end, k, k) for k, t in enumerate(tokens) if t.text == "Zarang"]
    kept = without_bare_hamlets(spans, text, tokens, lambda _: [HAMLET], set())
    assert len(kept) == 2


@pytest.mark.parametrize("text, name", [
    ("Gunmen attacked Zarang (Musa LGA, Helmand) at dawn.", "Zarang"),
    ("Bodies were found near a well (Zarang, Helmand) on Friday.", "Zarang"),
    ("Protesters blocked the Zarang highway on Friday.", "Zarang"),
    ("A shop was torched in ech Zarang overnight.", "Zarang"),
])
def test_conflict_report_notes_are_cues(text, name):
    assert _kept(text, name, [HAMLET])


@pytest.mark.parametrize("text", [
    "Rebels launched an attack on Zarang before dawn.",
    "Gunmen bombed the Zarang pumping station overnight.",
])
def test_a_cue_one_word_away_counts(text):
    assert _kept(text, "Zarang", [HAMLET])
