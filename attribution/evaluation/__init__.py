"""``attribution eval``: precision, recall, F1 and speaker accuracy against gold attributions."""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from ..lexicon import Lexicon, default_lexicon, inflections
from ..model import Article, ArticleResult, QuoteKind
from ..nlp import ParsedDoc
from .canonical import CanonicalCounts, CanonicalGold
from .gold import GoldArticle, GoldAttribution, load_gold
from .scoring import Attr, Counts, alnum, score_article

__all__ = ["THRESHOLDS", "EvalRun", "evaluate", "gold_attrs", "pred_attrs"]

THRESHOLDS = (0.3, 0.8)
_QUOTE_CHARS = "\"“”‘’'«»„"
_CONTEXT = 160


def _kind_of_gold(text: str, g: GoldAttribution, cue_text: str) -> str:
    if "according" in cue_text.lower():
        return str(QuoteKind.ACCORDING_TO)
    content = " ".join(text[s:e] for s, e in g.content).strip()
    if not any(ch in content for ch in _QUOTE_CHARS):
        return str(QuoteKind.INDIRECT)
    core = content.rstrip(".,;:!? ")
    if content[:1] in _QUOTE_CHARS and (core[-1:] in _QUOTE_CHARS or content[-1:] in _QUOTE_CHARS):
        return str(QuoteKind.DIRECT)
    return str(QuoteKind.MIXED)


def _cue_is_speech(doc: ParsedDoc, spans: tuple[tuple[int, int], ...]) -> bool:
    """A gold cue is speech when a word of it is a speech lemma of the fixed evaluation list, by
    lemma or by surface form (so that gold in sentences the analyzer did not parse is still
    counted), or *according to*."""
    lemmas, forms = speech_cues()
    for s, e in spans:
        if "according" in doc.text[s:e].lower():
            return True
        for w in doc.words:
            if w.start < e and s < w.end and (w.lemma.lower() in lemmas or w.lower_text() in forms):
                return True
    return False


@functools.cache
def speech_cues() -> tuple[frozenset[str], frozenset[str]]:
    """The fixed speech-cue lemmas of evaluation (``speech_cues.txt``) and all their forms."""
    raw = resources.files(__package__).joinpath("speech_cues.txt").read_text(encoding="utf-8")
    lemmas = frozenset(w.strip() for w in raw.splitlines() if w.strip() and not w.startswith("#"))
    forms = {f for lemma in lemmas for f in inflections(lemma)} | set(_IRREGULAR_SPEECH)
    return lemmas, frozenset(forms)


# Irregular forms of the speech lemmas above (fixed with them).
_IRREGULAR_SPEECH = ("said", "told", "wrote", "written", "spoke", "spoken")


def gold_attrs(doc: ParsedDoc, gold: list[GoldAttribution], *, lex: Lexicon) -> list[Attr]:
    """Reduce gold attributions to scoring records (kind and speech subset derived from the text)."""
    out = []
    for g in gold:
        cue_text = " ".join(doc.text[s:e] for s, e in g.cue)
        out.append(
            Attr(
                id=g.id,
                content=g.content,
                kind=_kind_of_gold(doc.text, g, cue_text),
                speech=_cue_is_speech(doc, g.cue) if g.cue else False,
                cue=g.cue,
                source=g.source,
            )
        )
    return out


def pred_attrs(result: ArticleResult) -> list[Attr]:
    """Group the pieces of split quotations (``continues``) into one predicted attribution each."""
    groups: dict[str, list] = {}
    for q in result.quotes:
        groups.setdefault(q.continues or q.id, []).append(q)
    by_id = {s.id: s for s in result.sources}
    out = []
    for root, pieces in groups.items():
        first = pieces[0]
        names: set[str] = set()
        if first.speaker is not None:
            names.add(first.speaker.name.lower())
            src = by_id.get(first.speaker.source_id or "")
            if src:
                names.update(a.lower() for a in src.aliases)
        out.append(
            Attr(
                id=root,
                content=tuple((q.content.start, q.content.end) for q in pieces),
                kind=str(first.kind),
                speech=first.cue is None or str(first.cue.tier) == "speech",
                cue=((first.cue.start, first.cue.end),) if first.cue else (),
                source=((first.speaker.start, first.speaker.end),) if first.speaker else (),
                names=frozenset(names),
                speaker=_canonical_of(first, by_id),
            )
        )
    return out


