"""Article dates: from HTML metadata (trafilatura) and JSONL fields, to the day the graph and stats use."""

from __future__ import annotations

import orjson

from attribution.chains import article_day
from attribution.ingest import JsonlFields, iter_articles, read_article

PARAGRAPH = (
    "The ministry said on Monday that the talks would resume next week, after a pause of several days. "
    "Officials from both sides are expected to attend the meeting in the capital, the statement added. "
)
HTML = f"""<!doctype html><html><head><title>Talks resume</title>
<meta property="article:published_time" content="2016-09-12T10:30:00+00:00">
<meta property="og:site_name" content="Example News"></head>
<body><article><h1>Talks resume</h1>{"".join(f"<p>{PARAGRAPH}</p>" for _ in range(6))}</article></body></html>"""


def test_html_date_from_metadata(tmp_path):
    page = tmp_path / "talks.html"
    page.write_text(HTML, encoding="utf-8")
    a = read_article(page)
    assert a.date == "2016-09-12" and a.outlet == "Example News"


def test_jsonl_date_field(tmp_path):
    f = tmp_path / "a.jsonl"
    rows = [{"id": "x", "text": PARAGRAPH, "pubdate": "2016-10-04T08:00:00Z"}, {"id": "y", "text": PARAGRAPH}]
    f.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in rows))
    arts = list(iter_articles([f], fields=JsonlFields(date="pubdate")))
    assert [article_day(a.date) for a in arts] == ["2016-10-04", None]


def test_article_day():
    assert article_day("2016-02-30") is None  # not a day
    assert article_day("2016-02-29 12:00") == "2016-02-29"
