"""Canonical-speaker accuracy: name, kind and gender against an editor's gold (``canonical_speakers.tsv``).

The gold rows (see ``benchmarks/data/canonical_speakers.md`` for the guidelines) name, for some
PolNeAR dev attributions, the speaker as a careful editor would write it.  Over the attributions
the analyzer matched (overlap 0.3), a name is right when it equals the gold one after case and
punctuation; kind and gender likewise (gender over gold persons only; ``gender_opposite`` is the
share given the other gender, a worse error than ``unknown``).
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["CanonicalCounts", "CanonicalGold", "load_canonical", "norm_name"]


def norm_name(name: str | None) -> str:
    """Case, punctuation and spacing aside.

    Examples:
        >>> norm_name("Donald J. Trump"), norm_name("  donald j trump ")
        ('donald j trump', 'donald j trump')
    """
    s = unicodedata.normalize("NFKC", name or "").casefold().replace("’", "'")
    s = re.sub(r"[^\w\s]", " ", s)
    return " ".join(s.split())


@dataclass(frozen=True, slots=True)
class CanonicalGold:
    name: str
    kind: str
    gender: str


def load_canonical(path: str | Path) -> dict[tuple[str, str], CanonicalGold]:
    """``(article stem, attribution event id) -> gold`` from the TSV."""
    out = {}
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            out[(row["article"], row["event"])] = CanonicalGold(row["name"], row["kind"], row["gender"] or "")
    return out


@dataclass
class CanonicalCounts:
    """How many matched gold rows had the right name, kind and gender."""

    gold_rows: int = 0
    matched: int = 0
    name: int = 0
    kind: int = 0
    persons: int = 0
    gender: int = 0
    gender_opposite: int = 0  # the other gender than the gold's (worse than "unknown")
    wrong: list[dict[str, str]] = field(default_factory=list)
    wrong_gender: list[dict[str, str]] = field(default_factory=list)

    def add(
        self,
        gold: CanonicalGold,
        name: str | None,
        kind: str | None,
        gender: str | None,
        where: str,
        written: tuple[str, str] = ("", ""),
    ) -> None:
        """Count one matched row; ``written`` is (gold source text, predicted speaker mention) for the errors."""
        self.matched += 1
        ok_name = norm_name(name) == norm_name(gold.name)
        self.name += ok_name
        self.kind += kind == gold.kind
        row = {"where": where, "gold_mention": written[0], "mention": written[1]}
        if gold.kind == "person" and gold.gender:
            self.persons += 1
            self.gender += (gender or "unknown") == gold.gender
            self.gender_opposite += {gender, gold.gender} == {"female", "male"}
            if (gender or "unknown") != gold.gender:
                self.wrong_gender.append(row | {"gold": f"{gold.name} ({gold.gender})", "got": f"{name} ({gender})"})
        if not ok_name or kind != gold.kind:
            self.wrong.append(row | {"gold": f"{gold.name} ({gold.kind})", "got": f"{name} ({kind})"})

    def to_dict(self) -> dict[str, Any]:
        def share(a: int, b: int) -> float:
            return round(a / b, 4) if b else 0.0

        return {
            "gold_rows": self.gold_rows,
            "matched": self.matched,
            "name_exact": share(self.name, self.matched),
            "kind": share(self.kind, self.matched),
            "gender": share(self.gender, self.persons),
            "gender_opposite": share(self.gender_opposite, self.persons),
        }
