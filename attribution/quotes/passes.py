"""Run the quote finders in a fixed order, resolve overlaps and link continuations."""

from __future__ import annotations

from dataclasses import replace

from ..config import Settings
from ..gender import PERSON_TAGS, open_quotation
from ..lexicon import Lexicon
from ..model import QuoteKind
from ..names import dateline_end
from ..nlp import ParsedDoc, subtree
from .candidate import Candidate
from .direct import find_direct, quote_pairs, word_range
from .frame import snap_to_entities
from .headline import find_headline_label
from .marks import MarkPairs
from .reported import find_according_to, find_reported

__all__ = ["find_quotes", "link_continuations", "resolve_overlaps", "rules_keep"]

# Higher wins when two candidates claim the same text.
PRIORITY = {QuoteKind.DIRECT: 3, QuoteKind.ACCORDING_TO: 2, QuoteKind.MIXED: 2, QuoteKind.INDIRECT: 1}
# How many paragraphs back a quotation without a cue may look for the speaker it continues.
CONTINUATION_PARAGRAPHS = 1


def _overlap(a: Candidate, b: Candidate) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def _opens_relative(doc: ParsedDoc, o: Candidate) -> bool:
    """True when ``o``'s frame starts a non-restrictive relative clause (", which it said …")."""
    first = min(o.cue[0] if o.cue else 0, o.speaker[0] if o.speaker else o.cue[0] if o.cue else 0)
    lo = doc.sentences[doc.words[first].sent].first
    for j in range(first, max(lo, first - 3) - 1, -1):
        if doc.words[j].lower_text() in {"which", "who", "whom"}:
            return j - 1 >= lo and doc.words[j - 1].text == ","
    return False


def resolve_overlaps(cands: list[Candidate], doc: ParsedDoc) -> list[Candidate]:
    """Resolve attributions inside others' contents, then drop the weaker of two that overlap.

    A cue inside another attribution's content belongs to that content ("said that Trump hadn't
    answered the question") and is dropped, unless it opens a relative clause ("reported news of
    the agreement, which it said would be implemented today"): then both stay, and the outer
    content ends where the inner attribution begins.
    """
    cands = sorted(cands, key=lambda c: (c.start, -c.end))
    nested: set[int] = set()
    cuts: dict[int, int] = {}
    for i, c in enumerate(cands):
        if c.cue is None or c.model_only:
            continue  # a candidate only a model may keep takes no other's place
        for j, o in enumerate(cands):
            if o is c or o.cue is None or (o.kind is QuoteKind.DIRECT and o.tier == "speech"):
                continue  # a belief cue inside a content is nested even before a quotation ("who feel that way, “…”")
            cue_start = doc.words[o.cue[0]].start
            if not (c.start < cue_start < c.end and doc.words[c.cue[0]].start < cue_start):
                continue
            if _opens_relative(doc, o):
                first = min(cue_start, o.start, doc.words[o.speaker[0]].start if o.speaker else cue_start)
                if first > c.start:
                    cuts[i] = min(cuts.get(i, c.end), first)
            elif o.start > doc.words[c.cue[0]].start:
                nested.add(j)
    trimmed: list[Candidate] = []
    for i, c in enumerate(cands):
        if i in nested:
            continue
        if i in cuts:
            text = doc.text[c.start : cuts[i]].rstrip(" ,;:—–-\n")
            for rel in (" which", " who"):
                if text.lower().endswith(rel):
                    text = text[: -len(rel)].rstrip(" ,;:—–-\n")
            if len(text.split()) < 2:
                continue
            c = replace(c, end=c.start + len(text))
        trimmed.append(c)
    kept: list[Candidate] = []
    for c in sorted(trimmed, key=lambda c: (c.model_only, -PRIORITY[c.kind], -(c.tier == "speech"), c.start)):
        clash = False
        for k in kept:
            ov = _overlap(c, k)
            if ov and ov >= 0.5 * min(c.end - c.start, k.end - k.start):
                clash = True
                break
        if not clash:
            kept.append(c)
    return sorted(kept, key=lambda c: c.start)


