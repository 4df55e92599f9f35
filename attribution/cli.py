"""The command line: a thin layer over the library (options -> Settings -> one call -> render)."""

from __future__ import annotations

import enum
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from rich.console import Console
from rich.markup import escape
from typer.core import TyperGroup

from . import __version__
from .config import Settings
from .corpus import BATCH_CHARS
from .errors import AttributionError, InputError, OutputError

err = Console(stderr=True, soft_wrap=True)  # one-line messages stay one line


class _Commands(TyperGroup):
    """Runs every command: the one place where errors become a one-line ``error:`` and an exit code.

    ``AttributionError`` is what the library raises on purpose; an ``OSError`` that reaches this
    far is the machine's (disk full, permission denied), not a bug.  Other exceptions are bugs and
    keep their traceback.
    """

    def invoke(self, ctx: typer.Context) -> Any:
        try:
            return super().invoke(ctx)
        except AttributionError as exc:
            err.print(f"[bold red]error:[/] {escape(str(exc))}")
            raise typer.Exit(code=exc.exit_code) from exc
        except OSError as exc:
            where = f"{exc.filename}: " if exc.filename else ""
            err.print(f"[bold red]error:[/] {escape(where + (exc.strerror or str(exc)))}")
            raise typer.Exit(code=1) from exc


app = typer.Typer(
    cls=_Commands,
    no_args_is_help=True,
    rich_markup_mode="rich",
    pretty_exceptions_show_locals=False,
    help="Who said what, in which role, through which outlet: quote and source attribution for news text.",
)
models_app = typer.Typer(no_args_is_help=False, help="Show or download the stanza models.")
app.add_typer(models_app, name="models")
# width of the table report when stdout is not a terminal (files, pipes, CI logs)
REPORT_WIDTH = 200


class Format(enum.StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"
    html = "html"


class GraphFormat(enum.StrEnum):
    graphml = "graphml"
    gexf = "gexf"


ModelsOpt = Annotated[
    Optional[Path],
    typer.Option(
        "--models",
        help="stanza resources folder (default: $STANZA_RESOURCES_DIR, then ~/stanza_resources).",
        rich_help_panel="Models",
    ),
]
OfflineOpt = Annotated[
    bool,
    typer.Option(
        "--offline", help="Never download models; fail with a message if they are missing.", rich_help_panel="Models"
    ),
]
VerboseOpt = Annotated[bool, typer.Option("--verbose", "-v", help="Print progress and details on stderr.")]
ParseAllOpt = Annotated[
    bool,
    typer.Option(
        "--parse-all",
        help="Parse every sentence (default: only sentences with a quotation mark or a cue word).",
        rich_help_panel="Models",
    ),
]


def _settings(
    models: Path | None, offline: bool, *, wider: bool = True, parse_all: bool = False, cache: Path | None = None
) -> Settings:
    return Settings(models_dir=models, offline=offline, wider_cues=wider, selective=not parse_all, cache_dir=cache)


def _console() -> Console:
    """The report console on stdout: a terminal's own width, a wide table in a pipe, file or CI log."""
    return Console() if sys.stdout.isatty() else Console(width=REPORT_WIDTH)


def _write_file(path: Path, data: bytes) -> None:
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror})") from exc


@app.callback(invoke_without_command=True)
def main(
    version: Annotated[bool, typer.Option("--version", help="Print the version and exit.")] = False,
) -> None:
    """Quote and source attribution for news text."""
    if version:
        typer.echo(f"attribution {__version__}")
        raise typer.Exit()


class Engine(enum.StrEnum):
    local = "local"
    dask = "dask"


