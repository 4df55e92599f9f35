"""Outlets and channels through the real pipeline."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.stanza


@pytest.mark.parametrize(
    "text, name, kind",
    [
        ("Rebel commanders told AP that the ceasefire had collapsed.", "Associated Press", "news_agency"),
        ("“The ceasefire has collapsed,” the commander told Reuters.", "Reuters", "news_agency"),
        ("The ministry said in a statement that the border would reopen.", "statement", "statement"),
        ("The senator said on Twitter that she would vote against the bill.", "Twitter", "social_media"),
        ("The governor said in an interview with CNN that he would not resign.", "CNN", "broadcaster"),
        ("“We will not resign,” the governor told The New York Times.", "The New York Times", "newspaper"),
    ],
    ids=["told-ap", "told-reuters", "statement", "twitter", "interview-with", "told-nyt"],
)
def test_outlet(analyze, text, name, kind):
    qs = [q for q in analyze(text).quotes if q.outlet is not None]
    assert qs, analyze(text).quotes
    assert qs[0].outlet.name == name
    assert str(qs[0].outlet.kind) == kind


def test_no_outlet_for_reporters(analyze):
    qs = analyze("The mayor told reporters that the bridge would be closed.").quotes
    assert qs and qs[0].outlet is None
