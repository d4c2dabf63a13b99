"""A participle giving the event's toll after a comma ("..., killing five in X") opens no
other clause: the place after it still places the verb, while another participle
("..., targeting X") still begins a second event."""

from __future__ import annotations

from event_fixtures import verb_place


def test_a_toll_participle_keeps_the_place_with_the_verb():
    text = ("A suicide bomber detonated his vest on Friday evening, killing eight shoppers "
            "and wounding dozens in a crowded market in Homs.")
    assert verb_place(text, "detonated") == "Homs"


def test_another_participle_still_opens_a_second_event():
    text = ("A suicide bomber detonated his vest on Friday evening, prompting a curfew "
            "and fresh raids across much of Homs.")
    assert verb_place(text, "detonated") is None
