"""HTML reports without a browser or models: span nesting, escaping, views, the corpus site and the CLI."""

from __future__ import annotations

import dataclasses
from itertools import pairwise
from pathlib import Path

import lxml.html
import orjson
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from attribution import model
from attribution.cli import app
from attribution.graph import build_graph
from attribution.htmlreport import render_article, write_site
from attribution.htmlreport.graphview import graph_data, vis_network_js
from attribution.htmlreport.markup import Element, Mark, MarkKind, nest, text_of
from attribution.htmlreport.site import read_article_text, shared_claims
from attribution.htmlreport.views import article_view
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

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()


def has_class(name: str) -> str:
    """An XPath test for an element with class ``name`` (lxml's cssselect needs a package we do not need)."""
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


XSS_TEXT = (
    "The mayor <script>alert(1)</script> spoke.\n\n"
    "“We will <b>rebuild</b> the market & the <img src=x onerror=alert(2)> bridge,” said Omar Haddad, the mayor."
)


def span(text: str, part: str, after: int = 0) -> tuple[int, int]:
    start = text.index(part, after)
    return start, start + len(part)


def make_result(text: str, aid: str = "a1", *, path: str | None = None, outlet: str | None = None) -> ArticleResult:
    """One direct quotation by Omar Haddad and a continuation, on the XSS_TEXT layout."""
    qs, qe = span(text, "We will")[0], text.index("bridge") + len("bridge")
    ms, me = span(text, "Omar Haddad")
    cs, ce = span(text, "said")
    sid = "person:omar-haddad"
    sp = SpeakerMention("Omar Haddad", ms, me, "Omar Haddad", SourceKind.PERSON, "mayor", None, sid)
    q1 = Quote(
        "q1",
        QuoteKind.DIRECT,
        Span(text[qs:qe], qs, qe),
        cue=Cue("said", "say", cs, ce),
        speaker=sp,
        outlet=Outlet("Associated Press", "AP", OutletKind.NEWS_AGENCY) if outlet else None,
        confidence=0.9,
    )
    ss, se = span(text, "spoke")
    q2 = Quote("q2", QuoteKind.INDIRECT, Span(text[ss:se], ss, se), speaker=None, confidence=0.4)
    source = Source(
        sid, "Omar Haddad", SourceKind.PERSON, role="mayor", aliases=("Omar Haddad", "Haddad"), gender=Gender.MALE
    )
    return ArticleResult(
        Article(aid, text, path=path, title="Mayor <script>alert(3)</script>", outlet=outlet, date="2014-05-08"),
        (q1, q2),
        (source,),
        {sid: ("q1",)},
    )


# --- nesting ----------------------------------------------------------------------------------


def _pieces(nodes, offset: int = 0, out: dict | None = None) -> tuple[int, dict]:
    out = {} if out is None else out
    for n in nodes:
        if isinstance(n, str):
            offset += len(n)
            continue
        start = offset
        offset, _ = _pieces(n.children, offset, out)
        out.setdefault(n.mark.key, []).append((start, offset))
    return offset, out


@given(
    st.text(min_size=0, max_size=40),
    st.lists(st.tuples(st.integers(-3, 45), st.integers(-3, 45), st.sampled_from(list(MarkKind))), max_size=8),
)
def test_nesting_keeps_every_character_once_and_covers_each_span(text, raw):
    marks = [Mark(min(a, b), max(a, b), kind, f"m{i}") for i, (a, b, kind) in enumerate(raw)]
    nodes = nest(text, marks)
    assert text_of(nodes) == text
    _, pieces = _pieces(nodes)
    for m in marks:
        start, end = max(0, m.start), min(len(text), m.end)
        covered = sorted(pieces.get(m.key, []))
        if start >= end:
            assert not covered
            continue
        assert covered[0][0] == start and covered[-1][1] == end
        assert all(a[1] == b[0] for a, b in pairwise(covered)), covered


def test_crossing_span_is_split_at_the_parent_end():
    nodes = nest("abcdef", [Mark(0, 3, MarkKind.QUOTE, "q1"), Mark(2, 5, MarkKind.SPEAKER, "s")])
    assert isinstance(nodes[0], Element) and nodes[0].mark.key == "q1"
    assert [(n.mark.key, n.mark.part) for n in nodes if isinstance(n, Element)] == [("q1", 0), ("s", 1)]
    assert text_of(nodes) == "abcdef"


