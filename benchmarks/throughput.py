"""Throughput benchmark (not a test): words/s, articles/s and peak memory, as ratios to the bare
stanza pipeline, all measured in one run on the same texts (PolNeAR train by default).

    python benchmarks/throughput.py --models ../shared/stanza_resources --limit 200 --workers 2

Each mode runs in its own process so that its peak RSS is its own:
  bare       stanza tokenize,mwt,pos,lemma,depparse,ner on every sentence, default settings (the baseline)
  full       attribution with --parse-all: every sentence parsed, then our extraction
  rules      our extraction alone, on documents parsed beforehand (its share of the bare time)
  decide     the same with the learned decisions (speaker chooser, keep/drop): their cost is decide - rules
  selective  attribution as shipped, one process: tagging and parsing only for sentences that can
             hold an attribution (a quotation mark or a cue word)
  ceiling    the same, but parsing only the sentences that hold a gold cue or source (PolNeAR's
             annotations): the most any sentence selection could save
  worker1    the corpus engine (store, JSON files) with 1 worker on 1 core (1 torch thread)
  workers    the corpus engine with N workers, one core and one pipeline each; "scaling" is its
             speed over worker1's.
Every mode but "rules" times its whole run after reading the texts: importing stanza and loading
the models are inside the clock, as they are for a user (about 5 s of each run here).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "polnear" / "train" / "text"


def _files(corpus: Path, limit: int | None) -> list[Path]:
    return sorted(corpus.glob("*.txt"))[:limit]


def _gold_selector(corpus: Path):
    """A sentence selector that keeps only the sentences overlapping a gold cue or source span."""
    from attribution.evaluation.gold import load_gold

    spans: dict[str, list[tuple[int, int]]] = {}
    for g in load_gold(corpus.parent):
        spans[g.text_path.read_text(encoding="utf-8")] = [s for a in g.attributions for s in (*a.cue, *a.source)]

    def select(text, pieces, cue_forms, marks):
        gold = spans[text]
        return [
            si
            for si, piece in enumerate(pieces)
            if piece.words and any(a < piece.words[-1][2] and piece.words[0][1] < b for a, b in gold)
        ]

    return select


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_mode(mode: str, args: argparse.Namespace) -> dict:
    sys.path.insert(0, str(ROOT))
    from attribution import Settings
    from attribution.analyzer import analyze_parsed
    from attribution.model import Article

    files = _files(Path(args.corpus), args.limit)
    texts = [f.read_text(encoding="utf-8") for f in files]
    words = sum(len(t.split()) for t in texts)
    models = str(Path(args.models).resolve())
    selector = _gold_selector(Path(args.corpus)) if mode == "ceiling" else None
    t0 = time.perf_counter()  # every mode but "rules" times its whole run: imports and model loading included
    if mode == "bare":
        import stanza

        nlp = stanza.Pipeline("en", dir=models, processors="tokenize,mwt,pos,lemma,depparse,ner",
                              download_method=None, verbose=False)  # fmt: skip
        for k in range(0, len(texts), args.batch):
            nlp([stanza.Document([], text=t) for t in texts[k : k + args.batch]])
        elapsed = time.perf_counter() - t0
    elif mode in {"full", "selective", "ceiling"}:
        from attribution import nlp
        from attribution.analyzer import Analyzer

        if mode == "ceiling":
            nlp._select = selector
        analyzer = Analyzer(Settings(models_dir=Path(models), offline=True, selective=mode != "full"))
        arts = [Article(id=str(i), text=t) for i, t in enumerate(texts)]
        for _ in analyzer.analyze_many(arts):
            pass
        elapsed = time.perf_counter() - t0
    elif mode in {"rules", "decide"}:
        from attribution import nlp

        # rules: the rules alone; decide: the rules and the learned decisions (their cost is the difference)
        settings = Settings(models_dir=Path(models), offline=True, selective=False, learned=mode == "decide")
        docs = list(nlp.parse(texts, settings))
        t0 = time.perf_counter()
        for i, (t, d) in enumerate(zip(texts, docs, strict=True)):
            analyze_parsed(Article(id=str(i), text=t), d, settings)
        elapsed = time.perf_counter() - t0
    elif mode in {"worker1", "workers"}:
        from attribution import nlp
        from attribution.corpus import analyze_corpus

        workers = args.workers if mode == "workers" else 1
        if workers == 1:
            nlp.set_threads(1)
        with tempfile.TemporaryDirectory() as tmp:
            src = Path(tmp) / "in"
            src.mkdir()
            for i, t in enumerate(texts):
                (src / f"{i:05d}.txt").write_text(t, encoding="utf-8")
            settings = Settings(models_dir=Path(models), offline=True)
            analyze_corpus([src], Path(tmp) / "out", settings, workers=workers)
            elapsed = time.perf_counter() - t0
    else:
        raise SystemExit(f"unknown mode {mode}")
    peak = _peak_mb() + resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024 * (mode == "workers")
    # (RUSAGE_CHILDREN is the largest worker, so this is parent + one worker: a lower bound for N workers)
    return {"mode": mode, "articles": len(texts), "words": words, "seconds": elapsed, "peak_mb": peak}


def main() -> None:
    from attribution.corpus import default_workers

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "--models", default=os.environ.get("STANZA_RESOURCES_DIR", str(ROOT.parent / "shared" / "stanza_resources"))
    )
    ap.add_argument("--corpus", default=str(DEFAULT_CORPUS))
    ap.add_argument("--limit", type=int, default=None, help="first N articles (default: all)")
    ap.add_argument("--workers", type=int, default=default_workers(), help="default: the cores, as analyze")
    ap.add_argument("--batch", type=int, default=40, help="articles per stanza call in the bare mode")
    ap.add_argument("--modes", default="bare,full,rules,decide,selective,ceiling,worker1,workers")
    ap.add_argument("--repeat", type=int, default=1, help="run each mode this many times, keep the fastest")
    ap.add_argument("--mode", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.mode:
        print(json.dumps(run_mode(args.mode, args)))
        return
    rows = []
    for mode in args.modes.split(","):
        cmd = [sys.executable, __file__, "--mode", mode, "--models", args.models, "--corpus", args.corpus,
               "--workers", str(args.workers), "--batch", str(args.batch)]  # fmt: skip
        if args.limit:
            cmd += ["--limit", str(args.limit)]
        runs = []
        for _ in range(max(1, args.repeat)):
            out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1]
            runs.append(json.loads(out))
            print(f"  {mode:9} {runs[-1]['seconds']:8.1f} s", file=sys.stderr)
        rows.append(min(runs, key=lambda r: r["seconds"]))
    bare = next((r for r in rows if r["mode"] == "bare"), None)
    one = next((r for r in rows if r["mode"] == "worker1"), None)
    head = ("mode", "articles", "words", "seconds", "words/s", "art/s", "peak MB", "speed vs bare", "scaling")
    print("{:10} {:>8} {:>8} {:>8} {:>8} {:>7} {:>8} {:>13} {:>8}".format(*head))
    for r in rows:
        wps = r["words"] / r["seconds"]
        ratio = f"{bare['seconds'] / r['seconds']:.2f}x" if bare and r["mode"] not in {"rules", "decide"} else ""
        if r["mode"] in {"rules", "decide"} and bare:
            ratio = f"+{100 * r['seconds'] / bare['seconds']:.1f}% time"
        scaling = f"{one['seconds'] / r['seconds']:.2f}x" if one and r["mode"] == "workers" else ""
        print(f"{r['mode']:10} {r['articles']:8d} {r['words']:8d} {r['seconds']:8.1f} {wps:8.0f} "
              f"{r['articles'] / r['seconds']:7.2f} {r['peak_mb']:8.0f} {ratio:>13} {scaling:>8}")  # fmt: skip


if __name__ == "__main__":
    main()
