"""Rich renderings of the API's results, for terminals and notebooks alike.

Every string that comes from articles or files is escaped, so a name such as
``[bold red]`` is shown as written and never restyles the console.

>>> from rich.console import Console
>>> console = Console(width=60, color_system=None)
>>> console.print(entities_table([], 0))
0 of 0 entities
┏━━━━━━┳━━━━━━┳━━━━━━━━━━┳━━━━━━━━━┳━━━━┓
┃ name ┃ type ┃ articles ┃ aliases ┃ id ┃
┡━━━━━━╇━━━━━━╇━━━━━━━━━━╇━━━━━━━━━╇━━━━┩
└──────┴──────┴──────────┴─────────┴────┘
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from actorgraph.api import EntityRow, Explanation, ExtractionProgress, QueryResult
from actorgraph.graph.shacl import Violation

__all__ = [
    "entities_table",
    "explanation",
    "progress_bar",
    "rates",
    "result_table",
    "violations",
]


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


def rates(status: ExtractionProgress | None) -> str:
    """The final figures of an extraction: "412 articles/s, 88,530 words/s"."""
    if status is None or not status.done:
        return "nothing extracted"
    return (
        f"{status.done} extracted at {status.articles_per_second:.1f} articles/s, "
        f"{status.words_per_second:,.0f} words/s"
    )
