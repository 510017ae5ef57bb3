"""Rich renderings of the API's results, for terminals and notebooks alike.

Every string that comes from articles or files is escaped, so a name such as
``[bold red]`` is shown as written and never restyles the console, and its control
characters (terminal escapes, bidirectional overrides) are shown as visible escapes
(``\\x1b``), never sent to the terminal.

>>> from rich.console import Console
>>> console = Console(width=60, color_system=None)
>>> console.print(entities_table([], 0))  # doctest: +NORMALIZE_WHITESPACE
0 of 0 entities
┏━━━━━━┳━━━━━━┳━━━━━━━━━━┳━━━━━━━━━┳━━━━┓
┃ name ┃ type ┃ articles ┃ aliases ┃ id ┃
┡━━━━━━╇━━━━━━╇━━━━━━━━━━╇━━━━━━━━━╇━━━━┩
└──────┴──────┴──────────┴─────────┴────┘
"""

from __future__ import annotations

import csv
import dataclasses
import json
import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from actorgraph.api import (
    ArticleReadError,
    BuildResult,
    EntityRow,
    Explanation,
    ExtractionProgress,
    PushResult,
    QueryResult,
)
from actorgraph.graph.shacl import Violation
from actorgraph.store.remote import redact_url

__all__ = [
    "ReadErrors",
    "build_summary",
    "cleaned",
    "entities_table",
    "explanation",
    "json_text",
    "print_query_result",
    "printable",
    "progress_bar",
    "push_summary",
    "rates",
    "reading_notes",
    "result_table",
    "shown",
    "terminal_text",
    "violations",
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
    """A value from an article or a file, for a console line: no markup, no controls.

    >>> shown("[bold red]x\\x07")
    '\\\\[bold red]x\\\\x07'
    """
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
    written as ``\\u`` escapes (JSON already escapes the C0 ones).

    >>> json_text({"name": "a\\u202eb"})
    '{"name": "a\\\\u202eb"}'
    """
    text = json.dumps(value, ensure_ascii=False, **options)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def terminal_text(text: str) -> str:
    """Serialised RDF or other text for a terminal: bidirectional overrides and C1 controls
    escaped, lines kept."""
    return _JSON_UNSAFE.sub(_visible_escape, text)


# -- what happens while reading -------------------------------------------------------------


class ReadErrors:
    """Collects unreadable inputs, warning about each on ``console`` as it happens."""

    def __init__(self, console: Console) -> None:
        self.console = console
        self.errors: list[ArticleReadError] = []

    def __call__(self, error: ArticleReadError) -> None:
        self.errors.append(error)
        self.console.print(f"[yellow]skipped[/] {shown(error)}")

    def summary(self) -> bool:
        """List every input that could not be read; true if there was any."""
        if self.errors:
            self.console.print(f"[yellow]{len(self.errors)} input(s) could not be read:[/]")
            for error in self.errors:
                self.console.print(f"  {shown(error)}")
        return bool(self.errors)


@contextmanager
def reading_notes(console: Console, quiet: bool) -> Iterator[None]:
    """Show what the readers note (an encoding other than UTF-8, replaced bytes)."""
    handler = _NoteHandler(console)
    reading = logging.getLogger("actorgraph.reading")
    if not quiet:
        reading.addHandler(handler)
        reading.setLevel(logging.INFO)
    try:
        yield
    finally:
        reading.removeHandler(handler)


class _NoteHandler(logging.Handler):
    def __init__(self, console: Console) -> None:
        super().__init__()
        self.console = console

    def emit(self, record: logging.LogRecord) -> None:
        self.console.print(f"[dim]note:[/] {shown(record.getMessage())}")


# -- results ---------------------------------------------------------------------------------


def entities_table(rows: list[EntityRow], total: int) -> Table:
    """The entity list: name, type, articles, aliases (the first six) and id."""
    table = Table(title=f"{len(rows)} of {total} entities", title_justify="left")
    for column in ("name", "type", "articles", "aliases", "id"):
        table.add_column(
            column, justify="right" if column == "articles" else "left", overflow="fold"
        )
    for row in rows:
        aliases = ", ".join(row.aliases[:6]) + (" …" if len(row.aliases) > 6 else "")
        table.add_row(*map(Text, (row.name, row.type, str(row.articles), aliases, row.id)))
    return table


def explanation(item: Explanation, limit: int | None = None) -> list[Text | Table | str]:
    """A node's heading, its merge reasons (at most ``limit`` rows) and what each rule means."""
    node, rows = item.node, item.rows
    heading = (
        f"[bold]{escape(node.name)}[/] — {node.type.value} {escape(node.id)}, "
        f"{len(node.articles)} article(s), {len(rows)} merge reason(s)"
    )
    table = Table(show_edge=False)
    for column in ("surface form", "rule", "key", "articles"):
        table.add_column(column)
    for row in rows[:limit]:
        shown = ", ".join(row.articles[:3]) + (
            f" +{len(row.articles) - 3}" if len(row.articles) > 3 else ""
        )
        cells = (row.surface, row.rule, row.key, f"{len(row.articles)}: {shown}")
        table.add_row(*map(Text, cells))
    meanings = [
        f"  [dim]{escape(rule)}: {escape(meaning)}[/]"
        for rule, meaning in sorted({(row.rule, row.meaning) for row in rows})
    ]
    return [heading, table, *meanings]


def violations(found: list[Violation], source: str) -> list[str]:
    """One line per SHACL violation: focus node, property path, message and offending value."""
    lines = [f"[bold red]invalid[/]: {escape(source)}: {len(found)} violation(s)"]
    for violation in found:
        where = f" [cyan]{escape(violation.path)}[/]" if violation.path else ""
        value = f" [dim](value {escape(violation.value)})[/]" if violation.value else ""
        lines.append(f"  {escape(violation.focus)}{where}: {escape(violation.message)}{value}")
    return lines


def result_table(result: QueryResult) -> Table:
    """The rows of a SELECT result as a table (unbound values empty)."""
    table = Table()
    for variable in result.variables:
        table.add_column(Text(variable), overflow="fold")
    for row in result.rows:
        table.add_row(*(Text("" if row[v] is None else str(row[v])) for v in result.variables))
    return table


@contextmanager
def progress_bar(console: Console, quiet: bool, description: str) -> Iterator[Any]:
    """A progress callback drawing articles/s, words/s and an ETA on stderr (a terminal)."""
    bar = Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rates]}"),
        TimeElapsedColumn(),
        console=console,
        disable=quiet or not console.is_terminal,
        transient=True,
    )

    def update(status: ExtractionProgress) -> None:
        eta = f", ETA {status.eta:.0f} s" if status.eta is not None else ""
        rates = f"{status.articles_per_second:.1f} art/s, {status.words_per_second:,.0f} w/s{eta}"
        bar.update(task, completed=status.done, total=status.total, rates=rates)

    with bar:
        task = bar.add_task(description, total=None, rates="")
        yield update


