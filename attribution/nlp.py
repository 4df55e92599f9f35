"""The adapter over stanza: model resolution, the cached pipeline and a light parse model.

Only this module imports stanza (lazily, so ``attribution --help`` never loads torch).
A stanza ``Document`` is converted into :class:`ParsedDoc`: flat words with
document-level indices, heads as indices (``-1`` for the root), character offsets into
the exact article text, and named entities.  The 1-based stanza head arithmetic lives here only.
"""

from __future__ import annotations

import functools
import inspect
import json
import os
import pickle
import sys
import traceback
import warnings
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .config import Settings
from .errors import AttributionError, ModelsNotFoundError, PipelineError

if TYPE_CHECKING:  # pragma: no cover
    import stanza

__all__ = [
    "Entity",
    "ParsedDoc",
    "Sentence",
    "Word",
    "children",
    "decoder_mismatch",
    "install_tree_decoder",
    "load",
    "load_pipeline",
    "model_report",
    "parse",
    "resolve_models_dir",
    "subtree",
    "word_at",
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


def word_at(doc: ParsedDoc, pos: int) -> int | None:
    """Index of the word holding character ``pos`` (binary search), ``None`` between words."""
    lo, hi = 0, len(doc.words)
    while lo < hi:
        mid = (lo + hi) // 2
        if doc.words[mid].end <= pos:
            lo = mid + 1
        else:
            hi = mid
    return lo if lo < len(doc.words) and doc.words[lo].start <= pos else None


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
    """Build a stanza pipeline once per process."""
    return _build_pipeline(models_dir, processors, use_gpu, pretokenized)


def _build_pipeline(models_dir: str, processors: str, use_gpu: bool, pretokenized: bool = False) -> stanza.Pipeline:
    """Build a stanza pipeline; a failure is one line that says what really failed (see ``_load_error``)."""
    import stanza

    install_tree_decoder()
    try:
        return stanza.Pipeline(
            "en", dir=models_dir, processors=processors, download_method=None, use_gpu=use_gpu, verbose=False,
            tokenize_pretokenized=pretokenized, **BATCH_OPTIONS,
        )  # fmt: skip
    except Exception as exc:  # the boundary of the one call into stanza's loader
        raise _load_error(exc, models_dir) from exc


# What a missing, truncated or corrupt model file raises inside stanza and torch.load.
_MODEL_FILE_ERRORS = (FileNotFoundError, EOFError, pickle.UnpicklingError, zipfile.BadZipFile, json.JSONDecodeError)


def _load_error(exc: Exception, models_dir: str) -> AttributionError:
    """Turn a failure to build the pipeline into one line: the models message only for model files.

    Missing or corrupt model files (what torch.load or the file system raised, anywhere in the chain
    of causes) say how to get the models; anything else (an option this stanza does not know, a bug)
    is reported as it is, with the stanza version.
    """
    text = str(exc).strip()
    first = text.splitlines()[0] if text else type(exc).__name__
    if _model_file_problem(exc):
        return ModelsNotFoundError(
            f"cannot load the stanza models in {models_dir} ({first}); "
            "run `attribution models download` or pass --models DIR"
        )
    return PipelineError(
        f"cannot build the stanza pipeline ({type(exc).__name__}: {first}); "
        f"stanza {_stanza_version()} with the models in {models_dir}"
    )


def _model_file_problem(exc: BaseException | None) -> bool:
    seen = 0
    while exc is not None and seen < 10:
        if isinstance(exc, _MODEL_FILE_ERRORS):
            return True
        frames = traceback.extract_tb(exc.__traceback__)
        if any(Path(f.filename).parts[-2:] == ("torch", "serialization.py") for f in frames):
            return True  # torch.load: "PytorchStreamReader failed reading zip archive", a truncated file
        exc = exc.__cause__ or exc.__context__
        seen += 1
    return False


def _stanza_version() -> str:
    from importlib import metadata

    try:
        return metadata.version("stanza")
    except metadata.PackageNotFoundError:  # pragma: no cover
        return "?"


# What treedecode.py's patch expects of stanza's decoder module (as in stanza 1.15): these functions
# with these parameters, ``chuliu_edmonds`` finding cycles through the module's ``tarjan``, and the
# parser modules calling ``chuliu_edmonds_one_root`` by the name they imported.
DECODER_API = {"tarjan": ("tree",), "chuliu_edmonds": ("scores",), "chuliu_edmonds_one_root": ("scores",)}


def decoder_mismatch(decoders: Any, callers: Sequence[Any]) -> str | None:
    """Return how stanza's decoder module differs from what the patch expects, or ``None`` if it fits.

    Args:
        decoders: ``stanza.models.common.chuliu_edmonds`` (or a stand-in in tests).
        callers: the modules that import ``chuliu_edmonds_one_root`` by name (depparse ``model``,
            ``head_constraints``).
    """
    for name, params in DECODER_API.items():
        fn = getattr(decoders, name, None)
        if not callable(fn):
            return f"{decoders.__name__} has no {name}()"
        try:
            got = tuple(inspect.signature(fn).parameters)
        except (TypeError, ValueError):
            return f"{decoders.__name__}.{name} has no readable signature"
        if got != params:
            return f"{decoders.__name__}.{name}({', '.join(got)}) is not {name}({', '.join(params)})"
    code = getattr(decoders.chuliu_edmonds, "__code__", None)
    if code is None or "tarjan" not in code.co_names:
        return f"{decoders.__name__}.chuliu_edmonds no longer calls tarjan"
    for mod in callers:
        used = getattr(mod, "chuliu_edmonds_one_root", None)
        if used is not decoders.chuliu_edmonds_one_root and not _is_ours(used):
            return f"{mod.__name__} does not call {decoders.__name__}.chuliu_edmonds_one_root"
    return None


def _is_ours(fn: Any) -> bool:
    return getattr(fn, "__qualname__", "").startswith("one_root_decoder")


def patch_decoder(decoders: Any, callers: Sequence[Any]) -> bool:
    """Put :mod:`.treedecode`'s decoder into ``decoders`` and ``callers`` if they are laid out as expected.

    Returns whether the patch is in place; otherwise nothing is changed and a ``RuntimeWarning`` says why.
    """
    why = decoder_mismatch(decoders, callers)
    if why is not None:
        warnings.warn(
            f"stanza's tree decoder is not what attribution's faster decoder replaces ({why}); "
            "keeping stanza's own (same trees, slower parsing)",
            RuntimeWarning,
            stacklevel=2,
        )
        return False
    from .treedecode import one_root_decoder, tarjan

    if all(_is_ours(m.chuliu_edmonds_one_root) for m in callers):  # already in place
        return True
    decoders.tarjan = tarjan
    decoder = one_root_decoder(decoders.chuliu_edmonds, decoders.chuliu_edmonds_one_root)
    for mod in callers:  # each imports the function by name
        mod.chuliu_edmonds_one_root = decoder
    return True


@functools.cache
def install_tree_decoder() -> bool:
    """Decode parses with :mod:`.treedecode` (stanza's trees, several times faster), once per process.

    A speed-up only: where stanza's decoder module is laid out differently (another stanza version),
    stanza's own is kept and one warning says so.  Returns whether the faster decoder is in place.
    """
    try:
        from stanza.models.common import chuliu_edmonds
        from stanza.models.depparse import head_constraints, model
    except ImportError as exc:
        warnings.warn(f"stanza's tree decoder not found ({exc}); keeping stanza's own", RuntimeWarning, stacklevel=2)
        return False
    return patch_decoder(chuliu_edmonds, [model, head_constraints])


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
    for text, doc in zip(texts, docs, strict=True):
        pieces: list[_Piece] = []
        sentences = [
            [(w.text, tok.start_char, tok.end_char) for tok in s.tokens for w in tok.words] for s in doc.sentences
        ]
        for words in _split_at_lines(text, _mend_splits(text, sentences)):
            for k in range(0, len(words), MAX_SENTENCE_WORDS):
                pieces.append(_Piece(words[k : k + MAX_SENTENCE_WORDS]))
        out.append(pieces)
    return out


def _mend_splits(text: str, sentences: list[list[tuple[str, int, int]]]) -> list[list[tuple[str, int, int]]]:
    """Join a sentence the tokenizer ended on a word, with one space before the next on the same line.

    The tokenizer sometimes ends a sentence inside a name or a title ("British Prime Minister
    Theresa | May said", "told CBS | This Morning that"); a sentence ends on punctuation, so a break
    after a word is the model's slip. A line in capitals is a heading and keeps its break
    ("SAVE A QUARTER | Let's say …").
    """
    out: list[list[tuple[str, int, int]]] = []
    for words in sentences:
        if out and words and out[-1] and _slipped(text, out[-1], words):
            out[-1] = out[-1] + words
        else:
            out.append(words)
    return out


def _split_at_lines(text: str, sentences: list[list[tuple[str, int, int]]]) -> list[list[tuple[str, int, int]]]:
    """Cut a sentence at a line break before a line that starts a new one (capital, digit, quotation mark).

    A line is a paragraph or a heading on a page; the tokenizer runs over one that ends with no
    full stop ("… found the toddler unresponsive | Ohio's prison parole board heard …", a teaser
    "… the alleged drone strike, which | Just four months after …"), and a reported content then runs
    into the next story. A line that starts in lower case goes on the sentence ("regularly | incites |
    political violence", a link set on its own line).
    """
    out: list[list[tuple[str, int, int]]] = []
    for words in sentences:
        out.append([])
        for k, word in enumerate(words):
            if k and out[-1] and _new_line_starts(text[words[k - 1][2] : word[1]], word[0]):
                out.append([])
            out[-1].append(word)
    return out


def _new_line_starts(gap: str, form: str) -> bool:
    first = form[:1]
    return "\n" in gap and (first.isupper() or first.isdigit() or first in "“\"‘'(«[")


def _slipped(text: str, before: list[tuple[str, int, int]], after: list[tuple[str, int, int]]) -> bool:
    last = before[-1][0]
    gap = text[before[-1][2] : after[0][1]]
    if len(gap) != 1 or not gap.isspace() or gap == "\n" or not last[-1:].isalnum():
        return False
    letters = [w for w, _, _ in before if any(c.isalpha() for c in w)]
    return not all(w.isupper() for w in letters) and len(before) + len(after) <= MAX_SENTENCE_WORDS


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
    """Indices of the sentences that can hold an attribution: a quotation mark, or a cue word.

    A sentence that opens with a quotation mark also keeps the sentence before it, which often
    names the speaker of a quotation with no frame of its own ("Charles Schultze … once summed up
    the danger with a metaphor. “It's not so much …”"): that name needs its tags.
    """
    keep: set[int] = set()
    for si, piece in enumerate(pieces):
        if not piece.words:
            continue
        span = text[piece.words[0][1] : piece.words[-1][2]]
        if any(w.lower().replace("’", "'") in cue_forms for w, _, _ in piece.words) or any(ch in marks for ch in span):
            keep.add(si)
            if span[:1] in marks and si > 0 and pieces[si - 1].words:
                keep.add(si - 1)
    return sorted(keep)


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


def _forms_digest() -> str:
    """A digest of the cue forms that choose which sentences get parsed: a lexicon change is a new parse."""
    import hashlib

    from .lexicon import default_lexicon

    forms = sorted(default_lexicon().cue_forms(wider=True))
    return hashlib.sha1("\n".join(forms).encode("utf-8")).hexdigest()[:12]


class _Cache:
    """Parsed documents on disk as JSON, keyed by text, models folder and stanza version."""

    def __init__(self, settings: Settings) -> None:
        import stanza

        if settings.cache_dir is None:
            raise ValueError("no cache_dir in settings")
        self.dir = Path(settings.cache_dir)
        self.dir.mkdir(parents=True, exist_ok=True)
        models = resolve_models_dir(settings).resolve()
        self.salt = f"{models}|{stanza.__version__}|{settings.selective}|{settings.wider_cues}|{_forms_digest()}|5"

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
