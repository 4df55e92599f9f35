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

from dataclasses import replace

from ..config import Settings
from ..gender import PERSON_TAGS
from ..lexicon import (
    ACCORDING_LEMMAS,
    ADDRESSEE_LEMMAS,
    CALL_OBJECTS,
    CLAUSE_ONLY_LEMMAS,
    CONTENT_PREPS,
    CONTENT_RELS,
    MODAL_VERBS,
    NAMING_LEMMAS,
    OBJECT_CONTENT_WIDER,
    PARTICLE_RELS,
    PHRASAL_SPEECH,
    PP_CONTENT_WIDER,
    TIME_NOUNS,
    TOLD_THINGS,
    Lexicon,
)
from ..model import CueTier, QuoteKind
from ..nlp import ParsedDoc, Word, subtree
from .candidate import Candidate
from .frame import (
    NOUNISH,
    RELATIVE_WORDS,
    SUBJECTS,
    case_words,
    cue_lemma_of,
    cue_tier_of,
    negates,
    noun_phrase,
    participle,
    passive,
    right_np,
    speaker_span,
)
from .marks import MarkPair
from .parenthetical import clause_start, has_finite, parenthetical

__all__ = ["find_according_to", "find_reported"]

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
        modifies_noun = x.head >= 0 and doc.words[x.head].upos in {"NOUN", "PROPN"} and x.head > j
        if x.upos in {"ADV", "PART"} and low not in {"not", "n't"} and low != "to" and not modifies_noun:
            j += 1  # an adverb of the cue ("said recently"), not one inside the content ("deadly strikes")
            continue
        if x.text in {",", ":"}:
            j += 1
            continue
        if time_end := _time_words(doc, j, hi):
            j = time_end  # "said Wednesday that", "said last month that"
            continue
        if low == "for" and (time_end := _time_words(doc, j + 1, hi)):
            j = time_end  # "have warned for years that", "said for the first time that"
            continue
        if (
            addressee
            and low != "that"
            and (x.upos in NOUNISH | {"DET", "ADJ"} or x.ner is not None or x.text.isupper() or _mistagged_noun(doc, j))
        ):
            end = _addressee_end(doc, j, hi)
            if any(doc.words[k].lemma.lower() in TOLD_THINGS for k in range(j, end)):
                break  # "told the story of …": what was told, not whom
            j = end
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


def _mistagged_noun(doc: ParsedDoc, j: int) -> bool:
    """ "told reporters the plan would pass": a finite verb with no subject right after an
    addressee cue is a noun the tagger took for a verb (the addressee)."""
    x = doc.words[j]
    if x.upos != "VERB" or "VerbForm=Fin" not in x.feats or not x.text.islower():
        return False
    return not any(doc.words[k].deprel in SUBJECTS for k in doc.children(j))


def _time_words(doc: ParsedDoc, j: int, hi: int) -> int:
    """The end of a bare time phrase at ``j`` ("Wednesday", "last month", "this week"), else 0."""
    k = j
    while k < hi and doc.words[k].upos in {"DET", "ADJ"} and k - j < 2:
        k += 1
    time = k < hi and (doc.words[k].lower_text() in TIME_NOUNS or doc.words[k].lemma.lower() in TIME_NOUNS)
    if time and doc.words[k].upos in {"NOUN", "PROPN"}:
        possessive = k + 1 < hi and doc.words[k + 1].lower_text() in {"'s", "’s"}
        return 0 if possessive else k + 1  # "called last year's tax bill …": a modifier, not a time
    return 0


def _addressee_end(doc: ParsedDoc, j: int, hi: int) -> int:
    """End of the addressee after a tell-verb: a proper name ("AP", "VICE News") or a short
    common noun phrase ("reporters", "the committee", "the state of New York"), stopping where a
    new phrase starts."""
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
    if seen_noun and k + 1 < hi and doc.words[k].lower_text() == "of":
        k = _of_addressee_end(doc, k, hi)
    return max(k, j + 1)


def _of_addressee_end(doc: ParsedDoc, k: int, hi: int) -> int:
    """ "the state of New York", "members of Congress", "the head of the agency that …": an *of*
    phrase goes on the addressee when it is a name, or when *that* follows it ("warned residents
    of the danger": the danger is what they were warned of)."""
    m = k + 1
    if doc.words[m].text[:1].isupper():
        while m < hi and doc.words[m].text[:1].isupper():
            m += 1
        stop = next((n for n in range(m, hi) if doc.words[n].upos == "PUNCT"), hi)
        clause = m < hi and (doc.words[m].lower_text() == "that" or has_finite(doc, m, stop))
        return m if clause else k  # not "told the story of Florida tomato pickers", "ask Bayh of Indiana, …"
    while m < hi and doc.words[m].upos in {"DET", "ADJ"}:
        m += 1
    n = m
    while n < hi and doc.words[n].upos in {"NOUN", "PROPN"}:
        n += 1
    return n if n > m and n < hi and doc.words[n].lower_text() == "that" else k


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


# Verbs whose infinitive complement is the content ("promised to cut taxes", "urged them to vote").
XCOMP_SPEECH = ADDRESSEE_LEMMAS | frozenset({"promise", "vow", "pledge", "threaten", "demand", "ask", "call", "agree"})
_BOUNDARY = frozenset({",", ":", "—", "–", ";", "(", "-"})
REQUIRE_SPEAKER = False
EXTEND_TO_SENTENCE_END = True  # a cue with no speaker found is more often noise than an anonymous attribution
_SIBLING_CLAUSES = frozenset({"conj", "parataxis"})
_WH = frozenset({"what", "whatever", "how", "why", "when", "where", "whether", "who", "whom"})


def _left_available(doc: ParsedDoc, c: int, spk: tuple[int, int] | None, lo: int) -> int | None:
    """For "CONTENT, X said." return the end of CONTENT (the comma before the frame), else None."""
    first = c if spk is None or spk[0] > c else spk[0]
    k = first - 1
    while k >= lo and doc.words[k].upos in {"ADV", "AUX"} and doc.words[k].text not in _BOUNDARY:
        k -= 1
    if k > lo and (doc.words[k].text in _BOUNDARY or doc.words[k].text in "”’\"'»"):
        return k
    return None


