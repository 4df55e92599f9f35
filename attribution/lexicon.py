"""Every word list and character class the rules use, in one place.

Word lists live in ``attribution/data/`` (one entry per line, ``#`` comments) and are
read lazily by :func:`default_lexicon`; nothing is read at import time.  UD relation
sets that the rules test are named constants here too.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from importlib import resources

__all__ = [
    "ACCORDING_LEMMAS",
    "ADDRESSEE_LEMMAS",
    "CALL_OBJECTS",
    "CLAUSE_ONLY_LEMMAS",
    "CONTENT_PREPS",
    "CONTENT_RELS",
    "HYPOTHETICAL_MODALS",
    "MODAL_VERBS",
    "NAME_PARTICLES",
    "PARTICLE_RELS",
    "PHRASAL_SPEECH",
    "PP_CONTENT_WIDER",
    "QUOTE_FAMILIES",
    "SUBJECT_RELS",
    "THING_SENSE_LEMMAS",
    "TIME_NOUNS",
    "Lexicon",
    "OutletEntry",
    "default_lexicon",
    "normalize",
]

# Quotation characters by family: any opener of a family may be closed by any closer of the
# same family, which tolerates the sloppy mixes real text holds ("…” and “…").
QUOTE_FAMILIES: dict[str, tuple[str, str]] = {
    # family: (characters that may open, characters that may close)
    "double": ('“„‟"〝', '”“"〞'),
    "single": ("‘‚‛'", "’‘'"),
    "guillemet": ("«", "»"),
    "single_guillemet": ("‹", "›"),
}

# UD relations the rules test.
SUBJECT_RELS = frozenset({"nsubj", "nsubj:pass", "csubj", "nsubj:outer"})
CONTENT_RELS = frozenset({"ccomp", "xcomp", "parataxis"})
ACCORDING_LEMMAS = frozenset({"accord", "according"})

# Verbs whose object is the addressee, not the content ("told AP", "warned reporters").
ADDRESSEE_LEMMAS = frozenset(
    {"tell", "ask", "inform", "assure", "warn", "remind", "urge", "brief", "promise", "advise", "notify", "write"}
)

# Objects of an addressee verb that are what was told, not whom ("told the story of …", "tell the truth").
TOLD_THINGS = frozenset({"story", "truth", "lie", "joke", "tale", "secret", "anecdote", "fib"})

# Nouns of time: a phrase headed by one is when something was said, never who said it.
TIME_NOUNS = frozenset(
    {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
        "tomorrow", "tonight", "week", "weekend", "month", "year", "day", "morning", "afternoon", "evening",
        "night", "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "time", "hour", "minute", "moment", "decade", "century",
    }
)  # fmt: skip

# Cue verbs whose noun-phrase object is not what was said ("posted a video", "estimated the
# timeline", "pointed the way", "charged him", "maintains 4,300 miles of gas mains"): they report
# speech only with a clause.
# Modal auxiliaries ("would continue", "could say"): a hypothetical or a question, not a report.
MODAL_VERBS = frozenset({"will", "would", "can", "could", "shall", "should", "may", "might", "must"})
# The modals that make a report hypothetical ("might have suggested", "few would argue"); *will* is
# not one, since a speech announced for later is still reported.
HYPOTHETICAL_MODALS = MODAL_VERBS - {"will"}
# Stances whose object is what they report ("endorsed Cruz", "citing low growth"): no clause needed.
OBJECT_CONTENT_WIDER = frozenset({"cite", "endorse"})
# Wider cues whose topic comes in a prepositional phrase ("referring to Obama", "talked about the
# wall", "focused on jobs", "voted for Carson"): only a learned decision may keep those.
PP_CONTENT_WIDER = frozenset(
    {("refer", "to"), ("talk", "about"), ("focus", "on"), ("vote", "for"), ("vote", "against")}
)
CLAUSE_ONLY_LEMMAS = frozenset({"post", "estimate", "charge", "inform", "score", "brief", "thank", "maintain"})
# Phrasal verbs that still report speech ("pointed out", "spoke out", "spelled out").
PHRASAL_SPEECH = frozenset({("point", "out"), ("speak", "out"), ("spell", "out"), ("lay", "out"), ("sum", "up")})
# The only prepositions that may start a content after its cue ("spoke about the death", "called
# for an end", "spoke of the legacy"); any other starts none ("pointed at the door", "along the rim").
CONTENT_PREPS = frozenset({"about", "of", "for", "to", "on", "over", "against", "regarding"})
# Cue verbs that report no speech when a thing is their subject ("the data suggests", "the
# revision added a jack", "the findings predict"): kept only with a person, group, organisation or document.
THING_SENSE_LEMMAS = frozenset(
    {"add", "maintain", "suggest", "predict", "answer", "threaten", "blame", "call", "show", "describe", "repeat"}
)
# Words inside a person's name that are not capitalised ("Luis de Miranda", "Faisal bin Ali Jaber"),
# and the marks a name may hold ("Jean-Luc", "G.K.").
NAME_PARTICLES = frozenset(
    {"al", "el", "de", "da", "van", "von", "bin", "ibn", "der", "den", "la", "le", "du", "-", "."}
)
# Objects that make a cue a call, not speech ("answered a 911 call", "call a cab", "called an ambulance").
CALL_OBJECTS = frozenset({"call", "phone", "telephone", "door", "cab", "taxi", "ambulance", "doorbell"})
# Particles that make another verb of a cue ("wrote off", "called out", "pointed out" takes a clause).
PARTICLE_RELS = frozenset({"compound:prt"})

# Kin a name may be apposed to: in "a publicist for Thicke's son, Robin, said" the name is the
# son's, not the speaker's (but "her mother, Fiona, said": the kin is the speaker).
KIN_NOUNS = frozenset(
    {
        "son", "daughter", "wife", "husband", "mother", "father", "brother", "sister", "child", "parent",
        "grandson", "granddaughter", "grandmother", "grandfather", "uncle", "aunt", "nephew", "niece",
        "cousin", "spouse", "widow", "widower", "fiancé", "fiancée", "girlfriend", "boyfriend", "stepson",
        "stepdaughter", "stepfather", "stepmother",
    }
)  # fmt: skip

# Naming verbs before a quoted phrase mark a name or a scare quote, not speech
# (known as “the capital of the revolution”).
NAMING_LEMMAS = frozenset(
    {"know", "call", "dub", "name", "title", "label", "nickname", "term", "brand", "so-called", "entitle"}
)


@dataclass(frozen=True, slots=True)
class OutletEntry:
    name: str
    kind: str
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Frozen word lists; pass a small one in tests."""

    speech_verbs: frozenset[str]
    wider_verbs: frozenset[str]
    title_words: frozenset[str]
    honorifics: frozenset[str]
    group_nouns: frozenset[str]
    anonymous_words: frozenset[str]
    anonymous_phrases: tuple[str, ...]
    org_words: frozenset[str]
    outlets: tuple[OutletEntry, ...]
    outlet_index: dict[str, OutletEntry]  # normalised name or alias -> entry
    irregular: dict[str, tuple[str, ...]]  # lemma -> irregular forms (say -> said)
    cue_form_lemmas: dict[str, str]  # every form of a cue verb -> its lemma (said -> say)
    document_nouns: frozenset[str] = frozenset()  # "a 2014 study", "the report": kind document
    corporate_suffixes: frozenset[str] = frozenset()  # "Corp", "Inc": never in an acronym
    leading_words: frozenset[str] = frozenset()  # "Though", "For", "Were": never start a name
    credit_words: frozenset[str] = frozenset()  # "Getty Images", "Photo": credits before a name
    function_words: frozenset[str] = frozenset()  # "the", "about": never a content word or part of a name
    gendered: dict[str, str] = field(default_factory=dict)  # "she" -> "female", "Mr." -> "male"

    def cue_forms(self, *, wider: bool = True) -> frozenset[str]:
        """Every surface form a cue verb may take (before any tagging), plus "according".

        Examples:
            >>> forms = default_lexicon().cue_forms()
            >>> {"said", "says", "saying", "told", "noted", "admitted", "according"} <= forms
            True
        """
        lemmas = self.speech_verbs | (self.wider_verbs if wider else frozenset())
        forms = {"according"}
        for lemma in lemmas:
            forms.update(inflections(lemma))
            forms.update(self.irregular.get(lemma, ()))
        return frozenset(forms)

    def cue_lemma(self, form: str) -> str | None:
        """The cue lemma a surface form belongs to, when the lemmatiser missed it.

        Examples:
            >>> default_lexicon().cue_lemma("Stated"), default_lexicon().cue_lemma("table")
            ('state', None)
        """
        return self.cue_form_lemmas.get(form.casefold().replace("’", "'"))

    def cue_tier(self, lemma: str) -> str | None:
        """Return ``"speech"``, ``"wider"`` or ``None`` for a verb lemma.

        Examples:
            >>> lex = default_lexicon()
            >>> lex.cue_tier("say"), lex.cue_tier("believe"), lex.cue_tier("eat")
            ('speech', 'wider', None)
        """
        low = lemma.lower()
        if low in self.speech_verbs:
            return "speech"
        if low in self.wider_verbs:
            return "wider"
        return None


