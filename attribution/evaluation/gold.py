"""Read gold attributions in PolNeAR's brat standoff format.

Each ``.ann`` file holds text-bound spans (``T12\\tContent 10 20;25 30\\ttext``) and events that
link them (``E3\\tAttribution:T8 Content:T7 Cue:T6 Source:T5 Content2:T9``).  ``Discuss`` and
``Discard`` spans are not attributions.  When an article has files from several annotators, the
alphabetically first file is used (annotator ``4b22`` where present), so runs are reproducible.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError

__all__ = ["GoldArticle", "GoldAttribution", "check_layout", "load_gold", "parse_ann"]

_T_LINE = re.compile(r"^(T\d+)\t([\w-]+) ([\d;\s]+)\t")
_E_LINE = re.compile(r"^(E\d+)\t(.*)$")


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    id: str
    content: tuple[tuple[int, int], ...]
    cue: tuple[tuple[int, int], ...] = ()
    source: tuple[tuple[int, int], ...] = ()


@dataclass(slots=True)
class GoldArticle:
    name: str
    text_path: Path
    ann_path: Path
    publisher: str
    attributions: list[GoldAttribution] = field(default_factory=list)


def _spans(raw: str) -> tuple[tuple[int, int], ...]:
    out = []
    for part in raw.split(";"):
        a, b = part.split()
        out.append((int(a), int(b)))
    return tuple(out)


def parse_ann(text: str) -> list[GoldAttribution]:
    """Parse the attribution events of one ``.ann`` file.

    Examples:
        >>> ann = "T1\\tSource 0 2\\twe\\nT2\\tCue 3 9\\tmocked\\nT3\\tContent 10 13\\tthe\\n"
        >>> ann += "T4\\tAttribution 3 9\\tmocked\\nE1\\tAttribution:T4 Content:T3 Cue:T2 Source:T1\\n"
        >>> parse_ann(ann)
        [GoldAttribution(id='E1', content=((10, 13),), cue=((3, 9),), source=((0, 2),))]
    """
    spans: dict[str, tuple[str, tuple[tuple[int, int], ...]]] = {}
    events: list[tuple[str, list[tuple[str, str]]]] = []
    for line in text.splitlines():
        m = _T_LINE.match(line)
        if m:
            spans[m.group(1)] = (m.group(2), _spans(m.group(3)))
            continue
        m = _E_LINE.match(line)
        if m:
            args = [tuple(a.split(":", 1)) for a in m.group(2).split() if ":" in a]
            events.append((m.group(1), args))  # type: ignore[arg-type]
    out = []
    for eid, args in events:
        roles: dict[str, list[tuple[int, int]]] = {"content": [], "cue": [], "source": []}
        kind_ok = False
        for role, tid in args:
            base = re.sub(r"\d+$", "", role).lower()
            if base.startswith("attribution"):
                kind_ok = True
                continue
            if base in roles and tid in spans:
                roles[base].extend(spans[tid][1])
        if kind_ok and roles["content"]:
            out.append(
                GoldAttribution(
                    eid, tuple(sorted(roles["content"])), tuple(sorted(roles["cue"])), tuple(sorted(roles["source"]))
                )
            )
    return out


def _publishers(root: Path) -> dict[str, str]:
    meta = root.parent / "metadata.tsv"
    out: dict[str, str] = {}
    if meta.is_file():
        lines = meta.read_text(encoding="utf-8").splitlines()
        head = lines[0].split("\t") if lines else []
        if "filename" in head and "publisher" in head:
            fi, pi = head.index("filename"), head.index("publisher")
            for line in lines[1:]:
                cols = line.split("\t")
                if len(cols) > max(fi, pi):
                    out[cols[fi]] = cols[pi]
    return out


def check_layout(root: str | Path) -> Path:
    """Raise ``InputError`` unless ``root`` holds ``text/`` and ``attributions/``."""
    root = Path(root)
    if not (root / "text").is_dir() or not (root / "attributions").is_dir():
        raise InputError(f"{root}: expected text/ and attributions/ folders (PolNeAR brat layout)")
    return root


def load_gold(root: str | Path, *, limit: int | None = None) -> Iterator[GoldArticle]:
    """Yield the gold articles under ``root`` (which holds ``text/`` and ``attributions/``)."""
    root = check_layout(root)
    text_dir, ann_dir = root / "text", root / "attributions"
    publishers = _publishers(root)
    anns: dict[str, list[Path]] = {}
    for ann in sorted(ann_dir.glob("*.ann")):
        stem, _, _annotator = ann.stem.rpartition("_")
        anns.setdefault(stem, []).append(ann)
    n = 0
    for txt in sorted(text_dir.glob("*.txt")):
        files = sorted(anns.get(txt.stem, []))
        if not files:
            continue
        ann = files[0]
        yield GoldArticle(
            name=txt.stem,
            text_path=txt,
            ann_path=ann,
            publisher=publishers.get(txt.stem, txt.stem.split("_", 1)[0]),
            attributions=parse_ann(ann.read_text(encoding="utf-8")),
        )
        n += 1
        if limit is not None and n >= limit:
            return
