"""Features for every learned decision, from the parse, the NER, the proposing rule, distance and position.

Two decisions read them (see :mod:`attribution.decisions`): whether a rule's candidate quotation
is an attribution (:func:`candidate_features`), and which noun phrase near the cue is its speaker
(:func:`mention_features` over :func:`mention_heads`).  Features are plain ``{name: number |
str}`` dicts; :class:`Encoder` turns them into model rows with the vocabularies saved beside the
model, so a word list that grows later cannot shift a trained model's codes.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from .lexicon import MODAL_VERBS, Lexicon
from .names import dateline_end
from .nlp import ParsedDoc, Word
from .quotes import Candidate
from .quotes.direct import word_range
from .quotes.frame import NOUNISH, case_words, negates, noun_phrase, snap_to_entities
from .speakers import human_noun

__all__ = ["Encoder", "candidate_features", "mention_features", "mention_heads", "mention_span"]

_QUOTES = '"“”‘’«»„'
_CLAUSE_RELS = frozenset({"ccomp", "xcomp", "parataxis", "advcl", "acl", "acl:relcl"})
# Particles and prepositions that turn a cue verb into another sense ("charged … with", "called … out").
_SENSE_WORDS = ("with", "for", "out", "off", "up", "on", "over", "about", "to", "into", "at")
_PERSON = frozenset({"PER", "PERSON"})
_PERSONAL = frozenset({"he", "she", "they", "i", "we", "him", "her", "them"})


def _base(deprel: str) -> str:
    return deprel.split(":", 1)[0]


def _ner(w: Word) -> str:
    t = (w.ner or "").split("-")[-1]
    return {"PERSON": "PER", "GPE": "LOC", "NORP": "MISC"}.get(t, t or "O")


def _sentence_words(doc: ParsedDoc, sent: int) -> list[Word]:
    s = doc.sentences[sent]
    return doc.words[s.first : s.last]


def _content_words(doc: ParsedDoc, c: Candidate) -> tuple[int, int]:
    """The word range of the candidate's content."""
    return word_range(doc, c.start, c.end)


def _cue_features(doc: ParsedDoc, c: Candidate, lex: Lexicon) -> dict[str, float | str]:
    if c.cue is None:
        return {"has_cue": 0.0, "cue_lemma": "", "cue_upos": "", "cue_deprel": ""}
    w = doc.words[c.cue[0]]
    kids = [doc.words[k] for k in doc.children(w.i)]
    rels = {_base(k.deprel) for k in kids}
    kid_words = {k.lower_text() for k in kids} | {
        doc.words[g].lower_text() for k in kids for g in doc.children(k.i) if doc.words[g].deprel == "case"
    }
    f: dict[str, float | str] = {
        "has_cue": 1.0,
        "cue_lemma": c.cue_lemma or w.lemma.lower(),
        "cue_upos": w.upos,
        "cue_deprel": _base(w.deprel),
        "cue_words": float(c.cue[1] - c.cue[0]),
        "cue_has_obj": float("obj" in rels or "iobj" in rels),
        "cue_has_ccomp": float("ccomp" in rels),
        "cue_has_prt": float("compound" in rels and any(k.deprel == "compound:prt" for k in kids)),
        "cue_has_subj": float(any(k.deprel.startswith("nsubj") for k in kids)),
        "cue_passive": float(any(k.deprel in {"aux:pass", "nsubj:pass"} for k in kids)),
        "cue_imperative": float("Mood=Imp" in w.feats),
        "cue_capital": float(w.text[:1].isupper()),
        "cue_in_lexicon": float(lex.cue_tier(c.cue_lemma or w.lemma) is not None),
        "cue_speech_tier": float(lex.cue_tier(c.cue_lemma or w.lemma) == "speech"),
        "cue_gerund": float("VerbForm=Ger" in w.feats or w.text.endswith("ing")),
        "cue_past": float("Tense=Past" in w.feats),
    }
    for word in _SENSE_WORDS:
        f[f"cue_dep_{word}"] = float(word in kid_words)
    head = doc.words[w.head] if w.head >= 0 else None
    f["cue_negated"] = float(negates(kids))
    f["cue_modal"] = float(any(k.deprel == "aux" and k.lemma.lower() in MODAL_VERBS for k in kids))
    f["cue_infinitive"] = float(any(k.deprel == "mark" and k.lower_text() == "to" for k in kids))
    f["cue_subordinate"] = float(any(k.deprel == "mark" and k.lower_text() != "to" for k in kids))
    f["cue_head_upos"] = head.upos if head is not None else "ROOT"
    f["cue_subj_it"] = float(any(k.deprel.startswith(("nsubj", "expl")) and k.lower_text() == "it" for k in kids))
    sent = _sentence_words(doc, w.sent)
    f["cue_first_in_sentence"] = float(bool(sent) and w.i == sent[0].i)
    f["cue_pos_in_sentence"] = (w.i - sent[0].i) / max(1, len(sent)) if sent else 0.0
    return f


