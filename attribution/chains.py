"""A corpus as quotation chains: each quotation with its continuations, its speaker made corpus-wide.

A split quotation (“A,” he said. “B.”) is one chain: one claim occurrence and one quotation in
the counts.  Speakers get the id of their corpus node (:func:`coref.corpus_aliases`: *Bonsey* ->
*Noah Bonsey*); generic groups and anonymous sources stay per article (DESIGN: *officials* in
one article are not *officials* in another).  Used by the graph, ``claims`` and ``sources --by``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .claims import ClaimItem
from .coref import corpus_aliases, corpus_source_id, slug
from .model import ArticleResult, Outlet, Quote, Source, SpeakerMention

__all__ = ["Chain", "article_day", "canonical_names", "claim_items", "claimed", "corpus_chains", "node_id"]

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def article_day(date: str | None) -> str | None:
    """The calendar day of an article date (``YYYY-MM-DD``), or ``None`` when it is not a date.

    Examples:
        >>> article_day("2016-09-12T10:30:00+00:00"), article_day("12 September 2016"), article_day(None)
        ('2016-09-12', None, None)
    """
    m = _DAY.match(date or "")
    if m is None:
        return None
    try:
        return dt.date.fromisoformat(m.group(0)).isoformat()
    except ValueError:
        return None


def node_id(raw: str) -> str:
    """Make any id an XML NMTOKEN (``person:noah-bonsey``), whatever a result file holds."""
    prefix, _, rest = raw.partition(":")
    return f"{slug(prefix)}:{slug(rest)}" if rest else slug(prefix)


@dataclass(frozen=True, slots=True)
class Chain:
    """One quotation and its continuations in one article."""

    result: ArticleResult
    quotes: tuple[Quote, ...]
    speaker: SpeakerMention | None  # the first speaker in the chain
    speaker_id: str | None  # corpus node id
    speaker_name: str | None  # corpus-wide canonical name
    source: Source | None  # the article's source record of the speaker

    @property
    def text(self) -> str:
        return " ".join(q.content.text for q in self.quotes)

    @property
    def outlet(self) -> Outlet | None:
        return next((q.outlet for q in self.quotes if q.outlet is not None), None)

    @property
    def cue(self) -> str | None:
        return next((q.cue.lemma for q in self.quotes if q.cue is not None), None)

    @property
    def negated(self) -> bool:
        """The article reports that this was not said ("declined to comment on …"): no claim."""
        return self.quotes[0].negated

    @property
    def hypothetical(self) -> bool:
        """The article imagines or asks it ("Uber might have suggested …"): no claim."""
        return self.quotes[0].hypothetical

    @property
    def gender(self) -> str | None:
        g = (self.speaker.gender if self.speaker else None) or (self.source.gender if self.source else None)
        return None if g is None else str(g)


def _chains_of(r: ArticleResult) -> list[list[Quote]]:
    chain_of: dict[str, list[Quote]] = {}
    ordered: list[list[Quote]] = []
    for q in r.quotes:
        if q.continues and q.continues in chain_of:
            chain = chain_of[q.continues]
            chain.append(q)
        else:
            chain = [q]
            ordered.append(chain)
        chain_of[q.id] = chain
    return ordered


def canonical_names(results: Sequence[ArticleResult], alias_map: dict[str, str]) -> dict[str, str]:
    """Corpus id -> name: the name of the source that holds that id, else the longest name mapped to it."""
    exact: dict[str, str] = {}
    longest: dict[str, str] = {}
    for r in results:
        for s in r.sources:
            cid = alias_map.get(s.id, s.id)
            if s.id == cid:
                exact.setdefault(cid, s.name)
            elif len(s.name) > len(longest.get(cid, "")):
                longest[cid] = s.name
    return {**longest, **exact}


def corpus_chains(results: Sequence[ArticleResult]) -> list[Chain]:
    """Every quotation chain of ``results``, in order, with corpus-wide speaker ids and names."""
    alias_map = corpus_aliases([s for r in results for s in r.sources])
    names = canonical_names(results, alias_map)
    chains = []
    for r in results:
        sources = {s.id: s for s in r.sources}
        for quotes in _chains_of(r):
            sp = next((q.speaker for q in quotes if q.speaker is not None and q.speaker.source_id), None)
            sid = name = None
            src = None
            if sp is not None and sp.source_id:
                cid = alias_map.get(sp.source_id, sp.source_id)
                sid = node_id(corpus_source_id(cid, sp.kind, sp.name, r.article.id))
                name = names.get(cid, sp.name)
                src = sources.get(sp.source_id)
            chains.append(Chain(r, tuple(quotes), sp, sid, name, src))
    return chains


def claimed(chains: Sequence[Chain]) -> list[Chain]:
    """The chains that make a claim: not those the article reports as not said or only imagined."""
    return [c for c in chains if not (c.negated or c.hypothetical)]


def claim_items(chains: Sequence[Chain]) -> list[ClaimItem]:
    """One claim occurrence per chain, for :func:`claims.build_claims`."""
    return [
        ClaimItem(
            text=c.text,
            article=c.result.article.id,
            speaker=c.speaker_id,
            speaker_name=c.speaker_name,
            outlet=c.result.article.outlet,
            date=article_day(c.result.article.date),
            kind=str(c.quotes[0].kind),
            key=f"{c.result.article.id}:{c.quotes[0].id}",
        )
        for c in chains
    ]
