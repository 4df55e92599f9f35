"""Data model: frozen dataclasses and the JSON contract (``to_dict`` / ``from_dict``).

The mention (what the text says, where) is kept apart from the canonical
:class:`Source` (who it is).  Offsets are ``str`` indices into the article text.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any

import orjson

__all__ = [
    "Article",
    "ArticleResult",
    "Cue",
    "CueTier",
    "Gender",
    "Outlet",
    "OutletKind",
    "Quote",
    "QuoteKind",
    "Source",
    "SourceKind",
    "Span",
    "SpeakerMention",
    "dumps",
    "loads_result",
]


class QuoteKind(enum.StrEnum):
    DIRECT = "direct"
    INDIRECT = "indirect"
    MIXED = "mixed"
    ACCORDING_TO = "according_to"


class SourceKind(enum.StrEnum):
    PERSON = "person"
    ORGANIZATION = "organization"
    GROUP = "group"
    ANONYMOUS = "anonymous"
    DOCUMENT = "document"  # a study, report, survey or statement that "says"


class Gender(enum.StrEnum):
    """A person's gender as the article itself states it (pronouns, honorifics), never guessed."""

    FEMALE = "female"
    MALE = "male"
    UNKNOWN = "unknown"


class OutletKind(enum.StrEnum):
    NEWS_AGENCY = "news_agency"
    NEWSPAPER = "newspaper"
    BROADCASTER = "broadcaster"
    SOCIAL_MEDIA = "social_media"
    STATEMENT = "statement"
    INTERVIEW = "interview"
    OTHER = "other"


