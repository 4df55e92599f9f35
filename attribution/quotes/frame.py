"""The attribution frame around a cue: the speaker's noun phrase and the words near the cue.

These helpers read UD relations first (``nsubj`` of the cue or of its head) and fall back to
the surface (the noun phrase next to the cue), because parsers err on long news sentences.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..lexicon import ADDRESSEE_LEMMAS, HYPOTHETICAL_MODALS, SUBJECT_RELS, TIME_NOUNS, Lexicon
from ..names import dateline_end
from ..nlp import ParsedDoc, Word, subtree

__all__ = [
    "case_words",
    "cue_lemma_of",
    "cue_tier_of",
    "noun_phrase",
    "participle",
    "passive",
    "passive_agent",
    "plausible_speaker",
    "snap_to_entities",
    "speaker_span",
    "speaker_unsaid",
]

# Verb forms a weak tagger may label NOUN; they are verbs after a subject ("the campaign says it …").
_STRONG_FORMS = frozenset({"says", "tells", "adds", "said", "told", "added", "wrote", "noted", "stated", "explained"})

NOUNISH = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
_NP_CLIMB = frozenset({"compound", "flat", "flat:name", "amod", "det", "nmod", "nmod:poss", "nummod", "appos", "fixed"})
_NP_CUT = frozenset({"acl:relcl", "acl", "punct", "cc", "conj", "parataxis", "ccomp", "advcl", "dep"})
RELATIVE_WORDS = frozenset({"which", "who", "whose", "whom", "that"})
SUBJECTS = SUBJECT_RELS


def cue_tier_of(w: Word, lex: Lexicon, *, wider: bool = True) -> str | None:
    """Return ``"speech"`` or ``"wider"`` when ``w`` is a cue verb, else ``None``."""
    tier = lex.cue_tier(w.lemma)
    if tier is None and w.upos == "VERB":
        tier = lex.cue_tier(lex.cue_lemma(w.text) or "")  # the lemmatiser missed a cue verb
    if tier is None or (tier == "wider" and not wider):
        return None
    if w.upos == "VERB":
        return tier
    form = w.lower_text()
    if w.upos in {"NOUN", "PROPN", "ADJ", "AUX"} and (form in _STRONG_FORMS or form in lex.irregular.get(w.lemma, ())):
        return tier
    return None


def cue_lemma_of(w: Word, lex: Lexicon) -> str:
    """The cue's lemma, repaired from its surface form when the lemmatiser missed it ("stated")."""
    lemma = w.lemma.lower()
    return lemma if lex.cue_tier(lemma) else (lex.cue_lemma(w.text) or lemma)


def noun_phrase(doc: ParsedDoc, head: int, *, limit: tuple[int, int] | None = None) -> tuple[int, int]:
    """Return the word range of the noun phrase headed by ``head``: its subtree without relative
    clauses, clausal parts and trailing punctuation, kept contiguous around the head."""
    cut: set[int] = set()
    for child in doc.children(head):
        if doc.words[child].deprel in _NP_CUT and doc.words[child].deprel != "punct" and not _slashed(doc, child):
            cut.update(subtree(doc, child))
    idx = [j for j in subtree(doc, head) if j not in cut]
    if limit is not None:
        idx = [j for j in idx if limit[0] <= j < limit[1]]
    if not idx:
        return head, head + 1
    # keep the contiguous run that holds the head
    first = last = head
    members = set(idx)
    while first - 1 in members:
        first -= 1
    while last + 1 in members or (last + 2 in members and doc.words[last + 1].upos == "CCONJ"):
        last += 1  # "polls in Pennsylvania | and | Virginia": a conjunct's "and" the parser hung elsewhere
    # names are contiguous proper nouns even when the parse splits them ("Maria" nsubj, "Lopez" nsubj)
    lo_lim, hi_lim = limit if limit is not None else (0, len(doc.words))
    sent = doc.sentences[doc.words[head].sent]
    lo_lim, hi_lim = max(lo_lim, sent.first), min(hi_lim, sent.last)
    while first - 1 >= lo_lim and doc.words[first - 1].upos == "PROPN" and doc.words[first].upos == "PROPN":
        first -= 1
    while last + 1 < hi_lim and doc.words[last + 1].upos == "PROPN" and doc.words[last].upos == "PROPN":
        last += 1
    while first < last and doc.words[first].upos == "PUNCT":
        first += 1
    while last > first and doc.words[last].upos == "PUNCT":
        last -= 1
    return first, last + 1


