"""Bounded cost per article: oversized articles become parts under sources.max_article_bytes, and
a failed article is kept with its error, not retried by every run."""

from __future__ import annotations

import sqlite3

from hypothesis import given, settings
from hypothesis import strategies as st

from geomap.model import Article, ArticleResult
from geomap.pipeline import PIPELINE_VERSION
from geomap.split import split_article
from geomap.store import EventStore, content_hash
from geomap.synthetic import synthetic_articles

SENTENCES = [
    "Shelling struck the market in Homs on Monday, killing four people.",
    "Rebels said they had taken two checkpoints north of Hama.",
    "An airstrike hit a clinic in Idlib; medics reported nine wounded.",
    "Police in Mosul closed the bridge after a roadside bomb exploded.",
]


def long_text(paragraphs: int) -> str:
    return "\n\n".join(" ".join(SENTENCES[(p + i) % 4] for i in range(6))
                       for p in range(paragraphs))


def test_a_small_article_is_left_alone():
    article = Article("a", "Short text about Homs.")
    assert split_article(article, 1000) == [article]


def test_parts_respect_the_limit_and_cut_only_between_sentences():
    text = long_text(40)
    parts = split_article(Article("big", text, title="t"), 1200)
    assert [part.id for part in parts] == [f"big#{n}" for n in range(1, len(parts) + 1)]
    assert all(len(part.text.encode("utf-8")) <= 1200 for part in parts)
    assert all(part.title == "t" for part in parts)
    for part in parts:  # every sentence arrives whole
        for sentence in part.text.replace("\n\n", " ").split(". "):
            assert any(sentence.rstrip(".") in known for known in SENTENCES) or not sentence
    # Nothing lost, nothing repeated: the words of the parts are the words of the text.
    assert " ".join(p.text for p in parts).split() == text.split()


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=1, max_size=3000), st.integers(min_value=8, max_value=400))
def test_any_text_splits_into_parts_under_the_limit_without_losing_words(text, limit):
    parts = split_article(Article("x", text), limit)
    assert all(len(part.text.encode("utf-8")) <= limit for part in parts)
    if len(parts) > 1:
        assert "".join("".join(p.text for p in parts).split()) == "".join(text.split())


def test_a_run_stores_an_oversized_article_as_parts(job):
    job.add("big.jsonl", [Article("huge", long_text(30), None, None, None, "test")])
    job.config.write_text(job.config.read_text().replace(
        'paths = ["articles/"]', 'paths = ["articles/"]\nmax_article_bytes = 2000'))
    first = job.run()
    assert first.returncode == 0, first.stderr
    with sqlite3.connect(job.store) as connection:
        ids = [row[0] for row in connection.execute("SELECT article_id FROM articles")]
    assert len(ids) > 3 and all(article_id.startswith("huge#") for article_id in ids)
    assert job.geojson()["features"]
    again = job.run()
    assert (again.summary["articles_new"], again.summary["outputs_written"]) == (0, [])


def test_a_failed_article_is_not_retried_until_it_changes(job):
    articles = synthetic_articles(3, seed=41)
    job.add("a.jsonl", articles)
    assert job.run().returncode == 0
    # As a bad text would leave it: stored as failed with its error, for this content.
    with EventStore.open(job.store) as store:
        store.save_results([(articles[0], content_hash(articles[0]), None,
                             ArticleResult(articles[0].id, errors=("ValueError: bad text",)))],
                           pipeline_version=PIPELINE_VERSION)
    rerun = job.run()
    assert rerun.returncode == 0, rerun.stderr
    assert (rerun.summary["articles_retried"], rerun.summary["articles_unchanged"]) == (0, 3)
    with EventStore.open(job.store) as store:
        assert store.failed_articles() == [(articles[0].id, "ValueError: bad text")]

    job.add("a.jsonl", [Article(articles[0].id, articles[0].text + " Fighting went on in Aleppo.",
                                articles[0].published), *articles[1:]])
    changed = job.run()
    assert changed.summary["articles_changed"] == 1
    with EventStore.open(job.store) as store:
        assert store.failed_articles() == []