def _clausal_content(doc: ParsedDoc, c: int, tier: str, lo: int, hi: int, lex: Lexicon) -> tuple[int, int] | None:
    """The content a parser attached as a clausal complement right of the cue."""
    w = doc.words[c]
    for k in doc.children(c):
        rel = doc.words[k].deprel.split(":")[0]
        if k <= c or rel not in CONTENT_RELS:
            continue
        if rel == "xcomp" and tier == "speech" and w.lemma.lower() not in XCOMP_SPEECH:
            continue
        if any(doc.words[g].deprel == "mark" and doc.words[g].lower_text() in _CIRCUMSTANCE for g in doc.children(k)):
            continue  # "I write because I know …": a reason, not what is written
        if _when_spoken(doc, c, k):
            continue
        if _participle_aside(doc, c, k):
            continue
        span = [j for j in subtree(doc, k) if lo <= j < hi and j > c]
        if not span:
            continue
        start = min(span)
        skip = _skip_frame_right(doc, c, hi)
        # "warned the plan would …": the noun after the cue is the content's subject, not an addressee
        subj = next((s for s in doc.children(k) if doc.words[s].deprel in SUBJECTS), None)
        if subj is not None and c < subj < skip:
            skip = min(subtree(doc, subj))
        if start <= skip <= max(span) or skip < start:
            start = skip
        start = max(start, _that_mark(doc, c, k))
        # the content runs to the end of the sentence (parsers often cut a long complement short),
        # but not into a clause coordinated with the cue ("said A, and he railed …", "…, saying B")
        end = _before_sibling(doc, c, max(span), hi if EXTEND_TO_SENTENCE_END else max(span) + 1)
        end = _before_main_verb(doc, c, start, _before_participle(doc, c, start, end, lex))
        return _trim(doc, start, end)
    return None


def _when_spoken(doc: ParsedDoc, c: int, k: int) -> bool:
    """ "Liz Wahl said when she resigned …": a complement opened by *when* after a cue that states
    tells when the speaker spoke, not what was said ("asked when …" asks it)."""
    first = doc.words[min(j for j in subtree(doc, k) if j > c)]
    return first.head == k and _opens_when(doc, c, first.i) and not _a_question(doc, c, k)


def _a_question(doc: ParsedDoc, c: int, k: int) -> bool:
    """ "have not said when they would take up …": a negated cue or a modal clause asks *when*."""
    negated = negates(doc.words[g] for g in doc.children(c))
    modal = any(doc.words[g].deprel == "aux" and doc.words[g].lemma.lower() in MODAL_VERBS for g in doc.children(k))
    return negated or modal


def _opens_when(doc: ParsedDoc, c: int, first: int) -> bool:
    """Whether the words after a stating cue open with *when* (see :func:`_when_spoken`)."""
    opens = first < len(doc.words) and doc.words[first].lower_text() in {"when", "whenever"}
    return opens and doc.words[c].lemma.lower() in _STATING


_STATING = frozenset({"say", "add", "write", "state", "note", "claim", "insist", "argue", "announce", "declare"})


def _that_mark(doc: ParsedDoc, c: int, k: int) -> int:
    """Where a clause marked *that* opens: nothing before its *that* is content ("told the U.N.
    General Assembly 18 months ago that he would seek …": the parser hung the addressee on it)."""
    marks = (g for g in doc.children(k) if c < g and doc.words[g].deprel == "mark")
    return next((g for g in marks if doc.words[g].lower_text() == "that"), 0)


def _before_sibling(doc: ParsedDoc, c: int, after: int, end: int) -> int:
    """Where a content ends before a clause coordinated with the cue after word ``after``
    ("said A, and he railed …", "blamed the incident on hackers but later fessed up")."""
    for b in doc.children(c):
        if b > after and doc.words[b].deprel.split(":")[0] in _SIBLING_CLAUSES and not _content_tense(doc, c, b):
            end = min(end, min(j for j in subtree(doc, b) if j > after))
    return end


def _content_tense(doc: ParsedDoc, c: int, b: int) -> bool:
    """ "McConnell says he spoke to Trump and asked him to …": a verb the parser coordinated with the
    cue, finite, with no subject of its own and another tense than the cue's, goes on the content."""
    w = doc.words[b]
    finite = _finite_verb(doc, b)  # not "…, also citing X": a participle is the speaker's next act
    return w.upos == "VERB" and finite and not _has_subject(doc, b) and _tense(doc, b) != _tense(doc, c)


def _before_main_verb(doc: ParsedDoc, c: int, start: int, end: int) -> int:
    """ "Jaber, a Yemeni man who claims he lost …, was set to attend …": the content of a cue in the
    speaker's relative clause ends at a comma before a finite verb with no subject, the sentence's
    own verb, whatever the parser hung it on."""
    if not any(
        doc.words[g].deprel in SUBJECTS and doc.words[g].lower_text() in RELATIVE_WORDS for g in doc.children(c)
    ):
        return end
    for b in range(start + 1, end - 1):
        w = doc.words[b + 1]
        verb = w.head if w.upos == "AUX" else w.i
        finite = w.upos in {"VERB", "AUX"} and "VerbForm=Fin" in w.feats
        if doc.words[b].text == "," and finite and not _has_subject(doc, verb, after=start):
            return b
    return end


def _tense(doc: ParsedDoc, v: int) -> str:
    """A verb's tense as its auxiliaries give it ("does not deny" and "is demanding": present;
    "would continue": modal), else its own."""
    auxes = [doc.words[k] for k in doc.children(v) if doc.words[k].deprel.startswith("aux")]
    if any(a.lemma.lower() in MODAL_VERBS for a in auxes):
        return "modal"
    for x in [*auxes, doc.words[v]]:
        for tense in ("Pres", "Past"):
            if f"Tense={tense}" in x.feats and "VerbForm=Part" not in x.feats:
                return tense
    return "other"


