"""Direct quotations: quoted text with a cue in its frame, split and continued quotations.

Rules (each handles a sentence shape):
  * “…,” Noah Bonsey told VICE News.      cue after the quotation, speaker next to the cue
  * He said: “…”   /   Bonsey: “…”          cue or speaker before a colon
  * “A,” he said, “B.”                      B continues A (same cue)
  * “A,” he said. “B.”   /   a new paragraph that opens a quote with no cue: B continues A
  * known as “the capital of the revolution”   a naming verb or a short phrase: not speech
A quotation embedded in a longer reported clause (he called it “a blow”) is left to the
reported-speech pass, which marks it ``mixed``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from ..config import Settings
from ..lexicon import ADDRESSEE_LEMMAS, NAMING_LEMMAS, Lexicon
from ..model import CueTier, QuoteKind
from ..nlp import ParsedDoc
from .candidate import Candidate
from .frame import NOUNISH, cue_lemma_of, cue_tier_of, left_np, speaker_span
from .marks import MarkPair, MarkPairs

__all__ = ["find_direct", "quote_pairs", "word_range"]

_WORD = re.compile(r"\w+")
_SENTENCE_END = frozenset(".!?…")
# Words allowed between a cue and the quotation it introduces ("told reporters on Tuesday: “…”").
_MAX_GAP_WORDS = 4
_MAX_CHANNEL_WORDS = 12  # "in a letter to the prime minister last month"


def word_range(doc: ParsedDoc, start: int, end: int, *, whole: bool = False) -> tuple[int, int]:
    """Return the word indices ``[first, last)`` of the words that overlap characters ``[start, end)``
    (binary search over the words' offsets); with ``whole``, only the words wholly inside them
    (``(0, 0)`` if none)."""
    words = doc.words
    lo, hi = 0, len(words)
    while lo < hi:  # first word ending after ``start``
        mid = (lo + hi) // 2
        if words[mid].end > start:
            hi = mid
        else:
            lo = mid + 1
    first, hi = lo, len(words)
    while lo < hi:  # first word starting at or after ``end``
        mid = (lo + hi) // 2
        if words[mid].start >= end:
            hi = mid
        else:
            lo = mid + 1
    last = lo
    if whole:
        while first < last and words[first].start < start:
            first += 1
        while last > first and words[last - 1].end > end:
            last -= 1
        if first == last:
            return 0, 0
    return first, last


def quote_pairs(pairs: MarkPairs) -> list[MarkPair]:
    """The outermost quotation pairs (nested ones belong to their quotation's content)."""
    out: list[MarkPair] = []
    for p in pairs.pairs:
        if out and p.open < out[-1].close:
            continue
        out.append(p)
    return out


def _inside_any(i_start: int, spans: list[MarkPair]) -> bool:
    return any(p.open <= i_start <= p.close for p in spans)


_NP_UPOS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "PRON", "NUM"})


def any_verb_frame(doc: ParsedDoc, frame: list[int], q_first: int, q_last: int) -> int | None:
    """The verb of a bare "SUBJECT VERB" frame next to a quotation, whatever the verb:
    ``"Not again," she sighed``, ``"Nonsense," scoffed the minister``, ``He snapped: "No."``."""
    after = _before_apposition(doc, [j for j in frame if j >= q_last])
    before = [j for j in frame if j < q_first and doc.words[j].upos != "PUNCT"]
    if after and not before and len(after) <= 6:
        return _frame_verb(doc, after, verb_last=False)
    if before and not after and len(before) <= 6:
        gap = doc.text[doc.words[before[-1]].end : doc.words[q_first].start].strip()
        if gap in {",", ":"}:
            return _frame_verb(doc, before, verb_last=True)
    return None


def _before_apposition(doc: ParsedDoc, js: list[int]) -> list[int]:
    """The words of a frame after a quotation up to an apposition's comma ("instructed Milton
    Velez, the agency's district supervisor": the apposition describes the speaker), punctuation left out."""
    out: list[int] = []
    for j in js:
        if doc.words[j].text == "," and out:
            break
        if doc.words[j].upos != "PUNCT":
            out.append(j)
    return out


