"""Dated facts: time on every fact, relations that start and end, and periods of the graph.

The dated article set (tests/data/dated/) is fictional news written for these tests, with
its expected answers in expected.json; the period queries run on the real pyoxigraph store
of a real build.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
import rdflib
from rdflib.namespace import DCTERMS, PROV, RDF

import actorgraph
from actorgraph.extractors.article import extract_article
from actorgraph.extractors.dates import parse_expression, resolve_date
from actorgraph.graph.shacl import validate_graph
from actorgraph.model import Article, ArticleExtraction
from actorgraph.ontology import AG, Relation

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

DATED = Path(__file__).parent / "data" / "dated"
EXPECTED = json.loads((DATED / "expected.json").read_text(encoding="utf-8"))
ARTICLE_DATE = date(2021, 6, 15)

#: Which alliances were reported as current in 2021 (the README's query).
CURRENT_IN_2021 = """
SELECT DISTINCT ?a ?b WHERE {
  VALUES ?p { ag:alliedWith ag:formerlyAlliedWith }
  ?s rdf:predicate ?p ; rdf:subject/rdfs:label ?a ; rdf:object/rdfs:label ?b .
  OPTIONAL { ?s ag:startDate ?start }  OPTIONAL { ?s ag:firstReported ?first }
  OPTIONAL { ?s ag:endDate ?end }      OPTIONAL { ?s ag:lastReported ?last }
  BIND (STR(COALESCE(?start, ?first)) AS ?from)
  BIND (STR(IF(?p = ag:alliedWith, ?last, ?end)) AS ?to)
  FILTER (?from <= "2021-12-31" && ?to >= "2021")
} ORDER BY ?a ?b
"""

#: Which alliances ended, and when (the README's query).
ENDED = """
SELECT ?a ?b ?ended WHERE {
  ?s rdf:predicate ag:formerlyAlliedWith ; rdf:subject/rdfs:label ?a ; rdf:object/rdfs:label ?b .
  OPTIONAL { ?s ag:endDate ?ended }
} ORDER BY ?a ?b
"""


def facts(nlp, text: str, day: date | None = ARTICLE_DATE) -> dict[tuple[str, str, str], dict]:
    """(subject, predicate, object) → the fact's period record, by entity name."""
    extraction = extract_article(Article("t.txt", text, date=day), nlp(text))
    names = {entity.id: entity.name for entity in extraction.entities}
    return {
        (names[f.subject], f.predicate.value, names[f.object]): f.period.to_record()
        for f in extraction.facts
        if f.predicate
        in (Relation.ALLIED_WITH, Relation.FORMERLY_ALLIED_WITH, Relation.AFFILIATED_WITH)
    }


def only(found: dict, predicate: str) -> dict:
    [period] = [period for key, period in found.items() if key[1] == predicate]
    return period


# -- reading date expressions -------------------------------------------------------------


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("in 2012", "2012"),
        ("2012", "2012"),
        ("March 2015", "2015-03"),
        ("in March 2015", "2015-03"),
        ("last year", "2020"),
        ("two years ago", "2019"),
        ("since 2014", "2014"),
        ("until 2016", "2016"),
        ("early 2016", "2016"),
        ("the summer of 2014", "2014"),
        ("3 May 2014", "2014-05-03"),
        ("yesterday", "2021-06-14"),
        ("Tuesday", "2021-06-15"),  # the article's own weekday is that day
        ("Sunday", "2021-06-13"),
        ("10", None),
        ("the 1990s", None),
    ],
)
def test_expressions_are_read_against_the_article_date(expression: str, expected) -> None:
    assert parse_expression(expression, ARTICLE_DATE) == expected


@pytest.mark.parametrize("expression", ["last year", "two years ago", "yesterday", "Sunday"])
def test_relative_expressions_without_an_article_date_have_no_date(expression: str) -> None:
    assert parse_expression(expression, None) is None


def test_absolute_expressions_need_no_article_date() -> None:
    assert parse_expression("in March 2015", None) == "2015-03"
    assert resolve_date("The raid on March 3, 2021 killed four.", None) == "2021-03-03"