def link_continuations(
    cands: list[Candidate], paragraph_of: list[int], introduced: list[tuple[int, int] | None] | None = None
) -> list[Candidate]:
    """Give a quotation with no cue the speaker of the quotation before it.

    ``paragraph_of[i]`` is the paragraph index of candidate ``i``.  A split quotation (the same cue
    as the piece before it, or no cue in the same paragraph) and the next paragraph of a quotation
    that runs on (left open) *continue* that piece: ``continues`` links them as one quotation.  A
    new quotation in the next paragraph with no cue continues a direct quotation before it too (the
    speaker goes on, and PolNeAR has one attribution), and only takes the speaker of any other.  The two
    pieces of reported speech around a parenthetical frame share their cue: the second continues.
    ``introduced[i]``: a person the paragraph of candidate ``i`` names as a subject before it
    ("Sen. Bernie Sanders … identified young voters' exhaustion … “The younger people are …”"),
    who speaks a new quotation there rather than the previous paragraph's speaker, and speaks a
    quotation with no quotation close enough before it to go on from.
    """
    out: list[Candidate] = []
    for i, c in enumerate(cands):
        new = introduced[i] if introduced else None
        if new is not None and c.cue is None and c.speaker is None and not _continues_nearby(out, paragraph_of, i):
            # "Charles Schultze … once summed up the danger with a metaphor. “It's not so much …”"
            out.append(replace(c, speaker=new, frame=new, confidence=min(c.confidence, 0.7)))
            continue
        if c.kind is not QuoteKind.DIRECT and i > 0 and c.cue is not None and c.cue == out[i - 1].cue:
            # "The difference, Mr. Warner said, was that …": the piece after the frame
            first = out[i - 1].continues if out[i - 1].continues is not None else i - 1
            c = replace(c, continues=first, cue=None, speaker=out[i - 1].speaker, frame=out[i - 1].frame)
        elif c.kind is QuoteKind.DIRECT and i > 0:
            prev_i = next(
                (j for j in range(len(out) - 1, -1, -1) if out[j].speaker is not None or out[j].cue is not None), None
            )
            if prev_i is not None:
                prev = out[prev_i]
                first = prev.continues if prev.continues is not None else prev_i
                same_cue = c.cue is not None and c.cue == prev.cue
                gap = paragraph_of[i] - paragraph_of[prev_i]
                bare = c.cue is None and c.speaker is None
                confidence = min(prev.confidence, 0.8)
                if same_cue or (bare and (gap == 0 or (gap == 1 and cands[i - 1].open_ended))):
                    c = replace(
                        c, continues=first, cue=None, speaker=prev.speaker, frame=prev.frame, confidence=confidence
                    )
                elif bare and 0 < gap <= CONTINUATION_PARAGRAPHS:
                    link = first if new is None and prev.kind is QuoteKind.DIRECT else None
                    c = replace(
                        c,
                        speaker=new or prev.speaker,
                        frame=new or prev.frame,
                        confidence=min(confidence, 0.7),
                        continues=link,
                    )
        out.append(c)
    return out


def _continues_nearby(out: list[Candidate], paragraph_of: list[int], i: int) -> bool:
    """Whether a quotation with a speaker or cue comes before candidate ``i`` close enough for
    ``i`` to go on from it (the paragraphs ``link_continuations`` lets a speaker run on)."""
    prev = next((j for j in range(len(out) - 1, -1, -1) if out[j].speaker is not None or out[j].cue is not None), None)
    return prev is not None and paragraph_of[i] - paragraph_of[prev] <= CONTINUATION_PARAGRAPHS


def find_quotes(
    doc: ParsedDoc,
    pairs: MarkPairs,
    paragraphs: list[tuple[int, int]],
    *,
    lex: Lexicon,
    settings: Settings,
) -> list[Candidate]:
    """Run the passes (direct, according to, reported, a headline's label) and return resolved
    candidates by start."""
    outer = quote_pairs(pairs)
    direct, used = find_direct(doc, pairs, paragraphs, lex=lex, settings=settings)
    according = find_according_to(doc, outer, lex=lex)
    reported = find_reported(doc, outer, used, lex=lex, settings=settings)
    headline = find_headline_label(doc)
    cands = [settle_speaker(doc, c) for c in resolve_overlaps([*headline, *direct, *according, *reported], doc)]
    cands = drop_repeats(cands, doc)
    starts = [p[0] for p in paragraphs]
    para = [max(0, sum(1 for s in starts if s <= c.start) - 1) for c in cands]
    introduced = [
        _subject_before(doc, c, paragraphs[p][0] if paragraphs else 0) for c, p in zip(cands, para, strict=True)
    ]
    return link_continuations(cands, _story_paragraphs(doc.text, paragraphs, cands), introduced)


