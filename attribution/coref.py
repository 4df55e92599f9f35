"""Resolve speaker mentions to canonical sources: the fullest name in the article.

Name rules first (surname or title + surname -> the fullest earlier or later name; an acronym or
a part of an organisation's name -> that organisation), then pronouns by agreement and distance
(*he*/*she* -> the last person, *it* -> the last organisation, *they* -> the last group or
organisation), then nominals (*the analyst* -> the last source whose role holds that word).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

from .lexicon import Lexicon
from .model import Source, SourceKind
from .nlp import ParsedDoc, Word
from .speakers import MentionInfo, acronym

__all__ = ["Resolved", "resolve_sources", "slug", "source_id"]

_KIND_PREFIX = {
    SourceKind.PERSON: "person",
    SourceKind.ORGANIZATION: "org",
    SourceKind.GROUP: "group",
    SourceKind.ANONYMOUS: "anon",
    SourceKind.DOCUMENT: "doc",
}


# How far (characters) before "who" its antecedent name may start.
RELATIVE_REACH = 80


def slug(s: str) -> str:
    """Make an XML-safe id fragment (an NMTOKEN) that keeps distinct names distinct.

    Latin names fold to ASCII; a name that loses letters in the fold (Cyrillic, Arabic, CJK,
    *ß*) gets a short hash of its NFC form appended, so two such names never share an id.

    Examples:
        >>> slug("Noah Bonsey")
        'noah-bonsey'
        >>> slug("Bashar al-Assad’s")
        'bashar-al-assads'
        >>> slug("Владимир Путин") != slug("Дмитрий Песков")
        True
        >>> slug("Lech Wałęsa")
        'lech-waesa-5da66f22'
    """
    decomposed = unicodedata.normalize("NFKD", s)
    folded = decomposed.encode("ascii", "ignore").decode()
    out = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    if any(c.isalnum() and not c.isascii() for c in decomposed):
        digest = hashlib.sha1(unicodedata.normalize("NFC", s).encode("utf-8")).hexdigest()[:8]
        return f"{out}-{digest}" if out else f"u{digest}"
    return out or "x"


def source_id(kind: SourceKind, name: str) -> str:
    return f"{_KIND_PREFIX[kind]}:{slug(name)}"


@dataclass
class _Entity:
    name: str
    kind: SourceKind
    role: str | None = None
    affiliation: str | None = None
    aliases: list[str] = field(default_factory=list)
    last_pos: int = 0


@dataclass(frozen=True, slots=True)
class Resolved:
    """A mention with the canonical source it resolves to."""

    info: MentionInfo
    source: Source


def _proper_runs(doc: ParsedDoc) -> list[tuple[int, str]]:
    """Runs of two to four proper nouns (names the NER may have missed)."""
    runs: list[tuple[int, str]] = []
    run: list[int] = []

    def name_like(w: Word | None) -> bool:
        # untagged words (sentences left unparsed) count when capitalised
        return w is not None and w.text[:1].isupper() and (w.upos == "PROPN" or (w.upos == "X" and w.text.isalpha()))

    for w in [*doc.words, None]:
        if w is not None and name_like(w) and (not run or run[-1] == w.i - 1):
            run.append(w.i)
            continue
        if 2 <= len(run) <= 4:
            a, b = doc.words[run[0]], doc.words[run[-1]]
            runs.append((a.start, doc.text[a.start : b.end]))
        run = [w.i] if name_like(w) else []
    return runs


def _tokens(name: str) -> list[str]:
    return [t for t in re.split(r"[\s]+", name.replace("’", "'")) if t]


def _surname_key(name: str, lex: Lexicon) -> str:
    toks = [t for t in _tokens(name) if t.lower() not in lex.honorifics]
    return toks[-1].lower().rstrip(".,") if toks else name.lower()


def resolve_sources(doc: ParsedDoc, mentions: Sequence[MentionInfo | None], *, lex: Lexicon) -> list[Resolved | None]:
    """Resolve each mention (in document order) to a canonical source of the article."""
    # candidate full names: every PER / ORG entity and every non-pronoun mention
    persons: list[tuple[int, str]] = [(e.start, e.text) for e in doc.entities if e.type == "PER"]
    persons += _proper_runs(doc)
    orgs: list[tuple[int, str]] = [(e.start, e.text) for e in doc.entities if e.type == "ORG"]
    entities: dict[str, _Entity] = {}
    out: list[Resolved | None] = []

    def fullest_person(name: str) -> str:
        key = _surname_key(name, lex)
        toks = _tokens(name)
        best = name
        for _, cand in persons + [
            (m.start, m.name) for m in mentions if m and m.kind is SourceKind.PERSON and not m.pronoun
        ]:
            ctoks = [t for t in _tokens(cand) if t.lower() not in lex.honorifics]
            longer = ctoks and ctoks[-1].lower().rstrip(".,") == key and len(_tokens(best)) < len(ctoks) <= 5
            if longer and all(t in ctoks for t in toks if t.lower() not in lex.honorifics):
                best = " ".join(ctoks)
        return best

    def org_match(name: str) -> str:
        low = name.lower()
        for ent in entities.values():
            if ent.kind is not SourceKind.ORGANIZATION:
                continue
            full = ent.name
            short = acronym(full)
            if short and name.replace(".", "") == short:
                return full
            if low != full.lower() and low in full.lower() and len(low) > 3:
                return full
        for _, cand in orgs:
            short = acronym(cand)
            if short and name == short:
                return cand
        return name

    def last_of(kinds: set[SourceKind], pos: int) -> _Entity | None:
        best = None
        for ent in entities.values():
            if ent.kind in kinds and ent.last_pos <= pos and (best is None or ent.last_pos > best.last_pos):
                best = ent
        return best

    for m in mentions:
        if m is None:
            out.append(None)
            continue
        ent: _Entity | None = None
        if m.pronoun and m.mention.lower() == "who":
            # a relative pronoun refers to the name just before it ("Barkley, who said …")
            near = [p for p in persons if p[0] < m.start and m.start - p[0] < RELATIVE_REACH]
            if near:
                name = fullest_person(max(near)[1])
                ent = entities.setdefault(source_id(SourceKind.PERSON, name), _Entity(name, SourceKind.PERSON))
        if ent is None and (m.pronoun or m.nominal):
            kinds = {m.kind}
            if m.kind is SourceKind.GROUP:
                kinds = {SourceKind.GROUP, SourceKind.ORGANIZATION}
            ent = last_of(kinds, m.start)
            if ent is None and m.kind is SourceKind.PERSON:
                prior = [p for p in persons if p[0] < m.start]
                if prior:
                    name = fullest_person(prior[-1][1])
                    ent = entities.setdefault(source_id(SourceKind.PERSON, name), _Entity(name, SourceKind.PERSON))
            if ent is None and m.kind is SourceKind.ORGANIZATION:
                prior = [p for p in orgs if p[0] < m.start]
                if prior:
                    ent = entities.setdefault(
                        source_id(SourceKind.ORGANIZATION, prior[-1][1]), _Entity(prior[-1][1], SourceKind.ORGANIZATION)
                    )
            if ent is None:
                name = m.name
                ent = entities.setdefault(source_id(m.kind, f"{name}-{m.start}"), _Entity(name, m.kind))
        else:
            name = m.name
            kind = m.kind
            if kind is SourceKind.ORGANIZATION and len(_tokens(name)) == 1 and fullest_person(name) != name:
                kind = SourceKind.PERSON  # a surname the NER took for an organisation ("Doe said")
            if kind is SourceKind.PERSON:
                name = fullest_person(name)
            elif kind is SourceKind.ORGANIZATION:
                name = org_match(name)
            sid = source_id(kind, name)
            ent = entities.get(sid)
            if ent is None:
                ent = entities[sid] = _Entity(name, kind)
            if m.name not in ent.aliases:
                ent.aliases.append(m.name)
        ent.role = ent.role or m.role
        ent.affiliation = ent.affiliation or m.affiliation
        ent.last_pos = m.start
        out.append(Resolved(m, _freeze(ent)))
    # second pass: freeze with the final role/affiliation/aliases
    final = {source_id(e.kind, e.name): _freeze(e) for e in entities.values()}
    return [None if r is None else Resolved(r.info, final.get(r.source.id, r.source)) for r in out]


def _freeze(e: _Entity) -> Source:
    short = acronym(e.name) if e.kind is SourceKind.ORGANIZATION else None
    if short is None and e.kind is SourceKind.ORGANIZATION and e.name.isupper() and len(e.name) <= 6:
        short = None
    aliases = [a for a in e.aliases]
    if short and short not in aliases:
        aliases.append(short)
    if e.name not in aliases:
        aliases.insert(0, e.name)
    return Source(
        id=source_id(e.kind, e.name),
        name=e.name,
        kind=e.kind,
        short=short,
        role=e.role,
        affiliation=e.affiliation,
        aliases=tuple(aliases),
    )


def corpus_aliases(sources: Sequence[Source]) -> dict[str, str]:
    """Map source ids from many articles to one id per person or organisation.

    A one-word person name (*Bonsey*) joins the only longer name that ends with it (*Noah
    Bonsey*); an organisation's acronym (*ICG*) or a part of its name (*Crisis Group*) joins the
    full name (*International Crisis Group*).  Ids that match nothing map to themselves.
    """
    mapping: dict[str, str] = {}
    persons = {s.id: s.name for s in sources if s.kind is SourceKind.PERSON}
    orgs = {s.id: s.name for s in sources if s.kind is SourceKind.ORGANIZATION}
    by_surname: dict[str, set[str]] = {}
    for sid, name in persons.items():
        toks = _tokens(name)
        if len(toks) > 1:
            by_surname.setdefault(toks[-1].lower(), set()).add(sid)
    for sid, name in persons.items():
        toks = _tokens(name)
        honor = [t for t in toks if t.lower().rstrip(".") not in {"mr", "mrs", "ms", "dr", "prof"}]
        if len(honor) == 1:
            targets = by_surname.get(honor[0].lower(), set())
            if len(targets) == 1:
                mapping[sid] = next(iter(targets))
    full_orgs = {sid: name for sid, name in orgs.items() if len(_tokens(name)) > 1}
    for sid, name in orgs.items():
        core = name.removeprefix("the ").removeprefix("The ")
        hits = set()
        for fid, full in full_orgs.items():
            if fid == sid or len(_tokens(full)) <= len(_tokens(core)):
                continue
            short = acronym(full)
            if (short and name.replace(".", "") == short) or (
                len(core) > 3 and f" {core.lower()} " in f" {full.lower()} "
            ):
                hits.add(fid)
        if len(hits) == 1:
            mapping[sid] = next(iter(hits))
    return mapping