def test_event_dates_keep_the_old_rules() -> None:
    assert resolve_date("the raid yesterday", date(2013, 1, 25)) == "2013-01-24"
    assert resolve_date("on Sunday", date(2013, 1, 22)) == "2013-01-20"
    assert resolve_date("last night", date(2013, 1, 22)) == "2013-01-21"
    assert resolve_date("this morning", date(2013, 1, 22)) == "2013-01-22"
    assert resolve_date("22 January 2013", None) == "2013-01-22"
    assert resolve_date("in 2012", date(2013, 1, 22)) is None  # a year is no event day


# -- relations that start and end -----------------------------------------------------------

STARTS = [
    ("Al-Shabaab pledged allegiance to al-Qaeda in 2012.", "2012"),
    ("In 2015, Boko Haram swore allegiance to the Islamic State.", "2015"),
    ("Al-Shabaab joined al-Qaeda in March 2015.", "2015-03"),
    ("Boko Haram pledged allegiance to the Islamic State last year.", "2020"),
    ("The Haqqani network merged with the Taliban two years ago.", "2019"),
    ("The Haqqani network has been allied with the Taliban since 2001.", "2001"),
    ("Hezbollah has fought alongside Hamas since 2014.", "2014"),
    ("The Taliban and the Haqqani network merged in 2019.", "2019"),
]


@pytest.mark.parametrize(("text", "since"), STARTS)
def test_a_dated_start_is_the_alliances_start(nlp, text: str, since: str) -> None:
    found = facts(nlp, text)
    assert only(found, "alliedWith") == {"since": since}
    assert not [key for key in found if key[1] == "formerlyAlliedWith"]


ENDS = [
    ("Al-Shabaab cut its ties with al-Qaeda in 2016.", "2016"),
    ("Jabhat al-Nusra cut its ties with al-Qaeda in July 2016.", "2016-07"),
    ("Jabhat al-Nusra split from the Islamic State in 2019.", "2019"),
    ("Hamas broke with Hezbollah in 2012.", "2012"),
    ("The Houthis renounced their alliance with Hezbollah in 2018.", "2018"),
    ("Hezbollah renounced its allegiance to the Houthis last year.", "2020"),
    ("ISWAP defected from Boko Haram two years ago.", "2019"),
    ("Al-Shabaab left al-Qaeda in 2017.", "2017"),
    ("The Islamic State expelled Boko Haram in 2016.", "2016"),
    ("Hamas was allied with Hezbollah until 2016.", "2016"),
    ("Hamas, which broke with Hezbollah in March 2012, opened an office in Doha.", "2012-03"),
]


@pytest.mark.parametrize(("text", "until"), ENDS)
def test_a_dated_end_makes_a_former_alliance(nlp, text: str, until: str) -> None:
    found = facts(nlp, text)
    assert only(found, "formerlyAlliedWith") == {"until": until}
    assert not [key for key in found if key[1] == "alliedWith"]


def test_an_undated_end_is_an_end_without_a_date(nlp) -> None:
    found = facts(nlp, "Hezbollah severed ties with Hamas last year.", day=None)
    assert only(found, "formerlyAlliedWith") == {}


NOT_CHANGES = [
    "Al-Shabaab did not cut ties with al-Qaeda in 2016.",
    "Al-Shabaab never split from al-Qaeda.",
    "The Taliban denied joining al-Qaeda in 2012.",
    "Boko Haram might join the Islamic State next year.",
    "Boko Haram could cut ties with the Islamic State in 2022.",
    "If Hamas broke with Hezbollah in 2020, the region would change.",
]


@pytest.mark.parametrize("text", NOT_CHANGES)
def test_denied_and_hypothetical_changes_are_not_facts(nlp, text: str) -> None:
    assert facts(nlp, text) == {}


def test_a_date_elsewhere_in_the_sentence_dates_nothing(nlp) -> None:
    found = facts(nlp, "Al-Shabaab fought alongside al-Qaeda in 2014.")
    assert only(found, "alliedWith") == {}  # a moment of cooperation, neither start nor end


