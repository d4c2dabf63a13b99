"""Grenades or rockets used within an assault made with guns, or within a gun battle, are part
of the assault: ACLED codes it by its target; a grenade or rocket attack alone stays one."""

import pytest
from event_fixtures import first_event

from geomap.events import extract_events
from geomap.model import Article


@pytest.mark.parametrize("text", [
    "On 3 March 2021, gunmen armed with rifles and hand grenades attacked a police post in "
    "Kirkuk. Two policemen were wounded.",
    "On 3 March 2021, fighters attacked an army checkpoint near Mosul with assault rifles and "
    "rocket-propelled grenades. One soldier was killed.",
    "On 3 March 2021, militants armed with mortars and Kalashnikovs opened fire on an army "
    "checkpoint near Mosul, killing two soldiers.",
    "On 3 March 2021, militants threw grenades and then opened fire on a police patrol in "
    "Kirkuk, wounding two policemen.",
])
def test_grenades_within_a_gun_assault_on_armed_men_are_a_clash(text):
    event = first_event(text)
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash")


@pytest.mark.parametrize(("text", "sub"), [
    ("On 3 March 2021, an unknown man threw a hand grenade at a police post in Kirkuk. Two "
     "policemen were wounded.", "Grenade"),
    ("On 3 March 2021, rebels fired mortars at army positions near Mosul. One soldier was "
     "killed.", "Shelling/artillery/missile attack"),
    # gunfire told apart, by the other side, is not the attackers' gun assault
    ("On 3 March 2021, a man threw a grenade at a police post in Kirkuk. Police returned "
     "fire and shot at him.", "Grenade"),
    # a bomb is still a bomb, guns or not
    ("On 3 March 2021, gunmen with rifles planted a roadside bomb that exploded under a police "
     "vehicle in Kirkuk, wounding two policemen.", "Remote explosive/landmine/IED"),
])
def test_explosives_without_a_gun_assault_keep_their_weapon(text, sub):
    assert first_event(text).sub_event_type == sub


def test_gun_words_alone_make_no_event():
    assert extract_events(Article(id="t", text="The shop in Kirkuk sells rifles and pistols.")) \
        == []
