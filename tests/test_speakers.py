"""Speaker kind, role and affiliation through the real pipeline; acronyms as pure logic."""

from __future__ import annotations

import pytest

from attribution.speakers import acronym


@pytest.mark.parametrize(
    "name, short",
    [
        ("Syrian Observatory for Human Rights", "SOHR"),
        ("International Crisis Group", "ICG"),
        ("Human Rights Watch", "HRW"),
        ("Reuters", None),
        ("the group", None),
    ],
)
def test_acronym(name, short):
    assert acronym(name) == short


ANY = object()  # a part this row does not test


@pytest.mark.stanza
@pytest.mark.parametrize(
    "text, name, kind, role, affiliation",
    [
        (
            "“The talks have failed,” said Noah Bonsey, a senior analyst at the International Crisis Group.",
            "Noah Bonsey",
            "person",
            "senior analyst",
            "International Crisis Group",
        ),
        (
            "“The talks have failed,” Crisis Group senior analyst Noah Bonsey said.",
            "Noah Bonsey",
            "person",
            "senior analyst",
            "Crisis Group",
        ),
        (
            "“The talks have failed,” a senior official who asked not to be named told reporters.",
            ANY,
            "anonymous",
            ANY,
            None,
        ),
        ("Local activists said that the shelling continued through the night.", "local activists", "group", None, None),
        (
            "The Syrian Observatory for Human Rights said that the shelling continued through the night.",
            "Syrian Observatory for Human Rights",
            "organization",
            None,
            None,
        ),
        (
            "The strandings began in November, said the rescue group Project Jonah.",
            "Project Jonah",
            "organization",
            "rescue group",
            None,
        ),
        (
            "It started with a surge in incidents, according to whale rescue group Project Jonah, with 140 pilot "
            "whales beaching and dying on Stewart Island.",
            "Project Jonah",
            "organization",
            "whale rescue group",
            None,
        ),
        (
            "Indigenous elders say the knowledge of the tribes is being dismissed as overly spiritual.",
            "Indigenous elders",
            "group",
            None,
            None,
        ),
    ],
    ids=[
        "appos-at",
        "premodifier",
        "anonymous",
        "group",
        "organization",
        "a-body-after-its-descriptor",
        "according-to-a-body-after-its-descriptor",
        "people-the-tagger-did-not-singularise",
    ],
)
def test_speaker_parts(analyze, text, name, kind, role, affiliation):
    qs = [q for q in analyze(text).quotes if q.speaker is not None]
    assert qs, analyze(text).quotes
    sp = qs[0].speaker
    got = {"name": sp.name, "kind": str(sp.kind), "role": sp.role, "affiliation": sp.affiliation}
    want = {"name": name, "kind": kind, "role": role, "affiliation": affiliation}
    assert {k: v for k, v in got.items() if want[k] is not ANY} == {k: v for k, v in want.items() if v is not ANY}
