"""Read articles: text and Markdown files, HTML pages (trafilatura), JSON lines, stdin.

Text is decoded as UTF-8 (a BOM is dropped; other encodings are detected with
charset-normalizer), newlines are made universal (``\\r\\n`` and ``\\r`` become ``\\n``), and
nothing else changes: offsets in every output index this text.  Bad input raises
:class:`InputError` with a one-line message; a batch turns it into a :class:`Failure` and goes on.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import orjson

from .errors import InputError
from .language import foreign_language
from .model import Article

__all__ = [
    "SUFFIXES",
    "Failure",
    "JsonlFields",
    "article_from_bytes",
    "decode",
    "iter_articles",
    "path_id",
    "read_article",
    "safe_id",
]

SUFFIXES = frozenset({".txt", ".md", ".text", ".html", ".htm", ".jsonl"})
# Articles above this size are refused with a message (news articles are far below it; a bigger
# file is almost always a dump of many articles, which should be split or given as JSONL).
MAX_BYTES = 5 * 1024 * 1024
# A few NUL bytes are noise in a text; more than this share of the first block means binary data.
MAX_NUL_SHARE = 0.01
_BINARY_MAGIC = (b"\x89PNG", b"%PDF", b"PK\x03\x04", b"\xff\xd8\xff", b"GIF8", b"\x1f\x8b", b"\x7fELF")
_UNSAFE_ID = re.compile(r"[^A-Za-z0-9._-]+")
# A banner above the headline ("This story is over 5 years old.", "Updated at 10:42.") is a short
# full sentence; a headline has no final full stop and is seldom longer than this.
BANNER_WORDS = 8
HEADLINE_WORDS = 20
# A photo caption on a page ends with its credit in brackets: "(AP Photo/Evan Vucci)",
# "(Oleg Urusov/ Roscosmos Press Service photo via AP)"; the caption is not the article's text.
_PHOTO_CREDIT = re.compile(r"\((?=[^()]*\b(?:photo|photograph|getty images)\b)[^()]*\)\s*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not be read or analysed, and why."""

    path: str
    message: str


@dataclass(frozen=True, slots=True)
class JsonlFields:
    text: str = "text"
    id: str = "id"
    title: str = "title"
    outlet: str = "outlet"
    date: str = "date"


def safe_id(raw: str) -> str:
    """Make an article id safe as a file name (no separators, no ``..``).

    Examples:
        >>> safe_id("../../etc/passwd")
        'etc_passwd'
        >>> safe_id("homs-ceasefire")
        'homs-ceasefire'
    """
    out = _UNSAFE_ID.sub("_", raw).strip("._")
    return out[:120] or hashlib.sha1(raw.encode("utf-8", "replace")).hexdigest()[:16]


def path_id(path: Path, root: Path) -> str:
    """Return the article id of a file: its path under the input root, without the suffix.

    The same file under the same root has the same id in every run, wherever the command runs;
    each folder and the name are made safe one by one, so the id maps back to a file name.

    Examples:
        >>> path_id(Path("corpus/a/statement.txt"), Path("corpus"))
        'a/statement'
        >>> path_id(Path("corpus/homs-ceasefire.txt"), Path("corpus"))
        'homs-ceasefire'
    """
    rel = path.relative_to(root).with_suffix("")
    return "/".join(safe_id(part) for part in rel.parts)


def content_id(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "replace")).hexdigest()[:16]