def test_a_person_joining_dates_the_affiliation(nlp) -> None:
    found = facts(nlp, "Ahmed Ali joined the Taliban in 2012.")
    assert only(found, "affiliatedWith") == {"since": "2012"}


# -- the dated article set: a real build and its store ---------------------------------------


@pytest.fixture(scope="module")
def dated_build(nlp, tmp_path_factory) -> Path:
    outdir = tmp_path_factory.mktemp("dated") / "out"
    actorgraph.build_folder(DATED / "articles.jsonl", outdir, nlp=nlp)
    return outdir


def rows(outdir: Path, sparql: str) -> list[list]:
    """The rows of a SELECT on the build's on-disk pyoxigraph store, as plain values."""
    result = actorgraph.query(outdir, sparql)
    return [[_plain(row.get(name)) for name in result.variables] for row in result.rows]


def _plain(value):
    return value if value is None or isinstance(value, str | int) else str(value)


def test_alliances_current_in_2021_are_what_the_texts_say(dated_build: Path) -> None:
    assert rows(dated_build, CURRENT_IN_2021) == EXPECTED["current_in_2021"]


def test_ended_alliances_are_reported_ended_with_their_dates(dated_build: Path) -> None:
    assert rows(dated_build, ENDED) == EXPECTED["ended"]


def test_an_ended_alliance_is_not_a_current_one(dated_build: Path) -> None:
    current = rows(
        dated_build,
        "SELECT ?a ?b WHERE { ?x ag:alliedWith ?y . ?x rdfs:label ?a . ?y rdfs:label ?b "
        "FILTER (STR(?a) < STR(?b)) } ORDER BY ?a ?b",
    )
    assert current == EXPECTED["current"]
    # Jabhat al-Nusra fought alongside al-Qaeda in 2014 and cut its ties in 2016: one
    # former alliance holding both reports, and no current one
    assert ["Al-Qaeda", "Hayat Tahrir al-Sham"] not in current
    support = rows(
        dated_build,
        "SELECT ?n WHERE { ?s rdf:predicate ag:formerlyAlliedWith ; ag:support ?n ; "
        'rdf:object/rdfs:label "Hayat Tahrir al-Sham" }',
    )
    assert support == [[2]]


def test_start_dates_and_reported_spans(dated_build: Path) -> None:
    started = rows(
        dated_build,
        "SELECT ?a ?b ?start WHERE { ?s rdf:predicate ag:alliedWith ; ag:startDate ?start ; "
        "rdf:subject/rdfs:label ?a ; rdf:object/rdfs:label ?b } ORDER BY ?a",
    )
    assert [[a, b, str(start)] for a, b, start in started] == EXPECTED["started"]
    span = rows(
        dated_build,
        "SELECT ?first ?last WHERE { ?s rdf:predicate ag:alliedWith ; ag:firstReported ?first ; "
        'ag:lastReported ?last ; rdf:object/rdfs:label "Al-Shabaab" }',
    )
    assert [[str(first), str(last)] for first, last in span] == [["2013-05-02", "2021-09-14"]]


def test_events_keep_their_own_dates(dated_build: Path) -> None:
    kg = actorgraph.open(dated_build)
    dated: dict[str, list[str]] = {}
    for event in kg.events.values():
        if event.date:
            for article in event.articles:
                dated.setdefault(article, []).append(event.date)
    assert {k: sorted(v) for k, v in dated.items()} == EXPECTED["event_dates"]


def test_every_evidence_carries_its_articles_date_and_undated_ones_none(
    dated_build: Path,
) -> None:
    graph = rdflib.Graph().parse(dated_build / "graph.ttl")
    for evidence in graph.subjects(RDF.type, AG.Evidence):
        article = graph.value(evidence, DCTERMS.source)
        assert graph.value(evidence, DCTERMS.date) == graph.value(article, DCTERMS.date)
    undated = [
        a for a in graph.subjects(RDF.type, AG.Article) if graph.value(a, DCTERMS.date) is None
    ]
    assert [str(graph.value(a, DCTERMS.identifier)) for a in undated] == EXPECTED[
        "undated_articles"
    ]
    for assertion in graph.subjects(RDF.type, AG.Assertion):
        sources = {
            graph.value(e, DCTERMS.source) for e in graph.objects(assertion, PROV.wasDerivedFrom)
        }
        if all(s in undated for s in sources):
            assert graph.value(assertion, AG.firstReported) is None


