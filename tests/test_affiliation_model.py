"""The statistical affiliatedWith model: packaged weights, features, probabilities, policy."""

from __future__ import annotations

import dataclasses
import importlib.util
import json
import sys
import time
from pathlib import Path
from types import ModuleType

import pytest

from actorgraph.extractors.affiliation.model import (
    FEATURE_VERSION,
    MODEL_CUE,
    AffiliationModel,
    AffiliationPolicy,
    apply_model,
    combine,
    pair_features,
)
from actorgraph.extractors.mentions import Mention
from actorgraph.ontology import EntityType, Relation

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "train_affiliation_model.py"


def _pair(nlp, text: str, person: str, organisation: str) -> tuple[Mention, Mention]:
    doc = nlp(text)
    mentions = doc._.ag_mentions
    people = [m for m in mentions if m.type is EntityType.PERSON and m.name == person]
    orgs = [m for m in mentions if m.type is EntityType.ORGANISATION and m.name == organisation]
    assert people and orgs, [(m.name, m.type.value) for m in mentions]
    return people[0], orgs[0]


# ------------------------------------------------------------------------ the packaged file


def test_packaged_model_loads_once_with_weights_and_a_policy() -> None:
    model = AffiliationModel.load()
    assert model is AffiliationModel.load()  # cached
    assert len(model.weights) > 100
    assert all(isinstance(w, float) for w in model.weights.values())
    assert 0.0 < model.policy.accept <= 1.0
    assert 0.0 <= model.policy.veto < model.policy.accept
    assert "conll04" in model.metadata["trained_on"]
    assert "dev" not in model.metadata["trained_on"]


def test_packaged_file_is_sorted_and_of_this_feature_version() -> None:
    from importlib import resources

    resource = resources.files("actorgraph") / "data" / "affiliation_model.json"
    data = json.loads(resource.read_text(encoding="utf-8"))
    assert data["feature_version"] == FEATURE_VERSION
    assert list(data["weights"]) == sorted(data["weights"])


def test_a_model_file_of_another_feature_version_is_refused(tmp_path: Path) -> None:
    stale = tmp_path / "model.json"
    stale.write_text(json.dumps({"feature_version": FEATURE_VERSION + 1, "weights": {}, "bias": 0}))
    with pytest.raises(ValueError, match="retrain"):
        AffiliationModel.load(stale)


def test_to_dict_round_trips(tmp_path: Path) -> None:
    model = AffiliationModel({"b": 0.5, "a": -1.0}, 0.25, AffiliationPolicy(0.7, 0.1, 0.6))
    path = tmp_path / "model.json"
    path.write_text(json.dumps(model.to_dict()))
    again = AffiliationModel.load(path)
    assert again.weights == model.weights and again.bias == model.bias
    assert again.policy == model.policy
    assert list(model.to_dict()["weights"]) == ["a", "b"]


# -------------------------------------------------------------------------------- features


def test_features_are_sorted_distinct_and_deterministic(nlp) -> None:
    text = "NASA spokesman Jim Smith said the launch was delayed."
    person, organisation = _pair(nlp, text, "Jim Smith", "NASA")
    features = pair_features(person, organisation)
    assert features == sorted(set(features))
    assert features == pair_features(person, organisation)
    # a fresh parse of the same text gives the same features
    assert features == pair_features(*_pair(nlp, text, "Jim Smith", "NASA"))
    assert "path_role" in features
    assert "order=OP" in features


def test_pairs_in_different_sentences_only_say_so(nlp) -> None:
    doc = nlp("Jim Smith arrived on Monday. NASA said the launch was delayed.")
    person = next(m for m in doc._.ag_mentions if m.type is EntityType.PERSON)
    organisation = next(m for m in doc._.ag_mentions if m.type is EntityType.ORGANISATION)
    assert pair_features(person, organisation) == ["cross_sentence"]


# --------------------------------------------------------------------------- probabilities


