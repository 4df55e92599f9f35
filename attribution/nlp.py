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
    "install_tree_decoder",
    "load",
    "load_pipeline",
    "model_report",
    "parse",
    "resolve_models_dir",
    "subtree",
]

PROCESSORS = "tokenize,mwt,pos,lemma,depparse,ner"
# Smaller batches than the models' own (pos 100 sentences, depparse 3,000 words): the parser's
# biaffine scorer builds a (words x hidden x labels) tensor per batch, and at 3,000 words that
# no longer fits the cache.  Measured on 40 PolNeAR train articles, one thread, fastest of three
# interleaved runs: 29.0 s -> 25.2 s for the tagging stage, same output.
BATCH_OPTIONS = {"pos_batch_size": 50, "depparse_batch_size": 700}
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
def _pipeline(models_dir: str, processors: str, use_gpu: bool, pretokenized: bool = False) -> stanza.Pipeline:
    """Build a stanza pipeline once per process; any failure to load it is one ModelsNotFoundError."""
    import stanza

    install_tree_decoder()
    try:
        return stanza.Pipeline(
            "en", dir=models_dir, processors=processors, download_method=None, use_gpu=use_gpu, verbose=False,
            tokenize_pretokenized=pretokenized, **BATCH_OPTIONS,
        )  # fmt: skip
    except Exception as exc:  # any failure to load model files: missing, corrupt, incompatible
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ModelsNotFoundError(
            f"cannot load the stanza models in {models_dir} ({first}); "
            "run `attribution models download` or pass --models DIR"
        ) from exc


def install_tree_decoder() -> None:
    """Decode parses with :mod:`.treedecode` (stanza's trees, several times faster); idempotent.

    A speed-up only: where stanza's decoder module is laid out differently, stanza's own is kept.
    """
    try:
        from stanza.models.common import chuliu_edmonds
        from stanza.models.depparse import head_constraints, model
    except ImportError:  # pragma: no cover - another stanza layout
        return
    if not all(hasattr(m, "chuliu_edmonds_one_root") for m in (chuliu_edmonds, head_constraints, model)):
        return  # pragma: no cover

    from .treedecode import one_root_decoder, tarjan

    chuliu_edmonds.tarjan = tarjan
    decoder = one_root_decoder(chuliu_edmonds.chuliu_edmonds, chuliu_edmonds.chuliu_edmonds_one_root)
    model.chuliu_edmonds_one_root = decoder  # both modules import the function by name
    head_constraints.chuliu_edmonds_one_root = decoder


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


# --- parsing --------------------------------------------------------------------------

# Sentences longer than this are cut into windows before tagging and parsing: the parser's memory
# grows with the square of sentence length (one 5,000-word run-on exhausts 24 GB).
MAX_SENTENCE_WORDS = 150
TOKENIZE = "tokenize,mwt"
TAG = "tokenize,pos,lemma,depparse,ner"


@dataclass(slots=True)
class _Piece:
    """A stage-one sentence: words with the character span of the token each came from."""

    words: list[tuple[str, int, int]]


def _tokenize(texts: list[str], settings: Settings) -> list[list[_Piece]]:
    import stanza

    pipeline = load_pipeline(settings, TOKENIZE)
    docs = pipeline([stanza.Document([], text=t) for t in texts])
    out: list[list[_Piece]] = []
    for doc in docs:
        pieces: list[_Piece] = []
        for sent in doc.sentences:
            words = [(w.text, tok.start_char, tok.end_char) for tok in sent.tokens for w in tok.words]
            for k in range(0, len(words), MAX_SENTENCE_WORDS):
                pieces.append(_Piece(words[k : k + MAX_SENTENCE_WORDS]))
        out.append(pieces)
    return out


def _tag(pieces: list[_Piece], settings: Settings) -> list[Any]:
    """Tag, lemmatise, parse and NER the given sentences (already tokenised) in one batch."""
    if not pieces:
        return []
    pipeline = _tag_pipeline(settings)
    doc = pipeline([[w for w, _, _ in p.words] for p in pieces])
    return list(doc.sentences)


def load(settings: Settings) -> None:
    """Load both stages' pipelines now (fails early with ``ModelsNotFoundError``)."""
    _tag_pipeline(settings)


def _tag_pipeline(settings: Settings) -> Any:
    models_dir = resolve_models_dir(settings)
    load_pipeline(settings, TOKENIZE)  # checks the models folder (and downloads when allowed)
    return _pipeline(str(models_dir), TAG, settings.use_gpu, pretokenized=True)


