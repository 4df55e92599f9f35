"""The store keeps dates, gender and anonymity reasons; a store of the old schema still opens."""

from __future__ import annotations

import sqlite3

import orjson
from typer.testing import CliRunner

from attribution.cli import app
from attribution.model import (
    Article,
    ArticleResult,
    Gender,
    Quote,
    QuoteKind,
    Source,
    SourceKind,
    Span,
    SpeakerMention,
)
from attribution.report import report_rows
from attribution.store import STORE_NAME, Store

OLD_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO meta VALUES ('app', 'attribution'), ('schema_version', '1');
CREATE TABLE articles (
    id TEXT PRIMARY KEY, path TEXT, title TEXT, outlet TEXT, date TEXT, text_sha1 TEXT NOT NULL,
    version_key TEXT NOT NULL, n_quotes INTEGER NOT NULL, result TEXT NOT NULL, analysed_at REAL NOT NULL
);
CREATE TABLE quotes (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, quote_id TEXT NOT NULL, kind TEXT NOT NULL,
    text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, cue TEXT, cue_lemma TEXT, cue_tier TEXT,
    speaker_mention TEXT, speaker TEXT, speaker_kind TEXT, role TEXT, affiliation TEXT, source_id TEXT,
    outlet TEXT, outlet_kind TEXT, continues TEXT, paragraph INTEGER, sentence INTEGER, confidence REAL,
    PRIMARY KEY (article_id, quote_id)
);
CREATE TABLE sources (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, source_id TEXT NOT NULL, name TEXT NOT NULL,
    kind TEXT NOT NULL, short TEXT, role TEXT, affiliation TEXT, n_quotes INTEGER NOT NULL,
    PRIMARY KEY (article_id, source_id)
);
INSERT INTO articles VALUES ('old', NULL, 'Old', 'AP', '2016-01-02', 'x', 'v', 0,
    '{"article": {"id": "old", "path": null, "title": "Old", "outlet": "AP", "date": "2016-01-02"}}', 0);
"""


def _result() -> ArticleResult:
    sp = SpeakerMention("she", 0, 3, "Jane Roe", SourceKind.PERSON, source_id="person:jane-roe")
    anon = SpeakerMention("an official", 10, 21, "official", SourceKind.ANONYMOUS, source_id="anon:official")
    quotes = (
        Quote("q1", QuoteKind.DIRECT, Span("We will win", 30, 41), speaker=sp),
        Quote("q2", QuoteKind.INDIRECT, Span("talks stalled", 50, 63), speaker=anon, negated=True),
        Quote("q3", QuoteKind.INDIRECT, Span("it would help", 70, 83), speaker=sp, hypothetical=True),
    )
    sources = (
        Source("person:jane-roe", "Jane Roe", SourceKind.PERSON, gender=Gender.FEMALE),
        Source("anon:official", "official", SourceKind.ANONYMOUS, anonymity_reason="not authorized to speak"),
    )
    return ArticleResult(
        Article("new", "", title="New", outlet="Reuters", date="2016-03-04"),
        quotes,
        sources,
        {"person:jane-roe": ("q1", "q3"), "anon:official": ("q2",)},
    )


def test_old_store_opens_and_takes_new_columns(tmp_path):
    path = tmp_path / STORE_NAME
    db = sqlite3.connect(path)
    db.executescript(OLD_SCHEMA)
    db.close()
    with Store(path) as store:
        assert store.count() == 1
        store.save(_result(), text_sha1="y", version_key="v")
        rows = store.db.execute("SELECT source_id, gender, anonymity_reason FROM sources ORDER BY source_id").fetchall()
        version = store.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0]
    assert rows == [("anon:official", None, "not authorized to speak"), ("person:jane-roe", "female", None)]
    assert version == "3"


def test_export_carries_date_and_gender(tmp_path):
    with Store(tmp_path / STORE_NAME) as store:
        store.save(_result(), text_sha1="y", version_key="v")
    r = CliRunner().invoke(app, ["export", str(tmp_path), "--format", "jsonl"])
    assert r.exit_code == 0, r.output
    rows = [orjson.loads(line) for line in r.stdout.splitlines()]
    got = [(x["quote_id"], x["article_date"], x["speaker_gender"], x["negated"], x["hypothetical"]) for x in rows]
    assert got == [
        ("q1", "2016-03-04", "female", 0, 0),
        ("q2", "2016-03-04", None, 1, 0),
        ("q3", "2016-03-04", "female", 0, 1),
    ]


def test_the_terminal_report_marks_what_was_not_said_or_only_imagined():
    rows = report_rows(_result())
    assert [r["cue"] for r in rows] == ["", "(not said)", "(hypothetical)"]
