"""`geomap run` as the scheduler starts it: incremental, idempotent, replacing events by article."""

from __future__ import annotations

import json
import sqlite3

from geomap.synthetic import synthetic_articles


def stored_events(job) -> dict[str, list[tuple[str, str]]]:
    """article id -> [(location, the sentence the event was read from)] in the store."""
    with sqlite3.connect(job.store) as connection:
        rows = connection.execute("SELECT article_id, data FROM events ORDER BY event_id")
        by_article: dict[str, list[tuple[str, str]]] = {}
        for article_id, data in rows:
            event = json.loads(data)
            by_article.setdefault(article_id, []).append((event["location"], event["notes"]))
    return by_article


def test_second_run_changes_nothing_and_leaves_outputs_untouched(job, corpus):
    job.add("batch1.jsonl", corpus[:40])
    first = job.run()
    assert first.returncode == 0, first.stderr
    assert first.summary["articles_new"] == 40
    assert first.summary["outputs_written"] == ["map", "geojson", "csv"]
    features = job.geojson()["features"]
    assert features, "the synthetic corpus must map events"
    assert job.output_paths()["map"].read_text(encoding="utf-8").rstrip().endswith("</html>")
    before = job.mtimes()

    second = job.run()
    assert second.returncode == 0, second.stderr
    assert (second.summary["articles_new"], second.summary["articles_changed"],
            second.summary["articles_unchanged"]) == (0, 0, 40)
    assert second.summary["outputs_written"] == []
    assert "nothing new: outputs unchanged" in second.stderr
    assert job.mtimes() == before


def test_adding_three_articles_processes_exactly_three(job, corpus):
    job.add("batch1.jsonl", corpus[:30])
    assert job.run().returncode == 0
    job.add("batch2.jsonl", corpus[30:33])
    before = job.mtimes()
    after = job.run()
    assert after.returncode == 0, after.stderr
    assert (after.summary["articles_new"], after.summary["articles_changed"],
            after.summary["articles_unchanged"]) == (3, 0, 30)
    assert all(job.mtimes()[kind] != before[kind] for kind in before)
    with sqlite3.connect(job.store) as connection:
        run_ids = dict(connection.execute("SELECT article_id, run_id FROM articles"))
    assert sorted(a for a, run in run_ids.items() if run == max(run_ids.values())) == \
        [a.id for a in corpus[30:33]]


def test_changing_an_article_reprocesses_it_and_replaces_its_events(job):
    articles = synthetic_articles(10, seed=3)
    articles[4] = articles[4].__class__(
        id=articles[4].id, text="Airstrikes hit Aleppo on Friday, killing 12 civilians.",
        published=articles[4].published, source="synthetic")
    path = job.add("batch.jsonl", articles)
    assert job.run().returncode == 0
    (old,) = stored_events(job)[articles[4].id]
    assert old[0] == "Aleppo" and old[1].startswith("Airstrikes hit Aleppo on Friday")

    changed_text = "A roadside bomb exploded in Mosul on Monday, killing 3 soldiers."
    lines = path.read_text(encoding="utf-8").splitlines()
    record = json.loads(lines[4])
    record["text"] = changed_text
    lines[4] = json.dumps(record)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    outcome = job.run()
    assert outcome.returncode == 0, outcome.stderr
    assert (outcome.summary["articles_new"], outcome.summary["articles_changed"]) == (0, 1)
    (new,) = stored_events(job)[articles[4].id]  # replaced, not appended
    assert new[0] == "Mosul" and new[1].startswith(changed_text)
    places = {f["properties"]["location"] for f in job.geojson()["features"]
              if f["properties"]["article_id"] == articles[4].id}
    assert places == {"Mosul"}


def test_a_new_pipeline_version_reprocesses_everything(job, monkeypatch, corpus):
    from geomap import run as run_module
    from geomap.config import load_config

    job.add("batch.jsonl", corpus[:12])
    first = run_module.run(load_config(job.config))
    assert first.new == 12
    monkeypatch.setattr(run_module, "PIPELINE_VERSION", "next-version")
    upgraded = run_module.run(load_config(job.config))
    assert (upgraded.new, upgraded.changed, upgraded.unchanged) == (0, 12, 0)
    assert upgraded.outputs_written == ["map", "geojson", "csv"]
    again = run_module.run(load_config(job.config))
    assert (again.changed, again.outputs_written) == (0, [])


