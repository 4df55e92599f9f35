"""Bad input, faults and hostile text: clear one-line messages, nothing lost, the batch goes on."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import orjson
import psutil
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from attribution.cli import app
from attribution.ingest import MAX_BYTES, decode, safe_id
from attribution.model import Article
from attribution.store import Store

from .conftest import models_dir
from .helpers import HANG_GUARD, assert_offsets, start_corpus_run, stderr_at_exit
from .test_graph import check

runner = CliRunner()
M = ["--models", str(models_dir()), "--offline"]
GOOD = "“We will not leave the city,” the commander said on Monday."
LATIN1 = "“Nous restons ici,” a déclaré le maire. The mayor said that the café would reopen."
CONTROLS = "He said \x00 that the \x0b talks \x07 had failed badly. " + GOOD


def run_folder(tmp_path: Path, files: dict[str, bytes], *extra: str):
    src = tmp_path / "in"
    src.mkdir(exist_ok=True)
    for name, data in files.items():
        (src / name).write_bytes(data)
    out = tmp_path / "out"
    r = runner.invoke(app, ["analyze", str(src), "--out", str(out), "--quiet", *extra, *M])
    return r, out


BAD = {
    "empty.txt": (b"", "empty file"),
    "spaces.txt": (b"   \n\t\n  ", "empty file"),
    "image.txt": (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "binary file"),
    "doc.txt": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n" + b"\x00" * 200, "binary file"),
    "big.txt": (b"word " * (MAX_BYTES // 5 + 10), "MB limit"),
}


@pytest.mark.stanza
def test_bad_files_are_skipped_with_one_line_each(tmp_path, analyzer):
    files = {name: data for name, (data, _) in BAD.items()}
    files["good.txt"] = GOOD.encode()
    r, out = run_folder(tmp_path, files)
    assert r.exit_code == 1
    lines = [line for line in r.stderr.splitlines() if line.startswith("skipped:")]
    assert len(lines) == len(BAD)
    for name, (_, message) in BAD.items():
        assert any(name in line and message in line for line in lines), (name, r.stderr)
    assert (out / "good.json").is_file()
    assert "Traceback" not in r.output
    r = runner.invoke(app, ["errors", str(out)])
    assert r.stdout.count("\n") == len(BAD)


@pytest.mark.stanza
@pytest.mark.parametrize(
    "name, data, expect_quote",
    [
        ("latin1.txt", LATIN1.encode("cp1252"), "the café would reopen"),
        ("bom.txt", "\ufeff".encode() + GOOD.encode(), "We will not leave the city,"),
        ("controls.txt", CONTROLS.encode(), "We will not leave"),
        ("quotes-only.txt", "“”“ ” \" ' ‘ ’ « » „".encode(), None),
        ("unbalanced.txt", "“One,” he said. “Two. ‘Three” four’ « five".encode(), "One,"),
        ("rtl.txt", "قال المتحدث “نحن هنا” said the spokesman. “השלום יגיע,” the minister said.".encode(), None),
        (
            "crlf.txt",
            b"First paragraph.\r\n\r\n\xe2\x80\x9cWe will not leave the city,\xe2\x80\x9d the commander said.",
            "We will not leave the city,",
        ),
    ],
    ids=["not-utf8", "bom", "control-chars", "only-marks", "unbalanced-nested", "rtl-mixed", "crlf"],
)
def test_odd_text_is_analysed_and_offsets_hold(tmp_path, analyzer, name, data, expect_quote):
    r, out = run_folder(tmp_path, {name: data}, "--graphml", str(tmp_path / "g.graphml"))
    assert r.exit_code == 0, r.output
    result = orjson.loads((out / f"{Path(name).stem}.json").read_bytes())
    text = decode(data, name)
    assert_offsets(text, result["quotes"])
    if expect_quote:
        assert any(expect_quote in q["text"] for q in result["quotes"]), result["quotes"]
    check(tmp_path / "g.graphml")


@pytest.mark.stanza
def test_five_thousand_word_sentence(analyze):
    words = " ".join(["the long wall"] * 1700)
    text = f"Officials said that {words} would stand, and “we will defend it,” the general said."
    result = analyze(text)  # cut into 150-word windows: bounded memory (a single parse needed > 24 GB)
    assert any("we will defend it" in q.content.text and q.cue.lemma == "say" for q in result.quotes)
    assert_offsets(text, result.quotes)


def test_missing_folder_and_file_inputs(tmp_path):
    r = runner.invoke(app, ["analyze", str(tmp_path / "nope.txt"), *M])
    assert r.exit_code == 1 and "no such file" in r.stderr and r.stderr.count("\n") <= 2


@pytest.mark.stanza
def test_unwritable_outputs(tmp_path, analyzer):
    src = tmp_path / "a.txt"
    src.write_text(GOOD)
    blocker = tmp_path / "file"
    blocker.write_text("x")
    r = runner.invoke(app, ["analyze", str(src), "--out", str(blocker / "sub"), *M])
    assert r.exit_code == 1 and "cannot create the output folder" in r.stderr
    r = runner.invoke(app, ["analyze", str(src), "--graphml", str(blocker / "g.graphml"), *M])
    assert r.exit_code == 1 and "cannot write the graph" in r.stderr


@pytest.mark.stanza
def test_corrupt_model_files(tmp_path):
    bad = tmp_path / "models"
    shutil.copytree(models_dir(), bad, ignore=shutil.ignore_patterns("*.pt"))
    for pt in models_dir().rglob("*.pt"):
        target = bad / pt.relative_to(models_dir())
        target.write_bytes(b"not a model")
    r = runner.invoke(app, ["analyze", "-", "--models", str(bad), "--offline"], input=GOOD)
    assert r.exit_code == 1
    assert "cannot load the stanza models" in r.stderr and r.stderr.strip().count("\n") == 0


def _stanza_fails_with(monkeypatch, fail) -> None:
    """Make building a pipeline run ``fail`` in place of ``stanza.Pipeline`` (no models are loaded)."""
    import stanza

    from attribution import nlp

    monkeypatch.setattr(stanza, "Pipeline", lambda *args, **kwargs: fail())
    monkeypatch.setattr(nlp, "_pipeline", nlp._build_pipeline)  # uncached, and past the conftest guard


def _fake_models(tmp_path: Path) -> list[str]:
    """A models folder that passes the presence check and holds no model: these tests need none."""
    folder = tmp_path / "models"
    (folder / "en").mkdir(parents=True)
    (folder / "resources.json").write_text("{}")
    return ["--models", str(folder), "--offline"]


def _torch_load(data: bytes | str | None, path: Path):
    """What a stanza processor does with its model file (``None``: no file; ``"truncated"``: half of one)."""
    import torch

    if data == "truncated":
        torch.save({"weights": torch.zeros(1000)}, path)
        path.write_bytes(path.read_bytes()[:2000])
    elif isinstance(data, bytes):
        path.write_bytes(data)
    return lambda: torch.load(path, map_location="cpu", weights_only=True)


@pytest.mark.parametrize(
    "data",
    [None, b"not a model", b"PK\x03\x04" + b"junk" * 50, "truncated"],
    ids=["missing", "not-a-pickle", "broken-zip", "truncated"],
)
def test_missing_or_corrupt_model_files_say_how_to_get_models(tmp_path, monkeypatch, data):
    _stanza_fails_with(monkeypatch, _torch_load(data, tmp_path / "model.pt"))
    r = runner.invoke(app, ["analyze", "-", *_fake_models(tmp_path)], input=GOOD)
    assert r.exit_code == 1, r.output
    line = r.stderr.strip()
    assert "\n" not in line and "cannot load the stanza models" in line and "attribution models download" in line, line


@pytest.mark.parametrize(
    "exc",
    [
        TypeError("Pipeline.__init__() got an unexpected keyword argument 'depparse_batch_size'"),
        ValueError("Processor nerr is not known"),
        AttributeError("'NoneType' object has no attribute 'shape'"),
    ],
    ids=["renamed-option", "unknown-processor", "bug"],
)
def test_another_pipeline_failure_says_what_really_failed(tmp_path, monkeypatch, exc):
    def fail():
        raise exc

    _stanza_fails_with(monkeypatch, fail)
    r = runner.invoke(app, ["analyze", "-", *_fake_models(tmp_path)], input=GOOD)
    assert r.exit_code == 1, r.output
    line = r.stderr.strip()
    assert "\n" not in line and f"cannot build the stanza pipeline ({type(exc).__name__}: {exc})" in line, line
    assert "models download" not in line and "stanza 1.15" in line


def test_article_ids_cannot_escape_the_output_folder():
    assert "/" not in safe_id("../../etc/passwd") and not safe_id("../x").startswith(".")
    assert safe_id("/abs/path") == "abs_path"


@pytest.mark.stanza
def test_jsonl_ids_are_sanitised(tmp_path, analyzer):
    line = json.dumps({"id": "../../escape", "text": GOOD})
    r, out = run_folder(tmp_path, {"a.jsonl": line.encode()})
    assert r.exit_code == 0, r.output
    assert (out / "escape.json").is_file()
    assert not (tmp_path.parent / "escape.json").exists()


def _workers(pid: int) -> list[psutil.Process]:
    """The worker processes of run ``pid`` (multiprocessing's spawned children), on any OS."""
    found = []
    for kid in psutil.Process(pid).children(recursive=True):
        with contextlib.suppress(psutil.Error):  # gone meanwhile
            if "spawn_main" in " ".join(kid.cmdline()):
                found.append(kid)
    return found


def _alive(procs: list[psutil.Process]) -> list[psutil.Process]:
    out = []
    for p in procs:
        with contextlib.suppress(psutil.Error):
            if p.is_running() and p.status() != psutil.STATUS_ZOMBIE:
                out.append(p)
    return out


def _many(tmp_path: Path, n: int) -> tuple[Path, Path]:
    src = tmp_path / "many"
    src.mkdir()
    for i in range(n):
        (src / f"a{i:03d}.txt").write_text(f"“We will rebuild market {i},” the mayor said. " * 30)
    return src, tmp_path / "out"


def _assert_store_and_files_agree(store: Store, out: Path) -> None:
    """After an interrupt: some articles saved, not all; every stored article has its JSON file, and at
    most the one article in hand has a file without its row yet (the file is written first, so a rerun
    redoes that article and nothing is lost)."""
    rows, files = store.count(), len(list(out.glob("a*.json")))
    assert 0 < rows <= files <= rows + 1 < 201, (rows, files)


def _proc_status(p: psutil.Process) -> dict[str, str]:
    """``/proc/PID/status`` of ``p`` as a dict (empty once it is gone), read straight from the kernel."""
    try:
        lines = Path(f"/proc/{p.pid}/status").read_text().splitlines()
    except OSError:
        return {}
    return {k: v.strip() for k, v in (line.split(":", 1) for line in lines if ":" in line)}


def _frozen(procs: list[psutil.Process]) -> list[psutil.Process]:
    """The processes of ``procs`` still there and not yet reaped or dying (state neither Z nor X)."""
    return [p for p in procs if _proc_status(p).get("State", "X")[:1] not in "ZX"]


def _wait_stopped(procs: list[psutil.Process]) -> None:
    """Until every process of ``procs`` is stopped (state T) or gone: a SIGSTOP still pending on a
    running worker would let it take the run's SIGTERM at once and leave nothing pending to see."""
    deadline = time.monotonic() + HANG_GUARD
    while time.monotonic() < deadline:
        if all(_proc_status(p).get("State", "X")[:1] in "TtZX" for p in procs):
            return
        time.sleep(0.01)


def _pending_signals(p: psutil.Process) -> int:
    """The signals sent to ``p`` and not yet acted on (Linux /proc: a stopped process keeps them pending)."""
    status = _proc_status(p)
    if not status:  # gone: nothing pending; the assertions below say what happened
        return 0
    return int(status["SigPnd"], 16) | int(status["ShdPnd"], 16)


def _run_with_ctrl_c(cmd: list[str], out: Path) -> subprocess.Popen:
    # As in a terminal: SIGINT at its default, whatever an earlier test (Dask) left ignored in this process.
    # Its own process group, under this one: were its group orphaned (as a CI job's may be), a process
    # exiting in it while the workers are stopped would make the kernel send them SIGHUP and SIGCONT.
    return start_corpus_run(
        cmd, out, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, process_group=0,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )  # fmt: skip


@pytest.mark.stanza
def test_ctrl_c_in_one_process_stops_cleanly_and_says_how_to_resume(tmp_path):
    src, out = _many(tmp_path, 200)
    cmd = [sys.executable, "-m", "attribution", "analyze", str(src), "--out", str(out), "--quiet", *M,
           "--workers", "1", "--batch-chars", "20000"]  # fmt: skip
    proc = _run_with_ctrl_c(cmd, out)
    assert proc.poll() is None and not _workers(proc.pid), "the run ended early, or started workers"
    os.kill(proc.pid, signal.SIGINT)
    err = stderr_at_exit(proc)
    assert proc.returncode == 130, (proc.returncode, err)
    assert "Resume with the same command" in err and "Traceback" not in err
    with Store(out / "attribution.sqlite") as store:
        _assert_store_and_files_agree(store, out)


@pytest.mark.stanza
@pytest.mark.skipif(sys.platform != "linux", reason="reads the workers' pending signals in /proc (Linux)")
def test_ctrl_c_stops_the_workers_at_once_not_after_their_batches(tmp_path):
    """The workers are frozen mid-batch (SIGSTOP), so their batches cannot finish: after Ctrl-C the run
    must send them SIGTERM itself, which the test sees pending on the frozen processes; a run that waited
    for the batches in flight never would.  Then they are let go, die of it, and the run exits 130."""
    src, out = _many(tmp_path, 200)
    cmd = [sys.executable, "-m", "attribution", "analyze", str(src), "--out", str(out), "--quiet", *M,
           "--workers", "2", "--batch-chars", "20000"]  # fmt: skip
    proc = _run_with_ctrl_c(cmd, out)
    workers = _workers(proc.pid)
    assert proc.poll() is None and len(workers) == 2, (proc.poll(), workers)
    for w in workers:
        w.suspend()
    _wait_stopped(workers)  # SIGSTOP is acted on when a worker next enters the kernel, not when sent
    os.kill(proc.pid, signal.SIGINT)  # the parent only, as `kill -INT` does: it must stop its workers
    sigterm = 1 << (signal.SIGTERM - 1)
    deadline = time.monotonic() + HANG_GUARD
    while proc.poll() is None and time.monotonic() < deadline:
        # a frozen worker can only leave by the run's doing: the others must have SIGTERM pending
        if all(_pending_signals(w) & sigterm for w in _frozen(workers)):
            break
        time.sleep(0.05)
    told = all(_pending_signals(w) & sigterm for w in _frozen(workers))
    seen = [(w.pid, _proc_status(w).get("State"), _pending_signals(w)) for w in workers], proc.poll()
    if not told:  # do not leave a run behind that waits for frozen workers
        for p in [*workers, psutil.Process(proc.pid)]:
            with contextlib.suppress(psutil.Error):
                p.kill()
    for w in _alive(workers):
        w.resume()
    err = stderr_at_exit(proc)
    assert told, f"the run did not stop its workers after Ctrl-C (workers, exit: {seen}): {err}"
    assert proc.returncode == 130, (proc.returncode, err)
    assert "Resume with the same command" in err and "Traceback" not in err
    assert not _alive(workers), "worker processes left running after the run ended"
    with Store(out / "attribution.sqlite") as store:
        _assert_store_and_files_agree(store, out)


@pytest.mark.stanza
def test_a_worker_killed_mid_run_is_one_line_and_loses_nothing(tmp_path):
    src, out = _many(tmp_path, 200)
    cmd = [sys.executable, "-m", "attribution", "analyze", str(src), "--out", str(out), "--quiet", *M,
           "--workers", "2", "--batch-chars", "20000"]  # fmt: skip
    proc = start_corpus_run(cmd, out, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    workers = _workers(proc.pid)
    assert len(workers) == 2, workers
    workers[0].kill()  # SIGKILL, as the kernel's out-of-memory killer would
    err = stderr_at_exit(proc)
    assert proc.returncode == 1, err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "worker process died" in lines[0] and "run the same command" in lines[0], err
    saved = len(list(out.glob("a*.json")))
    with Store(out / "attribution.sqlite") as store:
        assert store.count() == saved and 0 < saved < 200
    assert not _alive(workers)


@pytest.mark.stanza
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.sampled_from(
            [
                "“We will win,”",
                "he said",
                "the minister said that",
                "talks failed",
                "according to officials",
                "‘maybe’",
                '"no"',
                ",",
                ".",
                "\n\n",
                "Smith told AP",
                "it’s over",
                "«oui»",
                "—",
            ]
        ),
        min_size=1,
        max_size=14,
    )
)
def test_offsets_always_slice_the_text(analyzer, parts):
    text = " ".join(parts)
    if not text.strip():
        return
    assert_offsets(text, analyzer.analyze(Article(id="p", text=text)).quotes)


