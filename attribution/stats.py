"""Who gets quoted: quotations per outlet, article or month, with their shares by source kind and gender.

A quotation is a chain (a split quotation counts once).  Shares by kind are of all quotations
(``unattributed``: no speaker found); shares by gender are of the quotations by persons, with the
gender the article itself states (pronouns, honorifics), ``unknown`` where it states none.
The anonymous share is the share of quotations whose source is anonymous.
"""

from __future__ import annotations

import csv
import io
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

from .chains import Chain, article_day, corpus_chains
from .model import ArticleResult

__all__ = ["GROUPINGS", "KINDS", "SUMMARY_HEADERS", "quoted_by", "rows_csv", "rows_markdown", "summary_cells"]

GROUPINGS = ("outlet", "article", "month")
KINDS = ("person", "organization", "group", "anonymous", "document", "unattributed")
GENDERS = ("female", "male", "unknown")
TOP = 3
UNKNOWN_OUTLET = "(unknown outlet)"
UNDATED = "(undated)"


def _group(chain: Chain, by: str) -> str:
    a = chain.result.article
    if by == "outlet":
        return a.outlet or UNKNOWN_OUTLET
    if by == "article":
        return a.id
    day = article_day(a.date)
    return day[:7] if day else UNDATED


def _share(n: int, total: int) -> float:
    return round(n / total, 4) if total else 0.0


def _row(by: str, group: str, chains: list[Chain], top: int) -> dict[str, Any]:
    kinds = Counter(str(c.speaker.kind) if c.speaker else "unattributed" for c in chains)
    persons = [c for c in chains if c.speaker is not None and str(c.speaker.kind) == "person"]
    genders = Counter(c.gender if c.gender in GENDERS else "unknown" for c in persons)
    sources = Counter(c.speaker_name for c in chains if c.speaker_name)
    row: dict[str, Any] = {
        by: group,
        "articles": len({c.result.article.id for c in chains}),
        "quotes": len(chains),
    }
    for k in KINDS:
        row[k] = kinds.get(k, 0)
        row[f"{k}_share"] = _share(kinds.get(k, 0), len(chains))
    for g in GENDERS:
        row[g] = genders.get(g, 0)
        row[f"{g}_share"] = _share(genders.get(g, 0), len(persons))
    ranked = sorted(sources.items(), key=lambda x: (-x[1], x[0]))[:top]
    row["top_sources"] = [{"name": n, "quotes": q} for n, q in ranked]
    return row


def quoted_by(results: Sequence[ArticleResult], by: str = "outlet", *, top: int = TOP) -> list[dict[str, Any]]:
    """One row per group (``outlet``, ``article`` or ``month``): counts and shares; most quotations first.

    Each row starts with the group under the key ``by`` (``{"outlet": "Reuters", "articles": …}``).

    Raises:
        ValueError: ``by`` is not one of :data:`GROUPINGS`.
    """
    if by not in GROUPINGS:
        raise ValueError(f"--by must be one of {', '.join(GROUPINGS)}, not {by!r}")
    groups: dict[str, list[Chain]] = defaultdict(list)
    for chain in corpus_chains(results):
        groups[_group(chain, by)].append(chain)
    rows = [_row(by, g, chains, top) for g, chains in groups.items()]
    if by == "month":
        rows.sort(key=lambda r: r[by])
    else:
        rows.sort(key=lambda r: (-r["quotes"], r[by]))
    return rows


def _flat(row: dict[str, Any]) -> dict[str, Any]:
    out = {k: v for k, v in row.items() if k != "top_sources"}
    out["top_sources"] = "; ".join(f"{s['name']} ({s['quotes']})" for s in row["top_sources"])
    return out


def rows_csv(rows: list[dict[str, Any]]) -> str:
    """The rows as CSV (top sources joined as ``Name (n); …``)."""
    buf = io.StringIO()
    flat = [_flat(r) for r in rows]
    writer = csv.DictWriter(buf, fieldnames=list(flat[0]) if flat else ["quotes"])
    writer.writeheader()
    writer.writerows(flat)
    return buf.getvalue()


def _pct(x: float) -> str:
    return f"{100 * x:.0f}%"


def summary_cells(row: dict[str, Any]) -> list[str]:
    """The cells of one row as the table and Markdown show them."""
    return [
        str(next(iter(row.values()))),  # the group: the first field
        str(row["articles"]),
        str(row["quotes"]),
        *(_pct(row[f"{k}_share"]) for k in KINDS),
        *(_pct(row[f"{g}_share"]) for g in GENDERS),
        "; ".join(f"{s['name']} ({s['quotes']})" for s in row["top_sources"]),
    ]


SUMMARY_HEADERS = [
    "group", "articles", "quotes", "person", "org", "group", "anon", "doc", "none",
    "female", "male", "gender n/s", "top sources",
]  # fmt: skip


def rows_markdown(rows: list[dict[str, Any]], by: str) -> str:
    """The rows as a Markdown table (shares of kinds over all quotations; of genders over persons)."""
    headers = [by, *SUMMARY_HEADERS[1:]]
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    for r in rows:
        cells = [c.replace("|", "\\|") for c in summary_cells(r)]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"
