"""The ``actorgraph`` command line: a thin shell over the library's functions.

Exit codes: 0 success; 1 an error stopped the command (a one-line message says why);
2 wrong usage; 3 the outputs were written but some inputs could not be read.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from actorgraph.model import ArticleExtraction
from actorgraph.nlp.models import DEFAULT_MODEL
from actorgraph.reading import ArticleReadError, read_articles

if TYPE_CHECKING:
    import pyoxigraph

    from actorgraph.graph.audit import EntityRow
    from actorgraph.graph.shacl import Violation
    from actorgraph.knowledge_graph import KnowledgeGraph
    from actorgraph.model.graph import Node
    from actorgraph.store.oxigraph import QueryResult

app = typer.Typer(
    help="Build a sourced knowledge graph of armed-conflict actors from news articles.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
evaluate_app = typer.Typer(
    help="Score the extractors against gold annotations and benchmarks.", no_args_is_help=True
)
app.add_typer(evaluate_app, name="evaluate")

stderr = Console(stderr=True, soft_wrap=True)
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


class CommandError(Exception):
    """An error the CLI reports as one line and exit code 1."""


def fail(message: str) -> typer.Exit:
    stderr.print(f"[bold red]error:[/] {message}", highlight=False)
    return typer.Exit(EXIT_ERROR)


@contextmanager
def reported_errors() -> Iterator[None]:
    """Turn the library's exceptions into one-line messages and exit code 1."""
    from actorgraph.nlp.pipeline import ModelNotFoundError

    try:
        yield
    except (CommandError, ModelNotFoundError, ValueError, OSError) as error:
        raise fail(str(error)) from None


class ReadErrors:
    """Collects unreadable inputs, warning about each as it happens."""

    def __init__(self) -> None:
        self.errors: list[ArticleReadError] = []

    def __call__(self, error: ArticleReadError) -> None:
        self.errors.append(error)
        stderr.print(f"[yellow]skipped[/] {error}", highlight=False)


def _progress(quiet: bool) -> Progress:
    return Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=stderr,
        disable=quiet or not stderr.is_terminal,
        transient=True,
    )


def run_extraction(
    paths: list[Path],
    *,
    model: str,
    min_confidence: float,
    batch_size: int,
    errors: ReadErrors,
    quiet: bool,
) -> Iterator[ArticleExtraction]:
    """Read and extract every article, with a progress bar on stderr."""
    from actorgraph.api import pipeline
    from actorgraph.extract.article import extract_articles

    articles = list(read_articles(paths, on_error=errors))
    if not articles:
        raise CommandError("no readable articles in the given paths")
    nlp = pipeline(model)
    with _progress(quiet) as progress:
        task = progress.add_task("extracting", total=len(articles))
        for extraction in extract_articles(
            articles, nlp, batch_size=batch_size, min_confidence=min_confidence
        ):
            progress.advance(task)
            yield extraction


def _finish(errors: ReadErrors) -> None:
    if errors.errors:
        stderr.print(f"{len(errors.errors)} input(s) could not be read (see above)")
        raise typer.Exit(EXIT_PARTIAL)


# -- extract ----------------------------------------------------------------------------


@app.command()
def extract(
    articles: ArticlesArg,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write the JSON Lines here instead of stdout."),
    ] = None,
    model: ModelOption = DEFAULT_MODEL,
    min_confidence: MinConfidenceOption = 0.0,
    batch_size: BatchSizeOption = 32,
    quiet: QuietOption = False,
) -> None:
    """Write what each article states — entities, events, relations with evidence — as JSON Lines.

    One JSON object per article, in the format of the extraction contract
    (shared/spec/relations.md, "Extraction output"), before any cross-article merging.
    """
    from actorgraph.files import write_atomic

    errors = ReadErrors()
    started = time.perf_counter()
    with reported_errors():
        records = run_extraction(
            articles,
            model=model,
            min_confidence=min_confidence,
            batch_size=batch_size,
            errors=errors,
            quiet=quiet,
        )
        lines = (json.dumps(e.to_record(), ensure_ascii=False) + "\n" for e in records)
        if output is None:
            count = _write_lines(lines, sys.stdout)
        else:
            text = "".join(lines)
            count = text.count("\n")
            write_atomic(output, text)
    if not quiet:
        stderr.print(f"{count} articles extracted in {time.perf_counter() - started:.1f} s")
    _finish(errors)


