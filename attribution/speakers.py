"""Speaker mentions: split the words of a speaker into name, kind, role and affiliation.

"Noah Bonsey Senior Analyst, Syria with International Crisis Group" -> name *Noah Bonsey*,
role *Senior Analyst, Syria*, affiliation *International Crisis Group*; "The UK-based Syrian
Observatory for Human Rights" -> organisation, role *UK-based*; "local activists" -> group.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from . import names
from .gender import PERSON_TAGS
from .lexicon import KIN_NOUNS, NAME_PARTICLES, Lexicon, default_lexicon
from .model import SourceKind
from .nlp import ParsedDoc, Word

__all__ = ["PRONOUN_KINDS", "MentionInfo", "acronym", "anonymity_reason", "appositive_roles", "describe_mention"]

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
_DETERMINERS = frozenset(
    {"the", "a", "an", "this", "that", "these", "those", "some", "many", "several", "two", "three",
     "my", "our", "your", "his", "her", "their", "its"}
)  # fmt: skip
# Quantities before "of": the people are the noun after it ("a number of analysts", "a majority of voters").
_QUANTITIES = frozenset(
    {"number", "majority", "minority", "group", "groups", "couple", "lot", "handful", "dozens", "hundreds", "thousands",
     "millions", "most", "all", "both", "few", "none", "half", "percent", "share", "third", "quarter"}
)  # fmt: skip
# Agent nouns name people: "researchers", "protesters", "advocates", "residents", "survivors".
_AGENT = re.compile(r"(er|or|ist|ian|ant|ent|ee|man|woman|men|women|person|people|ive|ary|crat|aut|al)$")


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
    anonymity_reason: str | None = None
    thing: bool = False  # a thing, not a known kind of document ("the data", "the revision")
    owner: MentionInfo | None = None  # "Her daughter", "Ivana Trump's brief": named "daughter of <owner>"
    parts: tuple[str, ...] = ()  # a conjoined speaker's conjuncts ("Joseph", "community members")
    content: tuple[int, int] | None = None  # what it says (characters): names there are no antecedent


def acronym(name: str) -> str | None:
    """Derive an organisation's acronym (see :func:`attribution.names.acronym`).

    Examples:
        >>> acronym("Syrian Observatory for Human Rights")
        'SOHR'
        >>> acronym("International Crisis Group")
        'ICG'
        >>> acronym("Reuters") is None
        True
    """
    return names.acronym(name, default_lexicon())


def _is_cap(tok: str) -> bool:
    return tok.lstrip("-'’")[:1].isupper()  # "Jo -Renee Formicola": the tokenizer keeps the hyphen


@dataclass
class _Words:
    """The speaker's words as the steps below narrow them."""

    doc: ParsedDoc
    words: list
    mention: str
    start: int
    end: int
    lex: Lexicon
    context: str

    @property
    def toks(self) -> list[str]:
        return [w.text for w in self.words]

    @property
    def lows(self) -> list[str]:
        return [w.lower_text() for w in self.words]

    def info(self, name: str, kind: SourceKind, **kw) -> MentionInfo:
        return MentionInfo(self.mention, self.start, self.end, names.clean_name(name) or name, kind, **kw)

    def join(self, words: list) -> str:
        return _join(self.doc.text, words)


def describe_mention(doc: ParsedDoc, span: tuple[int, int], *, lex: Lexicon, context: str = "") -> MentionInfo | None:
    """Describe the speaker words ``span`` (word range): name, kind, role, affiliation.

    ``context`` is the text that follows the span in its sentence ("… who asked not to be
    named").  Returns ``None`` when the words cannot be a speaker (a dateline, a credit, a
    sentence-initial word, a thing).
    """
    m = _trimmed(doc, span, lex, context)
    if m is None:
        return None
    for step in (_pronoun, _anonymous_phrase, _conjoined):
        info = step(m)
        if info is not None:
            return info
    if _named_thing(m):
        return None
    affiliation = _possessive_owner(m)
    if affiliation and m.words and m.words[-1].lemma.lower() in m.lex.document_nouns:
        # "POLITICO’s Battleground States average": a named issuer stays before the document
        return m.info(f"{affiliation} {m.join(m.words)}", SourceKind.DOCUMENT)
    owner = None if affiliation else _owner(m)
    appos = _apposition(m)
    i = _after_quantity(m)
    if i >= len(m.words):
        return m.info(_strip_det(m.mention), SourceKind.GROUP)
    head = _head_index(m.words, i)
    steps = (_unnamed_of_named, _group, _person, _person_after, _organization, _common)
    if _document_noun(m.words[head], m.lex) and not _is_cap(m.toks[head]):
        steps = (_common,)  # "a 2014 study by Loyola Law School professor Justin Levitt": the study
    for step in steps:
        info = step(m, i, affiliation, appos)
        if info is not None:
            if owner is not None and info.name and info.kind is not SourceKind.PERSON:
                return replace(info, owner=owner)
            return info if info.name else None
    return None


def _named_thing(m: _Words) -> bool:
    """ "a Pinot Noir that says …": an indefinite article before a bare name is one thing of that
    name (a product, a work), not a speaker (*a Republican* is a person: a known person noun)."""
    if len(m.words) < 2 or m.lows[0] not in {"a", "an"}:
        return False
    rest = m.words[1:]
    if not all(w.upos == "PROPN" for w in rest) or any(w.ner in PERSON_TAGS for w in rest):
        return False
    return not any(human_noun(w.lemma.lower(), w.lower_text(), m.lex) for w in rest)


_POSSESSIVE_PRONOUNS = frozenset({"his", "her", "its", "their"})


