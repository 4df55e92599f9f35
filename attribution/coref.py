"""Resolve speaker mentions to canonical sources: the fullest name in the article.

Name rules first (surname or title + surname -> the fullest earlier or later name; an acronym or
a part of an organisation's name -> that organisation), then pronouns by agreement and distance
(*he*/*she* -> the last person, *it* -> the last organisation, *they* -> the last group or
organisation), then nominals (*the analyst* -> the last source whose role holds that word).
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from . import names
from .gender import GENDERED_PRONOUNS, PERSON_TAGS, GenderEvidence
from .lexicon import KIN_NOUNS, NAME_PARTICLES, SUBJECT_RELS, Lexicon
from .model import Gender, Source, SourceKind
from .nlp import ParsedDoc, Word, word_at
from .quotes.marks import paragraph_spans
from .speakers import MentionInfo

__all__ = ["GENERIC_KINDS", "Resolved", "corpus_aliases", "corpus_source_id", "resolve_sources", "slug", "source_id"]

_KIND_PREFIX = {
    SourceKind.PERSON: "person",
    SourceKind.ORGANIZATION: "org",
    SourceKind.GROUP: "group",
    SourceKind.ANONYMOUS: "anon",
    SourceKind.DOCUMENT: "doc",
}


# How far (characters) before "who" its antecedent name may start.
RELATIVE_REACH = 80
# How far (characters) back a pronoun prefers a person of its stated gender over a nearer one of unstated gender.
AGREEMENT_REACH = 600


def slug(s: str) -> str:
    """Make an XML-safe id fragment (an NMTOKEN) that keeps distinct names distinct.

    Latin names fold to ASCII; a name that loses letters in the fold (Cyrillic, Arabic, CJK,
    *ß*) gets a short hash of its NFC form appended, so two such names never share an id.

    Examples:
        >>> slug("Noah Bonsey")
        'noah-bonsey'
        >>> slug("Bashar al-Assad’s")
        'bashar-al-assads'
        >>> slug("Владимир Путин") != slug("Дмитрий Песков")
        True
        >>> slug("Lech Wałęsa")
        'lech-waesa-5da66f22'
    """
    decomposed = unicodedata.normalize("NFKD", s)
    folded = decomposed.encode("ascii", "ignore").decode()
    out = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    if any(c.isalnum() and not c.isascii() for c in decomposed):
        digest = hashlib.sha1(unicodedata.normalize("NFC", s).encode("utf-8")).hexdigest()[:8]
        return f"{out}-{digest}" if out else f"u{digest}"
    return out or "x"


def source_id(kind: SourceKind, name: str) -> str:
    return f"{_KIND_PREFIX[kind]}:{slug(name)}"


@dataclass
class _Entity:
    name: str
    kind: SourceKind
    role: str | None = None
    affiliation: str | None = None
    aliases: list[str] = field(default_factory=list)
    last_pos: int = 0
    anonymity_reason: str | None = None
    pronouns: list[str] = field(default_factory=list)  # speaker pronouns resolved to it ("he", "she")
    described: list[str] = field(default_factory=list)  # nouns that stood for it ("his ex-wife": "ex-wife")


@dataclass(frozen=True, slots=True)
class Resolved:
    """A mention with the canonical source it resolves to."""

    info: MentionInfo
    source: Source


_NOT_PERSON = frozenset({"ORG", "LOC", "GPE", "MISC", "NORP", "FAC"})


def _proper_runs(doc: ParsedDoc, lex: Lexicon) -> list[tuple[int, str]]:
    """Runs of two to four proper nouns (person names the NER may have missed): none that the NER
    tags as another kind of entity or that holds an organisation word ("Transportation Department")."""
    runs: list[tuple[int, str]] = []
    run: list[int] = []

    def name_like(w: Word | None) -> bool:
        # untagged words (sentences left unparsed) count when capitalised
        return w is not None and w.text[:1].isupper() and (w.upos == "PROPN" or (w.upos == "X" and w.text.isalpha()))

    headline = {s.index for s in doc.sentences if _title_cased(doc, s)}
    for w in [*doc.words, None]:
        if w is not None and w.sent in headline:
            w = None  # "Black Lawmakers Rip Donald Trump …": a headline's capitals are no name
        joins = w is not None and bool(run) and run[-1] == w.i - 1 and doc.words[run[-1]].sent == w.sent
        if w is not None and name_like(w) and (not run or joins):
            run.append(w.i)  # a name never runs over a sentence's end ("… he added. Vanity | Perkins wrote")
            continue
        if w is not None and joins and w.text in NAME_PARTICLES and w.text.isalpha() and _name_follows(doc, w):
            run.append(w.i)  # "Luis de Miranda": a particle inside the name
            continue
        other = any(doc.words[k].ner in _NOT_PERSON or doc.words[k].lower_text() in lex.org_words for k in run)
        if 2 <= len(run) <= 4 and not other:
            a, b = doc.words[run[0]], doc.words[run[-1]]
            runs.append((a.start, doc.text[a.start : b.end]))
        run = [w.i] if name_like(w) else []
    return runs


def _name_follows(doc: ParsedDoc, w: Word) -> bool:
    nxt = doc.words[w.i + 1] if w.i + 1 < len(doc.words) else None
    return nxt is not None and nxt.sent == w.sent and nxt.text[:1].isupper()


def _surnames_alone(
    doc: ParsedDoc, persons: list[tuple[int, str]], lex: Lexicon, quoted: Sequence[tuple[int, int]]
) -> list[tuple[int, str]]:
    """The surname of a person named in full, written alone where the NER did not tag it (a
    sentence left unparsed: "Trump has record low support …"), not as a modifier ("Trump
    campaign") nor in a headline or a quotation."""
    keys = {t[-1] for _, n in persons if len(t := _tokens(n)) >= 2}
    out = []
    for w in doc.words:
        if w.text not in keys or w.ner in PERSON_TAGS or any(p <= w.start < p + len(n) for p, n in persons):
            continue  # not a surname, or one inside a full name ("Parry" in "Fiona Parry")
        if _in_headline(doc, w.start):
            continue
        nxt = doc.words[w.i + 1] if w.i + 1 < len(doc.words) else None
        modifier = nxt is not None and nxt.sent == w.sent
        modifier = modifier and (nxt.text[:1].isupper() or nxt.lower_text() in lex.org_words)
        if not modifier and not any(s <= w.start < e for s, e in quoted):
            out.append((w.start, w.text))
    return out


_INDEFINITE = frozenset({"a", "an", "another", "one", "some", "any"})


def _titles_before(doc: ParsedDoc, pos: int, lex: Lexicon) -> frozenset[str]:
    """The title words written right before (or in) a person name at character ``pos``: up to six
    words back in its sentence, as :func:`attribution.names.title_key` spells them."""
    k = word_at(doc, pos)
    if k is None:
        return frozenset()
    at = doc.words[k]
    first = doc.sentences[at.sent].first
    out = set()
    for w in reversed(doc.words[max(first, at.i - 6) : at.i + 2]):
        if w.i < at.i and w.text in {",", ";", "—", "(", ")", "“", "”", '"'}:
            break
        if w.i < at.i and _ends_title(w, lex):
            break  # "The judge agreed with Ivana Trump": a clause before the name, not her title
        out.add(names.title_key(w.text))
    return frozenset(t for t in out if t in lex.title_words or t[:1].isalpha())


def _ends_title(w, lex: Lexicon) -> bool:
    """A verb or a preposition (but *of*: "Secretary of State") before a name: no title goes on
    past it; in an unparsed sentence, a function word."""
    low = w.lower_text()
    if w.upos == "X":
        return low in lex.function_words and low != "of"
    return w.upos in {"VERB", "AUX"} or (w.upos == "ADP" and low != "of")


# A lede's unnamed person ("A New York judge has rejected …") is named within this many paragraphs.
LEDE_NAMED_WITHIN = 3


def _paragraph_of(paragraphs: list[tuple[int, int]], pos: int) -> int:
    return next((k for k, (_, e) in enumerate(paragraphs) if pos < e), len(paragraphs))


def _in_lede(paragraphs: list[tuple[int, int]], pos: int) -> bool:
    """Whether ``pos`` is in the article's first paragraph of text (after a headline, if any)."""
    return _paragraph_of(paragraphs, pos) <= 1


def _in_headline(doc: ParsedDoc, pos: int) -> bool:
    k = word_at(doc, pos)
    sent = None if k is None else doc.sentences[doc.words[k].sent]
    return sent is not None and (sent.index == 0 or _title_cased(doc, sent))


def _title_cased(doc: ParsedDoc, sent) -> bool:
    words = [w for w in doc.words[sent.first : sent.last] if w.text[:1].isalpha()]
    return len(words) >= 4 and sum(w.text[:1].isupper() for w in words) >= 0.7 * len(words)


_DEFINITE = frozenset({"the", "this", "that"})
# Nouns for one piece of research, which an article may call by any of them ("a study", "the report").
_RESEARCH = frozenset({"study", "report", "survey", "analysis", "paper", "research", "review", "audit"})
# Nominals that stand for a place acting as a speaker ("the state incorrectly stated …").
_PLACE_NOUNS = frozenset({"state", "city", "country", "nation", "province", "county", "town", "region"})
_NOT_IN_NAME = frozenset({"new", "latest", "recent", "other", "another", "same", "first", "last"})


def _premodified(doc: ParsedDoc, i: int, function_words: frozenset[str] = frozenset()) -> int:
    """Where a noun's names, nouns and adjectives written right before it start, without
    determiners and words that only place it in time ("new", "latest").  In a sentence left
    unparsed (no tags) a word counts unless it is a function word."""
    s = i
    sent_first = doc.sentences[doc.words[i].sent].first
    while s - 1 >= sent_first:
        w = doc.words[s - 1]
        untagged = w.upos == "X" and w.text.isalnum() and w.lower_text() not in function_words
        if w.lower_text() in _NOT_IN_NAME or not (
            w.upos in {"PROPN", "NOUN", "ADJ", "NUM"} or w.text in {"/", "-"} or untagged
        ):
            break
        s -= 1
    while s < i and doc.words[s].text in {"/", "-"}:
        s += 1
    return s


def _name_word(w: Word) -> bool:
    """A proper noun, or a capitalised word of a sentence left unparsed (not its first)."""
    untagged = w.upos == "X" and w.text[:1].isupper() and w.i != 0 and w.text.isalnum()
    return w.upos == "PROPN" or untagged


def _tokens(name: str) -> list[str]:
    return [t for t in re.split(r"[\s]+", name.replace("’", "'")) if t]


def _surname_key(name: str, lex: Lexicon) -> str:
    toks = [t for t in _tokens(name) if t.lower() not in lex.honorifics]
    return toks[-1].lower().rstrip(".,") if toks else name.lower()


def person_name(raw: str, lex: Lexicon) -> str:
    """A candidate person name as the text writes it, cleaned: no dateline, credit, leading word,
    title or honorific ("Conservative Leader Andrew Scheer" -> "Andrew Scheer")."""
    toks = _tokens(names.clean_name(raw))
    toks = toks[names.strip_leading(toks, lex) :]
    if names.holds_non_name_word(toks):
        return ""
    _, toks = names.split_title(toks, lex)
    return names.clean_name(" ".join(t for t in toks if t.lower() not in lex.honorifics))


class _Resolver:
    """One article's entities, filled mention by mention in document order."""

    def __init__(
        self,
        doc: ParsedDoc,
        mentions: Sequence[MentionInfo | None],
        lex: Lexicon,
        quoted: Sequence[tuple[int, int]],
        told: Sequence[tuple[int, int]] = (),
    ) -> None:
        self.doc, self.lex = doc, lex
        raw = [(e.start, e.text) for e in doc.entities if e.type in PERSON_TAGS] + _proper_runs(doc, lex)
        self.raw = [(p, n) for p, n in raw if not any(s <= p < e for s, e in quoted)]  # none inside quotations
        self.persons = [(p, n) for p, n in ((p, person_name(r, lex)) for p, r in self.raw) if n]
        self.persons += _surnames_alone(doc, self.persons, lex, quoted)
        self.orgs = [(e.start, names.clean_name(e.text)) for e in doc.entities if e.type == "ORG"]
        self.places = [(e.start, names.clean_name(e.text)) for e in doc.entities if e.type in {"LOC", "GPE"}]
        self.quoted = quoted
        self.named = [m.name for m in mentions if m and m.kind is SourceKind.PERSON and not m.pronoun]
        self.genders = GenderEvidence(doc, lex, self.persons, quoted, told)
        self.entities: dict[str, _Entity] = {}
        self._fullest: dict[tuple[str, int | None], str] = {}  # fullest_person, computed once per name

    def fullest_person(self, name: str, pos: int | None = None) -> str:
        key = (name, pos)
        if key not in self._fullest:
            self._fullest[key] = self._fullest_person(name, pos)
        return self._fullest[key]

    def _fullest_person(self, name: str, pos: int | None = None) -> str:
        """The longest person name of the article that ends with this one's surname and holds its
        words (of two people sharing a surname, the one the article named first, before ``pos``: a
        writer gives the other one more than the surname); a lone first name takes the one full
        name that starts with it ("Fiona" -> "Fiona Parry")."""
        key = _surname_key(name, self.lex)
        toks = [t for t in _tokens(name) if t.lower() not in self.lex.honorifics]
        best = " ".join(toks) or name
        cands = [n for _, n in self.persons] + self.named
        for cand in cands:
            ctoks = _tokens(cand)
            longer = ctoks and ctoks[-1].lower().rstrip(".,") == key and len(_tokens(best)) < len(ctoks) <= 5
            lowered = {t.lower() for t in ctoks}  # "De Miranda" at a sentence start is "Luis de Miranda"
            if longer and all(t.lower() in lowered for t in toks):
                best = " ".join(ctoks)
        if pos is not None and len(toks) == 1 and best != toks[0]:
            best = self._first_full_name(toks[0], key, pos) or best
        if len(toks) == 1 and best == toks[0]:
            full = {" ".join(c) for c in map(_tokens, cands) if 2 <= len(c) <= 4 and c[0] == toks[0]}
            if len(full) == 1:
                best = full.pop()
        return best

    def _first_full_name(self, tok: str, key: str, pos: int) -> str | None:
        """The full name with this surname written before ``pos``, when two people share it: the
        first in the same paragraph (a page of teasers names each story's people anew), else the
        article's first."""
        full = [(p, n, t) for p, n in self.persons if len(t := _tokens(n)) >= 2 and t[-1].lower().rstrip(".,") == key]
        if len({n for _, n, _ in full}) < 2:
            return None
        before = [(p, n) for p, n, t in full if p < pos and tok in t]
        near = [b for b in before if "\n" not in self.doc.text[b[0] : pos]]
        chosen = min(near or before) if before else None
        return self.fullest_person(chosen[1]) if chosen else None

    @functools.cached_property
    def paragraphs(self) -> list[tuple[int, int]]:
        return paragraph_spans(self.doc.text)

    @functools.cached_property
    def titled(self) -> list[tuple[int, str, frozenset[str]]]:
        """Each person name with the title words written before it (only an article with a title
        nominal needs them)."""
        return [(p, n, _titles_before(self.doc, p, self.lex)) for p, n in self.raw]

    def titled_person(self, m: MentionInfo) -> _Entity | None:
        """*the Republican nominee*, a headline's *Retired General*: the person the article gives that
        title ("GOP nominee Donald Trump", "Gen. Norman Ham"); the one sharing most of the mention's
        words, then the nearest before it, else the first after it (a headline comes first)."""
        toks = [names.title_key(t) for t in _tokens(m.name)]
        if not toks or not (toks[-1] in self.lex.title_words or self._descriptor(m, toks[-1])):
            return None
        indefinite = m.mention.lower().split()[0] in _INDEFINITE and not _in_headline(self.doc, m.start)
        if indefinite and not _in_lede(self.paragraphs, m.start):
            return None  # "a Republican strategist": one unnamed person
        fits = [
            (len(set(toks) & titles), p, n)
            for p, n, titles in self.titled
            if toks[-1] in titles and not _in_headline(self.doc, p) and not (m.start <= p < m.end)
        ]
        if indefinite:
            # a lede's "A New York judge has rejected …", named soon after ("Justice Frank Nervo rejected …")
            here = _paragraph_of(self.paragraphs, m.start)
            fits = [
                f for f in fits if f[1] > m.start and _paragraph_of(self.paragraphs, f[1]) - here <= LEDE_NAMED_WITHIN
            ]
            if not fits:
                return None
        if not fits:
            # "Russia's United Nations ambassador": an office of a body named with it is no one's
            # the article names most
            lead = toks[-1] in self.lex.title_words and not m.affiliation
            return self._most_named_before(m.start) if lead else None
        best = max(f[0] for f in fits)
        fits = [(p, n) for score, p, n in fits if score == best]
        before = [f for f in fits if f[0] < m.start]
        _, raw = max(before) if before else min(fits)
        name = person_name(raw, self.lex)
        return self.entity(SourceKind.PERSON, self.fullest_person(name)) if name else None

    def _descriptor(self, m: MentionInfo, noun: str) -> bool:
        """*the rapper* after "rapper Kanye West": a definite person noun the article writes
        before a name (not in the title list) names that person too."""
        return m.nominal and any(noun in titles for p, _, titles in self.titled if p < m.start)

    def _most_named_before(self, pos: int) -> _Entity | None:
        """*the GOP presidential nominee* with no one given that title: the person the article names
        most often before it (the article's subject), when one clearly leads."""
        counts = Counter(_surname_key(n, self.lex) for p, n in self.persons if p < pos)
        ranked = counts.most_common(2)
        if not ranked or ranked[0][1] < 3 or (len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]):
            return None
        key = ranked[0][0]
        name = next(n for p, n in self.persons if p < pos and _surname_key(n, self.lex) == key)
        return self.entity(SourceKind.PERSON, self.fullest_person(name))

    def fullest_nominal(self, m: MentionInfo) -> _Entity | None:
        """*the poll* -> the latest earlier poll the article names ("a new Reuters/Ipsos opinion poll";
        "an exhaustive study" names none); a shorter name of a document named before takes that
        name ("The Reuters/Ipsos poll" after "the Reuters/Ipsos opinion poll"); a group likewise
        ("the companies" after "Fortune 500 companies")."""
        toks = re.findall(r"\w+", m.name.lower())
        bare = len(m.mention.split()) == 2 and m.mention.split()[0].lower() in _DEFINITE
        if not toks or not (bare or m.mention.lower().startswith("the ")):
            return None
        at = word_at(self.doc, m.start) or 0
        best = None
        for w in self.doc.words[:at]:
            if w.upos in {"NOUN", "PROPN", "X"} and w.lower_text() == toks[-1]:  # "poll" may be tagged a name
                s = _premodified(self.doc, w.i, self.lex.function_words)
                name = self.doc.text[self.doc.words[s].start : w.end]
                longer = set(toks) < set(re.findall(r"\w+", name.lower()))
                if any(_name_word(x) for x in self.doc.words[s : w.i]) and (bare or longer):
                    best = name  # the latest named one
        if best is None and bare and m.kind is SourceKind.DOCUMENT:
            return self._research_before(toks[-1], m.start)
        return self.entity(m.kind, best) if best else None

    def _research_before(self, noun: str, pos: int) -> _Entity | None:
        """*the report* after "a Reuters survey of voter lists" found …: one piece of research the
        article calls by another noun (guideline 5 of the gold), when it is the latest document
        that spoke."""
        prior = self.last_of({SourceKind.DOCUMENT}, pos)
        if noun not in _RESEARCH or prior is None or not {t.lower() for t in _tokens(prior.name)} & _RESEARCH:
            return None
        return prior

    def org_match(self, name: str) -> str:
        """An acronym or a part of an organisation's name -> that organisation's full name."""
        low = name.lower()
        for ent in self.entities.values():
            if ent.kind is not SourceKind.ORGANIZATION:
                continue
            short = names.short_form(self.doc.text, ent.name, self.lex)
            if short and name.replace(".", "") == short:
                return ent.name
            if low != ent.name.lower() and low in ent.name.lower() and len(low) > 3:
                return ent.name
        for _, cand in self.orgs:
            short = names.short_form(self.doc.text, cand, self.lex)
            if short and name == short:
                return cand
        return name

    def last_of(self, kinds: set[SourceKind], pos: int) -> _Entity | None:
        best = None
        for ent in self.entities.values():
            if ent.kind in kinds and ent.last_pos <= pos and (best is None or ent.last_pos > best.last_pos):
                best = ent
        return best

    def persons_before(self, m: MentionInfo) -> list[tuple[int, str]]:
        """Persons named before the mention, none inside what it says ("More jobs for people like
        Peter Smith, she said": she is not Peter Smith)."""
        own = m.content or (0, 0)
        return [(p, n) for p, n in self.persons if p < m.start and not own[0] <= p < own[1]]

    def gendered_person(self, m: MentionInfo) -> _Entity | None:
        """*he*/*she*: the nearest person whose gender, as the article states it, is the pronoun's
        (within ``AGREEMENT_REACH`` characters), among persons who have spoken before (salience),
        then among persons named before, unless one named later is in the pronoun's sentence or
        the one before it; else the nearest of unstated gender, in the same order; never one the
        article gives the other gender."""
        seen = [(e.last_pos, e.name) for e in self.entities.values() if e.kind is SourceKind.PERSON]
        named = [(p, self.fullest_person(n)) for p, n in self.persons_before(m)]
        (seen_ok, seen_unknown), (named_ok, named_unknown) = (self._agreeing(m, pool) for pool in (seen, named))
        order = [seen_ok, named_ok, seen_unknown, named_unknown]
        subject = self._subject_named_before(m, named)
        winner = seen_ok or named_ok
        if subject and (winner is None or subject[0] > winner[0]):
            order.insert(0, subject)  # "Senator James Lankford … played down … ‘…,’ he said": the subject just named
        found = next((f for f in order if f is not None), None)
        return None if found is None else self.entity(SourceKind.PERSON, found[1])

    def _subject_named_before(self, m: MentionInfo, named: list[tuple[int, str]]) -> tuple[int, str] | None:
        """The nearest person named as a subject in the pronoun's sentence or the one before, whose
        stated gender does not contradict the pronoun."""
        want = self.lex.gendered.get(m.mention.lower())
        for pos, name in sorted((c for c in named if c[0] <= m.start), reverse=True):
            if not self._subject_just_before(pos, m.start):
                continue
            gender = self._gender(name)
            if want is None or gender in {want, "unknown"}:
                return pos, name
        return None

    def _subject_just_before(self, pos: int, at: int) -> bool:
        """Whether the name at ``pos`` is a clause subject in the sentence of ``at`` or the one before it."""
        k, h = word_at(self.doc, pos), word_at(self.doc, at)
        if k is None or k >= (h if h is not None else len(self.doc.words)):
            return False
        w = self.doc.words[k]
        here = w.sent if h is None else self.doc.words[h].sent
        if here - w.sent > 1:
            return False
        sent = self.doc.sentences[w.sent]
        if not sent.parsed:  # a sentence left unparsed: a name that opens it (after titles) is its subject
            return all(x.text[:1].isupper() for x in self.doc.words[sent.first : w.i])
        k = w.i  # the name's head word: follow flat/compound parts to the word they hang on ("Senator")
        for _ in range(4):
            if self.doc.words[k].deprel not in {"flat", "compound", "flat:name"} or self.doc.words[k].head < 0:
                break
            k = self.doc.words[k].head
        return self.doc.words[k].deprel in {"nsubj", "nsubj:pass"}

    def _gender(self, name: str) -> str:
        """The gender the article states for this person (with the pronouns resolved to it so far)."""
        ent = self.entities.get(source_id(SourceKind.PERSON, name)) or _Entity(name, SourceKind.PERSON)
        return str(self.genders.of(ent))

    def _agreeing(
        self, m: MentionInfo, pool: list[tuple[int, str]]
    ) -> tuple[tuple[int, str] | None, tuple[int, str] | None]:
        """The nearest person of the pool whose stated gender agrees, and the nearest of unstated gender."""
        want = self.lex.gendered.get(m.mention.lower())
        unknown = None
        for pos, name in sorted((c for c in pool if c[0] <= m.start), reverse=True):
            gender = self._gender(name)
            if want is None or (gender == want and m.start - pos <= AGREEMENT_REACH):
                return (pos, name), unknown
            if gender == "unknown" and unknown is None:
                unknown = (pos, name)
        return None, unknown

    def entity(self, kind: SourceKind, name: str) -> _Entity:
        return self.entities.setdefault(source_id(kind, name), _Entity(name, kind))

    def relative(self, m: MentionInfo) -> _Entity | None:
        """A relative pronoun refers to the name just before it ("Barkley, who said …")."""
        near = [p for p in self.persons if p[0] < m.start and m.start - p[0] < RELATIVE_REACH]
        return self.entity(SourceKind.PERSON, self.fullest_person(max(near)[1])) if near else None

    def antecedent(self, m: MentionInfo) -> _Entity:
        """*he*/*she* -> the last person, *it* -> the last organisation, *they* -> the last group or
        organisation, a nominal -> the last source of its kind; else the nearest earlier name."""
        kinds = {m.kind}
        if m.kind is SourceKind.GROUP:
            kinds = {SourceKind.GROUP, SourceKind.ORGANIZATION}
        ent = self.subject_it(m) or self.named_thing_it(m) or self.org_by_head(m)
        if ent is None:
            ent = self.gendered_person(m) if m.kind is SourceKind.PERSON else self.last_of(kinds, m.start)
        if ent is None and m.kind is SourceKind.PERSON:
            prior = self.persons_before(m)
            if prior:
                ent = self.entity(SourceKind.PERSON, self.fullest_person(prior[-1][1]))
        if ent is None and m.kind is SourceKind.ORGANIZATION:
            prior = [p for p in self.orgs if p[0] < m.start]
            if prior:
                ent = self.entity(SourceKind.ORGANIZATION, prior[-1][1])
        if ent is None:
            ent = self.entities.setdefault(source_id(m.kind, f"{m.name}-{m.start}"), _Entity(m.name, m.kind))
        return ent

    def subject_it(self, m: MentionInfo) -> _Entity | None:
        """ "Beijing will “seriously” implement the sanctions, it said": an organisation or place that
        is a subject earlier in the pronoun's own sentence, outside quotation marks, is what *it* is."""
        if not _is_it(m):
            return None
        doc = self.doc
        k = word_at(doc, m.start)
        if k is None:
            return None
        sent = doc.sentences[doc.words[k].sent]
        for pos, name in sorted(self.orgs + self.places, reverse=True):
            j = word_at(doc, pos)
            if j is None or not sent.first <= j < k or any(s <= pos < e for s, e in self.quoted):
                continue
            if _entity_subject(doc, j, sent.first, pos + len(name)):
                return self.entity(SourceKind.ORGANIZATION, self.org_match(name))
        return None

    def org_by_head(self, m: MentionInfo) -> _Entity | None:
        """ "the conservation department" -> the latest source before it, an organisation whose name
        holds that noun ("New Zealand Department of Conservation"), not merely the latest organisation."""
        if not m.nominal or m.kind is not SourceKind.ORGANIZATION or not m.name.split():
            return None
        head = m.name.split()[-1].lower()

        def holds(name: str) -> bool:  # as a word of the proper name: "Department", not "one company"
            return head in [t.lower() for t in name.split() if t[:1].isupper()]

        spoke = [
            (e.last_pos, e.name)
            for e in self.entities.values()
            if e.kind is SourceKind.ORGANIZATION and e.last_pos <= m.start and holds(e.name)
        ]
        found = max(spoke, default=None)
        return None if found is None else self.entity(SourceKind.ORGANIZATION, self.org_match(found[1]))

    def named_thing_it(self, m: MentionInfo) -> _Entity | None:
        """ "Roscosmos said … It said …": a one-word name that no *he* or *she* refers to, and
        that *it* refers to after it (no organisation came between), is an organisation, whatever
        a tagger called it."""
        if not _is_it(m):
            return None
        last = self.last_of({SourceKind.ORGANIZATION, SourceKind.PERSON}, m.start)
        if last is None or last.kind is not SourceKind.PERSON or " " in last.name or self._a_persons(last):
            return None
        last.kind = SourceKind.ORGANIZATION
        return last

    def _a_persons(self, e: _Entity) -> bool:
        """ "he"/"she" resolved to it, or a gender the article gives it ("Mr. Lew")."""
        return any(p in GENDERED_PRONOUNS for p in e.pronouns) or self.genders.of(e) is not Gender.UNKNOWN

    def named_entity(self, m: MentionInfo) -> _Entity:
        name, kind = m.name, m.kind
        if m.parts:
            name = self._conjuncts(m)
        if kind is SourceKind.ORGANIZATION and len(_tokens(name)) == 1 and self.fullest_person(name) != name:
            kind = SourceKind.PERSON  # a surname the NER took for an organisation ("Doe said")
        if kind is SourceKind.PERSON:
            name = self.fullest_person(name, m.start)
        elif kind is SourceKind.ORGANIZATION:
            name = self.org_match(name)
        ent = self.entity(kind, name)
        if m.name not in ent.aliases:
            ent.aliases.append(m.name)
        return ent

    def _conjuncts(self, m: MentionInfo) -> str:
        """ "Joseph and other community members": each named conjunct by its fullest name, a title by
        the person who holds it; "Trump and his aides": *Donald Trump and aides of Donald Trump*."""
        out: list[str] = []
        person = False  # whether the conjunct before is a person the article names
        known = {n for _, n in self.persons}
        for part in m.parts:
            word, _, rest = part.partition(" ")
            owned = word in {"his", "her"} and bool(rest)
            if owned:
                out.append(f"{rest} of {out[-1]}" if person else rest)
                person = False
            elif part[:1].isupper() and not self._body_name(part):
                titled = self.titled_person(replace(m, name=part, mention=part, parts=()))
                out.append(titled.name if titled else self.fullest_person(part, m.start))
                person = titled is not None or out[-1] in known
            else:
                out.append(part)
                person = False
        return names.join_conjuncts(out)

    def _body_name(self, name: str) -> bool:
        """A conjunct that names a body, not a person: it holds an organisation word or a small
        word no person's name has ("Citizens for Tax Justice", "Education Fund")."""
        toks = [t.lower() for t in _tokens(name)]
        return any(t in self.lex.org_words or t in {"for", "of", "the", "on"} for t in toks)

    def owned(self, m: MentionInfo) -> _Entity | None:
        """ "Her daughter" -> *daughter of Amelize Joseph*, "Ivana Trump's brief" -> *brief of Ivana
        Trump*; an organisation takes its owner's name before it ("Hillary Clinton's campaign" ->
        *Clinton campaign*)."""
        owner = self.owner_of(m)
        if owner is None:
            return None
        kin = self._kin_named(m, owner)
        if kin is not None:
            return kin
        if m.kind is SourceKind.ORGANIZATION:
            lead = _tokens(owner.name)[-1] if owner.kind is SourceKind.PERSON else owner.name
            name = f"{lead} {m.name}"
        else:
            name = f"{m.name} of {owner.name}"
        ent = self.entity(m.kind, name)
        if m.name not in ent.aliases:
            ent.aliases.append(m.name)
        return ent

    def _kin_named(self, m: MentionInfo, owner: _Entity) -> _Entity | None:
        """ "His ex-wife" after "Donald Trump's divorce from wife Ivana": the person the article names
        right after that kin noun, in a sentence that names the owner too."""
        kin = m.name.lower().split()[-1].rsplit("-", 1)[-1] if m.name else ""
        if kin not in KIN_NOUNS or owner.kind is not SourceKind.PERSON:
            return None
        surname = _tokens(owner.name)[-1]
        for p, n in reversed([x for x in self.persons if x[0] < m.start]):
            if not re.search(rf"\b{kin},? $", self.doc.text[max(0, p - len(kin) - 3) : p].lower()):
                continue
            k = word_at(self.doc, p)
            if k is not None and surname in self.doc.text[self.doc.sentences[self.doc.words[k].sent].start : p]:
                ent = self.entity(SourceKind.PERSON, self.fullest_person(n, p))
                ent.described.append(m.name)
                return ent
        return None

    def owner_of(self, m: MentionInfo) -> _Entity | None:
        o = m.owner
        if o is None:
            return None
        if not o.pronoun:
            if o.kind is SourceKind.PERSON:
                return _Entity(self.fullest_person(o.name, o.start), SourceKind.PERSON)
            return _Entity(self.org_match(o.name), SourceKind.ORGANIZATION)
        low = o.mention.lower()
        if low in {"his", "her"}:
            return self.gendered_person(replace(o, start=m.start))
        kinds = {SourceKind.ORGANIZATION} if low == "its" else {SourceKind.GROUP, SourceKind.ORGANIZATION}
        return self.last_of(kinds, m.start)

    def author(self, m: MentionInfo) -> _Entity | None:
        """ "I didn't expect him to …" outside any quotation: the writer (guideline 12 of the gold)."""
        if not m.pronoun or m.mention.lower() not in {"i", "me"} or any(s <= m.start < e for s, e in self.quoted):
            return None
        return self.entity(SourceKind.ANONYMOUS, "author")

    def place(self, m: MentionInfo) -> _Entity | None:
        """ "the state", "the city": the place the article named last before it ("Florida")."""
        if not m.nominal or m.name.lower() not in _PLACE_NOUNS:
            return None
        prior = [p for p in self.places if p[0] < m.start]
        return self.entity(SourceKind.ORGANIZATION, prior[-1][1]) if prior else None

    def resolve(self, m: MentionInfo) -> _Entity:
        ent = self.author(m) or self.place(m)
        if ent is None and m.pronoun and m.mention.lower() == "who":
            ent = self.relative(m)
        titled = m.kind is SourceKind.ANONYMOUS or (m.nominal and m.kind is SourceKind.PERSON)
        if ent is None and titled and not m.pronoun:
            ent = self.titled_person(m)
        if ent is None and m.owner is not None:
            ent = self.owned(m)
        if ent is None and m.kind in {SourceKind.DOCUMENT, SourceKind.GROUP} and not m.parts:
            ent = self.fullest_nominal(m)
        if ent is None:
            ent = self.antecedent(m) if (m.pronoun or m.nominal) else self.named_entity(m)
        ent.role = ent.role or m.role
        ent.affiliation = ent.affiliation or m.affiliation
        ent.anonymity_reason = ent.anonymity_reason or m.anonymity_reason
        ent.last_pos = m.start
        if m.pronoun:
            ent.pronouns.append(m.mention.lower())
        return ent