def _slashed(doc: ParsedDoc, child: int) -> bool:
    """ "Reuters/Ipsos poll": a conjunct joined by a slash is part of one name, not a second phrase."""
    w = doc.words[child]
    return w.deprel == "conj" and any(doc.words[j].text == "/" for j in subtree(doc, child) if j < child)


def participle(w: Word) -> bool:
    """A present participle or gerund ("saying", "adding"), however the tagger marks it."""
    return (
        "VerbForm=Ger" in w.feats or ("VerbForm=Part" in w.feats and "Tense=Pres" in w.feats) or w.text.endswith("ing")
    )


def _stray_subject(doc: ParsedDoc, head: int, cue: int) -> int | None:
    """ "Hicks found that many people, both military and civilian, told her …": a parser that
    makes the cue a conjunct of the verb before it may hang the cue's subject on a verb after it;
    a subject between the two verbs whose verb comes after the cue is the cue's own."""
    stray = [
        x
        for x in range(head + 1, cue)
        if doc.words[x].deprel in {"nsubj", "nsubj:pass"} and doc.words[x].head > cue
        and doc.words[x].upos in NOUNISH
    ]  # fmt: skip
    if not stray:
        return None
    x = max(stray)
    start, _ = noun_phrase(doc, x, limit=(head + 1, cue))
    opens = doc.words[start - 1].upos in {"SCONJ", "PUNCT", "CCONJ"}  # "found that many people": a clause
    between = any(doc.words[j].upos in {"VERB", "AUX"} for j in range(x + 1, cue))
    return x if opens and not between else None


def _subject_of(doc: ParsedDoc, verb: int) -> int | None:
    """The verb's subject; of two (a parser's "The officer …, police said" gives *said* both), the
    one set off by a comma or a dash whose phrase ends right before the verb, else the first (the two may be
    one phrase: "Crisis Group senior analyst | Noah Bonsey said")."""
    subjects = [k for k in doc.children(verb) if doc.words[k].deprel in SUBJECTS]
    if len(subjects) > 1:
        for k in subjects:
            start, end = noun_phrase(doc, k)
            set_off = start > 0 and doc.words[start - 1].text in {",", "—", "–", "-", "--"}  # "OTTAWA — Smith said"
            if set_off and k < verb and all(doc.words[j].upos in {"ADV", "AUX", "PART"} for j in range(end, verb)):
                return k
    return subjects[0] if subjects else None


# Words that negate the verb they depend on, and verbs whose infinitive the speaker did not say.
NEGATIONS = frozenset({"not", "n't", "never", "no"})
REFUSALS = frozenset({"decline", "refuse"})


# Quantifiers a "not" before them negates instead of the verb: "not everyone says" is said.
_QUANTIFIERS = frozenset({"everyone", "everybody", "all", "every", "each", "many", "much", "only"})


def negates(words: Iterable[Word], doc: ParsedDoc | None = None) -> bool:
    """Whether a verb's dependents ``words`` negate it ("does not deny", "won’t tell"); given the
    ``doc``, not a "not" that goes with the quantifier after it ("not everyone says")."""
    return any((w.lower_text() in NEGATIONS or "Polarity=Neg" in w.feats) and not _on_quantifier(w, doc) for w in words)


def _on_quantifier(w: Word, doc: ParsedDoc | None) -> bool:
    return doc is not None and w.i + 1 < len(doc.words) and doc.words[w.i + 1].lower_text() in _QUANTIFIERS


