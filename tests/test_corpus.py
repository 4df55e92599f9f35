"""Whole corpora: store, resume, JSONL/HTML inputs, export, merged graph, workers and Dask."""

from __future__ import annotations

import csv
import io
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import orjson
import pytest
from typer.testing import CliRunner

from attribution.cli import app
from attribution.config import Settings
from attribution.corpus import analyze_corpus
from attribution.model import ArticleResult
from attribution.store import Store

from .conftest import models_dir
from .helpers import HANG_GUARD, start_corpus_run
from .test_graph import check

runner = CliRunner()
M = ["--models", str(models_dir()), "--offline"]

ARTICLES = {
    "a-bonsey.txt": (
        "Noah Bonsey, a senior analyst at the International Crisis Group, spoke on Monday.\n\n"
        "“The deal is a face-saving compromise for the rebels,” Bonsey told VICE News."
    ),
    "b-bonsey.txt": (
        "“The regime wants a complete victory in the old city,” said Noah Bonsey of the International Crisis Group.\n\n"
        "Mr. Bonsey added that the ceasefire might not hold."
    ),
    "c-icg.txt": (
        "The ICG said in a statement that the talks had failed.\n\n"
        "The Crisis Group said that it would publish a report."
    ),
    "d-other.txt": "“We will rebuild the market before winter,” the mayor told Reuters.",
}


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    src = tmp_path / "corpus"
    src.mkdir()
    for name, text in ARTICLES.items():
        (src / name).write_text(text, encoding="utf-8")
    (src / "e.jsonl").write_text(
        '{"id": "j1", "text": "Officials told AP that the bridge would reopen next week.", "outlet": "Wire"}\n'
        "{broken json\n"
        '{"id": "j2", "body": "no text field"}\n',
        encoding="utf-8",
    )
    (src / "f.html").write_text(
        "<html><head><title>Market fire</title><meta property='og:site_name' content='Daily Example'>"
        "<script src='http://example.invalid/x.js'></script></head><body><article><h1>Market fire</h1>"
        "<p>The fire destroyed the old market on Sunday night, leaving hundreds of traders without work.</p>"
        "<p>“We lost everything in one night, and nobody has come to help us yet,” trader Samir Haddad told "
        "Reuters on Monday morning.</p></article></body></html>",
        encoding="utf-8",
    )
    return src


@pytest.mark.stanza
def test_store_resume_export_graph(corpus, tmp_path, analyzer):
    out = tmp_path / "out"
    r = runner.invoke(app, ["analyze", str(corpus), "--out", str(out), "--quiet", *M])
    assert r.exit_code == 1  # the malformed JSONL lines fail, the rest is analysed
    assert "e.jsonl:2" in r.stderr and "e.jsonl:3" in r.stderr
    with Store(out / "attribution.sqlite") as store:
        assert store.count() == 6
        ids = sorted(a.article.id for a in store.results())
        assert ids == ["a-bonsey", "b-bonsey", "c-icg", "d-other", "f", "j1"]
        assert len(store.errors()) == 2
    assert sorted(p.name for p in out.glob("*.json")) == [f"{i}.json" for i in ids]
    html = orjson.loads((out / "f.json").read_bytes())
    assert html["article"]["title"] == "Market fire"
    assert any(q["speaker"] and q["speaker"]["name"] == "Samir Haddad" for q in html["quotes"])
    # a rerun skips everything already done
    r = runner.invoke(app, ["analyze", str(corpus), "--out", str(out), *M])
    assert "0 analysed, 6 already done" in r.stderr
    # flat exports
    r = runner.invoke(app, ["export", str(out), "--format", "csv"])
    assert r.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert {"article_id", "speaker", "role", "affiliation", "outlet", "cue", "start", "end"} <= set(rows[0])
    r = runner.invoke(app, ["export", str(out), "--format", "jsonl"])
    assert all(orjson.loads(line)["article_id"] for line in r.stdout.splitlines())
    r = runner.invoke(app, ["errors", str(out)])
    assert "e.jsonl:2" in r.stdout
    # one merged graph: Bonsey / Noah Bonsey / Mr. Bonsey are one node,
    # and so are ICG / the Crisis Group / International Crisis Group
    g = tmp_path / "corpus.graphml"
    r = runner.invoke(app, ["graph", str(out), "-o", str(g)])
    assert r.exit_code == 0, r.output
    check(g)
    from attribution.graph import read_graphml

    G = read_graphml(g)
    persons = [d["label"] for _, d in G.nodes(data=True) if d["type"] == "person"]
    assert persons.count("Noah Bonsey") == 1 and not any(p in {"Bonsey", "Mr. Bonsey"} for p in persons)
    orgs = [n for n, d in G.nodes(data=True) if d["type"] == "organization"]
    assert "org:international-crisis-group" in orgs and "org:icg" not in orgs and "org:crisis-group" not in orgs
    r = runner.invoke(app, ["sources", str(out)])
    assert r.exit_code == 0 and "Noah Bonsey" in r.stdout
    r = runner.invoke(app, ["graph", str(out), "-o", str(tmp_path / "c.gexf"), "--format", "gexf"])
    assert r.exit_code == 0


