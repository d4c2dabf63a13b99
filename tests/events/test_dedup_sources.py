"""wording.names_in drops who said it ("Reuters said", "according to the Interior Ministry")
with one search for every source verb and phrase: a phrase that opens with a verb ("reported
by", "quoted by") counts as both, and a verb inside another word ("unsaid") is no verb."""

from __future__ import annotations

import pytest

from geomap.events.wording import names_in


@pytest.mark.parametrize(("sentence", "names"), [
    # the source before the verb, back to the comma
    ("Gunmen attacked a convoy near Harlow, Wire Service said.", {"harlow"}),
    # a phrase opening with a verb: the words before it and after it are both sources
    ("Gunmen attacked a convoy near Harlow, Local Radio reported by Evening Post.", {"harlow"}),
    ("Shells hit Dunmore, Field Office quoted by Morning Herald wrote.", {"dunmore"}),
    # after the phrase, up to the first lower-case word, skipping "the"
    ("According to the Interior Office, rockets hit Brackley on Tuesday.", {"brackley"}),
    # "told" opens sources on both sides
    ("Shells hit Dunmore, Kelso Ward told Evening Post.", {"dunmore"}),
    # a verb inside a word is no verb: the names before it stay
    ("Rockets hit Brackley and Kelso unsaid anything.", {"brackley", "kelso"}),
    # several verbs, each dropping its own source
    ("Rockets hit Brackley, Wire Service said, and Harlow Radio reported.", {"brackley"}),
])
def test_sources_are_not_names(sentence: str, names: set[str]) -> None:
    assert names_in(sentence) == frozenset(names)
