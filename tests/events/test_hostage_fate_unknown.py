"""A kidnapping whose outcome the text leaves open has an unknown toll (GTD leaves nkill
empty); an untold fate of a place, or a toll that is stated, is not that."""

from geomap.events.casualties import parse_casualties


def test_untold_fate_of_hostages_is_an_unknown_toll():
    for text in ("Raiders seized nine ferry passengers. Three were freed at dawn; the fate of "
                 "the remaining hostages is unknown.",
                 "Gunmen kidnapped a trader. The outcome of kidnapping is unknown.",
                 "Gunmen took four nurses from the clinic. They remain in captivity.",
                 "Gunmen seized Odel Varga, a district clerk. The whereabouts of Varga are "
                 "unknown."):
        found = parse_casualties(text)
        assert found.fatalities is None and found.unknown, text


def test_a_stated_toll_or_a_place_is_not_unknown():
    found = parse_casualties("Two guards were killed. The fate of the hostages is unknown.")
    assert (found.fatalities, found.unknown) == (2, False)
    assert not parse_casualties("Rebels shelled the town. The fate of the town is unknown."
                                ).unknown