# --- the article page ---------------------------------------------------------------------------


@st.composite
def articles(draw: st.DrawFn) -> ArticleResult:
    """Random text with markup characters, and random (possibly overlapping) quotes, cues and speakers."""
    text = draw(st.text(st.sampled_from(list("ab <>&\"'“”\n")), min_size=1, max_size=40))
    offsets = st.integers(0, len(text))
    quotes = []
    for i in range(draw(st.integers(0, 4))):
        s, e = sorted(draw(st.tuples(offsets, offsets)))
        cs, ce = sorted(draw(st.tuples(offsets, offsets)))
        ms, me = sorted(draw(st.tuples(offsets, offsets)))
        sp = SpeakerMention(text[ms:me], ms, me, "Omar Haddad", SourceKind.PERSON, source_id=f"person:{i % 2}")
        cue = Cue(text[cs:ce], "say", cs, ce)
        quotes.append(Quote(f"q{i + 1}", QuoteKind.INDIRECT, Span(text[s:e], s, e), cue, sp))
    return ArticleResult(Article("a", text), tuple(quotes))


@given(articles())
def test_page_text_is_the_article_text_whatever_the_spans(result):
    doc = lxml.html.fromstring(render_article(result))
    assert doc.get_element_by_id("text").text_content() == result.article.text
    marked = {el.get("data-q") for el in doc.xpath(f"//span[{has_class('q')}]")}
    assert marked == {q.id for q in result.quotes if q.content.start < q.content.end}


def test_article_text_is_escaped_and_every_quote_is_marked():
    result = make_result(XSS_TEXT)
    page = render_article(result)
    assert "<script>alert(1)" not in page and "<script>alert(3)" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    doc = lxml.html.fromstring(page)
    assert doc.get_element_by_id("text").text_content() == XSS_TEXT
    firsts = doc.xpath(f"//*[@id='text']//span[{has_class('q')}][@data-first]")
    assert [el.get("data-q") for el in firsts] == ["q2", "q1"]  # in text order
    assert not [s for s in doc.iter("script") if "alert" in (s.text or "")]
    tip = doc.get_element_by_id("q1").get("data-tip")
    assert "Omar Haddad" in tip and "role: mayor" in tip and "cue: said" in tip and "confidence 0.90" in tip
    assert "gender: male" in tip
    assert "person · mayor · male" in doc.xpath("//*[@id='sources']//li")[0].text_content()


def test_a_quotation_reported_as_not_said_is_marked_so():
    result = make_result(XSS_TEXT)
    q2 = dataclasses.replace(result.quotes[1], negated=True)
    page = render_article(dataclasses.replace(result, quotes=(result.quotes[0], q2)))
    doc = lxml.html.fromstring(page)
    assert "not said" in doc.get_element_by_id("q2").get("data-tip")
    assert "(not said)" in doc.get_element_by_id("row-q2").text_content()
    assert "not said" not in doc.get_element_by_id("row-q1").text_content()


def test_sources_get_distinct_labels_and_unattributed_quotes_their_own_entry():
    view = article_view(make_result(XSS_TEXT))
    assert [(s.key, s.label) for s in view.sources] == [("person:omar-haddad", "OH"), ("unattributed", "?")]
    assert view.quote_by_id["q2"].source.name == "no speaker found"


def test_text_that_no_longer_fits_lists_quotations_without_it():
    result = make_result(XSS_TEXT)
    page = render_article(result, "some other text entirely")
    doc = lxml.html.fromstring(page)
    assert not doc.xpath("//*[@id='text']") and doc.xpath(f"//p[{has_class('notice')}]")
    assert len(doc.xpath("//*[@id='quotations']//tbody/tr")) == 2


# --- the corpus site ----------------------------------------------------------------------------


def _corpus(tmp_path: Path) -> Path:
    """An OUT folder of two result files whose articles are text files (texts are not in the JSON)."""
    out = tmp_path / "out"
    out.mkdir()
    for aid, outlet in (("a1", "Wire Daily"), ("a2", "Evening Post")):
        src = tmp_path / f"{aid}.txt"
        src.write_text(XSS_TEXT, encoding="utf-8")
        result = make_result(XSS_TEXT, aid, path=str(src), outlet=outlet)
        (out / f"{aid}.json").write_bytes(model.dumps(result))
    return out