def _canonical_of(q, by_id: dict) -> tuple[str, str, str] | None:
    if q.speaker is None:
        return None
    src = by_id.get(q.speaker.source_id or "")
    gender = src.gender if src is not None and src.gender is not None else q.speaker.gender
    return q.speaker.name, str(q.speaker.kind), "" if gender is None else str(gender)


@dataclass
class EvalRun:
    """Totals of one evaluation, and the errors kept for ``--errors``."""

    articles: int = 0
    counts: dict[tuple[float, str], Counts] = field(default_factory=lambda: defaultdict(Counts))
    by_publisher: dict[tuple[str, str], Counts] = field(default_factory=lambda: defaultdict(Counts))
    errors: list[dict[str, Any]] = field(default_factory=list)
    canonical: CanonicalCounts | None = None
    confidences: list[tuple[float, bool]] = field(default_factory=list)  # (confidence, right at 0.3) per prediction

    def reliability(self, bins: int = 10) -> list[dict[str, Any]]:
        """How often predictions are right, by confidence bin (a calibrated model: right ≈ confidence)."""
        out = []
        for b in range(bins):
            lo, hi = b / bins, (b + 1) / bins
            sel = [ok for c, ok in self.confidences if lo <= c < hi or (b == bins - 1 and c == 1.0)]
            if sel:
                conf = [c for c, _ in self.confidences if lo <= c < hi or (b == bins - 1 and c == 1.0)]
                out.append(
                    {
                        "bin": f"{lo:.1f}-{hi:.1f}",
                        "n": len(sel),
                        "mean_confidence": round(sum(conf) / len(sel), 3),
                        "right": round(sum(sel) / len(sel), 3),
                    }
                )
        return out

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"articles": self.articles, "reliability_overlap_0.3": self.reliability()}
        if self.canonical is not None:
            out["canonical_speakers"] = self.canonical.to_dict()
        for (t, subset), c in sorted(self.counts.items()):
            out.setdefault(subset, {})[f"overlap_{t}"] = c.to_dict()
        pubs: dict[str, Any] = {}
        for (pub, subset), c in sorted(self.by_publisher.items()):
            pubs.setdefault(pub, {})[subset] = c.to_dict()
        out["by_publisher_overlap_0.3"] = pubs
        return out


def _sentence(text: str, s: int, e: int) -> str:
    a = max(0, text.rfind("\n", 0, s) + 1, s - _CONTEXT)
    b = text.find("\n", e)
    b = min(len(text) if b < 0 else b, e + _CONTEXT)
    return " ".join(text[a:b].split())


def _record(typ: str, name: str, cause: str, a: Attr, text: str) -> dict[str, Any]:
    s, e = a.content[0][0], a.content[-1][1]
    return {
        "type": typ, "article": name, "cause": cause, "kind": a.kind, "speech": a.speech,
        "content": " … ".join(text[x:y] for x, y in a.content), "cue": " ".join(text[x:y] for x, y in a.cue),
        "source": " ".join(text[x:y] for x, y in a.source), "context": _sentence(text, s, e),
    }  # fmt: skip


def _errors(name: str, text: str, gold: list[Attr], pred: list[Attr], pairs: list[tuple[int, int]]) -> Iterator[dict]:
    mg = {g for g, _ in pairs}
    mp = {p for _, p in pairs}
    pred_cues = [alnum(text, p.cue) for p in pred if p.cue]
    gold_sets = [alnum(text, g.content) for g in gold]
    for gi, g in enumerate(gold):
        if gi in mg:
            continue
        cue = alnum(text, g.cue)
        gs = gold_sets[gi]
        if any(cue & pc for pc in pred_cues):
            cause = "cue found, content span differs"
        elif any(gs & alnum(text, p.content) for p in pred):
            cause = "overlapping prediction below threshold"
        elif not g.speech:
            cause = "belief / other cue not detected"
        else:
            cause = "speech cue not detected"
        yield _record("FN", name, cause, g, text)
    for pi, p in enumerate(pred):
        if pi in mp:
            continue
        ps = alnum(text, p.content)
        cause = "overlaps gold below threshold" if any(ps & gs for gs in gold_sets) else "no gold attribution here"
        yield _record("FP", name, cause, p, text)