def _is_it(m: MentionInfo) -> bool:
    return m.pronoun and m.mention.lower() == "it"


def _entity_subject(doc: ParsedDoc, j: int, first: int, end: int) -> bool:
    """The name at word ``j`` is a clause's subject: so parsed, or opening the sentence before a
    verb ("Beijing will …", which a parser may take for a verb itself)."""
    after = word_at(doc, end + 1)
    if j == first and after is not None and doc.words[after].upos in {"AUX", "VERB"}:
        return True
    while doc.words[j].deprel in {"flat", "compound"} and 0 <= doc.words[j].head != j:
        j = doc.words[j].head
    return doc.words[j].deprel in SUBJECT_RELS


def resolve_sources(
    doc: ParsedDoc,
    mentions: Sequence[MentionInfo | None],
    *,
    lex: Lexicon,
    quoted: Sequence[tuple[int, int]] = (),
    told: Sequence[tuple[int, int]] = (),
    stated: dict[str, tuple[str | None, str | None]] | None = None,
) -> list[Resolved | None]:
    """Resolve each mention (in document order) to a canonical source of the article; names
    inside ``quoted`` spans (direct quotations) are never antecedents, those in ``told`` spans
    (quoted passages that tell) are; ``stated`` holds the roles the article gives elsewhere
    ("Noah Bonsey, a senior analyst at the ICG, …")."""
    r = _Resolver(doc, mentions, lex, quoted, told)
    ents = [None if m is None else r.resolve(m) for m in mentions]
    for e in r.entities.values():
        if e.kind is SourceKind.PERSON and (e.role is None or e.affiliation is None):
            role, aff = next(((v for k, v in (stated or {}).items() if _same_person(k, e.name))), (None, None))
            e.role, e.affiliation = e.role or role, e.affiliation or aff
    ents = _one_per_name(ents, lex)
    final = {id(e): _freeze(e, doc, lex, r.genders) for e in r.entities.values()}
    return [None if m is None or e is None else Resolved(m, final[id(e)]) for m, e in zip(mentions, ents, strict=True)]


