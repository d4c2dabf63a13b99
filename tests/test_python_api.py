"""The Python API: text -> typed DataFrame -> pandas filter -> map or GIS file (README)."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pandas
import pytest

import geomap
from geomap.model import EVENT_FIELDS, Article

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "darfur-kordofan-2024-05-14.txt"
TWO_EVENTS = ["Gunmen shot dead two traders in Homs on 3 May 2021.",
              "Airstrikes killed 9 people in Idlib on 4 May 2021."]


@pytest.fixture(scope="module")
def frame() -> pandas.DataFrame:
    return geomap.extract(TWO_EVENTS)


def test_the_readme_five_lines_make_a_map_of_the_filtered_events(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "outputs").mkdir()
    # --- the README's lines, as a user types them ---
    text = open(EXAMPLE, encoding="utf-8").read()
    events = geomap.extract(text, published="2024-05-14")
    deadly = events[events.fatalities >= 5]
    geomap.render_map(deadly, "outputs/deadly.html", offline=True)
    # ---
    assert len(events) > len(deadly) >= 2
    html = (tmp_path / "outputs" / "deadly.html").read_text(encoding="utf-8")
    for location in deadly.location:
        assert location in html
    for location in set(events.location.dropna()) - set(deadly.location):
        assert location not in html


def test_the_frame_is_typed_for_analysis(frame):
    assert list(frame.columns)[:len(EVENT_FIELDS)] == list(EVENT_FIELDS)
    assert pandas.api.types.is_datetime64_any_dtype(frame.event_date)
    for column in ("fatalities", "injured", "geo_precision", "iso", "time_precision"):
        assert str(frame[column].dtype) == "Int64", column
    assert str(frame.lat.dtype) == "float64"
    assert isinstance(frame.event_type.dtype, pandas.CategoricalDtype)
    assert "Battles" in frame.event_type.cat.categories
    assert list(frame.event_date.dt.date) == [date(2021, 5, 3), date(2021, 5, 4)]
    assert list(frame.location) == ["Homs", "Idlib"]
    # a filter on a date string and a count works without conversions
    assert len(frame[(frame.event_date >= "2021-05-04") & (frame.fatalities > 5)]) == 1


def test_every_kind_of_input_gives_the_same_events(frame):
    articles = [Article(id=f"text-{n}", text=t) for n, t in enumerate(TWO_EVENTS, 1)]
    table = pandas.DataFrame({"id": ["text-1", "text-2"], "text": TWO_EVENTS})
    for source in (articles, table):
        again = geomap.extract(source)
        assert list(again.event_id) == list(frame.event_id)
    one = geomap.extract(TWO_EVENTS[0])
    assert list(one.location) == ["Homs"]
    assert geomap.extract([]).empty


def test_published_anchors_relative_dates():
    frame = geomap.extract("Shelling killed 4 people in Idlib on Friday.", published="2021-05-10")
    assert list(frame.event_date.dt.date) == [date(2021, 5, 7)]


def test_a_frame_goes_back_to_the_same_events(frame):
    events = geomap.events_from_frame(frame)
    assert [e.record() for e in events] == [
        e.record() for e in geomap.events_from_frame(geomap.extract(TWO_EVENTS))]
    assert events[0].event_date == date(2021, 5, 3) and events[0].fatalities == 2
    assert events[1].fatalities_low is None and isinstance(events[1].iso, int)


def test_write_events_takes_a_filtered_frame(frame, tmp_path):
    written = geomap.write_events(frame[frame.location == "Idlib"], tmp_path / "idlib.geojson")
    features = json.loads((tmp_path / "idlib.geojson").read_text())["features"]
    assert written == 1 and features[0]["properties"]["location"] == "Idlib"
    assert features[0]["properties"]["event_date"] == "2021-05-04"


def test_a_gazetteer_path_or_object_is_used(frame, tmp_path):
    from gazetteer import Gazetteer
    from gazetteer.paths import default_path

    for gazetteer in (default_path(), Gazetteer.open()):
        assert list(geomap.extract(TWO_EVENTS, gazetteer=gazetteer).event_id) == list(
            frame.event_id)
    with pytest.raises(Exception, match="no gazetteer file"):
        geomap.extract(TWO_EVENTS, gazetteer=tmp_path / "missing.sqlite")


@pytest.mark.parametrize("bad", [[42], pandas.DataFrame({"body": ["Homs"]})])
def test_input_that_is_not_text_is_refused_clearly(bad):
    with pytest.raises((TypeError, ValueError), match="text"):
        geomap.extract(bad)


def test_a_frame_without_event_columns_is_refused():
    with pytest.raises(ValueError, match="not an events frame"):
        geomap.events_from_frame(pandas.DataFrame({"x": [1]}))


@pytest.mark.parametrize("first", ["import geomap", "import geomap.geoparse",
                                   "from geomap.geoparse import Geoparser",
                                   "import geomap.pipeline, geomap.events"])
def test_geoparse_is_callable_whatever_was_imported_first(first):
    code = (f"{first}\nimport geomap\n"
            "mentions = geomap.geoparse('Shelling hit Homs.', offline=True)\n"
            "assert [m.name for m in mentions] == ['Homs'], mentions\n"
            "assert geomap.geoparse.Geoparser is not None\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