def _frame_verb(doc: ParsedDoc, js: list[int], *, verb_last: bool) -> int | None:
    """``js`` is NP + VERB (+ adverbs), or VERB + NP (inverted); return the verb."""
    verbs = [j for j in js if doc.words[j].upos == "VERB"]
    if len(verbs) != 1:
        return None
    v = verbs[0]
    rest = [doc.words[j] for j in js if j != v]
    np_words = [w for w in rest if w.upos in _NP_UPOS]
    advs = [w for w in rest if w.upos == "ADV"]
    if not np_words or len(np_words) + len(advs) != len(rest) or "VerbForm=Inf" in doc.words[v].feats:
        return None
    subj_before = all(j < v for j in js if doc.words[j].upos in _NP_UPOS)
    subj_after = all(j > v for j in js if doc.words[j].upos in _NP_UPOS)
    if verb_last and not subj_before:
        return None
    return v if subj_before or subj_after else None


_LEAD_SKIP = frozenset({"CCONJ", "ADV", "INTJ"})


def _after_clause_break(doc: ParsedDoc, before: list[int]) -> list[int]:
    """The words before a quotation after the last clause break (``, and`` / ``, but`` / ``;``):
    "Officials said that …, and “we will defend it,” the general said" starts a new clause."""
    for k in range(len(before) - 1, 0, -1):
        w, prev = doc.words[before[k]], doc.words[before[k] - 1]
        if (w.upos == "CCONJ" and prev.text == ",") or prev.text == ";":
            return before[k:]
    return before


@dataclass(frozen=True, slots=True)
class _Quoted:
    """One quotation and the words around it that may frame it."""

    pair: MarkPair
    content: str
    n_words: int
    q_first: int  # word range of the quotation, marks included
    q_last: int
    s_first: int  # sentence of its first word
    frame: list[int]  # words that may hold its cue and speaker
    colon: bool  # a colon right before it
    sentence_like: bool
    before: list[int]  # frame words before / after it, punctuation aside
    after: list[int]
    para_end: int  # where its paragraph ends (characters)


def find_direct(
    doc: ParsedDoc,
    pairs: MarkPairs,
    paragraphs: list[tuple[int, int]],
    *,
    lex: Lexicon,
    settings: Settings,
) -> tuple[list[Candidate], set[int]]:
    """Find direct quotations and the cue words they use.

    Args:
        doc: the parsed article.
        pairs: paired quotation marks of the article.
        paragraphs: paragraph character spans.

    Returns:
        The candidates sorted by start, and the word indices of the cues they consumed.
    """
    outer = quote_pairs(pairs)
    out: list[Candidate] = []
    used: set[int] = set()
    for qi in range(len(outer)):
        q = _quoted(doc, outer, qi, paragraphs, settings)
        if q is None or _named(doc, q) or _title(doc, q):
            continue
        found = _best_cue(doc, q, lex, settings)
        if found is not None:
            cand = _with_cue(doc, q, *found, lex=lex, split=_second_piece(doc, outer, qi, q, found[0]))
            if cand is not None:
                used.add(found[0])
                out.append(cand)
            continue  # an embedded quotation: the reported-speech pass makes it a mixed quotation
        cand = _after_colon(doc, q, lex) or _credited(doc, q) or _labelled(doc, q) or _bare(doc, q, settings)
        if cand is not None:
            out.append(cand)
    return out, used