def _form_index(speech: frozenset[str], wider: frozenset[str], irregular: dict[str, tuple[str, ...]]) -> dict[str, str]:
    index: dict[str, str] = {}
    # speech verbs win over wider ones when a form is shared
    for lemma in sorted(wider) + sorted(speech):
        for form in inflections(lemma) | set(irregular.get(lemma, ())):
            index[form] = lemma
    return index


def inflections(lemma: str) -> set[str]:
    """Regular English forms of a verb (a superset is fine: it only selects sentences to parse).

    Examples:
        >>> {"note", "noted", "notes", "noting"} <= inflections("note")
        True
        >>> {"admits", "admitted", "admitting"} <= inflections("admit")
        True
        >>> sorted(inflections("deny"))
        ['denied', 'denies', 'deny', 'denying']
    """
    out = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "ing"}
    if lemma.endswith("e"):
        out |= {lemma + "d", lemma[:-1] + "ing"}
        out -= {lemma + "ed", lemma + "es"}
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        out |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
        out -= {lemma + "s", lemma + "ed", lemma + "es"}
    if len(lemma) >= 3 and lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou":
        out |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    if not lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        out.discard(lemma + "es")
    return out


def normalize(s: str) -> str:
    """Fold case, curly apostrophes and a leading article for lexicon lookups.

    Examples:
        >>> normalize("The  Associated Press")
        'associated press'
        >>> normalize("ABC’s This Week")
        "abc's this week"
    """
    s = s.replace("’", "'").replace("‘", "'").casefold()
    words = s.split()
    if words and words[0] == "the" and len(words) > 1:
        words = words[1:]
    return " ".join(words)


