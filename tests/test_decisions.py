"""The learned decisions: the shipped models load and match the feature module, retraining is
reproducible, confidences are the calibrated model's, and the rules decide alone without models."""

from __future__ import annotations

import shutil
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np
import orjson
import pytest

from attribution import Analyzer, Article
from attribution.decisions import MODELS, Decisions, default_decisions
from attribution.features import Encoder

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "attribution" / "data" / MODELS
TRAIN = ROOT.parent / "shared" / "corpora" / "polnear" / "train"
SEED = (ROOT / "samples" / "homs-ceasefire.txt").read_text(encoding="utf-8")


def test_shipped_models_load_and_are_small():
    d = default_decisions()
    assert d.speaker is not None and d.keep is not None, "no model files in attribution/data/models"
    total = sum(p.stat().st_size for p in SHIPPED.iterdir())
    assert total < 5_000_000
    for m in (d.speaker, d.keep):
        assert m.card["seed"] and m.card["articles"] > 0
        assert all(c in m.encoder.columns for c in m.encoder.vocab)
    # calibration is a monotone map into [0, 1]
    x, y = np.array(d.keep.cal_x), np.array(d.keep.cal_y)
    assert (np.diff(x) >= 0).all() and (np.diff(y) >= 0).all() and 0 <= y.min() <= y.max() <= 1


def test_encoder_is_stable_under_new_vocabulary():
    enc = Encoder.fit([{"cue_lemma": "say", "n": 1.0}, {"cue_lemma": "tell", "n": 2.0}])
    row = enc.row({"cue_lemma": "sigh", "n": 3.0})  # a lemma the model never saw: missing, not a shifted code
    assert np.isnan(row[enc.columns.index("cue_lemma")]) and row[enc.columns.index("n")] == 3.0


@pytest.mark.stanza
def test_confidence_comes_from_the_model(analyzer, settings):
    learned = analyzer.analyze(Article(id="seed", text=SEED))
    rules = Analyzer(replace(settings, learned=False)).analyze(Article(id="seed", text=SEED))
    confs = {q.confidence for q in learned.quotes}
    rule_constants = {q.confidence for q in rules.quotes}
    assert len(rule_constants) <= 4 and confs - rule_constants  # calibrated probabilities, not a constant per rule
    assert all(0.0 <= c <= 1.0 for c in confs)


@pytest.mark.stanza
def test_rules_alone_without_model_files(tmp_path, settings):
    empty = Decisions.from_dir(tmp_path)
    assert empty.speaker is None and empty.keep is None
    r = Analyzer(settings, decisions=empty).analyze(Article(id="seed", text=SEED))
    assert any(q.speaker and q.speaker.name == "Noah Bonsey" for q in r.quotes)


@pytest.mark.stanza
def test_retraining_is_reproducible(tmp_path, settings):
    """Two trainings on the same articles write byte-identical models (fixed seed, one thread)."""
    sys.path.insert(0, str(ROOT / "training"))
    from train import select, train

    from attribution.evaluation.gold import load_gold

    golds = select(load_gold(TRAIN), 1, None)  # one article per publisher: small, but every step runs
    s = replace(settings, wider_cues=True, learned=False)
    a, b = tmp_path / "a", tmp_path / "b"
    fa = train(golds, s, a, cv=False)
    train(golds, s, b, cv=False)
    for name in ("keep.lgb.txt", "speaker.lgb.txt", "keep.json", "speaker.json"):
        assert (a / name).read_bytes() == (b / name).read_bytes(), name
    assert fa["articles"] == 7
    loaded = Decisions.from_dir(a)
    assert loaded.keep is not None and loaded.speaker is not None
    for name in ("keep.json", "speaker.json"):  # the shipped models read the features this module writes
        shipped = orjson.loads((SHIPPED / name).read_bytes())["columns"]
        assert shipped == orjson.loads((a / name).read_bytes())["columns"], name
    shutil.rmtree(tmp_path)


def test_loading_the_models_imports_lightgbm_without_its_optional_interfaces():
    """The shipped models load without importing scikit-learn (about 1 s per process), and
    scikit-learn still imports afterwards."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from attribution.decisions import default_decisions\n"
        "assert default_decisions().speaker is not None\n"
        "assert 'sklearn' not in sys.modules, 'sklearn imported'\n"
        "import sklearn.isotonic\n"
        "print('ok')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.stdout.strip() == "ok", out.stderr