@app.command()
def analyze(
    paths: Annotated[list[str], typer.Argument(help="Text/HTML/JSONL files or folders; '-' reads stdin.")],
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Report format on stdout.")] = Format.table,
    out: Annotated[
        Optional[Path],
        typer.Option(
            "--out",
            "-o",
            help="Store results in OUT (SQLite + one JSON per article); resumable. "
            "With --format html: also OUT/<id>.html, or one page in -o FILE.html.",
        ),
    ] = None,
    graphml: Annotated[
        Optional[Path], typer.Option("--graphml", help="Also write the source graph as GraphML.")
    ] = None,
    models: ModelsOpt = None,
    offline: OfflineOpt = False,
    wider: Annotated[
        bool,
        typer.Option(
            "--wider/--speech-only",
            help="Also report beliefs, intentions, stances (tier wider) and what was not said or only imagined.",
        ),
    ] = False,
    workers: Annotated[
        Optional[int],
        typer.Option(
            "--workers",
            "-w",
            min=1,
            show_default="the cores",
            help="Worker processes, one pipeline each.",
            rich_help_panel="Corpus",
        ),
    ] = None,
    batch_chars: Annotated[
        int,
        typer.Option(
            "--batch-chars",
            min=1,
            rich_help_panel="Corpus",
            help="Characters of text a worker takes at once: bigger parses faster, smaller loses less if killed.",
        ),
    ] = BATCH_CHARS,
    engine: Annotated[
        Engine, typer.Option("--engine", help="local processes, or dask distributed.", rich_help_panel="Corpus")
    ] = Engine.local,
    scheduler: Annotated[
        Optional[str],
        typer.Option("--scheduler", help="Address of an existing Dask scheduler.", rich_help_panel="Corpus"),
    ] = None,
    text_field: Annotated[
        str, typer.Option("--text-field", help="JSONL field with the text.", rich_help_panel="JSONL")
    ] = "text",
    id_field: Annotated[
        str, typer.Option("--id-field", help="JSONL field with the article id.", rich_help_panel="JSONL")
    ] = "id",
    title_field: Annotated[str, typer.Option("--title-field", rich_help_panel="JSONL")] = "title",
    outlet_field: Annotated[str, typer.Option("--outlet-field", rich_help_panel="JSONL")] = "outlet",
    date_field: Annotated[str, typer.Option("--date-field", rich_help_panel="JSONL")] = "date",
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")] = False,
    parse_all: ParseAllOpt = False,
    any_language: Annotated[
        bool, typer.Option("--any-language", help="Analyse articles that are not English too (default: skip them).")
    ] = False,
    verbose: VerboseOpt = False,
) -> None:
    """Find every quotation, its speaker, role, affiliation, outlet and cue.

    Example:
        attribution analyze samples/homs-ceasefire.txt
        attribution analyze article.txt --format json | jq '.quotes[].speaker.name'
        attribution analyze corpus/ --out results/ --workers 2
    """
    from . import ingest

    settings = _settings(models, offline, wider=wider, parse_all=parse_all)
    fields = ingest.JsonlFields(text_field, id_field, title_field, outlet_field, date_field)
    if fmt is Format.html:

        def corpus() -> None:
            summary = _analyze_corpus(
                paths, out, settings, workers=workers, batch_chars=batch_chars, engine=engine, scheduler=scheduler,
                fields=fields, quiet=quiet, any_language=any_language,
            )  # fmt: skip
            if summary.failed:
                raise typer.Exit(code=1)

        _analyze_html(paths, out, settings, fields, graphml, corpus, any_language=any_language)
        return
    if out is None:
        _analyze_here(paths, settings, fields, fmt=fmt, graphml=graphml, verbose=verbose, any_language=any_language)
        return
    summary = _analyze_corpus(
        paths, out, settings, workers=workers, batch_chars=batch_chars, engine=engine, scheduler=scheduler,
        fields=fields, quiet=quiet, any_language=any_language,
    )  # fmt: skip
    if graphml is not None:
        from .store import Store

        with Store(out / "attribution.sqlite") as store:
            _write_graph(list(store.results()), graphml, GraphFormat.graphml)
    if summary.failed:
        raise typer.Exit(code=1)


def _skipped(message: str) -> None:
    err.print(f"[yellow]skipped:[/] {escape(message)}")


def _renderer(fmt: Format, *, show_wider: bool) -> Callable[[Any], None]:
    """Return the function that prints one article's report on stdout as soon as it is done."""
    from . import model, report

    if fmt is Format.json:

        def write_json(result) -> None:
            sys.stdout.buffer.write(model.dumps(result))
            sys.stdout.buffer.flush()

        return write_json
    if fmt is Format.markdown:
        return lambda result: sys.stdout.write(report.render_markdown(result))
    console = _console()
    return lambda result: report.print_table(result, console, show_wider=show_wider)


