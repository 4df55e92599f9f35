"""Claim identity across a corpus: near-identical quotations are one claim.

A claim *occurrence* is one quotation in one article, its continuations joined (so a quotation
split differently in two articles still reads the same).  Two occurrences are the same claim when

- their words are the same, case, punctuation and quotation style aside;
- one is a shortened form of the other: at least :data:`CONTAIN_MIN_WORDS` words, all (but one
  in ten) found in order in the longer one, in at most one run per eight words (an ellipsis);
- they differ by small edits: a word added, dropped or changed, at most one per
  :data:`WORDS_PER_EDIT` words of the longer one, and never a negation (*not*, *never* …).

Short claims (under :data:`MIN_SHARED_WORDS` words: *"No comment"*) are the same claim only for
the same speaker.  Candidates come from MinHash LSH (``datasketch``) over word unigrams and
bigrams, and from an index of each wording's first and last eight words (for shortened forms);
the final decision is a word-level alignment (``rapidfuzz``).  Clusters grow by union-find, and
two clusters join only when their founders (earliest wordings) pass the same check too, so a
chain of small edits cannot drift into a different claim.  Memory per distinct wording: one MinHash while it is
inserted, its LSH band keys and two anchors; pair scores are never kept.

Paraphrase links: a reported (indirect) claim and a direct claim of the same speaker whose
content-word stems overlap strongly.  Lemmas are not in the JSON results, so stems are a light
suffix stripping of lower-cased words, minus the function words in ``data/stop_words.txt``.
"""

from __future__ import annotations

import hashlib
import itertools
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from datasketch import MinHash, MinHashLSH
from rapidfuzz.distance import LCSseq, Levenshtein

from .lexicon import default_lexicon

__all__ = [
    "Claim",
    "ClaimItem",
    "build_claims",
    "cluster_claims",
    "diff_words",
    "link_paraphrases",
    "same_claim",
    "stems",
    "words",
]

MIN_SHARED_WORDS = 5  # shorter claims merge only for the same speaker and the same words
CONTAIN_MIN_WORDS = 8  # a shortened form has at least this many words
WORDS_PER_EDIT = 8  # one word added, dropped or changed per this many words
EDIT_MIN_WORDS = 8  # claims shorter than this never merge by edits
LSH_THRESHOLD = 0.5  # Jaccard of word unigrams + bigrams that makes a candidate pair
NUM_PERM = 32
PARAPHRASE_MIN = 0.6  # shared stems / stems of the smaller claim
PARAPHRASE_MIN_STEMS = 4  # and at least this many: three short words match by chance
NEGATIONS = frozenset({"not", "no", "never", "nor", "none", "nothing", "neither", "nobody", "t", "without"})
REPORTED_KINDS = frozenset({"indirect", "according_to"})
DIRECT_KINDS = frozenset({"direct", "mixed"})

_WORD = re.compile(r"\w+")
_SUFFIXES = ("ings", "ing", "edly", "ed", "es", "ly", "s")

Words = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ClaimItem:
    """One occurrence of a claim: a quotation (continuations joined) in one article."""

    text: str
    article: str
    speaker: str | None = None  # canonical source id (after corpus aliases)
    speaker_name: str | None = None
    outlet: str | None = None  # the outlet that published the article
    date: str | None = None  # YYYY-MM-DD
    kind: str = "direct"
    key: str = ""  # "<article>:<quote id>"


