"""Pair quotation marks by kind; tolerate unbalanced input; never fail a document.

A mark may open, close or (for ``'`` and ``’`` between letters) be an apostrophe.  What a
mark does is decided from its neighbours and from the marks still open, one family at a time
(double, single, guillemets), with a stack so that pairs nest and never cross.  A paragraph
that opens a quotation without closing it continues when the next paragraph opens again
(the convention for quotes running over several paragraphs); any other unclosed mark is
reported as unmatched, not as an error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..lexicon import QUOTE_FAMILIES

__all__ = ["MarkPair", "MarkPairs", "is_mark", "pair_marks", "paragraph_spans"]

_OPENERS = {ch: fam for fam, (opens, _) in QUOTE_FAMILIES.items() for ch in opens}
_CLOSERS = {ch: fam for fam, (_, closes) in QUOTE_FAMILIES.items() for ch in closes}
_MARKS = frozenset(_OPENERS) | frozenset(_CLOSERS)
_MARK_RE = re.compile("[" + re.escape("".join(sorted(_MARKS))) + "]")
_LEFT_BOUNDARY = set("([{<—–-/…")
_RIGHT_BOUNDARY = set(".,;:!?)]}>—–-…")
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_NEWLINE = re.compile(r"\n\s*")


@dataclass(frozen=True, slots=True)
class MarkPair:
    """A quotation: ``open`` is the index of the opening mark; ``close`` the index of the closing
    mark, or, when ``closed`` is False, the end of the paragraph the quotation runs to."""

    open: int
    close: int
    family: str
    depth: int = 0
    closed: bool = True
    open_width: int = 1  # 2 for a doubled opener (''…'')

    @property
    def inner(self) -> tuple[int, int]:
        """Character span of the quoted text, marks excluded."""
        return self.open + self.open_width, self.close


@dataclass(frozen=True, slots=True)
class MarkPairs:
    pairs: list[MarkPair] = field(default_factory=list)
    unmatched: list[int] = field(default_factory=list)


def is_mark(ch: str) -> bool:
    return ch in _MARKS


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` of each paragraph: blank-line separated, or line separated when
    the text has no blank line.

    Examples:
        >>> paragraph_spans("a b\\n\\nc\\n")
        [(0, 3), (5, 6)]
    """
    sep = _BLANK_LINE if _BLANK_LINE.search(text) else _NEWLINE
    spans = []
    pos = 0
    for m in sep.finditer(text):
        if m.start() > pos:
            spans.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        spans.append((pos, len(text)))
    out = []
    for s, e in spans:  # trim edges
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def _left_open(prev: str | None) -> bool:
    # after another mark a quotation may open (“”“” , ”“): adjacent quotations
    return prev is None or prev.isspace() or prev in _LEFT_BOUNDARY or prev in _OPENERS or prev in _CLOSERS


def _right_open(nxt: str | None) -> bool:
    return nxt is None or nxt.isspace() or nxt in _RIGHT_BOUNDARY or nxt in _CLOSERS


def _roles(text: str, i: int) -> tuple[bool, bool]:
    """Return (can_open, can_close) for the mark at ``i``; (False, False) for an apostrophe."""
    ch = text[i]
    prev = text[i - 1] if i > 0 else None
    nxt = text[i + 1] if i + 1 < len(text) else None
    can_open, can_close = ch in _OPENERS, ch in _CLOSERS
    left, right = _left_open(prev), _right_open(nxt)
    single = _OPENERS.get(ch) == "single" or _CLOSERS.get(ch) == "single"
    if single and prev is not None and nxt is not None and prev.isalnum() and nxt.isalnum():
        return False, False  # don't, it’s, shouldn‘t
    if can_open and can_close:
        return _by_sides(left, right)
    if can_close and left and not right:
        return True, True  # ”word used as an opener in sloppy text
    return can_open, can_close


def _doubled(text: str, i: int) -> bool:
    """Two single marks in a row (''…'' in some archives' text) stand for one double mark."""
    return i + 1 < len(text) and text[i] in _DOUBLABLE and text[i + 1] == text[i]