def _analyze_here(paths, settings, fields, *, fmt, graphml, verbose, any_language) -> None:
    """Analyse the inputs in this process, one report each on stdout; exit 1 if any was skipped.

    The models load at the first readable article, so that inputs which all fail say so at once.
    """
    from . import ingest
    from .analyzer import Analyzer

    render = _renderer(fmt, show_wider=settings.wider_cues)
    analyzer: Analyzer | None = None
    failures: list[ingest.Failure] = []
    results = []
    for item in ingest.iter_articles(paths, fields=fields, any_language=any_language):
        if isinstance(item, ingest.Failure):
            failures.append(item)
            _skipped(item.message)
            continue
        analyzer = analyzer or Analyzer(settings)
        try:
            result = analyzer.analyze(item)
        except AttributionError as exc:  # the per-article boundary: skip it, go on
            failures.append(ingest.Failure(item.path or item.id, str(exc)))
            _skipped(str(exc))
            continue
        results.append(result)
        if verbose:
            err.print(f"{escape(item.path or item.id)}: {len(result.quotes)} quotations, {len(result.sources)} sources")
        render(result)
    if graphml is not None and results:
        _write_graph(results, graphml, GraphFormat.graphml)
    if failures:
        err.print(f"{len(failures)} input(s) skipped, {len(results)} analysed")
        raise typer.Exit(code=1)


def _corpus_progress(quiet: bool):
    """A progress bar on stderr and the callback that advances it (with the rate) per result."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TaskProgressColumn,
        TextColumn,
        TimeRemainingColumn,
    )

    bar = Progress(
        TextColumn("analysing"), BarColumn(), MofNCompleteColumn(), TaskProgressColumn(),
        TextColumn("{task.fields[rate]}"), TimeRemainingColumn(), console=err, disable=quiet,
    )  # fmt: skip
    task = bar.add_task("analyse", total=None, rate="")
    start = time.monotonic()

    def tick(_result) -> None:
        bar.advance(task)
        done = bar.tasks[0].completed
        bar.update(task, rate=f"{done / max(1e-9, time.monotonic() - start):.2f} articles/s")

    return bar, task, tick


def _analyze_corpus(paths, out, settings, *, workers, batch_chars, engine, scheduler, fields, quiet, any_language):
    """Analyse into the store in ``out`` with a progress bar; Ctrl-C says how to resume."""
    from .corpus import analyze_corpus

    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{out}: cannot create the output folder ({exc.strerror})") from exc
    bar, task, tick = _corpus_progress(quiet)
    try:
        with bar:
            summary = analyze_corpus(
                [p for p in paths if p != "-"], out, settings, workers=workers, batch_chars=batch_chars,
                engine=str(engine), scheduler=scheduler, fields=fields, any_language=any_language, on_result=tick,
                on_failure=lambda f: _skipped(f.message), on_total=lambda n: bar.update(task, total=n),
            )  # fmt: skip
    except KeyboardInterrupt:
        err.print(f"interrupted; finished articles are saved. Resume with the same command (it skips them): {out}")
        raise typer.Exit(code=130) from None
    if not quiet:
        err.print(
            f"{summary.analysed} analysed, {summary.skipped} already done, {summary.failed} failed; "
            f"results in {escape(str(out))}"
        )
    return summary


def _write_graph(results, output: Path, fmt: GraphFormat):
    from .graph import build_graph, write_gexf, write_graphml

    G = build_graph(results)
    (write_gexf if fmt is GraphFormat.gexf else write_graphml)(G, output)
    return G


@app.command()
def graph(
    inputs: Annotated[list[Path], typer.Argument(help="Output folders of analyze --out, or result JSON files.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Graph file to write.")],
    fmt: Annotated[
        GraphFormat, typer.Option("--format", "-f", help="graphml (Gephi, yEd, igraph) or gexf.")
    ] = GraphFormat.graphml,
) -> None:
    """Build one source graph from saved results, merged across articles.

    Example:
        attribution analyze corpus/ --out results/ && attribution graph results/ -o sources.graphml
    """
    results = _load_results(inputs)
    G = _write_graph(results, output, fmt)
    err.print(f"wrote {escape(str(output))}: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges")


def _load_results(inputs: list[Path]) -> list:
    from . import model
    from .store import STORE_NAME, Store

    results = []
    for p in inputs:
        if p.is_dir() and (p / STORE_NAME).is_file():
            with Store(p / STORE_NAME) as store:
                results.extend(store.results())
            continue
        files = sorted(p.rglob("*.json")) if p.is_dir() else [p]
        for f in files:
            try:
                results.append(model.loads_result(f.read_bytes()))
            except (OSError, ValueError) as exc:
                raise InputError(f"{f}: not a result file ({exc})") from exc
    if not results:
        raise InputError("no results found in the given paths")
    return results


# --- HTML (issue 13): analyze --format html, and the report command -------------------------------
HTML_SUFFIXES = frozenset({".html", ".htm"})


def _analyze_html(
    paths, out: Path | None, settings, fields, graphml: Path | None, corpus, *, any_language: bool = False
) -> None:
    """``--format html``: one page on stdout or in ``-o FILE.html``; with ``--out DIR``, a corpus run + pages."""
    from .htmlreport import write_pages
    from .store import STORE_NAME, Store

    if out is not None and out.suffix.lower() not in HTML_SUFFIXES:
        code = 0
        try:
            corpus()
        except typer.Exit as exc:  # 1: some inputs failed; the others still get their pages
            if exc.exit_code != 1:
                raise
            code = exc.exit_code
        with Store(out / STORE_NAME) as store:
            write_pages(list(store.results()), out)
        if code:
            raise typer.Exit(code=code)
        return
    _analyze_html_page(paths, out, settings, fields, graphml, any_language=any_language)


def _analyze_html_page(
    paths, out: Path | None, settings, fields, graphml: Path | None, *, any_language: bool = False
) -> None:
    """One article's page on stdout, or in ``out`` (a FILE.html); several articles need ``--out DIR``."""
    from . import ingest
    from .analyzer import Analyzer
    from .htmlreport import render_article

    items = list(ingest.iter_articles(paths, fields=fields, any_language=any_language))
    articles = [a for a in items if not isinstance(a, ingest.Failure)]
    for f in items:
        if isinstance(f, ingest.Failure):
            err.print(f"[yellow]skipped:[/] {escape(f.message)}")
    if len(articles) > 1:
        err.print("[bold red]error:[/] several articles: --format html writes one page each into a folder, --out DIR")
        raise typer.Exit(code=2)
    if not articles:
        raise typer.Exit(code=1)
    result = Analyzer(settings).analyze(articles[0])
    page = render_article(result).encode("utf-8")
    if out is None:
        sys.stdout.buffer.write(page)
    else:
        _write_file(out, page)
    if graphml is not None:
        _write_graph([result], graphml, GraphFormat.graphml)
    if len(items) > len(articles):
        raise typer.Exit(code=1)


