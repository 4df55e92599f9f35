"""The quote candidate that the finders produce and later stages resolve."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import CueTier, QuoteKind

__all__ = ["Candidate"]


@dataclass(frozen=True, slots=True)
class Candidate:
    """A found quotation before speaker resolution.

    Offsets are characters; ``cue`` and ``speaker`` are word-index ranges ``[first, last)`` into
    the parsed document; ``frame`` is the word range around the cue where outlets are looked for.
    """

    kind: QuoteKind
    start: int
    end: int
    sentence: int
    cue: tuple[int, int] | None = None
    cue_lemma: str | None = None
    tier: CueTier = CueTier.SPEECH
    speaker: tuple[int, int] | None = None
    frame: tuple[int, int] | None = None
    continues: int | None = None  # index of the first piece in the candidate list
    confidence: float = 0.5
    open_ended: bool = False  # a quotation left open at its paragraph's end (it runs on)
    # proposed for a learned keep/drop decision only ("supports the deal"): the rules alone drop it
    model_only: bool = False
