""""X, Y" where Y is a city that names its province: a sense of X outside that province (and not
next to the city) is a namesake of a place the gazetteer lacks, and unresolved beats wrong."""

from __future__ import annotations


def _place(mentions, name):
    found = [m for m in mentions if m.name == name]
    assert found, name
    return found[0].place


def test_a_district_of_another_province_is_ruled_out(parse):
    mentions = parse("Militants burned a girls' school in Nad Ali, Ghazni, on Tuesday.")
    assert _place(mentions, "Nad Ali") is None
    assert _place(mentions, "Ghazni") is not None


def test_a_district_in_the_citys_own_province_stays(parse):
    place = _place(parse("Militants burned a girls' school in Andar, Ghazni, on Tuesday."),
                   "Andar")
    assert place is not None and place.admin1 == "Ghazni"


def test_a_chain_of_containers_reaches_the_province(parse):
    # "X area of Y district (Z)": Z is the province of X too, though Y is unknown here
    mentions = parse("Gunmen took over a farm in the Nad Ali area of Qurbani district "
                     "(Ghazni) overnight.")
    assert _place(mentions, "Nad Ali") is None


def test_a_list_of_towns_is_no_containment(parse):
    for text in ("Floods cut roads near Bura, Wajir, Mandera and Lamu this week.",
                 "Floods cut roads near Bura, Wajir and Lamu this week."):
        assert _place(parse(text), "Bura").country == "KE"


def test_the_containers_other_sense_still_holds_the_name(parse):
    # the container may resolve to a namesake capital abroad; its region sense still vouches
    mentions = parse("Cattle raiders struck Oyon (Oyon, Lima) at dawn.")
    assert _place(mentions, "Lima").feature_code == "PPLC"   # the capital, not its region
    place = _place(mentions, "Oyon")
    assert place is not None and place.country == "PE"
