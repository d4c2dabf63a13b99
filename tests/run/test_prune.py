"""The store mirrors the sources: a deleted article's events leave every output, a renamed file is
a delete plus an add, and `--dry-run` says what would change while touching nothing."""

from __future__ import annotations

import csv

from geomap.synthetic import synthetic_articles


def article_ids_in_outputs(job) -> tuple[set[str], set[str]]:
    geojson = {feature["properties"]["article_id"] for feature in job.geojson()["features"]}
    with job.output_paths()["csv"].open(encoding="utf-8") as handle:
        rows = {row["article_id"] for row in csv.DictReader(handle)}
    return geojson, rows


def write_text_article(job, name: str, text: str) -> None:
    (job.articles / name).write_text(text, encoding="utf-8")


def test_the_scheduled_job_mirrors_its_sources(job):
    kept, doomed = synthetic_articles(6, seed=31), synthetic_articles(5, seed=32, start=6)
    job.add("kept.jsonl", kept)
    job.add("doomed.jsonl", doomed)
    first = job.run()
    assert first.returncode == 0, first.stderr
    doomed_ids = {article.id for article in doomed}
    in_geojson, in_csv = article_ids_in_outputs(job)
    assert doomed_ids & in_csv, "the doomed articles must have events to lose"

    mtimes = job.mtimes()
    untouched = job.run()
    assert untouched.summary["outputs_written"] == [] and job.mtimes() == mtimes

    (job.articles / "doomed.jsonl").unlink()
    job.add("new.jsonl", synthetic_articles(2, seed=33, start=20))
    pruned = job.run()
    assert pruned.returncode == 0, pruned.stderr
    assert pruned.summary["articles_pruned"] == 5
    assert any("pruned 5 articles" in entry["message"] for entry in pruned.log)
    in_geojson, in_csv = article_ids_in_outputs(job)
    assert not (doomed_ids & (in_geojson | in_csv))
    assert {"syn-000020", "syn-000021"} & in_csv


def test_a_renamed_file_is_a_delete_plus_an_add(job):
    write_text_article(job, "report-one.txt", "Airstrikes hit Idlib on 2017-03-02, killing six "
                       "people, according to local medics.")
    assert job.run().returncode == 0
    assert "report-one" in article_ids_in_outputs(job)[1]
    (job.articles / "report-one.txt").rename(job.articles / "report-two.txt")
    renamed = job.run()
    assert (renamed.summary["articles_new"], renamed.summary["articles_pruned"]) == (1, 1)
    ids = article_ids_in_outputs(job)[1]
    assert "report-two" in ids and "report-one" not in ids


def test_prune_false_keeps_what_vanished(job):
    job.config.write_text(job.config.read_text().replace(
        'paths = ["articles/"]', 'paths = ["articles/"]\nprune = false'))
    job.add("a.jsonl", synthetic_articles(3, seed=34))
    assert job.run().returncode == 0
    before = article_ids_in_outputs(job)[1]
    (job.articles / "a.jsonl").unlink()
    job.add("b.jsonl", synthetic_articles(1, seed=35, start=40))
    kept = job.run()
    assert kept.summary["articles_pruned"] == 0
    assert before <= article_ids_in_outputs(job)[1]


def test_dry_run_says_what_would_change_and_touches_nothing(job):
    job.add("a.jsonl", synthetic_articles(4, seed=36))
    fresh = job.run("--dry-run", timeout=120)
    assert fresh.returncode == 0, fresh.stderr
    assert not job.store.exists() and not job.store.with_name("geomap.sqlite.lock").exists()
    assert not job.outputs.exists()
    plan = [entry for entry in fresh.log if entry.get("dry_run")][-1]
    assert plan["articles_new"] == 4

    assert job.run().returncode == 0
    store_state = (job.store.stat().st_mtime_ns, job.store.read_bytes())
    mtimes = job.mtimes()
    (job.articles / "a.jsonl").unlink()
    job.add("b.jsonl", synthetic_articles(2, seed=37, start=50))
    dry = job.run("--dry-run", timeout=120)
    plan = [entry for entry in dry.log if entry.get("dry_run")][-1]
    assert (plan["articles_new"], plan["articles_pruned"]) == (2, 4)
    assert "would process 2 new" in plan["message"]
    assert (job.store.stat().st_mtime_ns, job.store.read_bytes()) == store_state
    assert job.mtimes() == mtimes