def test_changed_filters_or_a_deleted_output_regenerate_without_reprocessing(job, corpus):
    from geomap.config import load_config
    from geomap.run import run

    job.add("batch.jsonl", corpus[:30])
    run(load_config(job.config))
    everything = job.geojson()["features"]
    job.write_config('[filters]\ncountries = ["SY"]\n')
    filtered = run(load_config(job.config))
    assert (filtered.processed, filtered.outputs_written) == (0, ["map", "geojson", "csv"])
    syrian = job.geojson()["features"]
    assert 0 < len(syrian) < len(everything)
    assert {f["properties"]["country"] for f in syrian} <= {"Syria", "SY"}

    job.output_paths()["csv"].unlink()
    rebuilt = run(load_config(job.config))
    assert rebuilt.outputs_written and job.output_paths()["csv"].exists()


def test_a_corrupted_article_is_logged_and_skipped_without_stopping_the_run(job, corpus):
    job.add("good.jsonl", corpus[:10])
    (job.articles / "corrupt.txt").write_bytes(b"\x00\x01\x02binary\xff\xfe" * 50)
    bad_lines = job.articles / "mixed.jsonl"
    bad_lines.write_text('{"id": "m1", "text": "Clashes erupted in Homs on Monday."}\n'
                         '{"id": "m2", "text": \n', encoding="utf-8")
    outcome = job.run()
    assert outcome.returncode == 3, outcome.stderr  # partial: outputs written, something skipped
    assert outcome.summary["articles_new"] == 11
    assert outcome.summary["inputs_skipped"] == 2
    warnings = [entry["message"] for entry in outcome.log if entry["level"] == "warning"]
    assert any("corrupt.txt" in message for message in warnings)
    assert any(f"{bad_lines}:2" in message for message in warnings)
    assert job.geojson()["features"]
    with sqlite3.connect(job.store) as connection:
        status = connection.execute("SELECT status FROM runs").fetchall()
    assert status == [("partial",)]


def test_no_usable_input_exits_4_and_writes_nothing(job):
    (job.articles / "corrupt.txt").write_bytes(b"\x00" * 100)
    outcome = job.run()
    assert outcome.returncode == 4, outcome.stderr
    assert not job.outputs.exists()


def test_a_failing_output_keeps_its_previous_file_the_others_update_and_the_next_run_retries(
        job, corpus):
    job.add("batch1.jsonl", corpus[:10])
    assert job.run().returncode == 0
    csv_before = job.output_paths()["csv"].read_bytes()
    # The csv output is blocked for real: a directory now sits where the file was.
    job.output_paths()["csv"].unlink()
    job.output_paths()["csv"].mkdir()
    (job.output_paths()["csv"] / "keep").write_text("x")
    job.add("batch2.jsonl", corpus[10:15])
    failed = job.run()
    assert failed.returncode == 1
    assert any("could not write" in entry["message"] and "events.csv" in entry["message"]
               for entry in failed.log)
    ids = {f["properties"]["article_id"] for f in job.geojson()["features"]}
    assert ids & {a.id for a in corpus[10:15]}, "the other outputs still update"

    (job.output_paths()["csv"] / "keep").unlink()
    job.output_paths()["csv"].rmdir()
    retried = job.run()
    assert retried.returncode == 0, retried.stderr
    assert retried.summary["articles_new"] == 0 and "csv" in retried.summary["outputs_written"]
    assert job.output_paths()["csv"].read_bytes() != csv_before


def test_a_missing_gazetteer_stops_the_run_and_the_next_run_does_the_work(job, corpus):
    # A real, passing failure: the configured gazetteer is missing. It is no article's fault, so
    # the run stops before any article (exit 5) instead of storing them all as failed.
    job.add("batch.jsonl", corpus[:8])
    good_config = job.config.read_text()
    job.config.write_text(good_config + '[gazetteer]\npath = "/proc/geomap-nowhere/g.sqlite"\n')
    broken = job.run()
    assert broken.returncode == 5, broken.stderr
    assert not job.outputs.exists() or not any(job.outputs.iterdir())

    job.config.write_text(good_config)
    fixed = job.run()
    assert fixed.returncode == 0, fixed.stderr
    assert (fixed.summary["articles_new"], fixed.summary["articles_failed"]) == (8, 0)
    assert job.geojson()["features"]
    again = job.run()
    assert (again.summary["articles_retried"], again.summary["outputs_written"]) == (0, [])
