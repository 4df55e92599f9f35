"""The command line: a thin layer over the library (options -> Settings -> one call -> render)."""

from __future__ import annotations

import enum
import sys
import time
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.markup import escape

from . import __version__
from .config import Settings
from .corpus import BATCH_CHARS
from .errors import AttributionError, InputError, OutputError

app = typer.Typer(
    no_args_is_help=True,
    rich_markup_mode="rich",
    pretty_exceptions_show_locals=False,
    help="Who said what, in which role, through which outlet: quote and source attribution for news text.",
)
models_app = typer.Typer(no_args_is_help=False, help="Show or download the stanza models.")
app.add_typer(models_app, name="models")

err = Console(stderr=True, soft_wrap=True)  # one-line messages stay one line
# width of the table report when stdout is not a terminal (files, pipes, CI logs)
REPORT_WIDTH = 200


class Format(enum.StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"


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


def _fail(exc: AttributionError) -> typer.Exit:
    err.print(f"[bold red]error:[/] {escape(str(exc))}")
    return typer.Exit(code=exc.exit_code)


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
        typer.Option("--out", "-o", help="Store results in OUT (SQLite + one JSON per article); resumable."),
    ] = None,
    graphml: Annotated[
        Optional[Path], typer.Option("--graphml", help="Also write the source graph as GraphML.")
    ] = None,
    models: ModelsOpt = None,
    offline: OfflineOpt = False,
    wider: Annotated[
        bool, typer.Option("--wider/--speech-only", help="Report beliefs and intentions (wider cue tier) too.")
    ] = True,
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
    if out is not None:
        _analyze_corpus(paths, out, settings, workers, batch_chars, engine, scheduler, fields, graphml, quiet)
        return
    from . import model, report
    from .analyzer import Analyzer

    try:
        analyzer = Analyzer(settings)
    except AttributionError as exc:
        raise _fail(exc) from exc
    # a pipe or file gets a wide table; a terminal gets its own width
    console = Console() if sys.stdout.isatty() else Console(width=REPORT_WIDTH)
    failures: list[ingest.Failure] = []
    results = []
    for item in ingest.iter_articles(paths, fields=fields):
        if isinstance(item, ingest.Failure):
            failures.append(item)
            err.print(f"[yellow]skipped:[/] {escape(item.message)}")
            continue
        try:
            result = analyzer.analyze(item)
        except AttributionError as exc:
            failures.append(ingest.Failure(item.path or item.id, str(exc)))
            err.print(f"[yellow]skipped:[/] {escape(str(exc))}")
            continue
        results.append(result)
        if verbose:
            err.print(f"{escape(item.path or item.id)}: {len(result.quotes)} quotations, {len(result.sources)} sources")
        if fmt is Format.json:
            sys.stdout.buffer.write(model.dumps(result))
            sys.stdout.buffer.flush()
        elif fmt is Format.markdown:
            sys.stdout.write(report.render_markdown(result))
        else:
            report.print_table(result, console, show_wider=wider)
    if graphml is not None and results:
        _write_graph(results, graphml, GraphFormat.graphml)
    if failures:
        err.print(f"{len(failures)} input(s) skipped, {len(results)} analysed")
        raise typer.Exit(code=1)


def _analyze_corpus(paths, out, settings, workers, batch_chars, engine, scheduler, fields, graphml, quiet) -> None:
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TaskProgressColumn,
        TextColumn,
        TimeRemainingColumn,
    )

    from .corpus import analyze_corpus
    from .store import Store

    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _fail(OutputError(f"{out}: cannot create the output folder ({exc.strerror})")) from exc
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

    def failed(f) -> None:
        err.print(f"[yellow]skipped:[/] {escape(f.message)}")

    try:
        with bar:
            summary = analyze_corpus(
                [p for p in paths if p != "-"], out, settings, workers=workers, batch_chars=batch_chars,
                engine=str(engine), scheduler=scheduler, fields=fields, on_result=tick, on_failure=failed,
                on_total=lambda n: bar.update(task, total=n),
            )  # fmt: skip
    except KeyboardInterrupt:
        err.print(f"interrupted; finished articles are saved. Resume with the same command (it skips them): {out}")
        raise typer.Exit(code=130) from None
    except AttributionError as exc:
        raise _fail(exc) from exc
    if not quiet:
        err.print(
            f"{summary.analysed} analysed, {summary.skipped} already done, {summary.failed} failed; "
            f"results in {escape(str(out))}"
        )
    if graphml is not None:
        with Store(out / "attribution.sqlite") as store:
            _write_graph(list(store.results()), graphml, GraphFormat.graphml)
    if summary.failed:
        raise typer.Exit(code=1)


