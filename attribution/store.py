"""The results store: one SQLite file per output folder (``OUT/attribution.sqlite``).

Tables: ``meta`` (schema and tool), ``runs`` (tool and model versions of each run), ``articles``
(one row per analysed article, with its date and full JSON result), ``quotes``, ``sources``
(with ``gender`` and ``anonymity_reason``), ``aliases`` (flat, for SQL and spreadsheets) and
``errors``.  A store written by an older version opens: missing columns are added (NULL).
Each article is written in one transaction, so a run killed at any point leaves a store that
opens, and a rerun skips what is done.
All SQL takes parameters; no article text is ever formatted into a statement.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from . import model
from .errors import OutputError
from .model import ArticleResult

__all__ = ["STORE_NAME", "Store"]

STORE_NAME = "attribution.sqlite"
SCHEMA_VERSION = "3"  # 2: sources.gender, sources.anonymity_reason, quotes.speaker_gender; 3: quotes.negated
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY, started REAL NOT NULL, finished REAL, tool_version TEXT NOT NULL,
    models TEXT NOT NULL, analysed INTEGER DEFAULT 0, skipped INTEGER DEFAULT 0, failed INTEGER DEFAULT 0
);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY, path TEXT, title TEXT, outlet TEXT, date TEXT, text_sha1 TEXT NOT NULL,
    version_key TEXT NOT NULL, n_quotes INTEGER NOT NULL, result TEXT NOT NULL, analysed_at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS quotes (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, quote_id TEXT NOT NULL, kind TEXT NOT NULL,
    text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, cue TEXT, cue_lemma TEXT, cue_tier TEXT,
    speaker_mention TEXT, speaker TEXT, speaker_kind TEXT, role TEXT, affiliation TEXT, source_id TEXT,
    outlet TEXT, outlet_kind TEXT, continues TEXT, paragraph INTEGER, sentence INTEGER, confidence REAL,
    speaker_gender TEXT, negated INTEGER, hypothetical INTEGER, PRIMARY KEY (article_id, quote_id)
);
CREATE TABLE IF NOT EXISTS sources (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, source_id TEXT NOT NULL, name TEXT NOT NULL,
    kind TEXT NOT NULL, short TEXT, role TEXT, affiliation TEXT, n_quotes INTEGER NOT NULL, gender TEXT,
    anonymity_reason TEXT, PRIMARY KEY (article_id, source_id)
);
CREATE TABLE IF NOT EXISTS aliases (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, source_id TEXT NOT NULL, alias TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS errors (
    id INTEGER PRIMARY KEY, run_id INTEGER, input TEXT NOT NULL, message TEXT NOT NULL, at REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS quotes_source ON quotes(source_id);
"""
_QUOTE_COLS = (
    "article_id", "quote_id", "kind", "text", "start", "end", "cue", "cue_lemma", "cue_tier", "speaker_mention",
    "speaker", "speaker_kind", "role", "affiliation", "source_id", "outlet", "outlet_kind", "continues",
    "paragraph", "sentence", "confidence", "speaker_gender", "negated", "hypothetical",
)  # fmt: skip
_SOURCE_COLS = (
    "article_id", "source_id", "name", "kind", "short", "role", "affiliation", "n_quotes", "gender", "anonymity_reason",
)  # fmt: skip
# Columns added after schema 1: a store written by an older version gets them on opening.
_ADDED_COLUMNS = {
    "quotes": {"speaker_gender": "TEXT", "negated": "INTEGER", "hypothetical": "INTEGER"},
    "sources": {"gender": "TEXT", "anonymity_reason": "TEXT"},
}


