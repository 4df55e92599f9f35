"""A faster, exact cycle finder for stanza's dependency-tree decoder.

stanza decodes each parsed sentence with Chu-Liu-Edmonds (``stanza.models.common.chuliu_edmonds``):
take every word's best head, find the cycles with Tarjan's algorithm, contract one, repeat.  Its
Tarjan walks the graph with a numpy search per node (``np.where(tree == i)``), quadratic in the
sentence length and slow per step; with the compact models, which propose many cycles, it took
about a third of the parser's time.

:func:`tarjan` below is the same algorithm on plain Python lists: it visits the nodes in the
same order and returns the same cycles in the same order (a list of boolean masks), so the trees
stanza builds are bit-identical (``tests/test_treedecode.py`` checks it against stanza's own on
parser output and on random graphs).  :func:`install` puts it in place of stanza's; nothing
else in stanza changes.
"""

from __future__ import annotations

import numpy as np

__all__ = ["install", "tarjan"]


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


def install() -> None:
    """Use :func:`tarjan` in stanza's Chu-Liu-Edmonds decoder (idempotent)."""
    from stanza.models.common import chuliu_edmonds

    chuliu_edmonds.tarjan = tarjan
