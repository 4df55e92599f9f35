"""Whole corpora: read inputs, skip what the store already holds, analyse on a pool of workers
(each with one pipeline) or on Dask, and write every article's result as it arrives.

Only the parent process writes the store (one transaction per article) and the JSON files
(temporary file + rename), so a run killed at any point resumes with nothing lost or doubled.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import signal
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

from . import __version__, model, nlp
from .config import Settings
from .errors import AttributionError, EngineError
from .ingest import Failure, JsonlFields, iter_articles, safe_id
from .model import Article, ArticleResult
from .store import STORE_NAME, Store

__all__ = ["BATCH_CHARS", "CorpusSummary", "analyze_corpus", "default_workers", "result_file", "version_key"]

# Text sent to a worker at once (characters): stanza sorts the sentences of one call by length, so
# a bigger call pads less (40 train articles: 31 s in one call, 38 s in calls of 8 articles); a
# failed batch is retried article by article, so a crash costs only the article that caused it.
BATCH_CHARS = 60_000


@dataclass
class CorpusSummary:
    analysed: int = 0
    skipped: int = 0
    failed: int = 0
    failures: list[Failure] = field(default_factory=list)
    store: Path | None = None


def version_key(settings: Settings) -> str:
    """What must match for a stored result to be reused: tool, stanza and models."""
    try:
        stanza_version = metadata.version("stanza")
    except metadata.PackageNotFoundError:  # pragma: no cover
        stanza_version = "?"
    return f"attribution {__version__}|stanza {stanza_version}|{nlp.resolve_models_dir(settings).resolve()}"


def _sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()


@functools.cache
def _worker_analyzer(settings: Settings) -> Any:
    from .analyzer import Analyzer

    return Analyzer(settings)


def analyze_batch(settings: Settings, articles: Sequence[Article]) -> list[tuple[str, dict | None, str | None]]:
    """Analyse a batch in this process (a pool or Dask worker); one pipeline per process.

    Returns ``(article id, result dict or None, error message or None)`` per article.  When the
    batch fails, each article is retried alone so that one bad article costs only itself.
    """
    analyzer = _worker_analyzer(settings)
    try:
        return [(r.article.id, r.to_dict(), None) for r in analyzer.analyze_many(articles)]
    except Exception:  # the per-batch boundary: retry one by one below
        pass
    out: list[tuple[str, dict | None, str | None]] = []
    for a in articles:
        try:
            out.append((a.id, analyzer.analyze(a).to_dict(), None))
        except AttributionError as exc:
            out.append((a.id, None, str(exc)))
        except Exception as exc:  # the per-article boundary: record and go on
            out.append((a.id, None, f"{a.path or a.id}: analysis failed ({type(exc).__name__}: {exc})"))
    return out


def default_workers() -> int:
    """The cores this process may run on (its CPU affinity where the OS tells it)."""
    with contextlib.suppress(AttributeError, OSError):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def _batches(items: Sequence[Article], workers: int, size: int = BATCH_CHARS) -> Iterator[list[Article]]:
    """Cut articles, in order, into batches of about ``size`` characters, smaller towards the end.

    Guided scheduling: with several workers no batch is over a ``2 * workers``-th of what is left,
    so the workers get small batches last and finish together instead of one waiting for the
    other's big batch.
    """
    left = sum(len(a.text) for a in items)
    batch: list[Article] = []
    chars = 0
    for a in items:
        batch.append(a)
        chars += len(a.text)
        if chars >= (size if workers <= 1 else min(size, left / (2 * workers))):
            yield batch
            left -= chars
            batch, chars = [], 0
    if batch:
        yield batch


def _start_worker(settings: Settings) -> None:
    """Pool initializer: one torch thread (the workers share the cores) and the pipeline loaded now."""
    nlp.set_threads(1)
    with contextlib.suppress(Exception):  # the first batch raises it again, with its message, in the parent
        _worker_analyzer(settings)


def _local(settings: Settings, batches: list[list[Article]], workers: int) -> Iterator[list]:
    if workers <= 1:
        for b in batches:
            yield analyze_batch(settings, b)
        return
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    ctx = mp.get_context("spawn")  # torch and fork do not mix
    before = set(mp.active_children())
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_start_worker, initargs=(settings,))
    try:
        yield from pool.map(analyze_batch, [settings] * len(batches), batches)
    except BaseException as exc:  # a worker died, Ctrl-C, or the consumer closed us: stop the rest now
        _terminate_workers(pool, before)
        if isinstance(exc, BrokenProcessPool):
            raise EngineError(
                "a worker process died (killed, or out of memory?); finished articles are saved: run the same "
                "command again to resume, with fewer --workers or a smaller --batch-chars if memory is short"
            ) from exc
        raise
    finally:
        _shutdown(pool, before)


def _shutdown(pool: Any, before: set[Any]) -> None:
    """Wait for the pool to wind down; a Ctrl-C during the wait stops its workers at once."""
    try:
        pool.shutdown(wait=True, cancel_futures=True)
    except BaseException:
        _terminate_workers(pool, before)
        raise


def _terminate_workers(pool: Any, before: set[Any]) -> None:
    """Stop a process pool's workers at once, through public APIs only.

    Python 3.14 gives ``ProcessPoolExecutor.terminate_workers()``.  Before it, the executor has no
    public handle on its processes; the fallback terminates this process's multiprocessing children
    (``multiprocessing.active_children()``) that were not there before the pool was made (``before``):
    the pool's workers, since nothing else here starts processes while the pool runs.
    """
    import multiprocessing as mp

    if hasattr(pool, "terminate_workers"):  # Python 3.14+
        pool.terminate_workers()
        return
    for proc in mp.active_children():
        if proc not in before:
            with contextlib.suppress(OSError):  # it may have exited meanwhile
                proc.terminate()


def _require_dask() -> None:
    """Fail at once, with the install command, when the optional ``[dask]`` extra is missing."""
    try:
        import distributed  # noqa: F401
    except ImportError as exc:
        raise EngineError(
            "--engine dask needs Dask's distributed scheduler: pip install 'attribution[dask]' "
            "(or use the default --engine local)"
        ) from exc


def _dask(settings: Settings, batches: list[list[Article]], workers: int, scheduler: str | None) -> Iterator[list]:
    from distributed import Client, LocalCluster, as_completed

    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        futures = client.map(analyze_batch, [settings] * len(batches), batches, pure=False)
        for fut in as_completed(futures):
            yield fut.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def analyze_corpus(
    inputs: Iterable[str | Path],
    out: Path,
    settings: Settings,
    *,
    workers: int | None = None,
    batch_chars: int = BATCH_CHARS,
    engine: str = "local",
    scheduler: str | None = None,
    fields: JsonlFields | None = None,
    any_language: bool = False,
    on_result: Callable[[ArticleResult], None] | None = None,
    on_failure: Callable[[Failure], None] | None = None,
    on_total: Callable[[int], None] | None = None,
) -> CorpusSummary:
    """Analyse every article under ``inputs`` into ``out`` (store + one JSON file per article).

    Inputs that are not English are recorded as failures unless ``any_language``.
    ``workers`` defaults to the cores. Locally, no more processes start than there are
    ``batch_chars`` of text, since each loads its own pipeline: a small corpus runs in this process.
    """
    if batch_chars < 1:
        raise ValueError(f"batch_chars must be at least 1, got {batch_chars}")
    if engine == "dask":
        _require_dask()  # before reading any input
    wanted = default_workers() if workers is None else max(1, workers)
    out.mkdir(parents=True, exist_ok=True)
    summary = CorpusSummary(store=out / STORE_NAME)
    vkey = version_key(settings)
    with Store(out / STORE_NAME) as store:
        run_id = store.start_run(__version__, vkey)
        pending: dict[str, Article] = {}
        hashes: dict[str, str] = {}

        def fail(failure: Failure) -> None:
            summary.failed += 1
            summary.failures.append(failure)
            store.record_error(run_id, failure.path, failure.message)
            if on_failure:
                on_failure(failure)

        for item in iter_articles(inputs, fields=fields, any_language=any_language):
            if isinstance(item, Failure):
                fail(item)
                continue
            sha = _sha1(item.text)
            if store.is_done(item.id, sha, vkey):
                summary.skipped += 1
                continue
            pending[item.id] = item
            hashes[item.id] = sha
        if on_total:
            on_total(len(pending))
        items = list(pending.values())
        if engine == "local":  # a worker loads its own pipeline: worth it for a batch's worth of text or more
            wanted = min(wanted, -(-sum(len(a.text) for a in items) // batch_chars))
        batches = list(_batches(items, wanted, batch_chars))
        n = min(wanted, len(batches)) if engine == "local" else wanted
        stream = _dask(settings, batches, n, scheduler) if engine == "dask" else _local(settings, batches, n)
        try:
            for batch in stream:
                for aid, data, error in batch:
                    art = pending[aid]
                    if error is not None or data is None:
                        fail(Failure(art.path or aid, error or f"{aid}: no result"))
                        continue
                    result = model.ArticleResult.from_dict(data, text=art.text)
                    with _uninterrupted():  # the JSON file and the store row, both or neither
                        _write_json(result_file(out, aid), model.dumps(result))
                        store.save(result, text_sha1=hashes[aid], version_key=vkey)
                        store.clear_error(art.path or aid)
                    summary.analysed += 1
                    if on_result:
                        on_result(result)
        finally:
            stream.close()  # now, not when garbage is collected: an interrupted pool stops its workers
            store.finish_run(run_id, analysed=summary.analysed, skipped=summary.skipped, failed=summary.failed)
    return summary


@contextlib.contextmanager
def _uninterrupted() -> Iterator[None]:
    """Hold Ctrl-C (SIGINT) until the block is done, so that an article's JSON file is never written
    without its store row; the signal is delivered right after.  A handler, not a signal mask: a mask
    holds the signal for this thread only, and the kernel hands it to another thread, whose Python
    handler then raises in the middle of the block.  Main thread only (Python handlers run there)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    held: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, _frame: held.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, signal.SIG_DFL if previous is None else previous)  # None: set outside Python
        if held:
            signal.raise_signal(signal.SIGINT)  # now, to whatever handled it before


def result_file(out: Path, article_id: str) -> Path:
    """Where an article's JSON goes: ``OUT/<id>.json``, an id's folders (``a/statement``) as folders.

    Every part is made safe on its own, so no id can name a file outside ``out``.

    Examples:
        >>> result_file(Path("out"), "a/statement").as_posix()
        'out/a/statement.json'
        >>> result_file(Path("out"), "../../etc/passwd").as_posix()
        'out/etc/passwd.json'
    """
    parts = [safe_id(p) for p in article_id.split("/") if p.strip("._")] or [safe_id(article_id)]
    return out.joinpath(*parts[:-1], f"{parts[-1]}.json")


def _write_json(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.tmp")
    tmp.write_bytes(data)
    tmp.replace(target)