def _owner(m: _Words) -> MentionInfo | None:
    """Who owns an unnamed speaker ("Her daughter", "Ivana Trump's brief", "Hillary Clinton's
    campaign"): a possessive pronoun, or a name before *'s* (then dropped from the words).  Only
    for a common-noun phrase after it; the resolver names the owner (guideline 8 of the gold)."""
    rest_from = None
    if len(m.words) > 1 and m.lows[0] in _POSSESSIVE_PRONOUNS:
        owner = MentionInfo(m.toks[0], m.words[0].start, m.words[0].end, m.toks[0], SourceKind.PERSON, pronoun=True)
        rest_from = 1
    else:
        k = next((j for j, low in enumerate(m.lows) if low in {"'s", "’s"}), None)
        if k is None or k == 0 or k > 5 or not all(w.upos == "PROPN" or w.upos == "DET" for w in m.words[:k]):
            return None
        owner = describe_mention(m.doc, (m.words[0].i, m.words[k].i), lex=m.lex)
        rest_from = k + 1
    rest = m.words[rest_from:]
    if not rest or any(w.upos == "PROPN" for w in rest) or rest[_head_index(rest, 0)].upos != "NOUN":
        return None
    if owner is None or owner.kind not in {SourceKind.PERSON, SourceKind.ORGANIZATION}:
        return None
    if not owner.pronoun:
        m.words = rest  # "Ivana Trump's brief": the brief speaks
    return owner


def _after_quantity(m: _Words) -> int:
    """Index of the first word after determiners, relational words and a quantity with "of"
    ("A number of analysts", "nearly eight of 10 voters", "Fellow Republicans")."""
    i = _skip_determiners(m, 0)
    k = i
    while k < len(m.words) and (m.words[k].upos in {"NUM", "ADV", "ADJ"} or m.lows[k] in _QUANTITIES):
        k += 1
    of = k > i and k + 1 < len(m.words) and m.lows[k] == "of"
    if of and (m.lows[k - 1] in _QUANTITIES or m.words[k - 1].upos == "NUM"):
        i = _skip_determiners(m, k + 1)
        while i < len(m.words) - 1 and m.words[i].upos == "NUM":
            i += 1
    return i


# Relational and temporal words that do not tell a source apart ("Fellow Republicans", "a recent survey").
_RELATIONAL = frozenset({"other", "another", "fellow", "both", "recent", "latest", "new"})


def _skip_determiners(m: _Words, i: int, stop: int | None = None) -> int:
    """The first word from ``i`` that is no determiner or relational word (never past ``stop``,
    by default the last word)."""
    stop = len(m.words) - 1 if stop is None else stop
    while i < stop and (m.lows[i] in _DETERMINERS or (m.lows[i] in _RELATIONAL and m.words[i].ner in {None, "O"})):
        i += 1
    return i


def _trimmed(doc: ParsedDoc, span: tuple[int, int], lex: Lexicon, context: str) -> _Words | None:
    """Drop datelines, credits, sentence-initial words, times and trailing possessives."""
    words = list(doc.words[span[0] : span[1]])
    skip = names.strip_leading([w.text for w in words], lex)
    words = words[skip:]
    cut = next((k for k, w in enumerate(words) if w.text in {"(", "["} and k > 0), None)
    if cut is not None:
        words = words[:cut]  # "the Federal Bureau of Investigation (FBI", "Gov. Mike Pence (R-IN)"
    while words and (_punct(words[-1]) or words[-1].lower_text() in {"'s", "’s", "'", "’"}):
        words.pop()
    if not words:
        return None
    start, end = words[0].start, words[-1].end
    return _Words(doc, words, doc.text[start:end], start, end, lex, context)


def _name_like(tok: str) -> bool:
    """A word of a name in a sentence the parser skipped: letters, initials, hyphens."""
    return tok.replace(".", "").replace("-", "").isalpha()


# How far (characters) after a mention an anonymity phrase may start ("… who spoke on condition of anonymity").
ANONYMITY_REACH = 60


def _punct(w) -> bool:
    """Punctuation, also in a sentence the parser skipped (its words are tagged ``X``)."""
    return w.upos == "PUNCT" or not any(ch.isalnum() for ch in w.text)


# Indefinite pronouns that speak for people ("not everyone agrees", "someone said").
_INDEFINITE_PRONOUNS = {
    "everyone": SourceKind.GROUP, "everybody": SourceKind.GROUP, "nobody": SourceKind.GROUP,
    "others": SourceKind.GROUP, "many": SourceKind.GROUP, "most": SourceKind.GROUP, "some": SourceKind.GROUP,
    "someone": SourceKind.ANONYMOUS, "somebody": SourceKind.ANONYMOUS, "anyone": SourceKind.ANONYMOUS,
}  # fmt: skip


def _pronoun(m: _Words) -> MentionInfo | None:
    if len(m.words) == 1 and m.lows[0] in PRONOUN_KINDS:
        return MentionInfo(m.mention, m.start, m.end, m.mention, PRONOUN_KINDS[m.lows[0]], pronoun=True)
    last = m.lows[-1] if m.words else ""
    if last in _INDEFINITE_PRONOUNS and all(low in {"not", "almost", "nearly", "just"} for low in m.lows[:-1]):
        return m.info(m.mention.lower(), _INDEFINITE_PRONOUNS[last])  # "not everyone" keeps its negation
    return None


def _anonymous_phrase(m: _Words) -> MentionInfo | None:
    # the phrase follows the mention closely ("people close to the talks"), not anywhere after it
    # ("… so far from God and so close to the United States")
    near = re.split(r"[“\"‘]|''|``", m.context[:ANONYMITY_REACH])[0]  # not inside a quotation that follows
    around = f"{m.mention.lower()} {near.lower()}"
    if any(p in around for p in m.lex.anonymous_phrases):
        name = _description(m, 0)
        reason = anonymity_reason(f"{m.mention.lower()} {m.context.lower()}")
        return m.info(name, SourceKind.ANONYMOUS, anonymity_reason=reason)
    return None


