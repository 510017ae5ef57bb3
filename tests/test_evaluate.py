"""Tests of actorgraph.evaluation: the report arithmetic, the gold scorer, the benchmark
scorers and the co-occurrence baseline, on small hand-made records and files."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import spacy
from rich.console import Console
from spacy.tokens import Doc, Span

from actorgraph.evaluation import (
    EXTRA_TARGET_GROUP_NAMES,
    TARGET_GROUP_KEYS,
    ErrorCase,
    Report,
    Score,
    conll_name_key,
    cooccurrence_record,
    event_class,
    gold_name_key,
    group_code,
    isaf_event_types,
    load_gold,
    load_records,
    record_from_gold,
    score_conll04,
    score_gold,
    score_isaf,
    target_group_names,
    texts_overlap,
)
from actorgraph.gazetteers.organisations import load_organisations
from actorgraph.model import Article, ArticleExtraction, Entity, Event, Evidence, Fact, RecordError
from actorgraph.ontology import EntityType, EventKind, Relation

SHARED = Path(__file__).resolve().parents[2] / "shared"


# ---------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------


def write_json(path: Path, data: Any) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def write_jsonl(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def entity(entity_id: str, entity_type: str, name: str, *aliases: str, iso: str | None = None):
    record: dict[str, Any] = {
        "id": entity_id,
        "type": entity_type,
        "name": name,
        "aliases": list(aliases),
    }
    if iso:
        record["iso3166_2"] = iso
    return record


def event(event_id: str, kind: str, sentence: str) -> dict[str, Any]:
    return {"id": event_id, "kind": kind, "sentence": sentence, "start": 0, "end": 0, "date": None}


def rel(subject: str, predicate: str, obj: str, sentence: str = "") -> dict[str, Any]:
    return {
        "subject": subject,
        "predicate": predicate,
        "object": obj,
        "confidence": 0.9,
        "evidence": {"sentence": sentence, "start": 0, "end": len(sentence)},
    }


def record(article: str, entities=(), events=(), relations=()) -> dict[str, Any]:
    return {
        "article": article,
        "entities": list(entities),
        "events": list(events),
        "relations": list(relations),
    }


AIRSTRIKE_EVIDENCE = (
    "In a recent airstrike in the Nahr-e-Seraj district of Helmand province last month"
)
KILLING_EVIDENCE = "was killed by Afghan forces in Paktika province"

GOLD_A1 = {
    "article": "a1.txt",
    "entities": {
        "taliban": {"type": "Organisation", "name": "Taliban", "aliases": ["the Taliban"]},
        "al_qaeda": {"type": "Organisation", "name": "Al Qaeda", "aliases": ["Al-Qaeda"]},
        "army": {"type": "Organisation", "name": "Afghan Army", "aliases": []},
        "daily_beast": {"type": "Organisation", "name": "The Daily Beast", "aliases": []},
        "ali": {"type": "Person", "name": "Hazrat Ali", "aliases": []},
        "shaheen": {"type": "Person", "name": "Sohail Shaheen", "aliases": ["Shaheen"]},
        "helmand": {
            "type": "Province",
            "name": "Helmand",
            "aliases": ["Helmand province"],
            "iso3166_2": "AF-HEL",
        },
        "paktika": {"type": "Province", "name": "Paktika", "aliases": [], "iso3166_2": "AF-PKA"},
    },
    "events": {
        "e1": {"kind": "Airstrike", "evidence": AIRSTRIKE_EVIDENCE},
        "e2": {"kind": "Killing", "evidence": KILLING_EVIDENCE},
    },
    "relations": [
        {"subject": "ali", "predicate": "affiliatedWith", "object": "taliban"},
        {"subject": "shaheen", "predicate": "affiliatedWith", "object": "taliban"},
        {"subject": "al_qaeda", "predicate": "alliedWith", "object": "taliban"},
        {"subject": "e1", "predicate": "locatedIn", "object": "helmand"},
        {"subject": "e2", "predicate": "locatedIn", "object": "paktika"},
        {
            "subject": "shaheen",
            "predicate": "affiliatedWith",
            "object": "al_qaeda",
            "optional": True,
        },
    ],
    "not": [
        {
            "subject": "shaheen",
            "predicate": "affiliatedWith",
            "object": "daily_beast",
            "why": "he spoke to the newspaper",
        },
        {"subject": "army", "predicate": "alliedWith", "object": "taliban", "why": "adversaries"},
    ],
}


@pytest.fixture
def gold_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "gold"
    folder.mkdir()
    write_json(folder / "a1.json", GOLD_A1)
    return folder


def counts(report: Report, measure: str) -> tuple[int, int, int]:
    score = report.scores[measure]
    return score.tp, score.fp, score.fn


# ---------------------------------------------------------------------------
# report
# ---------------------------------------------------------------------------


def test_score_arithmetic() -> None:
    score = Score(tp=3, fp=1, fn=2)
    assert score.precision == pytest.approx(0.75)
    assert score.recall == pytest.approx(0.6)
    assert score.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)


def test_score_is_zero_when_undefined() -> None:
    assert (Score().precision, Score().recall, Score().f1) == (0.0, 0.0, 0.0)
    assert Score(tp=0, fp=0, fn=4).precision == 0.0
    assert Score(tp=0, fp=3, fn=0).recall == 0.0


def test_report_micro_and_to_dict() -> None:
    report = Report(
        name="t",
        scores={"a": Score(1, 1, 0), "b": Score(2, 0, 1)},
        errors=[ErrorCase("miss", "x.txt", "b", "s", "o")],
        notes={"n": 1},
    )
    assert (report.micro.tp, report.micro.fp, report.micro.fn) == (3, 1, 1)
    summary = report.to_dict()
    assert summary["scores"]["b"] == {
        "precision": 1.0,
        "recall": 0.6667,
        "f1": 0.8,
        "tp": 2,
        "fp": 0,
        "fn": 1,
    }
    assert summary["micro"]["precision"] == 0.75
    assert summary["counts"] == {"misses": 1, "false_alarms": 0}
    assert "errors" not in summary
    assert report.to_dict(include_errors=True)["errors"][0]["article"] == "x.txt"
    json.dumps(summary)


def test_report_render_lists_errors_on_request() -> None:
    report = Report(
        name="demo",
        scores={"affiliatedWith": Score(1, 1, 1)},
        errors=[
            ErrorCase("miss", "a.txt", "affiliatedWith", "Hazrat Ali", "Taliban", "Taliban [x]"),
            ErrorCase("false_alarm", "a.txt", "affiliatedWith", "Karim", "Taliban", None, "why"),
        ],
    )
    console = Console(record=True, width=120)
    report.render(console)
    plain = console.export_text()
    assert "affiliatedWith" in plain and "micro" in plain and "Karim" not in plain
    console = Console(record=True, width=120)
    report.render(console, show_errors=True)
    plain = console.export_text()
    assert "Hazrat Ali" in plain and "Karim" in plain and "Taliban [x]" in plain


# ---------------------------------------------------------------------------
# names and sentences
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("The Helmand Province", "helmand"),
        ("Helmand province", "helmand"),
        ("Al-Qaeda's", "al qaeda"),
        ("the  Taliban", "taliban"),
        ("Paktīkā", "paktika"),
        ("Nahr-e-Seraj", "nahr e seraj"),
    ],
)
def test_gold_name_key(name: str, key: str) -> None:
    assert gold_name_key(name) == key


def test_texts_overlap() -> None:
    sentence = f"{AIRSTRIKE_EVIDENCE}, five of the 12 terrorists were Al Qaeda members."
    assert texts_overlap(AIRSTRIKE_EVIDENCE, sentence)
    assert texts_overlap(AIRSTRIKE_EVIDENCE, sentence.replace(" ", "  \n"))
    assert texts_overlap(AIRSTRIKE_EVIDENCE, "recent airstrike in the Nahr-e-Seraj district")
    # evidence cut by a sentence boundary still overlaps its larger half
    assert texts_overlap(AIRSTRIKE_EVIDENCE + ". Then more.", "Earlier. " + AIRSTRIKE_EVIDENCE)
    assert not texts_overlap(AIRSTRIKE_EVIDENCE, "Fighting continued in Helmand province.")
    # a shared stock phrase is not the same sentence
    short = "attacked a base in Paktika province"
    assert not texts_overlap(short, "Ali later rejoined the Taliban in Paktika Province.")
    assert not texts_overlap(AIRSTRIKE_EVIDENCE, "")


# ---------------------------------------------------------------------------
# gold files
# ---------------------------------------------------------------------------


def test_load_gold_types(gold_dir: Path) -> None:
    gold = load_gold(gold_dir)
    article = gold["a1.txt"]
    assert article.entities["helmand"].iso3166_2 == "AF-HEL"
    assert article.events["e1"].evidence == (AIRSTRIKE_EVIDENCE,)
    assert len(article.required) == 5
    assert article.negatives[0].why == "he spoke to the newspaper"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda data: data.pop("article"), "'article'"),
        (
            lambda data: data["relations"].append(
                {"subject": "ali", "predicate": "knows", "object": "army"}
            ),
            "unknown predicate",
        ),
        (
            lambda data: data["relations"].append(
                {"subject": "ali", "predicate": "affiliatedWith", "object": "nobody"}
            ),
            "nobody",
        ),
        (lambda data: data["entities"]["ali"].update(type="Human"), "unknown type"),
        (lambda data: data["events"]["e1"].pop("evidence"), "no evidence"),
    ],
)
def test_malformed_gold_names_the_file(tmp_path: Path, change, message: str) -> None:
    data = json.loads(json.dumps(GOLD_A1))
    change(data)
    write_json(tmp_path / "broken.json", data)
    with pytest.raises(ValueError, match=message) as error:
        load_gold(tmp_path)
    assert "broken.json" in str(error.value)


def test_invalid_json_gold_names_the_file(tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.json"):
        load_gold(tmp_path)


def test_missing_or_empty_gold_folder(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="no gold files"):
        load_gold(tmp_path)
    with pytest.raises(ValueError, match="not found"):
        load_gold(tmp_path / "absent")


def test_two_files_for_one_article(gold_dir: Path) -> None:
    write_json(gold_dir / "copy.json", GOLD_A1)
    with pytest.raises(ValueError, match="already annotated"):
        load_gold(gold_dir)


# ---------------------------------------------------------------------------
# scoring against gold
# ---------------------------------------------------------------------------


def test_affiliations_alliances_optional_and_not(gold_dir: Path) -> None:
    extracted = record(
        "a1.txt",
        entities=[
            entity("t1", "Person", "HAZRAT ALI"),
            entity("t2", "Organisation", "The Taliban's"),
            entity("t3", "Person", "Shaheen"),
            entity("t4", "Organisation", "Daily Beast", "The Daily Beast"),
            entity("t5", "Organisation", "al-qaeda"),
        ],
        relations=[
            rel("t1", "affiliatedWith", "t2", "Taliban commander Hazrat Ali"),
            rel("t1", "affiliatedWith", "t2", "Hazrat Ali, again"),  # duplicate: once
            rel("t3", "affiliatedWith", "t5"),  # optional: neither hit nor false alarm
            rel("t3", "affiliatedWith", "t4", "Shaheen told The Daily Beast"),  # listed as not
            rel("t2", "alliedWith", "t5"),  # gold has it the other way round
            rel("t1", "involves", "t2"),  # not part of the gold format
        ],
    )
    report = score_gold(gold_dir, [extracted])
    assert counts(report, "affiliatedWith") == (1, 1, 1)
    assert counts(report, "alliedWith") == (1, 0, 0)
    assert counts(report, "locatedIn") == (0, 0, 2)
    alarm = report.false_alarms[0]
    assert (alarm.subject, alarm.object) == ("Shaheen", "Daily Beast")
    assert alarm.why is not None and "he spoke to the newspaper" in alarm.why
    assert alarm.sentence == "Shaheen told The Daily Beast"
    assert {(miss.subject, miss.object) for miss in report.misses} >= {
        ("Sohail Shaheen", "Taliban")
    }
    assert report.notes["optional_found"] == 1
    assert report.notes["negatives_found"] == 1


def test_names_unknown_to_gold_are_false_alarms(gold_dir: Path) -> None:
    extracted = record(
        "a1.txt",
        entities=[
            entity("t1", "Person", "John Doe"),
            entity("t2", "Organisation", "Acme Corp"),
            entity("t3", "Person", "Hazrat Ali"),
            entity("t4", "Organisation", "Afghan Army"),
        ],
        relations=[
            rel("t1", "affiliatedWith", "t2", "first sentence"),
            rel("t1", "affiliatedWith", "t2", "second sentence"),  # same pair: once
            rel("t3", "affiliatedWith", "t4"),  # both known, relation not in gold
        ],
    )
    report = score_gold(gold_dir, [extracted])
    assert counts(report, "affiliatedWith") == (0, 2, 2)
    reasons = sorted(error.why or "" for error in report.false_alarms)
    assert reasons == ["'John Doe' is not a gold entity", "no such relation in the gold"]


def test_events_match_by_sentence_and_province(gold_dir: Path) -> None:
    strike_sentence = (
        "In a recent  airstrike in the Nahr-e-Seraj district of Helmand province last month, "
        "five of the 12 terrorists were Al Qaeda members."
    )
    extracted = record(
        "a1.txt",
        entities=[
            entity("p1", "Province", "Helmand Province"),  # no code: matched by name
            entity("p2", "Province", "Paktia", iso="AF-PKA"),  # other name: matched by code
            entity("p3", "Province", "Kandahar", iso="AF-KAN"),
        ],
        events=[
            event("v1", "Airstrike", strike_sentence),
            event(
                "v2",
                "Killing",
                "Earlier, a leader was killed by Afghan forces in Paktika province.",
            ),
            event("v3", "Airstrike", strike_sentence),
            event("v4", "Clash", "Fighting continued in Helmand on Tuesday."),
            event("v5", "Killing", ""),
        ],
        relations=[
            rel("v1", "locatedIn", "p1"),  # hit
            rel("v2", "locatedIn", "p2"),  # hit through the ISO code
            rel("v3", "locatedIn", "p3"),  # province unknown to the gold
            rel("v4", "locatedIn", "p1"),  # right province, sentence holds no gold event
            rel("v5", "locatedIn", "p1", f"He {KILLING_EVIDENCE}."),  # right event, wrong province
        ],
    )
    report = score_gold(gold_dir, [extracted])
    assert counts(report, "locatedIn") == (2, 3, 0)
    reasons = sorted(error.why or "" for error in report.false_alarms)
    assert reasons == [
        "'Kandahar' is not a gold entity",
        "its sentence holds no gold event",
        "no such relation in the gold",
    ]


def test_event_matched_through_evidence_sentence(gold_dir: Path) -> None:
    extracted = record(
        "a1.txt",
        entities=[entity("p1", "Province", "Helmand")],
        events=[event("v1", "Airstrike", "A headline about it"), event("v2", "Airstrike", "")],
        relations=[
            rel("v1", "locatedIn", "p1", AIRSTRIKE_EVIDENCE + ", officials said."),
            rel("v2", "locatedIn", "p1", AIRSTRIKE_EVIDENCE),  # same gold relation: once
        ],
    )
    report = score_gold(gold_dir, [extracted])
    assert counts(report, "locatedIn") == (1, 0, 1)


def test_article_matching_and_missing_records(gold_dir: Path) -> None:
    other = {
        "article": "a2.txt",
        "entities": {
            "x": {"type": "Person", "name": "X Y", "aliases": []},
            "o": {"type": "Organisation", "name": "Org", "aliases": []},
        },
        "relations": [{"subject": "x", "predicate": "affiliatedWith", "object": "o"}],
    }
    write_json(gold_dir / "a2.json", other)
    extracted = record(
        "corpus/dev/a1.txt",
        entities=[entity("t1", "Person", "Hazrat Ali"), entity("t2", "Organisation", "Taliban")],
        relations=[rel("t1", "affiliatedWith", "t2")],
    )
    stray = record("zzz.txt")
    report = score_gold(gold_dir, [extracted, stray])
    assert counts(report, "affiliatedWith") == (1, 0, 2)
    assert report.notes["articles_without_record"] == ["a2.txt"]
    assert report.notes["records_without_gold"] == ["zzz.txt"]
    assert report.micro.fn == 5


def test_several_records_of_one_article_are_united(gold_dir: Path) -> None:
    people = [entity("t1", "Person", "Hazrat Ali"), entity("t2", "Organisation", "Taliban")]
    first = record("a1.txt", entities=people, relations=[rel("t1", "affiliatedWith", "t2")])
    second = record(
        "a1.txt",
        entities=[
            entity("t1", "Person", "Sohail Shaheen"),
            entity("t9", "Organisation", "Taliban"),
        ],
        relations=[rel("t1", "affiliatedWith", "t9")],
    )
    report = score_gold(gold_dir, [first, second])
    assert counts(report, "affiliatedWith") == (2, 0, 0)


def test_perfect_record_from_gold(gold_dir: Path) -> None:
    gold = load_gold(gold_dir)
    report = score_gold(gold_dir, [record_from_gold(article) for article in gold.values()])
    assert report.micro.f1 == 1.0
    assert report.errors == []


def test_malformed_records_are_reported(gold_dir: Path) -> None:
    broken = record("a1.txt", relations=[rel("t1", "affiliatedWith", "t2")])
    with pytest.raises(RecordError, match=r"'a1.txt'.*unknown 't1'"):
        score_gold(gold_dir, [broken])
    twice = record("a1.txt", entities=[entity("t1", "Person", "A"), entity("t1", "Person", "B")])
    with pytest.raises(RecordError, match=r"'a1.txt'.*'t1' is used twice"):
        score_gold(gold_dir, [twice])


Scorer = Callable[[list[Any]], Report]


@pytest.fixture
def scorers(gold_dir: Path, conll_file: Path, isaf_file: Path) -> dict[str, Scorer]:
    """Every scorer with its gold bound, as confidence_bands takes them."""
    return {
        "gold": lambda records: score_gold(gold_dir, records),
        "conll04": lambda records: score_conll04(conll_file, records),
        "isaf": lambda records: score_isaf(isaf_file, records),
    }


def readable_record() -> dict[str, Any]:
    return record(
        "r1",
        entities=[entity("t1", "Organisation", "Taliban")],
        events=[event("v1", "Capture", "A Taliban leader was detained.")],
        relations=[rel("v1", "involves", "t1", "A Taliban leader was detained.")],
    )


@pytest.mark.parametrize("scorer", ["gold", "conll04", "isaf"])
@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda data: data.pop("article"), "missing key 'article'"),
        (
            lambda data: data["entities"][0].pop("name"),
            "'r1': not an extraction record: missing key 'name'",
        ),
        (
            lambda data: data["events"][0].pop("sentence"),
            "'r1': not an extraction record: missing key 'sentence'",
        ),
        (
            lambda data: data["relations"][0].pop("evidence"),
            "'r1': not an extraction record: missing key 'evidence'",
        ),
        (
            lambda data: data["relations"][0]["evidence"].pop("start"),
            "'r1': not an extraction record: missing key 'start'",
        ),
        (
            lambda data: data["events"][0].update(kind="Shooting"),
            "'r1': not an extraction record: unknown event kind 'Shooting'",
        ),
        (
            lambda data: data["entities"][0].update(type="Human"),
            "'r1': not an extraction record: 'Human' is not a valid EntityType",
        ),
    ],
)
def test_malformed_record_raises_record_error_naming_what_is_missing(
    scorers: dict[str, Scorer], scorer: str, damage, message: str
) -> None:
    data = readable_record()
    scorers[scorer]([data])  # readable as it is
    damage(data)
    with pytest.raises(RecordError, match=re.escape(message)):
        scorers[scorer]([data])


def test_a_record_that_is_not_an_object_raises_record_error(gold_dir: Path) -> None:
    with pytest.raises(RecordError, match="a JSON list"):
        score_gold(gold_dir, [["a1.txt"]])


def gold_extraction() -> ArticleExtraction:
    """A record of a1.txt built from the model's classes, never written as JSON."""
    affiliation = "Taliban commander Hazrat Ali"

    def evidence(sentence: str) -> Evidence:
        return Evidence("a1.txt", sentence, 0, len(sentence))

    return ArticleExtraction(
        Article("a1.txt", ""),
        entities=[
            Entity("t1", EntityType.PERSON, "Hazrat Ali"),
            Entity("t2", EntityType.ORGANISATION, "Taliban", ["the Taliban"]),
            Entity("t3", EntityType.ORGANISATION, "Acme Corp"),
            Entity("p1", EntityType.PROVINCE, "Helmand", iso3166_2="AF-HEL"),
        ],
        events=[Event("v1", EventKind.AIRSTRIKE, AIRSTRIKE_EVIDENCE, 0, 10, "airstrike")],
        facts=[
            Fact("t1", Relation.AFFILIATED_WITH, "t2", 0.9, evidence(affiliation)),
            Fact("t1", Relation.AFFILIATED_WITH, "t3", 0.6, evidence(affiliation)),
            Fact("v1", Relation.LOCATED_IN, "p1", 0.8, evidence(AIRSTRIKE_EVIDENCE)),
            Fact("v1", Relation.INVOLVES, "t2", 0.7, evidence(AIRSTRIKE_EVIDENCE)),
        ],
    )


