"""Reports: a rich table per article, Markdown, and flat rows for spreadsheets.

All article text shown through rich is wrapped in ``Text`` (never parsed as markup: news text
holds ``[the deal]``).
"""

from __future__ import annotations

from typing import Any

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from .model import ArticleResult

__all__ = [
    "flat_rows", "render_claims", "render_eval", "render_markdown", "render_quoted_by", "render_sources",
    "render_table", "report_rows",
]  # fmt: skip

QUOTE_CHARS = 70


def _shorten(s: str, n: int = QUOTE_CHARS) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1].rstrip() + "…"


def _title(result: ArticleResult) -> str:
    a = result.article
    return f"{a.id}: {a.title}" if a.title and a.title != a.id else a.id


def _short_of(result: ArticleResult, name: str | None) -> str | None:
    if not name:
        return None
    for s in result.sources:
        if s.name == name:
            return s.short
    return None


def _with(name: str | None, extra: str | None) -> str:
    if not name:
        return ""
    return f"{name} ({extra})" if extra and extra != name else name


def report_rows(result: ArticleResult) -> list[dict[str, str]]:
    """One display row per quotation: #, kind, speaker, role / affiliation, outlet, cue, quote."""
    rows = []
    for n, q in enumerate(result.quotes, 1):
        sp = q.speaker
        speaker = ""
        role = ""
        if sp is not None:
            src = next((s for s in result.sources if s.id == sp.source_id), None)
            short = src.short if src else None
            speaker = _with(sp.name, sp.mention if sp.mention != sp.name and len(sp.mention) < 40 else None)
            if short and short not in speaker:
                speaker = f"{speaker} [{short}]"
            r = sp.role or (src.role if src else None)
            aff = sp.affiliation or (src.affiliation if src else None)
            role = " / ".join(x for x in (r, _with(aff, _short_of(result, aff))) if x)
        kind = str(q.kind) + (f" ↪{q.continues}" if q.continues else "")
        outlet = _with(q.outlet.name, q.outlet.mention) if q.outlet else ""
        flags = ("(not said)" if q.negated else "", "(hypothetical)" if q.hypothetical else "")
        cue = " ".join(x for x in (q.cue.text if q.cue else "", *flags) if x)
        rows.append(
            {
                "#": str(n),
                "kind": kind,
                "speaker": speaker,
                "role / affiliation": role,
                "outlet": outlet,
                "cue": cue,
                "quote": _shorten(q.content.text),
            }
        )
    return rows


def render_table(result: ArticleResult, *, show_wider: bool = True) -> Group:
    """Return a rich renderable: the quotations table, then the sources table."""
    title = Text(_title(result), style="bold")
    quotes = Table(title=title, show_lines=True)
    for col, kw in (
        ("#", {"justify": "right", "no_wrap": True}),
        ("kind", {"no_wrap": True}),
        ("speaker", {"max_width": 30}),
        ("role / affiliation", {"max_width": 30}),
        ("outlet", {"max_width": 24}),
        ("cue", {"no_wrap": True}),
        ("quote", {"min_width": 30, "max_width": 60}),
    ):
        quotes.add_column(col, **kw)
    for row, q in zip(report_rows(result), result.quotes, strict=True):
        if not show_wider and q.cue is not None and str(q.cue.tier) == "wider":
            continue
        quotes.add_row(*(Text(v) for v in row.values()))
    sources = Table(title=Text("Sources", style="bold"))
    for col in SOURCE_COLUMNS:
        sources.add_column(col)
    for cells in source_rows(result):
        sources.add_row(*(Text(c) for c in cells))
    return Group(quotes, sources)


SOURCE_COLUMNS = ("source", "kind", "gender", "short", "role / affiliation", "aliases", "quotes")


def source_rows(result: ArticleResult) -> list[tuple[str, ...]]:
    """One row per source: name, kind (with the anonymity reason), gender, short form, role, aliases, count."""
    rows = []
    for s in result.sources:
        kind = str(s.kind) + (f" ({s.anonymity_reason})" if s.anonymity_reason else "")
        rows.append((
            s.name, kind, "" if s.gender is None else str(s.gender), s.short or "",
            " / ".join(x for x in (s.role, s.affiliation) if x), ", ".join(a for a in s.aliases if a != s.name),
            str(len(result.quote_ids_by_source.get(s.id, ()))),
        ))  # fmt: skip
    return rows


def print_table(result: ArticleResult, console: Console, *, show_wider: bool = True) -> None:
    console.print(render_table(result, show_wider=show_wider))


def _md_cell(s: str) -> str:
    return s.replace("|", "\\|").replace("\n", " ")


def render_markdown(result: ArticleResult) -> str:
    """Render the quotations and sources of one article as Markdown tables."""
    rows = report_rows(result)
    head = list(rows[0]) if rows else ["#", "kind", "speaker", "role / affiliation", "outlet", "cue", "quote"]
    lines = [f"## {_md_cell(_title(result))}", ""]
    lines.append("| " + " | ".join(head) + " |")
    lines.append("|" + "---|" * len(head))
    for r in rows:
        lines.append("| " + " | ".join(_md_cell(r[h]) for h in head) + " |")
    lines += [
        "",
        "### Sources",
        "",
        "| " + " | ".join(SOURCE_COLUMNS) + " |",
        "|" + "---|" * len(SOURCE_COLUMNS),
    ]
    lines += ["| " + " | ".join(_md_cell(c) for c in cells) + " |" for cells in source_rows(result)]
    return "\n".join(lines) + "\n"