def _conjoined(m: _Words) -> MentionInfo | None:
    """ "India and Pakistan", "companies and individuals": conjoined speakers are one group,
    named by their conjuncts without determiners ("the Gannett newspaper chain" -> "Gannett …");
    *other* stays ("Joseph and other community members": guideline 6 of the canonical gold)."""
    cuts = [k for k, w in enumerate(m.words) if w.lower_text() == "and" and w.upos == "CCONJ" and _joins(m, k)]
    if len(cuts) != 1:
        return None
    k = cuts[0]
    parts = [*_listed(m.words[:k]), m.words[k + 1 :]]
    if "," in m.toks[:k] and len(parts) == 2 and m.words[k - 1].text != ",":
        return None
    if any(w.upos == "ADP" for w in parts[0]):
        return None  # "a 2014 study by Harvard and …": the conjunction is inside a modifier
    if not all(any(w.upos in {"NOUN", "PROPN"} for w in part) for part in parts):
        return None
    found, owned = [], []
    for part in parts:
        owned.append(bool(part) and part[0].lower_text() in {"his", "her"})  # "Trump and his aides"
        while part and (part[0].lower_text() in _DETERMINERS | _RELATIONAL - {"other"} or _punct(part[0])):
            if part[0].ner not in {None, "O"} and part[0].lower_text() not in _DETERMINERS:
                break  # "New York Times": a name's first word, not "new"
            part = part[1:]  # "both Roscosmos and NASA"
        part = _after_role_nouns(part)  # "attorneys Tim Sweeney and Lisa Lagos": the role is not the name
        while part and _punct(part[-1]):
            part = part[:-1]
        found.append(_lower_initial(m, part[0], m.join(part)) if part else "")
    if not all(found):
        return None
    parts_out = tuple(
        f"{m.words[k + 1].lower_text()} {n}" if o and i else n
        for i, (n, o) in enumerate(zip(found, owned, strict=True))
    )
    return m.info(names.join_conjuncts(found), SourceKind.GROUP, parts=parts_out)


def _joins(m: _Words, k: int) -> bool:
    """Whether the *and* at ``k`` joins two speakers: outside a name, or inside what the tagger took
    for one name when a body's name ends before it ("the U.S. PIRG Education Fund and Citizens for
    Tax Justice"; not "the Bill and Melinda Gates Foundation")."""
    if m.words[k].ner in {None, "O"}:
        return True
    return 0 < k < len(m.words) - 1 and m.lows[k - 1] in m.lex.org_words and _is_cap(m.toks[k + 1])


def _listed(words: list) -> list[list]:
    """ "the United States, Britain": the names of a list before its *and*, when each piece
    between commas is a proper name (else the words as one piece)."""
    pieces: list[list] = [[]]
    for w in words:
        if w.text == ",":
            pieces.append([])
        else:
            pieces[-1].append(w)
    pieces = [p for p in pieces if p]
    if len(pieces) < 2 or not all(_proper(p) for p in pieces):
        return [words]
    return pieces


def _proper(words: list) -> bool:
    """A proper name's words: "the United States" (*United* tagged ADJ)."""
    return words[-1].upos == "PROPN" and all(w.upos in {"PROPN", "DET"} or _is_cap(w.text) for w in words)


def _after_role_nouns(part: list) -> list:
    """The name after lower-case nouns that open a conjunct ("attorneys Tim Sweeney")."""
    k = 0
    while k < len(part) and part[k].text.islower() and part[k].upos == "NOUN":
        k += 1
    return part[k:] if 0 < k < len(part) and _is_cap(part[k].text) else part


def anonymity_reason(text: str) -> str | None:
    """The reason an anonymous source gives for anonymity, when the text states one.

    Examples:
        >>> anonymity_reason("a senior official who spoke on condition of anonymity because he was not "
        ...                  "authorized to discuss the talks, said")
        'not authorized to discuss the talks'
        >>> anonymity_reason("an aide who asked not to be named") is None
        True
    """
    m = re.search(r"\bbecause\s+(?:\w+\s+){1,3}?(?:was|were|is|are|had|has|have|did|does|do)\s+([^,;.—()]+)", text)
    if m is None:
        m = re.search(r"\b((?:was\s+|were\s+|is\s+|are\s+)?not\s+authori[sz]ed\s+to\s+[^,;.—()]+)", text)
        if m is None:
            return None
        return re.sub(r"^(?:was|were|is|are)\s+", "", m.group(1)).strip() or None
    return m.group(1).strip() or None


def _possessive_owner(m: _Words) -> str | None:
    """ "ICG's senior analyst Noah Bonsey": the owner is the affiliation (the words after it stay)."""
    lows, toks = m.lows, m.toks
    if "'s" not in lows and "’s" not in lows:
        return None
    k = lows.index("'s") if "'s" in lows else lows.index("’s")
    owner = [t for t in lows[:k] if t not in _DETERMINERS]
    rest_ok = k + 1 < len(m.words) and (lows[k + 1] in m.lex.title_words or _is_cap(toks[k + 1]))
    caps = all(_is_cap(t) or t.lower() in _FUNCTION for t in toks[:k] if t.lower() not in _DETERMINERS)
    if 0 < len(owner) <= 5 and caps and rest_ok:
        aff = re.sub(r"['’]s$", "", _strip_det(m.join(m.words[:k])))  # a word split from its 's ends after it
        m.words = m.words[k + 1 :]
        return aff
    return None


