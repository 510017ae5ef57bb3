"""Hostile input and faults: no crash, nothing lost, nothing injected, no secret leaked.

Every case is built in a temporary folder and goes through the real command line (typer's
CliRunner, in process) or the public API. Each test guards one class of failure; at the end
the module prints ``hostile: N tried, C crashes, L lost, I injections, K leaks``. The HTTP
cases talk to recording servers on 127.0.0.1 only, and every request loop is bounded.

Run alone with ``pytest -m hostile``.
"""

from __future__ import annotations

import base64
import csv
import functools
import io
import itertools
import json
import os
import re
import socket
import threading
import time
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pyoxigraph
import pytest
import rdflib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import actorgraph
from actorgraph.cli import app
from actorgraph.display import json_text, printable
from actorgraph.export import FORMATS, render
from actorgraph.extractors.long_texts import MAX_RUN_CHARS, join_pieces, split_text
from actorgraph.extractors.mention_index import cross_pairs_within, pairs_within, token_gap
from actorgraph.knowledge_graph import KnowledgeGraph
from actorgraph.model import Article, ArticleExtraction, RecordError
from actorgraph.reading import ArticleReadError, read_articles
from actorgraph.store import QueryError
from actorgraph.store.oxigraph import check_query, sparql_keywords
from actorgraph.store.remote import (
    Credentials,
    RemoteStoreError,
    push_rdf,
    query_endpoint,
    redact_url,
    split_credentials,
)

pytestmark = pytest.mark.hostile
runner = CliRunner()

# -- the tally: each test is one case, guarding one class of failure ----------------------------

TALLY: Counter[str] = Counter()
CLASSES = {"crash": "crashes", "lost": "lost", "injection": "injections", "leak": "leaks"}


def guards(kind: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Count the test as a case of ``kind`` (crash, lost, injection, leak, unclear): a failed
    assertion is a failure of that kind, any other exception is a crash."""

    def decorate(test: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(test)
        def case(*args: Any, **kwargs: Any) -> Any:
            TALLY["tried"] += 1
            try:
                return test(*args, **kwargs)
            except pytest.skip.Exception:
                TALLY["tried"] -= 1
                raise
            except AssertionError:
                TALLY[kind] += 1
                raise
            except Exception:
                TALLY["crash"] += 1
                raise

        return case

    return decorate


@pytest.fixture(scope="module", autouse=True)
def summary(request: pytest.FixtureRequest) -> Iterator[None]:
    """Print the tally once the module's cases have run (to the terminal, not captured)."""
    yield
    counts = ", ".join(f"{TALLY[kind]} {name}" for kind, name in CLASSES.items())
    line = f"hostile: {TALLY['tried']} tried, {counts} ({TALLY['unclear']} unclear errors)"
    plugins = request.config.pluginmanager
    reporter, capture = plugins.getplugin("terminalreporter"), plugins.getplugin("capturemanager")
    if reporter is None or capture is None:
        print(line)
        return
    with capture.global_and_fixture_disabled():  # past pytest's capture, as capsys.disabled()
        reporter.write_line("\n" + line)


# -- helpers ---------------------------------------------------------------------------------

ARTICLE = "Taliban commander Hazrat Ali spoke to reporters in Helmand province on Monday.\n"
OTHER = "Al Qaeda fighter Abu Musa was seen in Kunar province, officials said.\n"


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def invoke(*args: object, **kwargs: Any) -> Any:
    return runner.invoke(app, [str(arg) for arg in args], **kwargs)


def read_all(*paths: Path) -> tuple[list[Article], list[ArticleReadError]]:
    errors: list[ArticleReadError] = []
    return list(read_articles(paths, on_error=errors.append)), errors


def assert_one_clear_line(text: str, *must_name: str) -> None:
    """An error is one line (no traceback) naming what failed."""
    assert "Traceback" not in text, text
    for name in must_name:
        assert name in text, (name, text)


def no_raw_controls(text: str) -> bool:
    return not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", text)


# -- reading: encodings ----------------------------------------------------------------------


@guards("lost")
@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        ("cp1252", "Headline\nThe “commander” said – in Kabul … the naïve régime fell."),
        ("cp1252", "Dispatch\nCafé owners in Mosul counted €40 of damage, officials said."),
        ("latin-1", "Headline\nSeñor García met the José group in München; à bientôt."),
        ("latin-1", "Report\nThe attack near the café in Peshawar killed three, said Zoë Ørsted."),
    ],
)
def test_legacy_western_encodings_are_decoded_right(
    tmp_path: Path, encoding: str, text: str, caplog: pytest.LogCaptureFixture
) -> None:
    write(tmp_path / "old.txt", text.encode(encoding))
    with caplog.at_level("INFO", logger="actorgraph.reading"):
        [article], errors = read_all(tmp_path)
    assert not errors
    assert article.text == text
    assert any("decoded as cp1252" in message for message in caplog.messages)


@guards("lost")
@pytest.mark.parametrize(
    ("encoding", "text", "exact"),
    [
        ("cp1251", "Заголовок\nВзрыв в столице, сообщили официальные лица в понедельник.", True),
        ("cp1253", "Τίτλος\nΈκρηξη στην πρωτεύουσα, δήλωσαν αξιωματούχοι τη Δευτέρα.", True),
        ("cp1250", "Nagłówek\nWybuch w stolicy, powiedzieli urzędnicy w poniedziałek.", False),
        ("cp1254", "Başlık\nBaşkentte patlama oldu, yetkililer pazartesi günü söyledi.", False),
    ],
)
def test_other_legacy_encodings_are_not_forced_into_cp1252(
    tmp_path: Path, encoding: str, text: str, exact: bool
) -> None:
    data = text.encode(encoding)
    write(tmp_path / "old.txt", data)
    [article], _ = read_all(tmp_path)
    assert article.text != data.decode("cp1252")  # the Western reading is refused
    if exact:  # a script of its own: the detector knows it (Latin-script pages it may confuse)
        assert article.text == text