def _before_participle(doc: ParsedDoc, c: int, start: int, end: int, lex: Lexicon) -> int:
    """Where a content ends before a participle set off by a comma, with no subject of its own:
    one of the cue ("praised Clinton's record, crediting her with …") or a cue verb that parsers
    hang on the content ("said he would run, insisting that …"): the speaker's next act. A
    participle of the content that is no cue goes on it ("a day of reckoning is coming, exposing
    the United States to …"), and so does one in a list ("of the purpose, meaning and …")."""
    for b in range(start + 2, end):
        w = doc.words[b]
        aside = doc.words[b - 1].text == "," and w.upos == "VERB" and participle(w) and not _has_subject(doc, b)
        listed = b + 1 < end and doc.words[b + 1].upos == "CCONJ"
        if not aside or listed:
            continue
        if w.head == c or (start <= w.head < b and cue_tier_of(w, lex, wider=True) is not None):
            return b - 1
    return end


def _before_coordinated_cue(doc: ParsedDoc, c: int, content: tuple[int, int], lex: Lexicon) -> int:
    """Where a content ends before a second cue of the same speaker, in the cue's own form, joined
    by *and* or *but* ("said he hasn't accepted new gigs and suggested that …", "claimed momentum and
    argued he is …", "urging voters to … and promising to …"): the parser hangs it on the content."""
    form = _form(doc.words[c])
    start, end = content
    for b in range(start + 1, end):
        if doc.words[b].lower_text() not in {"and", "but"}:
            continue
        k = b + 1
        while k < end and doc.words[k].upos in {"ADV", "AUX", "PUNCT"}:
            k += 1  # "and later", "but did note", ", and also"
        w = doc.words[k] if k < end else None
        if w is None or w.upos != "VERB" or _has_subject(doc, k) or _form(w) != form:
            continue
        if cue_tier_of(w, lex, wider=True) is not None:
            return b - 1 if doc.words[b - 1].text == "," else b
    return end


_JOINS = frozenset({"and", "but", "whereas", "while", "yet"})


def _before_another_attribution(
    doc: ParsedDoc, c: int, content: tuple[int, int], lex: Lexicon, *, any_clause: bool = False
) -> int:
    """Where a content ends before a clause joined by a comma or a semicolon that holds an
    attribution of its own ("deny any links to terrorism, but critics point to …", "said the
    foundation should be disbanded, and he added that …"): the writer moved on to the next claim.
    A bare comma before a frame that opens with its subject ends it too ("criticized the plan, the
    bill and the budget, the senator said"). After a content that is no clause (``any_clause``),
    any clause with its own subject ends it ("called for spending $1 trillion, but Congress has
    not taken up that idea", "announced the plan, critics said …"), unless a wh-word or relative
    opens it."""
    start, end = content
    for b in range(start + 1, end):
        text = doc.words[b].lower_text()
        joined = text == ";" or (text in _JOINS and doc.words[b - 1].text == ",")
        opens = doc.words[b + 1].lower_text() if b + 1 < end else ""
        new_clause = any_clause and opens not in _WH | RELATIVE_WORDS
        # "announced the plan, critics said …"; not after a subordinator ("that since she …, she …")
        bare = text == "," and opens not in _JOINS | _WH | RELATIVE_WORDS and not _subordinated(doc, start, b)
        bare = bare and _content_words(doc, start, b) >= MIN_CONTENT_WORDS  # a word left over is no content
        if not joined and not bare:
            continue
        for j in range(b + 1, min(end, b + 12)):
            w = doc.words[j]
            own = [k for k in doc.children(j) if doc.words[k].deprel in SUBJECTS and b < k < j]
            if not joined:  # after a bare comma the clause opens with its subject, not inside a list
                own = [k for k in own if min(subtree(doc, k)) == b + 1]
            if not own:
                continue
            if new_clause and w.upos == "VERB" and _finite_verb(doc, j):
                return b - 1 if doc.words[b - 1].text == "," else b
            if "VerbForm=Fin" in w.feats and cue_tier_of(w, lex, wider=False) == "speech":
                return b - 1 if doc.words[b - 1].text == "," else b
    return end


def _subordinated(doc: ParsedDoc, start: int, end: int) -> bool:
    """Whether a subordinator (*that*, *since*, *when* …) opens a clause in words ``start:end``."""
    opens = _SUBORDINATORS | {"that"}  # a tagger may call the complementiser *that* a pronoun
    return any(doc.words[x].upos == "SCONJ" or doc.words[x].lower_text() in opens for x in range(start, end))


def _finite_verb(doc: ParsedDoc, j: int) -> bool:
    """A finite verb, or one made finite by its auxiliary ("has not taken")."""
    finite = "VerbForm=Fin" in doc.words[j].feats
    return finite or any(doc.words[k].deprel.startswith("aux") for k in doc.children(j))


def _form(w: Word) -> str:
    """A verb's inflection, as far as coordination shows it: past, -ing, third person or base."""
    feats = w.feats
    if "VerbForm=Ger" in feats or ("VerbForm=Part" in feats and "Tense=Pres" in feats):
        return "ing"
    if "Tense=Past" in feats:
        return "past"
    return "3sg" if "Person=3" in feats and "Number=Sing" in feats else "base"


def _has_subject(doc: ParsedDoc, k: int, *, after: int = 0) -> bool:
    """Whether word ``k`` has a subject of its own (at word ``after`` or later)."""
    return any(after <= g and doc.words[g].deprel in SUBJECTS for g in doc.children(k))


def _participle_aside(doc: ParsedDoc, c: int, k: int) -> bool:
    """ "Trump said, looking out on the cheering crowd": a participle set off by a comma after the
    cue, with no subject of its own, says how it was said, not what (a cue participle such as
    *adding that …* is a frame of its own)."""
    w = doc.words[k]
    if w.upos != "VERB" or not w.lower_text().endswith("ing") or k - 1 <= c or doc.words[k - 1].text != ",":
        return False
    return not any(doc.words[g].deprel in SUBJECTS or doc.words[g].deprel == "mark" for g in doc.children(k))


