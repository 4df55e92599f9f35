"""The faster cycle finder gives stanza's exact trees: checked against an untouched copy of stanza's decoder."""

from __future__ import annotations

import importlib.util
import types
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from stanza.models.common import chuliu_edmonds

from attribution import nlp, treedecode


def _stanza_original():
    """A private copy of stanza's decoder module, whatever has been installed into the real one."""
    spec = importlib.util.spec_from_file_location("stanza_cle_untouched", chuliu_edmonds.__file__)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


ORIGINAL = _stanza_original()


def _same_cycles(tree: np.ndarray) -> None:
    want = ORIGINAL.tarjan(tree)
    got = treedecode.tarjan(tree)
    assert len(got) == len(want)
    for g, w in zip(got, want, strict=True):
        assert g.dtype == bool and g.shape == w.shape and (g == w).all()


@pytest.mark.parametrize(
    "tree",
    [
        [0, 4, 4, 4, 0],  # This is a test
        [0, 2, 0, 4, 2, 2],  # Arthritis makes my hip hurt
        [0, 3, 1, 2],  # one cycle of three
        [0, 2, 1, 4, 3, 0],  # two cycles
        [0, 1],  # a self-loop is not a cycle
        [0],
    ],
)
def test_cycles_of_known_graphs(tree: list[int]) -> None:
    _same_cycles(np.array(tree))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=200), min_size=1, max_size=120))
def test_cycles_of_any_head_array(raw: list[int]) -> None:
    n = len(raw)
    _same_cycles(np.array([0] + [h % n for h in raw[1:]]))


def _parser_like(rng: np.random.Generator, n: int) -> np.ndarray:
    """Log-softmax rows around a planted tree, as a parser's arc scores look (0 is the root)."""
    scores = rng.normal(scale=2.0, size=(n, n))
    heads = [0] + [int(rng.integers(0, i)) for i in range(1, n)]  # a random tree over 0..n-1
    for i in range(1, n):
        scores[i, heads[i]] += rng.uniform(0, 6)
    scores -= np.log(np.exp(scores).sum(axis=1, keepdims=True))
    return scores.astype(np.float32)


def test_decoder_gives_stanzas_trees_on_random_scores() -> None:
    """Whole decodes of random score matrices agree with stanza's, by both paths of one_root_tree."""
    nlp.install_tree_decoder()
    assert chuliu_edmonds.tarjan is treedecode.tarjan
    decode = treedecode.one_root_decoder(chuliu_edmonds.chuliu_edmonds, chuliu_edmonds.chuliu_edmonds_one_root)
    rng = np.random.default_rng(7)
    single = multi = 0
    for k in range(600):
        n = int(rng.integers(2, 70))
        scores = _parser_like(rng, n) if k % 2 else rng.normal(size=(n, n)).astype(np.float32)
        given = scores.copy()
        free = chuliu_edmonds.chuliu_edmonds(scores.astype(np.float64))
        if np.count_nonzero(free[1:] == 0) == 1:
            single += 1
        else:
            multi += 1
        want = ORIGINAL.chuliu_edmonds_one_root(scores)
        got = decode(scores)
        assert (got == want).all()
        assert (scores == given).all()  # the caller's scores are not modified
    assert single > 100 and multi > 100  # both paths were exercised


@pytest.mark.stanza
def test_decoder_gives_stanzas_trees_on_parser_scores(settings, monkeypatch) -> None:
    """Every sentence of a real article: the installed decoder returns what stanza's own would."""
    from stanza.models.depparse import model

    from .conftest import ROOT

    nlp.load(settings)  # builds the pipelines, which installs the decoder
    installed = model.chuliu_edmonds_one_root
    assert installed.__qualname__.startswith("one_root_decoder")
    seen: list[tuple[np.ndarray, np.ndarray]] = []

    def spy(scores: np.ndarray) -> np.ndarray:
        tree = installed(scores)
        seen.append((scores.copy(), tree))
        return tree

    monkeypatch.setattr(model, "chuliu_edmonds_one_root", spy)
    text = (ROOT / "samples" / "homs-ceasefire.txt").read_text(encoding="utf-8")
    list(nlp.parse([text + "\n\nA sentence only this test parses, so no cache can answer it."], settings))
    assert len(seen) > 10
    for scores, tree in seen:
        assert (ORIGINAL.chuliu_edmonds_one_root(scores) == tree).all()


def test_this_stanza_has_the_decoder_the_patch_expects() -> None:
    from stanza.models.depparse import head_constraints, model

    assert nlp.decoder_mismatch(ORIGINAL, [ORIGINAL]) is None
    assert nlp.decoder_mismatch(chuliu_edmonds, [model, head_constraints]) is None
    assert nlp.install_tree_decoder() is True


def _fake_stanza(**changes):
    """Stand-ins for stanza's decoder module and one module that calls it, from the untouched copy."""
    decoders = types.ModuleType("fake_chuliu_edmonds")
    for name in ("tarjan", "chuliu_edmonds", "chuliu_edmonds_one_root"):
        setattr(decoders, name, getattr(ORIGINAL, name))
    for name, value in changes.items():
        setattr(decoders, name, value)
    caller = types.ModuleType("fake_depparse_model")
    caller.chuliu_edmonds_one_root = decoders.chuliu_edmonds_one_root
    return decoders, caller


def _other_one_root(scores, root_penalty=1e6):  # a later stanza with another signature
    return ORIGINAL.chuliu_edmonds_one_root(scores)


def _no_tarjan(scores):  # a decoder that finds cycles some other way
    return scores.argmax(axis=1)


@pytest.mark.parametrize(
    "changes, why",
    [
        ({"chuliu_edmonds_one_root": _other_one_root}, "chuliu_edmonds_one_root(scores, root_penalty)"),
        ({"tarjan": None}, "has no tarjan()"),
        ({"chuliu_edmonds": _no_tarjan}, "no longer calls tarjan"),
    ],
    ids=["other-signature", "missing-function", "no-tarjan"],
)
def test_another_decoder_layout_keeps_stanzas_own_and_warns(changes, why) -> None:
    decoders, caller = _fake_stanza(**changes)
    before = (decoders.tarjan, decoders.chuliu_edmonds_one_root, caller.chuliu_edmonds_one_root)
    with pytest.warns(RuntimeWarning, match="keeping stanza's own") as caught:
        assert nlp.patch_decoder(decoders, [caller]) is False
    assert len(caught) == 1 and why in str(caught[0].message)
    assert (decoders.tarjan, decoders.chuliu_edmonds_one_root, caller.chuliu_edmonds_one_root) == before


def test_a_caller_that_no_longer_imports_the_decoder_keeps_stanzas_own() -> None:
    decoders, caller = _fake_stanza()
    caller.chuliu_edmonds_one_root = _other_one_root
    with pytest.warns(RuntimeWarning, match="does not call"):
        assert nlp.patch_decoder(decoders, [caller]) is False
    assert caller.chuliu_edmonds_one_root is _other_one_root


def test_the_expected_layout_is_patched_once_without_warning() -> None:
    decoders, caller = _fake_stanza()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert nlp.patch_decoder(decoders, [caller]) is True
        installed = caller.chuliu_edmonds_one_root
        assert decoders.tarjan is treedecode.tarjan and installed.__qualname__.startswith("one_root_decoder")
        assert nlp.patch_decoder(decoders, [caller]) is True
    assert caller.chuliu_edmonds_one_root is installed  # not wrapped twice
