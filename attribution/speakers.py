"""Speaker mentions: split the words of a speaker into name, kind, role and affiliation.

"Noah Bonsey Senior Analyst, Syria with International Crisis Group" -> name *Noah Bonsey*,
role *Senior Analyst, Syria*, affiliation *International Crisis Group*; "The UK-based Syrian
Observatory for Human Rights" -> organisation, role *UK-based*; "local activists" -> group.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import Lexicon
from .model import SourceKind
from .nlp import ParsedDoc

__all__ = ["PRONOUN_KINDS", "MentionInfo", "acronym", "appositive_roles", "describe_mention"]

PRONOUN_KINDS: dict[str, SourceKind] = {
    "he": SourceKind.PERSON,
    "she": SourceKind.PERSON,
    "him": SourceKind.PERSON,
    "her": SourceKind.PERSON,
    "i": SourceKind.PERSON,
    "it": SourceKind.ORGANIZATION,
    "they": SourceKind.GROUP,
    "we": SourceKind.GROUP,
    "you": SourceKind.GROUP,
    "who": SourceKind.PERSON,
}
_AFFILIATION_PREPS = frozenset({"with", "at", "of", "for", "from", "in"})
_FUNCTION = frozenset({"for", "of", "and", "the", "on", "in", "at", "to", "de", "du", "des", "la", "le", "&"})
_NAME_PARTICLES = frozenset(
    {"al", "el", "de", "da", "van", "von", "bin", "ibn", "der", "den", "la", "le", "du", "-", "."}
)
_DETERMINERS = frozenset(
    {"the", "a", "an", "this", "that", "these", "those", "some", "many", "several", "two", "three"}
)
_WORD = re.compile(r"[A-Za-z][\w’'.-]*")


@dataclass(frozen=True, slots=True)
class MentionInfo:
    """What a speaker's words say: the name part, kind, role, affiliation, whether a pronoun."""

    mention: str
    start: int
    end: int
    name: str
    kind: SourceKind
    role: str | None = None
    affiliation: str | None = None
    pronoun: bool = False
    nominal: bool = False  # "the analyst", "the group": resolved like a pronoun


def acronym(name: str) -> str | None:
    """Derive the acronym of an organisation name from its content words.

    Examples:
        >>> acronym("Syrian Observatory for Human Rights")
        'SOHR'
        >>> acronym("International Crisis Group")
        'ICG'
        >>> acronym("Reuters") is None
        True
    """
    words = [w for w in re.split(r"[\s-]+", name) if w]
    caps = [w for w in words if w[:1].isupper() and w.lower() not in _FUNCTION]
    if len(caps) < 2 or len(caps) != len([w for w in words if w.lower() not in _FUNCTION]):
        return None
    return "".join(w[0] for w in caps).upper()


def _is_cap(tok: str) -> bool:
    return tok[:1].isupper()


