"""Settings: built once (by the CLI or in code) and passed down explicitly."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

__all__ = ["Settings"]


@dataclass(frozen=True, slots=True)
class Settings:
    """How to analyse.  Frozen, so it is hashable and keys the pipeline cache.

    Attributes:
        models_dir: stanza resources folder; ``None`` means ``$STANZA_RESOURCES_DIR``, then stanza's default.
        offline: never download models; a missing model is an error.
        use_gpu: let stanza use a GPU when one is present.
        wider_cues: also report beliefs, intentions and stances (cue tier ``wider``), and reports of what
            was not said or only imagined (``negated``, ``hypothetical``); speech only by default.
        selective: parse (depparse, ner) only sentences that can hold an attribution.
        min_quote_words: a quotation with fewer words and no cue is a scare quote, not speech.
        batch_chars: characters of text sent to stanza at once.
        cache_dir: keep parsed documents here (keyed by text, models and stanza version) so that a
            rerun, e.g. ``attribution eval`` while tuning rules, parses nothing twice.
        learned: let the shipped models choose speakers and keep or drop candidates
            (``False``: the rules alone decide).
    """

    models_dir: Path | None = None
    offline: bool = False
    use_gpu: bool = False
    wider_cues: bool = False
    selective: bool = True
    # “the capital of the revolution” (4 words) is a name, “We will fight on” (4 words) may be speech:
    # with no cue in the frame, only quotations of this many words or more count as speech.
    min_quote_words: int = 5
    batch_chars: int = 200_000
    cache_dir: Path | None = None
    learned: bool = True