def test_an_article_that_crashes_the_pipeline_is_recorded_and_the_batch_goes_on(tmp_path, monkeypatch):
    import attribution.corpus as corpus
    from attribution.config import Settings
    from attribution.model import ArticleResult

    class Crashy:  # stands in for the stanza-backed analyzer: one article makes it raise
        def analyze_many(self, articles):
            if any("CRASH" in a.text for a in articles):
                raise RuntimeError("CUDA-like failure in the batch")
            return [ArticleResult(a) for a in articles]

        def analyze(self, article):
            if "CRASH" in article.text:
                raise IndexError("index out of range inside the parser")
            return ArticleResult(article)

    monkeypatch.setattr(corpus, "_worker_analyzer", lambda settings: Crashy())
    src = tmp_path / "in"
    src.mkdir()
    for name, text in {"a.txt": "fine one", "b.txt": "CRASH here", "c.txt": "fine two"}.items():
        (src / name).write_text(text)
    summary = corpus.analyze_corpus([src], tmp_path / "out", Settings(models_dir=models_dir(), offline=True))
    assert (summary.analysed, summary.failed) == (2, 1)
    with Store(tmp_path / "out" / "attribution.sqlite") as store:
        assert sorted(r.article.id for r in store.results()) == ["a", "c"]
        (err,) = store.errors()
        assert "IndexError" in err["message"] and "b.txt" in err["message"]