def test_score_gold_accepts_article_extractions(gold_dir: Path) -> None:
    made = gold_extraction()
    report = score_gold(gold_dir, [made])
    assert counts(report, "affiliatedWith") == (1, 1, 1)
    assert counts(report, "locatedIn") == (1, 0, 1)
    assert report.false_alarms[0].why == "'Acme Corp' is not a gold entity"
    as_json = score_gold(gold_dir, [made.to_record()])
    assert report.to_dict(include_errors=True) == as_json.to_dict(include_errors=True)


@pytest.mark.parametrize("scorer", ["gold", "conll04", "isaf"])
def test_scorers_accept_article_extractions_and_json_alike(
    scorers: dict[str, Scorer], scorer: str
) -> None:
    found = [
        gold_extraction(),
        readable_record(),
        record("1", entities=[entity("t1", "Person", "Dennis DeConcini")]),
    ]
    objects = [
        item if isinstance(item, ArticleExtraction) else ArticleExtraction.from_record(item)
        for item in found
    ]
    as_json = [item.to_record() if isinstance(item, ArticleExtraction) else item for item in found]
    mixed = scorers[scorer](found).to_dict(include_errors=True)
    assert scorers[scorer](objects).to_dict(include_errors=True) == mixed
    assert scorers[scorer](as_json).to_dict(include_errors=True) == mixed


