"""Outlets and channels: *told VICE News*, *told AP*, *in a statement*, *on Twitter*, *wrote in X*.

The known outlets and their aliases live in ``data/outlets.tsv`` (read through the lexicon).
"""

from __future__ import annotations

from .lexicon import Lexicon, normalize
from .model import Outlet, OutletKind
from .nlp import ParsedDoc

__all__ = ["find_outlet"]

CHANNEL_NOUNS: dict[str, OutletKind] = {
    "statement": OutletKind.STATEMENT,
    "release": OutletKind.STATEMENT,
    "email": OutletKind.STATEMENT,
    "e-mail": OutletKind.STATEMENT,
    "letter": OutletKind.STATEMENT,
    "memo": OutletKind.STATEMENT,
    "filing": OutletKind.STATEMENT,
    "communique": OutletKind.STATEMENT,
    "speech": OutletKind.STATEMENT,
    "interview": OutletKind.INTERVIEW,
    "tweet": OutletKind.SOCIAL_MEDIA,
    "post": OutletKind.SOCIAL_MEDIA,
}
_NEWS_WORDS = frozenset(
    {
        "news",
        "times",
        "post",
        "journal",
        "tv",
        "radio",
        "magazine",
        "network",
        "daily",
        "herald",
        "tribune",
        "press",
        "agency",
    }
)
_TELL = frozenset({"tell", "write", "speak", "talk", "say"})
_PREPS = frozenset({"in", "on", "to", "with", "via"})
# words after a cue where an outlet may stand ("told AP", "said in a statement on Tuesday")
WINDOW = 8


def _lookup(lex: Lexicon, phrase: str) -> Outlet | None:
    entry = lex.outlet_index.get(normalize(phrase))
    if entry is None:
        return None
    return Outlet(entry.name, phrase, OutletKind(entry.kind))


def _proper_run(doc: ParsedDoc, j: int, hi: int) -> int:
    k = j
    while k < hi and (doc.words[k].text[:1].isupper() or doc.words[k].text in {"'s", "’s", "-", "&"}):
        k += 1
    return k


def find_outlet(
    doc: ParsedDoc, cue: tuple[int, int] | None, *, lex: Lexicon, exclude: tuple[int, int] | None = None
) -> Outlet | None:
    """Find the outlet or channel of the attribution whose cue is the word range ``cue``.

    Looks at the words just after the cue, and at a sentence-initial "In a statement," frame.
    Words inside ``exclude`` (the content, as characters) are skipped.
    """
    if cue is None:
        return None
    c = cue[0]
    sent = doc.sentences[doc.words[c].sent]
    lo, hi = sent.first, sent.last

    def outside(j: int) -> bool:
        return exclude is None or not (exclude[0] <= doc.words[j].start < exclude[1])

    text = doc.text
    cue_lemma = doc.words[c].lemma.lower()
    positions = [j for j in range(cue[1], min(hi, cue[1] + WINDOW)) if outside(j)]
    positions += [j for j in range(max(lo, c - WINDOW), c) if outside(j)]
    for j in positions:
        w = doc.words[j]
        low = w.lower_text()
        # told AP / told VICE News
        if j == cue[1] and cue_lemma in _TELL and w.text[:1].isupper():
            end = _proper_run(doc, j, hi)
            phrase = text[w.start : doc.words[end - 1].end]
            found = _lookup(lex, phrase)
            if found:
                return found
            if any(x.lower_text() in _NEWS_WORDS for x in doc.words[j:end]):
                return Outlet(phrase, phrase, OutletKind.OTHER)
        if low in _PREPS and j + 1 < hi:
            k = j + 1
            while k < hi and doc.words[k].upos in {"DET", "ADJ"} and not doc.words[k].text[:1].isupper():
                k += 1
            if k >= hi:
                continue
            x = doc.words[k]
            noun = x.lemma.lower()
            if noun in CHANNEL_NOUNS and x.text[:1].islower():
                kind = CHANNEL_NOUNS[noun]
                mention = text[w.start : x.end]
                # "in an interview with CNN"
                if k + 2 < hi and doc.words[k + 1].lower_text() in {"with", "on", "to"}:
                    end = _proper_run(doc, k + 2, hi)
                    if end > k + 2:
                        phrase = text[doc.words[k + 2].start : doc.words[end - 1].end]
                        found = _lookup(lex, phrase)
                        if found:
                            return Outlet(found.name, text[w.start : doc.words[end - 1].end], found.kind)
                if noun == "tweet":
                    return Outlet("Twitter", mention, OutletKind.SOCIAL_MEDIA)
                return Outlet(noun, mention, kind)
            if x.text[:1].isupper():
                end = _proper_run(doc, k, hi)
                phrase = text[x.start : doc.words[end - 1].end]
                found = _lookup(lex, phrase)
                if found and (low != "to" or cue_lemma in _TELL):
                    return Outlet(found.name, phrase, found.kind)
    return None