class Store:
    """An attribution results store in a SQLite file.

    Raises:
        OutputError: the file is not a SQLite database, or is one that another program made.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            self.db = sqlite3.connect(self.path, timeout=30)
            self.db.execute("PRAGMA foreign_keys = ON")
            self.db.execute("PRAGMA journal_mode = WAL")
            tables = {r[0] for r in self.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if tables and "meta" not in tables:
                raise OutputError(f"{self.path}: a SQLite file of another program, not an attribution store")
            if "meta" in tables:
                app = self.db.execute("SELECT value FROM meta WHERE key = 'app'").fetchone()
                if app is None or app[0] != "attribution":
                    raise OutputError(f"{self.path}: a SQLite file of another program, not an attribution store")
            with self.db:
                self.db.executescript(_SCHEMA)
                self._add_missing_columns()
                self.db.execute("INSERT OR IGNORE INTO meta VALUES ('app', 'attribution')")
                self.db.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", (SCHEMA_VERSION,))
        except sqlite3.DatabaseError as exc:
            raise OutputError(
                f"{self.path}: not a usable SQLite store ({exc}); move it away or choose another --out"
            ) from exc

    def _add_missing_columns(self) -> None:
        """Bring a store written by an older version up to this schema (new columns stay NULL)."""
        for table, columns in _ADDED_COLUMNS.items():
            have = {r[1] for r in self.db.execute(f"PRAGMA table_info({table})")}
            for name, sqltype in columns.items():
                if name not in have:
                    self.db.execute(f'ALTER TABLE {table} ADD COLUMN "{name}" {sqltype}')

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- runs -----------------------------------------------------------------------------
    def start_run(self, tool_version: str, models: str) -> int:
        with self.db:
            cur = self.db.execute(
                "INSERT INTO runs (started, tool_version, models) VALUES (?, ?, ?)", (time.time(), tool_version, models)
            )
        return int(cur.lastrowid or 0)

    def finish_run(self, run_id: int, *, analysed: int, skipped: int, failed: int) -> None:
        with self.db:
            self.db.execute(
                "UPDATE runs SET finished = ?, analysed = ?, skipped = ?, failed = ? WHERE id = ?",
                (time.time(), analysed, skipped, failed, run_id),
            )

    # --- articles -------------------------------------------------------------------------
    def is_done(self, article_id: str, text_sha1: str, version_key: str) -> bool:
        row = self.db.execute(
            "SELECT 1 FROM articles WHERE id = ? AND text_sha1 = ? AND version_key = ?",
            (article_id, text_sha1, version_key),
        ).fetchone()
        return row is not None

    def save(self, result: ArticleResult, *, text_sha1: str, version_key: str) -> None:
        """Write one article's result in a single transaction (replacing an older one)."""
        a = result.article
        gender_of = {s.id: str(s.gender) for s in result.sources if s.gender is not None}
        rows = [
            tuple(r[c] if c != "article_id" else a.id for c in _QUOTE_COLS)
            for r in (_quote_row(q, gender_of) for q in result.to_dict()["quotes"])
        ]
        with self.db:
            self.db.execute("DELETE FROM articles WHERE id = ?", (a.id,))
            self.db.execute(
                "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (a.id, a.path, a.title, a.outlet, a.date, text_sha1, version_key, len(result.quotes),
                 model.dumps(result).decode("utf-8"), time.time()),
            )  # fmt: skip
            cols = ", ".join(f'"{c}"' for c in _QUOTE_COLS)
            marks = ", ".join("?" for _ in _QUOTE_COLS)
            self.db.executemany(f"INSERT INTO quotes ({cols}) VALUES ({marks})", rows)
            source_cols = ", ".join(f'"{c}"' for c in _SOURCE_COLS)
            source_marks = ", ".join("?" for _ in _SOURCE_COLS)
            for s in result.sources:
                n = len(result.quote_ids_by_source.get(s.id, ()))
                gender = None if s.gender is None else str(s.gender)
                self.db.execute(
                    f"INSERT INTO sources ({source_cols}) VALUES ({source_marks})",
                    (a.id, s.id, s.name, str(s.kind), s.short, s.role, s.affiliation, n, gender, s.anonymity_reason),
                )
                self.db.executemany(
                    "INSERT INTO aliases VALUES (?, ?, ?)", [(a.id, s.id, alias) for alias in s.aliases]
                )

    def record_error(self, run_id: int | None, input_name: str, message: str) -> None:
        with self.db:
            self.db.execute(
                "INSERT INTO errors (run_id, input, message, at) VALUES (?, ?, ?, ?)",
                (run_id, input_name, message, time.time()),
            )

    def clear_error(self, input_name: str) -> None:
        with self.db:
            self.db.execute("DELETE FROM errors WHERE input = ?", (input_name,))

    def errors(self) -> list[dict[str, Any]]:
        cur = self.db.execute("SELECT input, message, at, run_id FROM errors ORDER BY id")
        return [{"input": r[0], "message": r[1], "at": r[2], "run": r[3]} for r in cur]

    def results(self) -> Iterator[ArticleResult]:
        for (data,) in self.db.execute("SELECT result FROM articles ORDER BY id"):
            yield model.loads_result(data)

    def count(self) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    def quote_rows(self) -> Iterator[dict[str, Any]]:
        cols = ", ".join(f'q."{c}"' for c in _QUOTE_COLS)
        cur = self.db.execute(
            f"SELECT {cols}, a.title, a.outlet, a.date, a.path FROM quotes q JOIN articles a ON a.id = q.article_id "
            "ORDER BY q.article_id, q.start"
        )
        names = [*_QUOTE_COLS, "article_title", "article_outlet", "article_date", "article_path"]
        for row in cur:
            yield dict(zip(names, row, strict=True))


def _quote_row(q: dict[str, Any], gender_of: dict[str, str]) -> dict[str, Any]:
    cue, sp, out = q["cue"] or {}, q["speaker"] or {}, q["outlet"] or {}
    return {
        "article_id": None, "quote_id": q["id"], "kind": q["kind"], "text": q["text"], "start": q["start"],
        "end": q["end"], "cue": cue.get("text"), "cue_lemma": cue.get("lemma"), "cue_tier": cue.get("tier"),
        "speaker_mention": sp.get("mention"), "speaker": sp.get("name"), "speaker_kind": sp.get("kind"),
        "role": sp.get("role"), "affiliation": sp.get("affiliation"), "source_id": sp.get("source_id"),
        "outlet": out.get("name"), "outlet_kind": out.get("kind"), "continues": q["continues"],
        "paragraph": q["paragraph"], "sentence": q["sentence"], "confidence": q["confidence"],
        "speaker_gender": sp.get("gender") or gender_of.get(sp.get("source_id") or ""),
        "negated": int(bool(q.get("negated"))),
        "hypothetical": int(bool(q.get("hypothetical"))),
    }  # fmt: skip