def not_said(doc: ParsedDoc, cue: int, *, outside: tuple[int, int] = (0, 0)) -> bool:
    """The report says the speaker did not say it: the cue is negated ("does not deny", "never
    said"), or the infinitive of a refusal or of a negated verb ("declined to comment", "would
    not say", "refused to say").  Words in the character span ``outside`` (the content) do not count."""

    def negated(v: int) -> bool:
        kids = (doc.words[k] for k in doc.children(v))
        return negates((w for w in kids if not outside[0] <= w.start < outside[1]), doc)

    if negated(cue):
        return True
    w = doc.words[cue]
    if w.deprel != "xcomp" or w.head < 0:
        return False
    return doc.words[w.head].lemma.lower() in REFUSALS or negated(w.head)


# Adverbs and conjunctions that make the cue a guess or a condition ("Perhaps Aunt Sally insisted",
# "if you say so"); subjects that are nobody in particular ("you will say").
_GUESSES = frozenset({"perhaps", "maybe", "possibly"})
_CONDITIONS = frozenset({"if", "unless", "whether"})
_GENERIC_SUBJECTS = frozenset({"you", "one"})


def imagined(doc: ParsedDoc, cue: int, *, outside: tuple[int, int] = (0, 0)) -> bool:
    """The report imagines, supposes or asks rather than tells: a modal cue ("Uber might have
    suggested", "few would argue"), a guess or condition on it ("Perhaps … insisted", "if you say"),
    a generic subject ("“I’m Batman,” you will say") or a question the narration asks ("did I
    mention …?").  Words in the character span ``outside`` (the content) do not count."""
    kids = [doc.words[k] for k in doc.children(cue) if not outside[0] <= doc.words[k].start < outside[1]]
    if any(w.deprel == "aux" and w.lemma.lower() in HYPOTHETICAL_MODALS for w in kids):
        return True
    if _guessed(doc, cue, kids, outside) or any(w.deprel == "mark" and w.lower_text() in _CONDITIONS for w in kids):
        return True
    if any(w.deprel in SUBJECTS and w.lower_text() in _GENERIC_SUBJECTS for w in kids):
        return True
    return _asked_by_narration(doc, cue, outside)


def _guessed(doc: ParsedDoc, cue: int, kids: list[Word], outside: tuple[int, int]) -> bool:
    """ "Perhaps Uncle Larry had too much eggnog, or Aunt Sally insisted …": a guess on the cue or
    on the first verb of the coordination it ends; not a word of the content ("“… or maybe we
    already have,” Emery tweeted", where the parser made the cue a conjunct of the quotation)."""
    if any(w.lower_text() in _GUESSES and w.deprel == "advmod" for w in kids):
        return True
    w = doc.words[cue]
    first = w.head if w.deprel == "conj" and w.head >= 0 else None
    if first is None or outside[0] <= doc.words[first].start < outside[1]:
        return False
    return any(
        (g := doc.words[k]).lower_text() in _GUESSES
        and g.deprel == "advmod"
        and k < first
        and not outside[0] <= g.start < outside[1]
        for k in doc.children(first)
    )


def _asked_by_narration(doc: ParsedDoc, cue: int, outside: tuple[int, int]) -> bool:
    """The cue's sentence is a question, its mark outside the content and outside quotation marks."""
    sent = doc.sentences[doc.words[cue].sent]
    tail = doc.text[sent.start : sent.end].rstrip().rstrip("”’\"' )")
    if not tail.endswith("?"):
        return False
    mark = sent.start + len(tail) - 1
    text = doc.text[sent.start : mark]
    in_marks = text.count("“") > text.count("”") or text.count('"') % 2 == 1
    return not outside[0] <= mark < outside[1] and not in_marks


def passive(doc: ParsedDoc, cue: int) -> bool:
    """Whether a cue is passive ("was told", "an appearance arranged by …")."""
    w = doc.words[cue]
    kids = doc.children(cue)
    past_participle = "VerbForm=Part" in w.feats and "Tense=Past" in w.feats
    perfect = any(doc.words[k].deprel == "aux" for k in kids)  # "has criticized": active
    # "an appearance arranged by … and criticized by the Obama administration": a past participle
    # with no auxiliary is passive, however it hangs on the sentence
    return any(doc.words[k].deprel == "aux:pass" for k in kids) or (past_participle and not perfect)


