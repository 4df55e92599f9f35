"""Leave-one-publisher-out: what predicts news the models have never seen.

    python benchmarks/cross_publisher.py ../shared/corpora/polnear --per-publisher 40 --cache CACHE

``--per-publisher N`` takes every third train article of each publisher, at most N of them (40 is
all of those); ``--per-publisher 0`` takes every train article.

For each of PolNeAR's seven publishers, train the learned decisions (training/train.py) on the
other six publishers' articles (train + dev), then score the seventh publisher's articles with
`attribution eval`'s scoring, learned and rules alone; print each fold and the macro average.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

import orjson

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "training"))
from train import select, train

from attribution import Analyzer
from attribution.config import Settings
from attribution.decisions import Decisions
from attribution.evaluation import evaluate
from attribution.evaluation.gold import load_gold

KEYS = (("speech", "overlap_0.3"), ("speech", "overlap_0.8"), ("all", "overlap_0.3"))


def _row(figures: dict) -> dict[str, float]:
    out = {}
    for subset, t in KEYS:
        c = figures[subset][t]
        tag = f"{subset}@{t.removeprefix('overlap_')}"
        out |= {f"{tag} P": c["precision"], f"{tag} R": c["recall"], f"{tag} F1": c["f1"]}
        out[f"{tag} speaker"] = c["speaker_strict"]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("polnear", type=Path, help="PolNeAR folder holding train/ and dev/")
    ap.add_argument(
        "--per-publisher",
        type=int,
        default=40,
        help="train articles per publisher, every third one (plus all of dev); 0: every train article",
    )
    ap.add_argument("--cache", type=Path)
    ap.add_argument("--models", type=Path)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    settings = Settings(models_dir=args.models, offline=True, cache_dir=args.cache, wider_cues=True, learned=True)
    train_golds = select(load_gold(args.polnear / "train"), args.per_publisher or None, None)
    golds = train_golds + list(load_gold(args.polnear / "dev"))
    publishers = sorted({g.publisher for g in golds})
    folds: dict[str, dict] = {}
    analyzer = Analyzer(settings)
    for pub in publishers:
        train_on = [g for g in golds if g.publisher != pub]
        test_on = [g for g in golds if g.publisher == pub]
        with tempfile.TemporaryDirectory() as tmp:
            train(train_on, replace(settings, learned=False), Path(tmp))
            learned = Analyzer(settings, decisions=Decisions.from_dir(Path(tmp)))
            fig_l = evaluate(test_on, learned.analyze_with_docs).to_dict()
        rules = Analyzer(replace(settings, learned=False))
        fig_r = evaluate(test_on, rules.analyze_with_docs).to_dict()
        folds[pub] = {"articles": len(test_on), "learned": _row(fig_l), "rules": _row(fig_r)}
        r = folds[pub]
        print(
            f"{pub:13} n={len(test_on):3}  speech@0.3 F1 learned {r['learned']['speech@0.3 F1']:.3f} "
            f"(P {r['learned']['speech@0.3 P']:.3f}) rules {r['rules']['speech@0.3 F1']:.3f} "
            f"(P {r['rules']['speech@0.3 P']:.3f})",
            flush=True,
        )
    macro = {
        mode: {
            k: round(sum(f[mode][k] for f in folds.values()) / len(folds), 4) for k in next(iter(folds.values()))[mode]
        }
        for mode in ("learned", "rules")
    }
    print("\nmacro average over the seven held-out publishers")
    for k in macro["learned"]:
        print(f"  {k:22} learned {macro['learned'][k]:.3f}   rules {macro['rules'][k]:.3f}")
    del analyzer
    if args.json:
        args.json.write_bytes(orjson.dumps({"folds": folds, "macro": macro}, option=orjson.OPT_INDENT_2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