def describe_mention(doc: ParsedDoc, span: tuple[int, int], *, lex: Lexicon, context: str = "") -> MentionInfo:
    """Describe the speaker words ``span`` (word range).  ``context`` is the text that follows the
    span in its sentence ("… who asked not to be named")."""
    words = doc.words[span[0] : span[1]]
    text = doc.text
    start, end = words[0].start, words[-1].end
    mention = text[start:end]
    toks = [w.text for w in words]
    lows = [w.lower_text() for w in words]
    if len(words) == 1 and lows[0] in PRONOUN_KINDS:
        return MentionInfo(mention, start, end, mention, PRONOUN_KINDS[lows[0]], pronoun=True)
    around = f"{mention.lower()} {context.lower()}"
    if any(p in around for p in lex.anonymous_phrases):
        return MentionInfo(mention, start, end, _strip_det(mention), SourceKind.ANONYMOUS)
    # possessive affiliation: "ICG's senior analyst Noah Bonsey"
    affiliation = None
    if "'s" in lows:
        k = lows.index("'s")
        owner = [t for t in lows[:k] if t not in _DETERMINERS]
        if (
            0 < len(owner) <= 5
            and all(_is_cap(t) or t.lower() in _FUNCTION for t in toks[:k] if t.lower() not in _DETERMINERS)
            and k + 1 < len(words)
            and (lows[k + 1] in lex.title_words or _is_cap(toks[k + 1]))
        ):
            affiliation = _strip_det(_join(text, words[:k]))
            words, toks, lows = words[k + 1 :], toks[k + 1 :], lows[k + 1 :]
    # apposition after a comma, when what follows starts like one ("Noah Bonsey, a senior analyst …")
    appos: list[str] = []
    if "," in toks:
        k = toks.index(",")
        nxt = words[k + 1] if k + 1 < len(words) else None
        if nxt is not None and (nxt.text[:1].islower() or lows[k + 1] in lex.title_words):
            appos = toks[k + 1 :]
            words, toks, lows = words[:k], toks[:k], lows[:k]
    # leading determiners
    i = 0
    while i < len(toks) and lows[i] in _DETERMINERS:
        i += 1
    if i >= len(words):
        return MentionInfo(mention, start, end, _strip_det(mention), SourceKind.GROUP)
    # a plural common noun first: a group ("local activists", "Activists in and around …")
    h0 = i
    while h0 < len(words) and words[h0].upos == "ADJ" and not _is_cap(toks[h0]):
        h0 += 1
    if (
        h0 < len(words)
        and words[h0].upos in {"NOUN", "PROPN"}
        and (words[h0].lemma.lower() in lex.group_nouns or lows[h0][:-1] in lex.group_nouns)
        and lows[h0].endswith("s")
    ):
        name = _join(text, words[i : h0 + 1])
        name = name[:1].lower() + name[1:]
        kind = (
            SourceKind.ANONYMOUS
            if words[h0].lemma.lower() in lex.anonymous_words and "source" in lows[h0]
            else SourceKind.GROUP
        )
        return MentionInfo(mention, start, end, name, kind)
    # title words before the name ("senior analyst Noah Bonsey", "President Obama")
    j = i
    while j < len(toks) and lows[j] in lex.title_words:
        j += 1
    # the name: a run of capitalised words (with particles), stopping at a title word
    k = j
    while k < len(toks) and (
        (_is_cap(toks[k]) and lows[k] not in lex.title_words) or (lows[k] in _NAME_PARTICLES and k > j)
    ):
        k += 1
    run = words[j:k]
    has_org_word = any(low in lex.org_words for low in lows[j:k])
    person = bool(run) and (
        any(w.ner == "PER" for w in run)
        or (all(w.upos == "PROPN" for w in run) and not has_org_word and not any(w.ner == "ORG" for w in run))
    )
    if person:
        name = _join(text, run)
        role, aff = _role_and_affiliation(text, words[k:], lex)
        if appos:
            arole, aaff = _split_appos(appos, lex)
            role = role or arole
            aff = aff or aaff
        role_words = [w.text for w in words[i:j]]
        if not role and role_words and not all(r.lower() in lex.honorifics for r in role_words):
            role = " ".join(role_words)
        return MentionInfo(mention, start, end, name, SourceKind.PERSON, role=role, affiliation=affiliation or aff)
    # "Crisis Group senior analyst Noah Bonsey": a person's name after title words, or tagged PER
    named = _person_after_titles(words, lows, lex, start=i)
    if named is not None:
        n0, n1, t0 = named
        role = _join(text, words[t0:n0]) or None
        aff = _strip_det(_join(text, words[i:t0])) or None
        return MentionInfo(
            mention,
            start,
            end,
            _join(text, words[n0:n1]),
            SourceKind.PERSON,
            role=role,
            affiliation=affiliation or (aff if aff and _is_cap(aff) else None),
        )
    is_org = any(low in lex.org_words for low in lows[i:]) or any(w.ner in {"ORG", "LOC", "MISC"} for w in words[i:])
    if is_org and any(_is_cap(t) for t in toks[i:]):
        # "The UK-based Syrian Observatory for Human Rights": the name is the capitalised tail
        # (function words allowed inside); lower-case modifiers before it are a role
        m = len(toks)
        while m > i and (_is_cap(toks[m - 1]) or (lows[m - 1] in _FUNCTION and m < len(toks))):
            m -= 1
        while m < len(toks) and lows[m] in _FUNCTION:
            m += 1
        if m < len(toks):
            name = _join(text, words[m:])
            role = _join(text, words[i:m]) or None
            return MentionInfo(mention, start, end, name, SourceKind.ORGANIZATION, role=role, affiliation=affiliation)
    # a common-noun phrase: anonymous, group, or a nominal ("the analyst")
    head_i = next(
        (
            n
            for n in range(i, len(words))
            if words[n].upos in {"NOUN", "PROPN"}
            and (n + 1 == len(words) or words[n + 1].upos not in {"NOUN", "PROPN"})
        ),
        len(words) - 1,
    )
    head = words[head_i].lemma.lower()
    name = _join(text, words[i : head_i + 1]) or mention
    if words[i].upos != "PROPN":
        name = name[:1].lower() + name[1:]
    plural = lows[head_i].endswith("s")
    if head in lex.anonymous_words and (not plural or lows[0] in {"a", "an", "one"}):
        return MentionInfo(mention, start, end, name, SourceKind.ANONYMOUS)
    if lows[:1] == ["the"] and head_i - i <= 2 and not plural:
        kind = SourceKind.ORGANIZATION if head in lex.org_words else SourceKind.PERSON
        return MentionInfo(mention, start, end, name, kind, nominal=True)
    if head in lex.title_words and not plural:
        return MentionInfo(mention, start, end, name, SourceKind.ANONYMOUS, role=name)
    if head in lex.org_words:
        return MentionInfo(mention, start, end, name, SourceKind.ORGANIZATION)
    return MentionInfo(mention, start, end, name, SourceKind.GROUP)


