#!/usr/bin/env python
"""Train the affiliatedWith model shipped as ``src/actorgraph/data/affiliation_model.json``.

    .venv/bin/python scripts/train_affiliation_model.py

1. Reads the CoNLL04 *train* split (never dev: dev is for measuring) and parses it with
   ``actorgraph.api.pipeline()``.
2. Builds every PERSON x ORGANISATION mention pair of a sentence, as the affiliation
   extractor sees them, with :func:`~actorgraph.extractors.affiliation.model.pair_features`
   and what the rules (:func:`actorgraph.extractors.affiliation.rules.affiliation`) say of it.
3. Labels a pair positive when its two resolved entities match a gold ``Work_For`` pair by
   the scorer's name rules (:func:`~actorgraph.evaluation.conll04.conll_name_key`). A pair
   that matches a gold pair only up to a name's extent ("Coast Guard" for "Coast Guard 's
   8th District headquarters") is a *near miss*, left out of training (it is neither a
   clean positive nor a clean negative) but scored as the scorer would.
4. Fits an L2-regularised logistic regression (truncated Newton in numpy: no other
   dependency), chooses its strength by repeated document-grouped cross-validation
   (held-out average precision), then the accept threshold: the lowest one at which the
   links the model adds to the rules are, in CV, at least as precise as the rules' own.
5. Refits on all of train and writes the weights (sorted, rounded) with the policy and
   the CV scores. Fixed seeds and sorted features make the file identical run to run.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from actorgraph.api import pipeline
from actorgraph.evaluation.conll04 import conll_name_key, load_conll04, match_one_to_one
from actorgraph.extractors.affiliation import rules
from actorgraph.extractors.affiliation.model import (
    AffiliationModel,
    AffiliationPolicy,
    combine,
    pair_features,
)
from actorgraph.extractors.mentions import Mention, sentence_mentions
from actorgraph.extractors.mentions.resolution import resolve_mentions
from actorgraph.gazetteers.organisations import load_organisations
from actorgraph.gazetteers.places import load_gazetteer
from actorgraph.ontology import EntityType

REPO = Path(__file__).resolve().parents[1]
DEFAULT_TRAIN = REPO.parent / "shared" / "benchmarks" / "conll04" / "train.jsonl"
DEFAULT_OUTPUT = REPO / "src" / "actorgraph" / "data" / "affiliation_model.json"
SEED = 20240
FOLDS = 5
REPEATS = 3
#: Features seen in fewer training pairs than this are dropped.
MIN_COUNT = 2
L2_GRID = (1.0, 3.0, 10.0, 30.0)
ACCEPT_GRID = tuple(round(0.15 + 0.05 * i, 2) for i in range(17))  # 0.15 .. 0.95
#: Shown for information: the shipped policy never vetoes a rule's link.
VETO_GRID = (0.05, 0.1, 0.2, 0.3)
WEIGHT_DIGITS = 5


@dataclass(frozen=True, slots=True)
class Pair:
    """One candidate (person mention, organisation mention) pair of a training sentence."""

    document: str
    person: str  # entity id within the document
    organisation: str
    person_keys: frozenset[str]
    organisation_keys: frozenset[str]
    features: tuple[str, ...]
    label: bool
    rule_confidence: float | None
    #: Not a gold pair by the scorer's rules, but one of its names only differs from the
    #: gold name by its extent ("Coast Guard" for "Coast Guard 's 8th District"): the
    #: sentence does state the affiliation, and our mention boundaries lost it.
    near_miss: bool = False


# ------------------------------------------------------------------------------ data


def build_pairs(path: Path) -> tuple[list[Pair], dict[str, list[tuple[str, str]]]]:
    """Candidate pairs of every document, and the gold pair keys of every document."""
    documents = load_conll04(path)
    gold = {doc_id: [pair.key for pair in doc.pairs] for doc_id, doc in documents.items()}
    nlp = pipeline()
    organisations, gazetteer = load_organisations(), load_gazetteer()
    pairs: list[Pair] = []
    texts = ((doc.text, doc_id) for doc_id, doc in documents.items())
    for doc, doc_id in nlp.pipe(texts, as_tuples=True, batch_size=64):
        mentions: list[Mention] = doc._.ag_mentions
        entities, entity_of = resolve_mentions(
            mentions,
            organisation_name=lambda key: organisations.get(key).name,
            province_name=lambda code: gazetteer.province(code).name,
        )
        keys = {e.id: frozenset(conll_name_key(n) for n in (e.name, *e.aliases)) for e in entities}
        for sentence in sentence_mentions(doc).values():
            people = [m for m in sentence if m.type is EntityType.PERSON]
            orgs = [m for m in sentence if m.type is EntityType.ORGANISATION]
            for person in people:
                for organisation in orgs:
                    person_id = entity_of.get(id(person))
                    organisation_id = entity_of.get(id(organisation))
                    if person_id is None or organisation_id is None:
                        continue
                    person_keys, organisation_keys = keys[person_id], keys[organisation_id]
                    label = any(
                        p in person_keys and o in organisation_keys for p, o in gold[doc_id]
                    )
                    near_miss = not label and any(
                        _overlaps(p, person_keys) and _overlaps(o, organisation_keys)
                        for p, o in gold[doc_id]
                    )
                    found = rules.affiliation(person, organisation)
                    pairs.append(
                        Pair(
                            doc_id,
                            person_id,
                            organisation_id,
                            person_keys,
                            organisation_keys,
                            tuple(pair_features(person, organisation)),
                            label,
                            found.confidence if found is not None else None,
                            near_miss,
                        )
                    )
    return pairs, gold


def _overlaps(gold_key: str, keys: frozenset[str]) -> bool:
    """The gold name and one of ours share a word run: one holds the other, at word edges."""
    gold_words = f" {gold_key} "
    return any(
        key and (f" {key} " in gold_words or (bool(gold_key) and gold_words in f" {key} "))
        for key in keys
    )


# ---------------------------------------------------------------- logistic regression


@dataclass(slots=True)
class Design:
    """A sparse binary design matrix: the active feature columns of each row."""

    columns: np.ndarray  # all rows' column indices, concatenated
    row_of: np.ndarray  # the row of each entry of ``columns``
    rows: int
    width: int

    def times(self, weights: np.ndarray) -> np.ndarray:
        return np.bincount(self.row_of, weights=weights[self.columns], minlength=self.rows)

    def transposed_times(self, values: np.ndarray) -> np.ndarray:
        return np.bincount(self.columns, weights=values[self.row_of], minlength=self.width)


def design(features: Sequence[Sequence[str]], index: dict[str, int]) -> Design:
    columns: list[int] = []
    row_of: list[int] = []
    for row, names in enumerate(features):
        for name in names:
            column = index.get(name)
            if column is not None:
                columns.append(column)
                row_of.append(row)
    return Design(
        np.asarray(columns, dtype=np.int64),
        np.asarray(row_of, dtype=np.int64),
        len(features),
        len(index),
    )


def fit_logistic(
    x: Design, y: np.ndarray, l2: float, iterations: int = 100, tolerance: float = 1e-7
) -> tuple[np.ndarray, float]:
    """Minimise sum(log loss) + l2/2 |w|^2 (bias unpenalised) by truncated Newton (CG)."""
    width = x.width + 1  # the last weight is the bias

    def margins(theta: np.ndarray) -> np.ndarray:
        return x.times(theta[:-1]) + theta[-1]

    def objective(theta: np.ndarray) -> float:
        z = margins(theta)
        loss = np.logaddexp(0.0, z) - y * z
        return float(loss.sum() + 0.5 * l2 * theta[:-1] @ theta[:-1])

    theta = np.zeros(width)
    for _ in range(iterations):
        z = margins(theta)
        p = 1.0 / (1.0 + np.exp(-z))
        residual = p - y
        gradient = np.append(x.transposed_times(residual) + l2 * theta[:-1], residual.sum())
        if np.linalg.norm(gradient) < tolerance * max(1.0, len(y)):
            break
        curvature = p * (1.0 - p)

        def hessian_times(v: np.ndarray, curvature: np.ndarray = curvature) -> np.ndarray:
            xv = x.times(v[:-1]) + v[-1]
            weighted = curvature * xv
            rows = x.transposed_times(weighted) + l2 * v[:-1]
            return np.append(rows, weighted.sum() + 1e-8 * v[-1])

        step = _conjugate_gradient(hessian_times, -gradient)
        current = objective(theta)
        scale = 1.0
        while scale > 1e-4 and objective(theta + scale * step) > current + 1e-4 * scale * (
            gradient @ step
        ):
            scale *= 0.5
        theta = theta + scale * step
    return theta[:-1], float(theta[-1])


def _conjugate_gradient(apply, b: np.ndarray, iterations: int = 200) -> np.ndarray:
    solution = np.zeros_like(b)
    residual = b.copy()
    direction = residual.copy()
    norm = residual @ residual
    for _ in range(iterations):
        if norm < 1e-20:
            break
        product = apply(direction)
        alpha = norm / (direction @ product)
        solution += alpha * direction
        residual -= alpha * product
        new_norm = residual @ residual
        direction = residual + (new_norm / norm) * direction
        norm = new_norm
    return solution


def train(pairs: Sequence[Pair], l2: float) -> AffiliationModel:
    """A model fitted on ``pairs``, near misses left out, on the features seen MIN_COUNT times.

    A near miss is a pair that does state a gold affiliation but whose mention lost part
    of a name: neither a clean positive nor a clean negative, so it teaches nothing.
    """
    pairs = [pair for pair in pairs if not pair.near_miss]
    counts = Counter(feature for pair in pairs for feature in pair.features)
    names = sorted(name for name, count in counts.items() if count >= MIN_COUNT)
    index = {name: column for column, name in enumerate(names)}
    x = design([pair.features for pair in pairs], index)
    y = np.asarray([pair.label for pair in pairs], dtype=float)
    weights, bias = fit_logistic(x, y, l2)
    rounded = {
        name: round(float(w), WEIGHT_DIGITS)
        for name, w in zip(names, weights, strict=True)
        if round(float(w), WEIGHT_DIGITS) != 0.0
    }
    return AffiliationModel(rounded, round(bias, WEIGHT_DIGITS))


# -------------------------------------------------------------------------- scoring


@dataclass(slots=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __str__(self) -> str:
        return (
            f"P {self.precision:.3f} R {self.recall:.3f} F1 {self.f1:.3f} "
            f"(tp {self.tp} fp {self.fp} fn {self.fn})"
        )


def score(
    pairs: Sequence[Pair],
    accepted: Sequence[bool],
    gold: dict[str, list[tuple[str, str]]],
    documents: Sequence[str],
) -> Counts:
    """Score accepted pairs like ``actorgraph evaluate conll04``: distinct entity pairs,
    matched one-to-one with each document's gold pairs."""
    predicted: dict[str, dict[tuple[str, str], Pair]] = {}
    for pair, accept in zip(pairs, accepted, strict=True):
        if accept:
            predicted.setdefault(pair.document, {})[(pair.person, pair.organisation)] = pair
    counts = Counts()
    for document in documents:
        found = list(predicted.get(document, {}).values())
        pairs_gold = gold[document]
        candidates = [
            [
                i
                for i, (p, o) in enumerate(pairs_gold)
                if p in pred.person_keys and o in pred.organisation_keys
            ]
            for pred in found
        ]
        matched = match_one_to_one(candidates)
        counts.add(Counts(len(matched), len(found) - len(matched), len(pairs_gold) - len(matched)))
    return counts


