"""Reading articles: formats, ids, headlines, and bad input that never sinks a batch."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from actorgraph.reading import ArticleReadError, read_articles


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_text_file_headline_and_relative_id(tmp_path: Path) -> None:
    write(tmp_path / "a" / "one.txt", "Short headline\nThe body of the article.\n")
    [article] = read_articles([tmp_path])
    assert article.id == "a/one.txt"
    assert article.title == "Short headline"
    assert article.text.startswith("Short headline\n")


def test_markdown_headline_loses_its_hash(tmp_path: Path) -> None:
    write(tmp_path / "story.md", "# Fighting in Helmand\n\nBody text here.\n")
    [article] = read_articles([tmp_path / "story.md"])
    assert article.id == "story.md"
    assert article.title == "Fighting in Helmand"


def test_single_paragraph_has_no_headline(tmp_path: Path) -> None:
    write(tmp_path / "p.txt", "Only one line of text without a headline.")
    [article] = read_articles([tmp_path])
    assert article.title is None


def test_html_keeps_main_text_and_drops_scripts(tmp_path: Path) -> None:
    write(
        tmp_path / "page.html",
        "<html><head><title>Raid in Kunar</title><script>var secret = 'SCRIPTTEXT';</script>"
        "</head><body><nav>Home | World | Sport</nav><article><h1>Raid in Kunar</h1>"
        "<p>Security forces detained three suspected insurgents in Kunar province on Monday, "
        "officials said, after a long night of fighting in the valley.</p>"
        "<p>The provincial governor said the operation would continue for several days.</p>"
        "</article><footer>Subscribe to our newsletter</footer></body></html>",
    )
    [article] = read_articles([tmp_path])
    assert "detained three suspected insurgents" in article.text
    assert "SCRIPTTEXT" not in article.text
    assert article.title == "Raid in Kunar"


PAGE_BODY = (
    "<body><article><p>Gunmen stormed the mall on Saturday, the group said; it had "
    "announced in 2012 that it was joining al-Qaeda.</p><p>Security forces ended the siege "
    "after four days of fighting, officials said.</p></article></body></html>"
)


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ('<meta property="article:published_time" content="2013-09-24T10:00:00Z">', "2013-09-24"),
        ('<meta name="date" content="2013-09-24">', "2013-09-24"),
        ("", None),  # a year in the text ("in 2012") is no date of publication
    ],
)
def test_an_html_page_is_dated_by_its_markup_never_by_a_year_in_its_text(
    tmp_path: Path, head: str, expected: str | None
) -> None:
    write(tmp_path / "page.html", f"<html><head><title>T</title>{head}</head>{PAGE_BODY}")
    [article] = read_articles([tmp_path])
    assert (article.date.isoformat() if article.date else None) == expected


def test_jsonl_ids_fields_and_bad_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "r1", "text": "First release.", "title": "T1", "date": "2013-01-24"}),
        "{not json",
        json.dumps({"id": "r2"}),
        json.dumps({"text": "No id here.", "url": "https://example.org/x"}),
        "",
    ]
    write(tmp_path / "feed.jsonl", "\n".join(lines))
    errors: list[ArticleReadError] = []
    articles = list(read_articles([tmp_path], on_error=errors.append))
    assert [a.id for a in articles] == ["r1", "feed.jsonl line 4"]
    assert articles[0].date == date(2013, 1, 24)
    assert articles[1].url == "https://example.org/x"
    assert [e.source for e in errors] == ["feed.jsonl line 2", "feed.jsonl line 3"]
    assert "missing or empty 'text'" in str(errors[1])


def test_broken_files_are_reported_and_the_batch_goes_on(tmp_path: Path) -> None:
    write(tmp_path / "good.txt", "Headline\nA readable article.")
    write(tmp_path / "empty.txt", "   \n")
    write(tmp_path / "binary.txt", b"\x00\x01\x02garbage")
    write(tmp_path / "notes.csv", "ignored,because,not,an,article")
    errors: list[ArticleReadError] = []
    articles = list(read_articles([tmp_path, tmp_path / "missing.txt"], on_error=errors.append))
    assert [a.id for a in articles] == ["good.txt"]
    reasons = sorted(e.reason for e in errors)
    assert reasons == [
        "no such file or folder",
        "not a text file (binary content)",
        "the file holds no text",
    ]


def test_without_handler_the_first_error_raises(tmp_path: Path) -> None:
    write(tmp_path / "empty.txt", "")
    with pytest.raises(ArticleReadError, match="holds no text"):
        list(read_articles([tmp_path]))


def test_latin1_file_is_decoded(tmp_path: Path) -> None:
    write(tmp_path / "old.txt", "Headline\nCaf\xe9 bombing in the capital.".encode("latin-1"))
    [article] = read_articles([tmp_path])
    assert "Café" in article.text