def passive_agent(doc: ParsedDoc, cue: int) -> int | None:
    """The agent of a passive cue ("was told by aides", "called to service by the governor"): the
    one who speaks; the passive subject is who or what is spoken of."""
    if not passive(doc, cue):
        return None
    for k in doc.children(cue):
        x = doc.words[k]
        if x.deprel.startswith("obl") and "by" in case_words(doc, k) and x.upos in NOUNISH:
            return k
    return None


def speaker_unsaid(doc: ParsedDoc, cue: int) -> bool:
    """A passive cue with no agent whose subject is not who spoke: who was spoken to ("Ross was
    asked if …", "We’re told there is …") or an empty *it* ("It is said that …")."""
    kids = doc.children(cue)
    w = doc.words[cue]
    participle_form = "VerbForm=Part" in w.feats or w.lower_text() in {"told", "asked", "said"}
    if not participle_form or passive_agent(doc, cue) is not None or not any(_be_auxiliary(doc.words[k]) for k in kids):
        return False
    subjects = [doc.words[k] for k in kids if doc.words[k].deprel in {"nsubj:pass", "nsubj", "expl", "expl:pass"}]
    if any(x.lower_text() == "it" for x in subjects):
        return True
    return bool(subjects) and w.lemma.lower() in ADDRESSEE_LEMMAS - {"write"}


_BE_FORMS = frozenset({"be", "am", "is", "are", "was", "were", "been", "being", "'re", "'s", "'m"})


def _be_auxiliary(w: Word) -> bool:
    """A passive auxiliary, as tagged or as written ("We’re told": a tagger may call it plain *aux*)."""
    return w.deprel == "aux:pass" or (w.deprel == "aux" and w.lower_text() in _BE_FORMS)


def case_words(doc: ParsedDoc, k: int) -> set[str]:
    """The prepositions (``case`` dependents) of word ``k``, lower case."""
    return {doc.words[g].lower_text() for g in doc.children(k) if doc.words[g].deprel == "case"}


def _climb_np(doc: ParsedDoc, j: int, *, before: int) -> int:
    """From a word inside a noun phrase, climb to the phrase head (staying left of ``before``)."""
    w = doc.words[j]
    seen = 0
    while w.head >= 0 and w.deprel in _NP_CLIMB and w.head < before and doc.words[w.head].sent == w.sent and seen < 8:
        parent = doc.words[w.head]
        if parent.upos not in NOUNISH:
            break
        w = parent
        seen += 1
    return w.i


def left_np(doc: ParsedDoc, cue: int, *, floor: int) -> tuple[int, int] | None:
    """The noun phrase that ends right before ``cue`` (adverbs and auxiliaries skipped),
    jumping over a parenthetical ``, which …,`` / ``, a …,`` back to the phrase it describes."""
    j = cue - 1
    while j >= floor and doc.words[j].upos in {"ADV", "AUX", "PART"} and doc.words[j].lemma != "'s":
        j -= 1
    if j < floor:
        return None
    w = doc.words[j]
    if w.text == "," or w.text in {"—", "–", ")"}:
        # ", which uses a network …, also reported": find the comma that opens the parenthetical
        k = j - 1
        while k > floor and doc.words[k].text not in {",", "—", "–", "("}:
            k -= 1
        if (
            k > floor
            and k + 1 < j
            and (
                doc.words[k + 1].lower_text() in RELATIVE_WORDS
                or doc.words[k + 1].upos == "DET"
                or doc.words[k + 1].upos == "ADJ"
            )
        ):
            return left_np(doc, k, floor=floor)
        names = range(k + 1, j)
        if k >= floor and len(names) and all(doc.words[n].upos == "PROPN" for n in names):
            return k + 1, j  # "The state's campaign chairman, Phil Lovas, said": the name in the apposition
        return None
    if w.upos not in NOUNISH and w.upos != "ADJ":
        return None
    if w.upos == "PROPN":
        # a name right before the cue is the speaker, whatever the parser hung it on ("…, Loretta E. Lynch said")
        k = j
        while k - 1 >= floor and doc.words[k - 1].upos == "PROPN":
            k -= 1
        if k - 1 >= floor and doc.words[k - 1].text == ",":
            return k, j + 1
    head = _climb_np(doc, j, before=cue)
    first, last = noun_phrase(doc, head, limit=(floor, cue))
    if not first <= j < last:
        first, last = min(first, j), max(last, j + 1)
    return first, last