def _free_relative(doc: ParsedDoc, c: int) -> bool:
    """ "what Obama says": a wh-word the cue governs, before it, that is not a relative subject
    ("an architect who said he was stiffed" reports speech)."""
    for k in doc.children(c):
        w = doc.words[k]
        if k < c and w.lower_text() in _WH and w.deprel in {"obj", "nsubj"}:
            relative_subject = w.deprel == "nsubj" and w.lower_text() in {"who", "whom"}
            if not (relative_subject and _clausal_child(doc, c)):
                return True
    return False


def _clausal_child(doc: ParsedDoc, c: int) -> bool:
    return any(k > c and doc.words[k].deprel.split(":")[0] == "ccomp" for k in doc.children(c))


def _inverted(doc: ParsedDoc, c: int, lo: int, hi: int) -> bool:
    """ "CONTENT, said X, a professor …": the speaker follows the cue, the content precedes it."""
    if c - 1 < lo or doc.words[c - 1].text not in {",", "”", "’", '"', "'"}:
        return False
    if doc.words[c - 1].text != "," and c + 1 < hi and doc.words[c + 1].ner in PERSON_TAGS:
        return True  # "… system,” said Rae Zimmerman": the parser may take a word in the quote as subject
    subj = next((k for k in doc.children(c) if doc.words[k].deprel in SUBJECTS), None)
    if subj is not None:
        return subj > c
    return _name_ends_sentence(doc, c, hi)


def _fragment_before(doc: ParsedDoc, c: int, left: tuple[int, int], hi: int) -> bool:
    """A verbless phrase before "…, he said." is what was said when nothing follows the frame but
    punctuation, and it is no oblique or adverb ("On Monday, he said.")."""
    if left[0] >= left[1] or any(w.upos != "PUNCT" for w in doc.words[c + 1 : hi]):
        return False
    first = doc.words[left[0]]
    return first.upos not in {"ADP", "SCONJ", "ADV", "CCONJ"} and _content_words(doc, *left) >= 3


def _name_ends_sentence(doc: ParsedDoc, c: int, hi: int) -> bool:
    """ "…, the losses would outstrip the gains, said Batchelder.": only a short noun phrase with a
    name or a noun follows the cue to the sentence's end (the parser may call it an object)."""
    rest = [w for w in doc.words[c + 1 : hi] if w.upos != "PUNCT"]
    if not rest or len(rest) > 8 or rest[0].upos == "ADP" or rest[0].lower_text() == "to":
        return False  # "…, spoke on Monday.": a preposition opens no speaker
    # "…, noted NBC’s Dante Chinni.": a past form the tagger calls a participle, before a name
    named = any(w.ner in _SPEAKER_NER for w in rest) and not any(
        doc.words[k].deprel.startswith("aux") for k in doc.children(c)
    )
    if "VerbForm=Fin" not in doc.words[c].feats and not ("VerbForm=Part" in doc.words[c].feats and named):
        return False
    if any(w.upos in {"VERB", "AUX", "SCONJ", "PRON"} for w in rest):
        return False
    return any(w.upos in {"PROPN", "NOUN"} for w in rest)


# Entity types of a name that can speak when a parse makes it the sentence root.
_SPEAKER_NER = PERSON_TAGS | {"ORG"}


def _flat_name(doc: ParsedDoc, head: int) -> list[int]:
    """The words of a name the parser chains with ``flat`` ("Attorney General Roy Cooper")."""
    out, k = [head], head + 1
    while k < len(doc.words) and doc.words[k].deprel.startswith("flat") and doc.words[k].head in out:
        out.append(k)
        k += 1
    return out


def _nominal_root_name(doc: ParsedDoc, lo: int, hi: int) -> tuple[int, int] | None:
    root = next((j for j in range(lo, hi) if doc.words[j].head < 0), None)
    if root is None or doc.words[root].upos != "PROPN":
        return None
    name = _flat_name(doc, root)
    return (root, name[-1] + 1) if any(doc.words[k].ner in _SPEAKER_NER for k in name) else None


def _no_speaker_frame(doc: ParsedDoc, c: int) -> bool:
    """Infinitives, gerunds and participles without a subject of their own or of their head
    ("to describe those …", "for telling the truth", "Speaking in the East Room …")."""
    w = doc.words[c]
    feats = w.feats
    nonfinite = (
        "VerbForm=Inf" in feats or "VerbForm=Ger" in feats or ("VerbForm=Part" in feats and "Tense=Past" not in feats)
    )
    if not nonfinite:
        return False
    if _has_subject(doc, c):
        return False
    # ", saying that …" / "and adding that …": the subject of the head verb or the main clause speaks
    head_speaks = w.deprel in {"advcl", "conj", "xcomp"} and w.head >= 0
    if head_speaks and _has_subject(doc, w.head):
        return False
    if w.deprel == "acl" and w.head >= 0 and doc.words[w.head].upos in {"NOUN", "PROPN"}:
        return False  # "911 calls saying shots were fired"
    sent = doc.sentences[w.sent]
    root = next((j for j in sent.word_range if doc.words[j].head < 0), None)
    has_root_subject = root is not None and _has_subject(doc, root)
    # a nominal root is a parse that missed the main verb ("Attorney General Roy Cooper (D), …, called
    # Friday for …, saying that …"): the root names who speaks
    nominal_root = _nominal_root_name(doc, sent.first, sent.last) is not None
    return not ((has_root_subject or nominal_root) and "VerbForm=Inf" not in feats)


def _in_title(doc: ParsedDoc, c: int, lo: int, hi: int) -> bool:
    """ "the work My Name as Though It Were Written on the Surface of the Moon": a capitalised cue
    after a capitalised word, in a sentence that is not itself in title case (a headline is), is a
    word of a title."""
    if c == lo or not doc.words[c].text[:1].isupper() or not doc.words[c - 1].text[:1].isupper():
        return False
    words = [w.text for w in doc.words[lo:hi] if w.text[:1].isalpha()]
    return sum(t[:1].isupper() for t in words) < 0.6 * len(words)


