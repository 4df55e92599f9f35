"""Run the stages in order: text -> parse -> quote spans -> speakers -> sources -> outlets."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from . import nlp
from .config import Settings
from .coref import resolve_sources, source_id
from .decisions import Decisions, default_decisions
from .lexicon import Lexicon, default_lexicon
from .model import Article, ArticleResult, Cue, Quote, QuoteKind, Source, SourceKind, Span, SpeakerMention
from .nlp import ParsedDoc
from .outlets import find_outlet
from .quotes import Candidate, find_quotes, pair_marks, paragraph_spans
from .speakers import MentionInfo, acronym, appositive_roles, describe_mention

__all__ = ["Analyzer", "analyze_parsed", "analyze_text"]

# Words after a speaker mention that may say it is anonymous ("… who asked not to be named").
_CONTEXT_CHARS = 80


def _mention(doc: ParsedDoc, c: Candidate, lex: Lexicon) -> MentionInfo | None:
    if c.speaker is None:
        return None
    end_char = doc.words[c.speaker[1] - 1].end
    sent = doc.sentences[doc.words[c.speaker[0]].sent]
    context = doc.text[end_char : min(sent.end, end_char + _CONTEXT_CHARS)]
    return describe_mention(doc, c.speaker, lex=lex, context=context)


def analyze_parsed(
    article: Article,
    doc: ParsedDoc,
    settings: Settings,
    *,
    lex: Lexicon | None = None,
    decisions: Decisions | None = None,
) -> ArticleResult:
    """Find and attribute the quotations of an already parsed article."""
    lex = lex or default_lexicon()
    text = article.text
    paragraphs = paragraph_spans(text)
    pairs = pair_marks(text)
    cands = find_quotes(doc, pairs, paragraphs, lex=lex, settings=settings)
    if settings.learned:
        cands = (decisions or default_decisions()).apply(doc, cands, paragraphs, lex)
    mentions = [_mention(doc, c, lex) for c in cands]
    quoted = [(c.start, c.end) for c in cands if c.kind is QuoteKind.DIRECT]
    resolved = resolve_sources(doc, mentions, lex=lex, quoted=quoted)
    quotes: list[Quote] = []
    sources: dict[str, Source] = {}
    by_source: dict[str, list[str]] = {}
    para_starts = [p[0] for p in paragraphs]
    outlets_by_index: list = []
    for i, (c, r) in enumerate(zip(cands, resolved, strict=True)):
        qid = f"q{i + 1}"
        content = Span(text[c.start : c.end], c.start, c.end)
        cue = None
        if c.cue is not None:
            w0, w1 = doc.words[c.cue[0]], doc.words[c.cue[1] - 1]
            cue = Cue(text[w0.start : w1.end], c.cue_lemma or w0.lemma.lower(), w0.start, w1.end, c.tier)
        speaker = None
        if r is not None:
            src = r.source
            sources[src.id] = src
            by_source.setdefault(src.id, []).append(qid)
            speaker = SpeakerMention(
                mention=r.info.mention,
                start=r.info.start,
                end=r.info.end,
                name=src.name,
                kind=src.kind,
                role=r.info.role,
                affiliation=r.info.affiliation,
                source_id=src.id,
                gender=src.gender,
            )
        outlet = find_outlet(doc, c.cue, lex=lex, exclude=(c.start, c.end))
        if outlet is None and c.continues is not None:
            outlet = outlets_by_index[c.continues]
        outlets_by_index.append(outlet)
        quotes.append(
            Quote(
                id=qid,
                kind=c.kind,
                content=content,
                cue=cue,
                speaker=speaker,
                outlet=outlet,
                continues=None if c.continues is None else f"q{c.continues + 1}",
                paragraph=max(0, sum(1 for s in para_starts if s <= c.start) - 1),
                sentence=c.sentence,
                confidence=c.confidence,
            )
        )
    final_sources = {sid: sources[sid] for sid in by_source}
    # roles stated elsewhere in the article ("Noah Bonsey, a senior analyst at the ICG, …")
    stated = appositive_roles(doc, lex=lex)
    for sid, src in list(final_sources.items()):
        if src.kind is SourceKind.PERSON and (src.role is None or src.affiliation is None):
            role, aff = next(
                (v for k, v in stated.items() if k.endswith(src.name) or src.name.endswith(k)), (None, None)
            )
            if role or aff:
                final_sources[sid] = replace(src, role=src.role or role, affiliation=src.affiliation or aff)
    # an affiliation is an organisation source too (with its derived short form), even if it never speaks
    for src in list(final_sources.values()):
        if src.affiliation:
            org_id = source_id(SourceKind.ORGANIZATION, src.affiliation)
            if org_id not in final_sources:
                short = acronym(src.affiliation)
                final_sources[org_id] = Source(
                    id=org_id,
                    name=src.affiliation,
                    kind=SourceKind.ORGANIZATION,
                    short=short,
                    aliases=tuple(a for a in (src.affiliation, short) if a),
                )
    return ArticleResult(
        article=article,
        quotes=tuple(quotes),
        sources=tuple(final_sources.values()),
        quote_ids_by_source={k: tuple(v) for k, v in by_source.items()},
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