def right_np(doc: ParsedDoc, cue: int, *, ceil: int) -> tuple[int, int] | None:
    """The noun phrase right after ``cue`` ("…, said Smith", "according to local activists")."""
    j = cue + 1
    while j < ceil and doc.words[j].upos in {"ADV", "ADP"} and doc.words[j].lemma not in {"of"}:
        j += 1
    if j >= ceil:
        return None
    w = doc.words[j]
    if w.upos not in NOUNISH and w.upos not in {"DET", "ADJ"}:
        return None
    k = j
    while k + 1 < ceil and doc.words[k + 1].upos not in NOUNISH and doc.words[k + 1].upos in {"DET", "ADJ", "NUM"}:
        k += 1
    head = k
    # climb to the noun the first words modify
    for m in range(j, ceil):
        if doc.words[m].upos in NOUNISH:
            head = _head_in(doc, m, j, ceil)
            break
    first, last = noun_phrase(doc, head, limit=(j, ceil))
    return min(first, j), max(last, head + 1)


def _head_in(doc: ParsedDoc, m: int, lo: int, hi: int) -> int:
    w = doc.words[m]
    steps = 0
    while (
        w.head >= 0 and lo <= w.head < hi and w.deprel in _NP_CLIMB and doc.words[w.head].upos in NOUNISH and steps < 8
    ):
        w = doc.words[w.head]
        steps += 1
    return w.i


def plausible_speaker(doc: ParsedDoc, span: tuple[int, int] | None) -> bool:
    """Reject phrases that cannot be a speaker: obliques ("on Monday", "for Mr. Clinton's …"),
    times ("Last week"), phrases with no noun or pronoun ("Nor", "Besides") and phrases that open
    with an auxiliary (a question's inversion)."""
    if span is None:
        return False
    words = doc.words[span[0] : span[1]]
    heads = [  # a tagged name is a noun whatever its part of speech ("Earnest added", ADJ to one tagger)
        w
        for w in words
        if (w.upos in NOUNISH or w.ner in {"PER", "ORG"}) and not (w.head >= 0 and span[0] <= w.head < span[1])
    ]
    if not heads or words[0].upos in {"ADP", "SCONJ", "AUX"} or (len(words) == 1 and words[0].upos in {"CCONJ", "ADV"}):
        return False  # "Aren’t those the kinds of things libertarians say …": a question, not a speaker
    head = heads[0]
    if head.lemma.lower() in TIME_NOUNS or head.lower_text() in TIME_NOUNS:
        return False
    return not any(
        doc.words[k].deprel == "case" and doc.words[k].lemma not in {"'s", "’s", "as"} for k in doc.children(head.i)
    )


def _without_as(doc: ParsedDoc, span: tuple[int, int] | None) -> tuple[int, int] | None:
    """ "as that tweeter in Sydney suggested": the phrase after *as* before the cue speaks (parsers
    make it an oblique of the cue); any other oblique before the cue does not."""
    if span is None or span[1] - span[0] < 2 or doc.words[span[0]].lower_text() != "as":
        return span
    return span[0] + 1, span[1]


def _name_before_apposition(doc: ParsedDoc, cue: int, span: tuple[int, int]) -> tuple[int, int]:
    """ "…," said Maria Lopez, a lawyer for the campaign: a parser may take the apposition for the
    subject and the name for an object; the speaker is the name with its apposition."""
    first, last = span
    if first - 1 <= cue or doc.words[first - 1].text != ",":
        return span
    j = first - 2
    while j > cue and doc.words[j].upos == "PROPN":
        j -= 1
    if j == cue and first - 2 > cue:
        return cue + 1, last
    return span