def test_foreign_and_corrupt_store(tmp_path):
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    db = sqlite3.connect(foreign / "attribution.sqlite")
    db.execute("CREATE TABLE t (x)")
    db.commit()
    db.close()
    r = runner.invoke(app, ["export", str(foreign)])
    assert r.exit_code == 1 and "another program" in r.stderr
    corrupt = tmp_path / "corrupt"
    corrupt.mkdir()
    (corrupt / "attribution.sqlite").write_bytes(b"this is not sqlite at all" * 100)
    r = runner.invoke(app, ["export", str(corrupt)])
    assert r.exit_code == 1 and "not a usable SQLite store" in r.stderr


@pytest.mark.stanza
def test_workers_and_dask_match_local(corpus, tmp_path, settings, analyzer):
    for p in corpus.glob("*.jsonl"):
        p.unlink()
    local = analyze_corpus([corpus], tmp_path / "local", settings, workers=1)
    # small batches, so that both workers of the pool get articles (a tiny corpus would run in-process)
    two = analyze_corpus([corpus], tmp_path / "two", settings, workers=2, batch_chars=1)
    dask = analyze_corpus([corpus], tmp_path / "dask", settings, workers=2, batch_chars=1, engine="dask")
    assert local.analysed == two.analysed == dask.analysed == 5

    def results(folder):
        with Store(folder / "attribution.sqlite") as store:
            return {r.article.id: r.to_dict() for r in store.results()}

    assert results(tmp_path / "local") == results(tmp_path / "two") == results(tmp_path / "dask")


