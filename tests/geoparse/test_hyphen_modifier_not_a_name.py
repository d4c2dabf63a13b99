"""A word glued by a hyphen to a lower-case participle ("X-controlled", "X-dominated") says who
holds a place; a "X-controlled village" is no place called so."""

from __future__ import annotations


def test_a_held_village_is_no_place_of_that_name(parse):
    names = [m.name for m in parse("Gunmen raided an Armenian-controlled village at dawn.")]
    assert not any("controlled" in name for name in names)


def test_the_demonym_before_the_participle_stays(parse):
    found = parse("The Azerbaijani-controlled village of Tazakend was shelled.")
    assert ("Azerbaijani", "demonym") in [(m.name, m.kind) for m in found]


def test_a_short_lower_case_link_stays_inside_a_name(parse):
    names = [m.name for m in parse("A sniper fired in the Sar-e Dara area of Zhari district.")]
    assert "Sar-e Dara" in names