def _quoted(
    doc: ParsedDoc, outer: list[MarkPair], qi: int, paragraphs: list[tuple[int, int]], settings: Settings
) -> _Quoted | None:
    """The quotation ``outer[qi]`` with its frame: the words of its sentences and paragraph outside
    any quotation, between the neighbouring quotations (and the clause before a colon)."""
    text, pair = doc.text, outer[qi]
    c_start, c_end = pair.inner
    content = text[c_start:c_end]
    n_words = len(_WORD.findall(content))
    if n_words == 0 or not doc.words:
        return None
    q_first, q_last = word_range(doc, pair.open, pair.close + 1)
    if q_first >= len(doc.words):
        return None
    s_first = doc.words[min(q_first, len(doc.words) - 1)].sent
    s_last = doc.words[max(q_first, q_last - 1)].sent
    para = next(((a, b) for a, b in paragraphs if a <= pair.open < b), (0, len(text)))
    lo, hi = doc.sentences[s_first].first, _frame_end(doc, s_last, pair, content, para)
    before_text = text[: pair.open].rstrip()
    colon = before_text.endswith(":")
    frame = [
        j
        for j in range(lo, hi)
        if not (q_first <= j < q_last)
        and not _inside_any(doc.words[j].start, outer)
        and para[0] <= doc.words[j].start < para[1]
    ]
    if colon and not any(doc.words[j].end <= pair.open for j in frame):
        # "Kerry said:" ending the sentence or paragraph before the quotation
        k = bisect_left([w.start for w in doc.words], len(before_text) - 1)
        if 0 <= k < len(doc.words) and doc.words[k].start == len(before_text) - 1:
            prev = doc.sentences[doc.words[k].sent]
            frame = list(range(prev.first, k + 1)) + frame
    # a neighbouring quotation bounds the frame: the cue must lie between them
    prev_close = outer[qi - 1].close if qi > 0 else -1
    next_open = outer[qi + 1].open if qi + 1 < len(outer) else len(text)
    frame = [j for j in frame if prev_close < doc.words[j].start < next_open]
    sentence_like = n_words >= settings.min_quote_words or (
        content.rstrip()[-1:] in _SENTENCE_END | {","} and n_words >= 3
    )
    before = [j for j in frame if j < q_first and doc.words[j].upos != "PUNCT"]
    after = [j for j in frame if j >= q_last and doc.words[j].upos != "PUNCT"]
    return _Quoted(
        pair, content, n_words, q_first, q_last, s_first, frame, colon, sentence_like, before, after, para[1]
    )


def _frame_end(doc: ParsedDoc, s_last: int, pair: MarkPair, content: str, para: tuple[int, int]) -> int:
    """Where the frame of a quotation ends: its last sentence, or the next one when the tokenizer
    split a frame off a question or an exclamation ("“Who would have believed it?” Trump said,
    looking out on the crowd.")."""
    hi = doc.sentences[s_last].last
    nxt = doc.sentences[s_last + 1] if s_last + 1 < len(doc.sentences) else None
    if content.rstrip()[-1:] not in {"?", "!"} or nxt is None or nxt.start >= para[1]:
        return hi
    glued = doc.text[pair.close + 1 : nxt.start].strip() == "" and nxt.start - pair.close <= 3
    return nxt.last if glued and doc.sentences[s_last].end <= pair.close + 1 else hi


# Short words a title leaves in lower case ("The Spy Who Shagged Me", "Three Generations That Built an Empire").
_TITLE_SMALL = frozenset({"a", "an", "the", "and", "but", "or", "nor", "of", "in", "on", "at", "to", "for", "by",
                          "with", "as", "from", "into", "vs", "via", "up", "out"})  # fmt: skip


def title_case(content: str) -> bool:
    """A quotation in title case names a book, a film, a show or a headline, not speech: every word
    but the small ones starts with a capital, and it is not shouted in capitals.

    Examples:
        >>> title_case("The Trumps: Three Generations That Built an Empire,"), title_case("An American Son.")
        (True, True)
        >>> title_case("We will build a great wall,"), title_case("MAKE AMERICA GREAT AGAIN!"), title_case("No.")
        (False, False, False)
    """
    words = [w for w in _WORD.findall(content) if w[0].isalpha()]
    big = [w for w in words if w.lower() not in _TITLE_SMALL]
    if len(big) < 2 or all(w.isupper() for w in big):
        return False
    return all(w[0].isupper() for w in big)


def _title(doc: ParsedDoc, q: _Quoted) -> bool:
    """A quotation in title case in a sentence that is not: a title ("a memoir, “The Trumps: Three
    Generations That Built an Empire,” told …"); in a headline, where every word is capitalised, it is
    speech ("Warren Hammers Wells Fargo CEO: ‘You Should Be Criminally Investigated’")."""
    if not title_case(q.content):
        return False
    around = " ".join(doc.words[j].text for j in q.frame if doc.words[j].sent == q.s_first)
    return not title_case(around)


def _named(doc: ParsedDoc, q: _Quoted) -> bool:
    """Naming words right before the quotation ("known as", "so-called"): a name, not speech."""
    prev_words = [j for j in q.frame if j < q.q_first][-2:]
    return any(
        doc.words[j].lemma.lower() in NAMING_LEMMAS or doc.words[j].lower_text() == "so-called" for j in prev_words
    )