def _joined_subjects(doc: ParsedDoc, subj: int, span: tuple[int, int]) -> tuple[int, int]:
    """A parser may give a verb two subjects where the text has one phrase: a name split before
    its possessive ("Hillary | Clinton’s campaign", *Hillary* and *campaign* both ``nsubj``) or a
    coordination ("The nominee | and | his aides").  Those subjects before their verb are one speaker."""
    first, last = span
    verb = doc.words[subj].head
    if not _nominal_head(doc, subj) or verb < 0:
        return span
    for other in doc.children(verb):
        if other == subj or other > verb or doc.words[other].deprel not in SUBJECTS or not _nominal_head(doc, other):
            continue
        lo, hi = noun_phrase(doc, other, limit=(doc.sentences[doc.words[verb].sent].first, verb))
        (a, b), (c, d) = sorted([(first, last), (lo, hi)])
        split_name = c < b or (b == c and doc.words[b - 1].upos == "PROPN" and doc.words[c].upos == "PROPN")
        coordinated = c == b + 1 and doc.words[b].upos == "CCONJ"
        slashed = "/" in {doc.words[b - 1].text, doc.words[min(b, c)].text} and c <= b + 1  # "Reuters/Ipsos poll"
        if split_name or coordinated or slashed:
            first, last = a, d
    return _conjuncts_before(doc, subj, (first, last))


def _conjuncts_before(doc: ParsedDoc, subj: int, span: tuple[int, int]) -> tuple[int, int]:
    """ "as China and Russia support …", "as the United States, Britain and France support …": a
    parser that takes the *and* for one between clauses hangs the first conjuncts on a noun before;
    names of the subject's entity type there, hanging on no verb, are part of the subject."""
    first, last = span
    cc, w = first - 1, doc.words[subj]
    if cc < 1 or doc.words[cc].upos != "CCONJ" or doc.words[cc].head != w.head or w.ner in {None, "O"}:
        return span
    prev = doc.words[cc - 1]
    if prev.upos != "PROPN" or prev.ner != w.ner or prev.head < 0 or doc.words[prev.head].upos in {"VERB", "AUX"}:
        return span
    top = prev.i
    while doc.words[top].deprel in {"conj", "list"} and 0 <= doc.words[top].head < top:
        top = doc.words[top].head
    if doc.words[top].ner != w.ner:
        return span
    start = noun_phrase(doc, top, limit=(doc.sentences[w.sent].first, cc))[0]
    while start < top and doc.words[start].deprel == "case":
        start += 1  # "as China": not the preposition
    return start, last


def _nominal_head(doc: ParsedDoc, j: int) -> bool:
    w = doc.words[j]
    return w.upos in {"NOUN", "PROPN"} and w.ner not in {"DATE", "TIME"} and w.lower_text() not in RELATIVE_WORDS


def snap_to_entities(
    doc: ParsedDoc, span: tuple[int, int], *, lo: int, hi: int, content: tuple[int, int] | None = None
) -> tuple[int, int]:
    """Widen a speaker span to the whole named entities it cuts ("Human Rights" -> "Syrian
    Observatory for Human Rights"): a parser may attach part of a name elsewhere, the NER seldom does."""
    first, last = span
    if content is not None and content[1] <= first:
        lo = max(lo, content[1])
    if content is not None and content[0] >= last:
        hi = min(hi, content[0])
    for ent in doc.entities:
        if ent.type not in {"PER", "PERSON", "ORG"}:
            continue
        e0, e1 = doc.words[first].start, doc.words[last - 1].end
        if not (ent.start < e1 and e0 < ent.end):
            continue
        while first - 1 >= lo and doc.words[first - 1].start >= ent.start:
            first -= 1
        while last < hi and doc.words[last].end <= ent.end:
            last += 1
    return first, last