def test_load_records(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_text(json.dumps(record("a.txt")) + "\n\n" + json.dumps(record("b.txt")) + "\n")
    assert [item["article"] for item in load_records(path)] == ["a.txt", "b.txt"]
    path.write_text("{oops\n")
    with pytest.raises(ValueError, match=r"out\.jsonl:1"):
        load_records(path)


# ---------------------------------------------------------------------------
# CoNLL04
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("The Reagan administration 's ,", "reagan administration"),
        ("U.S. Navy", "u.s. navy"),
        ("  the  Forest   Service ", "forest service"),
        ("Workers'", "workers"),
    ],
)
def test_conll_name_key(name: str, key: str) -> None:
    assert conll_name_key(name) == key


def conll_doc(doc_id: str, text: str, names: list[tuple[str, str]], work_for) -> dict:
    entities = []
    for name, entity_type in names:
        start = text.index(name)
        entities.append(
            {"start": start, "end": start + len(name), "type": entity_type, "text": name}
        )
    relations = [{"type": kind, "head": head, "tail": tail} for kind, head, tail in work_for]
    return {"id": doc_id, "text": text, "entities": entities, "relations": relations}


@pytest.fixture
def conll_file(tmp_path: Path) -> Path:
    docs = [
        conll_doc(
            "1",
            "Sen. Dennis DeConcini , chairman of the Senate Appropriations subcommittee , "
            "met Bush .",
            [
                ("Dennis DeConcini", "Peop"),
                ("Senate Appropriations subcommittee", "Org"),
                ("Bush", "Peop"),
            ],
            [("Work_For", 0, 1), ("Work_For", 0, 1), ("Kill", 2, 0)],
        ),
        conll_doc(
            "2",
            "Larry Jinks of the San Jose Mercury News and William A. Ott spoke .",
            [("Larry Jinks", "Peop"), ("San Jose Mercury News", "Org"), ("William A. Ott", "Peop")],
            [("Work_For", 0, 1), ("Work_For", 2, 1)],
        ),
        conll_doc(
            "3",
            "Ann Lee of Acme Inc. spoke .",
            [("Ann Lee", "Peop"), ("Acme Inc.", "Org")],
            [("Work_For", 0, 1)],
        ),
    ]
    return write_jsonl(tmp_path / "conll.jsonl", docs)