def _not_speech(doc: ParsedDoc, c: int, lo: int) -> bool:
    """Uses of a cue word that report no speech: a noun ("a tsunami warning"), a passive with no
    clause and no agent ("was called for tripping"), a heading ("WATCH: … says"), "you tell me",
    a question frame ("Asked about the delay, the mayor said …": the answer is the attribution),
    an imperative "Say …" that supposes."""
    w = doc.words[c]
    kids = [doc.words[k] for k in doc.children(c)]
    if any(k.deprel == "det" and k.i < c for k in kids) or (
        w.upos == "NOUN" and any(k.deprel == "compound" and k.i < c for k in kids)
    ):
        return True
    if _a_call(doc, kids):
        return True  # "answered a 911 call", "called 911", "call a cab": whatever the parser makes of the rest
    if w.lower_text().endswith("ing") and c > lo and _possessive(doc.words[c - 1]):
        return True  # "De Miranda's recounting of …", "his warning": a gerund with an owner is a noun
    set_off = c > lo and doc.words[c - 1].text == ","  # "Beruff, a Scott ally, called the standards “strong”"
    if w.deprel in {"acl", "amod"} and "Tense=Past" in w.feats and w.lemma.lower() in NAMING_LEMMAS and not set_off:
        return True  # "a technique called X", "so-called": a name, not speech
    if c - 2 >= lo and doc.words[c - 1].text in {"-", "‐", "‑"} and doc.words[c - 2].lower_text() == "so":
        return True  # "so-called “metadata”", however the parser attaches it
    clause = any(k.deprel.split(":")[0] in CONTENT_RELS for k in kids)
    agent = any(k.deprel.startswith("obl") and case_words(doc, k.i) & {"by"} for k in kids)
    naming = w.lemma.lower() in NAMING_LEMMAS  # "was called for tripping"; "was charged with" is PolNeAR speech
    if naming and any(k.deprel == "aux:pass" for k in kids) and not clause and not agent:
        return True
    first = doc.words[lo]
    headline = doc.sentences[w.sent].last - lo <= 14 and doc.words[doc.sentences[w.sent].last - 1].text not in ".!?"
    if _discourse_idiom(doc, c):
        return True
    f = lo + 1 if first.text in {"(", "["} else lo  # "(WARNING: Video contains graphic images.)"
    label = f + 1 < len(doc.words) and doc.words[f + 1].text == ":"
    label = label and doc.words[f].text.isupper() and len(doc.words[f].text) > 1
    if label and (c == f or (headline and f + 1 < c)):
        return True  # "WATCH: Trump says …"; "WARNING: Video contains graphic images"
    subj = next((k for k in kids if k.deprel in SUBJECTS), None)
    question = c == lo and w.lower_text().endswith("ed") and "," in doc.text[w.end : doc.sentences[w.sent].end]
    if subj is None and (question or (c == lo and "VerbForm=Part" in w.feats)):
        return True
    if subj is None and c == lo and w.text == "Say":
        return True  # "Say Mexico demanded that …": suppose, not speech
    if c - 2 >= lo and doc.words[c - 2].lower_text() == "let" and doc.words[c - 1].lower_text() in {"'s", "us"}:
        return True  # "First, let’s say what the sale is not": the writer supposes
    if subj is None and w.deprel == "advcl" and c < w.head and any(k.lower_text() == "to" for k in kids if k.i < c):
        return True  # "To answer this question, the scientists asked …": a purpose, not a report
    return subj is not None and subj.lower_text() == "you" and "Tense=Past" not in w.feats


def _possessive(w: Word) -> bool:
    """A possessive right before a word: *'s* or *his*, *their* …"""
    return w.text in {"'s", "’s"} or w.lower_text() in {"his", "her", "its", "their", "our", "my", "your"}


def _discourse_idiom(doc: ParsedDoc, c: int) -> bool:
    """ "Having said that, …", "That said, …", "that being said", "speaking of X, …": a link
    between sentences; "it is worth noting", "it goes without saying": the writer's own aside."""
    nxt = doc.words[c + 1].lower_text() if c + 1 < len(doc.words) else ""
    before = [doc.words[j] for j in range(max(0, c - 2), c)]
    if before and before[-1].lower_text() == "worth":
        return True  # "It is worth noting that …": the writer's aside
    if len(before) == 2 and before[1].lower_text() == "without" and before[0].lemma.lower() == "go":
        return True  # "It goes without saying that …"
    if doc.words[c].lower_text() in {"speaking", "talking"} and nxt == "of":
        return not _has_subject(doc, c)  # "And speaking of Dolby, …"
    if doc.words[c].lemma.lower() != "say":
        return False
    around = [doc.words[j].lower_text() if 0 <= j < len(doc.words) else "" for j in range(c - 2, c + 3)]
    having = around[1:5] == ["having", "said", "that", ","]
    that_said = around[1] == "that" and around[3] == ","
    return having or that_said or around[0:3] == ["that", "being", "said"]


def _after_leading_phrase(doc: ParsedDoc, span: tuple[int, int]) -> tuple[int, int]:
    """ "says at a campaign stop in Toledo, Ohio, that it means …": the content starts at "that"."""
    if span[0] >= span[1]:
        return span
    first = doc.words[span[0]]
    if first.upos != "ADP" or first.lower_text() in CONTENT_PREPS:
        return span
    for j in range(span[0] + 1, span[1]):
        if doc.words[j].lower_text() == "that" and doc.words[j - 1].text == ",":
            return j, span[1]
    return span


