"""Learned decisions over the rules' candidates: which noun phrase is the speaker, and whether a
candidate is an attribution at all (with a calibrated confidence).

The rules propose (``attribution.quotes``); the models here decide.  Both are LightGBM boosters
saved as text (never pickle) in ``attribution/data/models/``, each with a JSON card holding its
feature columns, vocabularies, calibration and threshold; ``training/train.py`` writes them from
PolNeAR train.  Without model files the rules decide alone, as before.
"""

from __future__ import annotations

import functools
import sys
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path

import numpy as np
import orjson

from .features import Encoder, candidate_features, mention_features, mention_heads, mention_span
from .lexicon import Lexicon
from .nlp import ParsedDoc
from .quotes import Candidate, keep_only, rules_keep, settle_speaker
from .quotes.frame import passive_agent, speaker_unsaid
from .speakers import describe_mention

__all__ = ["Decisions", "Model", "default_decisions"]

MODELS = "models"
# How much more likely the chooser's speaker must be than the rule's to replace it, unless its card
# says (training chooses it by cross-validation).
OVERRIDE_MARGIN = 0.2


@dataclass(frozen=True)
class Model:
    """One booster with its encoder, isotonic calibration (``cal_x`` -> ``cal_y``) and threshold."""

    booster: object
    encoder: Encoder
    cal_x: tuple[float, ...]
    cal_y: tuple[float, ...]
    threshold: float
    card: dict

    @classmethod
    def load(cls, booster_path: Path, card_path: Path) -> Model:
        lgb = _lightgbm()
        card = orjson.loads(card_path.read_bytes())
        booster = lgb.Booster(model_str=booster_path.read_text(encoding="utf-8"))
        enc = Encoder(card["columns"], card["vocab"])
        if booster.num_feature() != len(enc.columns):
            raise ValueError(f"{booster_path.name}: its features do not match its card")
        cal = card.get("calibration") or {"x": [0.0, 1.0], "y": [0.0, 1.0]}
        return cls(booster, enc, tuple(cal["x"]), tuple(cal["y"]), float(card.get("threshold", 0.5)), card)

    def probabilities(self, rows: Sequence[dict]) -> np.ndarray:
        if not rows:
            return np.zeros(0)
        x = np.array([self.encoder.row(r) for r in rows], dtype=np.float64)
        raw = self.booster.predict(x)  # type: ignore[attr-defined]
        return np.interp(raw, self.cal_x, self.cal_y)


