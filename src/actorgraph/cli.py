"""The ``actorgraph`` command line: options in, one call to the public API, results out.

Exit codes: 0 success; 1 an error stopped the command (a one-line message says why);
2 wrong usage; 3 the outputs were written but some inputs could not be read (the end of
the run lists them). Text from articles and files is printed through :mod:`actorgraph.display`,
escaped: never console markup, never a terminal control.
"""

from __future__ import annotations

import json
import signal
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

import actorgraph
from actorgraph import display
from actorgraph.display import cleaned, json_text, printable, shown

app = typer.Typer(
    help="Build a sourced knowledge graph of armed-conflict actors from news articles.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

stderr = Console(stderr=True, soft_wrap=True, highlight=False)
stdout = Console(soft_wrap=True, highlight=False)
EXIT_ERROR, EXIT_PARTIAL = 1, 3

# -- shared options (one definition, used by every command that takes them) ----------------

ArticlesArg = Annotated[
    list[Path],
    typer.Argument(
        help="Article files (.txt, .md, .html, .jsonl) or folders, read recursively.",
        show_default=False,
    ),
]
ModelOption = Annotated[
    str, typer.Option("--model", "-m", help="spaCy pipeline to load (e.g. en_core_web_trf).")
]
MinConfidenceOption = Annotated[
    float, typer.Option(min=0.0, max=1.0, help="Drop facts whose confidence is below this.")
]
BatchSizeOption = Annotated[int, typer.Option(min=1, help="Articles per spaCy batch.")]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress, no summary.")]
FormatsOption = Annotated[
    list[str] | None,
    typer.Option(
        "--format",
        "-f",
        help=f"Output format, repeatable: {', '.join(actorgraph.FORMATS)} "
        f"(default: {', '.join(actorgraph.DEFAULT_FORMATS)}).",
        show_default=False,
    ),
]
StoreOption = Annotated[
    bool, typer.Option("--store/--no-store", help="Keep a SPARQL store in OUTDIR/store.")
]
BuildDirArg = Annotated[
    Path, typer.Argument(help="A folder written by `actorgraph build`.", show_default=False)
]
JsonOutputOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
UserOption = Annotated[str | None, typer.Option("--user", "-u", help="HTTP Basic user name.")]
PasswordOption = Annotated[
    str | None,
    typer.Option("--password", "-p", help="HTTP Basic password.", envvar="ACTORGRAPH_PASSWORD"),
]
TokenOption = Annotated[str | None, typer.Option(help="Bearer token.", envvar="ACTORGRAPH_TOKEN")]
MaxCharsOption = Annotated[
    int | None,
    typer.Option(
        min=1,
        help="Parse texts longer than this in pieces (default 100,000, at most the model's).",
        show_default=False,
    ),
]


def fail(message: str) -> typer.Exit:
    stderr.print(f"[bold red]error:[/] {shown(message)}")
    return typer.Exit(EXIT_ERROR)


@contextmanager
def reported_errors() -> Iterator[None]:
    """Turn the library's exceptions into one-line messages and exit code 1."""
    try:
        yield
    except (actorgraph.ModelNotFoundError, ValueError, OSError, RuntimeError) as error:
        # RuntimeError: a locked or half-written build folder, input nested too deeply
        raise fail(str(error) or type(error).__name__) from None
    except MemoryError:
        raise fail("out of memory (try a smaller --max-chars or --batch-size)") from None


@contextmanager
def reading(quiet: bool, description: str) -> Iterator[tuple[display.ReadErrors, Any]]:
    """Errors reported, reading notes and skipped inputs shown, a progress bar drawn;
    exit 3 at the end when some inputs could not be read."""
    errors = display.ReadErrors(stderr)
    with (
        reported_errors(),
        display.reading_notes(stderr, quiet),
        display.progress_bar(stderr, quiet, description) as progress,
    ):
        yield errors, progress
    if errors.summary():
        raise typer.Exit(EXIT_PARTIAL)


def print_json(value: Any) -> None:
    typer.echo(json_text(value, indent=1))


@app.command()
def extract(
    articles: ArticlesArg,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write the JSON Lines here instead of stdout."),
    ] = None,
    model: ModelOption = actorgraph.DEFAULT_MODEL,
    min_confidence: MinConfidenceOption = 0.0,
    batch_size: BatchSizeOption = 32,
    max_chars: MaxCharsOption = None,
    quiet: QuietOption = False,
) -> None:
    """Write what each article states — entities, events, relations with evidence — as JSON Lines.

    One JSON object per article (the README's "Extraction records"), before any
    cross-article merging.
    """
    started = time.perf_counter()
    with reading(quiet, "extracting") as (errors, progress):
        found = actorgraph.extract(
            articles,
            model=model,
            min_confidence=min_confidence,
            batch_size=batch_size,
            max_chars=max_chars,
            on_error=errors,
            progress=progress,
        )
        lines = (json_text(e.to_record()) + "\n" for e in found)
        count = 0
        if output is None:
            for line in lines:
                sys.stdout.write(line)
                count += 1
            sys.stdout.flush()
        else:
            text = "".join(lines)
            count = text.count("\n")
            actorgraph.write_atomic(output, text)
        if not quiet:
            stderr.print(f"{count} articles extracted in {time.perf_counter() - started:.1f} s")


