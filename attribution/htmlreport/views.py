"""What an article page shows: sources with labels and colours, quotations with their tooltips, marks.

Plain data built from an :class:`~attribution.model.ArticleResult`; the templates only lay it out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import ArticleResult, Quote
from .markup import Mark, MarkKind, Node, nest

__all__ = ["PALETTE", "UNATTRIBUTED", "ArticleView", "QuoteView", "SourceView", "article_view", "text_fits"]

# (background tint, border/text colour): ten hues that stay apart in print and for the common colour
# blindnesses as light/dark pairs; meaning never rests on colour alone (each quotation shows its label)
PALETTE: tuple[tuple[str, str], ...] = (
    ("#cfe3f7", "#1f5fa8"),
    ("#fde0c2", "#a14a00"),
    ("#d3efd5", "#1f6e35"),
    ("#e6dcf5", "#5f3596"),
    ("#f9d3dc", "#a3203f"),
    ("#cdeeee", "#0f6b64"),
    ("#fbf0b5", "#7a6000"),
    ("#ead9cc", "#6f4424"),
    ("#dde3ea", "#3e4c5e"),
    ("#e4f2c4", "#44700d"),
)
UNATTRIBUTED = "unattributed"
_UNATTRIBUTED_COLORS = ("#ececec", "#555555")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
LABEL_LETTERS = 3


@dataclass(frozen=True, slots=True)
class SourceView:
    key: str
    label: str
    name: str
    kind: str
    role: str | None
    affiliation: str | None
    short: str | None
    aliases: tuple[str, ...]
    quote_ids: tuple[str, ...]
    bg: str
    fg: str
    gender: str | None = None  # as the article states it; None or "unknown" are not shown
    anonymity_reason: str | None = None

    @property
    def details(self) -> str:
        parts = [self.kind, *(p for p in (self.role, self.affiliation) if p)]
        if self.gender and self.gender != "unknown":
            parts.append(self.gender)
        if self.anonymity_reason:
            parts.append(f"anonymous: {self.anonymity_reason}")
        return " · ".join(parts)


@dataclass(frozen=True, slots=True)
class QuoteView:
    quote: Quote
    source: SourceView
    head: str  # id of the first piece of its chain (itself when it continues nothing)

    @property
    def tip(self) -> str:
        return _tip(self)

    @property
    def id(self) -> str:
        return self.quote.id

    @property
    def role(self) -> str | None:
        sp = self.quote.speaker
        return (sp.role if sp else None) or self.source.role

    @property
    def affiliation(self) -> str | None:
        sp = self.quote.speaker
        return (sp.affiliation if sp else None) or self.source.affiliation


@dataclass(frozen=True, slots=True)
class ArticleView:
    result: ArticleResult
    text: str
    nodes: list[Node]
    quotes: list[QuoteView]
    sources: list[SourceView]
    quote_by_id: dict[str, QuoteView]
    mark_source: dict[str, SourceView]  # speaker and cue mark keys -> the source they belong to
    has_text: bool


def _source_key(q: Quote) -> str:
    if q.speaker is None:
        return UNATTRIBUTED
    return q.speaker.source_id or f"name:{q.speaker.name}"


def _initials(name: str) -> str:
    """A short label from a name: initials of its words (capitalised words first).

    Examples:
        >>> _initials("Noah Bonsey"), _initials("local activists"), _initials("activists")
        ('NB', 'LA', 'A')
    """
    words = _WORD.findall(name)
    caps = [w for w in words if w[0].isupper()]
    chosen = caps if len(caps) >= 2 else words
    return "".join(w[0].upper() for w in chosen[:LABEL_LETTERS]) or "?"


def _unique_labels(wanted: Sequence[str]) -> list[str]:
    """Make labels distinct by numbering repeats (``A``, ``A2``)."""
    seen: dict[str, int] = {}
    out = []
    for label in wanted:
        n = seen.get(label, 0) + 1
        seen[label] = n
        out.append(label if n == 1 else f"{label}{n}")
    return out


def _sources(result: ArticleResult) -> list[SourceView]:
    """One view per source that has quotations, in order of first quotation; unattributed last."""
    by_id = {s.id: s for s in result.sources}
    order: dict[str, list[str]] = {}
    for q in result.quotes:
        order.setdefault(_source_key(q), []).append(q.id)
    keys = [k for k in order if k != UNATTRIBUTED] + ([UNATTRIBUTED] if UNATTRIBUTED in order else [])
    wanted = []
    for key in keys:
        first = next(q for q in result.quotes if _source_key(q) == key)
        src = by_id.get(key)
        name = src.name if src else (first.speaker.name if first.speaker else "unattributed")
        wanted.append("?" if key == UNATTRIBUTED else ((src.short if src else None) or _initials(name)))
    views = []
    for i, (key, label) in enumerate(zip(keys, _unique_labels(wanted), strict=True)):
        first = next(q for q in result.quotes if _source_key(q) == key)
        src = by_id.get(key)
        sp = first.speaker
        bg, fg = _UNATTRIBUTED_COLORS if key == UNATTRIBUTED else PALETTE[i % len(PALETTE)]
        views.append(
            SourceView(
                key=key,
                label=label,
                name=src.name if src else (sp.name if sp else "no speaker found"),
                kind=str(src.kind if src else (sp.kind if sp else "unknown")),
                role=(src.role if src else None) or (sp.role if sp else None),
                affiliation=(src.affiliation if src else None) or (sp.affiliation if sp else None),
                short=src.short if src else None,
                aliases=src.aliases if src else (),
                quote_ids=tuple(order[key]),
                bg=bg,
                fg=fg,
                gender=str(src.gender) if src and src.gender else None,
                anonymity_reason=src.anonymity_reason if src else None,
            )
        )
    return views


def _head(q: Quote, by_id: dict[str, Quote]) -> str:
    """The first piece of a continuation chain (cycles and dangling links stop the walk)."""
    seen = {q.id}
    while q.continues and q.continues in by_id and q.continues not in seen:
        q = by_id[q.continues]
        seen.add(q.id)
    return q.id


def _tip(v: QuoteView) -> str:
    """The tooltip: canonical speaker, kind, role, affiliation, outlet, cue, confidence (one fact a line)."""
    q, src = v.quote, v.source
    lines = [f"[{src.label}] {src.name}" if src.key != UNATTRIBUTED else "[?] no speaker found", f"source: {src.kind}"]
    sp = q.speaker
    if v.role:
        lines.append(f"role: {v.role}")
    if v.affiliation:
        lines.append(f"affiliation: {v.affiliation}")
    if src.gender and src.gender != "unknown":
        lines.append(f"gender: {src.gender} (as the article states it)")
    if src.anonymity_reason:
        lines.append(f"anonymous because: {src.anonymity_reason}")
    if sp is not None and sp.mention != src.name:
        lines.append(f"mention: {sp.mention}")
    if q.outlet is not None:
        lines.append(f"outlet: {q.outlet.name}")
    lines.append(f"cue: {q.cue.text}" if q.cue else "cue: none")
    if q.negated:
        lines.append("not said: the article reports a refusal or a denial of saying it")
    if q.hypothetical:
        lines.append("hypothetical: the article imagines or asks it, nobody is reported saying it")
    lines.append(f"{q.id} · {q.kind} · confidence {q.confidence:.2f}")
    if q.continues:
        lines.append(f"continues {q.continues}")
    return "\n".join(lines)


def _marks(quotes: Sequence[Quote]) -> tuple[list[Mark], dict[str, str]]:
    """Quote, speaker and cue marks; speaker and cue spans shared by several quotes are marked once."""
    marks: list[Mark] = []
    owner: dict[str, str] = {}
    for q in quotes:
        marks.append(Mark(q.content.start, q.content.end, MarkKind.QUOTE, q.id))
        spans = []
        if q.speaker is not None:
            spans.append((MarkKind.SPEAKER, q.speaker.start, q.speaker.end))
        if q.cue is not None:
            spans.append((MarkKind.CUE, q.cue.start, q.cue.end))
        for kind, start, end in spans:
            key = f"{kind.name.lower()}:{start}:{end}"
            if key not in owner:
                owner[key] = q.id
                marks.append(Mark(start, end, kind, key))
    return marks, owner


def text_fits(text: str, quotes: Sequence[Quote]) -> bool:
    """Whether the offsets of every quotation point at its own words in ``text``."""
    return bool(text) and all(text[q.content.start : q.content.end] == q.content.text for q in quotes)


def article_view(result: ArticleResult, text: str | None = None) -> ArticleView:
    """Everything an article page shows, from a result and the article text it was made from.

    ``text`` defaults to ``result.article.text``. If it is missing or no longer matches the offsets,
    the page lists the quotations without the marked-up text (``has_text`` is False).
    """
    text = result.article.text if text is None else text
    by_id = {q.id: q for q in result.quotes}
    sources = _sources(result)
    src_of = {s.key: s for s in sources}
    views = []
    for q in result.quotes:
        src = src_of[_source_key(q)]
        views.append(QuoteView(quote=q, source=src, head=_head(q, by_id)))
    quote_by_id = {v.id: v for v in views}
    has_text = text_fits(text, result.quotes)
    marks, owner = _marks(result.quotes)
    nodes = nest(text, marks) if has_text else []
    return ArticleView(
        result=result,
        text=text,
        nodes=nodes,
        quotes=views,
        sources=sources,
        quote_by_id=quote_by_id,
        mark_source={key: quote_by_id[qid].source for key, qid in owner.items()},
        has_text=has_text,
    )
