"""ACLED's event taxonomy (post-2019 codebook): the contract of DESIGN.md §4.

Every event the stage emits carries one of these (event_type, sub_event_type) pairs, nothing else.
"""

from __future__ import annotations

BATTLES = "Battles"
EXPLOSIONS = "Explosions/Remote violence"
VIOLENCE_AGAINST_CIVILIANS = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC = "Strategic developments"

ARMED_CLASH = "Armed clash"
GOVERNMENT_REGAINS = "Government regains territory"
NON_STATE_OVERTAKES = "Non-state actor overtakes territory"
CHEMICAL = "Chemical weapon"
AIR_STRIKE = "Air/drone strike"
SUICIDE_BOMB = "Suicide bomb"
SHELLING = "Shelling/artillery/missile attack"
REMOTE_EXPLOSIVE = "Remote explosive/landmine/IED"
GRENADE = "Grenade"
SEXUAL_VIOLENCE = "Sexual violence"
ATTACK = "Attack"
ABDUCTION = "Abduction/forced disappearance"
PEACEFUL_PROTEST = "Peaceful protest"
PROTEST_WITH_INTERVENTION = "Protest with intervention"
EXCESSIVE_FORCE = "Excessive force against protesters"
VIOLENT_DEMONSTRATION = "Violent demonstration"
MOB_VIOLENCE = "Mob violence"
AGREEMENT = "Agreement"
ARRESTS = "Arrests"
CHANGE_TO_GROUP = "Change to group/activity"
DISRUPTED_WEAPONS = "Disrupted weapons use"
BASE_ESTABLISHED = "Headquarters or base established"
LOOTING = "Looting/property destruction"
NON_VIOLENT_TRANSFER = "Non-violent transfer of territory"
OTHER = "Other"

#: sub_event_type -> event_type (contract).
SUB_EVENT_TYPES: dict[str, str] = {
    ARMED_CLASH: BATTLES,
    GOVERNMENT_REGAINS: BATTLES,
    NON_STATE_OVERTAKES: BATTLES,
    CHEMICAL: EXPLOSIONS,
    AIR_STRIKE: EXPLOSIONS,
    SUICIDE_BOMB: EXPLOSIONS,
    SHELLING: EXPLOSIONS,
    REMOTE_EXPLOSIVE: EXPLOSIONS,
    GRENADE: EXPLOSIONS,
    SEXUAL_VIOLENCE: VIOLENCE_AGAINST_CIVILIANS,
    ATTACK: VIOLENCE_AGAINST_CIVILIANS,
    ABDUCTION: VIOLENCE_AGAINST_CIVILIANS,
    PEACEFUL_PROTEST: PROTESTS,
    PROTEST_WITH_INTERVENTION: PROTESTS,
    EXCESSIVE_FORCE: PROTESTS,
    VIOLENT_DEMONSTRATION: RIOTS,
    MOB_VIOLENCE: RIOTS,
    AGREEMENT: STRATEGIC,
    ARRESTS: STRATEGIC,
    CHANGE_TO_GROUP: STRATEGIC,
    DISRUPTED_WEAPONS: STRATEGIC,
    BASE_ESTABLISHED: STRATEGIC,
    LOOTING: STRATEGIC,
    NON_VIOLENT_TRANSFER: STRATEGIC,
    OTHER: STRATEGIC,
}

def event_type_of(sub_event_type: str) -> str:
    """The ACLED event_type a sub_event_type belongs to (KeyError for anything outside it)."""
    return SUB_EVENT_TYPES[sub_event_type]


#: Labels ACLED analysts put in front of strategic-development notes ("Movement of forces: ..."
#: before the note's date): the label names the sub-event type (ACLED codebook, Strategic
#: developments).
NOTE_LABELS: dict[str, str] = {
    "change to armed group": CHANGE_TO_GROUP,
    "change to group": CHANGE_TO_GROUP,
    "movement of forces": CHANGE_TO_GROUP,
    "security measures": CHANGE_TO_GROUP,
    "non-violent activity": OTHER,
    "explosive remnants of war": OTHER,
    "interception": DISRUPTED_WEAPONS,
    "weapons seizure": DISRUPTED_WEAPONS,
    "detonation": DISRUPTED_WEAPONS,
    "property destruction": LOOTING,
    "looting": LOOTING,
    "arrests": ARRESTS,
    "agreement": AGREEMENT,
    "headquarters or base established": BASE_ESTABLISHED,
    "non-violent transfer of territory": NON_VIOLENT_TRANSFER,
}
