"""Quotation-mark pairing: tables of real shapes, negative rows, and hypothesis properties."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from attribution.quotes.marks import is_mark, pair_marks, paragraph_spans


def spans(text: str) -> list[str]:
    return [text[p.open + 1 : p.close] for p in pair_marks(text).pairs]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("He said “yes, we will”.", ["yes, we will"]),
        ('He said "yes, we will".', ["yes, we will"]),
        ("He said ‘yes, we will’.", ["yes, we will"]),
        ("He said 'yes, we will'.", ["yes, we will"]),
        ("Il a dit «oui, nous le ferons».", ["oui, nous le ferons"]),
        ("Er sagte „ja, das machen wir“.", ["ja, das machen wir"]),
        ("Sie sagte ‚ja‘.", ["ja"]),
        ("“Outer ‘inner’ end,” he said.", ["Outer ‘inner’ end,", "inner"]),
        ('"Mixed marks,” he said.', ["Mixed marks,"]),
        ("“A,” he said, “B.”", ["A,", "B."]),
    ],
    ids=[
        "curly",
        "straight",
        "single-curly",
        "single-straight",
        "guillemets",
        "german",
        "german-single",
        "nested",
        "straight-open-curly-close",
        "split",
    ],
)
def test_pairs(text: str, expected: list[str]) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "It’s fine, don’t worry.",
        "Homs' reputation was made in the '90s.",
        "He shouldn‘t go.",
        "rock ’n’ roll",
    ],
    ids=["apostrophes", "possessive-plural", "misused-opening-apostrophe", "n-elision"],
)
def test_apostrophes_are_not_quotes(text: str) -> None:
    result = pair_marks(text)
    assert result.pairs == []
    assert all(not (text[i - 1].isalpha() and text[i + 1].isalpha()) for i in result.unmatched)


def test_odd_count_never_fails() -> None:
    text = "“One,” he said. “Two"
    result = pair_marks(text)
    assert [text[p.open + 1 : p.close] for p in result.pairs] == ["One,"]
    assert result.unmatched == [text.index("“Two")]


@pytest.mark.parametrize(
    "text, pairs",
    [
        ("“” “” \" '", [(0, 1), (3, 4)]),
        ("“”“”\"'", [(0, 1), (2, 3)]),
    ],
    ids=["spaced", "adjacent"],
)
def test_only_marks(text: str, pairs: list[tuple[int, int]]) -> None:
    result = pair_marks(text)
    assert [(p.open, p.close) for p in result.pairs] == pairs  # empty “” pairs; " and ' have no partner
    used = [i for p in result.pairs for i in (p.open, p.close)] + result.unmatched
    assert sorted(used) == [i for i, ch in enumerate(text) if ch != " "]  # every mark once


def test_multi_paragraph_quote_continues() -> None:
    text = "“First paragraph of the quote.\n\n“Second paragraph,” she said."
    pairs = pair_marks(text).pairs
    assert [(p.closed, text[p.open + 1 : p.close]) for p in pairs] == [
        (False, "First paragraph of the quote."),
        (True, "Second paragraph,"),
    ]


def test_unclosed_paragraph_without_continuation_is_unmatched() -> None:
    text = "“No close here.\n\nA new paragraph."
    assert pair_marks(text).pairs == []
    assert pair_marks(text).unmatched == [0]


def test_paragraph_spans_single_newlines() -> None:
    assert paragraph_spans("a\nb\n") == [(0, 1), (2, 3)]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .,\n“”‘’\"'«»„")), max_size=60) | st.text(max_size=80))
def test_pairing_properties(text: str) -> None:
    result = pair_marks(text)
    seen: list[int] = []
    for p in result.pairs:
        assert 0 <= p.open < p.close <= len(text)
        assert is_mark(text[p.open])
        if p.closed:
            assert is_mark(text[p.close])
            seen.append(p.close)
        seen.append(p.open)
    seen.extend(result.unmatched)
    assert len(seen) == len(set(seen)), "an index used twice"
    for a in result.pairs:
        for b in result.pairs:
            if a is not b and a.open < b.open < a.close:
                assert b.close <= a.close, "pairs cross"
    for i in seen:
        if 0 < i < len(text) - 1 and text[i] in "'’":
            assert not (text[i - 1].isalnum() and text[i + 1].isalnum())


@given(st.text(alphabet=st.characters(blacklist_characters="“”‘’\"'«»„‚‹›‟‛〝〞\n\r"), min_size=1, max_size=50))
def test_wrapped_text_is_one_pair(s: str) -> None:
    text = f"“{s}”"
    result = pair_marks(text)
    assert [(p.open, p.close) for p in result.pairs] == [(0, len(text) - 1)]


@pytest.mark.parametrize(
    "text, inner",
    [
        ("''We lost the whole thing,'' he said.", ["We lost the whole thing,"]),
        ("Not paying taxes ''makes me smart,'' Mr. Trump said.", ["makes me smart,"]),
        ("He said ''we won.\n\n''And we will win again,'' he said.", ["we won.", "And we will win again,"]),
        ("It’s 'fine', she said.", ["fine"]),  # a single pair stays single
    ],
    ids=["doubled", "doubled-inside", "doubled-runs-on", "single"],
)
def test_a_doubled_single_mark_is_one_double_mark(text, inner):
    """Some archives write double quotation marks as two apostrophes (''…''): one mark, not two nested
    single quotations whose content would start with a stray apostrophe."""
    pairs = pair_marks(text).pairs
    assert [text[slice(*p.inner)] for p in pairs] == inner
    assert all(p.family == ("single" if inner == ["fine"] else "double") for p in pairs)
