"""Each input format becomes the articles a user would expect, with ids, titles, dates and URLs."""

from __future__ import annotations

import json
import os
from datetime import date

from geomap.errors import InputError
from geomap.ingest import iter_articles

ARTICLE = ("Airstrikes hit Aleppo\n\nRescuers said 12 people died when jets struck the Karam "
           "Houmid district of Aleppo at dawn.\n")

HTML_PAGE = """<!DOCTYPE html><html><head><title>Airstrikes hit Aleppo | Example News</title>
<meta property="og:title" content="Airstrikes hit Aleppo">
<meta property="og:url" content="https://news.example.org/2016/10/aleppo">
<meta property="og:site_name" content="Example News">
<meta name="date" content="2016-10-07">
</head><body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Airstrikes hit Aleppo</h1>
<p>Rescuers said 12 people died when jets struck the Karam Houmid district of Aleppo at dawn.</p>
<p>A monitoring group reported artillery fire on the old quarters for a third day running, and
counted at least 30 people hurt.</p>
</article><footer>Copyright Example News. Cookie settings. Subscribe to our newsletter.</footer>
</body></html>"""

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Conflict Wire</title><link>https://wire.example.org/</link>
<item><title>Shelling kills 3 in Idlib</title><link>https://wire.example.org/a1</link>
<guid>wire-a1</guid><pubDate>Fri, 07 Oct 2016 10:00:00 GMT</pubDate>
<description>&lt;p&gt;Government shelling killed three civilians in
&lt;b&gt;Idlib&lt;/b&gt;.&lt;/p&gt;</description>
</item>
<item><title>Protest in Daraa</title><link>https://wire.example.org/a2</link>
<pubDate>Sat, 08 Oct 2016 09:00:00 GMT</pubDate>
<description>Hundreds protested in Daraa.</description>
</item></channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title>
<entry><id>urn:atom:1</id><title>Clashes near Mosul</title>
<link href="https://atom.example.org/1"/><updated>2016-10-17T08:00:00Z</updated>
<content type="html">&lt;p&gt;Clashes erupted near Mosul on Monday.&lt;/p&gt;</content></entry>
</feed>"""


def read(inputs, **options):
    problems: list[InputError] = []
    articles = list(iter_articles([str(i) for i in inputs], problems=problems, **options))
    return articles, problems


def test_plain_text_id_is_the_stem_title_the_first_line_and_date_from_the_name(tmp_path):
    path = tmp_path / "aleppo-2016-10-07.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    (article,), problems = read([path])
    assert problems == []
    assert article.id == "aleppo-2016-10-07"
    assert article.title == "Airstrikes hit Aleppo"
    assert article.text == ARTICLE
    assert article.published == date(2016, 10, 7)


def test_published_option_dates_plain_text_and_wins_over_the_file_name(tmp_path):
    (tmp_path / "report-2016-10-07.txt").write_text(ARTICLE)
    (tmp_path / "undated.text").write_text(ARTICLE)
    articles, _ = read([tmp_path], published=date(2016, 9, 30))
    assert [(a.id, a.published) for a in articles] == [
        ("report-2016-10-07", date(2016, 9, 30)), ("undated", date(2016, 9, 30))]


def test_same_stem_in_two_folders_gives_two_distinct_ids(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "report.txt").write_text(f"{folder}: {ARTICLE}")
    articles, _ = read([tmp_path])
    assert len({a.id for a in articles}) == 2
    assert articles[0].id == "report"


def test_html_gives_main_text_and_page_metadata(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(HTML_PAGE, encoding="utf-8")
    (article,), problems = read([path])
    assert problems == []
    assert "Karam Houmid" in article.text
    assert "Cookie settings" not in article.text and "Home" not in article.text
    assert article.title == "Airstrikes hit Aleppo"
    assert article.published == date(2016, 10, 7)
    assert article.url == "https://news.example.org/2016/10/aleppo"
    assert article.source == "Example News"
    assert article.id == "page"


def test_jsonl_records_carry_their_fields_and_integer_ids_become_strings(tmp_path):
    path = tmp_path / "articles.jsonl"
    rows = [
        {"id": "x1", "text": "Clashes in Homs.", "published": "2016-10-07T12:30:00Z",
         "title": "Homs", "url": "https://e.org/x1", "source": "Wire"},
        {"id": 2, "text": "Protest in Daraa.", "date": "2016-10-08"},
        {"id": "x3", "text": "Undated report from Hama."},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    articles, problems = read([path], published=date(2016, 1, 1))
    assert problems == []
    assert [(a.id, a.published) for a in articles] == [
        ("x1", date(2016, 10, 7)), ("2", date(2016, 10, 8)), ("x3", date(2016, 1, 1))]
    assert (articles[0].title, articles[0].url, articles[0].source) == (
        "Homs", "https://e.org/x1", "Wire")
    assert articles[1].path == f"{path}:2"


def test_csv_rows_with_quoted_multiline_text(tmp_path):
    path = tmp_path / "articles.csv"
    path.write_text('ID,Text,Published,Title\n'
                    'c1,"Shelling hit Aleppo.\nTwo died.",2016-10-07,First\n'
                    'c2,"Clashes near Mosul, officials said.",,Second\n', encoding="utf-8")
    articles, problems = read([path])
    assert problems == []
    assert [a.id for a in articles] == ["c1", "c2"]
    assert articles[0].text == "Shelling hit Aleppo.\nTwo died."
    assert articles[0].published == date(2016, 10, 7) and articles[1].published is None
    assert articles[1].title == "Second"


def test_rss_entries_become_articles_with_headline_text_date_and_link(tmp_path):
    path = tmp_path / "wire.xml"
    path.write_text(RSS, encoding="utf-8")
    articles, problems = read([path])
    assert problems == []
    first, second = articles
    assert first.id == "wire-a1"
    assert first.text == ("Shelling kills 3 in Idlib\n\n"
                          "Government shelling killed three civilians in Idlib.")
    assert first.published == date(2016, 10, 7)
    assert first.url == "https://wire.example.org/a1" and first.source == "Conflict Wire"
    assert second.id == "https://wire.example.org/a2"  # no guid: the link identifies it


def test_atom_feed_with_an_unusual_extension_is_sniffed(tmp_path):
    path = tmp_path / "atom.feed"
    path.write_text(ATOM, encoding="utf-8")
    (article,), problems = read([path])
    assert problems == []
    assert article.id == "urn:atom:1"
    assert article.text == "Clashes near Mosul\n\nClashes erupted near Mosul on Monday."
    assert article.published == date(2016, 10, 17)


def test_directories_are_recursive_sorted_and_skip_hidden_and_foreign_files(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("Two in Homs.")
    (tmp_path / "one.txt").write_text("One in Hama.")
    (tmp_path / "notes.md").write_text("not an article")
    (tmp_path / ".one.txt.tmp").write_text("half-written")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "three.txt").write_text("Three.")
    articles, problems = read([tmp_path])
    assert [a.id for a in articles] == ["two", "one"]  # sorted by path: b/two.txt < one.txt
    assert problems == []


def test_globs_expand_and_a_file_named_twice_is_read_once(tmp_path):
    for name in ("a.txt", "b.txt", "c.jsonl"):
        (tmp_path / name).write_text('{"id": "j", "text": "J."}' if name.endswith("l") else name)
    articles, _ = read([tmp_path / "*.txt", tmp_path / "a.txt"])
    assert [a.id for a in articles] == ["a", "b"]


def test_feed_urls_are_skipped_offline_with_a_problem(tmp_path):
    articles, problems = read(["https://wire.example.org/rss"])
    assert articles == []
    assert "offline" in str(problems[0]) and problems[0].path == "https://wire.example.org/rss"


def test_feed_urls_are_fetched_online(tmp_path):
    # A real HTTP server on loopback: the network edge, exercised for real.
    import http.server
    import threading

    class Handler(http.server.BaseHTTPRequestHandler):
        agent = None

        def do_GET(self):  # noqa: N802 (http.server's naming)
            Handler.agent = self.headers.get("User-Agent")
            body = RSS.encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/rss"
        articles, problems = read([url], offline=False, user_agent="geomap-test (t@example.org)")
    finally:
        server.shutdown()
    assert problems == [] and len(articles) == 2
    assert Handler.agent == "geomap-test (t@example.org)"
    assert os.path.basename(articles[0].path).startswith("rss#")