@dataclass
class Claim:
    """A cluster of occurrences: one claim across the corpus."""

    id: str
    label: str  # the most frequent wording
    kind: str  # the most frequent kind
    items: list[ClaimItem] = field(default_factory=list)
    variants: list[tuple[str, int]] = field(default_factory=list)  # wording, occurrences; label first

    @property
    def articles(self) -> list[str]:
        return sorted({i.article for i in self.items})

    @property
    def outlets(self) -> list[str]:
        return sorted({i.outlet for i in self.items if i.outlet})

    @property
    def speakers(self) -> list[str]:
        return sorted({i.speaker_name or i.speaker for i in self.items if i.speaker})

    @property
    def speaker_ids(self) -> list[str]:
        return sorted({i.speaker for i in self.items if i.speaker})

    @property
    def first_seen(self) -> str | None:
        return min((i.date for i in self.items if i.date), default=None)

    @property
    def last_seen(self) -> str | None:
        return max((i.date for i in self.items if i.date), default=None)

    def to_dict(self) -> dict[str, object]:
        base = words(self.label)
        return {
            "id": self.id,
            "label": self.label,
            "kind": self.kind,
            "n_articles": len(self.articles),
            "n_outlets": len(self.outlets),
            "n_speakers": len(self.speakers),
            "count": len(self.items),
            "speakers": self.speakers,
            "outlets": self.outlets,
            "articles": self.articles,
            "first_seen": self.first_seen,
            "last_seen": self.last_seen,
            "variants": [
                {"text": t, "count": n, "diff": diff_words(self.label, t) if words(t) != base else None}
                for t, n in self.variants
            ],
        }


def words(text: str) -> Words:
    """The words of a claim, case, punctuation and quotation style aside.

    Examples:
        >>> words("“It’s a BLOW,” he said")
        ('it', 's', 'a', 'blow', 'he', 'said')
    """
    return tuple(_WORD.findall(unicodedata.normalize("NFKC", text).casefold()))


def _changed_words(a: Words, b: Words, ops: Iterable[tuple[str, int, int, int, int]]) -> Iterator[str]:
    for tag, i1, i2, j1, j2 in ops:
        if tag != "equal":
            yield from a[i1:i2]
            yield from b[j1:j2]


def _contained(short: Words, long_: Words) -> bool:
    """``short`` is a shortened form of ``long_`` (an excerpt, possibly with an ellipsis)."""
    n = len(short)
    if n < CONTAIN_MIN_WORDS or LCSseq.similarity(short, long_) < n - n // 10:
        return False
    # longest blocks first (difflib), so an excerpt is not scattered over words that recur ("the")
    blocks = [b for b in SequenceMatcher(None, short, long_, autojunk=False).get_matching_blocks() if b.size >= 3]
    if sum(b.size for b in blocks) < n - n // 10 or len(blocks) > 1 + n // 8:
        return False
    kept = {i for b in blocks for i in range(b.a, b.a + b.size)}
    lost = {w for i, w in enumerate(short) if i not in kept}
    # the stretch of the longer text the excerpt covers, widened by the excerpt's unmatched ends
    lead, trail = blocks[0].a, n - blocks[-1].a - blocks[-1].size
    inside = set(long_[max(0, blocks[0].b - lead) : blocks[-1].b + blocks[-1].size + trail]) - set(short)
    return not NEGATIONS.intersection(lost | inside)


