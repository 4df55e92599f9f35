"""Reported speech and *according to*, from dependency relations with surface fallbacks.

Shapes handled (UD attaches reported speech both ways):
  * X said (that) CONTENT                 cue heads a ``ccomp``
  * CONTENT, X said.  /  CONTENT, said X.  cue is ``parataxis``/``ccomp`` of the content, or
                                          nothing follows the cue but its frame
  * X told AP (that) CONTENT              the addressee of a tell-verb is skipped
  * …, which it said would …              ``acl:relcl`` cue with its own subject
  * …, saying (that) CONTENT              ``advcl`` cue whose subject is the main clause's
  * CONTENT, according to X  /  According to X, CONTENT
"""

from __future__ import annotations

from ..config import Settings
from ..lexicon import ACCORDING_LEMMAS, ADDRESSEE_LEMMAS, Lexicon
from ..model import CueTier, QuoteKind
from ..nlp import ParsedDoc, subtree
from .candidate import Candidate
from .frame import NOUNISH, SUBJECTS, noun_phrase, right_np, speaker_span
from .marks import MarkPair

__all__ = ["find_according_to", "find_reported"]

_CLAUSE_CHILD = frozenset({"ccomp", "xcomp", "parataxis"})
_FRAME_PREPS = frozenset({"in", "on", "to", "at", "during", "via", "with", "from", "through", "by", "after", "before"})
# A content of one or two words is a fragment, not a claim.
MIN_CONTENT_WORDS = 2


def _inside(pos: int, outer: list[MarkPair]) -> bool:
    return any(p.open < pos < p.close for p in outer)


def _trim(doc: ParsedDoc, first: int, last: int) -> tuple[int, int]:
    while first < last and (doc.words[first].upos == "PUNCT" or doc.words[first].text in {",", ":", "—"}):
        first += 1
    while last > first and doc.words[last - 1].upos == "PUNCT":
        last -= 1
    return first, last


def _content_words(doc: ParsedDoc, first: int, last: int) -> int:
    return sum(1 for j in range(first, last) if doc.words[j].upos != "PUNCT")


def _skip_frame_right(doc: ParsedDoc, cue: int, hi: int) -> int:
    """Skip the addressee, outlet and time phrases after a cue; return the first content word."""
    w = doc.words[cue]
    j = cue + 1
    addressee = w.lemma.lower() in ADDRESSEE_LEMMAS
    while j < hi:
        x = doc.words[j]
        low = x.lower_text()
        if x.upos in {"ADV", "PART"} and low not in {"not", "n't"} and low != "to":
            j += 1
            continue
        if x.text in {",", ":"}:
            j += 1
            continue
        if addressee and (x.upos in NOUNISH | {"DET", "ADJ"} or x.ner is not None or x.text.isupper()):
            j = _addressee_end(doc, j, hi)
            addressee = False
            continue
        if low in _FRAME_PREPS and j + 1 < hi and doc.words[j + 1].upos in NOUNISH | {"DET", "ADJ", "NUM"}:
            # "in a statement", "on Twitter", "on Tuesday"
            head = _np_head(doc, j + 1, hi)
            _, last = noun_phrase(doc, head, limit=(j + 1, hi))
            if last - j <= 6:
                j = last
                continue
        break
    return j


def _addressee_end(doc: ParsedDoc, j: int, hi: int) -> int:
    """End of the addressee after a tell-verb: a proper name ("AP", "VICE News") or a short
    common noun phrase ("reporters", "the committee"), stopping where a new phrase starts."""
    k = j
    if doc.words[j].text[:1].isupper() and doc.words[j].upos != "DET":
        while k < hi and (doc.words[k].text[:1].isupper() or doc.words[k].upos == "PROPN"):
            k += 1
        return max(k, j + 1)
    seen_noun = False
    while k < hi:
        w = doc.words[k]
        if w.upos in {"NOUN", "PROPN", "PRON", "NUM"}:
            seen_noun = True
        elif w.upos in {"DET", "ADJ"} and not seen_noun:
            pass
        else:
            break
        k += 1
        if seen_noun and w.upos == "PRON":
            break
    return max(k, j + 1)


def _np_head(doc: ParsedDoc, j: int, hi: int) -> int:
    """The head of the noun phrase starting at ``j``: the last noun of its first run of nouns."""
    k = j
    while (
        k + 1 < hi
        and doc.words[k + 1].upos in NOUNISH | {"DET", "ADJ", "NUM", "PART"}
        and doc.words[k + 1].text not in {","}
    ):
        if doc.words[k + 1].upos == "PRON" and doc.words[k].upos in NOUNISH:
            break
        k += 1
    return k


def _left_content(doc: ParsedDoc, lo: int, end: int) -> tuple[int, int]:
    return _trim(doc, lo, end)