@app.command()
def report(
    out: Annotated[Path, typer.Argument(help="Output folder of analyze --out.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder to write the site into.")],
) -> None:
    """Write an HTML site of a corpus: an index, one page per article, and the source–claim graph.

    The pages open from disk and fetch nothing. Each article page re-reads its article from the
    path it was analysed from; an article no longer there lists its quotations without the text.

    Example:
        attribution analyze corpus/ --out results/ && attribution report results/ -o site/
    """
    from .htmlreport import write_site

    summary = write_site(_load_results([out]), output)
    if summary.without_text:
        err.print(
            f"[yellow]note:[/] {len(summary.without_text)} article(s) not found at their path or changed since "
            "they were analysed: their pages list the quotations without the text"
        )
    err.print(f"wrote {escape(str(summary.index))}, {len(summary.pages)} article pages and the graph")


class ExportFormat(enum.StrEnum):
    jsonl = "jsonl"
    csv = "csv"


@app.command()
def export(
    out: Annotated[Path, typer.Argument(help="Output folder of analyze --out.")],
    fmt: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="jsonl or csv, one row per quotation.")
    ] = ExportFormat.csv,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="File to write (default: stdout).")] = None,
) -> None:
    """Write one flat row per quotation (speaker, role, affiliation, outlet, cue, article, offsets).

    Example:
        attribution export results/ --format csv -o quotes.csv
    """
    import csv
    import io

    import orjson

    with _open_store(out) as store:
        rows = list(store.quote_rows())
    if fmt is ExportFormat.jsonl:
        data = b"".join(orjson.dumps(r) + b"\n" for r in rows)
    else:
        buf = io.StringIO()
        names = list(rows[0]) if rows else ["article_id", "quote_id"]
        writer = csv.DictWriter(buf, fieldnames=names)
        writer.writeheader()
        writer.writerows(rows)
        data = buf.getvalue().encode("utf-8")
    if output is None:
        sys.stdout.buffer.write(data)
    else:
        _write_file(output, data)


