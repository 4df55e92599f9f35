"""Run the stages in order: text -> parse -> quote spans -> speakers -> sources -> outlets."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from . import nlp
from .config import Settings
from .coref import Resolved
from .decisions import Decisions, default_decisions
from .identity import attribute_speakers, with_affiliations
from .lexicon import THING_SENSE_LEMMAS, Lexicon, default_lexicon
from .model import Article, ArticleResult, Cue, Quote, QuoteKind, Source, Span, SpeakerMention
from .nlp import ParsedDoc
from .outlets import find_outlet
from .quotes import Candidate, find_quotes, keep_only, pair_marks, paragraph_spans, rules_keep
from .quotes.frame import imagined, not_said

__all__ = ["Analyzer", "analyze_parsed", "analyze_text"]


def analyze_parsed(
    article: Article,
    doc: ParsedDoc,
    settings: Settings,
    *,
    lex: Lexicon | None = None,
    decisions: Decisions | None = None,
) -> ArticleResult:
    """Find and attribute the quotations of an already parsed article.

    Rules propose candidates; the learned decisions (when shipped) choose speakers and keep or
    drop candidates; :mod:`attribution.identity` turns speakers into canonical sources.
    """
    lex = lex or default_lexicon()
    paragraphs = paragraph_spans(article.text)
    cands = find_quotes(doc, pair_marks(article.text), paragraphs, lex=lex, settings=settings)
    if settings.learned:
        cands = (decisions or default_decisions()).apply(doc, cands, paragraphs, lex)
    else:
        cands = rules_keep(cands)
    if not settings.wider_cues:
        cands = _asserted(doc, cands)
    resolved = attribute_speakers(doc, cands, lex=lex)
    keep = [not _thing_sense(c, r) for c, r in zip(cands, resolved, strict=True)]
    if not all(keep):
        cands = keep_only(_direct_stays(cands, keep), keep)
        resolved = attribute_speakers(doc, cands, lex=lex)
    quotes = _quotes(doc, cands, resolved, paragraphs, lex)
    by_source: dict[str, list[str]] = {}
    sources: dict[str, Source] = {}
    for q, r in zip(quotes, resolved, strict=True):
        if r is not None:
            sources[r.source.id] = r.source
            by_source.setdefault(r.source.id, []).append(q.id)
    return ArticleResult(
        article=article,
        quotes=tuple(quotes),
        sources=tuple(with_affiliations(list(sources.values()), doc.text, lex)),
        quote_ids_by_source={k: tuple(v) for k, v in by_source.items()},
    )


def _asserted(doc: ParsedDoc, cands: list[Candidate]) -> list[Candidate]:
    """Speech only (the default view): reports of what was not said ("declined to comment") or was
    only imagined ("Uber might have suggested") go, as beliefs do; ``--wider`` shows them, flagged."""
    keep = [c.continues is not None or not (_not_said(doc, c) or _imagined(doc, c)) for c in cands]
    return cands if all(keep) else keep_only(_direct_stays(cands, keep), keep)


def _direct_stays(cands: list[Candidate], keep: list[bool]) -> list[Candidate]:
    """A quotation that only went on from a dropped report stays, speaker unknown: the thing that
    "told the story" said nothing, but the quotation after it is still a quotation.  Marks it
    kept in ``keep``."""
    out = []
    for k, c in enumerate(cands):
        first = c.continues
        if first is not None and not keep[first] and c.kind is QuoteKind.DIRECT and cands[first].kind is not c.kind:
            c = replace(c, continues=None, speaker=None, frame=None)
            keep[k] = True
        out.append(c)
    return out


def _thing_sense(c: Candidate, r: Resolved | None) -> bool:
    """ "The data suggests …", "the revision added a jack": a thing with such a verb says nothing."""
    return r is not None and r.info.thing and (c.cue_lemma or "") in THING_SENSE_LEMMAS


def _quotes(
    doc: ParsedDoc, cands: list[Candidate], resolved: list[Resolved | None], paragraphs: list, lex: Lexicon
) -> list[Quote]:
    """One :class:`Quote` per candidate: content, cue, speaker, outlet (continuations keep theirs)."""
    text = doc.text
    para_starts = [p[0] for p in paragraphs]
    outlets: list = []
    quotes = []
    for i, (c, r) in enumerate(zip(cands, resolved, strict=True)):
        outlet = find_outlet(doc, c.cue, lex=lex, exclude=(c.start, c.end))
        if outlet is None and c.continues is not None:
            outlet = outlets[c.continues]
        outlets.append(outlet)
        quotes.append(
            Quote(
                id=f"q{i + 1}",
                kind=c.kind,
                content=Span(text[c.start : c.end], c.start, c.end),
                cue=_cue(doc, c),
                speaker=None if r is None else _speaker(r),
                outlet=outlet,
                continues=None if c.continues is None else f"q{c.continues + 1}",
                paragraph=max(0, sum(1 for s in para_starts if s <= c.start) - 1),
                sentence=c.sentence,
                confidence=c.confidence,
                negated=quotes[c.continues].negated if c.continues is not None else _not_said(doc, c),
                hypothetical=quotes[c.continues].hypothetical if c.continues is not None else _imagined(doc, c),
            )
        )
    return quotes


def _not_said(doc: ParsedDoc, c: Candidate) -> bool:
    """ "“…, but it’s really not,” said X": a negation inside the content (a parser may hang it on the
    cue) does not negate the cue."""
    return c.cue is not None and any(not_said(doc, k, outside=(c.start, c.end)) for k in range(*c.cue))


def _imagined(doc: ParsedDoc, c: Candidate) -> bool:
    """ "Uber might have suggested …", "“I’m Batman,” you will say": the report imagines or asks."""
    return c.cue is not None and any(imagined(doc, k, outside=(c.start, c.end)) for k in range(*c.cue))


def _cue(doc: ParsedDoc, c: Candidate) -> Cue | None:
    if c.cue is None:
        return None
    w0, w1 = doc.words[c.cue[0]], doc.words[c.cue[1] - 1]
    return Cue(doc.text[w0.start : w1.end], c.cue_lemma or w0.lemma.lower(), w0.start, w1.end, c.tier)


def _speaker(r: Resolved) -> SpeakerMention:
    src = r.source
    return SpeakerMention(
        mention=r.info.mention,
        start=r.info.start,
        end=r.info.end,
        name=src.name,
        kind=src.kind,
        role=r.info.role or src.role,
        affiliation=r.info.affiliation or src.affiliation,
        source_id=src.id,
        gender=src.gender,
    )


class Analyzer:
    """Holds the loaded stanza pipeline; everything else is pure functions."""

    def __init__(
        self, settings: Settings | None = None, *, lex: Lexicon | None = None, decisions: Decisions | None = None
    ) -> None:
        self.settings = settings or Settings()
        self.lex = lex or default_lexicon()
        self.decisions = decisions
        nlp.load(self.settings)  # fail early (ModelsNotFoundError) and warm the cache

    def analyze(self, article: Article) -> ArticleResult:
        """Analyse one article."""
        return next(self.analyze_many([article]))

    def analyze_many(self, articles: Iterable[Article]) -> Iterator[ArticleResult]:
        """Analyse articles, parsing them in batches."""
        for result, _ in self.analyze_with_docs(articles):
            yield result

    def analyze_with_docs(self, articles: Iterable[Article]) -> Iterator[tuple[ArticleResult, ParsedDoc]]:
        """Analyse articles and also return each parsed document (for evaluation)."""
        arts = list(articles)
        for art, doc in zip(arts, nlp.parse([a.text for a in arts], self.settings), strict=True):
            yield analyze_parsed(art, doc, self.settings, lex=self.lex, decisions=self.decisions), doc


def analyze_text(text: str, settings: Settings | None = None, *, article_id: str = "text") -> ArticleResult:
    """Analyse one text with a cached pipeline (convenience for scripts and notebooks)."""
    return Analyzer(settings).analyze(Article(id=article_id, text=text))
