"""Faults inside extraction: one article that makes the pipeline raise never sinks a batch.

The fault is real: an extra spaCy component in a real pipeline raises on one article's
text, in this process, in forked worker processes, or through the public API. And the
long-text limit reaches Dask workers, which load their own pipeline.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

import actorgraph
from actorgraph.extractors.article import extract_articles
from actorgraph.extractors.pipeline import load_pipeline

TRIGGER = "EXPLODE"


@Language.component("actorgraph_test_fault")
def _fault(doc: Doc) -> Doc:
    if TRIGGER in doc.text:
        raise RuntimeError("the test fault went off")
    return doc


@pytest.fixture(scope="module")
def faulty_nlp() -> Language:
    """The real pipeline, with one component that raises on articles containing TRIGGER."""
    nlp = load_pipeline()
    nlp.add_pipe("actorgraph_test_fault", first=True)
    return nlp


def articles(*, bad: int = 1) -> list[actorgraph.Article]:
    good = [
        actorgraph.Article(f"good-{n}", f"Taliban commander Hazrat Ali{n} spoke in Kandahar.")
        for n in range(5)
    ]
    broken = [
        actorgraph.Article(f"bad-{n}", f"Al-Shabaab said it would {TRIGGER} the talks.")
        for n in range(bad)
    ]
    return [*good[:2], *broken, *good[2:]]


def digests(folder: Path) -> dict[str, str]:
    return {
        name: hashlib.sha256((folder / name).read_bytes()).hexdigest()
        for name in ("extractions.jsonl", "graph.ttl")
    }


def test_a_failing_article_is_reported_and_the_others_are_built(faulty_nlp, tmp_path: Path):
    errors: list[actorgraph.ArticleReadError] = []
    result = actorgraph.build_folder(
        articles(),
        tmp_path / "out",
        nlp=faulty_nlp,
        formats=["turtle"],
        batch_size=4,
        processes=1,
        on_error=errors.append,
    )
    assert [type(e) for e in errors] == [actorgraph.ArticleExtractionError]
    assert errors[0].source == "bad-0"
    assert "RuntimeError: the test fault went off" in str(errors[0])
    assert sorted(result.graph.articles) == [f"good-{n}" for n in range(5)]
    assert result.extracted == 5
    assert "bad-0" not in (tmp_path / "out" / "extractions.jsonl").read_text()


def test_a_failed_article_is_not_cached_so_the_next_build_tries_it_again(
    faulty_nlp, tmp_path: Path
) -> None:
    folder = tmp_path / "out"
    first: list[actorgraph.ArticleReadError] = []
    actorgraph.build_folder(
        articles(), folder, nlp=faulty_nlp, formats=["turtle"], processes=1, on_error=first.append
    )
    again: list[actorgraph.ArticleReadError] = []
    result = actorgraph.build_folder(
        articles(), folder, nlp=faulty_nlp, formats=["turtle"], processes=1, on_error=again.append
    )
    assert result.extracted == 0 and result.reused == 5  # only the failed one was tried again
    assert [e.source for e in first] == [e.source for e in again] == ["bad-0"]


def test_without_a_handler_the_failure_stops_the_build_with_its_article(
    faulty_nlp, tmp_path: Path
) -> None:
    with pytest.raises(actorgraph.ArticleExtractionError, match="bad-0: extraction failed"):
        actorgraph.build_folder(
            articles(), tmp_path / "out", nlp=faulty_nlp, formats=["turtle"], processes=1
        )
    assert not (tmp_path / "out" / "manifest.json").exists()


def test_worker_processes_isolate_failures_and_write_the_same_bytes(
    faulty_nlp, tmp_path: Path
) -> None:
    outputs = {}
    for processes in (1, 2):
        errors: list[actorgraph.ArticleReadError] = []
        folder = tmp_path / f"p{processes}"
        actorgraph.build_folder(
            articles(bad=3),
            folder,
            nlp=faulty_nlp,
            formats=["turtle"],
            batch_size=2,
            processes=processes,
            on_error=errors.append,
        )
        assert sorted(e.source for e in errors) == ["bad-0", "bad-1", "bad-2"]
        outputs[processes] = digests(folder)
    assert outputs[1] == outputs[2]


def test_extraction_goes_on_after_a_failure_in_the_same_batch(faulty_nlp) -> None:
    failed: list[str] = []
    done = extract_articles(
        articles(bad=2),
        faulty_nlp,
        batch_size=8,
        on_failure=lambda article, error: failed.append(article.id),
    )
    assert [e.article.id for e in done] == [f"good-{n}" for n in range(5)]
    assert failed == ["bad-0", "bad-1"]


def test_a_failing_long_article_in_pieces_is_isolated_too(faulty_nlp) -> None:
    long_bad = actorgraph.Article("long-bad", "Taliban fighters attacked. " * 30 + TRIGGER)
    failed: list[str] = []
    done = extract_articles(
        [long_bad, *articles(bad=0)],
        faulty_nlp,
        max_chars=200,
        on_failure=lambda article, error: failed.append(article.id),
    )
    assert len(list(done)) == 5
    assert failed == ["long-bad"]


def test_dask_workers_cut_long_texts_at_the_builds_max_chars(samples_dir: Path, tmp_path: Path):
    pytest.importorskip("distributed")
    options = {"formats": ["turtle"], "batch_size": 2, "max_chars": 400}
    actorgraph.build_folder([samples_dir], tmp_path / "here", processes=1, **options)
    actorgraph.build_folder([samples_dir], tmp_path / "dask", dask="local:2", **options)
    assert digests(tmp_path / "dask") == digests(tmp_path / "here")
    # and the limit changed the extraction (the samples are longer than 400 characters)
    actorgraph.build_folder([samples_dir], tmp_path / "whole", processes=1, formats=["turtle"])
    assert digests(tmp_path / "whole") != digests(tmp_path / "here")