def _np_content_ok(doc: ParsedDoc, c: int, content: tuple[int, int], lemma: str) -> bool:
    """Whether the words after a cue can be its content when they are no clause: not after a
    transitive particle ("wrote off assets", "called the trope out"), a preposition that starts
    no content ("pointed at"), "charged him with", or a verb whose object is not speech ("posted a video");
    ``lemma`` is the cue's lemma as the lexicon repairs it ("maintains" -> maintain)."""
    kids = [doc.words[k] for k in doc.children(c)]
    has_obj = any(k.deprel in {"obj", "iobj"} for k in kids)
    particles = {k.lower_text() for k in kids if k.deprel in PARTICLE_RELS}
    if has_obj and particles and not any((lemma, p) in PHRASAL_SPEECH for p in particles):
        return False
    first = doc.words[content[0]]
    if (first.upos == "ADP" and first.lower_text() not in CONTENT_PREPS) or first.upos == "CCONJ":
        return False  # "pointed at the door", "… and walked away": no content
    if first.upos == "ADP" and content[0] + 1 < content[1] and doc.words[content[0] + 1].lower_text() == "by":
        return False  # "called on by tribes for guidance": a passive phrasal verb, its agent after it
    if first.upos == "SCONJ" and first.lower_text() in _CIRCUMSTANCE:
        return False  # "I write because …"
    if _only_time(doc, content):
        return False  # "said last week", "announced Monday morning"
    if has_obj and any(k.deprel.startswith("obl") and case_words(doc, k.i) & {"with"} for k in kids):
        return False
    if has_obj and lemma == "ask" and first.lower_text() == "for":
        return False  # "Ars is asking Mojang for comment": a request, no content
    if lemma == "add" and c + 1 < len(doc.words) and doc.words[c + 1].lower_text() == "to":
        return False  # "are adding to the challenges of winter": an increase, no content
    if lemma == "echo" and not has_obj:
        return False  # "the song echoed through the hall": a sound, not someone's words again
    return lemma not in CLAUSE_ONLY_LEMMAS


def _a_call(doc: ParsedDoc, kids: list) -> bool:
    """The cue's object is a call, a phone or a ride, or a number ("called 911"): a call, not speech."""
    objs = [k for k in kids if k.deprel in {"obj", "iobj"}]
    if not objs or any(k.deprel in {"xcomp", "ccomp"} for k in kids):
        return False
    obj = min(objs, key=lambda k: k.i)  # the first object ("called 911 …", whatever follows)
    words = [obj] + [doc.words[k] for k in doc.children(obj.i) if doc.words[k].deprel == "compound"]
    return any(w.lemma.lower() in CALL_OBJECTS or (w.text.isdigit() and w.i == obj.head + 1) for w in words)


_CIRCUMSTANCE = frozenset({"because", "since", "although", "though", "while", "after", "before", "until", "unless"})


def _only_time(doc: ParsedDoc, content: tuple[int, int]) -> bool:
    words = [w for w in doc.words[content[0] : content[1]] if w.upos not in {"PUNCT", "DET", "ADP", "NUM", "ADJ"}]
    nouns = [w for w in words if w.upos in {"NOUN", "PROPN"}]
    rest = [w for w in words if w.upos not in {"NOUN", "PROPN", "ADV"}]
    return bool(nouns) and not rest and len(words) <= 4 and all(w.lemma.lower() in TIME_NOUNS for w in nouns)


def find_reported(
    doc: ParsedDoc,
    outer: list[MarkPair],
    used: set[int],
    *,
    lex: Lexicon,
    settings: Settings,
) -> list[Candidate]:
    """Find reported speech (and, with ``settings.wider_cues``, beliefs and intentions).

    Content, in order: a clausal complement right of the cue; the words after the cue's frame
    (addressee, outlet, time) when at least two remain; the clause before a comma that ends just
    before the frame ("…, the minister said."). A cue with no speaker is skipped, and so are
    infinitives and gerunds without a subject and cues inside a free relative ("what X says").
    """
    out: list[Candidate] = []
    for sent in doc.sentences:
        if not sent.parsed:
            continue
        for c in range(sent.first, sent.last):
            if c not in used:
                out.extend(_cue_candidates(doc, c, sent.first, sent.last, outer, lex, settings))
    return out


def _cue_candidates(
    doc: ParsedDoc, c: int, lo: int, hi: int, outer: list[MarkPair], lex: Lexicon, settings: Settings
) -> list[Candidate]:
    """The reported-speech candidates of the word at ``c`` in the sentence ``[lo, hi)``, if it is a cue."""
    w = doc.words[c]
    tier = cue_tier_of(w, lex, wider=settings.wider_cues)
    if tier is None or _inside(w.start, outer):
        return []
    if w.deprel == "amod" and c > lo and doc.words[c - 1].upos in {"DET", "ADJ"}:
        return []  # "the reported attack"
    if _no_speaker_frame(doc, c) or _not_speech(doc, c, lo) or _free_relative(doc, c) or _in_title(doc, c, lo, hi):
        return []  # "what Obama says and promises"
    paren = parenthetical(doc, c, lo, hi, lex)
    if paren is not None:
        pieces = [p for p in (paren.left, paren.right) if p is not None]
        if sum(_content_words(doc, *p) for p in pieces) < MIN_CONTENT_WORDS:
            return []
        return [_candidate(doc, p, c, paren.speaker, tier, outer, lex) for p in pieces]
    inverted = _inverted(doc, c, lo, hi)
    content = None if inverted else _clausal_content(doc, c, tier, lo, hi, lex)
    stance = _stance(doc, c, lex) if tier == "wider" else None
    if content is None and tier == "wider" and not stance:
        return []  # beliefs and intentions need a clausal content; a stance may take its object
    model_only = content is None and stance == "model"
    if content is None and not inverted:
        if _said_when(doc, c, hi):
            return []  # "said when she resigned …": when, not what
        content = _right_content(doc, c, hi, lex, name_will_do=stance is not None)
    if content is None and (inverted or _finite_or_subject(doc, c, lex)):
        content = _left_content(doc, c, lo, hi, inverted, lex)
    one_name = stance is not None and content is not None and _one_name(doc, content)
    content = _settled(doc, c, content, lex, least=1 if one_name else MIN_CONTENT_WORDS)
    if content is None:
        return []
    spk = speaker_span(doc, c, content=content)
    if spk is None:
        spk = _nominal_root_name(doc, lo, hi)  # the parse missed the main verb: the root names who speaks
    if inverted and _name_ends_sentence(doc, c, hi):
        spk = _trim(doc, c + 1, hi)  # "…, said Batchelder.", "…, noted NBC’s Dante Chinni."
    if spk is None and REQUIRE_SPEAKER:
        return []
    cand = _candidate(doc, content, c, spk, tier, outer, lex)
    return [replace(cand, model_only=True) if model_only else cand]


