"""The phrases around actors (the agent after "by", repelled attacks, ACLED's "forces of")
come from the lexicon's actors.toml (issue #12): a lexicon that adds an agent preposition
reads the agent its way."""

import pytest
from lexicon_edits import with_entry, without_entry

from geomap.events.actors import find_actors, pick_actors
from geomap.lexicons import ENGLISH, LexiconError


def _with_phrase(name, pattern):
    return with_entry("actor_grammar", name, pattern)


def test_the_agent_preposition_comes_from_the_lexicon():
    text = "Police officers were attacked durch the Taliban at dawn."
    trigger = text.index("attacked")
    assert pick_actors(text, 0, len(text), trigger) == ("Police forces", "Taliban")
    agent_by = dict(ENGLISH.actor_grammar)["agent_by"].replace(r"\bby\s+", r"\b(?:by|durch)\s+")
    wider = _with_phrase("agent_by", agent_by)
    assert pick_actors(text, 0, len(text), trigger, lexicon=wider) == ("Taliban", "Police forces")


def test_acled_forces_of_wording_follows_the_lexicon():
    text = "Shelling by the military forces of Veldia hit the port."
    found = find_actors(text, 0, len(text))
    assert (text.index("the military"), "Military forces of Veldia") in found
    none = _with_phrase("forces_of", r"(?!)")
    assert not any(name.endswith("of Veldia") for _, name in find_actors(text, 0, len(text),
                                                                         lexicon=none))


def test_a_missing_actor_phrase_is_a_lexicon_error():
    lacking = without_entry("actor_grammar", "suffered")
    with pytest.raises(LexiconError, match="suffered"):
        find_actors("Rebels attacked.", 0, 16, lexicon=lacking)