def _apposition(m: _Words) -> list[str]:
    """ "Noah Bonsey, a senior analyst …": the words after the comma, when they start like an apposition."""
    toks, lows = m.toks, m.lows
    if "," not in toks:
        return []
    k = toks.index(",")
    nxt = m.words[k + 1] if k + 1 < len(m.words) else None
    if nxt is not None and (nxt.text[:1].islower() or lows[k + 1] in m.lex.title_words):
        appos = toks[k + 1 :]
        m.words = m.words[:k]
        return appos
    last = len(toks) - 1 - toks[::-1].index(",")
    tail = m.words[last + 1 :]
    if tail and all(w.ner in {"PER", "PERSON"} for w in tail) and any(w.upos == "NOUN" for w in m.words[:last]):
        if (
            last > 1
            and m.words[last - 1].lemma.casefold() in KIN_NOUNS
            and any(w.upos == "NOUN" for w in m.words[: last - 1])
        ):
            m.words = m.words[:last]  # "A publicist for Thicke's son, Robin": the name is the son's
            return []
        appos = toks[:last]  # "A lawyer for the news outlets, David Schulz": the name is last
        m.words = tail
        return appos
    return []


_EMPLOYER_PREPS = frozenset({"for", "at", "with"})
_ONE_OF = frozenset({"a", "an", "one", "another", "that", "this"})


def _unnamed_of_named(m: _Words, i: int, affiliation: str | None, appos: list[str]) -> MentionInfo | None:
    """ "A spokesman for Microsoft", "a researcher at Harvard University", "that tweeter in
    Sydney": one unnamed person speaks, the name after the preposition is whom they work for (an
    affiliation) or where they are; it is not the speaker."""
    words, lows, lex = m.words, m.lows, m.lex
    d = 1 if lows[0] in _ONE_OF else 0
    if affiliation or appos or len(words) < 3 + d or _is_cap(m.toks[d]):
        return None
    if any(w.upos == "PROPN" for w in words[: d + 2]):
        return None
    p = next((k for k in range(d + 1, min(len(words) - 1, d + 3)) if words[k].upos == "ADP"), None)
    if p is None or lows[p] not in _EMPLOYER_PREPS | _PLACE_PREPS:
        return None
    if not (_one_name(m, p + 1) or (lows[p] in _EMPLOYER_PREPS and _kin_of_named(m, p + 1))):
        return None
    head = words[p - 1]
    if head.upos != "NOUN" or lows[p - 1].endswith("s") or not human_noun(head.lemma.lower(), lows[p - 1], lex):
        return None
    noun = m.join(words[d:p])
    place = _strip_det(m.join(words[p + 1 :]))
    if lows[p] in _EMPLOYER_PREPS:
        role = noun if head.lemma.lower() in lex.title_words else None
        return m.info(noun, SourceKind.ANONYMOUS, role=role, affiliation=place)
    return m.info(f"{noun} {m.join(words[p:])}", SourceKind.ANONYMOUS)


def _one_name(m: _Words, k: int) -> bool:
    """Whether the words from ``k`` on are one capitalised name of no person ("the International
    Crisis Group", "Sydney"; not "Microsoft Frank Shaw")."""
    rest = [w for w in m.words[k:] if w.lower_text() not in _FUNCTION and w.lower_text() not in _DETERMINERS]
    return bool(rest) and all(_is_cap(w.text) and w.ner not in PERSON_TAGS for w in rest)


def _kin_of_named(m: _Words, k: int) -> bool:
    """Whether the words from ``k`` on are a named person's kin ("Thicke's son"): whom a
    publicist or a lawyer works for."""
    rest = [w for w in m.words[k:] if w.lower_text() not in _DETERMINERS]
    own = next((n for n, w in enumerate(rest) if w.lower_text() in {"'s", "’s", "'"}), None)
    return (
        own is not None
        and own + 2 == len(rest)
        and all(_is_cap(w.text) for w in rest[:own])
        and rest[-1].lemma.casefold() in KIN_NOUNS
    )


def _group(m: _Words, i: int, affiliation: str | None, appos: list[str]) -> MentionInfo | None:
    """A plural common noun first: a group ("local activists", "Activists in and around …")."""
    words, lows, lex = m.words, m.lows, m.lex
    h0 = i
    while h0 < len(words) and words[h0].upos == "ADJ" and not _is_cap(words[h0].text):
        h0 += 1
    if not (h0 < len(words) and words[h0].upos in {"NOUN", "PROPN"} and lows[h0].endswith("s")):
        return None
    named_people = words[h0].upos == "PROPN" or _is_cap(words[h0].text)  # "Mexicans", tagged NOUN by some parsers
    if named_people and _people_name(words[h0], lex) and h0 == len(words) - 1:
        return m.info(m.join(words[i : h0 + 1]), SourceKind.GROUP)  # "Republicans", "Democrats", "Latinos"
    lemma = words[h0].lemma.lower()
    if lemma not in lex.group_nouns and lows[h0][:-1] not in lex.group_nouns:
        return None
    # the head is a group noun of the lexicon: a common word even where the tagger says PROPN
    tail = _naming_phrase(m, h0, _GROUP_PREPS) or _place_qualifier(m, words[h0].i)
    name = _lower_initial(m, words[i], m.join(words[i : h0 + 1]) + tail, common=i == h0)
    anon = lemma in lex.anonymous_words and "source" in lows[h0]
    return m.info(name, SourceKind.ANONYMOUS if anon else SourceKind.GROUP)


