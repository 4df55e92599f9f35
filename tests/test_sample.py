"""The seed article: every row of DESIGN.md's table, the negative, and the golden JSON."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from attribution import model
from attribution.ingest import read_article

from .helpers import assert_offsets

pytestmark = pytest.mark.stanza

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "homs-ceasefire.txt"
GOLDEN = Path(__file__).resolve().parent / "golden" / "homs-ceasefire.json"


@pytest.fixture(scope="module")
def result(analyzer):
    return analyzer.analyze(read_article(SAMPLE))


def _find(result, *, kind, name, cue, continues=False):
    for q in result.quotes:
        if (
            str(q.kind) == kind
            and q.speaker is not None
            and q.speaker.name == name
            and (q.cue.lemma if q.cue else None) == cue
            and (q.continues is not None) == continues
        ):
            return q
    raise AssertionError(f"no {kind} quote by {name} with cue {cue}: {[q.to_dict() for q in result.quotes]}")


def _source(result, sid):
    return next(s for s in result.sources if s.id == sid)


def test_according_to_local_activists(result):
    q = _find(result, kind="according_to", name="local activists", cue="according to")
    assert q.speaker.kind == "group"
    assert "retake Homs" in q.content.text
    assert q.outlet is None


def test_activists_told_ap(result):
    q = _find(result, kind="indirect", name="activists", cue="tell")
    assert q.speaker.kind == "group"
    assert q.outlet is not None and q.outlet.name == "Associated Press" and q.outlet.mention == "AP"
    assert q.outlet.kind == "news_agency"
    assert q.content.text.startswith("Both sides agreed")


def test_sohr_reported(result):
    q = _find(result, kind="indirect", name="Syrian Observatory for Human Rights", cue="report")
    assert q.speaker.kind == "organization"
    assert q.speaker.role == "UK-based"
    src = _source(result, q.speaker.source_id)
    assert src.short == "SOHR"  # derived: the article never writes it


def test_sohr_it_said(result):
    q = _find(result, kind="indirect", name="Syrian Observatory for Human Rights", cue="say")
    assert q.speaker.mention == "it"
    assert "implemented today" in q.content.text


def test_bonsey_direct_told_vice(result):
    q = _find(result, kind="direct", name="Noah Bonsey", cue="tell")
    assert q.speaker.kind == "person"
    assert q.speaker.role == "Senior Analyst, Syria"
    assert q.speaker.affiliation == "International Crisis Group"
    assert q.outlet is not None and q.outlet.name == "VICE News"
    assert q.content.text.startswith("Based on the reports")
    icg = _source(result, "org:international-crisis-group")
    assert icg.short == "ICG"


def test_bonsey_continuation(result):
    first = _find(result, kind="direct", name="Noah Bonsey", cue="tell")
    q = _find(result, kind="direct", name="Noah Bonsey", cue=None, continues=True)
    assert q.continues == first.id
    assert q.outlet is not None and q.outlet.name == "VICE News"
    assert q.content.text.startswith("But it's a significant symbolic blow")


def test_bonsey_adds(result):
    q = _find(result, kind="indirect", name="Noah Bonsey", cue="add")
    assert q.speaker.mention == "Bonsey"


def test_bonsey_he_said(result):
    q = _find(result, kind="direct", name="Noah Bonsey", cue="say")
    assert q.speaker.mention == "he"
    assert q.content.text.startswith("On the other hand")


def test_capital_of_the_revolution_is_not_speech(result):
    for q in result.quotes:
        if q.kind == "direct":
            assert not q.content.text.startswith("the capital of the revolution")
        assert q.content.text.strip(" ,'\"“”") != "the capital of the revolution"


def test_offsets_slice_the_text(result):
    assert_offsets(SAMPLE.read_text(encoding="utf-8"), result.quotes)


def test_golden(result, update_golden):
    """The whole JSON against tests/golden/; a missing or changed golden file fails, it is never written here
    unless asked (``--update-golden``), and then the test is skipped, not passed: nothing was compared."""
    got = model.dumps(result).decode()
    got = got.replace(str(SAMPLE), "samples/homs-ceasefire.txt")
    regenerate = f"python -m pytest {Path(__file__).relative_to(ROOT)} --update-golden"
    if update_golden:
        GOLDEN.write_text(got, encoding="utf-8")
        pytest.skip(f"rewrote {GOLDEN.relative_to(ROOT)}: review `git diff tests/golden` and commit it with the reason")
    if not GOLDEN.exists():
        pytest.fail(f"no golden file {GOLDEN.relative_to(ROOT)}; check the output, then write it with `{regenerate}`")
    want = GOLDEN.read_text(encoding="utf-8")
    diff = "".join(difflib.unified_diff(want.splitlines(True), got.splitlines(True), "golden", "now"))
    assert got == want, f"output changed; if that is intended, rewrite it with `{regenerate}`:\n{diff}"