def _write_lines(lines: Iterable[str], stream) -> int:
    count = 0
    for line in lines:
        stream.write(line)
        count += 1
    stream.flush()
    return count


# -- build ------------------------------------------------------------------------------


@app.command()
def build(
    articles: ArticlesArg,
    outdir: Annotated[
        Path, typer.Option("--output", "-o", help="Build folder: outputs, store and cache.")
    ],
    formats: FormatsOption = None,
    model: ModelOption = DEFAULT_MODEL,
    min_confidence: MinConfidenceOption = 0.0,
    batch_size: BatchSizeOption = 32,
    store: StoreOption = True,
    max_nodes: Annotated[
        int,
        typer.Option(
            "--max-nodes", min=1, help="Map: above this many nodes, show only the top ones."
        ),
    ] = 1000,
    rank: Annotated[
        str, typer.Option("--rank", help="Map: rank nodes by 'pagerank' or 'degree'.")
    ] = "pagerank",
    focus: Annotated[
        str | None,
        typer.Option("--focus", help="Map: show only the neighbourhood of this name."),
    ] = None,
    depth: Annotated[int, typer.Option("--depth", min=1, help="Map: hops around --focus.")] = 2,
    min_support: Annotated[
        int,
        typer.Option("--min-support", min=1, help="Map: hide facts stated by fewer articles."),
    ] = 1,
    quiet: QuietOption = False,
) -> None:
    """Build the knowledge graph of the articles into OUTDIR, extracting only what changed.

    Writes the chosen formats (graph.ttl, graph.json and graph.html by default),
    extractions.jsonl, manifest.json and a SPARQL store (OUTDIR/store), each atomically.

    Run again on a grown or edited corpus, only new or changed articles are extracted
    (OUTDIR/.cache) and removed ones drop out: the result equals a fresh build.
    """
    from actorgraph.api import pipeline
    from actorgraph.buildfolder.folder import build_folder as build_outdir
    from actorgraph.export.formats import DEFAULT_FORMATS, get_format
    from actorgraph.knowledge_graph import KnowledgeGraph

    errors = ReadErrors()
    started = time.perf_counter()
    with reported_errors():
        chosen = [get_format(name).name for name in (formats or DEFAULT_FORMATS)]
        map_options = {
            "max_nodes": max_nodes,
            "rank": rank,
            "focus": focus,
            "depth": depth,
            "min_support": min_support,
        }
        found = list(read_articles(articles, on_error=errors))
        if not found:
            raise CommandError("no readable articles in the given paths")
        nlp = pipeline(model)
        with _progress(quiet) as progress:
            task = progress.add_task("extracting", total=None)
            result = build_outdir(
                found,
                outdir,
                nlp=nlp,
                formats=chosen,
                min_confidence=min_confidence,
                graph_type=KnowledgeGraph,
                batch_size=batch_size,
                store=store,
                progress=lambda done, total: progress.update(task, completed=done, total=total),
                map_options=map_options,
            )
        if "html" in chosen and not quiet:
            _report_map_view(result.graph, map_options)
    for article_id in result.duplicates:
        stderr.print(f"[yellow]duplicate[/] article id {article_id!r}: kept one", highlight=False)
    if not quiet:
        stats = result.graph.stats()
        stderr.print(
            f"{stats['articles']} articles ({result.extracted} extracted, {result.reused} "
            f"cached), {stats['entities']} entities, {stats['events']} events, "
            f"{stats['facts']} facts, {result.triples} triples "
            f"in {time.perf_counter() - started:.1f} s → {outdir}",
            highlight=False,
        )
    _finish(errors)


def _report_map_view(kg: KnowledgeGraph, map_options: dict) -> None:
    """Say how the map's view was reduced, if it was: "showing the 1,000 highest-PageRank..."."""
    from actorgraph.maps import reduce_view

    _, notes = reduce_view(kg, **map_options)
    for note in notes:
        stderr.print(f"map: {note}", highlight=False)


# -- entities -------------------------------------------------------------------------------