def _edited(a: Words, b: Words) -> bool:
    """``a`` and ``b`` differ by a few words added, dropped or changed, none a negation."""
    m = max(len(a), len(b))
    if m < EDIT_MIN_WORDS or abs(len(a) - len(b)) > m // WORDS_PER_EDIT:
        return False
    if Levenshtein.distance(a, b, score_cutoff=m // WORDS_PER_EDIT + 1) > m // WORDS_PER_EDIT:
        return False
    return not NEGATIONS.intersection(_changed_words(a, b, Levenshtein.opcodes(a, b)))


def same_claim(a: Words, b: Words) -> bool:
    """Decide whether two wordings are one claim (the strict final check).

    Examples:
        >>> same_claim(words("the deal would amount to a significant symbolic blow"),
        ...            words("The deal would amount to a major symbolic blow"))
        True
        >>> same_claim(words("the deal would amount to a significant symbolic blow"),
        ...            words("the deal would not amount to a significant symbolic blow"))
        False
    """
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if not short:
        return False
    return _edited(short, long_) or _contained(short, long_)


def _shingles(w: Words) -> list[bytes]:
    grams = set(w) | {f"{x} {y}" for x, y in itertools.pairwise(w)}
    return [g.encode("utf-8") for g in sorted(grams)]


def _band_key(b: bytes) -> bytes:
    return hashlib.blake2b(b, digest_size=8).digest()


class _UnionFind:
    """Union-find over wordings; a cluster's root is its earliest wording (its *founder*)."""

    def __init__(self, wordings: list[Words]) -> None:
        self.parent = list(range(len(wordings)))
        self.wordings = wordings

    def find(self, x: int) -> int:
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def join(self, a: int, b: int) -> bool:
        """Join the clusters of ``a`` and ``b`` if their founders are one claim too (no drift)."""
        ra, rb = sorted((self.find(a), self.find(b)))
        if ra == rb or not same_claim(self.wordings[ra], self.wordings[rb]):
            return False
        self.parent[rb] = ra
        return True


def _group_key(w: Words, speaker: str | None, index: int) -> tuple[object, ...]:
    if not w:
        return ("#", index)  # no words at all: its own claim
    return (speaker, w) if len(w) < MIN_SHARED_WORDS else (None, w)


def _anchor_index(wordings: Sequence[Words]) -> dict[int, int | list[int]]:
    """Each wording's first and last :data:`CONTAIN_MIN_WORDS` words -> the wordings that start or end so."""
    index: dict[int, int | list[int]] = {}
    for g, w in enumerate(wordings):
        if len(w) < CONTAIN_MIN_WORDS:
            continue
        for h in {hash(w[:CONTAIN_MIN_WORDS]), hash(w[-CONTAIN_MIN_WORDS:])}:
            old = index.get(h)
            if old is None:
                index[h] = g
            elif isinstance(old, list):
                old.append(g)
            else:
                index[h] = [old, g]
    return index


def _contained_candidates(w: Words, anchors: dict[int, int | list[int]]) -> set[int]:
    found: set[int] = set()
    for i in range(len(w) - CONTAIN_MIN_WORDS + 1):
        hit = anchors.get(hash(w[i : i + CONTAIN_MIN_WORDS]))
        if hit is None:
            continue
        found.update(hit if isinstance(hit, list) else (hit,))
    return found


def _cluster_wordings(wordings: list[Words]) -> _UnionFind:
    uf = _UnionFind(wordings)
    anchors = _anchor_index(wordings)
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM, hashfunc=_band_key)
    indexed = [g for g, w in enumerate(wordings) if len(w) >= MIN_SHARED_WORDS]
    minhashes = MinHash.generator((_shingles(wordings[g]) for g in indexed), num_perm=NUM_PERM)
    for g, mh in zip(indexed, minhashes, strict=True):
        w = wordings[g]
        candidates = set(lsh.query(mh))
        lsh.insert(g, mh, check_duplication=False)
        if len(w) > CONTAIN_MIN_WORDS:
            candidates |= _contained_candidates(w, anchors)
        candidates.discard(g)
        for c in sorted(candidates):
            if uf.find(c) != uf.find(g) and same_claim(wordings[c], w):
                uf.join(c, g)
    return uf


def cluster_claims(items: Sequence[ClaimItem]) -> list[list[int]]:
    """Group claim occurrences into claims; return lists of item indices, in order of first occurrence.

    Examples:
        >>> items = [ClaimItem("We will not back down from this fight, ever, she said", "a1"),
        ...          ClaimItem("we will not back down from this fight ever", "a2"),
        ...          ClaimItem("Taxes will go up", "a3")]
        >>> cluster_claims(items)
        [[0, 1], [2]]
    """
    groups: dict[tuple[object, ...], int] = {}
    wordings: list[Words] = []
    group_of: list[int] = []
    for i, item in enumerate(items):
        w = tuple(sys.intern(x) for x in words(item.text))  # shared strings: memory per wording
        g = groups.setdefault(_group_key(w, item.speaker, i), len(wordings))
        if g == len(wordings):
            wordings.append(w)
        group_of.append(g)
    uf = _cluster_wordings(wordings)
    clusters: dict[int, list[int]] = {}
    for i, g in enumerate(group_of):
        clusters.setdefault(uf.find(g), []).append(i)
    return list(clusters.values())


def _display(text: str) -> str:
    return " ".join(text.split())


