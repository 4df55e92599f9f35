"""Sentence segmentation: a break the tokenizer makes after a word, inside a line, is mended."""

from __future__ import annotations

import pytest

from attribution import nlp


def _words(text: str) -> list[tuple[str, int, int]]:
    out, pos = [], 0
    for form in text.split():
        start = text.index(form, pos)
        out.append((form, start, start + len(form)))
        pos = start + len(form)
    return out


def _sentences(text: str, *cuts: str) -> list[list[tuple[str, int, int]]]:
    """The words of ``text`` cut before each of ``cuts`` (as the tokenizer would have cut them)."""
    words = _words(text)
    starts = {text.index(c) for c in cuts}
    out: list[list[tuple[str, int, int]]] = [[]]
    for w in words:
        if w[1] in starts:
            out.append([])
        out[-1].append(w)
    return out


def _texts(text: str, sentences: list[list[tuple[str, int, int]]]) -> list[str]:
    return [text[s[0][1] : s[-1][2]] for s in sentences]


@pytest.mark.parametrize(
    "text, cut, joined",
    [
        ("British Prime Minister Theresa May said this week.", "May said", True),
        ("He told CBS This Morning that the plan works.", "This Morning", True),
        ("The talks failed. Officials said so.", "Officials", False),  # after punctuation: a real end
        ("SAVE A QUARTER Let's say you think a degree pays.", "Let's", False),  # a heading in capitals
        ("An interview on CBS\nThis Morning the host said it.", "This Morning", False),  # a line break
        ("Paul D. Ryan said so  It was the year of scandal.", "It was", False),  # two spaces: a lost break
    ],
    ids=["inside-a-name", "inside-a-title", "after-a-full-stop", "heading", "line-break", "two-spaces"],
)
def test_a_break_after_a_word_inside_a_line_is_mended(text, cut, joined):
    sentences = _sentences(text, cut)
    mended = nlp._mend_splits(text, sentences)
    assert len(mended) == (1 if joined else 2), _texts(text, mended)


def test_a_mended_sentence_stays_under_the_window():
    text = " ".join(f"w{k}" for k in range(nlp.MAX_SENTENCE_WORDS + 10))
    sentences = _sentences(text, f"w{nlp.MAX_SENTENCE_WORDS}")
    assert len(nlp._mend_splits(text, sentences)) == 2


@pytest.mark.parametrize(
    "text, pieces",
    [
        # a line with no full stop, then a new story: two sentences
        ("Police found the toddler unresponsive\nOhio's parole board heard arguments.", 2),
        ("He spoke about the strike, which\nJust four months after the transplant, she walked.", 2),
        ("Trump said Hispanics live in hell. ― Sonya Herridge\n“During the debate he lied.”", 2),
        ("Deficits rose in 2017\n2018 was worse.", 2),
        # negatives: a line that starts in lower case goes on the sentence; no line break, no cut
        ("Editor’s note: Donald Trump regularly\nincites\npolitical violence.", 1),
        ("Police found the toddler unresponsive. Ohio's parole board heard arguments.", 1),
    ],
    ids=["teaser-after-teaser", "relative-cut-by-a-teaser", "credit-then-quote", "digit", "lower-case-line",
         "no-line-break"],
)  # fmt: skip
def test_a_line_that_starts_a_new_sentence_is_cut_from_the_one_before(text, pieces):
    sentences = [_words(text)]  # as if the tokenizer had run over the line breaks
    assert len(nlp._split_at_lines(text, sentences)) == pieces


@pytest.mark.stanza
def test_a_reported_content_stops_at_the_line_that_starts_another_story(analyze):
    text = (
        "The sheriff said the woman was found alive near the highway on Thursday morning\nOhio's prison parole "
        "board heard arguments Thursday for and against mercy."
    )
    (q,) = analyze(text).quotes
    assert q.content.text == "the woman was found alive near the highway on Thursday morning"


@pytest.mark.stanza
@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            "The fund cut its forecast for the world economy for decades. British Prime Minister Theresa May "
            "said this week that the country would leave.",
            "Theresa May",
        ),
        (
            "Clinton campaign manager Robby Mook told CBS This Morning on Monday that the campaign expects "
            "Holt to step in.",
            "Robby Mook",
        ),
    ],
    ids=["theresa-may", "cbs-this-morning"],
)
def test_the_tokenizers_slip_no_longer_cuts_the_speaker(analyze, text, speaker):
    qs = analyze(text).quotes
    assert [q.speaker.name for q in qs] == [speaker]