def _build(text: str, pieces: list[_Piece], tagged: dict[int, Any]) -> ParsedDoc:
    """Assemble a ParsedDoc from stage-one pieces and the tagged sentences (by piece index)."""
    out = ParsedDoc(text=text)
    for si, piece in enumerate(pieces):
        base = len(out.words)
        sent = tagged.get(si)
        if sent is not None:
            ent_type: str | None = None
            ent_start = 0
            for j, (w, (form, start, end)) in enumerate(zip(sent.words, piece.words, strict=True)):
                head = base + w.head - 1 if w.head else -1
                out.words.append(
                    Word(base + j, si, form, w.lemma or form, w.upos or "X", head, w.deprel or "dep", start, end,
                         feats=w.feats or "")
                )  # fmt: skip
                tag = getattr(w.parent, "ner", None) or "O"
                prefix, _, etype = tag.partition("-")
                mapped = NER_TYPES.get(etype)
                if prefix in {"B", "S"} or mapped is None or mapped != ent_type:
                    ent_type, ent_start = (mapped, start) if mapped else (None, 0)
                if mapped:
                    out.words[-1].ner = mapped
                if mapped and prefix in {"E", "S"}:
                    out.entities.append(Entity(text[ent_start:end], mapped, ent_start, end))
                    ent_type = None
        else:
            for j, (form, start, end) in enumerate(piece.words):
                out.words.append(Word(base + j, si, form, form.lower(), "X", -1, "dep", start, end))
        out.sentences.append(
            Sentence(
                index=si,
                start=piece.words[0][1] if piece.words else 0,
                end=piece.words[-1][2] if piece.words else 0,
                first=base,
                last=len(out.words),
                parsed=sent is not None,
            )
        )
    return out


def _select(text: str, pieces: list[_Piece], cue_forms: frozenset[str], marks: frozenset[str]) -> list[int]:
    """Indices of the sentences that can hold an attribution: a quotation mark, or a cue word."""
    keep = []
    for si, piece in enumerate(pieces):
        if not piece.words:
            continue
        span = text[piece.words[0][1] : piece.words[-1][2]]
        if any(w.lower().replace("’", "'") in cue_forms for w, _, _ in piece.words) or any(ch in marks for ch in span):
            keep.append(si)
    return keep


def parse(texts: Sequence[str], settings: Settings) -> Iterator[ParsedDoc]:
    """Parse texts, batching documents; yields one ``ParsedDoc`` per text.

    Stage one tokenises everything; stage two (tagger, lemmatiser, parser, NER) runs on every
    sentence, or with ``settings.selective`` only on the sentences that can hold an attribution
    (a quotation mark, a cue word): the others keep their words, untagged (``parsed=False``).
    """
    cache = _Cache(settings) if settings.cache_dir is not None else None
    batch: list[str] = []
    size = 0
    for text in texts:
        batch.append(text)
        size += len(text)
        if size >= settings.batch_chars:
            yield from _parse_batch(batch, settings, cache)
            batch, size = [], 0
    if batch:
        yield from _parse_batch(batch, settings, cache)


def _parse_batch(texts: list[str], settings: Settings, cache: _Cache | None) -> Iterator[ParsedDoc]:
    from .lexicon import QUOTE_FAMILIES, default_lexicon

    found = {i: cache.get(t) for i, t in enumerate(texts)} if cache else {}
    todo = [i for i in range(len(texts)) if found.get(i) is None]
    parsed: dict[int, ParsedDoc] = {}
    if todo:
        pieces = _tokenize([texts[i] for i in todo], settings)
        forms = default_lexicon().cue_forms(wider=settings.wider_cues)
        marks = frozenset("".join(o + c for o, c in QUOTE_FAMILIES.values())) - {"'", "’"}
        chosen: list[tuple[int, int]] = []  # (doc position in todo, piece index)
        for k, (i, ps) in enumerate(zip(todo, pieces, strict=True)):
            idx = _select(texts[i], ps, forms, marks) if settings.selective else range(len(ps))
            chosen.extend((k, si) for si in idx)
        sentences = _tag([pieces[k][si] for k, si in chosen], settings)
        tagged: dict[int, dict[int, Any]] = {}
        for (k, si), sent in zip(chosen, sentences, strict=True):
            tagged.setdefault(k, {})[si] = sent
        for k, i in enumerate(todo):
            parsed[i] = _build(texts[i], pieces[k], tagged.get(k, {}))
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
        models = resolve_models_dir(settings).resolve()
        self.salt = f"{models}|{stanza.__version__}|{settings.selective}|{settings.wider_cues}|2"

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
