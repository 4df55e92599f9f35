"""Source identity, end to end: speaker words -> mention -> entity of the article -> canonical source.

1. :func:`attribution.speakers.describe_mention` reads the speaker's words: name, kind, role,
   affiliation, anonymity (and rejects words that cannot speak);
2. :func:`attribution.coref.resolve_sources` ties each mention to an entity of the article (the
   fullest name; pronouns and nominals by agreement and distance), with the roles the article
   states elsewhere and the gender it states (:mod:`attribution.gender`);
3. :func:`with_affiliations` adds each affiliation as an organisation source;
4. across a corpus, :func:`attribution.coref.corpus_aliases` and :func:`corpus_source_id` say which
   sources are one (full names, acronyms; generic groups and anonymous sources stay per article).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from . import names
from .coref import Resolved, corpus_aliases, corpus_source_id, resolve_sources, source_id
from .lexicon import Lexicon
from .model import QuoteKind, Source, SourceKind
from .names import short_form
from .nlp import ParsedDoc
from .quotes import Candidate
from .quotes.frame import noun_phrase
from .speakers import MentionInfo, appositive_roles, describe_mention

__all__ = ["attribute_speakers", "corpus_aliases", "corpus_source_id", "with_affiliations"]

# Words after a speaker mention that may say it is anonymous ("… who asked not to be named").
CONTEXT_CHARS = 120
# How many words a quotation without first or second person needs to be a passage that tells (see _narrative).
NARRATIVE_WORDS = 40
# Cues of a writer's words, whose quoted passages may tell of others in the third person.
NARRATING_LEMMAS = frozenset({"report", "write", "describe", "recount", "detail", "narrate"})


def _mention(doc: ParsedDoc, c: Candidate, lex: Lexicon) -> MentionInfo | None:
    if c.speaker is None:
        return None
    end_char = doc.words[c.speaker[1] - 1].end
    sent = doc.sentences[doc.words[c.speaker[0]].sent]
    context = doc.text[end_char : min(sent.end, end_char + CONTEXT_CHARS)]
    antecedent = _relative_antecedent(doc, c.speaker, lex)
    span = _name_before_role(doc, _name_after_nominal(doc, antecedent, lex), lex)
    info = describe_mention(doc, span, lex=lex, context=context)
    if info is None or span == c.speaker:
        return info
    # the mention stays the words the text gives: *who*, or the title with the name beside it
    first = doc.words[min(c.speaker[0], span[0]) if antecedent == c.speaker else c.speaker[0]]
    last = doc.words[(max(c.speaker[1], span[1]) if antecedent == c.speaker else c.speaker[1]) - 1]
    return replace(info, mention=doc.text[first.start : last.end], start=first.start, end=last.end)


_RELATIVES = frozenset({"who", "whom", "which", "that"})
_WHEN = frozenset({"DATE", "TIME"})
_PREMODIFIERS = frozenset({"det", "amod", "nummod", "compound", "nmod:poss", "case", "flat", "flat:name", "det:poss"})


def _relative_antecedent(doc: ParsedDoc, span: tuple[int, int], lex: Lexicon) -> tuple[int, int]:
    """A relative pronoun speaks for the noun phrase its clause modifies: "an architect who said he
    was stiffed", "the European Union, which contended …", "Future45, a super PAC that intends …"
    (the name before an apposition).  The phrase must end right before the pronoun (punctuation
    between), else the parse is not trusted."""
    s, e = span
    if e - s != 1 or doc.words[s].lower_text() not in _RELATIVES:
        return span
    k = _relative_head(doc, s)
    if k is None or any(doc.words[j].upos != "PUNCT" for j in range(k + 1, s)):
        return span
    limit = (doc.sentences[doc.words[k].sent].first, s)
    first = _np_start(doc, k, limit[0])
    return _name_an_apposition_follows(doc, first, limit, lex) or (first, k + 1)


def _np_start(doc: ParsedDoc, k: int, lo: int) -> int:
    """The first word of the phrase the noun ``k`` ends: its determiners, modifiers and compounds
    only (not "there are still" before "some people")."""
    first = k
    while first - 1 >= lo and doc.words[first - 1].deprel in _PREMODIFIERS and doc.words[first - 1].head <= k:
        first -= 1
    return first


def _name_after_nominal(doc: ParsedDoc, span: tuple[int, int], lex: Lexicon) -> tuple[int, int]:
    """ "The minister of the economy, Mr. Guajardo Villarreal, argues": the name set off after a
    definite title speaks (the title is its role, read from the apposition); the speaker words
    may end before the name or hold it."""
    s, e = span
    words = doc.words
    comma = next((j for j in range(s + 1, min(e + 1, len(words))) if words[j].text == ","), None)
    if comma is None or words[s].lower_text() != "the":
        return span
    if not any(w.lemma.lower() in lex.title_words for w in words[s:comma]):
        return span
    k = comma + 1
    while k < len(words) and words[k].lower_text() in lex.honorifics:
        k += 1
    first = k
    while k < len(words) and words[k].upos == "PROPN" and words[k].sent == words[s].sent:
        k += 1
    closed = k < len(words) and (words[k].text == "," or k == e)
    return (first, k) if k > first and closed else span


def _name_before_role(doc: ParsedDoc, span: tuple[int, int], lex: Lexicon) -> tuple[int, int]:
    """ "Rep. G.K. Butterfield (D-N.C.), head of the Congressional Black Caucus, said": speaker
    words that are only the role apposition stand for the name before them."""
    s, e = span
    words = doc.words
    k = s + 1 if words[s].lower_text() in {"a", "an", "the"} else s
    role = k < e and words[k].upos == "NOUN" and words[k].lemma.lower() in lex.title_words
    closed = e >= len(words) or words[e].text in {",", ".", ";"} or words[e].sent != words[s].sent
    set_off = s >= 2 and words[s - 1].text == "," and closed  # "…, head of the Black Caucus." too
    if not role or not set_off or words[k].lower_text() in lex.honorifics:
        return span
    j = s - 2
    if words[j].text == ")":  # "(D-N.C.)"
        while j > 0 and words[j].text != "(" and s - j < 12:
            j -= 1
        j -= 1
    last = j + 1
    kinds = {"PROPN"} if words[j].upos == "PROPN" else {"NOUN", "ADJ", "DET"}  # "The senator, a Republican,"
    while j >= 0 and words[j].upos in kinds and words[j].sent == words[s].sent and words[j].ner not in _WHEN:
        j -= 1
    if last - (j + 1) < 1 or words[last - 1].upos not in {"PROPN", "NOUN"} or words[j + 1].sent != words[s].sent:
        return span
    return j + 1, last


def _relative_head(doc: ParsedDoc, s: int) -> int | None:
    """The noun a relative clause hangs on (the parse's ``acl:relcl``), else the noun right before
    *who* or *which* (", " between allowed)."""
    w = doc.words[s]
    verb = doc.words[w.head] if w.head >= 0 and w.deprel.startswith("nsubj") else None
    relcl = verb is not None and verb.deprel == "acl:relcl" and 0 <= verb.head < s
    if relcl and doc.words[verb.head].upos in {"NOUN", "PROPN"}:
        return verb.head
    k = s - 1 if s > 0 and doc.words[s - 1].upos != "PUNCT" else s - 2  # ", which" / "-- which"
    if w.lower_text() == "that" or k < 0:
        return None
    prev = doc.words[k]
    return k if prev.upos in {"NOUN", "PROPN"} and prev.sent == w.sent else None


def _name_an_apposition_follows(
    doc: ParsedDoc, first: int, limit: tuple[int, int], lex: Lexicon
) -> tuple[int, int] | None:
    """ "Future45, a super PAC": the name a common-noun apposition follows (with its conjuncts);
    not a sentence-initial word ("Instead, the study -- which notes …", tagged a name)."""
    k = first - 2
    if k < limit[0] or doc.words[first - 1].text != "," or doc.words[first].upos == "PROPN":
        return None
    if doc.words[k].upos != "PROPN":
        return None
    while doc.words[k].deprel in {"flat", "compound", "flat:name"} and limit[0] <= doc.words[k].head < k:
        k = doc.words[k].head
    while doc.words[k].deprel == "conj" and limit[0] <= doc.words[k].head < k:
        k = doc.words[k].head
    lo, _ = noun_phrase(doc, k, limit=(limit[0], first - 1))
    breaks = [j + 1 for j in range(lo, first - 2) if "\n" in doc.text[doc.words[j].end : doc.words[j + 1].start]]
    lo = max(breaks, default=lo)  # a line break is no part of a name ("We’ve been\nFaisal bin Ali Jaber")
    lo += names.strip_leading([w.text for w in doc.words[lo : first - 1]], lex)
    # through the conjuncts ("China and the United States, the world's …")
    return (lo, first - 1) if lo < first - 1 else None


def attribute_speakers(doc: ParsedDoc, cands: Sequence[Candidate], *, lex: Lexicon) -> list[Resolved | None]:
    """The canonical source of each candidate's speaker (``None``: no speaker, or none that can speak)."""
    mentions = [m and replace(m, content=(c.start, c.end)) for m, c in ((_mention(doc, c, lex), c) for c in cands)]
    direct = [(c.start, c.end) for c in cands if c.kind is QuoteKind.DIRECT]
    told = [
        (c.start, c.end)
        for i, c in enumerate(cands)
        if c.kind is QuoteKind.DIRECT and _narrative(doc, i, cands, mentions)
    ]
    quoted = [span for span in direct if span not in told]
    stated = appositive_roles(doc, lex=lex)
    return resolve_sources(doc, mentions, lex=lex, quoted=quoted, told=told, stated=stated)


_FIRST_SECOND = re.compile(r"\b(?:I|me|my|mine|we|us|our|ours|you|your|yours)\b", re.IGNORECASE)
_NESTED = re.compile(r"“[^”]*”|\"[^\"]*\"")


def _narrative(doc: ParsedDoc, i: int, cands: Sequence[Candidate], mentions: Sequence[MentionInfo | None]) -> bool:
    """A quoted passage that tells, not a person speaking: a writer's or a document's words
    (*McCrummen reports:*, *the report says*), two sentences or more (the parser's), forty words
    or more or running on past its paragraph, and no *I*, *we* or *you* outside the quotations it
    holds ("Melanie thought the whole thing was outrageous. She wasn't …").  The persons it names
    may be referred to later."""
    c = cands[i]
    first = c.continues if c.continues is not None else i
    head, mention = cands[first], mentions[first]
    writer = head.cue_lemma in NARRATING_LEMMAS or (mention is not None and mention.kind is SourceKind.DOCUMENT)
    told = _NESTED.sub(" ", doc.text[c.start : c.end])
    sentences = sum(c.start <= s.start < c.end for s in doc.sentences)
    long = len(told.split()) >= NARRATIVE_WORDS or c.open_ended
    return writer and sentences >= 2 and long and _FIRST_SECOND.search(told) is None


def _names_a_body(affiliation: str, lex: Lexicon) -> bool:
    """An affiliation that names an organisation ends on a capital or an organisation word
    ("Syria's foreign ministry"), not a common noun ("Thicke's son": a person)."""
    last = affiliation.split()[-1].strip(".,")
    return last[:1].isupper() or last.lower() in lex.org_words


def with_affiliations(sources: list[Source], text: str, lex: Lexicon) -> list[Source]:
    """An affiliation is an organisation source too (with its short form), even if it never speaks."""
    out = {s.id: s for s in sources}
    for src in sources:
        if not src.affiliation or not _names_a_body(src.affiliation, lex):
            continue
        org_id = source_id(SourceKind.ORGANIZATION, src.affiliation)
        if org_id not in out:
            short = short_form(text, src.affiliation, lex)
            out[org_id] = Source(
                id=org_id,
                name=src.affiliation,
                kind=SourceKind.ORGANIZATION,
                short=short,
                aliases=tuple(a for a in (src.affiliation, short) if a),
            )
    return list(out.values())
