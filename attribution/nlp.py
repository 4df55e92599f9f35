"""The adapter over stanza: model resolution, the cached pipeline and a light parse model.

Only this module imports stanza (lazily, so ``attribution --help`` never loads torch).
A stanza ``Document`` is converted into :class:`ParsedDoc`: flat words with
document-level indices, heads as indices (``-1`` for the root), character offsets into
the exact article text, and named entities.  The 1-based stanza head arithmetic lives here only.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .config import Settings
from .errors import ModelsNotFoundError

if TYPE_CHECKING:  # pragma: no cover
    import stanza

__all__ = [
    "Entity",
    "ParsedDoc",
    "Sentence",
    "Word",
    "children",
    "load_pipeline",
    "model_report",
    "parse",
    "resolve_models_dir",
    "subtree",
]

PROCESSORS = "tokenize,mwt,pos,lemma,depparse,ner"
NER_TYPES = {  # CoNLL-03 and OntoNotes tag sets -> our four
    "PER": "PER",
    "PERSON": "PER",
    "ORG": "ORG",
    "LOC": "LOC",
    "GPE": "LOC",
    "FAC": "LOC",
    "MISC": "MISC",
    "NORP": "MISC",
}


@dataclass(slots=True)
class Word:
    """One syntactic word.

    Example: ``Word(i=7, sent=0, text='said', lemma='say', upos='VERB', head=3, deprel='parataxis', ...)``.
    """

    i: int
    sent: int
    text: str
    lemma: str
    upos: str
    head: int  # document-level index of the head, -1 for the root
    deprel: str
    start: int
    end: int
    ner: str | None = None  # PER / ORG / LOC / MISC when the word is inside an entity
    feats: str = ""

    def lower_text(self) -> str:
        return self.text.casefold().replace("’", "'")


@dataclass(slots=True)
class Sentence:
    index: int
    start: int  # character offsets
    end: int
    first: int  # word indices [first, last)
    last: int
    parsed: bool = True

    @property
    def word_range(self) -> range:
        return range(self.first, self.last)


@dataclass(slots=True)
class Entity:
    text: str
    type: str
    start: int
    end: int


@dataclass(slots=True)
class ParsedDoc:
    """A parsed article: words, sentences and entities, all with offsets into ``text``."""

    text: str
    words: list[Word] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    _children: list[list[int]] | None = None

    def children(self, i: int) -> list[int]:
        if self._children is None:
            kids: list[list[int]] = [[] for _ in self.words]
            for w in self.words:
                if w.head >= 0:
                    kids[w.head].append(w.i)
            self._children = kids
        return self._children[i]


def children(doc: ParsedDoc, i: int, rels: frozenset[str] | None = None) -> list[Word]:
    """Return the dependents of word ``i`` (optionally only those with a relation in ``rels``)."""
    out = [doc.words[j] for j in doc.children(i)]
    if rels is not None:
        out = [w for w in out if w.deprel in rels or w.deprel.split(":")[0] in rels]
    return out


def subtree(doc: ParsedDoc, i: int) -> list[int]:
    """Return the sorted word indices of the subtree rooted at ``i``."""
    out = []
    stack = [i]
    while stack:
        j = stack.pop()
        out.append(j)
        stack.extend(doc.children(j))
    return sorted(out)


# --- models -----------------------------------------------------------------------------


def resolve_models_dir(settings: Settings) -> Path:
    """Return the stanza resources folder: ``--models``, ``$STANZA_RESOURCES_DIR``, stanza's default."""
    if settings.models_dir is not None:
        return Path(settings.models_dir).expanduser()
    env = os.environ.get("STANZA_RESOURCES_DIR")
    if env:
        return Path(env).expanduser()
    return Path.home() / "stanza_resources"


def models_present(models_dir: Path) -> bool:
    return (models_dir / "resources.json").is_file() and (models_dir / "en").is_dir()