def find_reported(
    doc: ParsedDoc,
    outer: list[MarkPair],
    used: set[int],
    *,
    lex: Lexicon,
    settings: Settings,
) -> list[Candidate]:
    """Find reported speech (and, with ``settings.wider_cues``, beliefs and intentions)."""
    out: list[Candidate] = []
    for sent in doc.sentences:
        if not sent.parsed:
            continue
        lo, hi = sent.first, sent.last
        for c in range(lo, hi):
            if c in used:
                continue
            w = doc.words[c]
            tier = lex.cue_tier(w.lemma)
            if tier is None or (tier == "wider" and not settings.wider_cues):
                continue
            if w.upos != "VERB" or _inside(w.start, outer):
                continue
            if w.deprel == "amod" and c > lo and doc.words[c - 1].upos in {"DET", "ADJ"}:
                continue  # "the reported attack"
            if (
                c + 1 < hi
                and doc.words[c + 1].lower_text() in {"to"}
                and tier == "speech"
                and w.lemma.lower() in {"say", "tell"}
            ):
                pass
            kids = doc.children(c)
            clause = [k for k in kids if doc.words[k].deprel.split(":")[0] in _CLAUSE_CHILD and k > c]
            content: tuple[int, int] | None = None
            if clause:
                k = clause[0]
                if (
                    doc.words[k].deprel == "xcomp"
                    and tier == "speech"
                    and w.lemma.lower()
                    not in ADDRESSEE_LEMMAS | {"promise", "vow", "pledge", "threaten", "demand", "ask"}
                ):
                    k = -1
                if k >= 0:
                    span = [j for j in subtree(doc, k) if lo <= j < hi and j > c]
                    if span:
                        start = min(span)
                        # the addressee, outlet and time phrases after the cue are frame, not content
                        skip = _skip_frame_right(doc, c, hi)
                        # "warned the plan would …": the noun after the cue is the content's subject
                        subj = next((s for s in doc.children(k) if doc.words[s].deprel in SUBJECTS), None)
                        if subj is not None and c < subj < skip:
                            skip = min(subtree(doc, subj))
                        if start <= skip <= max(span):
                            start = skip
                        content = _trim(doc, start, max(span) + 1)
            elif tier == "wider":
                continue  # beliefs and intentions need a clausal content
            if content is None and w.deprel in {"parataxis", "ccomp", "conj"} and w.head >= 0 and w.head < c:
                h = w.head
                mine = set(subtree(doc, c))
                span = [j for j in subtree(doc, h) if lo <= j < c and j not in mine]
                if span:
                    content = _left_content(doc, min(span), max(span) + 1)
            if content is None and tier == "speech":
                j = _skip_frame_right(doc, c, hi)
                right = _trim(doc, j, hi)
                if _content_words(doc, *right) >= MIN_CONTENT_WORDS and not (
                    doc.words[right[0]].lower_text() == "to" and w.lemma.lower() not in ADDRESSEE_LEMMAS
                ):
                    content = right
                else:
                    spk = speaker_span(doc, c)
                    end = spk[0] if spk is not None and spk[0] < c else c
                    content = _left_content(doc, lo, end)
            if content is None or _content_words(doc, *content) < MIN_CONTENT_WORDS:
                continue
            spk = speaker_span(doc, c, content=content)
            start = doc.words[content[0]].start
            end = doc.words[content[1] - 1].end
            kind = QuoteKind.MIXED if any(start <= p.open and p.close < end + 1 for p in outer) else QuoteKind.INDIRECT
            out.append(
                Candidate(
                    kind=kind,
                    start=start,
                    end=end,
                    sentence=sent.index,
                    cue=(c, c + 1),
                    cue_lemma=w.lemma.lower(),
                    tier=CueTier(tier),
                    speaker=spk,
                    frame=(c, min(hi, c + 8)),
                    confidence=0.75 if tier == "speech" else 0.5,
                )
            )
    return out


def find_according_to(doc: ParsedDoc, outer: list[MarkPair], *, lex: Lexicon) -> list[Candidate]:
    """Find ``according to X`` attributions; the content is the rest of the sentence."""
    out: list[Candidate] = []
    for sent in doc.sentences:
        lo, hi = sent.first, sent.last
        for a in range(lo, hi - 1):
            w = doc.words[a]
            if w.lower_text() != "according" and w.lemma.lower() not in ACCORDING_LEMMAS:
                continue
            if doc.words[a + 1].lower_text() != "to" or _inside(w.start, outer):
                continue
            comma_after = next((j for j in range(a + 2, hi) if doc.words[j].text in {",", ";", "—"}), hi)
            spk = right_np(doc, a + 1, ceil=comma_after)
            frame_end = comma_after if spk is None else max(spk[1], min(comma_after, hi))
            frame_end = min(frame_end, comma_after)
            left = _trim(doc, lo, a)
            right = _trim(doc, frame_end, hi)
            content = left if _content_words(doc, *left) >= _content_words(doc, *right) else right
            if _content_words(doc, *content) < MIN_CONTENT_WORDS:
                continue
            start, end = doc.words[content[0]].start, doc.words[content[1] - 1].end
            out.append(
                Candidate(
                    kind=QuoteKind.ACCORDING_TO,
                    start=start,
                    end=end,
                    sentence=sent.index,
                    cue=(a, a + 2),
                    cue_lemma="according to",
                    tier=CueTier.SPEECH,
                    speaker=spk,
                    frame=(a, frame_end),
                    confidence=0.8,
                )
            )
    return out