def _one_per_name(ents: list[_Entity | None], lex: Lexicon) -> list[_Entity | None]:
    """A name the article makes an organisation in some places and a person in others ("Uber",
    "Forbes") is one source throughout: of the kind most of its mentions have; on a tie, a person
    when it reads as first and last name ("John Kirby"), else an organisation ("ProPublica")."""
    by_name: dict[str, list[_Entity]] = {}
    for e in ents:
        if e is not None and e.kind in {SourceKind.PERSON, SourceKind.ORGANIZATION}:
            group = by_name.setdefault(e.name, [])
            if not any(x is e for x in group):
                group.append(e)
    counts = Counter(id(e) for e in ents if e is not None)

    def rank(e: _Entity) -> tuple[int, bool]:
        toks = e.name.lower().split()
        personal = len(toks) >= 2 and not any(t in lex.org_words for t in toks)
        return counts[id(e)], (e.kind is SourceKind.PERSON) == personal

    keep = {id(x): max(group, key=rank) for group in by_name.values() for x in group}
    return [e if e is None else keep.get(id(e), e) for e in ents]


def _same_person(written: str, name: str) -> bool:
    return written.endswith(name) or name.endswith(written)


def _freeze(e: _Entity, doc: ParsedDoc, lex: Lexicon, genders: GenderEvidence) -> Source:
    short = names.short_form(doc.text, e.name, lex) if e.kind is SourceKind.ORGANIZATION else None
    aliases = list(e.aliases)
    if short and short not in aliases:
        aliases.append(short)
    if e.name not in aliases:
        aliases.insert(0, e.name)
    return Source(
        id=source_id(e.kind, e.name),
        name=e.name,
        kind=e.kind,
        short=short,
        role=e.role,
        affiliation=e.affiliation,
        aliases=tuple(aliases),
        gender=genders.of(e) if e.kind is SourceKind.PERSON or _one_unnamed(e) else None,
        anonymity_reason=e.anonymity_reason if e.kind is SourceKind.ANONYMOUS else None,
    )


