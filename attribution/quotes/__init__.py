"""Quote spans: quotation-mark pairing, direct quotations, reported speech."""

from .candidate import Candidate
from .marks import MarkPair, MarkPairs, pair_marks, paragraph_spans
from .passes import find_quotes, keep_only, rules_keep, settle_speaker

__all__ = [
    "Candidate",
    "MarkPair",
    "MarkPairs",
    "find_quotes",
    "keep_only",
    "pair_marks",
    "paragraph_spans",
    "rules_keep",
    "settle_speaker",
]