def _stance(doc: ParsedDoc, c: int, lex: Lexicon) -> str | None:
    """Whether a wider cue may take its noun-phrase object as content: ``"rule"`` for the stances
    whose object is what they report ("endorsed Cruz", "citing low growth"), ``"model"`` for any
    other wider cue with an object ("supports the deal", "rejected the plan", "a poll shows a
    drop") or with the prepositional topic its lemma takes ("referring to Obama"), which only a
    learned decision may keep; never when passive ("was endorsed by")."""
    if passive(doc, c):
        return None
    lemma = cue_lemma_of(doc.words[c], lex)
    if lemma in OBJECT_CONTENT_WIDER:
        return "rule"
    if any(doc.words[k].deprel == "obj" for k in doc.children(c)):
        return "model"
    pp = any(
        doc.words[k].deprel.startswith("obl") and any((lemma, p) in PP_CONTENT_WIDER for p in case_words(doc, k))
        for k in doc.children(c)
    )
    return "model" if pp else None


def _said_when(doc: ParsedDoc, c: int, hi: int) -> bool:
    """ "said when she resigned …": the words after the frame open with *when* and ask nothing."""
    right = _trim(doc, _skip_frame_right(doc, c, hi), hi)
    k = next((g for g in doc.children(c) if g > c and doc.words[g].upos in {"VERB", "AUX"}), c)
    opens = _opens_when(doc, c, c + 1) or _opens_when(doc, c, right[0])
    return opens and not _a_question(doc, c, k)


def _right_content(
    doc: ParsedDoc, c: int, hi: int, lex: Lexicon, *, name_will_do: bool = False
) -> tuple[int, int] | None:
    """The words after the cue's frame (addressee, outlet, time), when they are no infinitive, no
    participle aside and a noun-phrase content the cue takes; with ``name_will_do`` (a stance) one
    proper name is enough ("6 in 10 white men supported Sanders")."""
    w = doc.words[c]
    right = _trim(doc, _skip_frame_right(doc, c, hi), hi)
    to_inf = right[0] < hi and doc.words[right[0]].lower_text() == "to" and w.lemma.lower() not in XCOMP_SPEECH
    right = _after_leading_phrase(doc, right)
    right = (right[0], _before_participle(doc, c, right[0], right[1], lex))
    if (
        (_content_words(doc, *right) >= MIN_CONTENT_WORDS or (name_will_do and _one_name(doc, right)))
        and not to_inf
        and not (right[0] < hi and _participle_aside(doc, c, right[0]))
        and _np_content_ok(doc, c, right, cue_lemma_of(w, lex))
    ):
        return right[0], _before_another_attribution(doc, c, right, lex, any_clause=True)
    return None


def _left_content(doc: ParsedDoc, c: int, lo: int, hi: int, inverted: bool, lex: Lexicon) -> tuple[int, int] | None:
    """ "The talks had failed, the minister said": the clause before the frame, or a phrase when the
    frame ends the sentence ("People like Scott, he said.")."""
    end = c - 1 if inverted else _left_available(doc, c, speaker_span(doc, c), lo)
    if end is None or end <= lo:
        return None
    left = _trim(doc, clause_start(doc, lo, end, after_conjunction=False), end)
    clause = any(doc.words[j].upos in {"VERB", "AUX"} for j in range(*left))
    framed = _framed(doc, left, lex) or _adverbial_of(doc, c, left)
    return left if (clause or _fragment_before(doc, c, left, hi)) and not framed else None


def _settled(
    doc: ParsedDoc, c: int, content: tuple[int, int] | None, lex: Lexicon, *, least: int = MIN_CONTENT_WORDS
) -> tuple[int, int] | None:
    """Where a content ends: before a coordinated cue, another attribution or the end of its own
    clause; ``None`` when fewer than ``least`` words are left or the sentence's main verb follows the cue."""
    if content is None or _content_words(doc, *content) < least:
        return None
    if content[0] > c:
        content = _trim(doc, content[0], _before_coordinated_cue(doc, c, content, lex))
        content = _trim(doc, content[0], _before_another_attribution(doc, c, content, lex))
    if _main_predicate_follows(doc, c, content):
        return None  # "Trump, speaking to veterans, said he would …": the main verb is the cue
    content = (content[0], _own_clause_end(doc, c, content))
    return content if _content_words(doc, *content) >= least else None


def _one_name(doc: ParsedDoc, content: tuple[int, int]) -> bool:
    """A content of one proper name, which a stance may take ("endorsed Trump")."""
    return _content_words(doc, *content) == 1 and doc.words[content[0]].upos == "PROPN"


def _framed(doc: ParsedDoc, left: tuple[int, int], lex: Lexicon) -> bool:
    """ "He added that stopping the flow could …, he said": the clause before the frame opens
    with a frame of its own (a pronoun subject and a speech cue) that repeats who speaks; "Local
    people reported …, the government was quoted as saying" names another speaker and stays."""
    for j in range(left[0], min(left[1], left[0] + 5)):
        w = doc.words[j]
        if w.upos == "VERB" and cue_tier_of(w, lex, wider=False) == "speech":
            subjects = [k for k in doc.children(j) if left[0] <= k < j and doc.words[k].deprel in SUBJECTS]
            return any(doc.words[k].lower_text() in _PERSONAL for k in subjects)
    return False


_PERSONAL = frozenset({"he", "she", "they", "we", "i"})
# Words that open an adverbial clause: when, why or on what condition, never what was said.
_SUBORDINATORS = _CIRCUMSTANCE | {"when", "whenever", "if", "once"}


