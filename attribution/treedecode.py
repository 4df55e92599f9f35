"""Faster decoding of stanza's dependency trees, with the same trees as stanza's own decoder.

stanza turns the parser's arc scores into a tree with Chu-Liu-Edmonds
(``stanza.models.common.chuliu_edmonds``) and forces a single root by lowering every root arc
by a large constant before decoding (``chuliu_edmonds_one_root``).  With that penalty the
best-head graph never has a root, so the decoder contracts cycle after cycle (about 20 per
sentence with the compact models) and each contraction runs Tarjan's algorithm with a numpy
search per node.  Together that was about half of the parser's time (5.5 s of 10.7 s on 20 PolNeAR
articles).  Two changes:

* :func:`one_root_decoder` first decodes the scores as they are.  The best tree over all trees that
  happens to have exactly one root is also the best single-root tree, which is what the penalty
  selects; only when it has several roots (about 7% of sentences) is stanza's own penalised
  decoder run.  The trees are the same except where two trees score exactly alike, which float
  scores practically never do (``tests/test_treedecode.py`` compares against an untouched copy
  of stanza's decoder on real parser scores and on random ones).
* :func:`tarjan` is stanza's cycle finder on plain lists: same visiting order, same cycles in the
  same order, no numpy call per node.

This module is pure numpy: ``nlp.install_tree_decoder`` puts both in place in stanza's modules
(nothing else in stanza changes).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

__all__ = ["Decoder", "one_root_decoder", "tarjan"]

Decoder = Callable[[np.ndarray], np.ndarray]


def tarjan(tree: np.ndarray) -> list[np.ndarray]:
    """Return the cycles of the head array ``tree`` (``tree[i]`` is the head of ``i``).

    Each cycle is a boolean mask over the nodes, in the order stanza's ``tarjan`` finds them.
    """
    heads = tree.tolist()
    n = len(heads)
    dependents: list[list[int]] = [[] for _ in range(n)]
    for node, head in enumerate(heads):
        dependents[head].append(node)
    index = [-1] * n
    low = [-1] * n
    on_stack = [False] * n
    stack: list[int] = []
    cycles: list[np.ndarray] = []
    counter = 0
    for start in range(n):
        if index[start] != -1:
            continue
        # an explicit call stack of (node, position of the next dependent to look at)
        calls = [(start, -1)]
        while calls:
            node, pos = calls.pop()
            if pos == -1:  # first visit
                index[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack[node] = True
                pos = 0
            else:  # back from the dependent at pos - 1
                low[node] = min(low[node], low[dependents[node][pos - 1]])
            kids = dependents[node]
            descended = False
            while pos < len(kids):
                kid = kids[pos]
                pos += 1
                if index[kid] == -1:
                    calls.append((node, pos))
                    calls.append((kid, -1))
                    descended = True
                    break
                if on_stack[kid]:
                    low[node] = min(low[node], index[kid])
            if descended:
                continue
            if low[node] == index[node]:
                members = []
                while True:
                    member = stack.pop()
                    on_stack[member] = False
                    members.append(member)
                    if member == node:
                        break
                if len(members) > 1:
                    cycle = np.zeros(n, dtype=bool)
                    cycle[members] = True
                    cycles.append(cycle)
    return cycles


def one_root_decoder(decode: Decoder, decode_one_root: Decoder) -> Decoder:
    """Wrap stanza's two decoders (``chuliu_edmonds``, ``chuliu_edmonds_one_root``) into a faster
    equivalent of the second: the best tree with exactly one root arc for ``scores``
    (``scores[i, j]``: word ``i`` headed by ``j``; 0 is the root).
    """

    def one_root_tree(scores: np.ndarray) -> np.ndarray:
        tree = decode(scores.astype(np.float64))  # astype copies: the decoder writes into its input
        if np.count_nonzero(tree[1:] == 0) == 1:
            return tree
        return decode_one_root(scores)

    return one_root_tree