@guards("lost")
@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be-bom", "utf-32", "utf-8-sig"])
def test_files_with_a_byte_order_mark_are_read_not_rejected_as_binary(
    tmp_path: Path, encoding: str
) -> None:
    text = "Headline\nTaliban commander Hazrat Ali spoke in Kandahar — «quoted»."
    data = (
        b"\xfe\xff" + text.encode("utf-16-be")
        if encoding == "utf-16-be-bom"
        else text.encode(encoding)
    )
    write(tmp_path / "a.txt", data)
    write(
        tmp_path / "feed.jsonl",
        (json.dumps({"id": "j", "text": text}) + "\n").encode(
            "utf-16" if encoding.startswith("utf-16") else encoding.replace("-be-bom", "")
        ),
    )
    articles, errors = read_all(tmp_path)
    assert not errors
    assert sorted(a.text for a in articles) == [text, text]


@guards("lost")
def test_utf16_without_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    text = "Headline\nAn airstrike in Nangarhar province killed two fighters."
    write(tmp_path / "le.txt", text.encode("utf-16-le"))
    write(tmp_path / "be.txt", text.encode("utf-16-be"))
    articles, errors = read_all(tmp_path)
    assert not errors and [a.text for a in articles] == [text, text]


@guards("lost")
def test_mostly_utf8_with_a_stray_byte_keeps_the_utf8_and_replaces_the_byte(
    tmp_path: Path,
) -> None:
    write(tmp_path / "a.txt", "Headline\nKabul — Señor ".encode() + b"\xff" + b" spoke.")
    [article], errors = read_all(tmp_path)
    assert not errors
    assert article.text == "Headline\nKabul — Señor \ufffd spoke."


@guards("unclear")
def test_binary_and_undecodable_files_are_skipped_with_a_one_line_reason(tmp_path: Path) -> None:
    write(tmp_path / "good.txt", ARTICLE)
    write(tmp_path / "binary.txt", b"\x00\x01\x02\x03garbage\x00" * 50)
    write(tmp_path / "image.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    articles, errors = read_all(tmp_path)
    assert [a.id for a in articles] == ["good.txt"]
    assert sorted(e.source.rsplit("/", 1)[-1] for e in errors) == ["binary.txt", "image.md"]
    assert all("binary" in e.reason and "\n" not in str(e) for e in errors)


# -- reading: special files ------------------------------------------------------------------


def _read_with_deadline(paths: list[Path], seconds: float = 20) -> tuple[list, list]:
    """read_all in a thread: a reader that opened a FIFO would block forever."""
    found: dict[str, Any] = {}
    thread = threading.Thread(target=lambda: found.update(result=read_all(*paths)), daemon=True)
    thread.start()
    thread.join(seconds)
    assert "result" in found, "reading blocked (a FIFO was opened?)"
    return found["result"]


@guards("unclear")
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_reported_as_a_fifo_and_never_opened(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    write(tmp_path / "inside" / "good.txt", ARTICLE)
    os.mkfifo(tmp_path / "inside" / "news.jsonl")
    articles, errors = _read_with_deadline([tmp_path / "pipe.txt", tmp_path / "inside"])
    assert [a.id for a in articles] == ["good.txt"]
    reasons = {Path(e.source).name: e.reason for e in errors}
    assert set(reasons) == {"pipe.txt", "news.jsonl"}
    assert all("named pipe (FIFO)" in reason for reason in reasons.values())


@guards("unclear")
def test_devices_and_broken_links_get_their_own_reasons(tmp_path: Path) -> None:
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    articles, errors = _read_with_deadline(
        [Path("/dev/null"), tmp_path / "dangling.txt", tmp_path / "missing.txt"]
    )
    assert not articles
    assert [e.reason for e in errors] == [
        "a character device, not a file: not read",
        "a broken symbolic link",
        "no such file or folder",
    ]


@guards("unclear")
@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_unreadable_files_and_folders_name_themselves(tmp_path: Path) -> None:
    write(tmp_path / "good.txt", ARTICLE)
    secret = write(tmp_path / "secret.txt", ARTICLE)
    locked = tmp_path / "locked"
    write(locked / "x.txt", ARTICLE)
    secret.chmod(0)
    locked.chmod(0)
    try:
        articles, errors = read_all(tmp_path)
    finally:
        locked.chmod(0o755)
    assert [a.id for a in articles] == ["good.txt"]
    assert sorted(Path(e.source).name for e in errors) == ["locked", "secret.txt"]


# -- reading: JSON Lines ----------------------------------------------------------------------


@guards("crash")
def test_a_lone_surrogate_in_one_record_is_replaced_and_the_batch_goes_on(tmp_path: Path) -> None:
    lines = [
        '{"id": "bad\\ud800id", "text": "Taliban commander Hazrat Ali \\udc00 spoke.", '
        '"title": "\\ud83d"}',
        json.dumps({"id": "ok", "text": OTHER}),
    ]
    write(tmp_path / "feed.jsonl", "\n".join(lines))
    articles, errors = read_all(tmp_path)
    assert not errors
    assert [a.id for a in articles] == ["bad\ufffdid", "ok"]
    assert articles[0].text == "Taliban commander Hazrat Ali \ufffd spoke."
    assert articles[0].title == "\ufffd"


@guards("crash")
@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ('{"text": ' + "[" * 100_000 + "]" * 100_000 + "}", "nested too deeply"),
        ('{"text": "x", "id": ' + "9" * 5000 + "}", "invalid JSON"),
        ("[1, 2, 3]", "must be a JSON object"),
        ('{"text": 42}', "missing or empty 'text'"),
        ('{"text": "ok", "id": ', "invalid JSON"),
    ],
)
def test_one_bad_record_is_skipped_by_line_number(tmp_path: Path, line: str, reason: str) -> None:
    content = "\n".join(
        [json.dumps({"id": "a", "text": ARTICLE}), line, json.dumps({"text": OTHER})]
    )
    write(tmp_path / "feed.jsonl", content)
    articles, errors = read_all(tmp_path)
    assert [a.id for a in articles] == ["a", "feed.jsonl line 3"]
    [error] = errors
    assert error.source == "feed.jsonl line 2" and reason in error.reason
    assert len(str(error)) < 400  # one line, not the record echoed back