@pytest.mark.parametrize(
    ("text", "person", "organisation"),
    [
        ("NASA spokesman Jim Smith said the launch was delayed.", "Jim Smith", "NASA"),
        (
            "David Pimentel, an ecologist at Cornell University, said the crop failed.",
            "David Pimentel",
            "Cornell University",
        ),
        (
            "Maria Lopez, a physicist with the European Space Agency, said the probe was lost.",
            "Maria Lopez",
            "European Space Agency",
        ),
    ],
)
def test_stated_affiliations_are_likely(nlp, text: str, person: str, organisation: str) -> None:
    assert AffiliationModel.load().probability(*_pair(nlp, text, person, organisation)) > 0.8


@pytest.mark.parametrize(
    ("text", "person", "organisation"),
    [
        ("Jim Smith told NASA that the launch was delayed.", "Jim Smith", "NASA"),
        ("The Taliban killed Jim Smith in Kabul.", "Jim Smith", "Taliban"),
        (
            "Jim Smith criticised Amnesty International on Tuesday.",
            "Jim Smith",
            "Amnesty International",
        ),
    ],
)
def test_talking_to_or_fighting_an_organisation_is_unlikely(
    nlp, text: str, person: str, organisation: str
) -> None:
    assert AffiliationModel.load().probability(*_pair(nlp, text, person, organisation)) < 0.3


def test_member_ranks_above_interlocutor(nlp) -> None:
    model = AffiliationModel.load()
    member = model.probability(
        *_pair(nlp, "NASA spokesman Jim Smith said the launch was delayed.", "Jim Smith", "NASA")
    )
    told = model.probability(
        *_pair(nlp, "Jim Smith told NASA that the launch was delayed.", "Jim Smith", "NASA")
    )
    assert member > told + 0.5


def test_inference_is_fast(nlp) -> None:
    model = AffiliationModel.load()
    texts = [
        "NASA spokesman Jim Smith said the launch was delayed.",
        "Jim Smith told NASA that the launch was delayed.",
        "David Pimentel, an ecologist at Cornell University, said the crop failed.",
        "The Taliban killed Jim Smith in Kabul.",
    ]
    pairs = []
    for doc in nlp.pipe(texts):
        people = [m for m in doc._.ag_mentions if m.type is EntityType.PERSON]
        orgs = [m for m in doc._.ag_mentions if m.type is EntityType.ORGANISATION]
        pairs += [(p, o) for p in people for o in orgs]
    model.probability(*pairs[0])  # the gazetteer and the file load once
    rounds = 50
    started = time.perf_counter()
    for _ in range(rounds):
        for person, organisation in pairs:
            model.probability(person, organisation)
    per_pair = (time.perf_counter() - started) / (rounds * len(pairs))
    assert per_pair < 1e-3, f"{per_pair * 1000:.3f} ms per pair"


# ---------------------------------------------------------------------------------- policy


def test_combine_keeps_vetoes_and_adds() -> None:
    policy = AffiliationPolicy(accept=0.8, veto=0.1, max_confidence=0.75)
    assert combine(0.92, 0.5, policy) == 0.92  # the rule's link stands, with its confidence
    assert combine(0.92, 0.05, policy) is None  # ... unless the model finds it very unlikely
    assert combine(None, 0.79, policy) is None  # no rule, not sure enough
    assert combine(None, 0.95, policy) == 0.75  # added, capped below the rules
    assert combine(None, 0.8, AffiliationPolicy(0.8, 0.0, 0.9)) == 0.8
    assert combine(0.6, 0.0, AffiliationPolicy(0.8, 0.0)) == 0.6  # veto 0: never vetoes


def test_apply_model_adds_a_model_relation_and_keeps_rule_results(nlp) -> None:
    text = "David Pimentel, an ecologist at Cornell University, said the crop failed."
    person, organisation = _pair(nlp, text, "David Pimentel", "Cornell University")
    model = AffiliationModel.load()
    added = apply_model(None, person, organisation, model)
    assert added is not None
    assert added.cue == MODEL_CUE and added.predicate is Relation.AFFILIATED_WITH
    assert added.subject is person and added.object is organisation
    assert added.confidence <= model.policy.max_confidence
    assert added.sentence.start == person.span.sent.start
    assert apply_model(added, person, organisation, model) is added

    told = _pair(nlp, "Jim Smith told NASA that the launch was delayed.", "Jim Smith", "NASA")
    assert apply_model(None, *told, model) is None


