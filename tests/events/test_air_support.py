"""Air strikes flown in support of a ground fight are part of the battle (ACLED codes the
armed clash); an air strike on its own stays an air strike. Our own sentences."""

from geomap.events import extract_events
from geomap.model import Article


def test_air_support_within_a_repelled_offensive_is_a_battle():
    text = ("On 2 March 2024, rebel fighters stormed the hills above Kalynivka and clashed with "
            "the garrison, which called in airstrikes.")
    assert extract_events(Article("a", text))[0].sub_event_type == "Armed clash"


def test_a_lone_air_strike_stays_an_air_strike():
    text = "On 2 March 2024, an air strike hit a fuel depot near Kalynivka, killing two guards."
    assert extract_events(Article("a", text))[0].sub_event_type == "Air/drone strike"