# A line a page lists ("- Hori Parata at his farm", a photo's caption; a bullet), and the offset
# that keeps a quotation in one apart from the story's paragraphs.
_LIST_ITEM = ("- ", "• ", "* ", "– ")
_APART = 1_000_000


def _story_paragraphs(text: str, paragraphs: list[tuple[int, int]], cands: list[Candidate]) -> list[int]:
    """Each candidate's paragraph, counting only the story's paragraphs: a caption or bullet line
    between a quotation and the next does not part them."""
    listed = [text[s:e].lstrip().startswith(_LIST_ITEM) for s, e in paragraphs]
    story = [s for (s, _), li in zip(paragraphs, listed, strict=True) if not li]
    out = []
    for c in cands:
        apart = any(li and s <= c.start < e for (s, e), li in zip(paragraphs, listed, strict=True))
        out.append(max(0, sum(1 for s in story if s <= c.start) - 1) + (_APART if apart else 0))
    return out


def _subject_before(doc: ParsedDoc, c: Candidate, para_start: int) -> tuple[int, int] | None:
    """The last person the NER names in ``c``'s paragraph before it, outside quotations, in a
    subject's place: at the start of its sentence or after punctuation (not inside brackets: the
    "(Vt.)" some taggers call a person), not after a preposition or a verb ("On “Face the
    Nation,” Sen. Bernie Sanders (Vt.), who lost …, identified …")."""
    if c.kind is not QuoteKind.DIRECT or c.cue is not None:
        return None
    found = None
    run: list[int] = []
    for w in doc.words:
        if w.start < para_start or w.end > c.start:
            continue
        if w.ner in PERSON_TAGS and w.upos == "PROPN" and (not run or run[-1] == w.i - 1):
            run.append(w.i)
            continue
        found = _subject_run(doc, run, para_start) or found
        run = [w.i] if w.ner in PERSON_TAGS and w.upos == "PROPN" else []
    return _subject_run(doc, run, para_start) or found


def _subject_run(doc: ParsedDoc, run: list[int], para_start: int) -> tuple[int, int] | None:
    if not run:
        return None
    first, after = doc.words[run[0]], doc.words[run[-1] + 1] if run[-1] + 1 < len(doc.words) else None
    if after is not None and after.lower_text() in {"'s", "’s"}:
        return None  # "Sanders's campaign"
    before = doc.words[run[0] - 1] if run[0] > 0 and doc.words[run[0] - 1].start >= para_start else None
    opens = before is None or before.sent != first.sent or (before.upos == "PUNCT" and before.text != "(")
    return (run[0], run[-1] + 1) if opens and not open_quotation(doc.text[para_start : first.start]) else None


# Fewest words for a quotation to count as a repeat of an earlier one (shorter ones recur by chance).
MIN_REPEAT_WORDS = 4


def _letters(text: str) -> str:
    return " ".join("".join(ch.lower() if ch.isalnum() else " " for ch in text).split())


def drop_repeats(cands: list[Candidate], doc: ParsedDoc) -> list[Candidate]:
    """Drop a quotation that repeats an earlier one: a direct quotation with no cue of its own whose
    words an earlier quotation already holds (a pull quote, a caption printed again, a tweet quoted
    whole and then in part), or a whole sentence printed again, frame and all, after a dateline or
    not (a page's teaser repeated by its story).  A repeat in a frame of its own stays: a live blog
    may report the same words twice."""
    seen: list[str] = []
    sentences: set[tuple[str, str]] = set()
    out: list[Candidate] = []
    for c in cands:
        words = _letters(doc.text[c.start : c.end])
        bare = c.kind is QuoteKind.DIRECT and c.cue is None and len(words.split()) >= MIN_REPEAT_WORDS
        key = (words, _sentence_letters(doc, c.sentence))
        if (bare and any(words in s for s in seen)) or (len(words.split()) >= MIN_REPEAT_WORDS and key in sentences):
            continue
        seen.append(words)
        sentences.add(key)
        out.append(c)
    return out