@guards("lost")
def test_jsonl_fields_of_the_wrong_type_do_not_lose_the_article(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": {"nested": 1}, "text": ARTICLE, "title": ["x"], "date": 20240101}),
        b"".join([b'{"id": "latin", "text": "Caf', b"\xe9", b' bombing in Kabul."}']).decode(
            "latin-1"
        ),
    ]
    write(tmp_path / "feed.jsonl", "\n".join(lines).encode("latin-1"))
    articles, errors = read_all(tmp_path)
    assert not errors
    assert [a.id for a in articles] == ["feed.jsonl line 1", "latin"]
    assert (
        articles[0].title
        == "Taliban commander Hazrat Ali spoke to reporters in Helmand province on Monday."
        or articles[0].title is None
    )
    assert articles[1].text == "Caf\ufffd bombing in Kabul."


@guards("unclear")
def test_an_empty_jsonl_file_is_reported(tmp_path: Path) -> None:
    write(tmp_path / "empty.jsonl", "\n\n  \n")
    articles, errors = read_all(tmp_path)
    assert not articles and [e.reason for e in errors] == ["the file holds no text"]


@guards("crash")
def test_deeply_nested_html_is_one_skipped_or_read_file_not_a_crash(tmp_path: Path) -> None:
    write(tmp_path / "deep.html", "<div>" * 50_000 + "Kabul attack." + "</div>" * 50_000)
    write(tmp_path / "good.txt", ARTICLE)
    articles, errors = read_all(tmp_path)
    assert "good.txt" in [a.id for a in articles]
    assert all(e.source.endswith("deep.html") for e in errors)


# -- long texts: pieces, offsets, nothing lost -------------------------------------------------


@guards("lost")
@pytest.mark.parametrize(
    ("separator", "max_chars"),
    [("\n\n", 400), (" ", 400), ("\n", 300), (", ", 2_000)],
    ids=["paragraphs", "sentences", "lines", "one-runaway-sentence"],
)
def test_a_text_longer_than_max_chars_keeps_every_fact_at_its_offset(
    nlp, separator: str, max_chars: int
) -> None:
    units = [
        "Taliban commander Hazrat Ali spoke in Helmand province.",
        "Al Qaeda fighter Abu Musa was seen in Kunar province.",
        "Hezbollah spokesman Naim Qassem addressed crowds in Beirut.",
        "Haqqani network commander Sirajuddin Haqqani met elders in Khost province.",
    ] * 6
    if separator == ", ":  # one "sentence" longer than MAX_RUN_CHARS: no full stop anywhere
        units = [u.rstrip(".") for u in units] * 3
    text = separator.join(units) + "."
    from actorgraph.extractors.article import extract_articles

    [whole] = extract_articles([Article("whole", text)], nlp, max_chars=len(text) + 1)
    [pieced] = extract_articles([Article("pieced", text)], nlp, max_chars=max_chars)
    assert len(split_text(text, max_chars)) > 1
    for fact in pieced.facts:  # offsets count from the start of the whole text
        assert text[fact.evidence.start : fact.evidence.end].strip() == fact.evidence.sentence
    for event in pieced.events:
        assert text[event.start : event.end].strip() == event.sentence
    people = {e.name for e in pieced.entities if e.type.value == "Person"}
    assert {"Hazrat Ali", "Abu Musa", "Naim Qassem"} <= people
    affiliated = [f for f in pieced.facts if f.predicate.value == "affiliatedWith"]
    if separator != ", ":  # cut between sentences: the same facts as in one pass
        assert len(affiliated) == len(
            [f for f in whole.facts if f.predicate.value == "affiliatedWith"]
        )
    assert max(f.evidence.start for f in affiliated) > len(text) // 2  # late pieces too
    ids = [e.id for e in pieced.entities]
    assert ids == [f"t{n}" for n in range(1, len(ids) + 1)]  # one entity per name


@guards("crash")
def test_a_text_without_any_space_longer_than_max_chars_is_cut_hard(nlp) -> None:
    from actorgraph.extractors.article import extract_articles

    text = "x" * 5_000 + " Taliban commander Hazrat Ali spoke."
    [extraction] = extract_articles([Article("blob", text)], nlp, max_chars=1_000)
    assert extraction.article.text == text


@guards("crash")
def test_cli_max_chars_splits_instead_of_failing(tmp_path: Path, nlp) -> None:
    text = "\n\n".join([ARTICLE.strip(), OTHER.strip()] * 20)
    write(tmp_path / "in" / "long.txt", text)
    out = tmp_path / "out.jsonl"
    result = invoke("extract", tmp_path / "in", "-o", out, "--max-chars", 500, "-q")
    assert result.exit_code == 0, result.output
    [record] = [json.loads(line) for line in out.read_text().splitlines()]
    starts = [r["evidence"]["start"] for r in record["relations"]]
    assert max(starts) > 500 * 4  # facts from late pieces, at offsets in the whole text
    result = invoke(
        "build",
        tmp_path / "in",
        "-o",
        tmp_path / "b",
        "--max-chars",
        500,
        "-q",
        "-f",
        "json",
        "--no-store",
        "-j",
        1,
    )
    assert result.exit_code == 0, result.output
    manifest = json.loads((tmp_path / "b" / "manifest.json").read_text())
    assert "max-chars-500" in manifest["fingerprint"]


@guards("lost")
@settings(max_examples=150, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("ab .,;\n!?x")), max_size=400),
    st.integers(min_value=1, max_value=60),
    st.integers(min_value=1, max_value=40),
)
def test_pieces_cover_the_text_exactly_and_respect_both_limits(
    text: str, max_chars: int, max_run: int
) -> None:
    pieces = split_text(text, max_chars, max_run)
    assert "".join(text[s:e] for s, e in pieces) == text
    assert all(a[1] == b[0] for a, b in itertools.pairwise(pieces))
    if len(pieces) > 1:
        assert all(e - s <= max_chars for s, e in pieces)
        assert all(e > s for s, e in pieces)