def test_a_lexicon_change_invalidates_cached_parses(tmp_path, monkeypatch):
    """Which sentences are parsed depends on the cue forms: a new form must not reuse old parses."""
    from attribution import Settings, lexicon, nlp

    s = Settings(models_dir=models_dir(), offline=True, cache_dir=tmp_path)
    before = nlp._Cache(s).salt
    real = lexicon.default_lexicon()

    class _OneMoreForm:
        def cue_forms(self, *, wider: bool = True) -> frozenset[str]:
            return real.cue_forms(wider=wider) | {"harrumphed"}

    monkeypatch.setattr(lexicon, "default_lexicon", _OneMoreForm)
    assert nlp._Cache(s).salt != before


def test_ctrl_c_is_held_until_the_article_is_written_with_other_threads_running():
    """A signal mask would hold Ctrl-C for the main thread only: the kernel hands it to another thread
    (the pool's manager thread, say) and Python raises in the middle of the write.  It must come after."""
    from attribution.corpus import _uninterrupted

    other = threading.Thread(target=time.sleep, args=(2,))
    other.start()  # a thread that can take the signal
    steps: list[str] = []
    with pytest.raises(KeyboardInterrupt), _uninterrupted():
        os.kill(os.getpid(), signal.SIGINT)  # process-directed, as Ctrl-C is
        for _ in range(200):
            time.sleep(0.001)  # time and bytecodes for a handler to run, had it been let through
            steps.append("writing")
        steps.append("written")
    other.join()
    assert steps[-1] == "written" and len(steps) == 201
