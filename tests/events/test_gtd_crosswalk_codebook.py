"""The GTD -> ACLED crosswalk follows GTD's codebook: an armed assault that used thrown
explosives or projectiles alongside guns stays an assault, and a hostage taking stays the
taking of people whatever weapon was carried."""

import pytest

from geomap.evaluate.events import gtd_to_acled


@pytest.mark.parametrize(("attack", "target", "expected"), [
    # guns and rocket-propelled grenades against a checkpoint: a fight with armed men
    ("Armed Assault", "Police", "Battles"),
    ("Armed Assault", "Military", "Battles"),
    # guns and grenades against a market: an attack on civilians
    ("Armed Assault", "Private Citizens & Property", "Violence against civilians"),
    ("Hostage Taking (Kidnapping)", "Military", "Violence against civilians"),
    ("Hostage Taking (Barricade Incident)", "Business", "Violence against civilians"),
])
def test_explosive_weapon_does_not_override_the_attack_type(attack, target, expected):
    record = {"event_type": attack, "sub_event_type": "Explosives",
              "extra": {"targtype1": target, "success": 1}}
    assert gtd_to_acled(record) == expected


@pytest.mark.parametrize("attack", ["Bombing/Explosion", "Assassination"])
def test_bombs_and_bomb_assassinations_are_explosions(attack):
    record = {"event_type": attack, "sub_event_type": "Explosives",
              "extra": {"targtype1": "Military", "success": 1}}
    assert gtd_to_acled(record) == "Explosions/Remote violence"


@pytest.mark.parametrize(("attack", "weapon"), [
    ("Unarmed Assault", "Biological"),
    ("Unarmed Assault", "Chemical"),
    ("Facility/Infrastructure Attack", "Biological"),
])
def test_chemical_and_biological_weapons_are_acled_chemical_weapons(attack, weapon):
    record = {"event_type": attack, "sub_event_type": weapon,
              "extra": {"targtype1": "Private Citizens & Property", "success": 1}}
    assert gtd_to_acled(record) == "Explosions/Remote violence"


@pytest.mark.parametrize(("killed", "wounded", "target", "expected"), [
    (0, 0, "Business", "Strategic developments"),
    (None, None, "Police", "Strategic developments"),
    # property destruction that harmed people is no longer ACLED's Looting/property destruction
    (2, 0, "Private Citizens & Property", "Violence against civilians"),
    (0, 3, "Police", "Battles"),
])
def test_facility_attacks_that_harm_people_follow_the_target(killed, wounded, target, expected):
    record = {"event_type": "Facility/Infrastructure Attack", "sub_event_type": "Incendiary",
              "fatalities": killed, "injured": wounded, "extra": {"targtype1": target}}
    assert gtd_to_acled(record) == expected


@pytest.mark.parametrize(("attack", "killed", "target", "expected"), [
    ("Armed Assault", 0, "Private Citizens & Property", "Strategic developments"),
    ("Bombing/Explosion", 0, "Business", "Strategic developments"),
    ("Armed Assault", 0, "Police", "Strategic developments"),
    # a fire that killed people is an attack on them
    ("Armed Assault", 4, "Private Citizens & Property", "Violence against civilians"),
    ("Bombing/Explosion", 1, "Police", "Battles"),
    # taking hostages stays the attack, whatever the weapon
    ("Hostage Taking (Kidnapping)", 0, "Private Citizens & Property",
     "Violence against civilians"),
])
def test_fire_and_crude_bombs_are_no_explosions(attack, killed, target, expected):
    record = {"event_type": attack, "sub_event_type": "Incendiary", "fatalities": killed,
              "injured": 0, "extra": {"targtype1": target, "success": 1}}
    assert gtd_to_acled(record) == expected
