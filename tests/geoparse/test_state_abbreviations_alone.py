"""An AP-style state abbreviation names the state without a town before it, too, where the text
reads it so: before a lower-case noun ("a Tenn. hospital") or after a locative ("moved to
Wyo."). Before a capitalised name it may be a title ("Del." for a delegate)."""

from __future__ import annotations


def test_an_abbreviation_before_a_noun_is_the_state(parse):
    mentions = parse("Two nurses at a Tenn. hospital were praised on Friday.")
    assert [m.name for m in mentions] == ["Tenn."]
    assert mentions[0].place is not None and mentions[0].place.country == "US"


def test_an_abbreviation_after_a_locative_is_the_state(parse):
    names = [m.name for m in parse("The family moved to Wyo. after the storm.")]
    assert names == ["Wyo."]


def test_an_abbreviation_before_a_name_is_no_state(parse):
    names = [m.name for m in parse("Del. Orla Vantreece spoke against the bill.")]
    assert "Del." not in names