def _people_name(w: Word, lex: Lexicon) -> bool:
    """A capitalised plural that names a people or a party ("Democrats"; "Latinos", which NER
    may leave untagged), not a person ("Williams", tagged PERSON or singular) nor a common group
    noun that starts the sentence ("Critics")."""
    if w.ner in {"MISC", "NORP"}:
        return True
    low = w.lower_text()
    common = w.lemma.lower() in lex.group_nouns or low[:-1] in lex.group_nouns or low in lex.group_nouns
    return w.ner is None and w.upos == "PROPN" and "Number=Plur" in w.feats and not common


_PLACE_PREPS = frozenset({"in", "from", "at", "near", "around", "across", "outside", "inside"})


def _place_qualifier(m: _Words, head: int) -> str:
    """ "Activists in and around the town of Al-Ghanto": where a group is tells it apart from
    another group of the same name in the article (up to 16 words)."""
    doc = m.doc
    j = m.words[-1].i + 1
    if j >= len(doc.words) or doc.words[j].lower_text() not in _PLACE_PREPS or j != head + 1:
        return ""
    end = j
    sent_end = doc.sentences[doc.words[head].sent].last
    while end < min(sent_end, j + 16) and doc.words[end].text != ",":
        w = doc.words[end]
        if w.upos in {"VERB", "AUX"} and w.lower_text() not in {"'s", "’s"}:
            break
        end += 1
    return " " + doc.text[doc.words[j].start : doc.words[end - 1].end] if end > j else ""


def _surname_title(m: _Words, j: int, k: int) -> bool:
    """A title word that ends a name is its surname ("Billie Jean King", "Martin Luther King Jr."):
    after a name word, with no other capitalised word after it (as "Noah Bonsey Senior Analyst" has)."""
    nxt = m.toks[k + 1] if k + 1 < len(m.toks) else None
    return k > j and (nxt is None or not _is_cap(nxt) or nxt.lower() in names.NAME_SUFFIXES)


def _person(m: _Words, i: int, affiliation: str | None, appos: list[str]) -> MentionInfo | None:
    """Title words, then a capitalised name run: "senior analyst Noah Bonsey", "President Obama",
    "Noah Bonsey Senior Analyst, Syria with International Crisis Group" (a title after the name)."""
    words, toks, lows, lex = m.words, m.toks, m.lows, m.lex
    j = i
    while j < len(toks) and lows[j] in lex.title_words:
        j += 1
    k = j
    while k < len(toks) and (
        (_is_cap(toks[k]) and (lows[k] not in lex.title_words or _surname_title(m, j, k)))
        or (lows[k] in NAME_PARTICLES and (k > j or (k + 1 < len(toks) and _is_cap(toks[k + 1]))))
    ):
        k += 1  # "de Miranda said": a name may open with its particle
    run = words[j:k]
    if not run or names.holds_non_name_word([w.text for w in run]):
        return None
    if len(run) == 1 == len(words) and names.brand_word(run[0].text):
        return m.info(run[0].text, SourceKind.ORGANIZATION)  # "RealClearPolitics", "FiveThirtyEight"
    if _name_after_title(m, k):
        return None  # "Opposition Leader Bill Shorten", "Shasta County Sheriff Tom Bosenko": the name follows
    n = k
    while n < len(words) and words[n].upos in {"NUM", "ADJ"}:
        n += 1
    if (
        n < len(words)
        and words[n].upos in {"NOUN", "PROPN"}
        and not _is_cap(toks[n])
        and lows[n] not in lex.title_words
    ):
        return None  # "the Quinnipiac poll", "the Trump campaign", "Fortune 500 companies": it modifies a noun
    orgs = frozenset(e.text for e in m.doc.entities if e.type in {"ORG", "LOC", "GPE"})
    org_aff, run = _org_before_person(run, orgs)
    has_org_word = any(w.lower_text() in lex.org_words for w in run)
    place = any(w.ner in {"LOC", "GPE"} for w in run)  # "A New York judge": a place before a title
    title_after = k < len(toks) and lows[k] in lex.title_words and 2 <= len(run) <= 4 and not place
    person = (
        any(w.ner in {"PER", "PERSON"} for w in run)
        or (title_after and not has_org_word)
        or (
            all(w.upos == "PROPN" or (w.upos == "X" and _name_like(w.text)) for w in run)
            and not has_org_word
            and not any(w.ner in {"ORG", "MISC", "NORP", "LOC", "GPE", "FAC"} for w in run)
        )
    )
    if not person:
        return None
    role, aff = _role_and_affiliation(m.doc.text, words[k:], lex)
    if appos:
        arole, aaff = _split_appos(appos, lex)
        role, aff = role or arole, aff or aaff
    role_words = [w.text for w in words[i:j]]
    if not role and role_words and not all(r.lower() in lex.honorifics for r in role_words):
        role = " ".join(role_words)
    title, name = names.split_title(m.join(run).split(), lex)
    if all(t.isupper() and len(t) > 2 for t in name):
        name = [t.title() for t in name]  # a transcript label ("PENCE") is a name, not an acronym
    if title and not role and not all(t.lower() in lex.honorifics for t in title):
        role = " ".join(title)
    return m.info(" ".join(name), SourceKind.PERSON, role=_clean_role(role), affiliation=affiliation or org_aff or aff)


def _name_after_title(m: _Words, k: int) -> bool:
    """Title words at ``k`` followed by a capitalised name tagged or parsed as a person's."""
    t = k
    while t < len(m.toks) and m.lows[t] in m.lex.title_words:
        t += 1
    if t == k or t >= len(m.toks) or not _is_cap(m.toks[t]):
        return False
    w = m.words[t]
    return w.ner in {"PER", "PERSON"} or (w.upos == "PROPN" and m.lows[t] not in m.lex.org_words)


