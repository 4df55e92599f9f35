"""Canonical names: what may and may not be part of a source's name.

A canonical name is the fullest proper name of the entity and nothing else: titles and
honorifics are a role (*Conservative Leader* Andrew Scheer), credits and datelines are not
the speaker (*Getty Images* Kevin Vickers, *OTTAWA —*), sentence-initial words are not names
(*Though* Dunphy), and possessives, trailing punctuation and invisible characters never stay.
Everything here works on plain strings, so the same rules clean a mention, an NER entity and a
corpus name.
"""

from __future__ import annotations

import re

from .lexicon import Lexicon

__all__ = [
    "NAME_SUFFIXES",
    "acronym",
    "brand_word",
    "clean_name",
    "dateline_end",
    "dedupe_runs",
    "join_conjuncts",
    "plural_noun",
    "short_form",
    "split_title",
    "strip_leading",
    "written_acronym",
]

_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
_POSSESSIVE = re.compile(r"(?:['’]s|s['’]|['’])$")
_EDGE_PUNCT = " \t\n,.;:!?-–—()[]{}\"'“”‘’«»/|*•·"
_NAME_FUNCTION = frozenset({"of", "for", "and", "the", "on", "in", "at", "to", "de", "du", "des", "la", "le", "&"})
_TIME = re.compile(r"^(\d{1,2}([:.]\d{2})?|[ap]\.?m\.?|noon|midnight|\d{4}|\d+(st|nd|rd|th)?)$", re.IGNORECASE)
_DATELINE_DASH = frozenset({"—", "–", "-", "--"})


def clean_name(name: str) -> str:
    """Remove invisible characters, possessives, edge punctuation and repeated words.

    Examples:
        >>> clean_name("Campbell's")
        'Campbell'
        >>> clean_name("Traeger\\u200b")
        'Traeger'
        >>> clean_name("Justin Trudeau Trudeau")
        'Justin Trudeau'
        >>> clean_name("University of the")
        'University'
        >>> clean_name("Li.")
        'Li'
    """
    s = _INVISIBLE.sub("", name)
    s = " ".join(s.split())
    prev = None
    while prev != s:
        prev = s
        s = _POSSESSIVE.sub("", s.strip(_EDGE_PUNCT)).strip(_EDGE_PUNCT)
        toks = s.split()
        while toks and toks[-1].lower() in _NAME_FUNCTION:
            toks.pop()
        s = " ".join(toks)
    return dedupe_runs(s)