@guards("lost")
def test_pieces_prefer_paragraphs_then_sentences_then_commas_then_spaces() -> None:
    assert split_text("aaaa. bbbb\n\ncccc. dddd", 16) == [(0, 12), (12, 22)]
    assert split_text("aaaa, bbbb. cccc, dddd", 16) == [(0, 12), (12, 22)]
    assert split_text("aaaa bbbb, cccc dddd", 16) == [(0, 11), (11, 20)]
    assert split_text("aaaa bbbb cccc dddd", 16) == [(0, 15), (15, 19)]
    assert split_text("Short.", 16) == [(0, 6)]  # negative: a short text is one piece
    runaway = "name, " * (MAX_RUN_CHARS // 3)
    assert all(e - s <= MAX_RUN_CHARS for s, e in split_text(runaway + "end.", 10**6))


@guards("lost")
def test_joined_pieces_share_entities_and_renumber_events() -> None:
    from actorgraph.model import Entity, Event, Evidence, Fact
    from actorgraph.ontology import EntityType, EventKind, Relation

    def part(offset: int) -> tuple[int, ArticleExtraction]:
        people = Entity("t1", EntityType.PERSON, "Hazrat Ali", ["Ali"])
        taliban = Entity("t2", EntityType.ORGANISATION, "Taliban", known_as="taliban")
        event = Event("v1", EventKind.from_name("Attack"), "An attack.", 0, 10, "attack")
        evidence = Evidence("piece", "Taliban commander Hazrat Ali.", 0, 29)
        fact = Fact("t1", Relation.AFFILIATED_WITH, "t2", 0.9, evidence)
        return offset, ArticleExtraction(Article("piece", "x"), [people, taliban], [event], [fact])

    article = Article("whole", "x" * 200)
    joined = join_pieces(article, [part(0), part(100)])
    assert [e.id for e in joined.entities] == ["t1", "t2"]
    assert [(e.id, e.start) for e in joined.events] == [("v1", 0), ("v2", 100)]
    assert [(f.subject, f.object, f.evidence.start, f.evidence.article) for f in joined.facts] == [
        ("t1", "t2", 0, "whole"),
        ("t1", "t2", 100, "whole"),
    ]


# -- long sentences: pairs bounded by token distance ------------------------------------------


@dataclass
class _Span:
    start: int
    end: int


@dataclass(eq=False)
class _Mention:
    span: _Span


spans = st.lists(
    st.tuples(st.integers(0, 600), st.integers(1, 6)).map(
        lambda t: _Mention(_Span(t[0], t[0] + t[1]))
    ),
    max_size=40,
)


@guards("lost")
@settings(max_examples=100, deadline=None)
@given(spans, spans, st.integers(0, 120))
def test_bounded_pairs_are_exactly_the_near_pairs_in_loop_order(
    firsts: list[_Mention], seconds: list[_Mention], window: int
) -> None:
    expected = [(a, b) for a in firsts for b in seconds if token_gap(a, b) <= window]
    assert list(cross_pairs_within(firsts, seconds, window)) == expected
    combined = [
        (firsts[i], firsts[j])
        for i in range(len(firsts))
        for j in range(i + 1, len(firsts))
        if token_gap(firsts[i], firsts[j]) <= window
    ]
    assert list(pairs_within(firsts, window)) == combined


@guards("crash")
def test_a_long_sentence_full_of_names_is_read_in_linear_pieces(nlp) -> None:
    from actorgraph.extractors.article import extract_articles

    unit = "Taliban commander Hazrat Ali met villagers near the market in Helmand, "
    text = unit * 300 + "and left."  # ~21,000 characters, no full stop until the end
    started = time.perf_counter()
    [extraction] = extract_articles([Article("run", text)], nlp)
    seconds = time.perf_counter() - started
    affiliated = [f for f in extraction.facts if f.predicate.value == "affiliatedWith"]
    assert affiliated and max(f.evidence.start for f in affiliated) > len(text) * 0.8
    assert seconds < 120, seconds  # was unbounded; a generous bound for a shared machine


@guards("lost")
def test_the_dependency_path_is_the_same_as_climbing_from_the_root(nlp) -> None:
    from actorgraph.extractors.syntax import dependency_path

    def by_ancestors(a, b):  # the definition: up from a to the lowest common ancestor, down to b
        if a.sent.start != b.sent.start:
            return []
        up = [a, *a.ancestors]
        for steps, token in enumerate([b, *b.ancestors]):
            if token.i in {t.i for t in up}:
                down = [b, *b.ancestors][:steps]
                return up[: [t.i for t in up].index(token.i) + 1] + list(reversed(down))
        return []

    doc = nlp(ARTICLE + OTHER + "Sami Sadat, commanding general of the Afghan Army, said so.")
    for a in doc:
        for b in doc:
            assert [t.i for t in dependency_path(a, b)] == [t.i for t in by_ancestors(a, b)]


# -- the command line: every failure one line, the batch goes on, a summary at the end -------


@pytest.fixture(scope="module")
def hostile_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Good articles among every kind of bad input, with markup and controls in the names."""
    root = tmp_path_factory.mktemp("corpus")
    write(root / "good.txt", "Helmand dispatch\n" + ARTICLE)
    write(root / "[bold red]styled[/].txt", "Kunar dispatch\n" + OTHER)
    write(root / "esc\x1b[2Jname.md", "# Report\n" + ARTICLE)
    write(root / "binary.txt", b"\x00\xff" * 100)
    write(root / "ctl\x1b[2Jbad.txt", b"\x00\x01" * 20)
    write(root / "empty.txt", "  \n")
    write(
        root / "feed.jsonl",
        "\n".join(
            [
                json.dumps(
                    {"id": "[/]", "text": "[bold red]Commander[/] Hazrat Ali of the Taliban spoke."}
                ),
                '{"id": "surrogate", "text": "Taliban commander \\ud800 Hazrat Ali spoke."}',
                '{"id": "deep", "text": ' + "[" * 50_000 + "]" * 50_000 + "}",
                "{not json",
                json.dumps({"id": "ctrl\x1b]0;pwned\x07", "text": OTHER}),
            ]
        ),
    )
    return root


GOOD_IDS = {
    "good.txt",
    "[bold red]styled[/].txt",
    "esc\x1b[2Jname.md",
    "[/]",
    "surrogate",
    "ctrl\x1b]0;pwned\x07",
}


@guards("unclear")
def test_build_reports_each_bad_input_once_and_lists_them_all_at_the_end(
    hostile_corpus: Path, tmp_path: Path, nlp
) -> None:
    out = tmp_path / "out"
    result = invoke("build", hostile_corpus, "-o", out, "-j", 1)
    assert result.exit_code == 3, result.output
    assert_one_clear_line(result.stderr)
    summary = result.stderr[result.stderr.index("input(s) could not be read:") :]
    for name in (
        "binary.txt",
        "ctl\\x1b[2Jbad.txt",
        "empty.txt",
        "feed.jsonl line 3",
        "feed.jsonl line 4",
    ):
        assert name in summary, (name, summary)
        assert result.stderr.count(name) == 2  # once as it happened, once in the summary
    assert summary.count("\n") == 6  # the heading and one line per failed input


@guards("lost")
def test_build_keeps_every_readable_article_of_a_hostile_batch(
    hostile_corpus: Path, tmp_path: Path, nlp
) -> None:
    out = tmp_path / "out"
    invoke("build", hostile_corpus, "-o", out, "-j", 1, "-q")
    records = [json.loads(line) for line in (out / "extractions.jsonl").read_text().splitlines()]
    assert {r["article"] for r in records} == {i.replace("\ud800", "\ufffd") for i in GOOD_IDS}
    assert all((out / name).is_file() for name in ("graph.ttl", "graph.json", "graph.html"))


@guards("injection")
def test_markup_and_terminal_escapes_from_inputs_are_shown_never_obeyed(
    hostile_corpus: Path, tmp_path: Path, nlp
) -> None:
    result = invoke("build", hostile_corpus, "-o", tmp_path / "out", "-j", 1)
    assert no_raw_controls(result.stderr), repr(result.stderr)
    assert "ctl\\x1b[2Jbad.txt" in result.stderr  # shown as a visible escape
    result = invoke("entities", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert no_raw_controls(result.stdout)
    result = invoke("extract", hostile_corpus / "feed.jsonl", "-q")
    assert no_raw_controls(result.stdout) and "\\u001b" in result.stdout
    assert "[/]" in result.stdout  # an id that is markup is printed as written


@guards("crash")
@pytest.mark.parametrize(
    "args",
    [
        ["build", "--[bold red]x[/]"],
        ["[/]"],
        ["build", "x", "-o", "o", "--max-nodes", "[bold]1[/]"],
        ["query", "\x1b[2J[/]", "ASK {}"],
        ["query", "x", "ASK {}", "--format", "[red]csv"],
        ["push", "[/]missing", "--endpoint", "ftp://[/]"],
    ],
)
def test_usage_errors_with_markup_or_escapes_in_them_are_one_clean_line(args: list[str]) -> None:
    result = invoke(*args)
    assert result.exit_code in (1, 2)
    assert_one_clear_line(result.output)
    assert no_raw_controls(result.output)


@guards("unclear")
def test_nothing_readable_is_one_clear_line_and_exit_1(tmp_path: Path) -> None:
    write(tmp_path / "binary.txt", b"\x00" * 10)
    result = invoke("extract", tmp_path, tmp_path / "nope.txt")
    assert result.exit_code == 1
    assert_one_clear_line(result.stderr, "binary.txt", "nope.txt", "no readable articles")


# -- damaged build folders: FILE:LINE: reason ---------------------------------------------------


@pytest.fixture(scope="module")
def small_build(tmp_path_factory: pytest.TempPathFactory, nlp) -> Path:
    source = tmp_path_factory.mktemp("small")
    name = 'Taliban"} ; DROP ALL ; # <b>'  # an organisation whose name is a SPARQL payload
    write(source / "a.txt", "Helmand dispatch\n" + ARTICLE)
    write(source / "b.txt", f"Kunar dispatch\n{OTHER}Sohail Shaheen, spokesman of {name}, said.\n")
    out = tmp_path_factory.mktemp("small-out") / "out"
    result = invoke("build", source, "-o", out, "-j", 1, "-q")
    assert result.exit_code == 0, result.output
    return out


def damaged_copy(build: Path, tmp_path: Path, line: str) -> Path:
    copy = tmp_path / "damaged"
    copy.mkdir()
    good = (build / "extractions.jsonl").read_text().splitlines()
    write(copy / "extractions.jsonl", "\n".join([good[0], line, *good[1:]]) + "\n")
    return copy


@guards("unclear")
@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ('{"entities": []}', "missing key 'article'"),
        ('{"article": "x", "entities": [{"id": "t1", "type": "Alien", "name": "Z"}]}', "Alien"),
        ('{"article": "x", "entities": [{"id": "t1", "type": "Person", "name": 5}]}', "name"),
        (
            '{"article": "x", "entities": [{"id": "t1", "type": "Person", "name": "Z", "aliases": [1]}]}',
            "aliases",
        ),
        ('{"article": 7}', "article must be a string"),
        (
            '{"article": "x", "relations": [{"subject": "a", "predicate": "knows", "object": "b", '
            '"confidence": 1, "evidence": {"sentence": "s", "start": 0, "end": 1}}]}',
            "knows",
        ),
        (
            '{"article": "x", "events": [{"id": "v", "kind": "Attack", "sentence": "s", "start": "0", "end": 1}]}',
            "start",
        ),
        ("{truncated", "invalid JSON"),
        ("[" * 100_000, "nested too deeply"),
        ("[1, 2]", "not an extraction record"),
    ],
)
def test_a_damaged_extractions_line_is_reported_as_file_colon_line(
    small_build: Path, tmp_path: Path, line: str, reason: str
) -> None:
    folder = damaged_copy(small_build, tmp_path, line)
    with pytest.raises(RecordError) as raised:
        KnowledgeGraph.open(folder)
    message = str(raised.value)
    assert message.startswith(f"{folder / 'extractions.jsonl'}:2: "), message
    assert reason in message and "\n" not in message and len(message) < 500
    result = invoke("entities", folder)
    assert result.exit_code == 1
    assert_one_clear_line(result.stderr, "extractions.jsonl:2:")


@guards("unclear")
def test_a_hand_edited_folder_with_a_manifest_still_names_the_line(
    small_build: Path, tmp_path: Path
) -> None:
    import shutil

    copy = tmp_path / "copy"
    shutil.copytree(small_build, copy, symlinks=True)
    lines = (copy / "extractions.jsonl").read_text().splitlines()
    write(copy / "extractions.jsonl", "\n".join([lines[0], '{"article": 1}', *lines[1:]]) + "\n")
    result = invoke("entities", copy)
    assert result.exit_code == 1
    assert_one_clear_line(result.stderr, "extractions.jsonl:2:")


# -- nothing injected: any text through records, the graph and every format --------------------

FRAGMENTS = [*"\"'\\<>&[]{}#;\x00\x1b\u202e\u2066\n\r\t", "[bold red]", "[/]", "</script>", '"""']
hostile_text = st.lists(
    st.one_of(st.characters(codec=None), st.sampled_from(FRAGMENTS)),  # lone surrogates too
    min_size=1,
    max_size=25,
).map("".join)


def _record(name: str, other: str, text: str) -> dict[str, Any]:
    return {
        "article": f"art {name}",
        "title": text,
        "url": f"https://example.org/{other}",
        "source": other,
        "date": "2024-02-29",
        "entities": [
            {"id": "t1", "type": "Person", "name": name, "aliases": [other, text]},
            {"id": "t2", "type": "Organisation", "name": other, "aliases": [name]},
            {"id": "t3", "type": "Province", "name": text, "aliases": [], "iso3166_2": "AF-HEL"},
        ],
        "events": [
            {
                "id": "v1",
                "kind": "Attack",
                "trigger": name,
                "sentence": text,
                "start": 0,
                "end": len(text),
                "date": None,
            }
        ],
        "relations": [
            {
                "subject": "t1",
                "predicate": "affiliatedWith",
                "object": "t2",
                "confidence": 0.9,
                "evidence": {"sentence": text, "start": 0, "end": len(text)},
            },
            {
                "subject": "v1",
                "predicate": "locatedIn",
                "object": "t3",
                "confidence": 0.8,
                "evidence": {"sentence": name + text, "start": 1, "end": 2},
            },
        ],
    }


def _parses(format_name: str, data: bytes) -> None:
    if format_name in ("turtle", "ntriples"):
        rdf = {"turtle": pyoxigraph.RdfFormat.TURTLE, "ntriples": pyoxigraph.RdfFormat.N_TRIPLES}
        assert list(pyoxigraph.parse(data, format=rdf[format_name]))
        assert len(
            rdflib.Graph().parse(data=data, format="turtle" if format_name == "turtle" else "nt")
        )
    elif format_name == "jsonld":
        assert len(rdflib.Graph().parse(data=data, format="json-ld"))
    elif format_name == "json":
        json.loads(data)
    elif format_name in ("graphml", "gexf"):
        ET.fromstring(data)
    elif format_name == "csv":
        list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
    elif format_name == "html":  # no text opens or closes an element: the same tags as ever
        assert _tags(data) == _tags(render(_benign_graph(), "html"))


def _tags(page: bytes) -> tuple[int, ...]:
    text = page.decode("utf-8").lower()
    return tuple(text.count(tag) for tag in ("<script", "</script", "<iframe", "<img", "<b>"))


@functools.cache
def _benign_graph() -> KnowledgeGraph:
    return KnowledgeGraph.from_extractions([ArticleExtraction.from_record(_record("a", "b", "c"))])


@guards("injection")
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_text, hostile_text, hostile_text)
def test_any_text_in_a_record_gives_exports_that_parse(name: str, other: str, text: str) -> None:
    record = json.loads(json.dumps(_record(name, other, text)))
    graph = KnowledgeGraph.from_extractions([ArticleExtraction.from_record(record)])
    for format_name in FORMATS:
        _parses(format_name, render(graph, format_name))