def _claim(members: list[ClaimItem], taken: set[str]) -> Claim:
    by_words: dict[Words, list[ClaimItem]] = defaultdict(list)
    for it in members:
        by_words[words(it.text)].append(it)
    ranked = sorted(by_words.items(), key=lambda kv: (-len(kv[1]), -len(kv[0])))
    variants = [(_display(group[0].text), len(group)) for _, group in ranked]
    label = variants[0][0]
    kind = Counter(it.kind for it in members).most_common(1)[0][0]
    digest = hashlib.sha1(" ".join(ranked[0][0]).encode("utf-8")).hexdigest()[:12]
    cid, n = f"claim:{digest}", 1
    while cid in taken:
        n += 1
        cid = f"claim:{digest}-{n}"
    taken.add(cid)
    return Claim(cid, label, kind, list(members), variants)


def build_claims(items: Sequence[ClaimItem]) -> tuple[list[Claim], list[int]]:
    """Cluster occurrences into :class:`Claim` objects; also return each item's claim index."""
    taken: set[str] = set()
    claims: list[Claim] = []
    claim_of = [0] * len(items)
    for members in cluster_claims(items):
        for i in members:
            claim_of[i] = len(claims)
        claims.append(_claim([items[i] for i in members], taken))
    return claims, claim_of


def _stop_words() -> frozenset[str]:
    return default_lexicon().function_words


def _stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def stems(text: str) -> frozenset[str]:
    """Content-word stems of a claim (what a paraphrase keeps).

    Examples:
        >>> sorted(stems("Both sides agreed on a 48-hour break in the fighting"))
        ['48', 'agre', 'both', 'break', 'fight', 'hour', 'sid']
    """
    stop = _stop_words()
    return frozenset(_stem(w) for w in words(text) if w not in stop)


def link_paraphrases(claims: Sequence[Claim]) -> list[tuple[int, int, float]]:
    """Link each reported claim to the direct claim of the same speaker it most likely reports.

    Returns ``(reported claim index, direct claim index, similarity)``; similarity is the share
    of the smaller claim's content stems found in the other, at least :data:`PARAPHRASE_MIN`.
    """
    index: dict[tuple[str, str], list[int]] = defaultdict(list)
    stem_sets: dict[int, frozenset[str]] = {}
    for ci, c in enumerate(claims):
        if c.kind in DIRECT_KINDS:
            stem_sets[ci] = stems(c.label)
            for sp in c.speaker_ids:
                for s in stem_sets[ci]:
                    index[(sp, s)].append(ci)
    links = []
    for ci, c in enumerate(claims):
        if c.kind not in REPORTED_KINDS:
            continue
        mine = stems(c.label)
        shared: Counter[int] = Counter()
        for sp in c.speaker_ids:
            for s in mine:
                shared.update(set(index.get((sp, s), ())))
        best: tuple[float, int] | None = None
        for di, n in sorted(shared.items()):
            score = n / max(1, min(len(mine), len(stem_sets[di])))
            if n >= PARAPHRASE_MIN_STEMS and score >= PARAPHRASE_MIN and (best is None or score > best[0]):
                best = (score, di)
        if best is not None:
            links.append((ci, best[1], round(best[0], 3)))
    return links


def _tokens(text: str) -> list[str]:
    return _display(text).split(" ") if text.strip() else []


def _norm_token(tok: str) -> str:
    return " ".join(words(tok))


def diff_words(base: str, variant: str) -> str:
    """Mark how ``variant`` differs from ``base``, word by word: ``[-dropped-]`` ``{+added+}``.

    Examples:
        >>> diff_words("it would be a significant blow", "it would be a major blow, he said")
        'it would be a [-significant-] {+major+} blow, {+he said+}'
    """
    a, b = _tokens(base), _tokens(variant)
    out: list[str] = []
    for tag, i1, i2, j1, j2 in Levenshtein.opcodes([_norm_token(t) for t in a], [_norm_token(t) for t in b]):
        if tag == "equal":
            out.extend(b[j1:j2])
            continue
        if i2 > i1:
            out.append("[-" + " ".join(a[i1:i2]) + "-]")
        if j2 > j1:
            out.append("{+" + " ".join(b[j1:j2]) + "+}")
    return " ".join(out)