@app.command()
def build(
    articles: ArticlesArg,
    outdir: Path = typer.Option(..., "--output", "-o", help="Build folder: outputs and cache."),
    formats: FormatsOption = None,
    model: ModelOption = actorgraph.DEFAULT_MODEL,
    min_confidence: MinConfidenceOption = 0.0,
    batch_size: BatchSizeOption = 32,
    store: StoreOption = True,
    view: str = typer.Option(
        "auto",
        help="Map: actors (events folded into edges), events, all, or auto: actors "
        "when events outnumber them.",
    ),
    max_nodes: int | None = typer.Option(
        None, min=1, help="Map: show the top N (default 300 actors, or 1,000 nodes in 'all')."
    ),
    rank: str = typer.Option("pagerank", help="Map: rank nodes by 'pagerank' or 'degree'."),
    focus: str | None = typer.Option(None, help="Map: show only the neighbourhood of this name."),
    depth: int = typer.Option(2, min=1, help="Map: hops around --focus."),
    min_support: int = typer.Option(1, min=1, help="Map: hide facts stated by fewer articles."),
    since: str | None = typer.Option(
        None, help="Only articles (and events) dated on or after this: 2021, 2021-03, 2021-03-04."
    ),
    until: str | None = typer.Option(None, help="Only those dated on or before this."),
    undated: bool = typer.Option(False, help="With --since/--until: keep undated articles too."),
    processes: int = typer.Option(
        0, "--processes", "-j", min=0, help="Worker processes (default 0: one per core)."
    ),
    dask: str | None = typer.Option(
        None, help="Extract on a Dask cluster: a scheduler address, or local:N workers."
    ),
    max_chars: MaxCharsOption = None,
    quiet: QuietOption = False,
) -> None:
    """Build the knowledge graph of the articles into OUTDIR, extracting only what changed.

    Writes the chosen formats (graph.ttl, graph.json and graph.html by default),
    extractions.jsonl, manifest.json and a SPARQL store (OUTDIR/store), each atomically.
    Run again on a grown or edited corpus, only new or changed articles are extracted
    (OUTDIR/.cache) and removed ones drop out: the result equals a fresh build.
    """
    started = time.perf_counter()
    map_options = dict(view=view, rank=rank, focus=focus, depth=depth, min_support=min_support)
    if max_nodes is not None:
        map_options["max_nodes"] = max_nodes
    with reading(quiet, "extracting") as (errors, progress):
        result = actorgraph.build_folder(
            articles,
            outdir,
            model=model,
            formats=formats or actorgraph.DEFAULT_FORMATS,
            min_confidence=min_confidence,
            batch_size=batch_size,
            store=store,
            map_options=map_options,
            processes=processes or None,
            dask=dask,
            max_chars=max_chars,
            since=since,
            until=until,
            undated=undated,
            on_error=errors,
            progress=progress,
        )
        for note in [] if quiet else result.map_notes:
            stderr.print(f"map: {shown(note)}")
        for article_id in result.duplicates:
            stderr.print(f"[yellow]duplicate[/] article id {shown(repr(article_id))}: kept one")
        if not quiet:
            seconds = time.perf_counter() - started
            stderr.print(display.build_summary(result, seconds, outdir))


@app.command()
def entities(
    outdir: BuildDirArg,
    explain: str | None = typer.Option(
        None, "--explain", "-e", help="Show which names were merged into NAME, and why."
    ),
    entity_type: str | None = typer.Option(
        None, "--type", "-t", help="Person, Organisation or Province."
    ),
    limit: int | None = typer.Option(
        None, "--limit", "-n", min=1, help="Show at most this many rows."
    ),
    as_json: JsonOutputOption = False,
) -> None:
    """List the graph's entities (name, type, aliases, articles), or explain one's merging."""
    with reported_errors():
        kg = actorgraph.open(outdir)
        if explain is None:
            rows = actorgraph.entities(kg, entity_type)
            if as_json:
                print_json([row.to_dict() for row in rows[:limit]])
            else:
                stdout.print(display.entities_table(cleaned(rows[:limit]), len(kg.nodes)))
            return
        explanations = actorgraph.explain(kg, explain, entity_type)
        if not explanations:
            raise ValueError(f"no entity named {explain!r} in {outdir}")
    if as_json:
        print_json([explanation.to_dict() for explanation in explanations])
    else:
        for explanation in explanations:
            stdout.print(*display.explanation(cleaned(explanation), limit), sep="\n")


