"""A time of day's full stop ("9 a.m.") ends no sentence when a bracket or a number follows
("at 9 a.m. (0600 GMT) gunmen ..."): the sentence stays one for every stage that reads
sentences (the event stage; the locator no longer mends the split itself)."""

from geomap.text import sentence_spans


def _sentences(text):
    return [text[a:b] for a, b in sentence_spans(text)]


def test_a_bracket_or_number_after_a_time_of_day_continues_the_sentence():
    text = "At 9 a.m. (0600 GMT) raiders shelled the port. Later it rained."
    assert _sentences(text) == ["At 9 a.m. (0600 GMT) raiders shelled the port.",
                                "Later it rained."]
    assert len(_sentences("By 4 p.m. 12 guards had been hurt at the depot.")) == 1


def test_a_capital_after_a_time_of_day_still_ends_the_sentence():
    assert _sentences("The siege began at 9 a.m. The army said so.") == [
        "The siege began at 9 a.m.", "The army said so."]