@app.command()
def entities(
    outdir: BuildDirArg,
    explain: Annotated[
        str | None,
        typer.Option(
            "--explain", "-e", help="Show which names and articles were merged into NAME, and why."
        ),
    ] = None,
    entity_type: Annotated[
        str | None, typer.Option("--type", "-t", help="Only Person, Organisation or Province.")
    ] = None,
    limit: Annotated[
        int | None, typer.Option("--limit", "-n", min=1, help="Show at most this many rows.")
    ] = None,
    as_json: JsonOutputOption = False,
) -> None:
    """List the graph's entities (name, type, aliases, articles), or explain one's merging."""
    from actorgraph.knowledge_graph import KnowledgeGraph
    open_build = KnowledgeGraph.open
    from actorgraph.graph.audit import entity_rows, matching_nodes, parse_type

    with reported_errors():
        wanted_type = parse_type(entity_type)
        kg = open_build(outdir)
        if explain is None:
            rows = entity_rows(kg, wanted_type)[:limit]
            if as_json:
                typer.echo(
                    json.dumps([row.to_dict() for row in rows], ensure_ascii=False, indent=1)
                )
            else:
                _print_entities(rows, len(kg.nodes))
            return
        nodes = matching_nodes(kg, explain, wanted_type)
        if not nodes:
            raise CommandError(f"no entity named {explain!r} in {outdir}")
        if as_json:
            typer.echo(
                json.dumps([_explanation(node) for node in nodes], ensure_ascii=False, indent=1)
            )
        else:
            for node in nodes:
                _print_explanation(node, limit)


def _print_entities(rows: list[EntityRow], total: int) -> None:
    from rich.table import Table

    table = Table(title=f"{len(rows)} of {total} entities", title_justify="left")
    for column in ("name", "type", "articles", "aliases", "id"):
        table.add_column(
            column, justify="right" if column == "articles" else "left", overflow="fold"
        )
    for row in rows:
        aliases = ", ".join(row.aliases[:6]) + (" …" if len(row.aliases) > 6 else "")
        table.add_row(row.name, row.type, str(row.articles), aliases, row.id)
    Console().print(table)


def _explanation(node: Node) -> dict:
    from actorgraph.graph.audit import explanation_rows

    return {
        "id": node.id,
        "name": node.name,
        "type": node.type.value,
        "aliases": sorted(node.aliases),
        "articles": sorted(node.articles),
        "merged": [row.to_dict() for row in explanation_rows(node)],
    }


def _print_explanation(node: Node, limit: int | None) -> None:
    from rich.table import Table

    from actorgraph.graph.audit import explanation_rows
    from actorgraph.graph.merge import RULES

    rows = explanation_rows(node)
    console = Console()
    console.print(
        f"[bold]{node.name}[/] — {node.type.value} {node.id}, {len(node.articles)} article(s), "
        f"{len(rows)} merge reason(s)",
        highlight=False,
    )
    table = Table(show_edge=False)
    for column in ("surface form", "rule", "key", "articles"):
        table.add_column(column)
    for row in rows[:limit]:
        shown = ", ".join(row.articles[:3]) + (
            f" +{len(row.articles) - 3}" if len(row.articles) > 3 else ""
        )
        table.add_row(row.surface, row.rule, row.key, f"{len(row.articles)}: {shown}")
    console.print(table)
    for rule in sorted({row.rule for row in rows}):
        console.print(f"  [dim]{rule}: {RULES.get(rule, rule)}[/]", highlight=False)


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
    from actorgraph.graph.shacl import validate_file

    with reported_errors():
        report = validate_file(file, shapes)
    if as_json:
        typer.echo(
            json.dumps(
                {
                    "conforms": report.conforms,
                    "triples": report.triples,
                    "violations": [v.to_dict() for v in report.violations],
                },
                ensure_ascii=False,
                indent=1,
            )
        )
    elif report.conforms:
        stderr.print(
            f"[green]valid[/]: {file} conforms ({report.triples} triples)", highlight=False
        )
    else:
        _print_violations(report.violations, file)
    if not report.conforms:
        raise typer.Exit(EXIT_ERROR)


def _print_violations(violations: list[Violation], file: Path) -> None:
    """One line per violation: focus node, property path, message and offending value."""
    console = Console(soft_wrap=True)
    console.print(f"[bold red]invalid[/]: {file}: {len(violations)} violation(s)", highlight=False)
    for violation in violations:
        where = f" [cyan]{violation.path}[/]" if violation.path else ""
        value = f" [dim](value {violation.value})[/]" if violation.value else ""
        console.print(f"  {violation.focus}{where}: {violation.message}{value}", highlight=False)