_DOUBLABLE = frozenset("'’‘")


def _double_roles(text: str, i: int) -> tuple[bool, bool]:
    """(can_open, can_close) of the doubled mark at ``i``, ``i + 1``, from the characters around both."""
    prev = text[i - 1] if i > 0 else None
    nxt = text[i + 2] if i + 2 < len(text) else None
    return _by_sides(_left_open(prev), _right_open(nxt))


def _by_sides(left: bool, right: bool) -> tuple[bool, bool]:
    """(can_open, can_close) of a mark that may do either (``"``, a doubled ``''``), from its sides."""
    if left and not right:
        return True, False
    if right and not left:
        return False, True
    return True, True  # ambiguous: close if something is open, else open


def _elision(text: str, open_: int, close: int, family: str) -> bool:
    """Single marks around one or two letters inside a phrase (’n’, ’em) elide; they quote nothing."""
    inner = text[open_ + 1 : close]
    between_words = (
        text[max(0, open_ - 2) : open_].strip()[-1:].isalpha() and text[close + 1 : close + 3].strip()[:1].isalpha()
    )
    return family == "single" and 0 < len(inner) <= 2 and inner.isalpha() and inner.islower() and between_words


def _next_paragraph_opens(text: str, para_end: int, family: str) -> bool:
    j = para_end
    while j < len(text) and text[j].isspace():
        j += 1
    if j < len(text) and _doubled(text, j):
        return family == "double"
    return j < len(text) and _OPENERS.get(text[j]) == family


def pair_marks(text: str) -> MarkPairs:
    """Pair quotation marks by kind; tolerate unbalanced input.

    Args:
        text: the article text.

    Returns:
        The pairs sorted by opening index, and the indices of marks left unmatched.

    Examples:
        >>> [(p.open, p.close) for p in pair_marks('He said “yes”.').pairs]
        [(8, 12)]
        >>> pair_marks("It’s 'fine' – don't").unmatched
        []
        >>> pair_marks('odd “one').unmatched
        [4]
    """
    pairs: list[MarkPair] = []
    unmatched: list[int] = []
    for para_start, para_end in paragraph_spans(text):
        stack: list[tuple[int, str]] = []  # (index, family)
        second = -1  # the second mark of a doubled one, already read
        wide: set[int] = set()  # doubled openers
        for m in _MARK_RE.finditer(text, para_start, para_end):
            i = m.start()
            if i == second:
                continue
            ch = text[i]
            if _doubled(text, i):  # ''So it goes,'' he said: one double mark
                second = i + 1
                can_open, can_close = _double_roles(text, i)
                fam_close, fam_open = "double", "double"
                if can_open:
                    wide.add(i)
            else:
                can_open, can_close = _roles(text, i)
                fam_close, fam_open = _CLOSERS.get(ch), _OPENERS.get(ch)
            if not (can_open or can_close):
                continue
            if can_close and fam_close is not None:
                k = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][1] == fam_close), None)
                if k is not None and (not can_open or k == len(stack) - 1 or stack[-1][1] != fam_close):
                    for j, _ in stack[k + 1 :]:
                        unmatched.append(j)  # crossing marks inside: cannot pair
                    j, fam = stack[k]
                    del stack[k:]
                    if _elision(text, j, i, fam):
                        unmatched += [j, i]  # rock ’n’ roll: an elision, not a quotation
                    else:
                        pairs.append(MarkPair(j, i, fam, depth=k, open_width=2 if j in wide else 1))
                    continue
            if can_open:
                stack.append((i, fam_open or fam_close or "double"))
            else:
                unmatched.append(i)
        # a quotation left open at the end of a paragraph continues when the next paragraph opens again
        for depth, (j, fam) in enumerate(stack):
            if fam != "single" and depth == 0 and _next_paragraph_opens(text, para_end, fam):
                pairs.append(MarkPair(j, para_end, fam, depth=0, closed=False, open_width=2 if j in wide else 1))
            else:
                unmatched.append(j)
    pairs.sort(key=lambda p: p.open)
    unmatched.sort()
    return MarkPairs(pairs, unmatched)
