"""A headline's "Name: claim": *Sanders: Clinton needs to 'get away from all of this personality
stuff'* attributes the claim to the person named before the colon.

Only a person the article names in its body, where the NER tags that name a person, speaks so;
a label ("Poll:", "The Latest:", "WATCH:") never does.
"""

from __future__ import annotations

import re

from ..gender import PERSON_TAGS
from ..model import QuoteKind
from ..nlp import ParsedDoc
from .candidate import Candidate
from .direct import word_range

__all__ = ["find_headline_label"]

# "Rush Limbaugh: Hillary Asking Moderator To Fact Check Trump ‘Reeks of Fear.’"
_LABEL = re.compile(r"([A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,2}):[ \t]+(\S.*?)\s*$")
# Fewest words a headline claim must have.
MIN_CLAIM_WORDS = 3


def find_headline_label(doc: ParsedDoc) -> list[Candidate]:
    """The headline's "Name: claim" as one attribution (cue: the colon), or nothing."""
    line_end = doc.text.find("\n")
    headline = doc.text[: line_end if line_end >= 0 else len(doc.text)]
    m = _LABEL.match(headline)
    if m is None or len(m.group(2).split()) < MIN_CLAIM_WORDS or not _named_in_body(doc, m.group(1), len(headline)):
        return []
    content_end = m.end(2) - (1 if m.group(2).endswith(".") else 0)
    speaker = word_range(doc, m.start(1), m.end(1))
    cue = word_range(doc, m.end(1), m.end(1) + 1)
    if speaker[0] >= speaker[1] or cue[0] >= cue[1]:
        return []
    kind = QuoteKind.MIXED if any(ch in m.group(2) for ch in "“”\"'‘") else QuoteKind.INDIRECT
    sent = doc.words[speaker[0]].sent
    return [
        Candidate(
            kind, m.start(2), content_end, sent, cue=cue, cue_lemma=":", speaker=speaker, frame=speaker, confidence=0.7
        )
    ]


def _named_in_body(doc: ParsedDoc, name: str, body_start: int) -> bool:
    """Whether the name's last word is a person's name the NER tags in the article's body."""
    last = name.split()[-1]
    return any(w.text == last and w.ner in PERSON_TAGS and w.start > body_start for w in doc.words)