def decode(data: bytes, where: str) -> str:
    """Decode file bytes to text with universal newlines; raise ``InputError`` when it is not text."""
    if len(data) > MAX_BYTES:
        raise InputError(
            f"{where}: {len(data) / 2**20:.1f} MB is over the {MAX_BYTES // 2**20} MB limit for one article; "
            "split it, or give many articles as JSONL"
        )
    if not data.strip():
        raise InputError(f"{where}: empty file (no text to analyse)")
    head = data[:8192]
    if data.startswith(_BINARY_MAGIC) or head.count(0) > MAX_NUL_SHARE * len(head):
        raise InputError(f"{where}: binary file, not text (convert it to .txt or .html first)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None:
            raise InputError(
                f"{where}: not UTF-8 (byte 0x{data[exc.start]:02x} at {exc.start}) "
                "and no encoding detected; re-save as UTF-8"
            ) from exc
        text = str(best)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(f"{where}: only whitespace (no text to analyse)")
    return text


def _html_article(data: bytes, where: str, article_id: str) -> Article:
    import trafilatura

    html = decode(data, where)
    extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    doc = extracted.as_dict() if hasattr(extracted, "as_dict") else extracted
    if not doc or not (doc.get("text") or "").strip():
        raise InputError(f"{where}: no article text found in the HTML")
    return Article(
        id=article_id,
        text=_page_text(doc["text"]),
        path=where,
        title=doc.get("title"),
        outlet=doc.get("sitename") or doc.get("hostname"),
        date=doc.get("date"),
    )


def _page_text(text: str) -> str:
    """The page's article paragraphs, without photo captions.

    Examples:
        >>> _page_text("Talks resumed.\\nA rally in Kyiv. (AP Photo/Efrem Lukatsky)\\nShops opened.")
        'Talks resumed.\\nShops opened.'
    """
    kept = [line for line in text.split("\n") if not _PHOTO_CREDIT.search(line.strip())]
    return "\n".join(kept) if any(line.strip() for line in kept) else text


def article_from_bytes(data: bytes, where: str, *, suffix: str = ".txt", article_id: str | None = None) -> Article:
    """Build an article from raw bytes of a text or HTML file."""
    aid = article_id or safe_id(Path(where).stem)
    if suffix in {".html", ".htm"}:
        return _html_article(data, where, aid)
    text = decode(data, where)
    return Article(id=aid, text=text, path=where, title=first_title(text))


def first_title(text: str) -> str | None:
    r"""Return the title of a plain-text article: its first line, unless that is a banner over the headline.

    A banner is a short full sentence (up to ``BANNER_WORDS`` words, ending in a full stop) whose next
    line reads as a headline (up to ``HEADLINE_WORDS`` words, no full stop at the end).

    Examples:
        >>> first_title("This story is over 5 years old.\n\nThe Homs Ceasefire Is a Symbolic Blow\n\nBody.")
        'The Homs Ceasefire Is a Symbolic Blow'
        >>> first_title("Officials said on Monday.\n\nThe talks failed.")
        'Officials said on Monday.'
    """
    lines = [line.strip() for line in text.splitlines() if line.strip()][:4]
    k = 0
    while k + 1 < len(lines) and _banner(lines[k]) and _headline(lines[k + 1]):
        k += 1
    return lines[k] if lines else None


def _banner(line: str) -> bool:
    return len(line.split()) <= BANNER_WORDS and line.endswith(".") and not line.endswith("..")


def _headline(line: str) -> bool:
    return len(line.split()) <= HEADLINE_WORDS and not line.endswith(".")


def read_article(path: str | Path, *, article_id: str | None = None) -> Article:
    """Read one text or HTML file (``-`` reads standard input); the id defaults to the file's stem."""
    if str(path) == "-":
        import sys

        data = sys.stdin.buffer.read()
        text = decode(data, "<stdin>")
        return Article(id=content_id(text), text=text, path=None)
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError as exc:
        raise InputError(f"{p}: no such file") from exc
    except IsADirectoryError as exc:
        raise InputError(f"{p}: is a folder; give a file, or use --out to analyse a folder") from exc
    except OSError as exc:
        raise InputError(f"{p}: cannot read ({exc.strerror})") from exc
    return article_from_bytes(data, str(p), suffix=p.suffix.lower(), article_id=article_id)


def _jsonl(path: Path, fields: JsonlFields) -> Iterator[Article | Failure]:
    try:
        fh = path.open("rb")
    except OSError as exc:
        yield Failure(str(path), f"{path}: cannot read ({exc.strerror})")
        return
    with fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            where = f"{path}:{n}"
            try:
                obj = orjson.loads(line)
                if not isinstance(obj, dict):
                    raise InputError(f"{where}: not a JSON object")
                text = obj.get(fields.text)
                if not isinstance(text, str) or not text.strip():
                    raise InputError(f"{where}: no text in field {fields.text!r}")
                text = text.replace("\r\n", "\n").replace("\r", "\n")
                raw_id = obj.get(fields.id)
                aid = safe_id(str(raw_id)) if raw_id not in (None, "") else content_id(text)
                yield Article(
                    id=aid,
                    text=text,
                    path=where,
                    title=_str(obj.get(fields.title)),
                    outlet=_str(obj.get(fields.outlet)),
                    date=_str(obj.get(fields.date)),
                )
            except orjson.JSONDecodeError as exc:
                yield Failure(where, f"{where}: malformed JSON ({exc})")
            except InputError as exc:
                yield Failure(where, str(exc))


def _str(v: object) -> str | None:
    return None if v is None else str(v)


def _files(paths: Iterable[str | Path]) -> Iterator[tuple[Path, Path]]:
    """Yield ``(file, input root)``: a folder is the root of the files under it, a file its own parent."""
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            yield from ((f, p) for f in sorted(p.rglob("*")) if f.is_file() and f.suffix.lower() in SUFFIXES)
        else:
            yield p, p.parent


def _read_all(paths: Iterable[str | Path], fields: JsonlFields) -> Iterator[Article | Failure]:
    for raw in paths:
        if str(raw) == "-":
            try:
                yield read_article("-")
            except InputError as exc:
                yield Failure("<stdin>", str(exc))
            continue
        if not Path(raw).exists():
            yield Failure(str(raw), f"{raw}: no such file or folder")
            continue
        for p, root in _files([raw]):
            if p.suffix.lower() == ".jsonl":
                yield from _jsonl(p, fields)
                continue
            try:
                yield read_article(p, article_id=path_id(p, root))
            except InputError as exc:
                yield Failure(str(p), str(exc))


def iter_articles(
    paths: Iterable[str | Path], *, fields: JsonlFields | None = None, any_language: bool = False
) -> Iterator[Article | Failure]:
    """Yield each article under ``paths`` (files or folders, recursively; ``-`` is stdin), or a ``Failure``.

    Ids are unique: a second input with the id of an earlier one (``note.txt`` and ``note.md``, or
    two JSONL lines with one ``id``) is a ``Failure`` that names both, never a silent replacement.
    An article that is confidently not English is a ``Failure`` (``PATH: not English (es)``), since
    English models would find nonsense sources in it, unless ``any_language``.
    """
    seen: dict[str, str] = {}
    for item in _read_all(paths, fields or JsonlFields()):
        if isinstance(item, Article):
            where = item.path or "<stdin>"
            first = seen.setdefault(item.id, where)
            lang = None if any_language else foreign_language(item.text)
            if first != where:
                item = Failure(
                    where, f"{where}: same article id {item.id!r} as {first}; rename one of them or give it another id"
                )
            elif lang is not None:
                item = Failure(where, f"{where}: not English ({lang})")
        yield item
