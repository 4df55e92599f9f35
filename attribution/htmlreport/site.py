"""A corpus as a folder of pages: an index, one page per article, and the source–claim graph.

Article texts are not stored with the results: each page re-reads its article from the path it was
analysed from and uses the text only if every quotation's offsets still point at its words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import orjson

from ..errors import InputError, OutputError
from ..graph import build_graph, top_sources, write_graphml
from ..ingest import article_from_bytes, safe_id
from ..model import ArticleResult
from .graphview import graph_data, vis_network_js
from .render import render_article, render_template
from .views import text_fits

__all__ = ["SiteSummary", "article_page_name", "read_article_text", "shared_claims", "write_pages", "write_site"]

ARTICLES_DIR = "articles"
TOP_SOURCES = 25
SHARED_MIN_ARTICLES = 2  # a claim "carried by several articles"
_JSONL_LINE = re.compile(r"^(?P<path>.+\.jsonl):(?P<line>\d+)$", re.IGNORECASE)


@dataclass(slots=True)
class SiteSummary:
    """What :func:`write_site` wrote."""

    index: Path
    pages: list[Path] = field(default_factory=list)
    without_text: list[str] = field(default_factory=list)  # article ids whose text could not be read back


def article_page_name(article_id: str) -> str:
    """The file name of an article's page (``<id>.html``, the id made safe for a file name)."""
    return f"{safe_id(article_id)}.html"


@lru_cache(maxsize=4)
def _line_starts(path: Path, mtime_ns: int) -> tuple[int, ...]:
    """Byte offsets of the lines of a JSONL file, read once per file (a corpus file holds many articles)."""
    starts, pos = [], 0
    with path.open("rb") as fh:
        for raw in fh:
            starts.append(pos)
            pos += len(raw)
    return tuple(starts)


def _jsonl_texts(path: Path, line: int) -> list[str]:
    """The string fields of one JSONL line (the text field's name is not kept with the result)."""
    try:
        starts = _line_starts(path, path.stat().st_mtime_ns)
        if not 1 <= line <= len(starts):
            return []
        with path.open("rb") as fh:
            fh.seek(starts[line - 1])
            obj = orjson.loads(fh.readline())
    except (OSError, orjson.JSONDecodeError):
        return []
    values = obj.values() if isinstance(obj, dict) else ()
    return [v.replace("\r\n", "\n").replace("\r", "\n") for v in values if isinstance(v, str)]


def _file_text(path: Path) -> list[str]:
    try:
        return [article_from_bytes(path.read_bytes(), str(path), suffix=path.suffix.lower()).text]
    except (OSError, InputError):
        return []


def read_article_text(result: ArticleResult) -> str | None:
    """The article's text, re-read from its path, if it still fits the quotation offsets; else ``None``."""
    if result.article.text:
        return result.article.text
    where = result.article.path
    if not where:
        return None
    m = _JSONL_LINE.match(where)
    candidates = _jsonl_texts(Path(m["path"]), int(m["line"])) if m else _file_text(Path(where))
    return next((t for t in candidates if text_fits(t, result.quotes)), None)


def _write(path: Path, html: str) -> Path:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.tmp")
        tmp.write_text(html, encoding="utf-8")
        tmp.replace(path)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write the page ({exc.strerror})") from exc
    return path


def write_pages(
    results: Iterable[ArticleResult], folder: Path, *, index_href: str | None = None
) -> tuple[list[Path], list[str]]:
    """Write one page per article into ``folder``; return the pages and the ids shown without text."""
    pages, without = [], []
    for r in results:
        text = read_article_text(r)
        if text is None:
            without.append(r.article.id)
        pages.append(_write(folder / article_page_name(r.article.id), render_article(r, text, index_href=index_href)))
    return pages, without


def shared_claims(G: Any, *, min_articles: int = SHARED_MIN_ARTICLES) -> list[dict[str, Any]]:
    """Claims carried by ``min_articles`` articles or more, most carried first, from the graph's claim nodes."""
    rows = []
    for node, d in G.nodes(data=True):
        if d.get("type") != "claim":
            continue
        articles = sorted(d.get("articles") or [])
        if len(articles) < min_articles:
            continue
        speakers = sorted({G.nodes[u]["label"] for u, _, e in G.in_edges(node, data=True) if e.get("type") == "said"})
        outlets = sorted({G.nodes[v]["label"] for _, v, e in G.out_edges(node, data=True) if e.get("type") == "via"})
        rows.append({"label": d.get("label"), "articles": articles, "speakers": speakers, "outlets": outlets})
    rows.sort(key=lambda r: (-len(r["articles"]), r["label"] or ""))
    return rows


def _sort_key(r: ArticleResult) -> tuple[bool, str, str]:
    return (r.article.date is None, r.article.date or "", (r.article.title or r.article.id).casefold())


def _article_rows(results: Sequence[ArticleResult], without: set[str]) -> list[dict[str, Any]]:
    return [
        {
            "id": r.article.id,
            "title": r.article.title or r.article.id,
            "outlet": r.article.outlet,
            "date": r.article.date,
            "quotes": len(r.quotes),
            "sources": len(r.sources),
            "href": f"{ARTICLES_DIR}/{article_page_name(r.article.id)}",
            "has_text": r.article.id not in without,
        }
        for r in sorted(results, key=_sort_key)
    ]


def write_site(results: Sequence[ArticleResult], site: Path) -> SiteSummary:
    """Write ``site/index.html``, ``site/articles/<id>.html``, ``site/graph.html`` and ``site/graph.graphml``.

    Raises:
        OutputError: a page cannot be written.
    """
    results = list(results)
    G = build_graph(results)
    pages, without = write_pages(results, site / ARTICLES_DIR, index_href="../index.html")
    rows = _article_rows(results, set(without))
    titles = {row["id"]: row for row in rows}
    data = graph_data(G, page_of={r.article.id: f"{ARTICLES_DIR}/{article_page_name(r.article.id)}" for r in results})
    _write(site / "graph.html", render_template("graph.html.j2", data=data, vis_js=vis_network_js()))
    write_graphml(G, site / "graph.graphml")
    index = render_template(
        "index.html.j2",
        articles=rows,
        titles=titles,
        sources=top_sources(G, TOP_SOURCES),
        claims=shared_claims(G),
        n_quotes=sum(len(r.quotes) for r in results),
    )
    summary = SiteSummary(index=_write(site / "index.html", index), pages=pages, without_text=without)
    return summary