def _sentence_letters(doc: ParsedDoc, k: int) -> str:
    """A sentence's words after its dateline ("MOSCOW (AP) —"), as letters only."""
    sent = doc.sentences[k]
    toks = [w.text for w in doc.words[sent.first : sent.last]]
    skip = dateline_end(toks)
    start = doc.words[sent.first + skip].start if skip < len(toks) else sent.end
    return _letters(doc.text[start : sent.end])


def settle_speaker(doc: ParsedDoc, c: Candidate) -> Candidate:
    """A speaker never holds its own cue word (a headline's "General Reveals …" parsed as one name
    keeps "General") and never cuts a named entity ("the event organizer Alliance" -> "… Alliance
    to Reclaim Our Schools"), whichever pass proposed it."""
    if c.speaker is None:
        return c
    s, e = _owner_to_noun(doc, c.speaker)
    if c.cue is not None and not (c.cue[1] <= s or e <= c.cue[0]):
        cs, ce = c.cue
        s, e = (s, cs) if cs - s >= e - ce else (ce, e)
        if e <= s:
            return replace(c, speaker=None)
    sent = doc.sentences[doc.words[s].sent]
    lo, hi = sent.first, sent.last
    for a, b in ([c.cue] if c.cue else []) + [word_range(doc, c.start, c.end, whole=True)]:
        if b <= s:
            lo = max(lo, b)
        elif a >= e:
            hi = min(hi, a)
    if s - 1 >= lo and doc.words[s - 1].lower_text() == "not" and e - s == 1:
        s -= 1  # "not everyone says …": the negation tells who speaks
    e = _with_conjuncts(doc, s, e, hi)
    s = _with_names_before(doc, s, e, lo)
    e = _with_trailing_name(doc, s, _with_quantity_of(doc, s, e, hi), hi)
    span = snap_to_entities(doc, (_named_head(doc, s, lo), e), lo=lo, hi=hi)
    return c if span == c.speaker else replace(c, speaker=span)


_COUNT_WORDS = frozenset({"number", "majority", "minority", "handful", "dozens", "hundreds", "thousands", "percent"})


def _with_quantity_of(doc: ParsedDoc, s: int, e: int, hi: int) -> int:
    """ "nearly eight of 10 voters say": a count before "of" speaks for the people after it."""
    last = doc.words[e - 1]
    if e + 1 >= hi or doc.words[e].lower_text() != "of":
        return e
    if last.upos != "NUM" and last.lower_text() not in _COUNT_WORDS:
        return e
    k = e + 1
    while k < hi and doc.words[k].upos in {"DET", "NUM", "ADJ"}:
        k += 1
    while k < hi and doc.words[k].upos in {"NOUN", "PROPN"}:
        k += 1
    return k if k > e + 1 and doc.words[k - 1].upos in {"NOUN", "PROPN"} else e


def _with_trailing_name(doc: ParsedDoc, s: int, e: int, hi: int) -> int:
    """ "A lawyer for the news outlets, David Schulz, said": the name a descriptor introduces, right
    after it or between commas, is part of the speaker words."""
    if e < hi and doc.words[e - 1].upos == "NOUN" and doc.words[e - 1].text.islower():
        k = _person_name_end(doc, e, hi)  # "Crisis Group senior analyst Noah Bonsey said": split off
        if k > e:
            return k
    if e + 2 >= hi or doc.words[e].text != "," or not any(doc.words[j].upos == "NOUN" for j in range(s, e)):
        return e
    k = _person_name_end(doc, e + 1, hi)
    return k if k > e + 1 and k < len(doc.words) and doc.words[k].text == "," else e


def _person_name_end(doc: ParsedDoc, k: int, hi: int) -> int:
    """The end of the run of person-tagged proper nouns starting at ``k``."""
    while k < hi and doc.words[k].upos == "PROPN" and doc.words[k].ner in PERSON_TAGS:
        k += 1
    return k