def _best_cue(doc: ParsedDoc, q: _Quoted, lex: Lexicon, settings: Settings) -> tuple[int, str] | None:
    """The cue of the frame: speech before wider, then the nearest; else the verb of a bare
    "SUBJECT VERB" frame, whatever the verb."""
    cues = []
    for j in q.frame:
        tier = cue_tier_of(doc.words[j], lex, wider=settings.wider_cues)
        if tier is not None:
            w = doc.words[j]
            dist = q.pair.open - w.end if w.end <= q.pair.open else w.start - q.pair.close
            relative = _relative(doc, j)  # "the senator, who asked not to be named, said"
            cues.append((tier != "speech", relative, dist, j, tier))
    if cues:
        *_, cue, tier = min(cues)
        return cue, tier
    verb = any_verb_frame(doc, q.frame, q.q_first, q.q_last)
    return None if verb is None else (verb, "speech")


# The relative pronouns that open a speaker's relative clause ("the senator, who asked not to be named").
_RELATIVE_SUBJECTS = frozenset({"who", "which"})


def _relative(doc: ParsedDoc, j: int) -> bool:
    """A verb that heads a relative clause, as its *who*/*which* subject shows."""
    return any(k < j and doc.words[k].lower_text() in _RELATIVE_SUBJECTS for k in doc.children(j))


def _second_piece(doc: ParsedDoc, outer: list[MarkPair], qi: int, q: _Quoted, cue: int) -> bool:
    """“Every time you say that,” Tester said, referring to the excuse, “you give …”: the piece
    after a split quotation's frame (the first piece ends on a comma, its cue is the first verb
    after it, a comma or *but* sets the piece off, no sentence ends before it), whatever else the
    frame holds."""
    if qi == 0:
        return False
    prev, cw = outer[qi - 1], doc.words[cue]
    if doc.text[prev.inner[0] : prev.inner[1]].rstrip()[-1:] != "," or not prev.close < cw.start < q.pair.open:
        return False
    a, b = word_range(doc, prev.close + 1, q.pair.open)
    ends = any(w.upos == "PUNCT" and w.text in {".", "!", "?"} for w in doc.words[a:b])
    verb_first = any(w.upos in {"VERB", "AUX"} for w in doc.words[a:cue])  # "…," he said, adding that “…”
    lead = doc.text[prev.close + 1 : q.pair.open].rstrip()
    set_off = lead.endswith(",") or lead.lower().endswith((" but", " and"))  # not "… was only “to mock”"
    return set_off and not ends and not verb_first and "\n" not in lead


def _with_cue(
    doc: ParsedDoc, q: _Quoted, cue: int, tier: str, *, lex: Lexicon, split: bool = False
) -> Candidate | None:
    """The direct candidate for a quotation with its cue, or ``None`` when the quotation is
    embedded in a clause (a mixed quotation, found by the reported-speech pass); the second piece
    of a split quotation is never embedded."""
    cw = doc.words[cue]
    if cw.end <= q.pair.open:  # a split quotation's cue always lies before its second piece
        spk = speaker_span(doc, cue, content=(q.q_first, q.q_last))
        embedded = not split and _embedded_after_cue(doc, q, cue, spk, lex)
    else:
        spk = _speaker_after_quote(doc, q, cue)
        lead = [j for j in _after_clause_break(doc, q.before) if doc.words[j].upos not in _LEAD_SKIP]
        embedded = (len(lead) > 2 and not q.colon) or _runs_on(doc, q, cue, spk)
    tail = [j for j in q.after if j > cue and (spk is None or j >= spk[1])]
    if embedded or (cw.end <= q.pair.open and len(tail) > 3 and not split):
        return None
    c_start, c_end = q.pair.inner
    return Candidate(
        kind=QuoteKind.DIRECT,
        start=c_start,
        end=c_end,
        sentence=q.s_first,
        cue=(cue, cue + 1),
        cue_lemma=cue_lemma_of(cw, lex),
        tier=CueTier(tier),
        speaker=spk,
        frame=(min(q.frame[0], cue), max(q.frame[-1], cue) + 1) if q.frame else (cue, cue + 1),
        confidence=0.9 if tier == "speech" else 0.6,
        open_ended=not q.pair.closed,
    )


