"""Scoring rules shared with the field's anchors (pure functions, no models).

* Overlap counts letters and digits only, so quotation marks and spaces at the edges do not matter.
* A prediction matches a gold attribution when it covers at least ``threshold`` of the gold content's
  characters; matching is one-to-one, best coverage first.
* The pieces of a split quotation (linked by ``continues``) score as one prediction.
* Speaker accuracy over matched pairs: strict when the predicted speaker mention overlaps the gold
  Source span (or both are absent); loose when, in addition, the resolved name names the gold source.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

__all__ = ["Attr", "Counts", "alnum", "match", "prf", "score_article"]

Spans = tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class Attr:
    """One attribution, gold or predicted, reduced to what scoring needs."""

    id: str
    content: Spans
    kind: str
    speech: bool
    cue: Spans = ()
    source: Spans = ()
    names: frozenset[str] = frozenset()  # predicted: canonical name and aliases, lower case
    speaker: tuple[str, str, str] | None = None  # predicted: canonical (name, kind, gender)


def alnum(text: str, spans: Iterable[tuple[int, int]]) -> frozenset[int]:
    """The indices of letters and digits inside ``spans``.

    Examples:
        >>> sorted(alnum("“Hi,” he", [(0, 5)]))
        [1, 2]
    """
    return frozenset(i for s, e in spans for i in range(max(0, s), min(e, len(text))) if text[i].isalnum())


def match(text: str, gold: Sequence[Attr], pred: Sequence[Attr], threshold: float) -> list[tuple[int, int]]:
    """Match predictions to gold one-to-one; return ``(gold index, pred index)`` pairs."""
    gsets = [alnum(text, g.content) for g in gold]
    psets = [alnum(text, p.content) for p in pred]
    cands = []
    for gi, gs in enumerate(gsets):
        if not gs:
            continue
        for pi, ps in enumerate(psets):
            ov = len(gs & ps)
            if ov and ov / len(gs) >= threshold:
                # best coverage first; among equals, the tighter prediction
                cands.append((ov / len(gs), ov / max(1, len(ps)), gi, pi))
    cands.sort(reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, _, gi, pi in cands:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gi, pi))
    return sorted(out)


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": tp, "fp": fp, "fn": fn}


@dataclass
class Counts:
    """Running totals for one subset at one threshold."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    speaker_strict: int = 0
    speaker_loose: int = 0
    cue_tp_pred: int = 0
    cue_pred: int = 0
    cue_tp_gold: int = 0
    cue_gold: int = 0
    by_kind: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0, 0]))  # tp, fp, fn

    def add(self, other: Counts) -> None:
        for name in (
            "tp",
            "fp",
            "fn",
            "speaker_strict",
            "speaker_loose",
            "cue_tp_pred",
            "cue_pred",
            "cue_tp_gold",
            "cue_gold",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for k, v in other.by_kind.items():
            mine = self.by_kind[k]
            for i in range(3):
                mine[i] += v[i]

    def to_dict(self) -> dict:
        out = prf(self.tp, self.fp, self.fn)
        out["speaker_strict"] = round(self.speaker_strict / self.tp, 4) if self.tp else 0.0
        out["speaker_loose"] = round(self.speaker_loose / self.tp, 4) if self.tp else 0.0
        cp = self.cue_tp_pred / self.cue_pred if self.cue_pred else 0.0
        cr = self.cue_tp_gold / self.cue_gold if self.cue_gold else 0.0
        out["cue"] = {
            "precision": round(cp, 4),
            "recall": round(cr, 4),
            "f1": round(2 * cp * cr / (cp + cr), 4) if cp + cr else 0.0,
        }
        out["by_kind"] = {k: prf(*v) for k, v in sorted(self.by_kind.items())}
        return out


def _speaker_ok(text: str, g: Attr, p: Attr) -> tuple[bool, bool]:
    if not g.source:
        ok = not p.source
        return ok, ok
    if not p.source:
        return False, False
    strict = bool(alnum(text, g.source) & alnum(text, p.source))
    if strict:
        return True, True
    gold_text = " ".join(text[s:e] for s, e in g.source).strip().lower()
    words = [w.strip(".,'’s") for w in gold_text.split()]
    loose = gold_text in p.names or any(
        w and w[:1].isalpha() and any(w in name.split() for name in p.names) for w in words if len(w) > 2
    )
    return False, loose


def score_article(
    text: str, gold: Sequence[Attr], pred: Sequence[Attr], threshold: float
) -> tuple[Counts, Counts, list[tuple[int, int]]]:
    """Score one article; return counts for all attributions, for the speech subset, and the matches."""
    pairs = match(text, gold, pred, threshold)
    all_c, speech_c = Counts(), Counts()
    matched_g = {g for g, _ in pairs}
    matched_p = {p for _, p in pairs}
    for gi, pi in pairs:
        g, p = gold[gi], pred[pi]
        strict, loose = _speaker_ok(text, g, p)
        for c, on in ((all_c, True), (speech_c, g.speech)):
            if not on:
                continue
            c.tp += 1
            c.speaker_strict += strict
            c.speaker_loose += loose
            c.by_kind[g.kind][0] += 1
    for field_name, slot, attrs, matched in (("fp", 1, pred, matched_p), ("fn", 2, gold, matched_g)):
        for i, a in enumerate(attrs):
            if i in matched:
                continue
            for c, on in ((all_c, True), (speech_c, a.speech)):
                if on:
                    setattr(c, field_name, getattr(c, field_name) + 1)
                    c.by_kind[a.kind][slot] += 1
    # cues: a predicted cue is right when it overlaps a gold cue, a gold cue found when a prediction overlaps it
    gold_cues = [(alnum(text, g.cue), g.speech) for g in gold if g.cue]
    pred_cues = [(alnum(text, p.cue), p.speech) for p in pred if p.cue]
    for c, speech_only in ((all_c, False), (speech_c, True)):
        gcs = [s for s, sp in gold_cues if sp or not speech_only]
        pcs = [s for s, sp in pred_cues if sp or not speech_only]
        c.cue_gold += len(gcs)
        c.cue_pred += len(pcs)
        c.cue_tp_gold += sum(1 for gs in gcs if any(gs & ps for ps in pcs))
        c.cue_tp_pred += sum(1 for ps in pcs if any(ps & gs for gs in gcs))
    return all_c, speech_c, pairs
