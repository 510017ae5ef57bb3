"""The ``actorgraph`` command line: options in, one call to the public API, results out.

Exit codes: 0 success; 1 an error stopped the command (a one-line message says why);
2 wrong usage; 3 the outputs were written but some inputs could not be read.
Text that comes from articles or files (names, ids, paths) is printed escaped, never read
as console markup, and its control characters (terminal escapes, bidirectional overrides)
are shown as visible escapes (``\\x1b``), never sent to the terminal. The end of a run
lists every input that could not be read.
"""

from __future__ import annotations

import csv
import dataclasses
import json
import logging
import re
import signal
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape

import actorgraph
from actorgraph import display

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
    str,
    typer.Option(
        "--model", "-m", help="spaCy pipeline to load (e.g. en_core_web_md, en_core_web_trf)."
    ),
]
MinConfidenceOption = Annotated[
    float,
    typer.Option(
        "--min-confidence", min=0.0, max=1.0, help="Drop facts whose confidence is below this."
    ),
]
BatchSizeOption = Annotated[
    int, typer.Option("--batch-size", min=1, help="Articles per spaCy batch.")
]
QuietOption = Annotated[
    bool, typer.Option("--quiet", "-q", help="No progress bar and no summary line.")
]
FormatsOption = Annotated[
    list[str] | None,
    typer.Option(
        "--format",
        "-f",
        help="Output format, repeatable: turtle, ntriples, jsonld, json, graphml, gexf, csv, "
        "html (default: turtle, json and html).",
        show_default=False,
    ),
]
StoreOption = Annotated[
    bool,
    typer.Option("--store/--no-store", help="Keep an on-disk SPARQL store in OUTDIR/store."),
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
TokenOption = Annotated[
    str | None, typer.Option("--token", help="Bearer token.", envvar="ACTORGRAPH_TOKEN")
]
MaxCharsOption = Annotated[
    int | None,
    typer.Option(
        "--max-chars",
        min=1,
        help="Cut texts longer than this into pieces parsed one by one (default 100,000; "
        "never more than the model's own limit).",
        show_default=False,
    ),
]

# -- text from articles and files, made safe to print ---------------------------------------

#: C1 controls, DEL and the bidirectional formatting characters (RTL overrides and the like).
_HIGH_CONTROLS = "\\x7f-\\x9f\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069"
_CONTROLS = re.compile(f"[\\x00-\\x1f{_HIGH_CONTROLS}]")  # and every C0 control
_CELL_CONTROLS = re.compile(f"[\\x00-\\x08\\x0b-\\x1f{_HIGH_CONTROLS}]")  # keeps tab, newline
_JSON_UNSAFE = re.compile(f"[{_HIGH_CONTROLS}]")  # JSON escapes the C0 ones itself


def printable(text: str, *, keep_lines: bool = False) -> str:
    """``text`` with its control characters written as visible escapes (one line, unless
    ``keep_lines``).

    >>> printable("a\\x1b[31mb\\u202ec")
    'a\\\\x1b[31mb\\\\u202ec'
    """
    pattern = _CELL_CONTROLS if keep_lines else _CONTROLS
    return pattern.sub(_visible_escape, text)


def _visible_escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def shown(value: object) -> str:
    """A value from an article or a file, for a console line: no markup, no controls."""
    return escape(printable(str(value)))


def cleaned(value: Any) -> Any:
    """A result (row, node, explanation) with control characters escaped in its strings."""
    if isinstance(value, str):
        return printable(value, keep_lines=True)
    if isinstance(value, tuple | list | set | frozenset):
        return type(value)(cleaned(item) for item in value)
    if isinstance(value, dict):
        return {key: cleaned(item) for key, item in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: cleaned(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return dataclasses.replace(value, **changes)
    return value


def json_text(value: Any, **options: Any) -> str:
    """JSON for a terminal: the same value, with C1 controls and bidirectional overrides
    written as ``\\u`` escapes (JSON already escapes the C0 ones)."""
    text = json.dumps(value, ensure_ascii=False, **options)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


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
def reading_notes(quiet: bool) -> Iterator[None]:
    """Show what the readers note (an encoding other than UTF-8, replaced bytes) on stderr."""
    handler = _NoteHandler()
    reading = logging.getLogger("actorgraph.reading")
    if not quiet:
        reading.addHandler(handler)
        reading.setLevel(logging.INFO)
    try:
        yield
    finally:
        reading.removeHandler(handler)


class _NoteHandler(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        stderr.print(f"[dim]note:[/] {shown(record.getMessage())}")


class ReadErrors:
    """Collects unreadable inputs, warning about each as it happens."""

    def __init__(self) -> None:
        self.errors: list[actorgraph.ArticleReadError] = []

    def __call__(self, error: actorgraph.ArticleReadError) -> None:
        self.errors.append(error)
        stderr.print(f"[yellow]skipped[/] {shown(error)}")

    def finish(self) -> None:
        """List every input that could not be read, and exit 3 if there was any."""
        if self.errors:
            stderr.print(f"[yellow]{len(self.errors)} input(s) could not be read:[/]")
            for error in self.errors:
                stderr.print(f"  {shown(error)}")
            raise typer.Exit(EXIT_PARTIAL)


# -- extract --------------------------------------------------------------------------------


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
    errors = ReadErrors()
    started = time.perf_counter()
    count = 0
    with (
        reported_errors(),
        reading_notes(quiet),
        display.progress_bar(stderr, quiet, "extracting") as progress,
    ):
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
    errors.finish()


# -- build ----------------------------------------------------------------------------------


@app.command()
def build(
    articles: ArticlesArg,
    outdir: Path = typer.Option(
        ..., "--output", "-o", help="Build folder: outputs, store and cache."
    ),
    formats: FormatsOption = None,
    model: ModelOption = actorgraph.DEFAULT_MODEL,
    min_confidence: MinConfidenceOption = 0.0,
    batch_size: BatchSizeOption = 32,
    store: StoreOption = True,
    max_nodes: int = typer.Option(
        1000, min=1, help="Map: above this many nodes, show the top ones."
    ),
    rank: str = typer.Option("pagerank", help="Map: rank nodes by 'pagerank' or 'degree'."),
    focus: str | None = typer.Option(None, help="Map: show only the neighbourhood of this name."),
    depth: int = typer.Option(2, min=1, help="Map: hops around --focus."),
    min_support: int = typer.Option(1, min=1, help="Map: hide facts stated by fewer articles."),
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
    errors = ReadErrors()
    started = time.perf_counter()
    map_options = {
        "max_nodes": max_nodes,
        "rank": rank,
        "focus": focus,
        "depth": depth,
        "min_support": min_support,
    }
    with (
        reported_errors(),
        reading_notes(quiet),
        display.progress_bar(stderr, quiet, "extracting") as progress,
    ):
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
            on_error=errors,
            progress=progress,
        )
    if not quiet:
        for note in result.map_notes:
            stderr.print(f"map: {shown(note)}")
    for article_id in result.duplicates:
        stderr.print(f"[yellow]duplicate[/] article id {shown(repr(article_id))}: kept one")
    if not quiet:
        stats = result.graph.stats()
        stderr.print(
            f"{stats['articles']} articles ({display.rates(result.extraction)}; {result.reused} "
            f"cached), {stats['entities']} entities, {stats['events']} events, "
            f"{stats['facts']} facts, {result.triples} triples "
            f"in {time.perf_counter() - started:.1f} s → {shown(outdir)}"
        )
    errors.finish()


# -- entities -------------------------------------------------------------------------------


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


def print_json(value: Any) -> None:
    typer.echo(json_text(value, indent=1))


# -- validate -------------------------------------------------------------------------------


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
        print_json(
            {
                "conforms": report.conforms,
                "triples": report.triples,
                "violations": [v.to_dict() for v in report.violations],
            }
        )
    elif report.conforms:
        stderr.print(f"[green]valid[/]: {shown(file)} conforms ({report.triples} triples)")
    else:
        found = cleaned(report.violations)
        stdout.print(*display.violations(found, printable(str(file))), sep="\n")
    if not report.conforms:
        raise typer.Exit(EXIT_ERROR)


# -- query and push -------------------------------------------------------------------------


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
    if result.kind == "graph":
        sys.stdout.write(_JSON_UNSAFE.sub(_visible_escape, (result.graph or b"").decode("utf-8")))
    elif result.kind == "ask":
        typer.echo(json.dumps(result.boolean) if output_format != "table" else str(result.boolean))
    elif output_format == "json":
        print_json(result.rows)
    elif output_format == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=result.variables, lineterminator="\n")
        writer.writeheader()
        writer.writerows(cleaned(result.rows) if sys.stdout.isatty() else result.rows)
    else:
        stdout.print(display.result_table(cleaned(result)))
        stderr.print(f"{len(result.rows)} row(s)")


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
        where = f"graph {graph}" if graph else "default graph"
        stderr.print(
            f"pushed {shown(source)} to {shown(actorgraph.redact_url(result.url))} "
            f"({shown(where)}, "
            f"{result.protocol}, {result.requests} request(s), HTTP {result.status}) "
            f"in {time.perf_counter() - started:.1f} s"
        )


# -- evaluate -------------------------------------------------------------------------------


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