@pytest.mark.stanza
def test_sigkill_mid_run_then_resume(tmp_path):
    src = tmp_path / "many"
    src.mkdir()
    for i in range(24):
        (src / f"a{i:02d}.txt").write_text(
            f"“We will rebuild the market number {i} before winter,” the mayor told Reuters.\n\n"
            f"Officials said that {i} shops had burned down.",
            encoding="utf-8",
        )
    out = tmp_path / "out"
    # one article a batch and one worker: results arrive one by one, so the kill lands mid-run
    cmd = [sys.executable, "-m", "attribution", "analyze", str(src), "--out", str(out), "--quiet", *M,
           "--workers", "1", "--batch-chars", "1"]  # fmt: skip
    proc = start_corpus_run(cmd, out, saved=3, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    with Store(out / "attribution.sqlite") as store:  # the store opens after SIGKILL
        partial = store.count()
    assert 0 < partial < 24
    done = subprocess.run(cmd, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    with Store(out / "attribution.sqlite") as store:
        ids = [r.article.id for r in store.results()]
        n_quotes = store.db.execute("SELECT COUNT(*) FROM quotes").fetchone()[0]
        per_article = store.db.execute("SELECT article_id, COUNT(DISTINCT quote_id) FROM quotes GROUP BY 1").fetchall()
    assert sorted(ids) == [f"a{i:02d}" for i in range(24)]
    assert n_quotes == sum(c for _, c in per_article)
    assert len(list(out.glob("a*.json"))) == 24 and not list(out.glob(".*.tmp"))


def test_settings_are_hashable():
    assert hash(Settings()) == hash(Settings())


def test_batches_keep_order_and_shrink_towards_the_end():
    from attribution.corpus import _batches
    from attribution.model import Article

    arts = [Article(id=str(i), text="x" * (500 + 37 * (i % 7))) for i in range(200)]
    batches = list(_batches(arts, workers=2, size=20_000))
    assert [a.id for b in batches for a in b] == [a.id for a in arts]  # every article once, in order
    sizes = [sum(len(a.text) for a in b) for b in batches]
    assert max(sizes) < 20_000 + 800  # a batch stops at the first article that reaches the size
    assert sizes[0] >= 20_000 and sizes[-1] < sizes[0] / 4  # guided: small batches last
    assert list(_batches([], workers=2)) == []
    one = [Article(id="big", text="y" * 100_000)]
    assert list(_batches(one, workers=4, size=1_000)) == [one]  # an article is never cut
    alone = list(_batches(arts, workers=1, size=20_000))  # one worker: no tail to balance
    assert all(sum(len(a.text) for a in b) >= 20_000 for b in alone[:-1])


def test_no_more_workers_than_batches(corpus, tmp_path, settings, monkeypatch):
    import attribution.corpus as corpus_mod

    started: list[tuple[int, int]] = []

    def fake_local(_settings, batches, workers):  # records the pool it would start; analyses nothing
        started.append((len(batches), workers))
        yield from ()

    monkeypatch.setattr(corpus_mod, "_local", fake_local)
    monkeypatch.setattr(corpus_mod, "default_workers", lambda: 8)
    analyze_corpus([corpus], tmp_path / "small", settings)  # default: the cores, but one batch
    analyze_corpus([corpus], tmp_path / "each", settings, batch_chars=1)  # one batch per article
    analyze_corpus([corpus], tmp_path / "two", settings, workers=2, batch_chars=1)
    (one, one_worker), (n, n_workers), (m, two) = started
    assert one == one_worker == 1
    assert n > 1 and n_workers == min(8, n)
    assert m > 2 and two == 2


def test_dask_engine_without_the_extra_is_one_line(corpus, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if the [dask] extra were not installed
    for p in corpus.glob("*.jsonl"):
        p.unlink()
    r = runner.invoke(app, ["analyze", str(corpus), "--out", str(tmp_path / "out"), "--engine", "dask", "--quiet", *M])
    assert r.exit_code == 1, r.output
    line = r.stderr.strip()
    assert "\n" not in line and "--engine dask" in line and "pip install 'attribution[dask]'" in line, line
    assert "Traceback" not in r.output


class _Echo:
    """Stands in for the stanza-backed analyzer: every article gets an empty result."""

    def analyze_many(self, articles):
        return [ArticleResult(a) for a in articles]

    def analyze(self, article):
        return ArticleResult(article)


def test_same_file_name_in_two_folders_keeps_both(tmp_path, monkeypatch):
    import attribution.corpus as corpus_mod

    monkeypatch.setattr(corpus_mod, "_worker_analyzer", lambda settings: _Echo())
    src = tmp_path / "in"
    for rel, text in {"a/statement.txt": "first", "b/statement.txt": "second", "top.txt": "third"}.items():
        (src / rel).parent.mkdir(parents=True, exist_ok=True)
        (src / rel).write_text(text)
    out = tmp_path / "out"
    s = Settings(models_dir=models_dir(), offline=True)
    summary = analyze_corpus([src], out, s)
    assert (summary.analysed, summary.failed) == (3, 0)
    with Store(out / "attribution.sqlite") as store:
        got = {r.article.id: Path(r.article.path).read_text() for r in store.results()}
    assert got == {"a/statement": "first", "b/statement": "second", "top": "third"}
    assert orjson.loads((out / "a" / "statement.json").read_bytes())["article"]["id"] == "a/statement"
    assert orjson.loads((out / "b" / "statement.json").read_bytes())["article"]["id"] == "b/statement"
    assert (out / "top.json").is_file()  # a top-level .txt keeps its stem (DESIGN.md)
    # the ids come from the path under the input root, not from where the command runs: a rerun skips all
    monkeypatch.chdir(src / "a")
    again = analyze_corpus([Path("..")], out, s)
    assert (again.analysed, again.skipped, again.failed) == (0, 3, 0)


def test_a_real_id_collision_is_an_error_naming_both_files(tmp_path, monkeypatch):
    import attribution.corpus as corpus_mod

    monkeypatch.setattr(corpus_mod, "_worker_analyzer", lambda settings: _Echo())
    src = tmp_path / "in"
    src.mkdir()
    (src / "note.txt").write_text("plain text")
    (src / "note.md").write_text("markdown text")  # same stem: same id
    summary = analyze_corpus([src], tmp_path / "out", Settings(models_dir=models_dir(), offline=True))
    assert (summary.analysed, summary.failed) == (1, 1)
    (failure,) = summary.failures
    assert "note.md" in failure.message and "note.txt" in failure.message and "same article id" in failure.message
    with Store(tmp_path / "out" / "attribution.sqlite") as store:
        assert [e["message"] for e in store.errors()] == [failure.message]


POOL_PROBE = """
import multiprocessing as mp, sys, time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from attribution.corpus import _terminate_workers
import psutil


def running(pid):
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False

if __name__ == "__main__":
    before = set(mp.active_children())
    pool = ProcessPoolExecutor(max_workers=2, mp_context=mp.get_context("spawn"))
    futures = [pool.submit(time.sleep, 600) for _ in range(4)]  # two run, two wait: none may finish
    while len(set(mp.active_children()) - before) < 2:
        time.sleep(0.05)
    workers = set(mp.active_children()) - before
    try:
        _terminate_workers(pool, before)
        for w in workers:
            w.join(timeout=60)  # a bound against a hang only: terminated, a worker exits at once; alive, in 600 s
    finally:
        # by pid, not is_alive(): the executor's thread may have reaped a dead worker, and then
        # is_alive() cannot tell (waitpid fails) and answers True
        alive = [w for w in workers if running(w.pid)]
        for w in alive:
            w.kill()
        pool.shutdown(wait=True, cancel_futures=True)
    broken = all(f.cancelled() or isinstance(f.exception(), BrokenProcessPool) for f in futures)
    print(len(workers), len(alive), broken)
"""


def test_pool_workers_stop_at_once_through_public_apis(tmp_path):
    import inspect

    import attribution.corpus as corpus_mod

    assert "_processes" not in inspect.getsource(corpus_mod)  # the executor's private map of its workers
    # in a fresh interpreter: no other test's processes (Dask's) or signal settings in the way
    probe = tmp_path / "probe.py"
    probe.write_text(POOL_PROBE)
    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(root), os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run([sys.executable, str(probe)], capture_output=True, text=True, env=env, timeout=HANG_GUARD)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["2", "0", "True"], (done.stdout, done.stderr)  # 2 workers, none left alive