def flat_rows(result: ArticleResult) -> list[dict[str, Any]]:
    """One flat row per quotation for CSV / JSONL export (pandas, spreadsheets)."""
    a = result.article
    out = []
    for q in result.quotes:
        sp = q.speaker
        out.append(
            {
                "article_id": a.id,
                "article_title": a.title,
                "article_outlet": a.outlet,
                "article_date": a.date,
                "quote_id": q.id,
                "kind": str(q.kind),
                "text": q.content.text,
                "start": q.content.start,
                "end": q.content.end,
                "cue": q.cue.text if q.cue else None,
                "cue_lemma": q.cue.lemma if q.cue else None,
                "cue_tier": str(q.cue.tier) if q.cue else None,
                "speaker_mention": sp.mention if sp else None,
                "speaker": sp.name if sp else None,
                "speaker_kind": str(sp.kind) if sp else None,
                "role": sp.role if sp else None,
                "affiliation": sp.affiliation if sp else None,
                "source_id": sp.source_id if sp else None,
                "outlet": q.outlet.name if q.outlet else None,
                "outlet_kind": str(q.outlet.kind) if q.outlet else None,
                "continues": q.continues,
                "paragraph": q.paragraph,
                "sentence": q.sentence,
                "confidence": q.confidence,
                "negated": q.negated,
                "hypothetical": q.hypothetical,
            }
        )
    return out


def render_eval(figures: dict[str, Any]) -> Group:
    """Tables of an evaluation: P/R/F1, speaker and cue accuracy per subset and overlap, then per kind."""
    main = Table(title=Text(f"Attribution accuracy ({figures['articles']} articles)", style="bold"))
    for col in ("subset", "overlap", "P", "R", "F1", "speaker strict", "speaker loose", "cue F1", "tp", "fp", "fn"):
        main.add_column(col, justify="right" if col not in {"subset"} else "left")
    kinds = Table(title=Text("By kind (overlap 0.3)", style="bold"))
    for col in ("subset", "kind", "P", "R", "F1", "tp", "fp", "fn"):
        kinds.add_column(col)
    for subset in ("speech", "all"):
        for key, c in figures.get(subset, {}).items():
            main.add_row(
                subset, key.removeprefix("overlap_"), f"{c['precision']:.3f}", f"{c['recall']:.3f}", f"{c['f1']:.3f}",
                f"{c['speaker_strict']:.3f}", f"{c['speaker_loose']:.3f}", f"{c['cue']['f1']:.3f}",
                str(c["tp"]), str(c["fp"]), str(c["fn"]),
            )  # fmt: skip
        c = figures.get(subset, {}).get("overlap_0.3")
        for kind, k in (c or {}).get("by_kind", {}).items():
            kinds.add_row(subset, kind, f"{k['precision']:.3f}", f"{k['recall']:.3f}", f"{k['f1']:.3f}",
                          str(k["tp"]), str(k["fp"]), str(k["fn"]))  # fmt: skip
    cs = figures.get("canonical_speakers")
    if cs:
        main.caption = (
            f"canonical speakers ({cs['matched']} matched of {cs['gold_rows']} gold): "
            f"name exact {cs['name_exact']:.3f}, kind {cs['kind']:.3f}, gender {cs['gender']:.3f}"
            f" (opposite {cs.get('gender_opposite', 0):.3f})"
        )
    pubs = Table(title=Text("By publisher (overlap 0.3)", style="bold"))
    for col in ("publisher", "speech F1", "speech speaker", "all F1"):
        pubs.add_column(col)
    for pub, d in figures.get("by_publisher_overlap_0.3", {}).items():
        pubs.add_row(pub, f"{d['speech']['f1']:.3f}", f"{d['speech']['speaker_strict']:.3f}", f"{d['all']['f1']:.3f}")
    return Group(main, kinds, pubs)


def render_sources(rows: list[dict[str, Any]]) -> Table:
    """The corpus' top sources as a table."""
    table = Table(title=Text("Top sources", style="bold"))
    for col in ("source", "kind", "quotes", "articles", "role / affiliation", "aliases", "outlets"):
        table.add_column(col, justify="right" if col in {"quotes", "articles"} else "left")
    for r in rows:
        table.add_row(
            Text(r["name"] or ""), Text(r["kind"] or ""), str(r["quotes"]), str(r["articles"]),
            Text(" / ".join(x for x in (r["role"], r["affiliation"]) if x)), Text(", ".join(r["aliases"])),
            Text(", ".join(r["outlets"])),
        )  # fmt: skip
    return table


def render_claims(claims: list[Any]) -> Table:
    """Claims repeated across articles (``attribution claims``), each variant's word differences under it."""
    table = Table(title=Text("Claims reported by several articles", style="bold"), show_lines=True)
    for col in ("#", "claim / variants", "speakers", "outlets", "articles", "first", "last"):
        table.add_column(col, justify="right" if col in {"#", "articles"} else "left")
    for n, c in enumerate(claims, 1):
        d = c.to_dict()
        cell = Text(d["label"], style="bold")
        for v in d["variants"]:
            if v["diff"]:
                cell.append(f"\n×{v['count']} ", style="dim")
                cell.append(v["diff"])
        table.add_row(
            str(n), cell, Text("; ".join(d["speakers"])), Text("; ".join(d["outlets"])), str(d["n_articles"]),
            d["first_seen"] or "", d["last_seen"] or "",
        )  # fmt: skip
    return table


def render_quoted_by(rows: list[dict[str, Any]], by: str, headers: list[str], cells: Any) -> Table:
    """Who gets quoted, per group (``attribution sources --by``): shares by source kind and gender."""
    table = Table(title=Text(f"Who gets quoted, by {by} (kinds: share of quotations; genders: of persons)"))
    for i, col in enumerate([by, *headers[1:]]):
        table.add_column(col, justify="left" if i in (0, len(headers) - 1) else "right")
    for r in rows:
        table.add_row(*(Text(c) for c in cells(r)))
    return table