def speaker_span(doc: ParsedDoc, cue: int, *, content: tuple[int, int] | None = None) -> tuple[int, int] | None:
    """Find the speaker's words for the cue at word index ``cue``.

    Order: the cue's own subject; the subject of the verb it is ``conj``/``xcomp`` of; the noun
    phrase just before the cue; the noun phrase just after it ("…, said Smith").  Words inside
    ``content`` (a word range) are never the speaker.
    """
    sent = doc.sentences[doc.words[cue].sent]
    lo, hi = sent.first, sent.last
    lo += dateline_end([w.text for w in doc.words[lo : min(cue, lo + 14)]])  # "FLINT, Mich. (UPI) — …"

    def outside(span: tuple[int, int] | None, *, agent: bool = False) -> tuple[int, int] | None:
        if span is not None and span[0] < lo:
            span = (lo, span[1]) if span[1] > lo else None  # a dateline's words never speak
        if span is None or not (agent or plausible_speaker(doc, span)):
            return None
        if content is not None and span[0] < content[1] and content[0] < span[1]:
            return None
        return snap_to_entities(doc, span, lo=lo, hi=hi, content=content)

    agent = passive_agent(doc, cue)
    if agent is not None:
        s, e = noun_phrase(doc, agent, limit=(lo, hi))
        while s < agent and doc.words[s].deprel == "case":
            s += 1
        span = outside((s, e), agent=True)  # "was told by aides that …"
        if span is not None:
            return span
    w = doc.words[cue]
    if speaker_unsaid(doc, cue):
        return None
    subj = _subject_of(doc, cue)
    if subj is None and w.deprel == "conj" and 0 <= w.head < cue and not participle(w):
        subj = _stray_subject(doc, w.head, cue)  # not "…, saying …": a participle's subject is the clause's
    if subj is None and w.deprel in {"conj", "xcomp", "advcl"} and w.head >= 0:
        subj = _subject_of(doc, w.head)
    if subj is None and w.deprel == "acl" and participle(w) and w.head >= 0 and doc.words[w.head].upos in NOUNISH:
        span = outside(noun_phrase(doc, w.head, limit=(lo, cue)))  # "911 calls saying shots were fired"
        if span is not None:
            return span
    if subj is not None and doc.words[subj].lower_text() in RELATIVE_WORDS and w.deprel.startswith("acl"):
        return outside((subj, subj + 1))  # "Barkley, who said …": coreference finds who "who" is
    if subj is not None and doc.words[subj].upos in NOUNISH | {"DET", "ADJ"}:
        span = _joined_subjects(doc, subj, noun_phrase(doc, subj, limit=(lo, hi)))
        span = outside(_name_before_apposition(doc, cue, span))
        if span is not None and doc.words[subj].lower_text() not in RELATIVE_WORDS:
            return span
    if subj is None and participle(w):
        # "…, saying that …" / "After saying he was nervous, the man …": the main clause's subject
        root = next((j for j in range(lo, hi) if doc.words[j].head < 0), None)
        rsubj = _subject_of(doc, root) if root is not None and root != cue else None
        if rsubj is not None:
            span = outside(_joined_subjects(doc, rsubj, noun_phrase(doc, rsubj, limit=(lo, hi))))
            if span is not None:
                return span
    floor = lo
    if content is not None and content[1] <= cue:
        floor = max(lo, content[1])
    span = outside(_without_as(doc, left_np(doc, cue, floor=floor)))
    if span is not None:
        return span
    ceil = hi
    if content is not None and content[0] > cue:
        ceil = min(hi, content[0])
    span = outside(right_np(doc, cue, ceil=ceil))
    if span is not None:
        return span
    # "Obama met survivors … and said …", "Hewitt argued …, but suggested …": the nearest subject
    # in the sentence (the parser lost the link between this verb and it)
    before = [j for j in range(cue - 1, lo - 1, -1)]
    after = [j for j in range(cue + 1, hi)]
    for j in before + after:
        x = doc.words[j]
        if x.deprel in SUBJECTS and x.upos in NOUNISH and x.lower_text() not in RELATIVE_WORDS:
            span = outside(_joined_subjects(doc, j, noun_phrase(doc, j, limit=(lo, hi))))
            if span is not None:
                return span
    return None
