"""A device that went off is an explosion even when the text also tells of defusing or
intercepting it; one made safe is a disrupted weapon. Our own sentences."""

import pytest

from geomap.events import extract_events
from geomap.model import Article


@pytest.mark.parametrize(("text", "sub"), [
    ("On 4 June 2021, a roadside bomb detonated while sappers were defusing it near Dilaram. "
     "Two sappers were killed.", "Remote explosive/landmine/IED"),
    ("On 4 June 2021, guards intercepted a car bomb at the gate of the compound in Dilaram and "
     "fired on it, detonating the explosives.", "Remote explosive/landmine/IED"),
    ("On 4 June 2021, police found and safely detonated two explosive devices near the bridge "
     "in Dilaram.", "Disrupted weapons use"),
    ("On 4 June 2021, a grenade was thrown at the district office in Dilaram but failed to "
     "detonate.", "Disrupted weapons use"),
    ("On 4 June 2021, army engineers defused a bomb hidden in a cart before it exploded in the "
     "Dilaram bazaar.", "Disrupted weapons use"),
])
def test_detonation_decides_explosion_or_disruption(text, sub):
    assert extract_events(Article("d", text))[0].sub_event_type == sub
