"""The phrases event types are told apart by (a passive target, a device that went off or was
defused, a protest's grievance) come from the lexicon's cues.toml (issue #12)."""

import pytest
from lexicon_edits import with_entry, without_entry

from geomap.events.classify import target_is_armed
from geomap.events.triggers import Trigger
from geomap.lexicons import LexiconError


def test_the_passive_that_makes_the_subject_the_target_follows_the_lexicon():
    text = "A police patrol wurde ambushed near the ford by unknown men."
    at = text.index("ambushed")
    trigger = Trigger(at, at + len("ambushed"), "attack", True)
    assert not target_is_armed(text, 0, len(text), trigger)
    wider = with_entry("cue_grammar", "passive",
                       r"\b(?:was|were|been|being|got|wurde)\s+(?:\w+\s+)?$")
    assert target_is_armed(text, 0, len(text), trigger, wider)


def test_a_lexicon_without_a_cue_phrase_is_a_lexicon_error():
    lacking = without_entry("cue_grammar", "grievance")
    trigger = Trigger(0, 6, "attack", True)
    with pytest.raises(LexiconError, match="grievance"):
        target_is_armed("Attack on the post.", 0, 19, trigger, lacking)