@app.command()
def validate(
    file: Annotated[
        Path,
        typer.Argument(
            help="An RDF file (.ttl, .nt, .jsonld, .rdf) or a build folder.", show_default=False
        ),
    ],
    shapes: Annotated[
        Path | None, typer.Option("--shapes", help="Other SHACL shapes (default: actorgraph's).")
    ] = None,
    as_json: JsonOutputOption = False,
) -> None:
    """Check an exported graph against the SHACL shapes; exit code 1 when it does not conform."""
    with reported_errors():
        report = actorgraph.validate(file, shapes)
    if as_json:
        print_json(report.to_dict())
    elif report.conforms:
        stderr.print(f"[green]valid[/]: {shown(file)} conforms ({report.triples} triples)")
    else:
        found = cleaned(report.violations)
        stdout.print(*display.violations(found, printable(str(file))), sep="\n")
    if not report.conforms:
        raise typer.Exit(EXIT_ERROR)


@app.command()
def query(
    target: str = typer.Argument(
        ..., help="A build folder, or the URL of a SPARQL query endpoint."
    ),
    sparql: str = typer.Argument(
        ..., help="The SPARQL query (prefixes predeclared); '-' reads stdin."
    ),
    output_format: str = typer.Option("table", "--format", "-f", help="table, csv or json."),
    user: UserOption = None,
    password: PasswordOption = None,
    token: TokenOption = None,
    allow_service: bool = typer.Option(
        False, "--allow-service", help="Let SERVICE send requests to other SPARQL endpoints."
    ),
) -> None:
    """Run a SPARQL query on a build's store (or a remote endpoint) and print the result.

    SPARQL Update is refused; SERVICE (which sends requests to other servers) too, unless
    --allow-service.
    """
    if output_format not in ("table", "csv", "json"):
        raise fail(f"unknown --format {output_format!r} (known: table, csv, json)")
    text = sys.stdin.read() if sparql == "-" else sparql
    with reported_errors():
        result = actorgraph.query(
            target,
            text,
            credentials=actorgraph.Credentials(user, password, token),
            allow_service=allow_service,
        )
    display.print_query_result(result, output_format, stdout, stderr)


@app.command()
def push(
    source: Path = typer.Argument(..., help="A build folder, or a .ttl / .nt file."),
    endpoint: str = typer.Option(
        ...,
        help="Graph Store Protocol endpoint (e.g. http://localhost:7878/store), or the "
        "SPARQL Update endpoint with --protocol update.",
    ),
    graph: str | None = typer.Option(None, help="Named graph IRI (default: the default graph)."),
    protocol: str = typer.Option("gsp", help="gsp (Graph Store HTTP Protocol) or update."),
    replace: bool = typer.Option(
        True, "--replace/--append", help="Replace the graph, or add to it."
    ),
    user: UserOption = None,
    password: PasswordOption = None,
    token: TokenOption = None,
    timeout: float = typer.Option(120.0, min=1.0, help="Seconds per request."),
    quiet: QuietOption = False,
) -> None:
    """Load the graph into a SPARQL 1.1 store over HTTP (Graph Store Protocol or Update)."""
    started = time.perf_counter()
    with reported_errors():
        result = actorgraph.push(
            source,
            endpoint,
            graph=graph,
            replace=replace,
            protocol=protocol,
            credentials=actorgraph.Credentials(user, password, token),
            timeout=timeout,
        )
    if not quiet:
        stderr.print(display.push_summary(result, source, graph, time.perf_counter() - started))


@app.command()
def evaluate(
    benchmark: str = typer.Argument(..., help="gold, conll04, isaf, ucdp or geovirus."),
    path: Path = typer.Argument(
        ..., help="gold: the gold folder; conll04, isaf, ucdp, geovirus: the benchmark file."
    ),
    articles: Path | None = typer.Argument(
        None, help="gold only: the articles the gold files annotate."
    ),
    model: ModelOption = actorgraph.DEFAULT_MODEL,
    min_confidence: MinConfidenceOption = 0.0,
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
    show_errors: bool = typer.Option(False, help="List every miss and false alarm."),
    baseline: bool = typer.Option(False, help="Score the co-occurrence baseline instead."),
    records: Path | None = typer.Option(
        None, help="Score saved `actorgraph extract` output instead."
    ),
) -> None:
    """Score the extractors against gold: precision, recall and F1 per relation.

    gold: the project's gold files (with optional and `not` relations); conll04: Work_For
    scored as affiliatedWith; isaf: event province (ISO 3166-2), armed groups, event kind;
    ucdp, geovirus: event province per real-world report (shared/realworld/: UCDP GED
    headlines, CC BY 4.0; GeoVirus passages, GPL-3.0), per half (dev, held-out), with the
    first-province-name baseline in the JSON notes.
    """
    with reported_errors():
        report = actorgraph.evaluate(
            benchmark,  # type: ignore[arg-type]
            path,
            articles,
            model=model,
            min_confidence=min_confidence,
            baseline=baseline,
            records=records,
        )
    if as_json:
        typer.echo(json.dumps(report.to_dict(include_errors=show_errors), indent=2))
    else:
        report.render(stdout, show_errors=show_errors)


def main() -> None:
    # SIGTERM stops like Ctrl-C: every file is written atomically, so the previous build stays.
    signal.signal(signal.SIGTERM, _terminated)
    app()


def _terminated(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


if __name__ == "__main__":
    main()
