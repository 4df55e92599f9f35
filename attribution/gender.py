"""A person's gender as the article states it: its pronouns, honorifics and gendered role words.

Never guessed from a first name (no name lists): *Noah Bonsey … he said* is male; *Ms. Lopez*
is female; a person the text refers to only by name is ``unknown``.  This is what
source-diversity counts need, from the text alone.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from .lexicon import TIME_NOUNS, Lexicon
from .model import Gender
from .nlp import ParsedDoc, word_at

__all__ = ["PERSON_TAGS", "GenderEvidence", "open_quotation"]

PERSON_TAGS = frozenset({"PER", "PERSON"})
# How many words before a pronoun a person it may refer to can be named (in its sentence or the one before).
PRONOUN_REACH = 50
GENDERED_PRONOUNS = frozenset({"he", "him", "his", "himself", "she", "her", "hers", "herself"})
_HONORIFIC = re.compile(r"\b(Mr|Mrs|Ms|Miss|Sir|Dame|Lady|Lord|Madam)\b\.?\s+(?:[A-Z][\w'’-]*\s+){0,2}?$")
_PREPOSITIONS = frozenset(
    {"of", "for", "to", "with", "about", "against", "by", "from", "at", "on", "in", "into", "toward", "over", "among"}
)
_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "their", "its", "this", "that"})


class _Person(Protocol):
    name: str
    role: str | None
    aliases: list[str]
    pronouns: list[str]
    described: list[str]


@dataclass(frozen=True, slots=True)
class _Referent:
    """Someone a later pronoun may refer to: a named person (``key``: the surname), a person
    described (*the woman*, *the Republican nominee*: no key) or an earlier pronoun (``key``:
    whom it was tied to, if anyone)."""

    word: int
    key: str | None
    gender: str | None
    pronoun: bool = False
    oblique: bool = False  # after a preposition ("the rise of Donald Trump"): never the nearest


class GenderEvidence:
    """What one article says of its persons' genders, read once.

    A pronoun counts for a person only when that person is the one referent it can have: among
    the persons named or described in its sentence and the one before (outside quotations), and
    the earlier pronouns of its gender there, none other is left once those the article gives the
    other gender are set aside (two passes: what the unambiguous pronouns say settles the rest).
    *Sanders told MSNBC that nobody would question her intelligence* after a sentence naming
    Hillary Clinton says nothing of Sanders."""

    def __init__(
        self,
        doc: ParsedDoc,
        lex: Lexicon,
        persons: list[tuple[int, str]],
        quoted: Sequence[tuple[int, int]] = (),
        told: Sequence[tuple[int, int]] = (),
    ) -> None:
        """``quoted``: the direct quotations; ``told``: quoted passages that tell, whose pronouns
        and names count (outside the quotations inside them)."""
        self.doc, self.lex, self.quoted, self.told = doc, lex, quoted, told
        full = {name.lower() for _, name in persons if len(name.split()) >= 2}
        named = _named(doc, {_key(name) for _, name in persons} - {""}, full, told)
        refs = sorted(named + _described(doc, lex, told), key=lambda r: r.word)
        self.votes = self._honorifics({r.key for r in named if r.key})
        first = self._pronoun_votes(refs, {}, sure=True)
        known = {k: g for k in {*first, *self.votes} if (g := _majority(first[k] + self.votes[k])) != "unknown"}
        for k, v in self._pronoun_votes(refs, known).items():
            self.votes[k] += v

    def _honorifics(self, keys: set[str]) -> dict[str, Counter[str]]:
        """*Mr. Trump*, *Ms. Lopez*: three whole votes each, wherever the name is written."""
        votes: dict[str, Counter[str]] = defaultdict(Counter)
        for key in keys:
            for pos in _occurrences(self.doc.text, key):
                m = _HONORIFIC.search(self.doc.text[max(0, pos - 40) : pos])
                if m is not None and (g := self.lex.gendered.get(m.group(1).lower())):
                    votes[key][g] += 6
        return votes

    def _pronoun_votes(
        self, refs: list[_Referent], known: dict[str, str], *, sure: bool = False
    ) -> dict[str, Counter[str]]:
        """Each pronoun outside quotations, in order, counts for the nearest referent it may have
        (its sentence and the one before): a whole vote when no other referent is there, half a
        vote when one is (``sure``: no vote then); none when the nearest is a person described, not
        named."""
        votes: dict[str, Counter[str]] = defaultdict(Counter)
        seen = list(refs)
        for w in self.doc.words:
            low = w.lower_text()
            if low not in GENDERED_PRONOUNS or _quoted(self.doc, w.start, self.told) or _within(w.start, self.quoted):
                continue
            want = self.lex.gendered[low]
            window = [r for r in seen if r.word < w.i and _near(self.doc, r.word, w.i) and _may_be(r, want, known)]
            nearest = max((r for r in window if not r.oblique), key=lambda r: r.word, default=None)
            key = nearest.key if nearest is not None else None
            alone = bool(key) and all(r.key == key for r in window)
            alone = alone or (bool(key) and not nearest.pronoun and _clause_subject(self.doc, nearest.word, w.i))
            if key:
                votes[key][want] += 2 if alone else 0 if sure else 1
            seen.append(_Referent(w.i, key if alone else None, want, pronoun=True))  # tied only when sure
        return votes

    def of(self, person: _Person) -> Gender:
        """``female``, ``male`` or ``unknown`` by majority of what the article says of this person."""
        votes: Counter[str] = Counter()
        for p in person.pronouns:
            if p in self.lex.gendered:
                votes[self.lex.gendered[p]] += 4
        described = [w for a in [person.name, *person.described] for w in _described_as(a)]
        for word in [*(person.role or "").lower().split(), *described]:
            word = word.rsplit("-", 1)[-1]  # "ex-wife"
            if word in self.lex.gendered:
                votes[self.lex.gendered[word]] += 4
        toks = person.name.lower().split()
        tails = [" ".join([*toks[i:-1], _key(person.name)]) for i in range(len(toks))]  # as written, in full or not
        found = [self.votes[k] for k in tails if self.votes.get(k)]
        if not found:  # "Mr. Ban" for Ban Ki-moon
            found = [self.votes[k] for k in toks[:-1] if self.votes.get(k)][:1]
        for v in found:
            votes += v
        return Gender(_majority(votes))


def _described_as(name: str) -> list[str]:
    """The words of a description before its first preposition: *ex-wife of GOP presidential
    nominee* -> *ex-wife*; none from a proper name (*Martin Luther King* is no king)."""
    if not name[:1].islower():
        return []
    words = []
    for w in name.lower().split():
        if w in _PREPOSITIONS:
            break
        words.append(w)
    return words


def _key(name: str) -> str:
    toks = name.split()
    return re.sub(r"[’']s$", "", toks[-1]).strip(".,").lower() if toks else ""


def _majority(votes: Counter[str]) -> str:
    """The gender with most votes, if it has a whole vote (two halves: two pronouns that may each
    be someone else's)."""
    ranked = [(g, n) for g, n in votes.most_common() if n > 0]
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return "unknown"
    return ranked[0][0]


def _may_be(r: _Referent, want: str, known: dict[str, str]) -> bool:
    """Whether the pronoun may refer to this referent: never one the article gives the other gender."""
    if r.pronoun or r.key is None:
        return r.gender in {None, want}
    return known.get(r.key, want) == want


def _near(doc: ParsedDoc, i: int, j: int) -> bool:
    """Whether a referent at word ``i`` is close enough before a pronoun at ``j`` (never the
    headline for the first sentence after it)."""
    a, b = doc.words[i].sent, doc.words[j].sent
    return j - i <= PRONOUN_REACH and (a == b or (b - a == 1 and a > 0))


def _named(doc: ParsedDoc, keys: set[str], full: set[str], told: Sequence[tuple[int, int]]) -> list[_Referent]:
    """Every place a person's surname is written outside quotations (the NER misses many), for
    the names the NER calls a person somewhere in the article; written with a first name the
    article gives in ``full`` ("Melania Trump"), the key is the full name (a *her* after it says
    nothing of Donald Trump)."""
    tagged = {_key(w.text) for w in doc.words if w.ner in PERSON_TAGS}
    out = []
    for key in (keys & tagged) - TIME_NOUNS:
        for pos in _occurrences(doc.text, key):
            k = word_at(doc, pos)
            if k is None or not doc.words[k].text[:1].isupper():
                continue
            if not _quoted(doc, pos, told):
                out.append(_Referent(k, _full_key(doc, k, key, full), None, oblique=_after_preposition(doc, k)))
    return out


def _full_key(doc: ParsedDoc, k: int, key: str, full: set[str]) -> str:
    j = k
    while j > 0 and doc.words[j - 1].text[:1].isupper() and doc.words[j - 1].sent == doc.words[k].sent and k - j < 3:
        j -= 1
        name = " ".join(w.text for w in doc.words[j : k + 1]).lower()
        if name in full:
            return name
    return key


def _clause_subject(doc: ParsedDoc, name: int, pronoun: int) -> bool:
    """Whether the name (its last word at ``name``) is the subject of a clause a possessive or
    object pronoun is in, no other subject between them in the parse ("De Miranda beautifully
    evokes … in his introduction"; not "Sanders told MSNBC that nobody would question her
    intelligence")."""
    if doc.words[name].sent != doc.words[pronoun].sent or not doc.sentences[doc.words[name].sent].parsed:
        return False
    if doc.words[pronoun].deprel.startswith("nsubj"):
        return False  # a subject pronoun is its own clause's subject ("Trump was waving, and she was …")
    first = name
    while first > 0 and doc.words[first - 1].text[:1].isupper() and doc.words[first - 1].sent == doc.words[name].sent:
        first -= 1
    k, steps = doc.words[pronoun].head, 0
    while k >= 0 and steps < 12:
        subjects = [g for g in doc.children(k) if doc.words[g].deprel in {"nsubj", "nsubj:pass"} and g != pronoun]
        if any(first <= g <= name for g in subjects):
            return True
        if subjects:
            return False  # another subject's clause
        k, steps = doc.words[k].head, steps + 1
    return False


def _after_preposition(doc: ParsedDoc, k: int) -> bool:
    """Whether the name ending at word ``k`` follows a preposition ("for Trump", "of Donald Trump")."""
    j = k - 1
    while j >= 0 and doc.words[j].text[:1].isupper() and doc.words[j].sent == doc.words[k].sent:
        j -= 1
    if j >= 0 and (doc.words[j].upos == "ADP" or doc.words[j].lower_text() in _PREPOSITIONS):
        return True
    return _apposed_to_oblique(doc, k)


def _apposed_to_oblique(doc: ParsedDoc, k: int) -> bool:
    """ "overseen by former U.N. secretary general Kofi Annan": a name right after a title that a
    preposition governs, apposed to it, is oblique too (by the parse, when its sentence has one)."""
    h = k
    for _ in range(4):  # the name's parts hang on its first word
        if doc.words[h].deprel not in {"flat", "flat:name", "compound"} or doc.words[h].head < 0:
            break
        h = doc.words[h].head
    if doc.words[h].deprel != "appos" or doc.words[h].head < 0:
        return False
    title = doc.words[h].head
    if not doc.words[title].deprel.startswith(("obl", "nmod")) or doc.words[title].deprel == "nmod:poss":
        return False
    if title > h or any(doc.words[j].upos == "PUNCT" for j in range(title + 1, h)):
        return False  # "At the news conference, Manafort …": a comma parts them, the parse is not trusted
    return any(doc.words[c].deprel == "case" and doc.words[c].upos == "ADP" and c < title for c in doc.children(title))


def _described(doc: ParsedDoc, lex: Lexicon, told: Sequence[tuple[int, int]]) -> list[_Referent]:
    """Persons described, not named: *the woman*, *to the Republican nominee* (not a title before a
    name, *nominee Donald Trump*, nor an apposition after one, *Noah Bonsey, a senior analyst*)."""
    out = []
    words = doc.words
    for w in words:
        low = w.lower_text()
        gender = lex.gendered.get(low)
        if low in lex.honorifics or low in GENDERED_PRONOUNS or (gender is None and low not in lex.title_words):
            continue
        det = next((j for j in range(w.i - 1, max(w.i - 4, -1), -1) if words[j].lower_text() in _DETERMINERS), None)
        if det is None or any(x.text in {",", "(", "—"} for x in words[det : w.i]) or _quoted(doc, w.start, told):
            continue
        if w.i + 1 < len(words) and words[w.i + 1].text[:1].isupper() and words[w.i + 1].upos != "PUNCT":
            continue  # a title before a name
        if det > 1 and words[det - 1].text == "," and words[det - 2].ner in PERSON_TAGS:
            continue  # an apposition: the name's own description
        out.append(_Referent(w.i, None, gender))
    return out


def _occurrences(text: str, surname: str) -> list[int]:
    if len(surname) < 2:
        return []
    return [m.start() for m in re.finditer(rf"(?<![\w-]){re.escape(surname)}(?![\w-])", text, re.IGNORECASE)]


def _quoted(doc: ParsedDoc, pos: int, told: Sequence[tuple[int, int]] = ()) -> bool:
    """Inside a quotation in its paragraph (a speaker's *he* there is someone else), or in one
    inside a passage that tells."""
    passage = next((a for a, b in told if a <= pos < b), None)
    start = doc.text.rfind("\n", 0, pos) + 1 if passage is None else passage
    return open_quotation(doc.text[start:pos])


def open_quotation(before: str) -> bool:
    """Whether a quotation opened in ``before`` (curly or straight marks) is still open at its end."""
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _within(pos: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)