def _embedded_after_cue(doc: ParsedDoc, q: _Quoted, cue: int, spk: tuple[int, int] | None, lex: Lexicon) -> bool:
    """Words between a cue and the quotation after it make the quotation part of a clause:
    "called the proposal “a disaster”" (mixed), but not "told reporters “…”" or "said: “…”"."""
    gap = [j for j in q.before if j > cue and (spk is None or not spk[0] <= j < spk[1])]
    introduced = q.colon or doc.text[: q.pair.open].rstrip()[-1:] == ","
    if _set_off_channel(doc, q, gap, introduced):
        return False
    embedded = len(gap) > _MAX_GAP_WORDS or any(doc.words[j].upos in {"VERB", "AUX"} for j in gap)
    addressee = doc.words[cue].lemma.lower() in ADDRESSEE_LEMMAS and q.sentence_like
    if gap and not introduced and not addressee:
        embedded = embedded or any(doc.words[j].upos not in {"ADV", "ADP", "PUNCT"} for j in gap)
    return embedded


def _set_off_channel(doc: ParsedDoc, q: _Quoted, gap: list[int], introduced: bool) -> bool:
    """ "said in a letter to Abbott last month: “…”", "wrote in a blog post published Monday, “To
    hear …”": a longer phrase of where and when, with no clause of its own, between the cue and a
    quotation that a colon or a comma sets off and that opens as a sentence."""
    opens = q.content.lstrip("\"'“‘ ")[:1]
    if not (introduced and q.sentence_like and (q.colon or opens.isupper())) or len(gap) > _MAX_CHANNEL_WORDS:
        return False
    return bool(gap) and not any(
        doc.words[j].upos in {"VERB", "AUX"} and "VerbForm=Part" not in doc.words[j].feats for j in gap
    )


def _runs_on(doc: ParsedDoc, q: _Quoted, cue: int, spk: tuple[int, int] | None) -> bool:
    """ "Beijing will “seriously” implement new sanctions, it said": the clause runs on from the
    quotation (no punctuation closes or follows it, a verb comes before the frame), so the
    quotation is a piece of a reported clause, not what the frame quotes."""
    closed = q.content.rstrip()[-1:] in _SENTENCE_END | {",", ";", ":", "—", "–"}
    follows = doc.text[q.pair.close + 1 : q.pair.close + 3].lstrip()[:1]
    if closed or follows in {",", ";", ":", "—", "–", ".", "(", ""}:
        return False
    stop = spk[0] if spk is not None and spk[0] > q.q_last else cue
    between = [doc.words[j] for j in range(q.q_last + 1, stop) if doc.words[j].upos != "PUNCT"]
    # a tagger may miss the verb ("implement" as an adjective): a lower-case run of words goes on too
    run_on = len(between) >= 3 and between[0].text[:1].islower()
    return run_on or any(doc.words[j].upos in {"VERB", "AUX"} for j in range(q.q_last, stop))


def _speaker_after_quote(doc: ParsedDoc, q: _Quoted, cue: int) -> tuple[int, int] | None:
    """“…,” Noah Bonsey Senior Analyst, Syria with International Crisis Group told VICE News:
    the words between the quotation and its cue, when they hold no verb, are the speaker."""
    spk = speaker_span(doc, cue, content=(q.q_first, q.q_last))
    # "…,” a senior official who asked not to be named told reporters: the relative clause is the speaker's
    end = next((j for j in range(q.q_last + 1, cue) if doc.words[j].lower_text() in _RELATIVE_SUBJECTS), cue)
    between = [j for j in range(q.q_last, end) if doc.words[j].upos != "PUNCT" or doc.words[j].text == ","]
    if between and not any(doc.words[j].upos in {"VERB", "AUX"} for j in between) and len(between) <= 16:
        first = between[0]
        while first < end and doc.words[first].upos == "PUNCT":
            first += 1
        if first < end:
            spk = (first, _trim_commas(doc, first, end))
    return spk


def _trim_commas(doc: ParsedDoc, first: int, end: int) -> int:
    while end > first + 1 and doc.words[end - 1].text == ",":
        end -= 1
    return end


def _after_colon(doc: ParsedDoc, q: _Quoted, lex: Lexicon) -> Candidate | None:
    """ "The minister: “…”": a noun phrase and a colon, no cue; "McCrummen reports: “…”" (the
    tagger took the verb for a plural noun): a name and a speech verb."""
    if not (q.colon and q.before and q.sentence_like):
        return None
    last_word = max(q.before)  # the word before the colon
    floor = doc.sentences[doc.words[last_word].sent].first
    spk = _label_phrase(doc, floor, last_word + 1) or left_np(doc, last_word + 1, floor=floor)
    if spk is None:
        return None
    last = doc.words[spk[1] - 1]
    lemma = lex.cue_lemma(last.text) if last.text.endswith("s") and spk[1] - spk[0] >= 2 else None
    if lemma and lex.cue_tier(lemma) == "speech" and doc.words[spk[1] - 2].upos == "PROPN":
        return _with_cue(doc, q, spk[1] - 1, "speech", lex=lex)
    c_start, c_end = q.pair.inner
    return Candidate(QuoteKind.DIRECT, c_start, c_end, q.s_first, speaker=spk, frame=spk, confidence=0.7)