def _speaker_features(doc: ParsedDoc, c: Candidate, lex: Lexicon) -> dict[str, float | str]:
    if c.speaker is None:
        return {"has_speaker": 0.0, "spk_ner": "", "spk_upos": "", "spk_deprel": ""}
    words = doc.words[c.speaker[0] : c.speaker[1]]
    head = next((w for w in words if not (c.speaker[0] <= w.head < c.speaker[1])), words[0])
    low = head.lower_text()
    return {
        "has_speaker": 1.0,
        "spk_ner": _ner(head),
        "spk_upos": head.upos,
        "spk_deprel": _base(head.deprel),
        "spk_words": float(len(words)),
        "spk_pronoun": float(head.upos == "PRON"),
        "spk_you_we": float(low in {"you", "we", "i", "me", "us"}),
        "spk_capital": float(words[0].text[:1].isupper()),
        "spk_known_noun": float(
            head.lemma.lower() in lex.title_words | lex.group_nouns | lex.anonymous_words | lex.org_words
        ),
        "spk_document": float(head.lemma.lower() in lex.document_nouns),
        "spk_human": float(head.upos in {"NOUN", "PROPN"} and human_noun(head.lemma.lower(), low, lex)),
        "spk_before_cue": float(c.cue is not None and c.speaker[1] <= c.cue[0]),
        "spk_cue_gap": float(abs(c.speaker[0] - c.cue[0])) if c.cue is not None else -1.0,
        "spk_personal": float(low in _PERSONAL),
        "spk_it": float(low in {"it", "this", "that", "which"}),
        "spk_person_ner": float(any(_ner(x) == "PER" for x in words)),
        "spk_plural": float("Number=Plur" in head.feats),
    }


