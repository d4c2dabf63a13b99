"""A merged event states ACLED's derived columns of its merged fields, exactly as
with_acled_columns would recompute them (dedup builds the merged event once, with its columns)."""

from datetime import date
from operator import attrgetter

from geomap.events import taxonomy as t
from geomap.events.acled_columns import DERIVED_FROM, acled_columns, with_acled_columns
from geomap.events.dedup import deduplicate, merge
from geomap.model import Event

DAY = date(2023, 4, 11)
PLACE = dict(location="Stoneford", admin1="Hill Province", country="Syria", iso=760,
             lat=35.10, lon=36.70, geonameid=123456, geo_precision=1)


def _report(article: str, **fields) -> Event:
    values = dict(event_id=f"{article}-1", article_id=article, event_type=t.PROTESTS,
                  sub_event_type=t.PEACEFUL_PROTEST, event_date=DAY, time_precision=1,
                  notes="Hundreds of teachers marched in Stoneford over unpaid wages.", **PLACE)
    values.update(fields)
    return with_acled_columns(Event(**values))


def test_a_merged_event_carries_the_columns_of_its_merged_fields():
    wire = _report("a1", actor1="Protesters", source="Reuters",
                   source_url="https://www.reuters.com/world/a1")
    local = _report("a2", source="Hill Gazette", source_url="https://gazette.example/a2",
                    actor2="Police forces", time_precision=2, fatalities=0)
    merged = merge([wire, local])
    assert merged == with_acled_columns(merged)
    assert (merged.sources, merged.source_scale, merged.inter2, merged.interaction) == (
        ("Reuters", "Hill Gazette"), None, 1, 16)
    assert merged.tags == "crowd size=hundreds" and merged.region == "Middle East"


def test_every_merged_event_of_a_random_mix_equals_its_recomputed_columns():
    reports = [_report(f"a{i}", actor1=("Protesters", None, "Syrian forces")[i % 3],
                       source=("Reuters", "Hill Gazette", None)[i % 3],
                       event_date=DAY if i % 4 else None, fatalities=(None, 2, 3)[i % 3])
               for i in range(12)]
    merged = [event for event in deduplicate(reports) if event.n_reports > 1]
    assert merged
    assert all(event == with_acled_columns(event) for event in merged)


def test_the_columns_are_those_of_the_fields_they_are_derived_from():
    event = _report("a1", actor1="Protesters", source="Reuters")
    changed = event.replace(actor1="Syrian forces", country="Lebanon", iso=422,
                            event_type=t.RIOTS, sources=("Reuters", "AFP"),
                            notes="Rioters burned tyres.")
    columns = acled_columns(attrgetter(*DERIVED_FROM)(changed))
    assert changed.replace(**columns) == with_acled_columns(changed) != changed
    assert columns["inter1"] == 8 and columns["source_scale"] == "International"
