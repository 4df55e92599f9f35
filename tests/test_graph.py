"""GraphML for Gephi: checked by shared/tools/check_graphml.py, networkx and igraph."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import igraph
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from attribution.graph import build_graph, read_graphml, write_gexf, write_graphml
from attribution.model import (
    Article,
    ArticleResult,
    Outlet,
    OutletKind,
    Quote,
    QuoteKind,
    Source,
    SourceKind,
    Span,
    SpeakerMention,
)

CHECKER = Path(__file__).resolve().parents[2] / "shared" / "tools" / "check_graphml.py"


def check(path: Path, *extra: str) -> str:
    proc = subprocess.run([sys.executable, str(CHECKER), str(path), *extra], capture_output=True, text=True)
    last = (proc.stdout.strip().splitlines() or [""])[-1]
    assert proc.returncode == 0 and last.startswith("OK"), proc.stdout + proc.stderr
    return last


def _result(aid: str, name: str, mention: str, text: str, *, outlet: str | None = None) -> ArticleResult:
    sid = "person:" + name.lower().replace(" ", "-")
    sp = SpeakerMention(mention, 0, len(mention), name, SourceKind.PERSON, "analyst", "International Crisis Group", sid)
    q = Quote(
        "q1",
        QuoteKind.DIRECT,
        Span(text, 0, len(text)),
        speaker=sp,
        outlet=Outlet("Associated Press", "AP", OutletKind.NEWS_AGENCY) if outlet else None,
    )
    srcs = (
        Source(sid, name, SourceKind.PERSON, None, "analyst", "International Crisis Group", (name,)),
        Source(
            "org:international-crisis-group",
            "International Crisis Group",
            SourceKind.ORGANIZATION,
            "ICG",
            None,
            None,
            ("International Crisis Group", "ICG"),
        ),
    )
    return ArticleResult(
        Article(aid, text, title=f"Title <{aid}> & co", outlet="VICE News"), (q,), srcs, {sid: ("q1",)}
    )


def test_graph_schema_and_gephi(tmp_path):
    results = [
        _result("a1", "Noah Bonsey", "Noah Bonsey", "The deal is a blow & <a> \x0b setback.", outlet="AP"),
        _result("a2", "Bonsey", "Bonsey", "the DEAL is a blow & <a> setback"),  # same claim, other words' case
    ]
    G = build_graph(results)
    path = tmp_path / "g.graphml"
    write_graphml(G, path)
    summary = check(path, "--min-nodes", "5", "--min-edges", "5")
    assert "person:2" in summary  # a bare surname in another article never joins a full name (issue 10)
    H = read_graphml(path)
    claims = [n for n, d in H.nodes(data=True) if d["type"] == "claim"]
    assert len(claims) == 1  # near-identical claims merge
    said = [d for _, _, d in H.edges(data=True) if d["type"] == "said"]
    assert sum(d["weight"] for d in said) == 2.0
    assert H.nodes["person:noah-bonsey"]["label"] == "Noah Bonsey"
    assert isinstance(H.nodes["person:noah-bonsey"]["r"], int)
    ig = igraph.Graph.Read_GraphML(str(path))
    assert ig.vcount() == H.number_of_nodes() and ig.ecount() == H.number_of_edges()
    types = {d["type"] for _, _, d in H.edges(data=True)}
    assert types == {"said", "via", "affiliated_with", "reported_in", "published_by"}


def test_gexf(tmp_path):
    path = tmp_path / "g.gexf"
    write_gexf(build_graph([_result("a1", "Noah Bonsey", "he", "x y z")]), path)
    assert path.read_bytes().startswith(b"<?xml")


@pytest.mark.stanza
def test_seed_graph(analyzer, tmp_path):
    from attribution.ingest import read_article

    sample = Path(__file__).resolve().parent.parent / "samples" / "homs-ceasefire.txt"
    G = build_graph([analyzer.analyze(read_article(sample))])
    path = tmp_path / "seed.graphml"
    write_graphml(G, path)
    check(path, "--min-nodes", "8", "--min-edges", "8")
    assert G.nodes["person:noah-bonsey"]["type"] == "person"
    assert ("person:noah-bonsey", "org:international-crisis-group") in G.edges
    assert G.nodes["org:syrian-observatory-for-human-rights"]["short"] == "SOHR"


# Any text but the one the shared checker cannot tell from a Python None written by mistake: a
# claim or name that reads exactly "None" is flagged by ../shared/tools/check_graphml.py whatever wrote it.
names = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=20).filter(
    lambda s: s.strip() != "None"
)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(names, names), min_size=1, max_size=3))
def test_any_results_write_valid_graphml(tmp_path, items):
    results = [_result(f"a{i}", name or "x", name or "x", text or "t") for i, (name, text) in enumerate(items)]
    path = tmp_path / "h.graphml"
    write_graphml(build_graph(results), path)
    check(path)