def _lines(name: str) -> list[str]:
    text = resources.files("attribution.data").joinpath(name).read_text(encoding="utf-8")
    out = []
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].rstrip() if not raw.lstrip().startswith("#") else ""
        if line.strip():
            out.append(line)
    return out


def _outlet_index(entries: tuple[OutletEntry, ...]) -> dict[str, OutletEntry]:
    index: dict[str, OutletEntry] = {}
    for entry in entries:
        for alias in (entry.name, *entry.aliases):
            index.setdefault(normalize(alias), entry)
    return index


def _outlets() -> tuple[OutletEntry, ...]:
    entries = []
    for line in _lines("outlets.tsv"):
        parts = line.split("\t")
        name, kind = parts[0].strip(), parts[1].strip()
        aliases = tuple(a.strip() for a in (parts[2] if len(parts) > 2 else "").split("|") if a.strip())
        entries.append(OutletEntry(name, kind, aliases))
    return tuple(entries)


@functools.cache
def default_lexicon() -> Lexicon:
    """Load the packaged word lists once per process."""
    speech = frozenset(w.strip().lower() for w in _lines("speech_verbs.txt"))
    anon = _lines("anonymous_nouns.txt")
    outlets = _outlets()
    wider = frozenset(w.strip().lower() for w in _lines("wider_verbs.txt")) - speech
    irregular = {parts[0]: tuple(parts[1:]) for parts in (line.split() for line in _lines("irregular_verbs.txt"))}
    return Lexicon(
        speech_verbs=speech,
        wider_verbs=wider,
        title_words=frozenset(w.strip().lower() for w in _lines("title_words.txt")),
        honorifics=frozenset(w.strip().lower() for w in _lines("honorifics.txt")),
        group_nouns=frozenset(w.strip().lower() for w in _lines("group_nouns.txt")),
        anonymous_words=frozenset(w.strip().lower() for w in anon if not w.startswith("phrase:")),
        anonymous_phrases=tuple(w.split(":", 1)[1].strip().lower() for w in anon if w.startswith("phrase:")),
        org_words=frozenset(w.strip().lower() for w in _lines("org_words.txt")),
        outlets=outlets,
        outlet_index=_outlet_index(outlets),
        irregular=irregular,
        cue_form_lemmas=_form_index(speech, wider, irregular),
        document_nouns=_words("document_nouns.txt"),
        corporate_suffixes=_words("corporate_suffixes.txt"),
        leading_words=_words("leading_words.txt"),
        credit_words=_words("credit_words.txt"),
        function_words=_words("stop_words.txt"),
        gendered=_gendered(),
    )


def _words(name: str) -> frozenset[str]:
    return frozenset(w.strip().lower() for w in _lines(name))


def _gendered() -> dict[str, str]:
    out: dict[str, str] = {}
    for line in _lines("gendered_words.txt"):
        gender, *words = line.split("\t")
        out.update((w.strip().lower(), gender.strip()) for w in words if w.strip())
    return out
