"""A headline's "Name: claim" through the real pipeline (PolNeAR annotates these)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.stanza

BODY = "\n\nRush Limbaugh told his radio audience on Monday that the request was a sign of fear."


@pytest.mark.parametrize(
    "headline, claim",
    [
        ("Rush Limbaugh: Hillary Asking Moderator To Fact Check Trump ‘Reeks of Fear.’",
         "Hillary Asking Moderator To Fact Check Trump ‘Reeks of Fear.’"),
        ("Limbaugh: The debate is rigged against Trump.", "The debate is rigged against Trump"),
        # labels, and names the article never gives a person
        ("Poll: Limbaugh listeners in dead heat over the debate.", None),
        ("The Latest: Limbaugh speaks on the debate.", None),
        ("Hannity: The debate is rigged against Trump.", None),
        ("Limbaugh: Rigged.", None),  # too short to be a claim
    ],
    ids=["full-name", "surname", "poll-label", "the-latest", "not-in-body", "too-short"],
)  # fmt: skip
def test_headline_label(analyze, headline, claim):
    text = headline + BODY
    found = [q for q in analyze(text).quotes if q.content.start < len(headline)]
    if claim is None:
        assert all(q.cue is None or q.cue.text != ":" for q in found)
        return
    (q,) = found
    assert (q.content.text, q.speaker.name, q.cue.text) == (claim, "Rush Limbaugh", ":")