class CueTier(enum.StrEnum):
    SPEECH = "speech"
    WIDER = "wider"


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of article text: ``text == article[start:end]``."""

    text: str
    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span offsets {self.start}..{self.end}")


@dataclass(frozen=True, slots=True)
class Article:
    """One input article: its text exactly as read, plus metadata (``None`` if unknown)."""

    id: str
    text: str
    path: str | None = None
    title: str | None = None
    outlet: str | None = None
    date: str | None = None


@dataclass(frozen=True, slots=True)
class Cue:
    text: str
    lemma: str
    start: int
    end: int
    tier: CueTier = CueTier.SPEECH


@dataclass(frozen=True, slots=True)
class Source:
    """Who a speaker is: canonical name, kind, role, affiliation, aliases seen."""

    id: str
    name: str
    kind: SourceKind
    short: str | None = None
    role: str | None = None
    affiliation: str | None = None
    aliases: tuple[str, ...] = ()
    gender: Gender | None = None  # persons only
    anonymity_reason: str | None = None  # anonymous sources: the reason the text gives


@dataclass(frozen=True, slots=True)
class SpeakerMention:
    """What the text says about the speaker (``mention``, offsets) and who it resolves to."""

    mention: str
    start: int
    end: int
    name: str
    kind: SourceKind
    role: str | None = None
    affiliation: str | None = None
    source_id: str | None = None
    gender: Gender | None = None


@dataclass(frozen=True, slots=True)
class Outlet:
    name: str
    mention: str
    kind: OutletKind


@dataclass(frozen=True, slots=True)
class Quote:
    id: str
    kind: QuoteKind
    content: Span
    cue: Cue | None = None
    speaker: SpeakerMention | None = None
    outlet: Outlet | None = None
    continues: str | None = None
    paragraph: int = 0
    sentence: int = 0
    confidence: float = 0.5
    # the report says it was not said: "declined to comment on …", "would not say", "does not deny"
    negated: bool = False
    # the report imagines or asks: "might have suggested", "“I’m Batman,” you will say", "did I mention …?"
    hypothetical: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": str(self.kind),
            "text": self.content.text,
            "start": self.content.start,
            "end": self.content.end,
            "cue": None
            if self.cue is None
            else {
                "text": self.cue.text,
                "lemma": self.cue.lemma,
                "start": self.cue.start,
                "end": self.cue.end,
                "tier": str(self.cue.tier),
            },
            "speaker": None
            if self.speaker is None
            else {
                "mention": self.speaker.mention,
                "start": self.speaker.start,
                "end": self.speaker.end,
                "name": self.speaker.name,
                "kind": str(self.speaker.kind),
                "role": self.speaker.role,
                "affiliation": self.speaker.affiliation,
                "gender": None if self.speaker.gender is None else str(self.speaker.gender),
                "source_id": self.speaker.source_id,
            },
            "outlet": None
            if self.outlet is None
            else {"name": self.outlet.name, "mention": self.outlet.mention, "kind": str(self.outlet.kind)},
            "continues": self.continues,
            "paragraph": self.paragraph,
            "sentence": self.sentence,
            "confidence": round(float(self.confidence), 3),
            "negated": self.negated,
            "hypothetical": self.hypothetical,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Quote:
        cue = d.get("cue")
        spk = d.get("speaker")
        out = d.get("outlet")
        return cls(
            id=d["id"],
            kind=QuoteKind(d["kind"]),
            content=Span(d["text"], d["start"], d["end"]),
            cue=None
            if cue is None
            else Cue(cue["text"], cue["lemma"], cue["start"], cue["end"], CueTier(cue.get("tier") or "speech")),
            speaker=None
            if spk is None
            else SpeakerMention(
                mention=spk["mention"],
                start=spk["start"],
                end=spk["end"],
                name=spk["name"],
                kind=SourceKind(spk["kind"]),
                role=spk.get("role"),
                affiliation=spk.get("affiliation"),
                source_id=spk.get("source_id"),
                gender=_gender(spk.get("gender")),
            ),
            outlet=None if out is None else Outlet(out["name"], out["mention"], OutletKind(out["kind"])),
            continues=d.get("continues"),
            paragraph=int(d.get("paragraph", 0)),
            sentence=int(d.get("sentence", 0)),
            confidence=float(d.get("confidence", 0.5)),
            negated=bool(d.get("negated", False)),
            hypothetical=bool(d.get("hypothetical", False)),
        )


@dataclass(frozen=True, slots=True)
class ArticleResult:
    """Everything found in one article."""

    article: Article
    quotes: tuple[Quote, ...] = ()
    sources: tuple[Source, ...] = ()
    quote_ids_by_source: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False)

    def to_dict(self) -> dict[str, Any]:
        a = self.article
        return {
            "article": {"id": a.id, "path": a.path, "title": a.title, "outlet": a.outlet, "date": a.date},
            "quotes": [q.to_dict() for q in self.quotes],
            "sources": [
                {
                    "id": s.id,
                    "name": s.name,
                    "kind": str(s.kind),
                    "short": s.short,
                    "role": s.role,
                    "affiliation": s.affiliation,
                    "gender": None if s.gender is None else str(s.gender),
                    "anonymity_reason": s.anonymity_reason,
                    "aliases": list(s.aliases),
                    "quotes": list(self.quote_ids_by_source.get(s.id, ())),
                }
                for s in self.sources
            ],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any], *, text: str = "") -> ArticleResult:
        a = d["article"]
        article = Article(
            id=a["id"], text=text, path=a.get("path"), title=a.get("title"), outlet=a.get("outlet"), date=a.get("date")
        )
        sources = tuple(
            Source(
                id=s["id"],
                name=s["name"],
                kind=SourceKind(s["kind"]),
                short=s.get("short"),
                role=s.get("role"),
                affiliation=s.get("affiliation"),
                aliases=tuple(s.get("aliases") or ()),
                gender=_gender(s.get("gender")),
                anonymity_reason=s.get("anonymity_reason"),
            )
            for s in d.get("sources", [])
        )
        return cls(
            article=article,
            quotes=tuple(Quote.from_dict(q) for q in d.get("quotes", [])),
            sources=sources,
            quote_ids_by_source={s["id"]: tuple(s.get("quotes") or ()) for s in d.get("sources", [])},
        )


def _gender(value: str | None) -> Gender | None:
    return None if value is None else Gender(value)


def dumps(obj: ArticleResult | dict[str, Any] | list[Any]) -> bytes:
    """Serialise a result (or plain data) as indented JSON bytes."""
    data = obj.to_dict() if isinstance(obj, ArticleResult) else obj
    return orjson.dumps(data, option=orjson.OPT_INDENT_2) + b"\n"


def loads_result(data: bytes | str) -> ArticleResult:
    """Read one result written by :func:`dumps`; raise ``ValueError`` for anything else."""
    obj = orjson.loads(data)
    if not isinstance(obj, dict) or "article" not in obj:
        raise ValueError("not an attribution result (no 'article' object)")
    try:
        return ArticleResult.from_dict(obj)
    except (KeyError, TypeError) as exc:
        raise ValueError(f"malformed attribution result ({type(exc).__name__}: {exc})") from exc