def test_the_dated_build_conforms_to_the_shapes(dated_build: Path) -> None:
    report = validate_graph(rdflib.Graph().parse(dated_build / "graph.ttl"))
    assert report.conforms, report.violations


def test_shapes_refuse_an_ended_alliance_presented_as_current(dated_build: Path) -> None:
    graph = rdflib.Graph().parse(dated_build / "graph.ttl")
    ended = next(graph.subjects(RDF.predicate, AG.formerlyAlliedWith))
    subject, obj = graph.value(ended, RDF.subject), graph.value(ended, RDF.object)
    current = rdflib.URIRef(str(ended) + "-current")
    for triple in graph.predicate_objects(ended):
        graph.add((current, *triple))
    graph.set((current, RDF.predicate, AG.alliedWith))
    graph.add((subject, AG.alliedWith, obj))
    report = validate_graph(graph)
    assert not report.conforms
    assert any("also asserted as current" in v.message for v in report.violations)


def test_shapes_refuse_a_reported_span_that_is_not_the_evidences(dated_build: Path) -> None:
    graph = rdflib.Graph().parse(dated_build / "graph.ttl")
    assertion = next(graph.subjects(AG.firstReported, None))
    graph.set((assertion, AG.firstReported, rdflib.Literal("1999-01-01", datatype=rdflib.XSD.date)))
    report = validate_graph(graph)
    assert any("first and last dates" in v.message for v in report.violations)


# -- periods: kg.between and build --since/--until ------------------------------------------


@pytest.fixture(scope="module")
def dated_graph(dated_build: Path) -> actorgraph.KnowledgeGraph:
    return actorgraph.open(dated_build)


def pairs(kg: actorgraph.KnowledgeGraph, relation: Relation) -> list[list[str]]:
    return sorted(
        sorted([kg.label_of(e.subject), kg.label_of(e.object)]) for e in kg.facts(relation)
    )


def test_between_keeps_articles_of_the_period_and_events_dated_in_it(dated_graph) -> None:
    period = dated_graph.between("2020", "2020")
    # the 2020 article, and the 2022 article only for its airstrike of 3 March 2020
    assert sorted(period.articles) == ["d4-haqqani-2020", "d7-haqqani-2022"]
    assert [event.date for event in period.events.values()] == ["2020-03-03"]
    assert pairs(period, Relation.ALLIED_WITH) == [["Haqqani network", "Taliban"]]
    [edge] = period.facts(Relation.ALLIED_WITH)
    assert edge.articles == ["d4-haqqani-2020"]  # the 2022 report is out of the period


def test_between_leaves_undated_articles_out_unless_asked(dated_graph) -> None:
    assert "d8-undated" not in dated_graph.between(None, "2030").articles
    assert "d8-undated" in dated_graph.between(None, "2030", undated=True).articles
    assert "d8-undated" in dated_graph.articles  # no bounds, no filter


def test_between_is_a_new_graph_of_the_same_kind(dated_graph) -> None:
    period = dated_graph.between(date(2021, 1, 1), date(2021, 12, 31))
    assert isinstance(period, actorgraph.KnowledgeGraph)
    assert sorted(period.articles) == ["d5-boko-2021", "d6-shabaab-2021"]
    assert period.query("ASK { ?a ag:formerlyAlliedWith ?b }")
    with pytest.raises(ValueError, match="not an ISO date"):
        dated_graph.between("June 2021", None)


