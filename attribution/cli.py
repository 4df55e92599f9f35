"""The command line: a thin layer over the library (options -> Settings -> one call -> render)."""

from __future__ import annotations

import enum
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.markup import escape

from . import __version__
from .config import Settings
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


def _settings(models: Path | None, offline: bool, *, wider: bool = True) -> Settings:
    return Settings(models_dir=models, offline=offline, wider_cues=wider)


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


@app.command()
def analyze(
    paths: Annotated[list[str], typer.Argument(help="Text/HTML/JSONL files or folders; '-' reads stdin.")],
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Report format on stdout.")] = Format.table,
    out: Annotated[
        Optional[Path], typer.Option("--out", "-o", help="Write OUT/<article id>.json for each article.")
    ] = None,
    graphml: Annotated[
        Optional[Path], typer.Option("--graphml", help="Also write the source graph as GraphML.")
    ] = None,
    models: ModelsOpt = None,
    offline: OfflineOpt = False,
    wider: Annotated[
        bool, typer.Option("--wider/--speech-only", help="Report beliefs and intentions (wider cue tier) too.")
    ] = True,
    verbose: VerboseOpt = False,
) -> None:
    """Find every quotation, its speaker, role, affiliation, outlet and cue.

    Example:
        attribution analyze samples/homs-ceasefire.txt
        attribution analyze article.txt --format json | jq '.quotes[].speaker.name'
    """
    from . import ingest, model, report
    from .analyzer import Analyzer

    settings = _settings(models, offline, wider=wider)
    try:
        analyzer = Analyzer(settings)
    except AttributionError as exc:
        raise _fail(exc) from exc
    if out is not None:
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise _fail(OutputError(f"{out}: cannot create the output folder ({exc.strerror})")) from exc
    # a pipe or file gets a wide table; a terminal gets its own width
    console = Console() if sys.stdout.isatty() else Console(width=REPORT_WIDTH)
    failures: list[ingest.Failure] = []
    results = []
    for item in _articles(paths):
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
        if out is not None:
            target = out / f"{ingest.safe_id(item.id)}.json"
            try:
                _atomic_write(target, model.dumps(result))
            except OSError as exc:
                raise _fail(OutputError(f"{target}: cannot write ({exc.strerror})")) from exc
            continue
        if fmt is Format.json:
            sys.stdout.buffer.write(model.dumps(result))
            sys.stdout.buffer.flush()
        elif fmt is Format.markdown:
            sys.stdout.write(report.render_markdown(result))
        else:
            report.print_table(result, console, show_wider=wider)
    if graphml is not None and results:
        from .graph import build_graph, write_graphml

        try:
            write_graphml(build_graph(results), graphml)
        except AttributionError as exc:
            raise _fail(exc) from exc
    if failures:
        err.print(f"{len(failures)} input(s) skipped, {len(results)} analysed")
        raise typer.Exit(code=1)


def _articles(paths: list[str]) -> Iterator:
    from . import ingest

    for p in paths:
        if p == "-":
            try:
                yield ingest.read_article("-")
            except InputError as exc:
                yield ingest.Failure("<stdin>", str(exc))
        elif not Path(p).exists():
            yield ingest.Failure(p, f"{p}: no such file or folder")
        else:
            yield from ingest.iter_articles([p])


def _atomic_write(target: Path, data: bytes) -> None:
    tmp = target.with_name(f".{target.name}.tmp")
    tmp.write_bytes(data)
    tmp.replace(target)


@app.command()
def graph(
    inputs: Annotated[
        list[Path], typer.Argument(help="Result JSON files (from analyze --format json / --out) or folders of them.")
    ],
    output: Annotated[Path, typer.Option("--output", "-o", help="Graph file to write.")],
    fmt: Annotated[
        GraphFormat, typer.Option("--format", "-f", help="graphml (Gephi, yEd, igraph) or gexf.")
    ] = GraphFormat.graphml,
) -> None:
    """Build one source graph from saved results, merged across articles.

    Example:
        attribution analyze corpus/ --out results/ && attribution graph results/ -o sources.graphml
    """
    from . import model
    from .graph import build_graph, write_gexf, write_graphml

    results = []
    files: list[Path] = []
    for p in inputs:
        files.extend(sorted(p.rglob("*.json")) if p.is_dir() else [p])
    for f in files:
        try:
            results.append(model.loads_result(f.read_bytes()))
        except (OSError, ValueError, KeyError) as exc:
            raise _fail(InputError(f"{f}: not a result file ({type(exc).__name__}: {exc})")) from exc
    if not results:
        raise _fail(InputError("no result files given"))
    try:
        G = build_graph(results)
        (write_gexf if fmt is GraphFormat.gexf else write_graphml)(G, output)
    except AttributionError as exc:
        raise _fail(exc) from exc
    err.print(f"wrote {output}: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges")


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
) -> None:
    """Score attributions against gold annotations (precision, recall, F1, speaker accuracy).

    Example:
        attribution eval ../shared/corpora/polnear/dev --json dev.json --errors dev-errors.md
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from . import model, report
    from .analyzer import Analyzer
    from .evaluation import errors_markdown, evaluate

    settings = Settings(models_dir=models, offline=offline, cache_dir=cache)
    try:
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