def test_conll04_scoring(conll_file: Path) -> None:
    first = record(
        "1",
        entities=[
            entity("t1", "Person", "DeConcini", "Dennis DeConcini"),
            entity("t2", "Organisation", "the Senate Appropriations subcommittee 's"),
            entity("t3", "Person", "Bush"),
            entity("t4", "Organisation", "Senate"),
        ],
        relations=[
            rel("t1", "affiliatedWith", "t2"),  # hit through the alias and normalisation
            rel("t3", "affiliatedWith", "t2"),  # false alarm
            rel("t4", "affiliatedWith", "t2"),  # not Person -> Organisation: not counted
        ],
    )
    second = record(
        "2",
        entities=[
            entity("t1", "Person", "Larry Jinks"),
            entity("t2", "Organisation", "The San Jose Mercury News"),
            entity("t3", "Person", "Jinks", "Larry Jinks"),
        ],
        relations=[
            rel("t1", "affiliatedWith", "t2"),
            rel("t1", "affiliatedWith", "t2"),  # the same prediction: once
            rel("t3", "affiliatedWith", "t2"),  # distinct, but its gold pair is taken
        ],
    )
    report = score_conll04(conll_file, [first, second])
    assert counts(report, "affiliatedWith") == (2, 2, 2)
    assert report.notes["gold_pairs"] == 4
    assert report.notes["documents_without_record"] == 1
    assert report.notes["skipped_not_person_to_organisation"] == 1
    missed = {(miss.subject, miss.object) for miss in report.misses}
    assert missed == {("William A. Ott", "San Jose Mercury News"), ("Ann Lee", "Acme Inc.")}
    assert {alarm.why for alarm in report.false_alarms} == {
        "not a gold Work_For",
        "its gold pair is already claimed",
    }