def join_conjuncts(parts: list[str]) -> str:
    """One name for conjoined speakers, as a list is written.

    Examples:
        >>> join_conjuncts(["United States", "Britain", "France"])
        'United States, Britain and France'
        >>> join_conjuncts(["India", "Pakistan"])
        'India and Pakistan'
    """
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def dedupe_runs(name: str) -> str:
    """Drop a run of words repeated right after itself ("Justin Trudeau Trudeau", "ICG ICG").

    Examples:
        >>> dedupe_runs("Noah Bonsey Noah Bonsey")
        'Noah Bonsey'
        >>> dedupe_runs("Boutros Boutros-Ghali")
        'Boutros Boutros-Ghali'
    """
    toks = name.split()
    changed = True
    while changed:
        changed = False
        for size in range(len(toks) // 2, 0, -1):
            for i in range(len(toks) - 2 * size + 1):
                a, b = toks[i : i + size], toks[i + size : i + 2 * size]
                if [t.lower() for t in a] == [t.lower() for t in b]:
                    toks = toks[: i + size] + toks[i + 2 * size :]
                    changed = True
                    break
            if changed:
                break
    # "Justin Trudeau Trudeau": a surname repeated after the full name
    while len(toks) >= 3 and toks[-1].lower() == toks[-2].lower():
        toks.pop()
    return " ".join(toks)


def strip_leading(toks: list[str], lex: Lexicon) -> int:
    """How many leading tokens are not part of a name: a dateline (``OTTAWA —``, ``BEIRUT (Reuters) -``),
    credits (``Getty Images``), sentence-initial function words (``Though``, ``For``), times (``7:30 p.m.``)."""
    if _is_dateline(toks):
        return len(toks)
    start = dateline_end(toks)
    changed = True
    while changed and start < len(toks):
        changed = False
        low = toks[start].lower().strip(".,:;")
        rest_named = any(t[:1].isupper() for t in toks[start + 1 :])
        leading = low in lex.leading_words and low not in lex.title_words
        credit = low in lex.credit_words and rest_named and _credit_run(toks, start, lex)
        if leading or credit or not low or _TIME.match(toks[start]):
            start += 1
            changed = True
    return start


def _credit_run(toks: list[str], i: int, lex: Lexicon) -> bool:
    """A credit word starts a run of credit words followed by a name ("Getty Images Kevin Vickers")."""
    j = i
    while j < len(toks) and toks[j].lower().strip(".,:;/") in lex.credit_words:
        j += 1
    return j - i >= 2 or (j < len(toks) and toks[j - 1].endswith(("/", ":")))


_MONTHS = frozenset(
    {
        "jan", "jan.", "feb", "feb.", "mar", "mar.", "apr", "apr.", "may", "jun", "jun.", "jul", "jul.", "aug",
        "aug.", "sep", "sep.", "sept", "sept.", "oct", "oct.", "nov", "nov.", "dec", "dec.", "january", "february",
        "march", "april", "june", "july", "august", "september", "october", "november", "december",
    }
)  # fmt: skip


def _is_dateline(toks: list[str]) -> bool:
    """ "FLINT, Mich., Oct. 4": a place in capitals, then a region or a date."""
    if len(toks) < 2 or not (toks[0].isupper() and len(toks[0]) >= 3 and toks[0].isalpha()):
        return False
    return toks[1] == "," and any(t.lower() in _MONTHS or t.isdigit() for t in toks[2:])


def dateline_end(toks: list[str]) -> int:
    """Index after a dateline and its dash, 0 when the words do not open with one.

    A dateline is upper-case place words (``OTTAWA``, ``BEIRUT (Reuters)``) or a place in capitals
    with a region or a date (``FLINT, Mich., Oct. 4 (UPI)``), then a dash.

    Examples:
        >>> dateline_end("FLINT , Mich. , Oct. 4 ( UPI ) — Former President Bill Clinton".split())
        10
        >>> dateline_end("OTTAWA — Leader Andrew Scheer".split()), dateline_end("Obama said — again".split())
        (2, 0)
    """
    for k, t in enumerate(toks[:14]):
        if t in _DATELINE_DASH:
            head = _without_agency(toks[:k])
            capitals = all(x.isupper() or x in {",", "."} or not x[:1].isalpha() for x in head)
            if head and (capitals or _is_dateline(head)):
                return k + 1
            return 0
    return 0


def _without_agency(toks: list[str]) -> list[str]:
    """The words of a dateline without its bracketed agency ("( UPI )", "(Reuters)")."""
    out, inside = [], False
    for x in toks:
        if x == "(":
            inside = True
        elif x == ")":
            inside = False
        elif not inside and not (x.startswith("(") or x.endswith(")")):
            out.append(x)
    return out


# Words no person name holds: a headline's "… Trump Supporter Who Was in a Hospital" has capitals, not a name.
NOT_NAME_WORDS = frozenset(
    {"who", "what", "which", "whose", "was", "is", "are", "were", "be", "been", "has", "have", "had", "do", "does",
     "did", "will", "would", "can", "could", "this", "that", "it", "he", "she", "they", "we", "i", "you", "his",
     "her", "its", "their", "our", "my", "your"}
)  # fmt: skip


def brand_word(tok: str) -> bool:
    """A word of run-together capitalised words is a brand or a site, not a person's name.

    Examples:
        >>> [brand_word(t) for t in ("RealClearPolitics", "FiveThirtyEight", "McConnell", "DeVos", "NATO")]
        [True, True, False, False, False]
    """
    return sum(ch.isupper() for ch in tok) >= 3 and any(ch.islower() for ch in tok) and tok.isalpha()


def holds_non_name_word(toks: list[str]) -> bool:
    """Whether a would-be name holds a pronoun or an auxiliary ("Who Was", "It Is")."""
    return any(t.lower() in NOT_NAME_WORDS for t in toks)


# Abbreviated titles written before names, and the title word a later mention uses ("Gen. Ham" ... "the general").
TITLE_ABBREVIATIONS = {
    "sen": "senator", "rep": "representative", "gov": "governor", "gen": "general", "col": "colonel",
    "lt": "lieutenant", "capt": "captain", "pres": "president", "prof": "professor", "dr": "doctor",
    "atty": "attorney", "sgt": "sergeant", "adm": "admiral", "supt": "superintendent", "sec": "secretary",
}  # fmt: skip


# Titles a later mention writes with another word ("Justice Frank Nervo" ... "the judge").
TITLE_SYNONYMS = {"justice": "judge", "magistrate": "judge"}


def title_key(tok: str) -> str:
    """A title word as a later mention would write it: lower case, abbreviations spelled out.

    Examples:
        >>> title_key("Gen."), title_key("Nominee"), title_key("Justice")
        ('general', 'nominee', 'judge')
    """
    low = tok.lower().strip(".,;:")
    return TITLE_SYNONYMS.get(low, TITLE_ABBREVIATIONS.get(low, low))


# Plurals with no -s ("many people told her": a group, not one anonymous person).
_PLURAL_FORMS = frozenset({"people", "men", "women", "children", "folks"})


def plural_noun(word: str) -> bool:
    """Whether a noun reads as plural by its form ("activists", "people"; not "boss").

    Examples:
        >>> plural_noun("sources"), plural_noun("people"), plural_noun("boss"), plural_noun("official")
        (True, True, False, False)
    """
    low = word.lower()
    return (low.endswith("s") and not low.endswith("ss")) or low in _PLURAL_FORMS


# What may follow a surname in a name ("Martin Luther King Jr."): never a name by itself.
NAME_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})


