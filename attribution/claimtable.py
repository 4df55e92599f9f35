"""The claims a corpus repeats: ``attribution claims`` as JSON, CSV and Markdown (rich tables in report.py).

A claim is listed when at least ``min_articles`` articles report it; each variant wording comes
with its differences from the claim's label marked word by word (``[-dropped-]`` ``{+added+}``),
which is where a misquotation or an edited quotation shows.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

from .chains import article_day, claim_items, claimed, corpus_chains
from .claims import Claim, build_claims
from .model import ArticleResult

__all__ = ["claims_csv", "claims_markdown", "repeated_claims"]


def repeated_claims(
    results: Sequence[ArticleResult], *, min_articles: int = 2, speaker: str | None = None
) -> list[Claim]:
    """The claims of ``results`` reported by ``min_articles`` or more articles, most articles first.

    ``speaker`` keeps the claims of speakers whose name contains it (case aside).
    """
    ordered = sorted(results, key=lambda r: (article_day(r.article.date) or "9999", r.article.id))
    claims, _ = build_claims(claim_items(claimed(corpus_chains(ordered))))
    wanted = speaker.casefold() if speaker else None
    keep = [
        c
        for c in claims
        if len(c.articles) >= min_articles and (wanted is None or any(wanted in s.casefold() for s in c.speakers))
    ]
    keep.sort(key=lambda c: (-len(c.articles), -len(c.items), c.first_seen or "9999", c.label))
    return keep


def claims_csv(claims: Sequence[Claim]) -> str:
    """One row per variant wording of each claim (the label's own row has an empty diff)."""
    buf = io.StringIO()
    cols = [
        "claim_id", "label", "kind", "speakers", "outlets", "n_articles", "n_outlets", "count", "first_seen",
        "last_seen", "variant", "variant_count", "diff",
    ]  # fmt: skip
    writer = csv.DictWriter(buf, fieldnames=cols)
    writer.writeheader()
    for c in claims:
        d = c.to_dict()
        for v in d["variants"]:
            writer.writerow(
                {
                    "claim_id": d["id"], "label": d["label"], "kind": d["kind"], "speakers": "; ".join(d["speakers"]),
                    "outlets": "; ".join(d["outlets"]), "n_articles": d["n_articles"], "n_outlets": d["n_outlets"],
                    "count": d["count"], "first_seen": d["first_seen"], "last_seen": d["last_seen"],
                    "variant": v["text"], "variant_count": v["count"], "diff": v["diff"] or "",
                }
            )  # fmt: skip
    return buf.getvalue()


def _md(s: Any) -> str:
    return str(s if s is not None else "").replace("|", "\\|")


def claims_markdown(claims: Sequence[Claim]) -> str:
    """A Markdown table of the claims, then each claim's variants with their word differences."""
    lines = ["| # | claim | speakers | outlets | articles | first | last | variants |", "|---" * 8 + "|"]
    for n, c in enumerate(claims, 1):
        lines.append(
            f"| {n} | {_md(c.label)} | {_md('; '.join(c.speakers))} | {_md('; '.join(c.outlets))} | "
            f"{len(c.articles)} | {_md(c.first_seen)} | {_md(c.last_seen)} | {len(c.variants)} |"
        )
    for n, c in enumerate(claims, 1):
        variants = [v for v in c.to_dict()["variants"] if v["diff"]]
        if variants:
            lines += ["", f"**{n}.** variants of “{_md(c.label)}”:", ""]
            lines += [f"- ×{v['count']}: {_md(v['diff'])}" for v in variants]
    return "\n".join(lines) + "\n"