def test_conll04_malformed_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(
        json.dumps(
            {
                "id": "1",
                "text": "x",
                "entities": [],
                "relations": [{"type": "Work_For", "head": 0, "tail": 1}],
            }
        )
    )
    with pytest.raises(ValueError, match=r"bad\.jsonl:1"):
        score_conll04(path, [])


# ---------------------------------------------------------------------------
# ISAF
# ---------------------------------------------------------------------------


def test_isaf_event_type_mapping() -> None:
    assert isaf_event_types(["capture"]) == {"detention"}
    assert isaf_event_types(["killing"]) == {"insurgentskilled"}
    assert isaf_event_types(["capture", "killing", None]) == {"captureandkill"}
    assert isaf_event_types(["airstrike", "killing"]) == {"airstrike"}
    assert isaf_event_types(["airstrike", "capture"]) == {"airstrike", "detention"}
    assert isaf_event_types(["clash"]) == {"exchangeoffire"}
    assert isaf_event_types(["clash", "capture"]) == {"detention"}
    assert isaf_event_types(["civilian", "clash"]) == {"civiliancasualty"}
    assert isaf_event_types([None]) == set()


def test_isaf_event_class() -> None:
    assert event_class("Capture") == "capture"
    assert event_class("air strike") == "airstrike"
    assert event_class("Raid") is None
    assert event_class("CivilianCasualty") == "civilian"
    accident = "ISAF accidentally killed two civilians during a firefight."
    assert event_class("Killing", accident) == "civilian"
    assert (
        event_class("Killing", "No civilians were harmed; two insurgents were killed.") == "killing"
    )


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("the Taliban", "taliban"),
        ("Taliban fighters", "taliban"),
        ("Haqqani Network", "haqqani"),
        ("Hezb-e-Islami Gulbuddin", "hig"),
        ("al-Qaida", "aq"),
        ("Lashkar-e Tayyiba", "let"),
        ("Tehrik-i-Taliban Pakistan", "ttp"),
        ("Islamic Movement of Uzbekistan", "imu"),
        ("criminal network", "criminal"),
        ("ISAF", None),
        ("Shirafat Attack Network", None),
    ],
)
def test_group_codes(name: str, code: str | None) -> None:
    assert group_code(name) == code