def _content_features(doc: ParsedDoc, c: Candidate) -> dict[str, float | str]:
    text = doc.text
    body = text[c.start : c.end]
    first, last = _content_words(doc, c)
    cw = doc.words[first:last]
    inside = set(range(first, last))
    heads = [w for w in cw if w.head not in inside]
    head = heads[0] if heads else None
    before = text[max(0, c.start - 2) : c.start]
    after = text[c.end : c.end + 2]
    return {
        "kind": str(c.kind),
        "tier_speech": float(str(c.tier) == "speech"),
        "rule_confidence": float(c.confidence),
        "content_words": float(len(cw)),
        "content_log_chars": math.log1p(len(body)),
        "content_quoted": float(any(ch in before for ch in _QUOTES) and any(ch in after for ch in _QUOTES)),
        "content_has_quote": float(any(ch in body for ch in _QUOTES)),
        "content_head_upos": head.upos if head else "",
        "content_head_deprel": _base(head.deprel) if head else "",
        "content_clause": float(head is not None and (head.upos in {"VERB", "AUX"} or head.deprel in _CLAUSE_RELS)),
        "content_that": float(bool(cw) and cw[0].lower_text() in {"that", "whether", "if"}),
        "content_verbs": float(sum(w.upos in {"VERB", "AUX"} for w in cw)),
        "content_before_cue": float(c.cue is not None and last <= c.cue[0]),
        "content_cue_gap": float(min(abs(first - c.cue[1]), abs(c.cue[0] - last))) if c.cue is not None else -1.0,
        "content_first_upos": cw[0].upos if cw else "",
        "content_has_subj": float(any(x.deprel.startswith("nsubj") for x in cw)),
        "content_head_subj": float(
            head is not None
            and any(doc.words[k].deprel.startswith("nsubj") and k in inside for k in doc.children(head.i))
        ),
        "content_ner_share": sum(x.ner is not None for x in cw) / max(1, len(cw)),
        "content_first_person": float(any(x.lower_text() in {"i", "we", "my", "our", "me", "us"} for x in cw)),
        "open_ended": float(c.open_ended),
        "model_only": float(c.model_only),
        "continues": float(c.continues is not None),
    }


def _position_features(doc: ParsedDoc, c: Candidate, paragraphs: Sequence[tuple[int, int]]) -> dict[str, float | str]:
    sent = doc.sentences[min(c.sentence, len(doc.sentences) - 1)] if doc.sentences else None
    stext = doc.text[sent.start : sent.end] if sent else ""
    para = next((k for k, (s, e) in enumerate(paragraphs) if s <= c.start < e), 0)
    ps, pe = paragraphs[para] if paragraphs else (0, len(doc.text))
    return {
        "sentence_question": float(stext.rstrip(" ”\"’'").endswith("?")),
        "sentence_colon_head": float(":" in stext[:40] and stext[: stext.find(":")].isupper()),
        "sentence_words": float(sent.last - sent.first) if sent else 0.0,
        "sentence_parsed": float(bool(sent and sent.parsed)),
        "paragraph_index": float(para),
        "paragraph_rel": para / max(1, len(paragraphs)),
        "paragraph_chars": math.log1p(pe - ps),
        "paragraph_share": (c.end - c.start) / max(1, pe - ps),
        "article_rel": c.start / max(1, len(doc.text)),
    }


def candidate_features(
    doc: ParsedDoc, c: Candidate, paragraphs: Sequence[tuple[int, int]], lex: Lexicon
) -> dict[str, float | str]:
    """Everything the keep/drop decision reads about one rule candidate."""
    f: dict[str, float | str] = {}
    f.update(_cue_features(doc, c, lex))
    f.update(_speaker_features(doc, c, lex))
    f.update(_content_features(doc, c))
    f.update(_position_features(doc, c, paragraphs))
    return f


# ---- speaker mentions -------------------------------------------------------------------------

_NP_INTERNAL = frozenset({"compound", "flat", "amod", "det", "nummod", "fixed", "goeswith", "case", "poss"})


def mention_heads(doc: ParsedDoc, c: Candidate, *, window: int = 1) -> list[int]:
    """Heads of the noun phrases that may be the speaker: in the cue's sentence and ``window``
    sentences before it, outside the quotation's content."""
    if c.cue is None:
        return []
    cue_sent = doc.words[c.cue[0]].sent
    first, last = _content_words(doc, c)
    out = []
    for si in range(max(0, cue_sent - window), cue_sent + 1):
        words = _sentence_words(doc, si)
        dateline = dateline_end([w.text for w in words[:14]])  # "FLINT, Mich., Oct. 4 (UPI) —" never speaks
        for w in words[dateline:]:
            if first <= w.i < last or w.upos not in NOUNISH or c.cue[0] <= w.i < c.cue[1] or _bracketed(doc, w):
                continue
            parent = doc.words[w.head] if w.head >= 0 else None
            internal = parent is not None and _base(w.deprel) in _NP_INTERNAL and parent.upos in NOUNISH
            internal = internal and parent is not None and parent.i >= words[0].i + dateline
            if not internal:
                out.append(w.i)
    return out


