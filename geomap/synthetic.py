"""Synthetic conflict articles for scale tests and benchmarks (never for evaluation).

Short news-style sentences about real places, so the whole pipeline (gazetteer lookups, event
triggers, casualty counts, relative dates) does real work on them; deterministic for a seed.

    >>> articles = synthetic_articles(3, seed=1)
    >>> [a.id for a in articles]
    ['syn-000000', 'syn-000001', 'syn-000002']
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from geomap.model import Article

PLACES = (
    ("Aleppo", "Syria"), ("Homs", "Syria"), ("Idlib", "Syria"), ("Deir ez-Zor", "Syria"),
    ("Mosul", "Iraq"), ("Kirkuk", "Iraq"), ("Fallujah", "Iraq"), ("Kharkiv", "Ukraine"),
    ("Donetsk", "Ukraine"), ("Mariupol", "Ukraine"), ("Mogadishu", "Somalia"),
    ("Kismayo", "Somalia"), ("Kabul", "Afghanistan"), ("Kandahar", "Afghanistan"),
    ("Sanaa", "Yemen"), ("Taiz", "Yemen"), ("Maiduguri", "Nigeria"), ("Gao", "Mali"),
    ("Benghazi", "Libya"), ("Misrata", "Libya"),
)
TEMPLATES = (
    "Airstrikes hit {place} on {weekday}, killing {n} civilians, rescue workers said.",
    "Government forces and rebels clashed near {place} on {weekday}; {n} fighters were killed.",
    "A roadside bomb exploded in {place} on {weekday}, killing {n} soldiers and wounding {m}.",
    "Artillery shelling struck residential areas of {place}, killing {n} people and injuring {m}.",
    "Hundreds of people protested peacefully in {place} on {weekday} against rising prices.",
    "Gunmen abducted {n} aid workers on the road outside {place} on {weekday}, officials said.",
    "Police arrested {n} suspected militants in {place} on {weekday}.",
    "A suicide bomber attacked a checkpoint in {place}, killing {n} people.",
)
FILLER = (
    "The information could not be independently verified.",
    "Local officials called for an investigation.",
    "The {country} government did not comment.",
    "Residents said the situation remained tense.",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
START = date(2016, 10, 7)


def synthetic_article(index: int, rng: random.Random, *, prefix: str = "syn",
                      paragraphs: int = 1) -> Article:
    """One article of ``paragraphs`` paragraphs, each an event sentence plus 0-2 filler ones
    (a real news article is ~20-30 sentences: paragraphs=10 comes close)."""
    sentences = []
    for _ in range(paragraphs):
        place, country = rng.choice(PLACES)
        sentences.append(rng.choice(TEMPLATES).format(
            place=place, weekday=rng.choice(WEEKDAYS), n=rng.randint(2, 40),
            m=rng.randint(1, 30)))
        sentences += [rng.choice(FILLER).format(country=country) for _ in range(rng.randint(0, 2))]
    return Article(
        id=f"{prefix}-{index:06d}", text=" ".join(sentences),
        published=START + timedelta(days=rng.randint(0, 365)),
        title=None, source="synthetic",
    )


def synthetic_articles(count: int, *, seed: int = 0, start: int = 0, prefix: str = "syn",
                       paragraphs: int = 1) -> list[Article]:
    rng = random.Random(seed * 1_000_003 + start)
    return [synthetic_article(start + i, rng, prefix=prefix, paragraphs=paragraphs)
            for i in range(count)]


def article_record(article: Article) -> dict:
    """The JSONL/CSV input record of an article."""
    return {"id": article.id, "text": article.text,
            "published": article.published.isoformat() if article.published else None,
            "title": article.title, "url": article.url, "source": article.source}
