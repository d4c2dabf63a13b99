"""Who was killed, in a passive sentence, is the subject of its own sentence: attackers named in
an earlier sentence are not the victims."""

from event_fixtures import first_event


def test_civilians_killed_after_militants_torched_a_house():
    event = first_event("On 8 June 2021, militants torched a farmhouse near Bekoji. Five civilians "
                        "were killed.")
    assert event.event_type == "Violence against civilians"


def test_soldiers_among_the_dead_make_a_battle():
    event = first_event("On 8 June 2021, two soldiers and a farmer were shot dead by militants "
                        "near Bekoji.")
    assert event.event_type == "Battles"
