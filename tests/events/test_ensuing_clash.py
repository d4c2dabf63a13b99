"""A clash told as what followed an attack ("killed in the ensuing clash") does not make an
attack on civilians a battle; it is the battle when nothing before it says what happened."""

from event_fixtures import first_event

from geomap.events.triggers import find_triggers


def test_an_attack_on_a_village_stays_an_attack_on_civilians():
    event = first_event("On 2 April 2021, gunmen attacked the village of Tessam and burned its "
                        "granary. Two policemen were killed in the ensuing clash.")
    assert event.event_type == "Violence against civilians"


def test_an_attack_on_a_barracks_is_a_battle():
    event = first_event("On 2 April 2021, gunmen attacked an army barracks in Tessam. Two soldiers "
                        "were killed in the ensuing clash.")
    assert event.event_type == "Battles"


def test_the_ensuing_clash_alone_is_a_battle():
    event = first_event("On 2 April 2021, three rebels and a soldier died in Tessam in the ensuing "
                        "clash with troops.")
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash")


def test_baton_rouge_is_a_city_not_a_baton():
    text = "Police in Baton Rouge used batons on the crowd."
    found = [(text[tr.start:tr.end], tr.cue) for tr in find_triggers(text)]
    assert ("batons", "intervene") in found and ("Baton", "intervene") not in found