def _with_conjuncts(doc: ParsedDoc, s: int, e: int, hi: int) -> int:
    """ "India and Pakistan say …": the speakers are every conjunct of the subject, not the first."""
    heads = [k for k in range(s, e) if not (s <= doc.words[k].head < e)]
    if len(heads) != 1:
        return e
    conj = [k for k in doc.children(heads[0]) if doc.words[k].deprel == "conj" and e <= k < hi]
    if not conj or not any(doc.words[j].lower_text() in {"and", "&"} for j in range(e, min(conj))):
        return e
    last = max(j for k in conj for j in subtree(doc, k) if j < hi)
    and_at = next(j for j in range(e, min(conj)) if doc.words[j].lower_text() in {"and", "&"})
    comma = next((j for j in range(and_at, last + 1) if doc.words[j].text in {",", ";", "(", "—"}), None)
    if comma is not None:
        last = comma - 1  # "India and Pakistan, for instance, spar …"
    if any(doc.words[j].upos in {"VERB", "AUX"} for j in range(e, last + 1)):
        return e  # a clause, not a noun phrase
    return last + 1


def _with_names_before(doc: ParsedDoc, s: int, e: int, lo: int) -> int:
    """ "both Roscosmos and NASA said", "attorneys Tim Sweeney and Lisa Lagos wrote", "Joseph and
    other community members": a name just before "and" is a co-speaker when the parser attached it
    elsewhere ("Reuters/Ipsos": one name)."""
    if doc.words[s].text == "/" and s + 1 < e:
        s += 1
    if not (s - 2 >= lo and doc.words[s - 1].lower_text() in {"and", "&", "/"}):
        return s
    and_ = doc.words[s - 1]
    second = and_.deprel == "cc" and s <= and_.head < e  # "Joseph and other community members protested"
    if doc.words[s].upos != "PROPN" and not second:
        return s
    k = s - 2
    if doc.words[k].upos != "PROPN":
        return s
    while k - 1 >= lo and doc.words[k - 1].upos == "PROPN":
        k -= 1
    before = doc.words[k - 1] if k - 1 >= lo else None
    if before is not None and before.upos in {"ADP", "VERB", "AUX"}:
        return s  # "met with Obama and Biden said …": the first name belongs to another phrase
    return k


def _owner_to_noun(doc: ParsedDoc, span: tuple[int, int]) -> tuple[int, int]:
    """ "said her mother, Fiona": a possessive pronoun alone is never the speaker; its noun is."""
    s, e = span
    w = doc.words[s]
    if e - s != 1 or w.deprel != "nmod:poss" or w.head <= s:
        return span
    head = doc.words[w.head]
    if head.upos not in {"NOUN", "PROPN"} or head.sent != w.sent:
        return span
    end = head.i + 1
    if end + 1 < len(doc.words) and doc.words[end].text == "," and doc.words[end + 1].upos == "PROPN":
        end += 2  # "her mother, Fiona"
        while end < len(doc.words) and doc.words[end].upos == "PROPN" and doc.words[end].sent == w.sent:
            end += 1
    return s, end


def _named_head(doc: ParsedDoc, s: int, lo: int) -> int:
    """The speaker words are an apposition ("senior associate for education") whose person is
    named just before them ("Megan Hester, senior associate …, said"): start at the name."""
    words = doc.words
    if s - 2 < lo or words[s - 1].text != "," or words[s].upos in {"VERB", "AUX", "PRON", "PROPN"}:
        return s
    k = s - 1
    while k - 1 >= lo and words[k - 1].ner in PERSON_TAGS and words[k - 1].upos == "PROPN":
        k -= 1
    return k if k < s - 1 else s


def keep_only(cands: list[Candidate], keep: list[bool]) -> list[Candidate]:
    """The candidates marked ``keep``, with ``continues`` indices remapped; a continuation whose
    first piece is dropped goes with it."""
    out: list[Candidate] = []
    index: dict[int, int] = {}
    for k, c in enumerate(cands):
        first = k if c.continues is None else c.continues
        if not keep[first] or (first != k and first not in index):
            continue
        index[k] = len(out)
        out.append(replace(c, continues=None if c.continues is None else index[c.continues]))
    return out


def rules_keep(cands: list[Candidate]) -> list[Candidate]:
    """What the rules keep when no learned decision is made: all but the candidates proposed for a
    model only."""
    return keep_only(cands, [not c.model_only for c in cands])