def model_report(settings: Settings) -> dict[str, Any]:
    """Describe which models would be used: folder, packages, files present."""
    import json

    models_dir = resolve_models_dir(settings)
    info: dict[str, Any] = {"dir": str(models_dir), "present": models_present(models_dir), "processors": {}}
    if info["present"]:
        try:
            res = json.loads((models_dir / "resources.json").read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            info["error"] = f"resources.json unreadable: {exc}"
            return info
        defaults = res.get("en", {}).get("default_processors", {})
        for proc in PROCESSORS.split(","):
            package = defaults.get(proc)
            if isinstance(package, dict):  # newer resources.json: {"package": ..., ...}
                package = next(iter(package), None)
            path = models_dir / "en" / proc / f"{package}.pt" if package else None
            info["processors"][proc] = {
                "package": package,
                "file": str(path) if path else None,
                "exists": bool(path and path.is_file()),
            }
    return info


def download_models(models_dir: Path) -> None:
    """Fetch the official English models with stanza's own downloader (prints its progress)."""
    import stanza

    print(f"Downloading the official English stanza models into {models_dir} …", file=sys.stderr)
    try:
        stanza.download("en", model_dir=str(models_dir), processors=PROCESSORS, verbose=True)
    except (OSError, RuntimeError, ValueError) as exc:  # requests' errors are OSErrors
        raise ModelsNotFoundError(
            f"could not download the stanza models into {models_dir} ({type(exc).__name__}); "
            "check the connection, or pass --models DIR with models already on disk"
        ) from exc


@functools.cache
def _pipeline(models_dir: str, processors: str, use_gpu: bool) -> stanza.Pipeline:
    import stanza

    try:
        return stanza.Pipeline(
            "en",
            dir=models_dir,
            processors=processors,
            download_method=None,
            use_gpu=use_gpu,
            verbose=False,
            tokenize_no_ssplit=False,
        )
    except (FileNotFoundError, KeyError, ValueError, RuntimeError, OSError) as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ModelsNotFoundError(
            f"cannot load the stanza models in {models_dir} ({first}); "
            "run `attribution models download` or pass --models DIR"
        ) from exc


def load_pipeline(settings: Settings, processors: str = PROCESSORS) -> stanza.Pipeline:
    """Return the stanza pipeline for ``settings``, built once per process."""
    models_dir = resolve_models_dir(settings)
    if not models_present(models_dir):
        if settings.offline:
            raise ModelsNotFoundError(
                f"no stanza English models in {models_dir}; run `attribution models download` or pass --models DIR"
            )
        download_models(models_dir)
    return _pipeline(str(models_dir), processors, settings.use_gpu)


# --- conversion -----------------------------------------------------------------------


def _convert(doc: Any, text: str, parsed_flags: Sequence[bool] | None = None) -> ParsedDoc:
    out = ParsedDoc(text=text)
    for si, sent in enumerate(doc.sentences):
        base = len(out.words)
        for token in sent.tokens:
            for w in token.words:
                head = base + w.head - 1 if w.head else -1
                out.words.append(
                    Word(
                        i=len(out.words),
                        sent=si,
                        text=w.text,
                        lemma=(w.lemma or w.text),
                        upos=w.upos or "X",
                        head=head,
                        deprel=w.deprel or "dep",
                        start=token.start_char,
                        end=token.end_char,
                        feats=w.feats or "",
                    )
                )
        tokens = sent.tokens
        out.sentences.append(
            Sentence(
                index=si,
                start=tokens[0].start_char if tokens else 0,
                end=tokens[-1].end_char if tokens else 0,
                first=base,
                last=len(out.words),
                parsed=True if parsed_flags is None else parsed_flags[si],
            )
        )
    for ent in getattr(doc, "ents", []) or []:
        etype = NER_TYPES.get(ent.type)
        if etype is None:
            continue
        out.entities.append(Entity(ent.text, etype, ent.start_char, ent.end_char))
    if out.entities:
        by_start = {}
        for ent in out.entities:
            by_start[ent.start] = ent
        ents = sorted(out.entities, key=lambda e: e.start)
        k = 0
        for w in out.words:
            while k < len(ents) and ents[k].end <= w.start:
                k += 1
            if k < len(ents) and ents[k].start <= w.start < ents[k].end:
                w.ner = ents[k].type
    return out


def parse(texts: Sequence[str], settings: Settings) -> Iterator[ParsedDoc]:
    """Parse texts with the cached pipeline, batching documents; yields one ``ParsedDoc`` per text."""
    import stanza

    pipeline = load_pipeline(settings)
    cache = _Cache(settings) if settings.cache_dir is not None else None
    batch: list[str] = []
    size = 0
    for text in texts:
        batch.append(text)
        size += len(text)
        if size >= settings.batch_chars:
            yield from _parse_batch(pipeline, batch, stanza, cache)
            batch, size = [], 0
    if batch:
        yield from _parse_batch(pipeline, batch, stanza, cache)


def _parse_batch(pipeline: Any, texts: list[str], stanza: Any, cache: _Cache | None) -> Iterator[ParsedDoc]:
    found = {i: cache.get(t) for i, t in enumerate(texts)} if cache else {}
    todo = [i for i in range(len(texts)) if found.get(i) is None]
    parsed: dict[int, ParsedDoc] = {}
    if todo:
        docs = pipeline([stanza.Document([], text=texts[i]) for i in todo])
        for i, doc in zip(todo, docs, strict=True):
            parsed[i] = _convert(doc, texts[i])
            if cache:
                cache.put(texts[i], parsed[i])
    for i in range(len(texts)):
        yield found.get(i) or parsed[i]


class _Cache:
    """Parsed documents on disk as JSON, keyed by text, models folder and stanza version."""

    def __init__(self, settings: Settings) -> None:
        import stanza

        if settings.cache_dir is None:
            raise ValueError("no cache_dir in settings")
        self.dir = Path(settings.cache_dir)
        self.dir.mkdir(parents=True, exist_ok=True)
        self.salt = f"{resolve_models_dir(settings).resolve()}|{stanza.__version__}|{PROCESSORS}|1"

    def _path(self, text: str) -> Path:
        import hashlib

        return self.dir / (
            hashlib.sha1((self.salt + "\0" + text).encode("utf-8", "surrogatepass")).hexdigest() + ".json"
        )

    def get(self, text: str) -> ParsedDoc | None:
        import orjson

        path = self._path(text)
        try:
            data = orjson.loads(path.read_bytes())
        except (OSError, ValueError):
            return None
        doc = ParsedDoc(text=text)
        doc.words = [Word(*w) for w in data["w"]]
        doc.sentences = [Sentence(*s) for s in data["s"]]
        doc.entities = [Entity(*e) for e in data["e"]]
        return doc

    def put(self, text: str, doc: ParsedDoc) -> None:
        import orjson

        data = {
            "w": [
                [w.i, w.sent, w.text, w.lemma, w.upos, w.head, w.deprel, w.start, w.end, w.ner, w.feats]
                for w in doc.words
            ],
            "s": [[s.index, s.start, s.end, s.first, s.last, s.parsed] for s in doc.sentences],
            "e": [[e.text, e.type, e.start, e.end] for e in doc.entities],
        }
        path = self._path(text)
        tmp = path.with_suffix(".tmp")
        tmp.write_bytes(orjson.dumps(data))
        tmp.replace(path)


def set_threads(n: int) -> None:
    """Limit torch to ``n`` threads in this process (one per worker when workers share the cores)."""
    import torch

    torch.set_num_threads(max(1, n))