def _person_after_titles(words: list, lows: list[str], lex: Lexicon, *, start: int) -> tuple[int, int, int] | None:
    """Find ``(name_start, name_end, titles_start)`` of a person name that follows title words."""

    def descriptor(k: int) -> bool:  # "senior analyst", "trader", "Democratic strategist"
        return lows[k] in lex.title_words or (words[k].upos == "NOUN" and words[k].text.islower())

    for n in range(start + 1, len(words)):
        if descriptor(n - 1) and _is_cap(words[n].text) and lows[n] not in lex.title_words:
            e = n
            while (
                e < len(words)
                and (_is_cap(words[e].text) or lows[e] in _NAME_PARTICLES)
                and lows[e] not in lex.title_words
            ):
                e += 1
            if not any(w.ner == "PER" or w.upos == "PROPN" for w in words[n:e]):
                return None
            t = n - 1
            while t > start and (descriptor(t - 1) or words[t - 1].upos == "ADJ"):
                t -= 1
            return n, e, t
    return None


def _join(text: str, words: list) -> str:
    if not words:
        return ""
    return text[words[0].start : words[-1].end]


def _strip_det(s: str) -> str:
    parts = s.split()
    while parts and parts[0].lower() in {"the", "a", "an"}:
        parts = parts[1:]
    return " ".join(parts) or s


def _role_and_affiliation(text: str, rest: list, lex: Lexicon) -> tuple[str | None, str | None]:
    """ "Senior Analyst, Syria with International Crisis Group" -> role, affiliation."""
    if not rest:
        return None, None
    for n, w in enumerate(rest):
        nxt = n + 2 if n + 2 < len(rest) and rest[n + 1].lower_text() == "the" else n + 1
        if w.lower_text() in _AFFILIATION_PREPS and nxt < len(rest) and _is_cap(rest[nxt].text):
            role = _join(text, rest[:n]).strip(" ,") or None
            aff = _strip_det(_join(text, rest[n + 1 :]).strip(" ,")) or None
            return role, aff
    joined = _join(text, rest).strip(" ,")
    if rest[0].lower_text() in lex.title_words:
        return joined or None, None
    return None, None


def _split_appos(toks: list[str], lex: Lexicon) -> tuple[str | None, str | None]:
    """ "a senior analyst at the International Crisis Group" -> role, affiliation."""
    lows = [t.lower() for t in toks]
    while lows and lows[0] in _DETERMINERS:
        toks, lows = toks[1:], lows[1:]
    for n, low in enumerate(lows):
        if low in _AFFILIATION_PREPS and n + 1 < len(toks):
            aff = _strip_det(" ".join(toks[n + 1 :]))
            return (" ".join(toks[:n]) or None), (aff if aff[:1].isupper() else None)
    if any(low in lex.title_words for low in lows):
        return " ".join(toks) or None, None
    return None, None


def appositive_roles(doc: ParsedDoc, *, lex: Lexicon) -> dict[str, tuple[str | None, str | None]]:
    """Find roles and affiliations stated anywhere in the article.

    "Noah Bonsey, a senior analyst at the International Crisis Group, …" gives
    ``{"Noah Bonsey": ("senior analyst", "International Crisis Group")}``.
    """
    out: dict[str, tuple[str | None, str | None]] = {}
    words = doc.words
    n = len(words)
    i = 0
    while i < n:
        if words[i].upos != "PROPN":
            i += 1
            continue
        j = i
        while j < n and words[j].upos == "PROPN" and words[j].sent == words[i].sent:
            j += 1
        if j - i >= 2 and j < n and words[j].text == "," and words[j].sent == words[i].sent:
            k = j + 1
            while k < n and words[k].sent == words[i].sent and words[k].text not in {",", ";", "—", "(", ")"}:
                k += 1
            toks = [w.text for w in words[j + 1 : k]]
            if 1 <= len(toks) <= 12 and toks[0].lower() in {"a", "an", "the"} | lex.title_words:
                role, aff = _split_appos(toks, lex)
                if role:
                    name = doc.text[words[i].start : words[j - 1].end]
                    out.setdefault(name, (role, aff))
        i = j
    return out
