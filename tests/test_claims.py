"""Claim identity: near-identical wordings are one claim; different claims never merge."""

from __future__ import annotations

import pytest

from attribution.claims import ClaimItem, build_claims, cluster_claims, diff_words, link_paraphrases, same_claim, words

FULL = "Based on the reports that have emerged, the deal would amount to a significant symbolic blow to the opposition"


@pytest.mark.parametrize(
    "a, b",
    [
        (FULL, FULL.upper() + "!"),
        (FULL, FULL.replace("'", "’")),
        (FULL, "the deal would amount to a significant symbolic blow to the opposition"),  # shortened
        (FULL, FULL.replace("significant", "very significant")),  # a word added
        (FULL, FULL.replace("significant ", "")),  # a word dropped
        (FULL, FULL.replace("significant", "major")),  # a word changed
        (FULL, "Based on the reports that have emerged, the deal would amount to … a blow to the opposition"),
    ],
    ids=["case-punct", "quote-style", "shortened", "added", "dropped", "changed", "ellipsis"],
)
def test_same_claim(a, b):
    assert same_claim(words(a), words(b))
    assert same_claim(words(b), words(a))


@pytest.mark.parametrize(
    "a, b",
    [
        (FULL, FULL.replace("would amount", "would not amount")),  # a negation is a different claim
        (FULL, "the reports that have emerged"),  # under 8 words: not a shortened form
        ("Prices will rise next year", "Prices will fall next year"),  # short claims: no edits
        (FULL, "The opposition will take the city back within weeks, whatever the regime says about the deal"),
        ("We will hold the line on taxes for every family", "We will raise taxes on every family next year"),
    ],
    ids=["negation", "short-excerpt", "short-edit", "other-claim", "same-topic"],
)
def test_different_claims(a, b):
    assert not same_claim(words(a), words(b))


def test_four_forms_one_claim_and_another_claim_of_the_same_speaker():
    items = [
        ClaimItem(FULL, "a1", "person:noah-bonsey", outlet="AP", date="2016-05-01"),
        ClaimItem("the deal would amount to a significant symbolic blow to the opposition", "a2", "person:noah-bonsey"),
        ClaimItem(FULL.replace("significant", "very significant"), "a3", "person:noah-bonsey", outlet="VICE"),
        ClaimItem(FULL + ".", "a4", "person:noah-bonsey", outlet="BBC", date="2016-05-03"),
        ClaimItem("It would anger hardline regime supporters who want a military victory", "a1", "person:noah-bonsey"),
    ]
    claims, claim_of = build_claims(items)
    assert len(claims) == 2 and claim_of == [0, 0, 0, 0, 1]
    c = claims[0]
    assert c.articles == ["a1", "a2", "a3", "a4"] and c.outlets == ["AP", "BBC", "VICE"]
    assert (c.first_seen, c.last_seen) == ("2016-05-01", "2016-05-03")
    assert len(c.variants) == 3  # FULL and FULL. are one wording
    assert c.label == FULL


def test_short_claims_merge_only_for_the_same_speaker():
    items = [ClaimItem("No comment.", "a1", "person:a"), ClaimItem("no comment", "a2", "person:b")]
    items.append(ClaimItem("No comment", "a3", "person:a"))
    assert cluster_claims(items) == [[0, 2], [1]]


def test_drift_chain_stops():
    """Each step is one word, but the ends are different claims: the cluster guard keeps them apart."""
    base = list(words("the ministry will publish the full budget figures for the coming year next week"))
    chain, cur = [], list(base)
    for i, new in enumerate(["agency", "release", "partial", "tax", "data", "past", "decade", "today"]):
        cur[[1, 3, 5, 6, 7, 10, 11, 13][i]] = new
        chain.append(" ".join(cur))
    items = [ClaimItem(" ".join(base), "a0")] + [ClaimItem(t, f"a{i + 1}") for i, t in enumerate(chain)]
    assert not same_claim(words(items[0].text), words(items[-1].text))
    clusters = cluster_claims(items)
    assert not any(0 in c and len(items) - 1 in c for c in clusters)


def test_paraphrase_links_reported_to_direct_of_same_speaker():
    direct = "We will not negotiate with the rebels until they hand over their heavy weapons"
    reported = "that the government would not negotiate with rebels before they handed over heavy weapons"
    items = [
        ClaimItem(direct, "a1", "person:x", kind="direct"),
        ClaimItem(reported, "a2", "person:x", kind="indirect"),
        ClaimItem(reported, "a3", "person:y", kind="indirect"),  # another speaker: no link
        ClaimItem("that the weather was fine", "a4", "person:x", kind="indirect"),
    ]
    claims, _ = build_claims(items)
    links = link_paraphrases(claims)
    assert len(links) == 1
    src, dst, weight = links[0]
    assert claims[dst].label == direct and claims[src].label == reported and weight >= 0.6
    assert claims[src].speaker_ids == ["person:x", "person:y"]  # same wording by two speakers: one claim


def test_diff_marks_words():
    assert diff_words("a b c d", "a x c d e") == "a [-b-] {+x+} c d {+e+}"


def test_variants_and_to_dict():
    items = [ClaimItem(FULL, "a1"), ClaimItem(FULL, "a2"), ClaimItem(FULL.replace("significant", "major"), "a3")]
    claims, _ = build_claims(items)
    d = claims[0].to_dict()
    assert d["count"] == 3 and d["n_articles"] == 3
    assert d["variants"][0]["diff"] is None
    assert "[-significant-] {+major+}" in d["variants"][1]["diff"]