def isaf_row(release_id: str, provinces, groups, kinds) -> dict[str, Any]:
    return {
        "id": release_id,
        "title": f"T-{release_id}",
        "text": "KABUL, Afghanistan (Jan. 1, 2012)\n...",
        "event_types": kinds,
        "provinces": provinces,
        "target_groups": groups,
    }


@pytest.fixture
def isaf_file(tmp_path: Path) -> Path:
    rows = [
        isaf_row("r1", ["AF-HEL"], ["taliban"], ["detention"]),
        isaf_row("r2", ["AF-KHO"], ["haqqani;hig"], ["insurgentskilled;detention"]),
        isaf_row("r3", [], [""], ["airstrike"]),
        isaf_row("r4", ["AF-NAN"], ["shirafat attack network;taliban"], ["captureandkill"]),
        isaf_row("r5", ["AF-NAN"], ["shirafat attack network"], ["detention"]),
    ]
    return write_jsonl(tmp_path / "isaf.jsonl", rows)


def test_isaf_scoring(isaf_file: Path) -> None:
    r1 = record(
        "r1",
        entities=[
            entity("p1", "Province", "Helmand", iso="AF-HEL"),
            entity("p2", "Province", "Kabul", iso="AF-KAB"),  # dateline: never located
            entity("o1", "Organisation", "the Taliban"),
            entity("o2", "Organisation", "ISAF"),
            entity("o3", "Organisation", "Afghan National Army"),
        ],
        events=[event("v1", "Capture", "A force detained a Taliban leader in Helmand.")],
        relations=[
            rel("v1", "locatedIn", "p1"),
            rel("v1", "involves", "o1"),
            rel("v1", "involves", "o2"),
            rel("v1", "involves", "o3"),
        ],
    )
    r2 = record(
        "r2",
        entities=[
            entity("p1", "Province", "Khost", iso="AF-KHO"),
            entity("p2", "Province", "Paktia", iso="AF-PIA"),
            entity("o1", "Organisation", "Haqqani Network"),
            entity("o2", "Organisation", "Hezb-e-Islami Gulbuddin"),
        ],
        events=[event("v1", "Killing", "killed"), event("v2", "Capture", "detained")],
        relations=[
            rel("v1", "locatedIn", "p1"),
            rel("v2", "locatedIn", "p2"),
            rel("v1", "involves", "o1"),
            rel("v2", "involves", "o2"),
        ],
    )
    r3 = record(
        "r3",
        entities=[entity("p1", "Province", "Kunar"), entity("o1", "Organisation", "Acme Militia")],
        events=[event("v1", "Airstrike", "an airstrike"), event("v2", "Killing", "killing two")],
        relations=[rel("v1", "locatedIn", "p1"), rel("v1", "involves", "o1")],
    )
    r5 = record(
        "r5",
        entities=[
            entity("p1", "Province", "Nangarhar", iso="AF-NAN"),
            entity("o1", "Organisation", "Shirafat Attack Network"),
        ],
        events=[event("v1", "Capture", "arrested")],
        relations=[rel("v1", "locatedIn", "p1"), rel("v1", "involves", "o1")],
    )
    report = score_isaf(isaf_file, [r1, r2, r3, r5])
    assert counts(report, "province") == (3, 2, 1)
    assert counts(report, "group") == (4, 1, 2)
    assert counts(report, "kind") == (3, 1, 3)
    assert report.notes["kind_exact_match"] == 0.6
    assert report.notes["releases_without_record"] == 1
    assert report.notes["security_forces_excluded"] == 2
    assert report.notes["gold_groups_matched_by_name"] == ["shirafat attack network"]
    alarms = {(alarm.predicate, alarm.object) for alarm in report.false_alarms}
    assert alarms == {
        ("province", "AF-PIA"),
        ("province", "?kunar"),
        ("group", "acme militia"),
        ("kind", "captureandkill"),
    }