def average_precision(pairs: Sequence[Pair], probabilities: Sequence[float]) -> float:
    """Average precision of the pair ranking (ties broken by input order)."""
    order = sorted(range(len(pairs)), key=lambda i: -probabilities[i])
    positives = sum(pair.label for pair in pairs)
    hits, total = 0, 0.0
    for rank, i in enumerate(order, start=1):
        if pairs[i].label:
            hits += 1
            total += hits / rank
    return total / positives if positives else 0.0


def decisions(
    pairs: Sequence[Pair], probabilities: Sequence[float], policy: AffiliationPolicy
) -> list[bool]:
    return [
        combine(pair.rule_confidence, probability, policy) is not None
        for pair, probability in zip(pairs, probabilities, strict=True)
    ]


# ---------------------------------------------------------------------------- main


def folds_of(documents: Sequence[str], folds: int, seed: int) -> dict[str, int]:
    """Documents dealt into ``folds`` folds after a seeded shuffle."""
    order = sorted(documents)
    random.Random(seed).shuffle(order)
    return {document: number % folds for number, document in enumerate(order)}


def cross_validated(
    pairs: Sequence[Pair], fold_of: dict[str, int], folds: int, l2: float
) -> list[float]:
    """Held-out probabilities of every pair, from models trained on the other folds."""
    probabilities = [0.0] * len(pairs)
    for fold in range(folds):
        model = train([pair for pair in pairs if fold_of[pair.document] != fold], l2)
        for number, pair in enumerate(pairs):
            if fold_of[pair.document] == fold:
                probabilities[number] = model.probability_of(pair.features)
    return probabilities


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--train", type=Path, default=DEFAULT_TRAIN)
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument("--folds", type=int, default=FOLDS)
    parser.add_argument("--repeats", type=int, default=REPEATS)
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    if "dev" in args.train.stem or "test" in args.train.stem:
        parser.error("train on the train split only: dev and test are for measuring")

    started = time.perf_counter()
    pairs, gold = build_pairs(args.train)
    documents = sorted(gold)
    positives = sum(pair.label for pair in pairs)
    near_misses = sum(pair.near_miss for pair in pairs)
    print(
        f"{len(documents)} documents, {sum(map(len, gold.values()))} gold Work_For pairs; "
        f"{len(pairs)} candidate pairs, {positives} positive, {near_misses} near misses "
        f"(left out of training), parsed in {time.perf_counter() - started:.1f} s"
    )
    ceiling = score(pairs, [pair.label for pair in pairs], gold, documents)
    ruled = [pair.rule_confidence is not None for pair in pairs]
    rules_alone = score(pairs, ruled, gold, documents)
    print(f"  every positive candidate (our mentions' ceiling): {ceiling}")
    print(f"  rules alone:                                      {rules_alone}")

    # Repeated, document-grouped CV. The l2 strength is the one whose held-out ranking of
    # the pairs is best (average precision, threshold-free); then the accept threshold.
    held_out: dict[float, list[list[float]]] = {}
    for l2 in L2_GRID:
        held_out[l2] = [
            cross_validated(pairs, folds_of(documents, args.folds, args.seed + r), args.folds, l2)
            for r in range(args.repeats)
        ]
        precision = sum(average_precision(pairs, p) for p in held_out[l2]) / args.repeats
        print(f"  l2 {l2:>4}: held-out pair average precision {precision:.3f}")
    l2 = max(
        L2_GRID,
        key=lambda w: round(sum(average_precision(pairs, p) for p in held_out[w]), 6),
    )
    rules_pooled = Counts()
    for _ in range(args.repeats):
        rules_pooled.add(rules_alone)
    table = {
        accept: _pooled(pairs, held_out[l2], AffiliationPolicy(accept, 0.0), gold, documents)
        for accept in ACCEPT_GRID
    }
    policy = AffiliationPolicy(choose_accept(table, rules_pooled), 0.0)
    print(f"  by accept threshold (l2 {l2}; 'added' = links the model adds to the rules):")
    for accept, counts in table.items():
        added = _added_precision(counts, rules_pooled)
        mark = " <" if accept == policy.accept else ""
        print(f"    accept >= {accept:.2f}: {counts}, added precision {added:.2f}{mark}")
    combined = _pooled(pairs, held_out[l2], policy, gold, documents)
    print(
        f"chosen: l2 {l2}, accept >= {policy.accept} (the added links are at least as "
        f"precise as the rules' own, P {rules_alone.precision:.3f}), no veto"
    )
    print(f"  train CV ({args.repeats} x {args.folds}-fold, pooled), rules + model: {combined}")
    for veto in VETO_GRID:
        vetoed = _pooled(
            pairs, held_out[l2], AffiliationPolicy(policy.accept, veto), gold, documents
        )
        print(f"    (not shipped) with a veto below {veto}: {vetoed}")
    best_alone = max(
        ((_alone(pairs, held_out[l2], a, gold, documents), a) for a in ACCEPT_GRID),
        key=lambda item: round(item[0].f1, 6),
    )
    print(f"  train CV, model alone at its best p >= {best_alone[1]}: {best_alone[0]}")

    fitted = train(pairs, l2)
    model = AffiliationModel(
        fitted.weights,
        fitted.bias,
        policy,
        {
            "trained_on": "conll04 train.jsonl (Work_For read as affiliatedWith)",
            "script": "scripts/train_affiliation_model.py",
            "candidate_pairs": len(pairs),
            "positive_pairs": positives,
            "near_misses_left_out": near_misses,
            "l2": l2,
            "min_count": MIN_COUNT,
            "cv": f"{args.repeats} x {args.folds}-fold by document, seeds from {args.seed}",
            "policy_rule": "lowest accept whose added links are as precise as the rules (CV)",
            "cv_rules_alone": _summary(rules_alone),
            "cv_rules_plus_model": _summary(combined, args.repeats),
            "cv_model_alone": _summary(best_alone[0], args.repeats),
        },
    )
    args.output.write_text(json.dumps(model.to_dict(), indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.output}: {len(model.weights)} weights")
    return 0


def _pooled(
    pairs: Sequence[Pair],
    held_out: Sequence[Sequence[float]],
    policy: AffiliationPolicy,
    gold: dict[str, list[tuple[str, str]]],
    documents: Sequence[str],
) -> Counts:
    """Rules + model under ``policy``, scored on each CV repeat and summed."""
    total = Counts()
    for probabilities in held_out:
        total.add(score(pairs, decisions(pairs, probabilities, policy), gold, documents))
    return total


def _alone(
    pairs: Sequence[Pair],
    held_out: Sequence[Sequence[float]],
    accept: float,
    gold: dict[str, list[tuple[str, str]]],
    documents: Sequence[str],
) -> Counts:
    """The model without the rules, linking pairs from ``accept`` on, summed over repeats."""
    total = Counts()
    for probabilities in held_out:
        total.add(score(pairs, [p >= accept for p in probabilities], gold, documents))
    return total


def _added_precision(counts: Counts, rules: Counts) -> float:
    """Precision of the links the model adds to the rules (no veto: rules' links stay)."""
    added = (counts.tp + counts.fp) - (rules.tp + rules.fp)
    return (counts.tp - rules.tp) / added if added > 0 else 1.0


def choose_accept(table: dict[float, Counts], rules: Counts) -> float:
    """The lowest threshold from which on, at every higher one too, the links the model
    adds are at least as precise as the rules' own: adding them never dilutes precision.
    """
    chosen = 1.0
    for accept in sorted(table, reverse=True):
        if _added_precision(table[accept], rules) < rules.precision:
            break
        chosen = accept
    return chosen


def _summary(counts: Counts, repeats: int = 1) -> dict[str, float]:
    """P/R/F1 and the counts per CV repeat (pooled counts divided by ``repeats``)."""
    return {
        "precision": round(counts.precision, 4),
        "recall": round(counts.recall, 4),
        "f1": round(counts.f1, 4),
        "tp": round(counts.tp / repeats, 1),
        "fp": round(counts.fp / repeats, 1),
        "fn": round(counts.fn / repeats, 1),
    }


if __name__ == "__main__":
    sys.exit(main())