# -- query and push -------------------------------------------------------------------------


@app.command()
def query(
    target: Annotated[
        str,
        typer.Argument(
            help="A build folder, or the http(s) URL of a SPARQL query endpoint.",
            show_default=False,
        ),
    ],
    sparql: Annotated[
        str,
        typer.Argument(
            help="The SPARQL query (common prefixes predeclared); '-' reads it from stdin.",
            show_default=False,
        ),
    ],
    output_format: Annotated[
        str, typer.Option("--format", "-f", help="table, csv or json.")
    ] = "table",
    user: UserOption = None,
    password: PasswordOption = None,
    token: TokenOption = None,
) -> None:
    """Run a SPARQL query on a build's store (or a remote endpoint) and print the result."""
    from actorgraph.store.oxigraph import run_query
    from actorgraph.store.remote import Credentials, query_endpoint

    if output_format not in ("table", "csv", "json"):
        raise fail(f"unknown --format {output_format!r} (known: table, csv, json)")
    text = sys.stdin.read() if sparql == "-" else sparql
    with reported_errors():
        if target.startswith(("http://", "https://")):
            result = query_endpoint(target, text, credentials=Credentials(user, password, token))
        else:
            result = run_query(build_store(Path(target)), text)
    _print_result(result, output_format)


def build_store(outdir: Path) -> pyoxigraph.Store:
    """A build folder's on-disk store; for a build made --no-store, one made in memory."""
    from actorgraph.buildfolder.folder import EXTRACTIONS_FILE
    from actorgraph.knowledge_graph import KnowledgeGraph
    open_build = KnowledgeGraph.open
    from actorgraph.store.oxigraph import StoreNotFoundError, open_store

    try:
        return open_store(outdir)
    except StoreNotFoundError:
        if not (outdir / EXTRACTIONS_FILE).is_file():
            raise
        return open_build(outdir).store()


def _print_result(result: QueryResult, output_format: str) -> None:
    import csv

    from rich.table import Table

    if result.kind == "graph":
        sys.stdout.write((result.graph or b"").decode("utf-8"))
        return
    if result.kind == "ask":
        typer.echo(json.dumps(result.boolean) if output_format != "table" else str(result.boolean))
        return
    if output_format == "json":
        typer.echo(json.dumps(result.rows, ensure_ascii=False, indent=1))
    elif output_format == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=result.variables, lineterminator="\n")
        writer.writeheader()
        writer.writerows(result.rows)
    else:
        table = Table()
        for variable in result.variables:
            table.add_column(variable, overflow="fold")
        for row in result.rows:
            table.add_row(*("" if row[v] is None else str(row[v]) for v in result.variables))
        Console().print(table)
        stderr.print(f"{len(result.rows)} row(s)")


@app.command()
def push(
    source: Annotated[
        Path,
        typer.Argument(help="A build folder, or a .ttl / .nt file.", show_default=False),
    ],
    endpoint: Annotated[
        str,
        typer.Option(
            "--endpoint",
            help="Graph Store Protocol endpoint (e.g. http://localhost:7878/store), or the "
            "SPARQL Update endpoint with --protocol update.",
            show_default=False,
        ),
    ],
    graph: Annotated[
        str | None, typer.Option("--graph", help="Named graph IRI (default: the default graph).")
    ] = None,
    protocol: Annotated[
        str, typer.Option("--protocol", help="gsp (Graph Store HTTP Protocol) or update.")
    ] = "gsp",
    replace: Annotated[
        bool, typer.Option("--replace/--append", help="Replace the graph, or add to it.")
    ] = True,
    user: UserOption = None,
    password: PasswordOption = None,
    token: TokenOption = None,
    timeout: Annotated[
        float, typer.Option("--timeout", min=1.0, help="Seconds per request.")
    ] = 120.0,
    quiet: QuietOption = False,
) -> None:
    """Load the graph into a SPARQL 1.1 store over HTTP (Graph Store Protocol or Update)."""
    from actorgraph.store.remote import Credentials, push_build

    started = time.perf_counter()
    with reported_errors():
        result = push_build(
            source,
            endpoint,
            graph=graph,
            replace=replace,
            protocol=protocol,
            credentials=Credentials(user, password, token),
            timeout=timeout,
        )
    if not quiet:
        stderr.print(
            f"pushed {source} to {endpoint} ({'graph ' + graph if graph else 'default graph'}, "
            f"{result.protocol}, {result.requests} request(s), HTTP {result.status}) "
            f"in {time.perf_counter() - started:.1f} s",
            highlight=False,
        )