@guards("injection")
def test_sparql_payloads_in_names_stay_values(small_build: Path) -> None:
    payload = 'Taliban"} ; DROP ALL ; # <b>'
    before = actorgraph.query(small_build, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows
    found = actorgraph.query(
        small_build,
        "SELECT ?node WHERE { ?node rdfs:label ?name }",
        bindings={"name": payload},
    )
    after = actorgraph.query(small_build, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows
    assert before == after and before[0]["n"] > 0
    labels = actorgraph.query(small_build, "SELECT ?l WHERE { ?n rdfs:label ?l }").rows
    assert any(payload in row["l"] for row in labels) == bool(found.rows)
    none = actorgraph.query(
        small_build, "SELECT ?node WHERE { ?node rdfs:label ?name }", bindings={"name": '"} }'}
    )
    assert none.rows == []


@guards("injection")
@settings(max_examples=60, deadline=None)
@given(hostile_text)
def test_printed_text_never_carries_a_control_character(text: str) -> None:
    assert no_raw_controls(printable(text))
    shown = json_text({"v": text.encode("utf-8", "replace").decode("utf-8")})
    assert no_raw_controls(shown.replace("\n", ""))


# -- SPARQL: SERVICE, updates, positions ------------------------------------------------------


@dataclass
class Seen:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class Recorder:
    """A loopback HTTP server that answers with ``answer(request)`` and keeps every request."""

    answer: Callable[[Seen], tuple[int, dict[str, str], bytes]]
    seen: list[Seen] = field(default_factory=list)
    url: str = ""
    limit: int = 30  # requests answered at all: a loop cannot run away

    def handler(self) -> type[BaseHTTPRequestHandler]:
        recorder = self

        class Handler(BaseHTTPRequestHandler):
            def handle_any(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                request = Seen(self.command, self.path, dict(self.headers), self.rfile.read(length))
                recorder.seen.append(request)
                status, headers, body = (
                    recorder.answer(request)
                    if len(recorder.seen) <= recorder.limit
                    else (500, {}, b"")
                )
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = do_PUT = do_DELETE = handle_any

            def log_message(self, *args: object) -> None:
                pass

        return Handler


@pytest.fixture
def serve() -> Iterator[Callable[..., Recorder]]:
    servers: list[ThreadingHTTPServer] = []

    def start(answer: Callable[[Seen], tuple[int, dict[str, str], bytes]]) -> Recorder:
        recorder = Recorder(answer)
        server = ThreadingHTTPServer(("127.0.0.1", 0), recorder.handler())
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        recorder.url = f"http://127.0.0.1:{server.server_address[1]}"
        return recorder

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def ok(_: Seen) -> tuple[int, dict[str, str], bytes]:
    return 204, {}, b""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@guards("injection")
@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE { SERVICE <{url}/sparql> { ?s ?p ?o } }",
        "select * where { service silent <{url}/sparql> { ?s ?p ?o } }",
        "SELECT * WHERE {\n  SeRvIcE # a comment between\n <{url}/sparql> { ?s ?p ?o } }",
        "SELECT * WHERE { \\u0053ERVICE <{url}/sparql> { ?s ?p ?o } }",
        "PREFIX e: <{url}/>\nASK { ?s ?p ?o . SERVICE e:sparql { ?s ?p ?o } }",
    ],
)
def test_service_in_a_local_query_is_refused_and_sends_nothing(
    small_build: Path, serve: Callable[..., Recorder], query: str
) -> None:
    remote = serve(lambda _: (200, {"Content-Type": "application/sparql-results+json"}, b"{}"))
    text = query.replace("{url}", remote.url)
    with pytest.raises(QueryError, match=r"SERVICE at \d+:\d+ would send requests"):
        actorgraph.query(small_build, text)
    result = invoke("query", small_build, text)
    assert result.exit_code == 1 and "--allow-service" in result.stderr
    assert remote.seen == []


@guards("lost")
@pytest.mark.parametrize(
    "query",
    [
        "SELECT ?service WHERE { ?service a ag:Organisation }",
        'SELECT ?n WHERE { ?o rdfs:label ?n FILTER(?n != "SERVICE <http://127.0.0.1:9/>") }',
        "SELECT ?o WHERE { ?o a ag:Organisation } # SERVICE <http://127.0.0.1:9/>",
        "PREFIX service: <https://w3id.org/actorgraph/ontology#>\nASK { ?o a service:Organisation }",
    ],
)
def test_the_word_service_in_names_strings_and_comments_is_no_service(
    small_build: Path, query: str
) -> None:
    actorgraph.query(small_build, query)  # runs: nothing refused


@guards("crash")
@pytest.mark.parametrize(
    "answer",
    [
        (200, {"Content-Type": "application/sparql-results+json"}, b"{not json"),
        (200, {"Content-Type": "application/sparql-results+json"}, b'{"head": 5}'),
        (500, {}, b"oops"),
        (302, {"Location": "file:///etc/passwd"}, b""),
    ],
)
def test_an_allowed_service_that_answers_nonsense_is_one_error(
    small_build: Path, serve: Callable[..., Recorder], answer: tuple
) -> None:
    remote = serve(lambda _: answer)
    text = f"SELECT * WHERE {{ SERVICE <{remote.url}/sparql> {{ ?s ?p ?o }} }}"
    try:
        actorgraph.query(small_build, text, allow_service=True)
    except QueryError as error:
        assert "\n" not in str(error)
    result = invoke("query", small_build, text, "--allow-service")
    assert result.exit_code in (0, 1)
    assert_one_clear_line(result.output)
    assert len(remote.seen) <= 10


@guards("unclear")
@pytest.mark.parametrize(
    ("query", "where"),
    [
        ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", "INSERT at 1:1"),
        ("PREFIX x: <urn:x:>\n\n  DELETE WHERE { ?s ?p ?o }", "DELETE at 3:3"),
        ("LOAD <http://127.0.0.1:{port}/data.ttl>", "LOAD at 1:1"),
        ("# drop it all\nCLEAR ALL", "CLEAR at 2:1"),
        ("DROP GRAPH <urn:g>", "DROP at 1:1"),
        ("WITH <urn:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", "WITH at 1:1"),
    ],
)
def test_updates_are_refused_at_their_place_in_the_users_query(
    small_build: Path, query: str, where: str
) -> None:
    text = query.replace("{port}", str(free_port()))
    with pytest.raises(QueryError, match=where):
        actorgraph.query(small_build, text)
    result = invoke("query", small_build, text)
    assert result.exit_code == 1
    assert_one_clear_line(result.stderr, where)


@guards("unclear")
def test_syntax_errors_give_positions_in_the_users_own_query(small_build: Path) -> None:
    with pytest.raises(QueryError, match=r"at 3:\d+"):
        actorgraph.query(small_build, "SELECT ?x WHERE {\n  ?x a ag:Person .\n  nonsense here }")
    with pytest.raises(QueryError, match=r"at 1:\d+"):
        actorgraph.query(small_build, "SELEC ?x WHERE { ?x ?p ?o }")
    own = "PREFIX ag: <urn:mine:>\nASK { ?x a ag:Person }"  # a query's own prefix wins
    assert actorgraph.query(small_build, own).boolean is False


@guards("injection")
def test_keywords_are_found_only_outside_strings_iris_and_comments() -> None:
    words = [
        w for w, _, _ in sparql_keywords('ASK { ?s <urn:SERVICE> "INSERT" ; :DELETE ?service }')
    ]
    assert words == ["ASK"]
    check_query("ASK { ?s ?p 'DROP GRAPH <urn:x>' }")  # a string is no update
    with pytest.raises(QueryError):
        check_query("ASK { ?s ?p ?o } ; SERVICE <urn:x> { }")


# -- credentials and redirects -----------------------------------------------------------------

SECRET = "s3cr3t-Pa55"


@guards("leak")
def test_a_password_in_the_endpoint_url_is_a_credential_not_a_host(
    small_build: Path, serve: Callable[..., Recorder]
) -> None:
    store = serve(ok)
    host = store.url.removeprefix("http://")
    endpoint = f"http://alice:{SECRET}@{host}/store"
    result = invoke("push", small_build, "--endpoint", endpoint)
    assert result.exit_code == 0, result.output
    [request] = store.seen
    assert (
        request.headers["Authorization"]
        == "Basic " + base64.b64encode(f"alice:{SECRET}".encode()).decode()
    )
    assert request.headers["Host"] == host and SECRET not in request.path
    assert SECRET not in result.output
    assert split_credentials(endpoint)[0] == f"http://{host}/store"


@guards("leak")
@pytest.mark.parametrize("status", [401, 403, 500])
def test_failures_never_print_the_password(
    small_build: Path, serve: Callable[..., Recorder], status: int
) -> None:
    store = serve(
        lambda request: (
            status,
            {},
            request.headers.get("Authorization", "").encode()
            + f" you sent {SECRET} from {request.path}".encode(),
        )
    )
    host = store.url.removeprefix("http://")
    for args in (
        ["push", small_build, "--endpoint", f"http://bob:{SECRET}@{host}/store"],
        ["push", small_build, "--endpoint", f"http://{host}/store", "-u", "bob", "-p", SECRET],
        ["push", small_build, "--endpoint", f"http://{host}/store", "--token", SECRET],
        ["query", f"http://bob:{SECRET}@{host}/sparql", "ASK {}"],
        ["push", small_build, "--endpoint", f"http://bob:{SECRET}@127.0.0.1:{free_port()}/x"],
        ["push", small_build, "--endpoint", f"http://bob:{SECRET}@{host}:notaport/x"],
    ):
        result = invoke(*args)
        assert result.exit_code == 1, result.output
        assert SECRET not in result.output, result.output
        assert base64.b64encode(f"bob:{SECRET}".encode()).decode() not in result.output
        assert_one_clear_line(result.stderr)


@guards("leak")
@pytest.mark.parametrize("code", [301, 302, 303, 307, 308])
def test_authorization_never_follows_a_redirect_to_another_origin(
    small_build: Path, serve: Callable[..., Recorder], code: int
) -> None:
    elsewhere = serve(ok)
    store = serve(lambda _: (code, {"Location": f"{elsewhere.url}/store?default"}, b""))
    credentials = Credentials("alice", SECRET)
    try:
        actorgraph.push(small_build, f"{store.url}/store", credentials=credentials)
        pushed = True
    except RemoteStoreError as error:
        pushed = False
        assert SECRET not in str(error)
    assert store.seen[0].headers.get("Authorization")
    assert all("Authorization" not in r.headers for r in elsewhere.seen)
    if code in (301, 302, 303):  # a write turned into a GET: a failure, and nothing sent on
        assert not pushed and elsewhere.seen == []
    else:  # 307, 308 keep the method and the body, without the credentials
        assert pushed and [r.method for r in elsewhere.seen] == ["PUT"]
        assert elsewhere.seen[0].body


@guards("lost")
@pytest.mark.parametrize("code", [301, 302, 303])
def test_a_redirected_write_is_a_failure_that_says_nothing_was_written(
    small_build: Path, serve: Callable[..., Recorder], code: int
) -> None:
    store = serve(lambda r: (code, {"Location": "/moved"}, b"") if r.path != "/moved" else ok(r))
    result = invoke("push", small_build, "--endpoint", f"{store.url}/store")
    assert result.exit_code == 1
    assert_one_clear_line(result.stderr, "nothing was written", f"HTTP {code}")
    assert [r.path for r in store.seen] == ["/store?default"]  # never turned into a GET


@guards("lost")
def test_a_same_origin_307_keeps_method_body_and_credentials(
    small_build: Path, serve: Callable[..., Recorder]
) -> None:
    store = serve(lambda r: (307, {"Location": "/real"}, b"") if r.path != "/real" else ok(r))
    result = actorgraph.push(small_build, f"{store.url}/store", credentials=Credentials("a", "b"))
    assert result.status == 204
    first, second = store.seen
    assert second.method == "PUT" and second.body == first.body
    assert second.headers["Authorization"] == first.headers["Authorization"]


@guards("crash")
def test_a_redirect_loop_ends_after_a_few_requests(
    small_build: Path, serve: Callable[..., Recorder]
) -> None:
    store = serve(lambda r: (307, {"Location": r.path + "x"}, b""))
    with pytest.raises(RemoteStoreError, match="redirects"):
        push_rdf(
            b"<urn:a> <urn:b> <urn:c> .\n", f"{store.url}/s", media_type="application/n-triples"
        )
    assert len(store.seen) <= 6


@guards("leak")
def test_query_endpoints_redact_and_answer_one_line_for_bad_results(
    serve: Callable[..., Recorder],
) -> None:
    endpoint = serve(lambda _: (200, {"Content-Type": "application/json"}, b"[1, 2]"))
    host = endpoint.url.removeprefix("http://")
    with pytest.raises(RemoteStoreError) as raised:
        query_endpoint(f"http://carol:{SECRET}@{host}/sparql?key={SECRET}", "ASK {}")
    assert SECRET not in str(raised.value)
    assert endpoint.seen[0].headers["Authorization"].startswith("Basic ")
    assert redact_url(f"http://u:{SECRET}@h/p?token={SECRET}") == "http://h/p"


@guards("injection")
def test_a_graph_iri_cannot_smuggle_sparql_into_an_update_push(
    small_build: Path, serve: Callable[..., Recorder]
) -> None:
    store = serve(ok)
    for graph in ("urn:g> } ; DROP ALL ; INSERT DATA { GRAPH <urn:x", "urn:a b", 'urn:"x"'):
        with pytest.raises(ValueError, match="absolute IRI"):
            actorgraph.push(small_build, f"{store.url}/update", graph=graph, protocol="update")
    assert store.seen == []
    result = actorgraph.push(
        small_build, f"{store.url}/update", graph="urn:ok:g", protocol="update"
    )
    assert store.seen[0].body.decode() == "DROP SILENT GRAPH <urn:ok:g>"
    replay = pyoxigraph.Store()  # what the remote store would do with the requests
    for request in store.seen:
        replay.update(request.body.decode("utf-8"))
    assert len(replay) == result.triples  # the payload in a name stayed inside a literal
    assert {quad.graph_name.value for quad in replay} == {"urn:ok:g"}


@guards("leak")
@pytest.mark.parametrize("code", [301, 302, 307])
def test_a_redirected_query_is_answered_without_taking_the_credentials_along(
    serve: Callable[..., Recorder], code: int
) -> None:
    answer = b'{"head": {}, "boolean": true}'
    elsewhere = serve(lambda _: (200, {"Content-Type": "application/sparql-results+json"}, answer))
    endpoint = serve(lambda _: (code, {"Location": f"{elsewhere.url}/sparql"}, b""))
    result = query_endpoint(
        f"{endpoint.url}/sparql", "ASK {}", credentials=Credentials(token=SECRET)
    )
    assert result.boolean is True
    assert endpoint.seen[0].headers["Authorization"] == f"Bearer {SECRET}"
    [moved] = elsewhere.seen
    assert moved.method == "POST" and b"query=" in moved.body
    assert "Authorization" not in moved.headers


@guards("crash")
def test_articles_given_as_objects_with_lone_surrogates_build(tmp_path: Path, nlp) -> None:
    broken = Article(
        "obj\ud800", "Taliban commander Hazrat Ali \udfff spoke in Helmand.", "t\ud800"
    )
    result = actorgraph.build_folder([broken], tmp_path / "out", formats=["turtle"], store=False)
    assert result.extracted == 1
    turtle = (tmp_path / "out" / "graph.ttl").read_bytes()
    assert list(pyoxigraph.parse(turtle, format=pyoxigraph.RdfFormat.TURTLE))
    [extraction] = actorgraph.extract_texts([broken])
    assert extraction.article.id == "obj\ufffd"
