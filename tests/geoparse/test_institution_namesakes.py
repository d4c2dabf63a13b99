"""A small place's name that an article uses only inside an institution's name (a school, a
club, a college) is the institution's; a county's name, a government body's, a hospital's or a
state school's, or a name the article also uses alone stays a place."""

from __future__ import annotations

import pytest

from .parse_fixtures import names_of


@pytest.mark.parametrize("text, name", [
    ("Students from Harrisburg High School visited Aleppo.", "Harrisburg"),
    ("The Harrisburg Rotary Club sent blankets to Aleppo.", "Harrisburg"),
])
def test_a_small_place_only_inside_an_institution_is_no_place(parse, text, name):
    found = names_of(parse, text)
    assert name not in found
    assert "Aleppo" in found


def test_a_name_the_article_also_uses_alone_stays_a_place(parse):
    text = "Students from Harrisburg High School visited Aleppo. Traffic in Harrisburg was slow."
    assert names_of(parse, text).count("Harrisburg") == 2


@pytest.mark.parametrize("text, name", [
    ("Harrisburg Police arrested a man.", "Harrisburg"),
    ("Patients at Dauphin County Hospital waited.", "Dauphin County"),
    ("Patients at Harrisburg Hospital waited.", "Harrisburg"),
    ("He taught at the former Harrisburg State School.", "Harrisburg"),
])
def test_a_government_body_county_or_public_institution_keeps_its_place(parse, text, name):
    assert name in names_of(parse, text)