def test_text_is_read_back_from_the_article_path(tmp_path: Path):
    out = _corpus(tmp_path)
    result = model.loads_result((out / "a1.json").read_bytes())
    assert result.article.text == "" and read_article_text(result) == XSS_TEXT
    (tmp_path / "a1.txt").write_text("changed since", encoding="utf-8")
    assert read_article_text(result) is None


def test_text_is_read_back_from_its_jsonl_line(tmp_path: Path):
    jsonl = tmp_path / "corpus.jsonl"
    lines = [{"id": "x", "body": "another article"}, None, {"id": "a1", "title": "t", "body": XSS_TEXT}]
    jsonl.write_bytes(b"".join((orjson.dumps(o) if o else b"") + b"\n" for o in lines))
    result = model.loads_result(model.dumps(make_result(XSS_TEXT, path=f"{jsonl}:3")))
    assert read_article_text(result) == XSS_TEXT
    other = model.loads_result(model.dumps(make_result(XSS_TEXT, path=f"{jsonl}:1")))
    assert read_article_text(other) is None


def test_site_has_index_pages_graph_and_shared_claims(tmp_path: Path):
    results = [model.loads_result(p.read_bytes()) for p in sorted(_corpus(tmp_path).glob("*.json"))]
    summary = write_site(results, tmp_path / "site")
    index = lxml.html.parse(str(summary.index)).getroot()
    links = [a.get("href") for a in index.xpath("//*[@id='articles']//a")]
    assert links == ["articles/a1.html", "articles/a2.html"]
    assert all((tmp_path / "site" / href).is_file() for href in links)
    assert len(index.xpath(f"//*[@id='shared-claims']//tr[{has_class('claim')}]")) == 2  # both quotations, twice
    graph = (tmp_path / "site" / "graph.html").read_text(encoding="utf-8")
    assert "vis-network" in graph and "https://" not in graph.split("<script>", 1)[0]
    assert (tmp_path / "site" / "graph.graphml").is_file()


def test_shared_claims_need_two_articles():
    G = build_graph([make_result(XSS_TEXT, "a1")])
    assert shared_claims(G) == []
    G = build_graph([make_result(XSS_TEXT, "a1"), make_result(XSS_TEXT, "a2")])
    claims = shared_claims(G)
    assert [(c["articles"], c["speakers"]) for c in claims] == [(["a1", "a2"], ["Omar Haddad"]), (["a1", "a2"], [])]


def test_graph_data_knows_each_node_outlets_and_claim_kinds():
    G = build_graph([make_result(XSS_TEXT, "a1", outlet="Wire Daily")])
    data = graph_data(G, page_of={"a1": "articles/a1.html"})
    nodes = {n["id"]: n for n in data["nodes"]}
    assert nodes["person:omar-haddad"]["outlets"] == ["Associated Press", "Wire Daily"]
    assert nodes["article:a1"]["page"] == "articles/a1.html"
    assert data["kinds"] == ["person"] and "Wire Daily" in data["outlets"]
    claim = next(n for n in data["nodes"] if n["type"] == "claim" and n["kinds"])
    assert claim["kinds"] == ["person"]


def test_vis_network_comes_from_the_installed_package():
    js = vis_network_js()
    assert "vis-network" in js[:400] and "</script" not in js


def test_report_command_writes_the_site(tmp_path: Path):
    out = _corpus(tmp_path)
    r = runner.invoke(app, ["report", str(out), "-o", str(tmp_path / "site")])
    assert r.exit_code == 0, r.output
    assert (tmp_path / "site" / "index.html").is_file() and (tmp_path / "site" / "articles" / "a2.html").is_file()
    r = runner.invoke(app, ["report", str(tmp_path / "nothing-here"), "-o", str(tmp_path / "site2")])
    assert r.exit_code == 1 and "error:" in r.output


def test_report_is_documented():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "attribution report" in readme and "--format html" in readme
    assert runner.invoke(app, ["report", "--help"]).exit_code == 0


def test_html_of_several_articles_needs_a_folder(tmp_path: Path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("“We will stay,” the mayor said.", encoding="utf-8")
    r = runner.invoke(app, ["analyze", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--format", "html"])
    assert r.exit_code == 2 and "--out DIR" in r.output