def _bracketed(doc: ParsedDoc, w: Word) -> bool:
    """Inside parentheses in its sentence ("Paul D. Ryan (R-Wis.)"): never a speaker's head."""
    sent = doc.text[doc.sentences[w.sent].start : w.start]
    return sent.count("(") > sent.count(")")


def mention_span(doc: ParsedDoc, c: Candidate, head: int) -> tuple[int, int]:
    """The speaker words for a chosen head: its noun phrase, outside the content, whole entities."""
    sent = doc.sentences[doc.words[head].sent]
    first, last = _content_words(doc, c)
    lo, hi = sent.first, sent.last
    if last <= head:
        lo = max(lo, last)
    elif first > head:
        hi = min(hi, first)
    span = noun_phrase(doc, head, limit=(lo, hi))
    return snap_to_entities(doc, span, lo=lo, hi=hi, content=(first, last))


@dataclass(frozen=True, slots=True)
class _Frame:
    cue: Word
    cue_head: int
    rule_span: tuple[int, int] | None
    content: tuple[int, int]


def mention_features(
    doc: ParsedDoc, c: Candidate, head: int, lex: Lexicon, *, rank: int, n: int
) -> dict[str, float | str]:
    """Features of one candidate speaker head for the cue of ``c``."""
    assert c.cue is not None
    fr = _Frame(doc.words[c.cue[0]], doc.words[c.cue[0]].head, c.speaker, _content_words(doc, c))
    w = doc.words[head]
    cue = fr.cue
    kids = [doc.words[k] for k in doc.children(head)]
    low = w.lower_text()
    lemma = w.lemma.lower()
    prev = doc.words[head - 1] if head > 0 else None
    nxt = doc.words[head + 1] if head + 1 < len(doc.words) else None
    in_rule = fr.rule_span is not None and fr.rule_span[0] <= head < fr.rule_span[1]
    return {
        "m_rule": float(in_rule),
        "m_has_rule": float(fr.rule_span is not None),
        "m_same_sentence": float(w.sent == cue.sent),
        "m_sentence_back": float(cue.sent - w.sent),
        "m_distance": float(head - cue.i),
        "m_abs_distance": float(abs(head - cue.i)),
        "m_rank": float(rank),
        "m_candidates": float(n),
        "m_child_of_cue": float(w.head == cue.i),
        "m_sibling_of_cue": float(w.head >= 0 and w.head == fr.cue_head),
        "m_head_of_cue": float(fr.cue_head == head),
        "m_deprel": _base(w.deprel),
        "m_subject": float(w.deprel.startswith("nsubj")),
        "m_upos": w.upos,
        "m_ner": _ner(w),
        "m_person_ner": float(any(_ner(doc.words[k]) == "PER" for k in range(max(0, head - 2), head + 1))),
        "m_pronoun": float(w.upos == "PRON"),
        "m_relative": float(low in {"who", "which", "that", "whom"}),
        "m_first_person": float(low in {"i", "we", "me", "us", "you"}),
        "m_capital": float(w.text[:1].isupper()),
        "m_propn_kids": float(sum(k.upos == "PROPN" for k in kids)),
        "m_has_case": float(any(k.deprel == "case" and k.lemma not in {"'s", "’s"} for k in kids)),
        "m_case_by": float(any(k.deprel == "case" and k.lower_text() == "by" for k in kids)),
        "m_poss": float(w.deprel == "nmod:poss"),
        "m_after_comma": float(prev is not None and prev.text == ","),
        "m_before_comma": float(nxt is not None and nxt.text == ","),
        "m_before_cue": float(head < cue.i),
        "m_between": float((fr.content[1] <= head < cue.i) or (cue.i < head < fr.content[0])),
        "m_time": float(lemma in {"today", "yesterday", "monday", "tuesday", "wednesday", "thursday", "friday"}),
        "m_title": float(lemma in lex.title_words),
        "m_group": float(lemma in lex.group_nouns),
        "m_org_word": float(lemma in lex.org_words),
        "m_anonymous": float(lemma in lex.anonymous_words),
        "m_document": float(lemma in lex.document_nouns),
        "m_plural": float("Number=Plur" in w.feats),
        "m_in_quotes": float(_in_quotes(doc, w)),
        **_mention_context(doc, cue, w),
    }