# ------------------------------------------------------------------------ training script


@pytest.fixture(scope="module")
def training() -> ModuleType:
    spec = importlib.util.spec_from_file_location("train_affiliation_model", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _pairs(training: ModuleType, n_documents: int = 30) -> tuple[list, dict]:
    """Synthetic candidate pairs: "role" marks members, "told" marks interlocutors."""
    pairs, gold = [], {}
    for number in range(n_documents):
        document = f"d{number}"
        gold[document] = [(f"p{number}", f"o{number}")]
        member = training.Pair(
            document, "t1", "t2", frozenset({f"p{number}"}), frozenset({f"o{number}"}),
            ("bias_pair", "path_role", f"noise={number % 3}"), True,
            0.92 if number % 2 else None,
        )
        other = training.Pair(
            document, "t3", "t2", frozenset({f"q{number}"}), frozenset({f"o{number}"}),
            ("bias_pair", "path_verb=tell", f"noise={number % 3}"), False, None,
        )
        pairs += [member, other]
    return pairs, gold


def test_training_fits_scikit_learn_logistic_regression(training: ModuleType) -> None:
    pairs, _ = _pairs(training)
    model = training.train(pairs, c=1.0)
    assert model.weights["path_role"] > 0 > model.weights["path_verb=tell"]
    assert model.probability_of(["bias_pair", "path_role"]) > 0.8
    assert model.probability_of(["bias_pair", "path_verb=tell"]) < 0.2
    first = pairs[0]
    rare = [dataclasses.replace(first, features=(*first.features, "rare")), *pairs[1:]]
    assert "rare" not in training.train(rare, c=1.0).weights  # seen once: below MIN_COUNT


def test_cross_validation_chooses_strength_and_policy_on_train_only(
    training: ModuleType,
) -> None:
    pairs, gold = _pairs(training)
    chosen = training.select(pairs, gold, folds=3, seed=1)
    assert chosen.c in training.C_GRID
    assert chosen.policy.accept in training.ACCEPT_GRID
    assert chosen.counts.recall == 1.0 and chosen.counts.precision == 1.0
    scores, selections = training.nested_estimate(pairs, gold, folds=3, seed=1)
    assert len(scores) == len(selections) == 3
    summary = training.describe_folds(scores)
    assert summary["f1"]["mean"] == pytest.approx(1.0) and summary["f1"]["sd"] == 0.0


def test_one_standard_error_rule_prefers_the_stricter_policy(training: ModuleType) -> None:
    strict, loose = AffiliationPolicy(0.9, 0.0), AffiliationPolicy(0.4, 0.0)
    table = {strict: [0.60, 0.50, 0.55], loose: [0.62, 0.52, 0.57]}
    assert training.one_standard_error_choice(table) == strict
    far = {strict: [0.30, 0.31, 0.29], loose: [0.62, 0.63, 0.61]}
    assert training.one_standard_error_choice(far) == loose


def test_calibration_is_isotonic_and_shrunk_to_the_identity(training: ModuleType) -> None:
    few = training.fit_calibration({"alliedWith": [(0.8, True)]})
    assert abs(few.apply("alliedWith", 0.5) - 0.5) < 0.05  # one fact moves little
    many = training.fit_calibration(
        {"affiliatedWith": [(0.9, True)] * 60 + [(0.9, False)] * 40 + [(0.5, False)] * 50}
    )
    assert many.apply("affiliatedWith", 0.9) == pytest.approx(0.6, abs=0.05)
    assert many.apply("affiliatedWith", 0.5) < 0.2
    values = [many.apply("affiliatedWith", c / 10) for c in range(11)]
    assert values == sorted(values)


def test_the_script_refuses_to_train_on_dev_or_test(training: ModuleType, tmp_path: Path) -> None:
    with pytest.raises(SystemExit):
        training.main(["--train", str(tmp_path / "dev.jsonl")])
