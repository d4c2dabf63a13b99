"""The ranked lookup asks the name index before the database: a key the index lacks has no
senses. That is only right while the index and the ``name`` table agree, after an import and
after features are added by hand (pending keys), which these tests hold on a small file."""

from __future__ import annotations

from gazetteer import Feature
from gazetteer.names import normalize_name


def _table_keys(gazetteer) -> set[str]:
    return {row[0] for row in gazetteer.connection().execute("SELECT DISTINCT key FROM name")}


def test_every_key_of_the_name_table_is_in_the_index(small_gazetteer):
    keys = _table_keys(small_gazetteer)
    assert keys and all(small_gazetteer.has_name(key) for key in keys)


def test_a_name_outside_the_index_has_no_candidates(small_gazetteer):
    assert not small_gazetteer.has_name(normalize_name("Qaryat Nowhere Samples"))
    assert small_gazetteer.candidates("Qaryat Nowhere Samples") == []
    assert small_gazetteer.candidates("Aleppo")[0].geonameid == 170063


def test_a_feature_added_after_the_index_was_written_is_found_at_once(small_gazetteer):
    # Looked up (and cached as absent) first: the write must drop that answer too.
    assert small_gazetteer.candidates("Tell Sampleville") == []
    small_gazetteer.add_features([Feature(
        geonameid=990_000_001, name="Tell Sampleville", lat=36.1, lon=37.2, feature_class="P",
        feature_code="PPL", country_code="SY", admin1_code="09", population=120,
        names=["Tal Sampleville"])])
    for spelling in ("Tell Sampleville", "Tal Sampleville"):
        found = small_gazetteer.candidates(spelling)
        assert [c.geonameid for c in found] == [990_000_001], spelling
    assert all(small_gazetteer.has_name(key) for key in _table_keys(small_gazetteer))