def _open_store(out: Path):
    """Open the store of an ``analyze --out`` folder; a folder without one is an ``InputError``."""
    from .store import STORE_NAME, Store

    if not (out / STORE_NAME).is_file():
        raise InputError(f"{out}: no {STORE_NAME} here; run `attribution analyze … --out {out}` first")
    return Store(out / STORE_NAME)


@app.command()
def errors(out: Annotated[Path, typer.Argument(help="Output folder of analyze --out.")]) -> None:
    """List the inputs that failed, with their messages.

    Example:
        attribution errors results/
    """
    with _open_store(out) as store:
        rows = store.errors()
    for r in rows:
        typer.echo(f"{r['input']}\t{r['message']}")
    if not rows:
        err.print("no errors")


class GroupBy(enum.StrEnum):
    outlet = "outlet"
    article = "article"
    month = "month"


class TableFormat(enum.StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


@app.command()
def sources(
    out: Annotated[list[Path], typer.Argument(help="Output folders of analyze --out, or result JSON files.")],
    top: Annotated[
        Optional[int],
        typer.Option("--top", "-n", min=1, show_default="20; 3 per group with --by", help="How many sources."),
    ] = None,
    by: Annotated[
        Optional[GroupBy],
        typer.Option("--by", help="Who gets quoted per outlet, article or month: shares by source kind and gender."),
    ] = None,
    fmt: Annotated[TableFormat, typer.Option("--format", "-f", help="With --by: table, json, csv or markdown.")] = (
        TableFormat.table
    ),
) -> None:
    """Print the top sources of a corpus: quotes, kind, affiliation, outlets that carried them.

    Example:
        attribution sources results/ --by outlet --format csv > who-gets-quoted.csv
    """
    from . import report

    results = _load_results(out)
    console = Console() if sys.stdout.isatty() else Console(width=REPORT_WIDTH)
    if by is not None:
        _quoted_by(results, str(by), top or 3, fmt, console)
        return
    from .graph import build_graph, top_sources

    console.print(report.render_sources(top_sources(build_graph(results), top or 20)))


def _quoted_by(results, by: str, top: int, fmt: TableFormat, console: Console) -> None:
    from . import model, report, stats

    rows = stats.quoted_by(results, by, top=top)
    if fmt is TableFormat.json:
        sys.stdout.buffer.write(model.dumps(rows))
    elif fmt is TableFormat.csv:
        sys.stdout.write(stats.rows_csv(rows))
    elif fmt is TableFormat.markdown:
        sys.stdout.write(stats.rows_markdown(rows, by))
    else:
        console.print(report.render_quoted_by(rows, by, stats.SUMMARY_HEADERS, stats.summary_cells))


@app.command()
def claims(
    out: Annotated[list[Path], typer.Argument(help="Output folders of analyze --out, or result JSON files.")],
    fmt: Annotated[TableFormat, typer.Option("--format", "-f", help="table, json, csv or markdown.")] = (
        TableFormat.table
    ),
    min_articles: Annotated[int, typer.Option("--min-articles", min=1, help="Claims in at least N articles.")] = 2,
    speaker: Annotated[
        Optional[str], typer.Option("--speaker", help="Only claims of speakers whose name contains this.")
    ] = None,
) -> None:
    """List the claims that several articles report: wording, speakers, outlets, dates, variants word by word.

    Example:
        attribution claims results/ --min-articles 3 --speaker Trump --format markdown
    """
    from . import model, report
    from .claimtable import claims_csv, claims_markdown, repeated_claims

    found = repeated_claims(_load_results(out), min_articles=min_articles, speaker=speaker)
    if fmt is TableFormat.json:
        sys.stdout.buffer.write(model.dumps([c.to_dict() for c in found]))
    elif fmt is TableFormat.csv:
        sys.stdout.write(claims_csv(found))
    elif fmt is TableFormat.markdown:
        sys.stdout.write(claims_markdown(found))
    elif found:
        console = Console() if sys.stdout.isatty() else Console(width=REPORT_WIDTH)
        console.print(report.render_claims(found))
    if not found:
        err.print(f"no claim is reported by {min_articles} or more articles")


@app.command("eval")
def eval_(
    gold: Annotated[Path, typer.Argument(help="Folder with text/ and attributions/ (PolNeAR brat layout).")],
    json_out: Annotated[Optional[Path], typer.Option("--json", help="Write the figures as JSON here.")] = None,
    errors: Annotated[
        Optional[Path], typer.Option("--errors", help="Write false negatives/positives (Markdown).")
    ] = None,
    limit: Annotated[Optional[int], typer.Option("--limit", help="Only the first N articles.")] = None,
    split_by: Annotated[
        Optional[str], typer.Option("--split-by", help="'publisher': per-publisher table (always in JSON).")
    ] = None,
    cache: Annotated[
        Optional[Path], typer.Option("--cache", help="Keep parsed documents here for faster reruns.")
    ] = None,
    speakers: Annotated[
        Optional[Path],
        typer.Option("--speakers", help="Gold canonical speakers (TSV): adds name, kind and gender accuracy."),
    ] = None,
    rules_only: Annotated[
        bool, typer.Option("--rules-only", help="Let the rules decide alone (no learned decisions).")
    ] = False,
    models: ModelsOpt = None,
    offline: OfflineOpt = False,
    parse_all: ParseAllOpt = False,
) -> None:
    """Score attributions against gold annotations (precision, recall, F1, speaker accuracy).

    Example:
        attribution eval ../shared/corpora/polnear/dev --json dev.json --errors dev-errors.md
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from . import model, report
    from .analyzer import Analyzer
    from .evaluation import errors_markdown, evaluate
    from .evaluation.canonical import load_canonical
    from .evaluation.gold import check_layout

    settings = replace(_settings(models, offline, parse_all=parse_all, cache=cache), learned=not rules_only)
    check_layout(gold)  # before loading models: a wrong folder fails at once
    try:
        canonical = load_canonical(speakers) if speakers is not None else None
    except (OSError, KeyError, ValueError) as exc:
        raise InputError(f"cannot read the canonical speakers {speakers}: {exc}") from exc
    analyzer = Analyzer(settings)
    with Progress(TextColumn("scoring"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(), console=err) as bar:
        task = bar.add_task("eval", total=None)
        run = evaluate(
            gold,
            analyzer.analyze_with_docs,
            limit=limit,
            keep_errors=errors is not None,
            progress=lambda n, total: bar.update(task, completed=n, total=total),
            canonical=canonical,
        )
    figures = run.to_dict()
    group = report.render_eval(figures)
    renderables = group.renderables if split_by == "publisher" else group.renderables[:2]
    console = _console()
    for r in renderables:
        console.print(r)
    if json_out is not None:
        _write_file(json_out, model.dumps(figures))
    if errors is not None:
        _write_file(errors, errors_markdown(run).encode("utf-8"))


@models_app.callback(invoke_without_command=True)
def models_show(ctx: typer.Context, models: ModelsOpt = None) -> None:
    """Show which stanza models will be used and where they are."""
    if ctx.invoked_subcommand is not None:
        return
    from .nlp import model_report

    info = model_report(_settings(models, True))
    typer.echo(f"models folder: {info['dir']} ({'found' if info['present'] else 'missing'})")
    for proc, d in info.get("processors", {}).items():
        typer.echo(f"  {proc:9} {d['package'] or '-':18} {'ok' if d['exists'] else 'MISSING'}  {d['file'] or ''}")
    if not info["present"]:
        typer.echo("run `attribution models download` (needs the internet) or pass --models DIR")
        raise typer.Exit(code=1)


@models_app.command("download")
def models_download(models: ModelsOpt = None) -> None:
    """Download the official English stanza models (needs the internet)."""
    from .nlp import download_models, resolve_models_dir

    target = resolve_models_dir(_settings(models, False))
    download_models(target)
    typer.echo(f"models ready in {target}")