def _org_before_person(run: list, orgs: frozenset[str]) -> tuple[str | None, list]:
    """ "Microsoft Brad Smith": an organisation or place before a person's name, as the NER tags
    it here or names it elsewhere in the article (``orgs``)."""
    for n in range(1, len(run) - 1 if len(run) >= 3 else len(run)):
        if run[n].text in NAME_PARTICLES:
            continue  # "Faisal bin Ali Jaber": a particle ties both sides into one name
        head = " ".join(w.text for w in run[:n])
        tagged = run[n - 1].ner in {"ORG", "LOC", "GPE"} and all(w.ner in {"PER", "PERSON"} for w in run[n:])
        if tagged or (len(run) - n >= 2 and head in orgs):
            return head, run[n:]
    return None, run


def _person_after(m: _Words, i: int, affiliation: str | None, appos: list[str]) -> MentionInfo | None:
    """ "Crisis Group senior analyst Noah Bonsey": a person's name after title words."""
    named = _person_after_titles(m.words, m.lows, m.lex, start=i)
    if named is None:
        return None
    n0, n1, t0 = named
    # "Conservative Leader", "Opposition Leader": an adjective, nationality or untagged word
    # before the title belongs to the role; a tagged place or organisation is the affiliation
    while t0 > i and (m.words[t0 - 1].upos == "ADJ" or m.words[t0 - 1].ner in {None, "MISC", "NORP"}):
        t0 -= 1
    role = m.join(m.words[t0:n0]) or None
    aff = _strip_det(m.join(m.words[i:t0])) or None
    if n0 > i and m.lows[n0 - 1] in m.lex.org_words:  # "the rescue group Project Jonah": a body's name
        return m.info(m.join(m.words[n0:n1]), SourceKind.ORGANIZATION, role=_clean_role(m.join(m.words[i:n0])))
    _, name = names.split_title(m.join(m.words[n0:n1]).split(), m.lex)
    return m.info(
        " ".join(name),
        SourceKind.PERSON,
        role=_clean_role(role),
        affiliation=affiliation or (aff if aff and _is_cap(aff) else None),
    )


def _organization(m: _Words, i: int, affiliation: str | None, appos: list[str]) -> MentionInfo | None:
    """ "The UK-based Syrian Observatory for Human Rights": the capitalised tail is the name,
    lower-case modifiers before it a role."""
    words, toks, lows, lex = m.words, m.toks, m.lows, m.lex
    is_org = any(low in lex.org_words for low in lows[i:]) or any(w.ner in {"ORG", "LOC", "GPE"} for w in words[i:])
    if not (is_org and any(_is_cap(t) for t in toks[i:])):
        return None
    end = len(toks)
    k = end
    while k > i and (_is_cap(toks[k - 1]) or (lows[k - 1] in _FUNCTION and k < end)):
        k -= 1
    while k < end and lows[k] in _FUNCTION:
        k += 1
    if k >= end:
        return None
    return m.info(
        m.join(words[k:]), SourceKind.ORGANIZATION, role=_clean_role(m.join(words[i:k])), affiliation=affiliation
    )


def _common(m: _Words, i: int, affiliation: str | None, appos: list[str]) -> MentionInfo | None:
    """A common-noun phrase: a document, an anonymous individual, a group, a nominal ("the analyst")."""
    words, lows, lex = m.words, m.lows, m.lex
    head_i = _head_index(words, i)
    head = words[head_i].lemma.lower()
    name = _description(m, i, head_i)
    if head in {"percent", "%"}:
        return m.info(_respondents(m, head_i), SourceKind.GROUP)  # "another 19 percent": respondents, a group
    plural = names.plural_noun(lows[head_i])
    if _document_noun(words[head_i], lex):
        return m.info(name + _naming_phrase(m, head_i, _DOCUMENT_PREPS), SourceKind.DOCUMENT)
    if head in lex.anonymous_words and (not plural or lows[0] in {"a", "an", "one"}):
        return m.info(name, SourceKind.ANONYMOUS)
    # "the Tuva government": an organisation with a name, not an anaphor ("the Republican nominee" is one)
    named = head in lex.org_words and any(_is_cap(m.toks[k]) for k in range(max(1, i), head_i))
    human = human_noun(head, lows[head_i], lex)
    if lows[:1] == ["the"] and head_i - i <= 2 and not plural and not named and (human or head in lex.org_words):
        kind = SourceKind.ORGANIZATION if head in lex.org_words else SourceKind.PERSON
        return MentionInfo(m.mention, m.start, m.end, name, kind, nominal=True)
    if head in lex.title_words and not plural:
        return m.info(name, SourceKind.ANONYMOUS, role=name, affiliation=affiliation)
    if plural:
        name += _naming_phrase(m, head_i, _GROUP_PREPS)  # "black parents with kids in charter schools"
    if head in lex.org_words:
        return m.info(name, SourceKind.GROUP if plural else SourceKind.ORGANIZATION)  # "companies", "small groups"
    if words[head_i].upos == "PROPN" and words[head_i].ner == "MISC" and not plural:
        return m.info("", SourceKind.GROUP)  # "a Pinot Noir that says …": a thing with a name, not a speaker
    if len(words) == 1 and words[0].upos in {"ADJ", "ADV"}:
        return m.info("", SourceKind.GROUP)  # "Rival", "Meanwhile": no noun, no speaker
    if human and not plural and lows[0] in {"a", "an", "one", "another", "his", "her", "their", "its"}:
        return m.info(name, SourceKind.ANONYMOUS)  # "a computer programmer": one unnamed person
    if not human and words[head_i].upos != "PROPN":
        return m.info(name, SourceKind.DOCUMENT, thing=True)  # "her submission to the court", "bomb threats"
    return m.info(name, SourceKind.GROUP)


# How far back a bare "63 percent" looks for the population a poll figure was given of.
POPULATION_SENTENCES = 3


