"""A person's gender as the article states it: its pronouns, honorifics and gendered role words.

Never guessed from a first name (no name lists): *Noah Bonsey … he said* is male; *Ms. Lopez*
is female; a person the text refers to only by name is ``unknown``.  This is what
source-diversity counts need, from the text alone.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Protocol

from .lexicon import Lexicon
from .model import Gender
from .nlp import ParsedDoc, word_at

__all__ = ["PERSON_TAGS", "stated_gender"]

PERSON_TAGS = frozenset({"PER", "PERSON"})
# How many words after a mention of the person a pronoun may refer back to it.
PRONOUN_REACH = 25
_PRONOUNS = frozenset({"he", "him", "his", "himself", "she", "her", "hers", "herself"})
_HONORIFIC = re.compile(r"\b(Mr|Mrs|Ms|Miss|Sir|Dame|Lady|Lord|Madam)\b\.?\s+(?:[A-Z][\w'’-]*\s+){0,2}?$")


class _Person(Protocol):
    name: str
    role: str | None
    aliases: list[str]
    pronouns: list[str]


def stated_gender(doc: ParsedDoc, person: _Person, lex: Lexicon) -> Gender:
    """``female``, ``male`` or ``unknown`` by majority of what the article says of this person."""
    votes: Counter[str] = Counter()
    for p in person.pronouns:
        if p in lex.gendered:
            votes[lex.gendered[p]] += 2
    for word in (person.role or "").lower().split():
        if word in lex.gendered:
            votes[lex.gendered[word]] += 2
    surname = person.name.split()[-1] if person.name.split() else ""
    for pos in _occurrences(doc.text, surname):
        m = _HONORIFIC.search(doc.text[max(0, pos - 40) : pos])
        if m is not None:
            votes[lex.gendered.get(m.group(1).lower(), "")] += 3
        g = _next_pronoun(doc, pos, surname, lex)
        if g:
            votes[g] += 1
    votes.pop("", None)
    if not votes:
        return Gender.UNKNOWN
    (top, n), *rest = votes.most_common()
    if rest and rest[0][1] == n:
        return Gender.UNKNOWN
    return Gender(top)


def _occurrences(text: str, surname: str) -> list[int]:
    if len(surname) < 2:
        return []
    return [m.start() for m in re.finditer(rf"(?<![\w-]){re.escape(surname)}(?![\w-])", text)]


def _next_pronoun(doc: ParsedDoc, pos: int, surname: str, lex: Lexicon) -> str | None:
    """The first third-person pronoun after this mention, unless another person is named first."""
    idx = word_at(doc, pos)
    if idx is None:
        return None
    sent = doc.words[idx].sent
    for w in doc.words[idx + 1 : idx + 1 + PRONOUN_REACH]:
        if w.sent > sent + 1:
            return None
        if w.ner in PERSON_TAGS and w.text != surname and w.text[:1].isupper() and not _quoted(doc, w.start):
            return None  # another person named first (a name inside a quotation is not the next antecedent)
        if w.lower_text() in _PRONOUNS and not _quoted(doc, w.start):
            return lex.gendered.get(w.lower_text())
    return None


def _quoted(doc: ParsedDoc, pos: int) -> bool:
    """Inside a quotation in its paragraph: a speaker's *he* there is someone else."""
    start = doc.text.rfind("\n", 0, pos) + 1
    before = doc.text[start:pos]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1