def test_isaf_security_forces_can_be_kept(isaf_file: Path) -> None:
    r1 = record(
        "r1",
        entities=[entity("o2", "Organisation", "ISAF")],
        events=[event("v1", "Capture", "detained")],
        relations=[rel("v1", "involves", "o2")],
    )
    kept = score_isaf(isaf_file, [r1], exclude_security_forces=False)
    assert kept.scores["group"].fp == 1
    assert score_isaf(isaf_file, [r1]).scores["group"].fp == 0


def test_target_group_names_come_from_the_organisation_directory() -> None:
    directory = load_organisations()
    names = target_group_names()
    assert set(names) == set(TARGET_GROUP_KEYS) | set(EXTRA_TARGET_GROUP_NAMES)
    for code, keys in TARGET_GROUP_KEYS.items():
        for key in keys:
            assert set(directory.get(key).surface_forms) <= set(names[code])
    # the hard-coded names are only those the directory cannot supply
    for code, extra in EXTRA_TARGET_GROUP_NAMES.items():
        for name in extra:
            assert directory.lookup(name) is None, (code, name)
    # and no name stands for two codes
    keys = [{gold_name_key(name) for name in group} for group in names.values()]
    assert sum(len(group) for group in keys) == len(set().union(*keys))


def test_security_forces_by_directory_kind_or_by_name() -> None:
    from actorgraph.evaluation.isaf import is_security_force

    police = Entity("t1", EntityType.ORGANISATION, "Afghan Border Police")
    assert is_security_force(police)
    # the directory's kind wins over a name that looks like a force
    assert not is_security_force(
        Entity("t2", EntityType.ORGANISATION, "Afghan National Army", known_as="taliban")
    )
    assert not is_security_force(Entity("t3", EntityType.ORGANISATION, "Taliban"))


# ---------------------------------------------------------------------------
# co-occurrence baseline
# ---------------------------------------------------------------------------

BASELINE_TEXT = (
    "Taliban commander Hazrat Ali and Al Qaeda fighters attacked a base in Paktika province. "
    "Kabul is the capital. "
    "Hazrat Ali later rejoined the Taliban in Paktika Province."
)