def build_summary(result: BuildResult, seconds: float, outdir: object) -> str:
    """The last line of a build: what went in, what came out, how long it took."""
    stats = result.graph.stats()
    return (
        f"{stats['articles']} articles ({rates(result.extraction)}; {result.reused} "
        f"cached), {stats['entities']} entities, {stats['events']} events, "
        f"{stats['facts']} facts, {result.triples} triples in {seconds:.1f} s → {shown(outdir)}"
    )


def print_query_result(
    result: QueryResult, output_format: str, stdout: Console, stderr: Console
) -> None:
    """A query's answer on ``stdout`` as a table, CSV or JSON (a graph as its serialisation),
    the row count of a table on ``stderr``."""
    out = stdout.file
    if result.kind == "graph":
        out.write(terminal_text((result.graph or b"").decode("utf-8")))
    elif result.kind == "ask":
        out.write(
            (json.dumps(result.boolean) if output_format != "table" else str(result.boolean)) + "\n"
        )
    elif output_format == "json":
        out.write(json_text(result.rows, indent=1) + "\n")
    elif output_format == "csv":
        writer = csv.DictWriter(out, fieldnames=result.variables, lineterminator="\n")
        writer.writeheader()
        writer.writerows(cleaned(result.rows) if stdout.is_terminal else result.rows)
    else:
        stdout.print(result_table(cleaned(result)))
        stderr.print(f"{len(result.rows)} row(s)")


def push_summary(result: PushResult, source: object, graph: str | None, seconds: float) -> str:
    """The line that says where a push went (credentials redacted) and how it went."""
    where = f"graph {graph}" if graph else "default graph"
    return (
        f"pushed {shown(source)} to {shown(redact_url(result.url))} ({shown(where)}, "
        f"{result.protocol}, {result.requests} request(s), HTTP {result.status}) "
        f"in {seconds:.1f} s"
    )


def rates(status: ExtractionProgress | None) -> str:
    """The final figures of an extraction: "412 articles/s, 88,530 words/s"."""
    if status is None or not status.done:
        return "nothing extracted"
    return (
        f"{status.done} extracted at {status.articles_per_second:.1f} articles/s, "
        f"{status.words_per_second:,.0f} words/s"
    )
