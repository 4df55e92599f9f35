"""`attribution claims` and `attribution sources --by` on a small corpus of hand-written results."""

from __future__ import annotations

import csv
import io

import orjson
import pytest
from typer.testing import CliRunner

from attribution import model
from attribution.cli import app
from attribution.stats import quoted_by

from .test_claim_graph import corpus

runner = CliRunner()


@pytest.fixture(scope="module")
def results_dir(tmp_path_factory):
    d = tmp_path_factory.mktemp("results")
    for r in corpus():
        (d / f"{r.article.id}.json").write_bytes(model.dumps(r))
    return d


def _run(*args: str) -> str:
    r = runner.invoke(app, list(args))
    assert r.exit_code == 0, r.output
    return r.stdout


def test_claims_json(results_dir):
    rows = orjson.loads(_run("claims", str(results_dir), "--format", "json"))
    assert len(rows) == 1
    c = rows[0]
    assert c["n_articles"] == 4 and c["speakers"] == ["Noah Bonsey"]
    assert c["outlets"] == ["Al Jazeera", "BBC", "Guardian", "Reuters"]
    assert (c["first_seen"], c["last_seen"]) == ("2016-05-01", "2016-05-04")
    diffs = [v["diff"] for v in c["variants"] if v["diff"]]
    assert any("{+very+}" in d for d in diffs)  # the word a3 added
    assert any("[-Based" in d for d in diffs)  # the words a2 left out


def test_claims_filters(results_dir):
    assert orjson.loads(_run("claims", str(results_dir), "-f", "json", "--speaker", "putin")) == []
    assert len(orjson.loads(_run("claims", str(results_dir), "-f", "json", "--speaker", "BONSEY"))) == 1
    assert len(orjson.loads(_run("claims", str(results_dir), "-f", "json", "--min-articles", "1"))) == 5


def test_claims_csv_markdown_table(results_dir):
    rows = list(csv.DictReader(io.StringIO(_run("claims", str(results_dir), "--format", "csv"))))
    assert len(rows) == 3 and {r["n_articles"] for r in rows} == {"4"}
    md = _run("claims", str(results_dir), "--format", "markdown")
    assert md.startswith("| # | claim |") and "{+very+}" in md
    assert "Noah Bonsey" in _run("claims", str(results_dir))


def test_sources_by_outlet(results_dir):
    rows = orjson.loads(_run("sources", str(results_dir), "--by", "outlet", "--format", "json"))
    guardian = next(r for r in rows if r["outlet"] == "Guardian")
    assert guardian["quotes"] == 4 and guardian["person_share"] == 1.0
    assert guardian["male"] == 2 and guardian["unknown"] == 2  # Bonsey (2 quotes) is "he"; Putin, Peskov unstated
    assert guardian["top_sources"][0] == {"name": "Noah Bonsey", "quotes": 2}
    jazeera = next(r for r in rows if r["outlet"] == "Al Jazeera")
    assert jazeera["quotes"] == 2  # a split quotation counts once


def test_sources_by_month_and_article(results_dir):
    months = orjson.loads(_run("sources", str(results_dir), "--by", "month", "-f", "json"))
    assert [(m["month"], m["quotes"]) for m in months] == [("2016-05", 8)]
    rows = list(csv.DictReader(io.StringIO(_run("sources", str(results_dir), "--by", "article", "-f", "csv"))))
    assert rows[0]["article"] == "a1" and "Noah Bonsey (2)" in rows[0]["top_sources"]
    assert "Guardian" in _run("sources", str(results_dir), "--by", "outlet")
    assert _run("sources", str(results_dir), "--by", "outlet", "-f", "markdown").startswith("| outlet |")


def test_anonymous_share():
    from attribution.model import Article, ArticleResult, Quote, QuoteKind, Source, SourceKind, Span, SpeakerMention

    anon = SpeakerMention("an official", 0, 11, "official", SourceKind.ANONYMOUS, source_id="anon:official")
    r = ArticleResult(
        Article("x", "", outlet="AP"),
        (Quote("q1", QuoteKind.INDIRECT, Span("talks stalled", 0, 13), speaker=anon),
         Quote("q2", QuoteKind.DIRECT, Span("no comment", 0, 10))),
        (Source("anon:official", "official", SourceKind.ANONYMOUS, anonymity_reason="not authorized"),),
    )  # fmt: skip
    (row,) = quoted_by([r], "outlet")
    assert row["anonymous_share"] == 0.5 and row["unattributed_share"] == 0.5
