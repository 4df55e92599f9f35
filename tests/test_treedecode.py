"""The faster cycle finder gives stanza's exact trees: checked against an untouched copy of stanza's decoder."""

from __future__ import annotations

import importlib.util

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from stanza.models.common import chuliu_edmonds

from attribution import treedecode


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


def test_full_decoder_gives_identical_trees() -> None:
    """Whole Chu-Liu-Edmonds decodes of random score matrices (many cycles each) agree exactly."""
    treedecode.install()
    assert chuliu_edmonds.tarjan is treedecode.tarjan
    rng = np.random.default_rng(7)
    cycles = 0
    for _ in range(300):
        n = int(rng.integers(2, 70))
        scores = rng.normal(size=(n, n)).astype(np.float32)
        cycles += len(ORIGINAL.tarjan(np.argmax(scores, axis=1)))
        want = ORIGINAL.chuliu_edmonds_one_root(scores)
        got = chuliu_edmonds.chuliu_edmonds_one_root(scores)
        assert (got == want).all()
    assert cycles > 100  # the test exercised contraction, not only trees that were already acyclic