def _write_graph(results, output: Path, fmt: GraphFormat):
    from .graph import build_graph, write_gexf, write_graphml

    try:
        G = build_graph(results)
        (write_gexf if fmt is GraphFormat.gexf else write_graphml)(G, output)
    except AttributionError as exc:
        raise _fail(exc) from exc
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
            try:
                with Store(p / STORE_NAME) as store:
                    results.extend(store.results())
            except AttributionError as exc:
                raise _fail(exc) from exc
            continue
        files = sorted(p.rglob("*.json")) if p.is_dir() else [p]
        for f in files:
            try:
                results.append(model.loads_result(f.read_bytes()))
            except (OSError, ValueError) as exc:
                raise _fail(InputError(f"{f}: not a result file ({exc})")) from exc
    if not results:
        raise _fail(InputError("no results found in the given paths"))
    return results


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

    from .store import STORE_NAME, Store

    if not (out / STORE_NAME).is_file():
        raise _fail(InputError(f"{out}: no {STORE_NAME} here; run `attribution analyze … --out {out}` first"))
    try:
        with Store(out / STORE_NAME) as store:
            rows = list(store.quote_rows())
    except AttributionError as exc:
        raise _fail(exc) from exc
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
        try:
            output.write_bytes(data)
        except OSError as exc:
            raise _fail(OutputError(f"{output}: cannot write ({exc.strerror})")) from exc


@app.command()
def errors(out: Annotated[Path, typer.Argument(help="Output folder of analyze --out.")]) -> None:
    """List the inputs that failed, with their messages."""
    from .store import STORE_NAME, Store

    if not (out / STORE_NAME).is_file():
        raise _fail(InputError(f"{out}: no {STORE_NAME} here"))
    with Store(out / STORE_NAME) as store:
        rows = store.errors()
    for r in rows:
        typer.echo(f"{r['input']}\t{r['message']}")
    if not rows:
        err.print("no errors")


@app.command()
def sources(
    out: Annotated[list[Path], typer.Argument(help="Output folders of analyze --out, or result JSON files.")],
    top: Annotated[int, typer.Option("--top", "-n", help="How many sources.")] = 20,
) -> None:
    """Print the top sources of a corpus: quotes, kind, affiliation, outlets that carried them."""
    from . import report
    from .graph import build_graph, top_sources

    G = build_graph(_load_results(out))
    console = Console() if sys.stdout.isatty() else Console(width=REPORT_WIDTH)
    console.print(report.render_sources(top_sources(G, top)))


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
    from .evaluation.gold import check_layout

    settings = _settings(models, offline, parse_all=parse_all, cache=cache)
    try:
        check_layout(gold)  # before loading models: a wrong folder fails at once
        analyzer = Analyzer(settings)
        with Progress(
            TextColumn("scoring"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(), console=err
        ) as bar:
            task = bar.add_task("eval", total=None)
            run = evaluate(
                gold,
                analyzer.analyze_with_docs,
                limit=limit,
                keep_errors=errors is not None,
                progress=lambda n, total: bar.update(task, completed=n, total=total),
            )
    except AttributionError as exc:
        raise _fail(exc) from exc
    figures = run.to_dict()
    group = report.render_eval(figures)
    renderables = group.renderables if split_by == "publisher" else group.renderables[:2]
    console = Console() if sys.stdout.isatty() else Console(width=REPORT_WIDTH)
    for r in renderables:
        console.print(r)
    if json_out is not None:
        json_out.write_bytes(model.dumps(figures))
    if errors is not None:
        errors.write_text(errors_markdown(run), encoding="utf-8")


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
    try:
        download_models(target)
    except AttributionError as exc:
        raise _fail(exc) from exc
    typer.echo(f"models ready in {target}")
