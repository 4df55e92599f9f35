"""A cue set off between commas inside the content it reports, read from the surface.

  * The difference, Mr. Warner said, was that …      content in two pieces around the frame
  * For days after a storm, officials say, they …    (the second continues the first)
  * The combination, say economists, marks …         inverted: the speaker follows the cue
  * The plastic is less susceptible, said the officials, who added …
                                                     a relative clause describes the speaker:
                                                     the content is the part before the frame
  * As the authors explain, research … shows that …  a frame opening the sentence with *as*:
                                                     the content is all after its comma

Parsers attach such frames every way (the cue as root with the content's subject as its own,
the speaker as an object, the content as a conjunct), so the shape is read from the words: a
boundary, a short noun phrase and the cue (or the cue and the noun phrase), the same boundary.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..lexicon import ADDRESSEE_LEMMAS, CONTENT_PREPS, NAMING_LEMMAS, TIME_NOUNS, Lexicon
from ..nlp import ParsedDoc, Word

__all__ = ["Parenthetical", "clause_start", "parenthetical"]

_PAIRED = frozenset({",", "—", "–"})
_STOPS = _PAIRED | {";", ":", "(", ")"}
# Longest speaker noun phrase inside the frame ("a spokesman for the state department").
MAX_SPEAKER_WORDS = 7
_RELATIVES = frozenset({"who", "which", "whose", "whom", "that"})
_FRAME_UPOS = frozenset({"ADV", "AUX", "PART"})  # "also said", "has said", "said later"
MAX_FRAME_WORDS = 8
_QUOTE_MARKS = frozenset({'"', "“", "”", "‘", "’", "«", "»", "''", "``"})
_FRAME_WORD_UPOS = frozenset({"ADV", "PART", "ADP", "DET", "ADJ", "NOUN", "PROPN", "PRON", "NUM"})
_NP_UPOS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "PRON", "NUM", "CCONJ", "ADP", "PART"})


@dataclass(frozen=True, slots=True)
class Parenthetical:
    """Word ranges of a parenthetical frame: content before and after it, and the speaker."""

    left: tuple[int, int] | None
    right: tuple[int, int] | None
    speaker: tuple[int, int]


def parenthetical(doc: ParsedDoc, c: int, lo: int, hi: int, lex: Lexicon) -> Parenthetical | None:
    """The parenthetical frame around the cue at ``c`` in the sentence ``[lo, hi)``, or None."""
    w = doc.words[c]
    if w.lemma.lower() in NAMING_LEMMAS or not _finite(doc, c):
        return None  # "as The Daily Beast called them, …"; "Trump, speaking to veterans, said …"
    opening = _as_opening(doc, c, lo, hi)
    if opening is not None:
        return opening
    a = next((k for k in range(c - 1, lo - 1, -1) if doc.words[k].text in _STOPS), None)
    b = next((k for k in range(c + 1, hi) if doc.words[k].text in _STOPS), None)
    if a is None or b is None or a <= lo or b >= hi - 1 or doc.words[a].text not in _PAIRED:
        return None
    if doc.words[b].text != doc.words[a].text:
        return None
    if any(doc.words[j].text in _QUOTE_MARKS for j in range(a + 1, b)):
        return None  # "… in Disaster,” Rebecca Solnit wrote …": a quotation's own frame
    as_clause = doc.words[a + 1].lower_text() == "as"
    speaker = _trim_frame(doc, a + 1 + as_clause, c)
    if speaker is not None:
        if not _frame_only(doc, c + 1, b):
            return None  # more than a frame follows the cue: "officials said that …"
    elif all(doc.words[j].upos in _FRAME_UPOS for j in range(a + 1, c)):
        speaker = _trim_frame(doc, c + 1, b)  # "…, say economists, …"
    if speaker is None or not _noun_phrase(doc, *speaker):
        return None
    left = _piece(doc, clause_start(doc, lo, a), a)
    if left is None:
        return None
    right = _piece(doc, b + 1, hi)
    if right is not None and not _continues_content(doc, b + 1, lex):
        right = None  # ", who added …", ", a professor at Yale", ", and …": not the content
    if right is None and (as_clause or not has_finite(doc, *left)):
        return None
    return Parenthetical(left, right, speaker)


def _as_opening(doc: ParsedDoc, c: int, lo: int, hi: int) -> Parenthetical | None:
    """ "As the authors explain, research … shows that …": *as*, a short noun phrase and the cue
    open the sentence and a comma ends the frame; the clause after it is the content."""
    if doc.words[lo].lower_text() != "as" or not 1 <= c - lo - 1 <= MAX_SPEAKER_WORDS:
        return None
    if c + 2 >= hi or doc.words[c + 1].text != "," or doc.words[c + 2].text in _QUOTE_MARKS:
        return None  # "As he put it, “…”": the quotation's own frame
    speaker = _trim_frame(doc, lo + 1, c)
    if speaker is None or not _noun_phrase(doc, *speaker):
        return None
    right = _piece(doc, c + 2, hi)
    return None if right is None or not has_finite(doc, *right) else Parenthetical(None, right, speaker)


def _finite(doc: ParsedDoc, c: int) -> bool:
    """A finite cue, or one with its auxiliary ("has said"): not a participle describing a subject."""
    return "VerbForm=Fin" in doc.words[c].feats or (c > 0 and doc.words[c - 1].upos == "AUX")


def _frame_only(doc: ParsedDoc, s: int, e: int) -> bool:
    """The words after the cue are its frame: a particle or adverb, the addressee of a tell-verb,
    then only prepositional phrases or a time ("pointed out", "told me on Friday", "explained
    earlier in the committee hearing"); an object ("accused Rafael Cruz") is not a frame."""
    if e - s > MAX_FRAME_WORDS:
        return False
    j = s
    while j < e and _adverbial(doc.words[j]):
        j += 1
    if doc.words[s - 1].lemma.lower() in ADDRESSEE_LEMMAS:
        while j < e and doc.words[j].upos in {"DET", "ADJ", "NOUN", "PROPN", "PRON", "NUM"}:
            j += 1
    rest = doc.words[j:e]
    if not rest:
        return True
    if any(w.upos not in _FRAME_WORD_UPOS or w.lower_text() in _RELATIVES for w in rest):
        return False
    if rest[0].lower_text() in CONTENT_PREPS:
        return False  # "wrote of the purpose", "spoke about …": what follows is what was said
    return rest[0].upos == "ADP" or any(w.lower_text() in TIME_NOUNS for w in rest)  # "said last week"


def _adverbial(w: Word) -> bool:
    """An adverb or particle of the cue; "earlier" and "later" may be tagged comparative adjectives."""
    return w.upos in {"ADV", "PART"} or w.deprel == "compound:prt" or (w.upos == "ADJ" and "Degree=Cmp" in w.feats)


def _trim_frame(doc: ParsedDoc, s: int, e: int) -> tuple[int, int] | None:
    while e > s and doc.words[e - 1].upos in _FRAME_UPOS:
        e -= 1
    while s < e and doc.words[s].upos in {"ADV", "PUNCT"}:
        s += 1
    return (s, e) if e > s else None


def _noun_phrase(doc: ParsedDoc, s: int, e: int) -> bool:
    words = doc.words[s:e]
    if len(words) > MAX_SPEAKER_WORDS or any(w.lower_text() in _RELATIVES for w in words):
        return False
    if not all(w.upos in _NP_UPOS for w in words):
        return False
    return any(w.upos in {"NOUN", "PROPN", "PRON"} for w in words)


def _piece(doc: ParsedDoc, s: int, e: int) -> tuple[int, int] | None:
    """A content piece without edge punctuation and conjunctions; None when nothing is left."""
    while s < e and (doc.words[s].upos in {"PUNCT", "CCONJ"}):
        s += 1
    while e > s and doc.words[e - 1].upos == "PUNCT":
        e -= 1
    return (s, e) if e > s else None


def clause_start(doc: ParsedDoc, lo: int, end: int, *, after_conjunction: bool = True) -> int:
    """Where the content before a frame starts: after a line break, a colon, semicolon or a
    bracket still open at the frame ("(118 miles)" is closed), or (``after_conjunction``) after
    the conjunction of the last coordinated clause (", but the air pollution …")."""
    closed = 0
    for k in range(end - 1, lo - 1, -1):
        x = doc.words[k]
        if k > lo and "\n" in doc.text[doc.words[k - 1].end : x.start]:
            return k  # a heading line is not the start of the content
        closed += (x.text == ")") - (x.text == "(")
        if x.text in {";", ":"} or (x.text == "(" and closed < 0):
            return k + 1  # after a colon, or inside a bracket left open before the frame
        if after_conjunction and x.upos == "CCONJ" and k - 1 >= lo and doc.words[k - 1].text == ",":
            return k + 1
    return lo


def has_finite(doc: ParsedDoc, s: int, e: int) -> bool:
    """Whether words ``[s, e)`` hold a finite verb ("it started with a surge" does)."""
    return any("VerbForm=Fin" in doc.words[j].feats for j in range(s, e))


def _continues_content(doc: ParsedDoc, s: int, lex: Lexicon) -> bool:
    """The words after the frame go on with the content: a finite verb before the sentence's
    next boundary, and no relative clause, participle or conjunction opening them (those describe
    the speaker or add a new clause)."""
    first = doc.words[s]
    if first.upos == "SCONJ":
        return True  # "so bad, Mr. Obama noted, that …", "a model, he said, for how …"
    if first.lower_text() in _RELATIVES or first.upos == "CCONJ":
        return False
    if first.upos == "VERB" and "VerbForm=Fin" not in first.feats:
        return lex.cue_tier(first.lemma) is None  # ", compared with …" goes on; ", adding that …" is new
    sent = doc.sentences[first.sent]
    for j in range(s, sent.last):
        if doc.words[j].text in _STOPS:
            return False
        if "VerbForm=Fin" in doc.words[j].feats:
            return True
    return False