def _one_unnamed(e: _Entity) -> bool:
    """An anonymous individual ("a spokeswoman", "senior official"), not anonymous "sources"."""
    head = e.name.split(" of ")[0].split()[-1:] or [""]
    return e.kind is SourceKind.ANONYMOUS and not names.plural_noun(head[0])


def corpus_aliases(sources: Sequence[Source]) -> dict[str, str]:
    """Map source ids from many articles to one id per organisation.

    Persons merge on their full name only (each article has already tied its surnames to the
    full name it writes): a bare surname or first name never joins another article's person.
    An organisation's acronym (*ICG*) or a part of its name (*Crisis Group*) joins the only full
    name it fits (*International Crisis Group*).  Ids that match nothing map to themselves.
    """
    mapping: dict[str, str] = {}
    orgs = {s.id: s.name for s in sources if s.kind is SourceKind.ORGANIZATION}
    full_orgs = {sid: name for sid, name in orgs.items() if len(_tokens(name)) > 1}
    for sid, name in orgs.items():
        core = name.removeprefix("the ").removeprefix("The ")
        hits = set()
        for fid, full in full_orgs.items():
            if fid == sid or len(_tokens(full)) <= len(_tokens(core)):
                continue
            short = names.acronym(full)
            if (short and name.replace(".", "") == short) or (
                len(core) > 3 and f" {core.lower()} " in f" {full.lower()} "
            ):
                hits.add(fid)
        if len(hits) == 1:
            mapping[sid] = next(iter(hits))
    return mapping


GENERIC_KINDS = frozenset({SourceKind.GROUP, SourceKind.ANONYMOUS, SourceKind.DOCUMENT})


def corpus_source_id(source_id: str, kind: SourceKind | str, name: str, article_id: str) -> str:
    """The id a source has across a corpus: generic groups, anonymous sources and unnamed
    documents (*researchers*, *a spokesperson*, *the report*) stay per article; named ones
    (*Democrats*, *the Quinnipiac poll* written with capitals) and everything else are corpus-wide."""
    if SourceKind(kind) in GENERIC_KINDS and not name[:1].isupper():
        return f"{source_id}--{slug(article_id)}"
    return source_id