def split_title(toks: list[str], lex: Lexicon) -> tuple[list[str], list[str]]:
    """Split title words from a person's name: ``Conservative Leader Andrew Scheer`` ->
    (``Conservative Leader``, ``Andrew Scheer``); a title after the name also goes
    (``Noah Bonsey Senior Analyst`` -> (``Senior Analyst``, ``Noah Bonsey``)), but not one word
    there, which is a surname (``Billie Jean King``).  A title needs a name.

    Examples:
        >>> from attribution.lexicon import default_lexicon
        >>> split_title("Chief Executive Satya Nadella".split(), default_lexicon())
        (['Chief', 'Executive'], ['Satya', 'Nadella'])
        >>> split_title(["Mr.", "Bonsey"], default_lexicon())
        (['Mr.'], ['Bonsey'])
        >>> split_title("Noah Bonsey Senior Analyst".split(), default_lexicon())
        (['Senior', 'Analyst'], ['Noah', 'Bonsey'])
        >>> split_title("Billie Jean King".split(), default_lexicon())
        ([], ['Billie', 'Jean', 'King'])
        >>> split_title("Martin Luther King Jr.".split(), default_lexicon())
        ([], ['Martin', 'Luther', 'King', 'Jr.'])
    """

    def title(t: str) -> bool:
        return t.lower() in lex.title_words or t.lower() in lex.honorifics

    for last in range(len(toks) - 2, -1, -1):  # titles first: the longest prefix ending in a title
        rest = toks[last + 1 :]
        if title(toks[last]) and not any(title(t) for t in rest) and not all(t.lower() in NAME_SUFFIXES for t in rest):
            return toks[: last + 1], rest
    first = next((k for k, t in enumerate(toks) if title(t)), None)
    if (
        first and sum(t.lower() not in NAME_SUFFIXES for t in toks[first:]) >= 2
    ):  # titles after the name; one word there is a surname (Billie Jean King)
        return toks[first:], toks[:first]
    return [], toks


def acronym(name: str, lex: Lexicon | None = None) -> str | None:
    """Derive an organisation's acronym: three or more significant words, no corporate suffix.

    Examples:
        >>> acronym("Syrian Observatory for Human Rights")
        'SOHR'
        >>> acronym("International Crisis Group")
        'ICG'
        >>> acronym("Microsoft Corp") is None, acronym("Crisis Group") is None, acronym("Reuters") is None
        (True, True, True)
    """
    suffixes = lex.corporate_suffixes if lex is not None else frozenset({"corp", "corp.", "inc", "inc.", "ltd", "co"})
    words = [w for w in re.split(r"[\s-]+", name) if w]
    if words and words[-1].lower() in suffixes:
        return None
    significant = [w for w in words if w.lower() not in _NAME_FUNCTION]
    if len(significant) < 3 or not all(w[:1].isupper() for w in significant):
        return None
    return "".join(w[0] for w in significant).upper()


def written_acronym(text: str, name: str) -> str | None:
    """An acronym the article itself writes for ``name``: "International Crisis Group (ICG)".

    Examples:
        >>> written_acronym("the Federal Bureau of Investigation (FBI) said", "Federal Bureau of Investigation")
        'FBI'
    """
    m = re.search(re.escape(name) + r"\s*[(\[]\s*([A-Z][A-Za-z0-9&.]{1,9})\s*[)\]]", text)
    if not m:
        return None
    short = m.group(1).replace(".", "")
    if short[0].lower() != re.sub(r"^[Tt]he\s+", "", name)[:1].lower():
        return None  # "Alliance to Reclaim Our Schools (AROS)" is not the acronym of "Reclaim Our Schools"
    return short if short.isupper() or sum(c.isupper() for c in short) >= 2 else None


def short_form(text: str, name: str, lex: Lexicon | None = None) -> str | None:
    """An organisation's short form: the acronym the article writes for it, else a derived one."""
    return written_acronym(text, name) or acronym(name, lex)