# -- evaluate ---------------------------------------------------------------------------

JsonOption = Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")]
ShowErrorsOption = Annotated[
    bool, typer.Option("--show-errors", help="List every miss and false alarm with its sentence.")
]
BaselineOption = Annotated[
    bool,
    typer.Option("--baseline", help="Score the sentence co-occurrence baseline instead."),
]
RecordsOption = Annotated[
    Path | None,
    typer.Option(
        "--records", help="Score these `actorgraph extract` JSON Lines instead of extracting."
    ),
]


def evaluation_records(
    paths: list[Path], *, model: str, baseline: bool, records: Path | None, min_confidence: float
) -> list[dict]:
    """Extraction records for scoring: read from a file, or extracted now (or the baseline)."""
    from actorgraph.evaluate.gold import load_records

    if records is not None:
        return load_records(records)
    if baseline:
        from actorgraph.api import pipeline
        from actorgraph.evaluate.baseline import cooccurrence_record

        articles = list(read_articles(paths))
        docs = pipeline(model).pipe(article.text for article in articles)
        return [cooccurrence_record(a.id, doc) for a, doc in zip(articles, docs, strict=True)]
    from actorgraph.api import extract as extract_articles

    return [
        e.to_record() for e in extract_articles(paths, model=model, min_confidence=min_confidence)
    ]


def _show(report, as_json: bool, show_errors: bool) -> None:
    if as_json:
        typer.echo(json.dumps(report.to_dict(include_errors=show_errors), indent=2))
    else:
        report.render(Console(), show_errors=show_errors)


@evaluate_app.command("gold")
def evaluate_gold(
    gold_dir: Annotated[Path, typer.Argument(help="Folder of gold JSON files (spec format).")],
    articles_dir: Annotated[Path, typer.Argument(help="Folder of the articles they annotate.")],
    model: ModelOption = DEFAULT_MODEL,
    min_confidence: MinConfidenceOption = 0.0,
    as_json: JsonOption = False,
    show_errors: ShowErrorsOption = False,
    baseline: BaselineOption = False,
    records: RecordsOption = None,
) -> None:
    """Precision, recall and F1 per relation against gold files (optional and `not` relations)."""
    from actorgraph.evaluate import score_gold

    with reported_errors():
        found = evaluation_records(
            [articles_dir],
            model=model,
            baseline=baseline,
            records=records,
            min_confidence=min_confidence,
        )
        _show(score_gold(gold_dir, found), as_json, show_errors)


@evaluate_app.command("conll04")
def evaluate_conll04(
    file: Annotated[Path, typer.Argument(help="A CoNLL04 JSON Lines file (e.g. dev.jsonl).")],
    model: ModelOption = DEFAULT_MODEL,
    min_confidence: MinConfidenceOption = 0.0,
    as_json: JsonOption = False,
    show_errors: ShowErrorsOption = False,
    baseline: BaselineOption = False,
    records: RecordsOption = None,
) -> None:
    """CoNLL04 Work_For scored as affiliatedWith."""
    from actorgraph.evaluate import score_conll04

    with reported_errors():
        found = evaluation_records(
            [file], model=model, baseline=baseline, records=records, min_confidence=min_confidence
        )
        _show(score_conll04(file, found), as_json, show_errors)


@evaluate_app.command("isaf")
def evaluate_isaf(
    file: Annotated[Path, typer.Argument(help="The ISAF press releases JSON Lines file.")],
    model: ModelOption = DEFAULT_MODEL,
    min_confidence: MinConfidenceOption = 0.0,
    as_json: JsonOption = False,
    show_errors: ShowErrorsOption = False,
    baseline: BaselineOption = False,
    records: RecordsOption = None,
) -> None:
    """ISAF releases: event province (ISO 3166-2), armed groups involved, event kind."""
    from actorgraph.evaluate import score_isaf

    with reported_errors():
        found = evaluation_records(
            [file], model=model, baseline=baseline, records=records, min_confidence=min_confidence
        )
        _show(score_isaf(file, found), as_json, show_errors)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
