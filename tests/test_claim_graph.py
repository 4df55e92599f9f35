"""The claim graph of a small corpus written for issue 12: one claim node across four outlets."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

from attribution.coref import source_id
from attribution.graph import build_graph, read_graphml, top_sources, write_gexf, write_graphml
from attribution.model import (
    Article,
    ArticleResult,
    Cue,
    Gender,
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
BONSEY = "person:noah-bonsey"
FULL = "Based on the reports that have emerged, the deal would amount to a significant symbolic blow"
TAIL = "to the opposition in Homs"
OTHER = "On the other hand, it would anger hardline regime supporters who want a military victory"


def _speaker(name: str, sid: str, gender: Gender | None = None) -> SpeakerMention:
    return SpeakerMention(name, 0, len(name), name, SourceKind.PERSON, source_id=sid, gender=gender)


def _quote(qid: str, text: str, sp: SpeakerMention | None, **kw) -> Quote:
    return Quote(qid, kw.pop("kind", QuoteKind.DIRECT), Span(text, 0, len(text)), speaker=sp, **kw)


def _article(aid: str, outlet: str, date: str | None, quotes: list[Quote], sources: list[Source]) -> ArticleResult:
    by_source: dict[str, list[str]] = {}
    for q in quotes:
        if q.speaker is not None and q.speaker.source_id:
            by_source.setdefault(q.speaker.source_id, []).append(q.id)
    return ArticleResult(
        Article(aid, "", title=f"{aid} title", outlet=outlet, date=date),
        tuple(quotes),
        tuple(sources),
        {k: tuple(v) for k, v in by_source.items()},
    )


def corpus() -> list[ArticleResult]:
    """The same quotation in four articles: verbatim, shortened, a word added, split differently."""
    bonsey = Source(BONSEY, "Noah Bonsey", SourceKind.PERSON, gender=Gender.MALE, aliases=("Noah Bonsey",))
    sp = _speaker("Noah Bonsey", BONSEY, Gender.MALE)
    ap = Outlet("Associated Press", "AP", OutletKind.NEWS_AGENCY)
    vice = Outlet("VICE News", "VICE News", OutletKind.BROADCASTER)
    told = Cue("told", "tell", 0, 4)
    putin, peskov = "Владимир Путин", "Дмитрий Песков"
    pid, kid = source_id(SourceKind.PERSON, putin), source_id(SourceKind.PERSON, peskov)
    russians = [Source(pid, putin, SourceKind.PERSON), Source(kid, peskov, SourceKind.PERSON)]
    return [
        _article(
            "a1", "Guardian", "2016-05-01",
            [_quote("q1", f"{FULL} {TAIL}.", sp, outlet=vice, cue=told),
             _quote("q2", OTHER, sp), _quote("q3", "Мы не отступим ни на шаг", _speaker(putin, pid)),
             _quote("q4", "Это решение окончательное и обсуждению не подлежит", _speaker(peskov, kid))],
            [bonsey, *russians],
        ),
        _article("a2", "Reuters", "2016-05-02", [_quote("q1", "the deal would amount to a significant symbolic blow",
                                                        sp, outlet=ap)],
                 [bonsey]),
        _article("a3", "BBC", "2016-05-02", [_quote("q1", f"{FULL.replace('significant', 'very significant')} "
                                                    f"{TAIL}", sp, outlet=vice)], [bonsey]),
        _article("a4", "Al Jazeera", "2016-05-04",
                 [_quote("q1", FULL + ",", sp, cue=told), _quote("q2", TAIL, None, continues="q1"),
                  _quote("q3", "that the deal would be a significant symbolic blow to the opposition", sp,
                         kind=QuoteKind.INDIRECT)],
                 [bonsey]),
    ]  # fmt: skip


@pytest.fixture(scope="module")
def G() -> nx.DiGraph:
    return build_graph(corpus())


def _claims_of(G: nx.DiGraph, sid: str) -> dict[str, dict]:
    return {v: G.nodes[v] for _, v, e in G.out_edges(sid, data=True) if e["type"] == "said"}


def test_two_claim_nodes_for_the_speaker(G):
    claims = _claims_of(G, BONSEY)
    assert len(claims) == 3  # the claim, the other claim, and the reported version
    direct = [d for d in claims.values() if d["kind"] == "direct"]
    assert len(direct) == 2
    main = max(direct, key=lambda d: d["n_articles"])
    assert main["n_articles"] == 4 and main["n_outlets"] == 4
    assert (main["first_seen"], main["last_seen"]) == ("2016-05-01", "2016-05-04")
    assert main["text"] == f"{FULL} {TAIL}."  # the most frequent wording (a1 and a4 read the same)
    assert len(main["variants"]) == 3


def test_every_article_on_the_said_edge(G):
    main = next(c for c, d in _claims_of(G, BONSEY).items() if d["n_articles"] == 4)
    e = G.edges[BONSEY, main]
    assert e["articles"] == ["a1", "a2", "a3", "a4"] and e["weight"] == 4.0 and e["n_articles"] == 4
    assert e["outlets"] == ["Associated Press", "VICE News"]


def test_via_per_speaker_and_article(G):
    main = next(c for c, d in _claims_of(G, BONSEY).items() if d["n_articles"] == 4)
    via = G.edges[main, "outlet:vice-news"]
    assert via["speakers"] == [BONSEY] and via["articles"] == ["a1", "a3"]


def test_continuation_does_not_double_text(G):
    for _, d in G.nodes(data=True):
        if d["type"] == "claim":
            assert d["text"].count("Based on the reports") <= 1


def test_paraphrase_edge(G):
    para = [(u, v, e) for u, v, e in G.edges(data=True) if e["type"] == "paraphrase_of"]
    assert len(para) == 1
    u, v, e = para[0]
    assert G.nodes[u]["kind"] == "indirect" and G.nodes[v]["n_articles"] == 4 and 0.6 <= e["weight"] <= 1


def test_non_latin_names_stay_distinct(G):
    people = {d["label"] for _, d in G.nodes(data=True) if d["type"] == "person"}
    assert {"Владимир Путин", "Дмитрий Песков", "Noah Bonsey"} <= people
    assert sum(d["type"] == "person" for _, d in G.nodes(data=True)) == 3


def test_top_sources_counts_articles_and_gender(G):
    row = top_sources(G, 1)[0]
    assert row["name"] == "Noah Bonsey" and row["articles"] == 4 and row["gender"] == "male"
    assert row["quotes"] == 6  # 4 of the claim, the other claim, the reported version


def test_graphml_passes_checker(G, tmp_path):
    path = tmp_path / "claims.graphml"
    write_graphml(G, path)
    proc = subprocess.run([sys.executable, str(CHECKER), str(path)], capture_output=True, text=True)
    assert proc.returncode == 0 and proc.stdout.strip().splitlines()[-1].startswith("OK"), proc.stdout
    H = read_graphml(path)
    claim = next(d for _, d in H.nodes(data=True) if d["type"] == "claim" and d.get("n_articles") == 4)
    assert claim["first_seen"] == "2016-05-01" and claim["last_seen"] == "2016-05-04"


def test_gexf_is_dynamic_and_reads_back(G, tmp_path):
    path = tmp_path / "claims.gexf"
    write_gexf(G, path)
    head = path.read_text(encoding="utf-8")[:2000]
    assert 'mode="dynamic"' in head and 'timeformat="date"' in head
    H = nx.read_gexf(path)
    assert H.number_of_nodes() == G.number_of_nodes() and H.number_of_edges() == G.number_of_edges()
    art = next(d for _, d in H.nodes(data=True) if d.get("type") == "article")
    assert art["spells"]
    said = [d for _, _, d in H.edges(data=True) if d.get("edge_type") == "said"]
    assert len(said) == 5 and all(d.get("spells") for d in said)  # Bonsey 3, Putin, Peskov
    assert {d.get("type", "directed") for _, _, d in H.edges(data=True)} == {"directed"}


def test_a_bare_surname_in_another_article_stays_its_own_person():
    """*Bonsey* alone in one article, *Noah Bonsey* in another: never merged on the surname (issue 10:
    *Kim* and *Erin Kim* are not one person); each article ties its own surnames to its full names."""
    short = Source("person:bonsey", "Bonsey", SourceKind.PERSON, affiliation="International Crisis Group")
    full = Source(BONSEY, "Noah Bonsey", SourceKind.PERSON)
    G = build_graph(
        [
            _article("a1", "AP", "2016-01-01", [_quote("q1", OTHER, _speaker("Bonsey", "person:bonsey"))], [short]),
            _article("a2", "AP", "2016-01-02", [_quote("q1", FULL, _speaker("Noah Bonsey", BONSEY))], [full]),
        ]
    )
    assert G.nodes[BONSEY]["label"] == "Noah Bonsey" and G.nodes["person:bonsey"]["label"] == "Bonsey"


def test_what_the_article_reports_as_not_said_or_only_imagines_is_no_claim():
    """ "declined to comment on whether …", "might have suggested …": a speaker node, but no claim
    and no *said* edge."""
    sp = _speaker("Jane Roe", "person:jane-roe")
    quotes = [
        _quote("q1", "on whether he has accepted the position", sp, kind=QuoteKind.INDIRECT, negated=True),
        _quote("q2", "that the road would reopen on Monday after the storm", sp, kind=QuoteKind.INDIRECT),
        _quote("q3", "that it would use its drivers to help the city", sp, kind=QuoteKind.INDIRECT, hypothetical=True),
    ]
    G = build_graph(
        [_article("n1", "Reuters", "2016-05-01", quotes, [Source("person:jane-roe", "Jane Roe", SourceKind.PERSON)])]
    )
    texts = [d["text"] for _, d in G.nodes(data=True) if d["type"] == "claim"]
    assert texts == ["that the road would reopen on Monday after the storm"]