def evaluate(
    gold_root: str | Path | Sequence[GoldArticle],
    analyze: Callable[[list[Article]], Iterator[tuple[ArticleResult, ParsedDoc]]],
    *,
    limit: int | None = None,
    lex: Lexicon | None = None,
    keep_errors: bool = False,
    progress: Callable[[int, int], None] | None = None,
    canonical: dict[tuple[str, str], CanonicalGold] | None = None,
) -> EvalRun:
    """Run the analyzer over a gold folder and score it at each threshold.

    Args:
        gold_root: a folder with ``text/`` and ``attributions/`` (PolNeAR's layout), or loaded gold articles.
        analyze: turns articles into ``(result, parsed doc)`` pairs (``Analyzer.analyze_with_docs``).
        limit: score only the first ``limit`` articles (sorted by name).
        keep_errors: keep false negatives and false positives (at overlap 0.3) for error analysis.
        progress: called with ``(done, total)`` after each article.
        canonical: gold canonical speakers by ``(article, attribution id)``
            (:func:`~attribution.evaluation.canonical.load_canonical`): adds name, kind and gender accuracy.
    """
    lex = lex or default_lexicon()
    if isinstance(gold_root, str | Path):
        golds = list(load_gold(gold_root, limit=limit))
    else:
        golds = list(gold_root)[:limit]
    run = EvalRun(canonical=None if canonical is None else CanonicalCounts())
    articles = [Article(id=g.name, text=g.text_path.read_text(encoding="utf-8"), path=str(g.text_path)) for g in golds]
    for n, (g, (result, doc)) in enumerate(zip(golds, analyze(articles), strict=True), 1):
        text = doc.text
        gold = gold_attrs(doc, g.attributions, lex=lex)
        pred = pred_attrs(result)
        for t in THRESHOLDS:
            all_c, speech_c, pairs = score_article(text, gold, pred, t)
            run.counts[(t, "all")].add(all_c)
            run.counts[(t, "speech")].add(speech_c)
            if t == THRESHOLDS[0]:
                run.by_publisher[(g.publisher, "all")].add(all_c)
                run.by_publisher[(g.publisher, "speech")].add(speech_c)
                if keep_errors:
                    run.errors.extend(_errors(g.name, text, gold, pred, pairs))
                matched = {pi for _, pi in pairs}
                conf = {q.id: q.confidence for q in result.quotes}
                run.confidences.extend((conf.get(p.id, 0.5), i in matched) for i, p in enumerate(pred))
                if canonical is not None and run.canonical is not None:
                    _score_canonical(run.canonical, canonical, g.name, text, gold, pred, pairs)
        run.articles += 1
        if progress:
            progress(n, len(golds))
    return run


def _score_canonical(
    counts: CanonicalCounts,
    canonical: dict[tuple[str, str], CanonicalGold],
    article: str,
    text: str,
    gold: list[Attr],
    pred: list[Attr],
    pairs: list[tuple[int, int]],
) -> None:
    counts.gold_rows += sum(1 for a, _ in canonical if a == article)
    for gi, pi in pairs:
        row = canonical.get((article, gold[gi].id))
        if row is None:
            continue
        name, kind, gender = pred[pi].speaker or (None, None, None)
        written = (_span_text(text, gold[gi].source), _span_text(text, pred[pi].source))
        counts.add(row, name, kind, gender, f"{article} {gold[gi].id}", written)


def errors_markdown(run: EvalRun) -> str:
    """Group false negatives and positives by cause, with their sentence in context."""
    groups: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for e in run.errors:
        groups[(e["type"], e["cause"])].append(e)
    lines = [f"# Attribution errors ({run.articles} articles, overlap 0.3)", ""]
    for (typ, cause), items in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        lines += [f"## {typ}: {cause} ({len(items)})", ""]
        for e in items:
            tag = "speech" if e["speech"] else "other"
            lines.append(
                f"- **{e['article']}** [{e['kind']}, {tag}] cue *{_md(e['cue'])}*, source *{_md(e['source'])}*: "
                f"“{_md(e['content'])}”  \n  > {_md(e['context'])}"
            )
        lines.append("")
    if run.canonical is not None:
        lines += _canonical_errors("wrong name or kind", run.canonical.wrong)
        lines += _canonical_errors("wrong gender", run.canonical.wrong_gender)
    return "\n".join(lines)


def _canonical_errors(what: str, rows: list[dict[str, str]]) -> list[str]:
    if not rows:
        return []
    lines = [f"## Canonical speaker: {what} ({len(rows)})", ""]
    lines += [
        f"- **{w['where']}** gold *{_md(w['gold'])}*, got *{_md(w['got'])}* "
        f"(written: gold *{_md(w['gold_mention'])}*, ours *{_md(w['mention'])}*)"
        for w in rows
    ]
    return [*lines, ""]


def _span_text(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    return " … ".join(text[s:e] for s, e in spans)


def _md(s: str) -> str:
    return re.sub(r"\s+", " ", s).replace("|", "\\|").strip()
