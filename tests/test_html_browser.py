"""HTML reports in a real browser: headless Chromium renders each page and we check the DOM it made.

Chromium is Debian's ``chromium`` package (``.ci/run`` installs it). Without it these tests fail on
CI (``CI`` set) and are skipped, with the reason, elsewhere.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections import Counter
from pathlib import Path
from urllib.parse import quote as urlquote

import lxml.html
import orjson
import pytest
from typer.testing import CliRunner

from attribution.cli import app
from attribution.htmlreport import render_article

from .conftest import models_dir
from .test_html import XSS_TEXT, has_class, make_result

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "samples" / "homs-ceasefire.txt"
M = ["--models", str(models_dir()), "--offline"]
runner = CliRunner()
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
)  # fmt: skip
DUMP_SECONDS = 120


def _on_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in {"", "0", "false", "no"}


@pytest.fixture(scope="session")
def chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        if _on_ci():
            pytest.fail("chromium is not installed: .ci/run installs Debian's chromium before the tests")
        pytest.skip("chromium is not installed (apt-get install chromium); CI runs these tests")
    return path


def dump_dom(chromium: str, page: Path, fragment: str = "") -> lxml.html.HtmlElement:
    """The DOM that Chromium builds for ``page`` (scripts run), parsed."""
    with tempfile.TemporaryDirectory(prefix="chromium-profile-") as profile:
        proc = subprocess.run(
            [chromium, *FLAGS, f"--user-data-dir={profile}", "--dump-dom", page.resolve().as_uri() + fragment],
            capture_output=True,
            text=True,
            timeout=DUMP_SECONDS,
        )
    assert proc.returncode == 0 and "<html" in proc.stdout, proc.stderr[-2000:]
    return lxml.html.fromstring(proc.stdout)


def quote_spans(dom: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    return dom.xpath(f"//*[@id='text']//span[{has_class('q')}]")


def marked_texts(dom: lxml.html.HtmlElement, cls: str) -> set[str]:
    """The texts of the cue (``cue``) or speaker (``spk``) marks, their pieces joined."""
    texts: dict[str, str] = {}
    for el in dom.xpath(f"//span[{has_class(cls)}]"):
        texts[el.get("data-mark")] = texts.get(el.get("data-mark"), "") + el.text_content()
    return set(texts.values())


def shown_types(dom: lxml.html.HtmlElement) -> Counter:
    """How many nodes of each type the graph page shows after its filters."""
    return Counter(orjson.loads(dom.get_element_by_id("status").get("data-types")))


def source_key(q: dict) -> str:
    sp = q["speaker"]
    return "unattributed" if sp is None else (sp["source_id"] or f"name:{sp['name']}")


def assert_fetches_nothing(dom: lxml.html.HtmlElement) -> None:
    for el in dom.xpath("//*[@src or @href]"):
        target = el.get("src") or el.get("href")
        assert not target.startswith(("http:", "https:", "//")), target
    assert not dom.xpath("//link[@rel='stylesheet']") and not dom.xpath("//script[@src]")
    assert not [s for s in dom.iter("style") if "url(" in (s.text or "") or "@import" in (s.text or "")]


def assert_quotes_match(dom: lxml.html.HtmlElement, data: dict) -> None:
    """As many highlighted quotations as the JSON has, each with its source and exactly its words."""
    spans = quote_spans(dom)
    firsts = [s for s in spans if s.get("data-first") is not None]
    assert len(firsts) == len(data["quotes"])
    for q in data["quotes"]:
        pieces = [s for s in spans if s.get("data-q") == q["id"]]
        assert {s.get("data-src") for s in pieces} == {source_key(q)}, q["id"]
        assert "".join(s.text_content() for s in pieces) == q["text"], q["id"]


def assert_script_is_text(dom: lxml.html.HtmlElement, text: str) -> None:
    assert dom.body.get("data-pwned") is None  # neither the <script> nor the onerror of the article ran
    assert dom.get_element_by_id("text").text_content() == text
    assert "<script>alert(1)</script>" in dom.get_element_by_id("text").text_content()
    assert not [s for s in dom.iter("script") if "alert(" in (s.text or "")]
    assert not dom.xpath("//*[@id='text']//img | //*[@id='text']//b")


# --- no models needed -----------------------------------------------------------------------------


def test_script_in_the_article_shows_as_text(chromium: str, tmp_path: Path):
    text = XSS_TEXT.replace("<img src=x onerror=alert(2)>", "<img src=x onerror=\"document.body.dataset.pwned='1'\">")
    text += "\n\n<script>document.body.dataset.pwned = '1'</script>"
    page = tmp_path / "xss.html"
    result = make_result(text)
    page.write_text(render_article(result), encoding="utf-8")
    dom = dump_dom(chromium, page)
    assert_script_is_text(dom, text)
    assert dom.xpath("//h1")[0].text_content() == "Mayor <script>alert(3)</script>"
    assert_quotes_match(dom, result.to_dict())
    assert_fetches_nothing(dom)


def test_page_needs_no_javascript_for_highlights_and_sources(chromium: str, tmp_path: Path):
    # --dump-dom itself needs JavaScript, so "without" is the same page with its scripts taken out
    page, bare = tmp_path / "page.html", tmp_path / "bare.html"
    result = make_result(XSS_TEXT)
    page.write_text(render_article(result), encoding="utf-8")
    tree = lxml.html.parse(str(page))
    for script in list(tree.getroot().iter("script")):
        script.drop_tree()
    tree.write(str(bare), encoding="utf-8", method="html")
    with_js, without = dump_dom(chromium, page), dump_dom(chromium, bare)
    assert "js" in with_js.get("class", "").split() and "js" not in without.get("class", "").split()
    assert_quotes_match(without, result.to_dict())
    panel = [li.get("data-src") for li in without.xpath("//*[@id='sources']//li")]
    assert panel == ["person:omar-haddad", "unattributed"]


# --- the seed article, analysed once --------------------------------------------------------------


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory, analyzer) -> tuple[Path, dict]:
    page = tmp_path_factory.mktemp("seed") / "seed.html"
    r = runner.invoke(app, ["analyze", str(SEED), "--format", "html", "-o", str(page), *M])
    assert r.exit_code == 0, r.output
    r = runner.invoke(app, ["analyze", str(SEED), "--format", "json", *M])
    assert r.exit_code == 0, r.output
    return page, orjson.loads(r.stdout)


@pytest.fixture(scope="module")
def seed_dom(chromium: str, seed: tuple[Path, dict]) -> lxml.html.HtmlElement:
    return dump_dom(chromium, seed[0])


@pytest.mark.stanza
def test_seed_page_highlights_every_quotation_in_its_source(seed, seed_dom):
    _, data = seed
    assert_quotes_match(seed_dom, data)
    assert seed_dom.get_element_by_id("text").text_content() == SEED.read_text(encoding="utf-8")
    assert_fetches_nothing(seed_dom)


@pytest.mark.stanza
def test_seed_page_on_stdout_is_the_same_page(seed):
    page, _ = seed
    r = runner.invoke(app, ["analyze", str(SEED), "--format", "html", *M])
    assert r.exit_code == 0 and r.stdout == page.read_text(encoding="utf-8")


@pytest.mark.stanza
def test_seed_page_shows_all_rows_and_not_the_capital_of_the_revolution(seed, seed_dom):
    _, data = seed
    rows = seed_dom.xpath("//*[@id='quotations']//tbody/tr")
    assert [r.get("id") for r in rows] == [f"row-{q['id']}" for q in data["quotes"]]
    assert "the capital of the revolution" in seed_dom.get_element_by_id("text").text_content()
    for span in quote_spans(seed_dom):
        assert not span.text_content().strip("“”‘’\"',. ").startswith("the capital of the revolution")


@pytest.mark.stanza
def test_seed_page_marks_cues_speakers_and_tooltips(seed, seed_dom):
    _, data = seed
    assert marked_texts(seed_dom, "cue") == {q["cue"]["text"] for q in data["quotes"] if q["cue"]}
    assert marked_texts(seed_dom, "spk") == {q["speaker"]["mention"] for q in data["quotes"] if q["speaker"]}
    for q in data["quotes"]:
        tip = seed_dom.get_element_by_id(q["id"]).get("data-tip")
        assert f"confidence {q['confidence']:.2f}" in tip and (q["cue"] is None or q["cue"]["text"] in tip)
        if q["continues"]:
            assert f"continues {q['continues']}" in tip


@pytest.mark.stanza
def test_seed_sources_panel_lists_each_source_with_its_count(seed, seed_dom):
    _, data = seed
    items = seed_dom.xpath("//*[@id='sources']//li[@data-src]")
    keys = list(dict.fromkeys(source_key(q) for q in data["quotes"]))
    assert sorted(i.get("data-src") for i in items) == sorted(keys)
    for item in items:
        n = sum(source_key(q) == item.get("data-src") for q in data["quotes"])
        assert f"{n} quotation" in item.text_content()


@pytest.mark.stanza
def test_choosing_a_source_highlights_only_its_quotations(chromium, seed):
    page, data = seed
    key = source_key(data["quotes"][0])
    dom = dump_dom(chromium, page, "#source=" + urlquote(key))
    assert "filtering" in dom.body.get("class", "")
    for span in quote_spans(dom):
        assert ("dim" in span.get("class").split()) == (span.get("data-src") != key)
    assert dom.xpath(f"//*[@id='sources']//li[{has_class('on')}]")[0].get("data-src") == key


# --- a corpus: analyze --out --format html, then report -------------------------------------------


WIRE = [
    {
        "id": "wire-1",
        "title": "Rebels leave the old city",
        "outlet": "Wire Daily",
        "date": "2014-05-07",
        "text": "Rebels began leaving the old city of Homs on Wednesday.\n\n“We are leaving with our heads held high "
        "and we will come back,” said Abu Omar, a rebel commander.",
    },
    {
        "id": "xss",
        "title": "Buses <script>alert(1)</script>",
        "outlet": "Evening Post",
        "date": "2014-05-08",
        "text": "The governor spoke <script>alert(1)</script> to reporters "
        "<img src=x onerror=\"document.body.dataset.pwned='1'\">.\n\n“We are leaving with our heads held high "
        "and we will come back,” said Abu Omar, a rebel commander.",
    },
]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, analyzer) -> tuple[Path, Path]:
    tmp = tmp_path_factory.mktemp("corpus")
    corpus, out, site = tmp / "corpus", tmp / "out", tmp / "site"
    corpus.mkdir()
    shutil.copy(SEED, corpus / SEED.name)
    (corpus / "wire.jsonl").write_bytes(b"".join(orjson.dumps(a) + b"\n" for a in WIRE))
    r = runner.invoke(app, ["analyze", str(corpus), "--out", str(out), "--format", "html", "-q", *M])
    assert r.exit_code == 0, r.output
    r = runner.invoke(app, ["report", str(out), "-o", str(site)])
    assert r.exit_code == 0, r.output
    return out, site


@pytest.mark.stanza
def test_analyze_out_with_html_writes_a_page_beside_each_json(site, chromium):
    out, _ = site
    jsons = sorted(p.stem for p in out.glob("*.json"))
    assert jsons == ["homs-ceasefire", "wire-1", "xss"]
    assert sorted(p.stem for p in out.glob("*.html")) == jsons
    dom = dump_dom(chromium, out / "xss.html")
    assert_quotes_match(dom, orjson.loads((out / "xss.json").read_bytes()))
    assert_script_is_text(dom, WIRE[1]["text"])


@pytest.mark.stanza
def test_report_index_lists_articles_sources_and_shared_claims(site, chromium):
    out, site_dir = site
    dom = dump_dom(chromium, site_dir / "index.html")
    rows = dom.xpath("//*[@id='articles']//tbody/tr")
    assert [r.get("data-article") for r in rows] == ["wire-1", "xss", "homs-ceasefire"]  # dated first
    assert "Wire Daily" in rows[0].text_content() and "2014-05-07" in rows[0].text_content()
    for row in rows:
        data = orjson.loads((out / f"{row.get('data-article')}.json").read_bytes())
        assert str(len(data["quotes"])) in row.xpath("td")[3].text_content()
        href = row.xpath(".//a")[0].get("href")
        page = dump_dom(chromium, site_dir / href) if row.get("data-article") == "homs-ceasefire" else None
        assert (site_dir / href).is_file()
        if page is not None:
            assert_quotes_match(page, data)
            assert page.xpath("//a[@href='../index.html']")
    assert dom.xpath("//*[@id='top-sources']//tbody/tr")
    claims = dom.xpath(f"//*[@id='shared-claims']//tr[{has_class('claim')}]")
    assert any("heads held high" in c.text_content() for c in claims)
    assert_fetches_nothing(dom)


@pytest.mark.stanza
def test_report_graph_renders_and_filters_by_kind_and_outlet(site, chromium):
    _, site_dir = site
    page = site_dir / "graph.html"
    dom = dump_dom(chromium, page)
    assert dom.xpath("//*[@id='graph']//canvas")
    total = len(dom.xpath("//select[@id='outlet']/option"))
    status = dom.get_element_by_id("status")
    n_nodes = int(dom.xpath("//p[@class='meta']/span")[0].text_content().split()[0])
    assert int(status.get("data-shown")) == n_nodes and total >= 3
    data = orjson.loads(dom.get_element_by_id("graph-data").text)
    of_type = Counter(n["type"] for n in data["nodes"])
    groups = shown_types(dump_dom(chromium, page, "#kinds=group"))
    assert groups["group"] == of_type["group"] > 0 and 0 < groups["claim"] < of_type["claim"]
    assert set(groups) <= {"group", "claim", "article", "outlet"}
    wire = shown_types(dump_dom(chromium, page, "#outlet=Wire%20Daily"))
    assert wire["article"] == 1 and wire["outlet"] == 1 and 0 < wire["claim"] < of_type["claim"]
    assert_fetches_nothing(dom)
