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
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from actorgraph.model import ArticleExtraction
from actorgraph.nlp.models import DEFAULT_MODEL
from actorgraph.reading import ArticleReadError, read_articles

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

stderr = Console(stderr=True)
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
    from actorgraph.export.formats import write_atomic

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

OUTPUT_FILES = ("turtle", "json")


@app.command()
def build(
    articles: ArticlesArg,
    outdir: Annotated[
        Path, typer.Option("--output", "-o", help="Folder for graph.ttl, graph.html, graph.json.")
    ],
    model: ModelOption = DEFAULT_MODEL,
    min_confidence: MinConfidenceOption = 0.0,
    batch_size: BatchSizeOption = 32,
    quiet: QuietOption = False,
) -> None:
    """Build the knowledge graph of the articles and write it to OUTDIR.

    Writes graph.ttl (RDF Turtle with provenance), graph.json (networkx node-link) and
    graph.html (the interactive relationship map), each atomically.
    """
    from actorgraph.export.formats import write_format
    from actorgraph.graph.knowledge_graph import KnowledgeGraph

    errors = ReadErrors()
    started = time.perf_counter()
    with reported_errors():
        extractions = run_extraction(
            articles,
            model=model,
            min_confidence=min_confidence,
            batch_size=batch_size,
            errors=errors,
            quiet=quiet,
        )
        kg = KnowledgeGraph.from_extractions(extractions)
        outdir.mkdir(parents=True, exist_ok=True)
        for name in OUTPUT_FILES:
            write_format(kg, name, outdir)
        kg.to_html(outdir / "graph.html")
    if not quiet:
        stats = kg.stats()
        stderr.print(
            f"{stats['articles']} articles, {stats['entities']} entities, "
            f"{stats['events']} events, "
            f"{stats['facts']} facts in {time.perf_counter() - started:.1f} s → {outdir}",
            highlight=False,
        )
    _finish(errors)


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