_LABEL_TAGS = frozenset({"DET", "NOUN", "PROPN", "ADJ", "ADP", "NUM", "CCONJ", "PART"})
LABEL_WORDS = 10  # the longest noun phrase a colon may follow as the whole of its sentence


def _label_phrase(doc: ParsedDoc, lo: int, hi: int) -> tuple[int, int] | None:
    """ "The minister of the economy: “…”": the whole sentence before the colon (words ``lo`` to
    ``hi``) when it is one noun phrase (no verb), whatever the parser hung its parts on."""
    words = doc.words[lo:hi]
    if not 0 < len(words) <= LABEL_WORDS or any(w.upos not in _LABEL_TAGS for w in words):
        return None
    if words[0].upos not in {"DET", "NOUN", "PROPN", "ADJ"} or words[-1].upos not in NOUNISH:
        return None
    return lo, hi


_CREDIT = re.compile(r"\s*[―—–-]{1,2}\s*([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4})")
_LABEL = re.compile(r"\s*([A-Z][A-Z.'’-]{2,}(?:\s+[A-Z][A-Z.'’-]+){0,2}):\s")


def _credited(doc: ParsedDoc, q: _Quoted) -> Candidate | None:
    """“…” ― Jacklyn Ashley: a name after a dash that ends the quotation's paragraph is the
    speaker of the quotations before it in that paragraph."""
    tail = doc.text[q.pair.close + 1 : q.para_end].split("\n", 1)[0]  # the credit ends its line
    found = list(_CREDIT.finditer(tail))
    m = found[-1] if found else None  # the last dash credit of the paragraph
    if m is None:
        return None
    rest = tail[m.end() :].strip()  # str.strip: a no-break space after the name too
    if rest.strip(",.0-9").strip() and not rest.startswith(","):
        return None
    if m.start() > 0 and not _only_quoted(tail[: m.start()]):
        return None
    start = q.pair.close + 1 + m.start(1)
    spk = word_range(doc, start, start + len(m.group(1)))
    if spk[0] >= spk[1]:
        return None
    c_start, c_end = q.pair.inner
    return Candidate(QuoteKind.DIRECT, c_start, c_end, q.s_first, speaker=spk, frame=spk, confidence=0.7)


def _only_quoted(text: str) -> bool:
    """Whether ``text`` (between a quotation and a credit) holds only further quoted sentences."""
    return all(ch in '“”"' or not ch.isalpha() for ch in re.sub(r"[“\"][^“”\"]*[”\"]", "", text))


def _labelled(doc: ParsedDoc, q: _Quoted) -> Candidate | None:
    """ "WALLACE: If I may, sir …": a transcript's speaker label opens the quotation."""
    m = _LABEL.match(q.content)
    if m is None:
        return None
    c_start, c_end = q.pair.inner
    label = c_start + m.start(1)
    spk = word_range(doc, label, label + len(m.group(1)))
    if spk[0] >= spk[1]:
        return None
    return Candidate(QuoteKind.DIRECT, c_start + m.end(), c_end, q.s_first, speaker=spk, frame=spk, confidence=0.7)


def _bare(doc: ParsedDoc, q: _Quoted, settings: Settings) -> Candidate | None:
    """No cue: a full sentence in quotation marks, alone in its frame, may continue the previous speaker."""
    lead = [j for j in q.before if doc.words[j].upos not in _LEAD_SKIP]
    ended = (
        q.pair.closed is False
        or q.content.rstrip()[-1:] in _SENTENCE_END | {",", "—"}
        or q.n_words >= 2 * settings.min_quote_words
    )
    if not q.sentence_like or lead or not ended:
        return None
    c_start, c_end = q.pair.inner
    return Candidate(QuoteKind.DIRECT, c_start, c_end, q.s_first, confidence=0.5, open_ended=not q.pair.closed)