def _mention_context(doc: ParsedDoc, cue: Word, w: Word) -> dict[str, float | str]:
    """The cue's own frame (has it a subject, is it passive) and what stands between it and the mention."""
    cue_kids = [doc.words[k] for k in doc.children(cue.i)]
    lo, hi = sorted((w.i, cue.i))
    between = doc.words[lo + 1 : hi]
    return {
        "m_cue_deprel": _base(cue.deprel),
        "m_cue_has_subj": float(any(k.deprel.startswith("nsubj") for k in cue_kids)),
        "m_cue_passive": float(any(k.deprel in {"aux:pass", "nsubj:pass"} for k in cue_kids)),
        "m_subject_of_cue": float(w.head == cue.i and w.deprel.startswith("nsubj")),
        # "He was told by aides": the passive subject is spoken to, the agent speaks
        "m_passive_subject_of_cue": float(w.head == cue.i and w.deprel == "nsubj:pass"),
        "m_agent_of_cue": float(w.head == cue.i and w.deprel.startswith("obl") and "by" in case_words(doc, w.i)),
        "m_subjects_between": float(sum(x.deprel.startswith("nsubj") for x in between)),
        "m_persons_between": float(sum(_ner(x) == "PER" and x.upos == "PROPN" for x in between)),
        "m_verbs_between": float(sum(x.upos == "VERB" for x in between)),
        "m_entity_words": float(_entity_words(doc, w)),
    }


def _entity_words(doc: ParsedDoc, w: Word) -> int:
    """Words of the named entity the head ends (0: none)."""
    if w.ner is None:
        return 0
    n, i = 1, w.i - 1
    while i >= 0 and doc.words[i].ner == w.ner and doc.words[i].sent == w.sent and n < 8:
        n, i = n + 1, i - 1
    return n


def _in_quotes(doc: ParsedDoc, w: Word) -> bool:
    sent = doc.sentences[w.sent]
    before = doc.text[sent.start : w.start]
    return sum(before.count(q) for q in '“"') % 2 == 1 and "”" not in before[before.rfind("“") :]


class Encoder:
    """Rows for LightGBM from feature dicts: fixed column order and a vocabulary per text column."""

    def __init__(self, columns: list[str], vocab: dict[str, list[str]]) -> None:
        self.columns = columns
        self.vocab = vocab
        self._index = {c: {v: i for i, v in enumerate(vs)} for c, vs in vocab.items()}

    @classmethod
    def fit(cls, rows: Sequence[dict[str, float | str]]) -> Encoder:
        columns = sorted({k for r in rows for k in r})
        vocab = {
            c: sorted({str(r[c]) for r in rows if c in r and isinstance(r[c], str)})
            for c in columns
            if any(isinstance(r.get(c), str) for r in rows)
        }
        return cls(columns, vocab)

    @property
    def categorical(self) -> list[str]:
        return [c for c in self.columns if c in self.vocab]

    def row(self, f: dict[str, float | str]) -> list[float]:
        out = []
        for c in self.columns:
            v = f.get(c)
            if c in self._index:
                code = self._index[c].get(str(v)) if v is not None else None
                out.append(float("nan") if code is None else float(code))
            else:
                out.append(float("nan") if v is None else float(v))
        return out

    def to_json(self) -> dict:
        return {"columns": self.columns, "vocab": self.vocab}