def test_a_folder_of_a_period_equals_a_fresh_one_and_reads_back(
    nlp, dated_build: Path, tmp_path: Path
) -> None:
    from test_incremental import assert_same_build

    first = tmp_path / "reused"
    actorgraph.build_folder(DATED / "articles.jsonl", first, nlp=nlp)
    result = actorgraph.build_folder(
        DATED / "articles.jsonl", first, nlp=nlp, since="2021", until="2021-12-31"
    )
    assert result.extracted == 0  # the cache keeps every article, whatever the period
    fresh = tmp_path / "fresh"
    actorgraph.build_folder(
        DATED / "articles.jsonl", fresh, nlp=nlp, since="2021", until="2021-12-31"
    )
    assert_same_build(first, fresh)
    manifest = json.loads((fresh / "manifest.json").read_text())
    assert manifest["period"] == {"since": "2021", "until": "2021-12-31", "undated": False}
    assert sorted(actorgraph.open(fresh).articles) == ["d5-boko-2021", "d6-shabaab-2021"]


def test_build_in_memory_takes_a_period(nlp, dated_graph) -> None:
    records = [e.to_record() for e in dated_graph.extractions()]
    kg = actorgraph.KnowledgeGraph.from_extractions(
        ArticleExtraction.from_record(r) for r in records
    )
    assert kg.between("2013", "2014").stats() == dated_graph.between("2013", "2014").stats()
    assert sorted(kg.between("2013", "2014").articles) == ["d1-shabaab-2013", "d2-nusra-2014"]


# -- the bundled samples and the seed --------------------------------------------------------


def reported_spans_match_articles(kg: actorgraph.KnowledgeGraph) -> None:
    for edge in kg.facts():
        dates = sorted(d for a in edge.articles if (d := kg.articles[a].date))
        assert (edge.first_reported, edge.last_reported) == (
            (dates[0], dates[-1]) if dates else (None, None)
        )


def test_samples_are_dated_only_by_what_they_say(nlp, samples_dir: Path) -> None:
    kg = actorgraph.KnowledgeGraph.from_extractions(_extract(nlp, samples_dir))
    reported_spans_match_articles(kg)
    assert validate_graph(kg.to_rdf()).conforms
    undated = {a for a, info in kg.articles.items() if not info.date}
    assert undated  # the .txt and .md samples carry no date
    # An undated article is in a period only through the events its text dates ("Aug. 14,
    # 2021 — ... on Friday" has no base, so only absolute dates count): none of its other
    # facts is, and it is never given a made-up date.
    period = kg.between("1900", "2100")
    for edge in period.facts():
        from_undated = set(edge.articles) & undated
        if from_undated:
            assert edge.subject in period.events and period.events[edge.subject].date
    assert all(not period.articles[a].date for a in set(period.articles) & undated)
    everything = kg.between("1900", "2100", undated=True)
    assert everything.stats() == kg.stats()


def test_seed_is_dated_consistently(nlp, shared_dir: Path) -> None:
    kg = actorgraph.KnowledgeGraph.from_extractions(_extract(nlp, shared_dir / "corpus" / "seed"))
    reported_spans_match_articles(kg)
    assert validate_graph(kg.to_rdf()).conforms


def _extract(nlp, folder: Path) -> list[ArticleExtraction]:
    from actorgraph.extractors.article import extract_articles
    from actorgraph.reading import read_articles

    return list(extract_articles(read_articles([folder]), nlp))


def test_the_command_line_builds_a_period_and_refuses_a_bad_date(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from actorgraph.cli import app

    outdir = tmp_path / "out"
    runner = CliRunner()
    built = runner.invoke(
        app,
        [
            "build",
            str(DATED / "articles.jsonl"),
            "-o",
            str(outdir),
            "--since",
            "2021",
            "--until",
            "2021-12-31",
            "-f",
            "turtle",
            "--no-store",
            "-q",
        ],
    )
    assert built.exit_code == 0, built.output
    manifest = json.loads((outdir / "manifest.json").read_text())
    assert manifest["period"] == {"since": "2021", "until": "2021-12-31", "undated": False}
    bad = runner.invoke(
        app,
        ["build", str(DATED / "articles.jsonl"), "-o", str(tmp_path / "b"), "--since", "June 2021"],
    )
    assert bad.exit_code == 1 and "not an ISO date" in bad.output
    assert not (tmp_path / "b").exists()  # refused before anything was written