def with_ents(doc: Doc, marks: list[tuple[str, str, str]]) -> Doc:
    """Set doc.ents from (text, label, id) marks, each found after the previous one."""
    spans, cursor = [], 0
    for text, label, span_id in marks:
        start = doc.text.index(text, cursor)
        cursor = start + len(text)
        span = doc.char_span(start, cursor, label=label)
        assert span is not None, text
        spans.append(Span(doc, span.start, span.end, label=label, span_id=span_id))
    doc.ents = spans
    return doc


@pytest.fixture
def baseline_doc() -> Doc:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    marks = [
        ("Taliban", "ORG", ""),
        ("Hazrat Ali", "PERSON", ""),
        ("Al Qaeda", "ORG", ""),
        ("Paktika", "PROVINCE", "AF-PKA"),
        ("Kabul", "GPE", ""),
        ("Hazrat Ali", "PERSON", ""),
        ("Taliban", "ORG", ""),
        ("Paktika Province", "PROVINCE", "AF-PKA"),
    ]
    return with_ents(nlp(BASELINE_TEXT), marks)


def test_baseline_record(baseline_doc: Doc) -> None:
    made = cooccurrence_record("b1.txt", baseline_doc)
    assert made["article"] == "b1.txt"
    by_name = {item["name"]: item for item in made["entities"]}
    assert set(by_name) == {"Taliban", "Hazrat Ali", "Al Qaeda", "Paktika"}
    assert by_name["Paktika"]["iso3166_2"] == "AF-PKA"
    assert by_name["Paktika"]["aliases"] == ["Paktika Province"]
    ids = {name: item["id"] for name, item in by_name.items()}
    triples = [(r["subject"], r["predicate"], r["object"]) for r in made["relations"]]
    assert len(triples) == 9
    assert triples.count((ids["Hazrat Ali"], "affiliatedWith", ids["Taliban"])) == 2
    assert (ids["Hazrat Ali"], "affiliatedWith", ids["Al Qaeda"]) in triples
    assert (ids["Taliban"], "alliedWith", ids["Al Qaeda"]) in triples
    assert [item["kind"] for item in made["events"]] == ["Event", "Event"]
    first = made["events"][0]
    assert BASELINE_TEXT[first["start"] : first["end"]] == first["sentence"]
    assert (first["id"], "locatedIn", ids["Paktika"]) in triples
    assert (first["id"], "involves", ids["Al Qaeda"]) in triples
    assert all(r["confidence"] == 0.5 for r in made["relations"])
    assert all(r["evidence"]["sentence"] for r in made["relations"])
    json.dumps(made)


def test_baseline_is_scored_by_the_same_code(tmp_path: Path, baseline_doc: Doc) -> None:
    gold = {
        "article": "b1.txt",
        "entities": {
            "taliban": {"type": "Organisation", "name": "Taliban", "aliases": []},
            "aq": {"type": "Organisation", "name": "Al Qaeda", "aliases": []},
            "ali": {"type": "Person", "name": "Hazrat Ali", "aliases": []},
            "paktika": {
                "type": "Province",
                "name": "Paktika",
                "aliases": [],
                "iso3166_2": "AF-PKA",
            },
        },
        "events": {"e1": {"kind": "Attack", "evidence": "attacked a base in Paktika province"}},
        "relations": [
            {"subject": "ali", "predicate": "affiliatedWith", "object": "taliban"},
            {"subject": "e1", "predicate": "locatedIn", "object": "paktika"},
        ],
        "not": [{"subject": "taliban", "predicate": "alliedWith", "object": "aq", "why": "test"}],
    }
    write_json(tmp_path / "b1.json", gold)
    report = score_gold(tmp_path, [cooccurrence_record("b1.txt", baseline_doc)])
    assert counts(report, "affiliatedWith") == (1, 1, 0)
    assert counts(report, "alliedWith") == (0, 1, 0)
    assert counts(report, "locatedIn") == (1, 1, 0)


def test_baseline_without_sentence_boundaries() -> None:
    nlp = spacy.blank("en")
    doc = with_ents(
        nlp("Hazrat Ali of the Taliban spoke."),
        [("Hazrat Ali", "PERSON", ""), ("Taliban", "ORG", "")],
    )
    made = cooccurrence_record("x", doc)
    assert [r["predicate"] for r in made["relations"]] == ["affiliatedWith"]


# ---------------------------------------------------------------------------
# the project's real gold folders
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("split", ["seed", "dev"])
def test_real_gold_scores_its_own_perfect_record(split: str) -> None:
    if not SHARED.is_dir():
        pytest.skip("the shared folder beside the repository is absent")
    folder = SHARED / "gold" / split
    if not folder.is_dir():
        pytest.skip(f"no gold folder {folder}")
    gold = load_gold(folder)
    assert gold
    report = score_gold(folder, [record_from_gold(article) for article in gold.values()])
    assert report.micro.f1 == 1.0
    assert report.errors == []
    assert report.notes["articles_without_record"] == []
    empty = score_gold(folder, [])
    assert empty.micro.recall == 0.0
    assert empty.micro.fn == report.micro.tp