def _respondents(m: _Words, head_i: int) -> str:
    """The people a poll percentage stands for (guideline 10 of the gold): "52 percent of
    registered voters" -> *registered voters*; a bare "63 percent" -> the population of the
    latest "percent of …" in the sentences before it; else *poll respondents*."""
    doc = m.doc
    own = _population(doc, m.words[head_i].i, m.words[-1].i + 1)
    if own is not None:
        return own
    k = m.words[head_i].i
    floor = doc.sentences[max(0, doc.words[k].sent - POPULATION_SENTENCES)].first
    for j in range(k - 1, floor - 1, -1):
        if doc.words[j].lemma.lower() in {"percent", "%"}:
            found = _population(doc, j, doc.sentences[doc.words[j].sent].last)
            if found is not None:
                return found
    return "poll respondents"


def _population(doc: ParsedDoc, pct: int, end: int) -> str | None:
    """ "percent | of registered voters": the common-noun phrase after *of* (before ``end``)."""
    if pct + 2 >= end or doc.words[pct + 1].lower_text() != "of":
        return None
    if not doc.sentences[doc.words[pct].sent].parsed:
        return _population_untagged(doc, pct, end)
    words = []
    for w in doc.words[pct + 2 : end]:
        modifier = w.upos in {"DET", "ADJ", "NOUN", "NUM"} or "VerbForm=Part" in w.feats  # "registered voters"
        if not modifier or (w.upos == "DET" and words):
            break
        words.append(w)
    while words and words[0].upos in {"DET", "NUM"}:
        words.pop(0)
    if not words:
        return "poll respondents" if doc.words[pct + 2].lower_text() in {"those", "respondents"} else None
    if words[-1].upos != "NOUN":
        return None
    return (
        " ".join(w.text for w in words).lower() if not any(_is_cap(w.text) for w in words) else _join(doc.text, words)
    )


def _population_untagged(doc: ParsedDoc, pct: int, end: int) -> str | None:
    """The same in a sentence left unparsed: up to three words after *of*, through the first
    plural ("of registered voters agreed" -> *registered voters*)."""
    after = doc.words[pct + 2 : min(end, pct + 5)]
    if after and after[0].lower_text() in {"those", "respondents"}:
        return "poll respondents"
    words = []
    for w in after:
        if not w.text.isalpha():
            break
        words.append(w)
        if w.lower_text().endswith("s") and not w.lower_text().endswith("ss"):
            return _join(doc.text, words) if any(_is_cap(x.text) for x in words) else _join(doc.text, words).lower()
    return None


_DOCUMENT_PREPS = frozenset({"of", "by", "from", "on", "into", "in"})
_GROUP_PREPS = frozenset({"of", "with", "from", "in", "at", "for"})


def _naming_phrase(m: _Words, head_i: int, preps: frozenset[str]) -> str:
    """What a name goes on with inside the speaker's words: "a Reuters survey | of voter lists",
    "a 2014 study | by Harvard and …", "black parents | with kids in charter schools" (a phrase
    of nouns, no clause)."""
    rest = m.words[head_i + 1 :]
    if not rest or rest[0].lower_text() not in preps:
        return ""
    if any(w.upos in {"VERB", "AUX", "PRON", "SCONJ"} or (_punct(w) and w.text not in {"-", "/"}) for w in rest):
        return ""  # a hyphen or slash is inside a word ("African-American")
    if rest[0].lower_text() == "by" and len(rest) > 2:
        title, name = names.split_title([w.text for w in rest[1:]], m.lex)
        if title and name and any(w.ner in PERSON_TAGS for w in rest[-len(name) :]):
            return f" by {' '.join(name)}"  # "a 2014 study by Loyola Law School professor Justin Levitt"
    return " " + m.join(rest)


def human_noun(lemma: str, form: str, lex: Lexicon) -> bool:
    """Whether a common noun can name people who speak (lists, or an agent-noun ending)."""
    for w in (lemma, form, form[:-1] if form.endswith("s") else form):
        if w in lex.group_nouns or w in lex.title_words or w in lex.anonymous_words or w in lex.org_words:
            return True
        if w.rsplit("-", 1)[-1] in lex.gendered:  # "ex-wife", "daughter"
            return True
    return bool(_AGENT.search(lemma) or _AGENT.search(form[:-1] if form.endswith("s") else form))  # "elders"


def _document_noun(w: Word, lex: Lexicon) -> bool:
    """Whether a noun names a kind of document; a plural the tagger left as its own lemma too
    ("recent polls in …")."""
    low = w.lower_text()
    forms = {w.lemma.lower(), low, low[:-1] if low.endswith("s") and not low.endswith("ss") else low}
    return bool(forms & lex.document_nouns)


def _head_index(words: list, start: int) -> int:
    """The head of a noun phrase: its last noun before the first word that cannot be inside it
    ("a 2014 study | by …", "a new Washington Post-ABC News national poll", "Reuters/Ipsos poll")."""
    head = None
    for n in range(start, len(words)):
        w = words[n]
        if w.upos in {"NOUN", "PROPN"}:
            head = n
        elif not (w.upos in {"DET", "ADJ", "NUM", "PART"} or w.text in {"/", "-"}):
            break
    return len(words) - 1 if head is None else head


def _description(m: _Words, i: int, head_i: int | None = None) -> str:
    """An unnamed source's description: determiners off, clauses after the head off."""
    words = m.words
    if head_i is None:
        head_i = _head_index(words, 0)
    i = _skip_determiners(m, i, head_i)
    return _lower_initial(m, words[i], m.join(words[i : head_i + 1]) or m.mention)


