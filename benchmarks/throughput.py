"""Throughput benchmark (not a test): words/s, articles/s and peak memory, as ratios to the bare
stanza pipeline, all measured in one run on the same texts (PolNeAR train by default).

    python benchmarks/throughput.py --models ../shared/stanza_resources --limit 200 --workers 2

Each mode runs in its own process so that its peak RSS is its own:
  bare       stanza tokenize,mwt,pos,lemma,depparse,ner on every sentence (the baseline)
  full       attribution with --parse-all: every sentence parsed, then our extraction
  rules      our extraction alone, on documents parsed beforehand (its share of the bare time)
  selective  attribution as shipped: depparse/ner only on sentences that can hold an attribution
  workers    selective, on N worker processes (corpus engine)
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


def _texts(corpus: Path, limit: int | None) -> list[str]:
    files = sorted(corpus.glob("*.txt"))[:limit]
    return [f.read_text(encoding="utf-8") for f in files]


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_mode(mode: str, args: argparse.Namespace) -> dict:
    sys.path.insert(0, str(ROOT))
    from attribution import Settings
    from attribution.analyzer import analyze_parsed
    from attribution.model import Article

    texts = _texts(Path(args.corpus), args.limit)
    words = sum(len(t.split()) for t in texts)
    models = str(Path(args.models).resolve())
    if mode == "bare":
        import stanza

        nlp = stanza.Pipeline("en", dir=models, processors="tokenize,mwt,pos,lemma,depparse,ner",
                              download_method=None, verbose=False)  # fmt: skip
        t0 = time.perf_counter()
        for k in range(0, len(texts), args.batch):
            nlp([stanza.Document([], text=t) for t in texts[k : k + args.batch]])
        elapsed = time.perf_counter() - t0
    elif mode in {"full", "selective"}:
        from attribution.analyzer import Analyzer

        analyzer = Analyzer(Settings(models_dir=Path(models), offline=True, selective=mode == "selective"))
        arts = [Article(id=str(i), text=t) for i, t in enumerate(texts)]
        t0 = time.perf_counter()
        for _ in analyzer.analyze_many(arts):
            pass
        elapsed = time.perf_counter() - t0
    elif mode == "rules":
        from attribution import nlp

        settings = Settings(models_dir=Path(models), offline=True, selective=False)
        docs = list(nlp.parse(texts, settings))
        t0 = time.perf_counter()
        for i, (t, d) in enumerate(zip(texts, docs, strict=True)):
            analyze_parsed(Article(id=str(i), text=t), d, settings)
        elapsed = time.perf_counter() - t0
    elif mode == "workers":
        from attribution.corpus import analyze_corpus

        with tempfile.TemporaryDirectory() as tmp:
            src = Path(tmp) / "in"
            src.mkdir()
            for i, t in enumerate(texts):
                (src / f"{i:05d}.txt").write_text(t, encoding="utf-8")
            settings = Settings(models_dir=Path(models), offline=True)
            # warm: each worker loads its pipeline once; loading is not throughput
            t0 = time.perf_counter()
            analyze_corpus([src], Path(tmp) / "out", settings, workers=args.workers)
            elapsed = time.perf_counter() - t0
    else:
        raise SystemExit(f"unknown mode {mode}")
    peak = _peak_mb() + resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024 * (mode == "workers")
    return {"mode": mode, "articles": len(texts), "words": words, "seconds": elapsed, "peak_mb": peak}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "--models", default=os.environ.get("STANZA_RESOURCES_DIR", str(ROOT.parent / "shared" / "stanza_resources"))
    )
    ap.add_argument("--corpus", default=str(DEFAULT_CORPUS))
    ap.add_argument("--limit", type=int, default=None, help="first N articles (default: all)")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--batch", type=int, default=40, help="articles per stanza call in the bare mode")
    ap.add_argument("--modes", default="bare,full,rules,selective,workers")
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
        out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1]
        rows.append(json.loads(out))
        r = rows[-1]
        print(f"  {mode:9} {r['seconds']:8.1f} s", file=sys.stderr)
    bare = next((r for r in rows if r["mode"] == "bare"), None)
    head = ("mode", "articles", "words", "seconds", "words/s", "art/s", "peak MB", "speed vs bare")
    print("{:10} {:>8} {:>8} {:>8} {:>8} {:>7} {:>8} {:>13}".format(*head))
    for r in rows:
        wps = r["words"] / r["seconds"]
        ratio = f"{bare['seconds'] / r['seconds']:.2f}x" if bare and r["mode"] != "rules" else ""
        if r["mode"] == "rules" and bare:
            ratio = f"+{100 * r['seconds'] / bare['seconds']:.1f}% time"
        print(f"{r['mode']:10} {r['articles']:8d} {r['words']:8d} {r['seconds']:8.1f} {wps:8.0f} "
              f"{r['articles'] / r['seconds']:7.2f} {r['peak_mb']:8.0f} {ratio:>13}")  # fmt: skip


if __name__ == "__main__":
    main()
