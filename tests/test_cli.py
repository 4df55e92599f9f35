"""The command line through CliRunner: exit codes, one-line errors, parseable JSON on stdout."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest
from typer.testing import CliRunner

from attribution.cli import app

from .conftest import models_dir
from .helpers import assert_offsets
from .test_graph import check

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "homs-ceasefire.txt"
runner = CliRunner()
M = ["--models", str(models_dir()), "--offline"]


@pytest.mark.stanza
def test_analyze_table(analyzer):
    r = runner.invoke(app, ["analyze", str(SAMPLE), *M])
    assert r.exit_code == 0, r.output
    assert "Noah Bonsey" in r.stdout and "Associated Press (AP)" in r.stdout and "VICE News" in r.stdout
    assert "[the deal]" in r.stdout  # article brackets are not eaten as rich markup


@pytest.mark.stanza
def test_analyze_json_and_graph(analyzer, tmp_path):
    g = tmp_path / "seed.graphml"
    r = runner.invoke(app, ["analyze", str(SAMPLE), "--format", "json", "--graphml", str(g), *M])
    assert r.exit_code == 0, r.output
    data = orjson.loads(r.stdout)
    assert data["article"]["id"] == "homs-ceasefire"
    assert_offsets(SAMPLE.read_text(encoding="utf-8"), data["quotes"])
    check(g)


@pytest.mark.stanza
def test_analyze_markdown_stdin_and_shim(analyzer):
    r = runner.invoke(app, ["analyze", "-", "--format", "markdown", *M], input="“We will win,” the mayor said.\n")
    assert r.exit_code == 0, r.output
    assert r.stdout.startswith("## ") and "| direct |" in r.stdout


@pytest.mark.stanza
def test_out_folder_then_graph_command(analyzer, tmp_path):
    out = tmp_path / "results"
    r = runner.invoke(app, ["analyze", str(ROOT / "samples"), "--out", str(out), *M])
    assert r.exit_code == 0, r.output
    assert (out / "homs-ceasefire.json").is_file()
    g = tmp_path / "corpus.graphml"
    r = runner.invoke(app, ["graph", str(out), "-o", str(g)])
    assert r.exit_code == 0, r.output
    check(g)


@pytest.mark.stanza
def test_bad_inputs_one_line_errors_batch_goes_on(analyzer, tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00binary")
    (tmp_path / "good.txt").write_text("“We will not leave the city,” the commander said.", encoding="utf-8")
    out = tmp_path / "out"
    r = runner.invoke(app, ["analyze", str(tmp_path), "--out", str(out), *M])
    assert r.exit_code == 1
    assert (out / "good.json").is_file()
    assert "empty file" in r.stderr and "binary file" in r.stderr
    assert "Traceback" not in r.output


def test_missing_file():
    r = runner.invoke(app, ["analyze", "/nonexistent/article.txt", *M])
    assert r.exit_code == 1
    assert "no such file" in r.stderr


def test_missing_models_offline(tmp_path):
    r = runner.invoke(app, ["analyze", str(SAMPLE), "--models", str(tmp_path / "none"), "--offline"])
    assert r.exit_code == 1
    line = r.stderr.strip()
    assert "\n" not in line and "attribution models download" in line and "--models" in line


def test_models_show():
    r = runner.invoke(app, ["models", "--models", str(models_dir())])
    assert r.exit_code == 0, r.output
    assert "depparse" in r.stdout and "ok" in r.stdout


def test_graph_rejects_non_result(tmp_path):
    bad = tmp_path / "x.json"
    bad.write_text("[1, 2]")
    r = runner.invoke(app, ["graph", str(bad), "-o", str(tmp_path / "g.graphml")])
    assert r.exit_code == 1 and "not a result file" in r.stderr


def test_help_lists_commands():
    r = runner.invoke(app, ["--help"])
    assert r.exit_code == 0
    for cmd in ("analyze", "graph", "models"):
        assert cmd in r.stdout


def _one_error_line(r, *, after_progress: bool = False) -> str:
    """The one ``error:`` line of a failed command (after its progress bar, if it has one); no traceback."""
    assert r.exit_code == 1, r.output
    assert "Traceback" not in r.output and isinstance(r.exception, SystemExit), r.exception
    lines = r.stderr.strip().splitlines()
    if after_progress:
        lines = lines[-1:]
    assert len(lines) == 1 and lines[0].startswith("error: "), r.stderr
    return lines[0]


def test_errors_on_a_folder_without_a_store(tmp_path):
    line = _one_error_line(runner.invoke(app, ["errors", str(tmp_path)]))
    assert "no attribution.sqlite here" in line


def test_errors_on_a_corrupt_store(tmp_path):
    (tmp_path / "attribution.sqlite").write_bytes(b"this is not sqlite at all" * 100)
    line = _one_error_line(runner.invoke(app, ["errors", str(tmp_path)]))
    assert "not a usable SQLite store" in line


@pytest.mark.stanza
def test_eval_json_to_an_unwritable_path(analyzer, tmp_path):
    gold = ROOT.parent / "shared" / "corpora" / "polnear" / "dev"
    target = tmp_path / "missing-folder" / "dev.json"
    r = runner.invoke(app, ["eval", str(gold), "--limit", "1", "--json", str(target), *M])
    line = _one_error_line(r, after_progress=True)
    assert str(target) in line and "cannot write" in line