def _lower_initial(m: _Words, w, name: str, *, common: bool = False) -> str:
    """Lower-case a description's first letter when only its place at the start of the sentence
    capitalised it ("Critics say" -> *critics*); a name stays ("A New York judge", "IMF report",
    "National Guard members")."""
    proper = w.upos == "PROPN" and not w.lemma[:1].islower() and not common
    if proper or w.ner not in {None, "O"} or w.text.isupper() or not w.text[:1].isupper():
        return name
    first = m.doc.sentences[w.sent].first
    if any(not _punct(x) for x in m.doc.words[first : w.i]):
        return name
    return name[:1].lower() + name[1:]


def _clean_role(role: str | None) -> str | None:
    if role is None:
        return None
    role = names.clean_name(role)
    return role or None


def _person_after_titles(words: list, lows: list[str], lex: Lexicon, *, start: int) -> tuple[int, int, int] | None:
    """Find ``(name_start, name_end, titles_start)`` of a person name that follows title words."""

    def descriptor(k: int) -> bool:  # "senior analyst", "trader", "Democratic strategist"
        return lows[k] in lex.title_words or (words[k].upos == "NOUN" and words[k].text.islower())

    for n in range(start + 1, len(words)):
        if descriptor(n - 1) and _is_cap(words[n].text) and lows[n] not in lex.title_words:
            e = n
            while (
                e < len(words)
                and (_is_cap(words[e].text) or lows[e] in NAME_PARTICLES)
                and lows[e] not in lex.title_words
            ):
                e += 1
            if not any(w.ner == "PER" or w.upos == "PROPN" for w in words[n:e]):
                return None
            if any(lows[x] in lex.org_words for x in range(n, e)):
                return None  # "Republican National Committee": an organisation, not a person after a title
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


def _split_appos(toks: list[str], lex: Lexicon, *, plain: bool = True) -> tuple[str | None, str | None]:
    """ "a senior analyst at the International Crisis Group" -> role, affiliation.  ``plain``: the
    words hold no clause, so a short noun phrase with no title word is a role too ("a plumber")."""
    lows = [t.lower() for t in toks]
    determined = bool(lows) and (lows[0] in _DETERMINERS or lows[0] == "another")
    while lows and lows[0] in _DETERMINERS:
        toks, lows = toks[1:], lows[1:]
    owner = next((n for n, low in enumerate(lows) if low in {"'s", "’s"}), None)
    prep = next((n for n, low in enumerate(lows) if low in _AFFILIATION_PREPS), None)
    if owner is not None and prep is not None and owner < prep:
        # "the agency’s district supervisor for Queens": the owner employs, the rest is the role
        aff = _words_text(toks[:owner])
        return _words_text(toks[owner + 1 :]).split(" ,")[0] or None, (aff if aff[:1].isupper() else None)
    for n, low in enumerate(lows):
        if low in _AFFILIATION_PREPS and n + 1 < len(toks):
            aff = _strip_det(_words_text(toks[n + 1 :]).split(" ,")[0].split(",")[0])  # an apposition ends it
            aff = _SECOND_ROLE.split(aff)[0]  # "the Urban Institute and a co-founder of …": a second role
            return (_words_text(toks[:n]) or None), (aff if aff[:1].isupper() else None)
    if any(low in lex.title_words for low in lows) or (plain and determined and _descriptor(toks, lex)):
        return _words_text(toks) or None, None  # "a plumber", "the coach", "a local resident"
    return None, None


def _descriptor(toks: list[str], lex: Lexicon) -> bool:
    """A short noun phrase after its determiner, ending in a lower-case noun, with no clause or
    conjunction in it: "(a) plumber", "(the) local resident", "(a) Clinton appointee"."""
    return (
        1 <= len(toks) <= 4
        and re.fullmatch(r"[a-z][a-z-]*", toks[-1]) is not None
        and toks[-1] not in lex.org_words  # "the campaign": a body, not a role
        and all(re.fullmatch(r"[A-Za-z][A-Za-z.-]*", t) and t.lower() not in lex.function_words for t in toks)
    )


_SECOND_ROLE = re.compile(r" and (?:a|an|the|its) (?=[a-z])")


def _words_text(toks: list[str]) -> str:
    """Tokens as text: a clitic joins the word before it ("Thicke 's son" -> "Thicke's son"), a
    hyphen both words ("Urban - Brookings" -> "Urban-Brookings")."""
    out = ""
    for n, t in enumerate(toks):
        tight = t.lower() in {"'s", "’s", "'", "’", "n't", "n’t", "-"} or (n > 0 and toks[n - 1] == "-")
        out += t if out and tight else (" " + t if out else t)
    return out


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
            name = doc.text[words[i].start : words[j - 1].end]
            for part in (words[j + 1 : k], _title_before(doc, i)):
                toks = [w.text for w in part]
                if 1 <= len(toks) <= 12 and toks[0].lower() in {"a", "an", "the"} | lex.title_words:
                    clause = any(w.upos in {"VERB", "AUX", "PRON"} for w in part)  # "the campaign has appeared"
                    role, aff = _split_appos(toks, lex, plain=not clause)
                    if role:
                        out.setdefault(name, (_clean_role(role), _clean_role(aff)))
        i = j
    return out


def _title_before(doc: ParsedDoc, i: int) -> list:
    """ "The coach, Maria Gonzalez, said": the words that open the sentence before the comma in front of a name."""
    words = doc.words
    if i < 2 or words[i - 1].text != ",":
        return []
    k = i - 1
    while k - 1 >= 0 and words[k - 1].sent == words[i].sent and words[k - 1].upos != "PUNCT":
        k -= 1
    starts = k == doc.sentences[words[i].sent].first
    clause = any(w.upos in {"VERB", "AUX", "PRON"} for w in words[k : i - 1])  # "The editor I was talking to"
    return words[k : i - 1] if starts and not clause else []
