"""Claim clustering benchmark (not a test): claims/s, peak memory, precision and recall.

    python benchmarks/claims.py --sizes 10000 100000 1000000

For each size, a fresh process makes a synthetic corpus of that many claim occurrences and
clusters it with :func:`attribution.claims.cluster_claims`.  About 60% of the occurrences are
distinct claims (8–40 words drawn from a Zipf-like vocabulary of 30,000 words, one speaker each);
the others are planted near-duplicates of an earlier claim: verbatim with other case, punctuation
and quotation marks, shortened (an excerpt of 8+ words, or two pieces joined by an ellipsis), a
word added, dropped or changed, and 1 in 10 a *different* claim of the same speaker made by
swapping in a negation (which must not merge).  Precision and recall are over pairs of
occurrences: a pair is right when both the clustering and the planted truth put it in one claim.

Time (wall and CPU) is the clustering alone (not making the data); peak MB is the process's peak resident
memory minus its memory before clustering (the data itself), from ``resource.getrusage``.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import resource
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from attribution.claims import ClaimItem, cluster_claims  # noqa: E402

VOCAB = 30_000
DUP_SHARE = 0.4
SPEAKERS = 20_000


def _rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * resource.getpagesize() / 2**20


def _vocabulary(rng: random.Random) -> list[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    words = {"".join(rng.choice(letters) for _ in range(rng.randint(3, 9))) for _ in range(VOCAB * 2)}
    return sorted(words)[:VOCAB]


def _variant(rng: random.Random, base: list[str], vocab: list[str], weights: list[float]) -> tuple[str, bool]:
    """A near-duplicate of ``base`` (text, same claim?)."""
    w = list(base)
    kind = rng.random()
    if kind < 0.25:  # verbatim, other case, punctuation and quotation marks
        text = " ".join(w).upper() if rng.random() < 0.5 else "“" + ", ".join(w) + ".”"
        return text, True
    if kind < 0.45 and len(w) >= 12:  # shortened
        n = rng.randint(8, len(w) - 2)
        start = rng.randint(0, len(w) - n)
        if rng.random() < 0.3 and n >= 16:
            half = n // 2
            return " ".join(w[start : start + half]) + " … " + " ".join(w[start + n - half : start + n]), True
        return " ".join(w[start : start + n]), True
    if kind < 0.90:  # one edit (two for long claims)
        for _ in range(1 if len(w) < 16 else rng.randint(1, 2)):
            i = rng.randrange(len(w))
            op = rng.random()
            if op < 0.33:
                w.insert(i, rng.choices(vocab, cum_weights=weights)[0])
            elif op < 0.66 and len(w) > 9:
                del w[i]
            else:
                w[i] = rng.choices(vocab, cum_weights=weights)[0]
        return " ".join(w), True
    w.insert(rng.randrange(1, len(w)), "not")  # a different claim of the same speaker
    return " ".join(w), False


def make_corpus(n: int, seed: int = 12) -> tuple[list[ClaimItem], list[int]]:
    rng = random.Random(seed)
    vocab = _vocabulary(rng)
    weights = list(itertools.accumulate(1 / (r + 10) for r in range(len(vocab))))  # cumulative, Zipf-like
    items: list[ClaimItem] = []
    truth: list[int] = []
    bases: list[tuple[list[str], str]] = []
    for i in range(n):
        if bases and rng.random() < DUP_SHARE:
            b = rng.randrange(len(bases))
            base, speaker = bases[b]
            text, same = _variant(rng, base, vocab, weights)
            if not same:  # a different claim: its own label, and no variants of it (they would be ambiguous)
                b = -1 - i
            truth.append(b)
        else:
            base = rng.choices(vocab, cum_weights=weights, k=rng.randint(8, 40))
            speaker = f"person:s{rng.randrange(SPEAKERS)}"
            bases.append((base, speaker))
            text = " ".join(base)
            truth.append(len(bases) - 1)
        items.append(ClaimItem(text, f"a{i // 5}", speaker, outlet=f"o{i % 50}", key=str(i)))
    return items, truth


def _pairs(labels: list[int]) -> int:
    return sum(c * (c - 1) // 2 for c in Counter(labels).values())


def score(clusters: list[list[int]], truth: list[int]) -> tuple[float, float]:
    pred = [0] * len(truth)
    for k, members in enumerate(clusters):
        for i in members:
            pred[i] = k
    both = _pairs([pred[i] * (len(truth) + 1) + truth[i] for i in range(len(truth))])
    p, t = _pairs(pred), _pairs(truth)
    return both / max(1, p), both / max(1, t)


def run_one(n: int) -> dict[str, float]:
    items, truth = make_corpus(n)
    before = _rss_mb()
    t0, c0 = time.perf_counter(), time.process_time()
    clusters = cluster_claims(items)
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    precision, recall = score(clusters, truth)
    return {
        "claims": n,
        "seconds": round(seconds, 2),
        "claims_per_s": round(n / seconds),
        "cpu_seconds": round(cpu, 2),
        "peak_mb": round(peak - before, 1),
        "data_mb": round(before, 1),
        "clusters": len(clusters),
        "true_claims": len(set(truth)),
        "precision": round(precision, 4),
        "recall": round(recall, 4),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)  # run one size in this process
    ap.add_argument("--json", type=Path, help="Also write the figures here.")
    args = ap.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one)))
        return
    rows = []
    print("| claims | seconds | CPU s | claims/s | peak MB | data MB | precision | recall | clusters / true |")
    print("|---|---|---|---|---|---|---|---|---|")
    for n in args.sizes:
        out = subprocess.run([sys.executable, __file__, "--one", str(n)], capture_output=True, text=True, check=True)
        r = json.loads(out.stdout.strip().splitlines()[-1])
        rows.append(r)
        print(
            f"| {r['claims']:,} | {r['seconds']} | {r['cpu_seconds']} | {r['claims_per_s']:,} | {r['peak_mb']} "
            f"| {r['data_mb']} "
            f"| {r['precision']} | {r['recall']} | {r['clusters']:,} / {r['true_claims']:,} |",
            flush=True,
        )
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