def _adverbial_of(doc: ParsedDoc, c: int, span: tuple[int, int]) -> bool:
    """ "But when Congress cut funding …, Mexico said enough": a clause before the frame that the
    cue's own adverbial opens tells when or why the speaker spoke, not what was said."""
    j = _first_word(doc, *span)
    if j is None or doc.words[j].lower_text() not in _SUBORDINATORS:
        return False
    h = doc.words[j].head
    return h >= 0 and doc.words[h].deprel == "advcl" and doc.words[h].head == c


def _first_word(doc: ParsedDoc, lo: int, hi: int) -> int | None:
    """The first word of ``lo:hi`` past conjunctions and punctuation ("But when …": *when*)."""
    return next((j for j in range(lo, hi) if doc.words[j].upos not in {"CCONJ", "PUNCT"}), None)


def _own_clause_end(doc: ParsedDoc, c: int, content: tuple[int, int]) -> int:
    """ "While a curfew was announced from midnight to 6 a.m., authorities did not enforce it": a
    cue in an adverbial clause that opens the sentence reports nothing past that clause's comma
    (read from the surface: parsers often hang the main clause on the cue)."""
    sent = doc.sentences[doc.words[c].sent]
    first = _first_word(doc, sent.first, c)
    if first is None or doc.words[first].lower_text() not in _SUBORDINATORS or content[0] < c:
        return content[1]
    comma = next((j for j in range(c + 1, content[1]) if doc.words[j].text == ","), None)
    return content[1] if comma is None else comma


def _finite_or_subject(doc: ParsedDoc, c: int, lex: Lexicon) -> bool:
    """A frame after its content ("The talks failed, the minister said") has a cue that is no
    participle, gerund or infinitive, or one with its own subject, or one that hangs on another cue
    or its own conjunction ("…, the Tuva government was quoted as saying"); a participle that hangs
    on another word does not ("…, you'll have a hard time telling between 4K and 1080p")."""
    w = doc.words[c]
    nonfinite = any(f"VerbForm={v}" in w.feats for v in ("Part", "Ger", "Inf"))
    on_a_cue = w.head >= 0 and cue_tier_of(doc.words[w.head], lex, wider=True) is not None
    marked = any(doc.words[k].deprel == "mark" for k in doc.children(c))  # "quoted as saying"
    return not nonfinite or _has_subject(doc, c) or on_a_cue or marked


def _main_predicate_follows(doc: ParsedDoc, c: int, content: tuple[int, int]) -> bool:
    """A participle's "content" that opens with a finite verb is the sentence's own predicate."""
    first = doc.words[content[0]]
    auxiliary = any(doc.words[k].deprel.startswith("aux") for k in doc.children(c))  # "We're told there is …"
    return (
        "VerbForm=Fin" not in doc.words[c].feats
        and not auxiliary
        and content[0] > c
        and first.upos in {"VERB", "AUX"}
        and "VerbForm=Fin" in first.feats
    )


def _candidate(
    doc: ParsedDoc,
    content: tuple[int, int],
    c: int,
    spk: tuple[int, int] | None,
    tier: str,
    outer: list[MarkPair],
    lex: Lexicon,
) -> Candidate:
    """A reported-speech candidate; mixed when a quotation lies inside its content."""
    start = doc.words[content[0]].start
    end = doc.words[content[1] - 1].end
    # "“Now it’s hard to see …” to hold up on their plans, Indyk said": the quotation opens it
    start = next((p.open for p in outer if p.open < start <= p.inner[0] + 1 and p.close < end), start)
    kind = QuoteKind.MIXED if any(start <= p.open and p.close < end + 1 for p in outer) else QuoteKind.INDIRECT
    hi = doc.sentences[doc.words[c].sent].last
    return Candidate(
        kind=kind,
        start=start,
        end=end,
        sentence=doc.words[c].sent,
        cue=(c, c + 1),
        cue_lemma=cue_lemma_of(doc.words[c], lex),
        tier=CueTier(tier),
        speaker=spk,
        frame=(c, min(hi, c + 8)),
        confidence=0.75 if tier == "speech" else 0.5,
    )


def _with_name_after(doc: ParsedDoc, spk: tuple[int, int] | None, spk_start: int, ceil: int) -> tuple[int, int] | None:
    """ "according to whale rescue group Project Jonah": a name right after the noun phrase, which a
    parser may hang elsewhere, is the speaker's name; with no noun phrase parsed there, the words
    up to the frame's comma are."""
    if spk is None:
        return _to_boundary(doc, spk_start, ceil)
    end = spk[1]
    while end < ceil and doc.words[end].ner in {"ORG", "PER", "PERSON"}:
        end += 1
    return spk[0], end


# Words a clause before a mid-sentence "according to X" needs to be the claim ("G4S receives,
# according to one report, $234 million …" is one claim cut in two).
CLAUSE_WORDS = 5


def _goes_on(doc: ParsedDoc, start: int, end: int) -> bool:
    """ "with 140 whales beaching …": a phrase opened by a preposition, with no finite verb, goes on
    the clause before the frame (a quotation after the frame is the claim itself)."""
    return start < end and doc.words[start].upos == "ADP" and not has_finite(doc, start, end)


def _to_boundary(doc: ParsedDoc, start: int, ceil: int) -> tuple[int, int] | None:
    """A short run of words before the frame's boundary that ends in a noun and holds no finite verb."""
    end = ceil
    while end > start and doc.words[end - 1].upos == "PUNCT":
        end -= 1
    words = doc.words[start:end]
    if not 0 < len(words) <= 8 or words[-1].upos not in {"NOUN", "PROPN"}:
        return None
    return None if has_finite(doc, start, end) else (start, end)


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
            spk = _with_name_after(doc, right_np(doc, a + 1, ceil=comma_after), a + 2, comma_after)
            frame_end = comma_after if spk is None else max(spk[1], min(comma_after, hi))
            frame_end = min(frame_end, comma_after)
            left = _trim(doc, lo, a)
            right = _trim(doc, frame_end, hi)
            longer = _content_words(doc, *left) >= _content_words(doc, *right)
            clause = _content_words(doc, *left) >= CLAUSE_WORDS and has_finite(doc, *left) and _goes_on(doc, *right)
            content = left if longer or clause else right
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