@dataclass(frozen=True)
class Decisions:
    """The speaker chooser and the keep/drop classifier (either may be absent)."""

    speaker: Model | None = None
    keep: Model | None = None

    @classmethod
    def from_dir(cls, folder: Path) -> Decisions:
        def one(name: str) -> Model | None:
            b, c = folder / f"{name}.lgb.txt", folder / f"{name}.json"
            return Model.load(b, c) if b.is_file() and c.is_file() else None

        return cls(speaker=one("speaker"), keep=one("keep"))

    def apply(
        self, doc: ParsedDoc, cands: list[Candidate], paragraphs: Sequence[tuple[int, int]], lex: Lexicon
    ) -> list[Candidate]:
        """Choose speakers, then keep the candidates the classifier accepts (with its confidence)."""
        if self.speaker is not None:
            cands = self._speakers(doc, cands, lex)
        return self._keep(doc, cands, paragraphs, lex) if self.keep is not None else rules_keep(cands)

    def _speakers(self, doc: ParsedDoc, cands: list[Candidate], lex: Lexicon) -> list[Candidate]:
        assert self.speaker is not None
        out = list(cands)
        groups: list[tuple[int, list[int]]] = []
        rows: list[dict] = []
        for k, c in enumerate(cands):
            if c.cue is None or c.continues is not None:
                continue
            heads = mention_heads(doc, c)
            if heads:
                groups.append((k, heads))
                rows += [mention_features(doc, c, h, lex, rank=r, n=len(heads)) for r, h in enumerate(heads)]
        probs = self.speaker.probabilities(rows)  # one call for the article
        at = 0
        for k, heads in groups:
            p, at = probs[at : at + len(heads)], at + len(heads)
            out[k] = self._chosen(doc, cands[k], heads, p, lex)
        for k, c in enumerate(out):  # continuations speak with their first piece
            if c.continues is not None and out[c.continues].speaker is not None:
                out[k] = replace(c, speaker=out[c.continues].speaker)
        return out

    def _chosen(self, doc: ParsedDoc, c: Candidate, heads: list[int], p: np.ndarray, lex: Lexicon) -> Candidate:
        """The candidate with the chooser's speaker, when it is clearly more likely than the rule's
        and can speak as well as the rule's (a thing never replaces a person, group or organisation)."""
        assert self.speaker is not None
        best = int(np.argmax(p))
        in_rule = [
            float(p[r]) for r, h in enumerate(heads) if c.speaker is not None and c.speaker[0] <= h < c.speaker[1]
        ]
        margin = float(self.speaker.card.get("margin", OVERRIDE_MARGIN))
        if in_rule and max(in_rule) >= p[best] - margin:
            return c  # the rule's speaker is as likely: keep its fuller span
        agent = passive_agent(doc, c.cue[0]) if c.cue is not None else None
        if agent is not None and c.speaker is not None and c.speaker[0] <= agent < c.speaker[1]:
            return c  # "He was told by aides that …": the by-phrase of a passive cue is who spoke
        if p[best] < self.speaker.threshold or (c.cue is not None and speaker_unsaid(doc, c.cue[0])):
            return c
        chosen = settle_speaker(doc, replace(c, speaker=mention_span(doc, c, heads[best])))
        if _apposed(doc, c.speaker, chosen.speaker):
            return c  # "The minister of the economy, Mr. Guajardo Villarreal, argues": one speaker, and its role
        if c.speaker is not None and _can_speak(doc, c.speaker, lex) and not _can_speak(doc, chosen.speaker, lex):
            return c  # "Activists … in Syria's Homs governorate reported": the place does not report
        return chosen

    def _keep(
        self, doc: ParsedDoc, cands: list[Candidate], paragraphs: Sequence[tuple[int, int]], lex: Lexicon
    ) -> list[Candidate]:
        assert self.keep is not None
        firsts = [k for k, c in enumerate(cands) if c.continues is None]
        p = self.keep.probabilities([candidate_features(doc, cands[k], paragraphs, lex) for k in firsts])
        prob = dict(zip(firsts, p.tolist(), strict=True))
        scored = [
            replace(c, confidence=round(prob[k if c.continues is None else c.continues], 3))
            for k, c in enumerate(cands)
        ]
        return keep_only(scored, [prob.get(k, 1.0) >= self.keep.threshold for k in range(len(cands))])


# lightgbm's package imports these for its optional scikit-learn, pandas and Dask interfaces (about
# 1 s, most of the learned decisions' cost per process); a Booster needs none of them.
_LIGHTGBM_EXTRAS = ("sklearn", "pandas", "dask", "pyarrow", "matplotlib", "graphviz")


def _lightgbm():
    """Import lightgbm for its Booster only: the optional packages it would import are hidden for
    the import (and only then), unless the process has already imported them."""
    if "lightgbm" in sys.modules:
        return sys.modules["lightgbm"]
    hidden = [m for m in _LIGHTGBM_EXTRAS if m not in sys.modules]
    try:
        for m in hidden:
            sys.modules[m] = None  # type: ignore[assignment]  # "import m" raises ImportError
        import lightgbm
    finally:
        for m in hidden:
            sys.modules.pop(m, None)
    return lightgbm


def _apposed(doc: ParsedDoc, a: tuple[int, int] | None, b: tuple[int, int] | None) -> bool:
    """Two speaker spans side by side with only a comma between: one set off beside the other."""
    if a is None or b is None:
        return False
    first, second = sorted((a, b))
    return second[0] == first[1] + 1 and doc.words[first[1]].text == ","


def _can_speak(doc: ParsedDoc, span: tuple[int, int] | None, lex: Lexicon) -> bool:
    """Whether the words describe a speaker: not rejected, not a thing (a person, group,
    organisation, anonymous source, pronoun or known kind of document)."""
    if span is None:
        return False
    info = describe_mention(doc, span, lex=lex)
    return info is not None and not info.thing


@functools.cache
def default_decisions() -> Decisions:
    """The models shipped in the package (none: the rules decide alone)."""
    folder = Path(str(resources.files("attribution.data").joinpath(MODELS)))
    if not folder.is_dir():
        return Decisions()
    try:
        return Decisions.from_dir(folder)
    except (OSError, ValueError, ImportError) as exc:
        warnings.warn(f"attribution: learned decisions unavailable ({exc}); using the rules alone", stacklevel=2)
        return Decisions()
