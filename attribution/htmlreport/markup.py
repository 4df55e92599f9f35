"""Marked-up article text: quotation, cue and speaker spans as a tree of non-crossing elements.

HTML elements nest; attribution spans need not (a speaker mention can overlap a nested quote).
:func:`nest` turns any set of spans into a tree that keeps every character exactly once, in order,
splitting a span that crosses its parent's end into pieces (``part`` 0, 1, …).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

__all__ = ["Element", "Mark", "MarkKind", "Node", "nest", "text_of"]


class MarkKind(enum.IntEnum):
    """What a span marks; the value orders spans with the same offsets (outer first)."""

    QUOTE = 0
    SPEAKER = 1
    CUE = 2


@dataclass(frozen=True, slots=True)
class Mark:
    """A span to mark: ``text[start:end]``, what it is and whose (``key``: a quote id or a span key)."""

    start: int
    end: int
    kind: MarkKind
    key: str
    part: int = 0

    def sort_key(self) -> tuple[int, int, int, str]:
        return (self.start, -self.end, int(self.kind), self.key)


@dataclass(frozen=True, slots=True)
class Element:
    """A marked span and what it holds: text strings and nested elements."""

    mark: Mark
    children: tuple[Node, ...] = field(default=())


Node = str | Element


def nest(text: str, marks: Iterable[Mark]) -> list[Node]:
    """Build the element tree of ``text`` with ``marks``; empty or out-of-range spans are dropped.

    Examples:
        >>> nest("a “b” c", [Mark(3, 4, MarkKind.QUOTE, "q1")])
        ['a “', Element(mark=Mark(start=3, end=4, kind=<MarkKind.QUOTE: 0>, key='q1', part=0), children=('b',)), '” c']
        >>> [n if isinstance(n, str) else (n.mark.key, n.mark.part) for n in nest("abcd", [
        ...     Mark(0, 2, MarkKind.QUOTE, "q1"), Mark(1, 3, MarkKind.CUE, "c1")])]
        [('q1', 0), ('c1', 1), 'd']
    """
    clipped = [replace(m, start=max(0, m.start), end=min(len(text), m.end)) for m in marks]
    queue = sorted((m for m in clipped if m.start < m.end), key=Mark.sort_key)
    return _children(text, queue, 0, len(text))


def _children(text: str, queue: list[Mark], lo: int, hi: int) -> list[Node]:
    """Nodes of ``text[lo:hi]`` for ``queue`` (sorted, every mark inside ``[lo, hi)``)."""
    nodes: list[Node] = []
    pos = lo
    while queue:
        mark = queue.pop(0)
        inner, rest = _split_at(queue, mark.end)
        queue = sorted(rest, key=Mark.sort_key)
        if pos < mark.start:
            nodes.append(text[pos : mark.start])
        nodes.append(Element(mark, tuple(_children(text, inner, mark.start, mark.end))))
        pos = mark.end
    if pos < hi:
        nodes.append(text[pos:hi])
    return nodes


def _split_at(queue: Sequence[Mark], end: int) -> tuple[list[Mark], list[Mark]]:
    """Marks that start before ``end`` go inside (cut at ``end``); their remainders and the others stay."""
    inner: list[Mark] = []
    rest: list[Mark] = []
    for m in queue:
        if m.start >= end:
            rest.append(m)
        elif m.end <= end:
            inner.append(m)
        else:  # crosses the parent's end: the first piece inside, the remainder after it
            inner.append(replace(m, end=end))
            rest.append(replace(m, start=end, part=m.part + 1))
    return inner, rest


def text_of(nodes: Iterable[Node]) -> str:
    """The plain text of a tree (equal to the article text for a tree made by :func:`nest`)."""
    return "".join(n if isinstance(n, str) else text_of(n.children) for n in nodes)
