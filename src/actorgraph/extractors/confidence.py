"""A fact's final confidence: the extractor's score, a doubt for one-word names, calibration.

Each extractor scores the facts it finds by the pattern that found them (the README's
*Confidence*). Two steps then turn that *raw* score into the confidence a fact carries:

1. **One-word names.** A person or organisation named by a single word ("Sahel",
   "Burlington", "Mason") is the kind of name the NER types wrongly most often, so a
   fact about one is less sure: its raw score is multiplied by :data:`ONE_WORD_FACTOR`.
   A curated organisation ("Taliban") is known for what it is and keeps its score, and so
   does a one-word name that the article also gives in full ("Sadat" for "Sami Sadat":
   the entity's name is then the full one).
2. **Calibration.** A per-relation piecewise-linear map (``data/calibration.json``),
   fitted with isotonic regression by ``scripts/train_affiliation_model.py`` on
   cross-validated CoNLL04 train predictions and the project's seed and dev gold, turns
   the raw score into the share of such facts that were right: facts at 0.8 are right
   about 8 times in 10. The map is plain data; applying it needs no scikit-learn. A
   relation without a map keeps its raw score.

>>> Calibration({"affiliatedWith": ([0.5, 0.9], [0.4, 0.8])}).apply("affiliatedWith", 0.7)
0.6
>>> Calibration({}).apply("alliedWith", 0.7)
0.7
"""

from __future__ import annotations

import bisect
import itertools
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from actorgraph.model import Entity, Fact
from actorgraph.ontology import EntityType
from actorgraph.resources import data_file

#: A fact about a person or organisation named by one word keeps this share of its score.
#: A prior, not a fit: the mistyped one-word names it guards against ("Sahel", a district
#: taken for a person) are news-article errors, while on CoNLL04 train the rules' links
#: with a one-word side are about as often right as the others (the training script
#: prints the ratio), so the factor is kept mild and only orders facts; the calibration
#: map, fitted on the scores with this factor in, says what they are worth.
ONE_WORD_FACTOR = 0.9
CALIBRATION_RESOURCE = "calibration.json"
#: Bumped when the file's layout changes; a file of another version is refused.
CALIBRATION_VERSION = 1
#: Calibrated confidences stay inside (0, 1): no fact is certain, none impossible.
FLOOR, CEILING = 0.01, 0.99


def is_one_word_name(entity: Entity) -> bool:
    """A person or an uncurated organisation whose whole name is a single word.

    >>> is_one_word_name(Entity("t1", EntityType.PERSON, "Mason"))
    True
    >>> is_one_word_name(Entity("t2", EntityType.ORGANISATION, "Taliban", known_as="taliban"))
    False
    """
    if entity.type not in (EntityType.PERSON, EntityType.ORGANISATION) or entity.known_as:
        return False
    return len(entity.name.replace("-", " ").split()) == 1


def raw_confidence(fact: Fact, entities: Mapping[str, Entity]) -> float:
    """The extractor's score with :data:`ONE_WORD_FACTOR` once per one-word side."""
    confidence = fact.confidence
    for node in (fact.subject, fact.object):
        entity = entities.get(node)
        if entity is not None and is_one_word_name(entity):
            confidence *= ONE_WORD_FACTOR
    return confidence


@dataclass(frozen=True, slots=True)
class Calibration:
    """A piecewise-linear map per relation, from raw score to the chance of being right.

    ``maps[relation] = (xs, ys)``: increasing raw scores and their calibrated values;
    between two points the value is interpolated, outside them it is the end value.
    """

    maps: dict[str, tuple[Sequence[float], Sequence[float]]]
    metadata: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def load(cls, path: str | Path | None = None) -> Calibration:
        """The map in ``path``; without one, the packaged map (read once); none if absent."""
        if path is None:
            return _packaged()
        return cls.from_dict(json.loads(Path(path).read_text(encoding="utf-8")))

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Calibration:
        version = data.get("version")
        if version != CALIBRATION_VERSION:
            raise ValueError(
                f"calibration file has version {version!r}, this code reads "
                f"{CALIBRATION_VERSION}: refit it with scripts/train_affiliation_model.py"
            )
        maps = {}
        for relation, points in data.get("maps", {}).items():
            xs, ys = [float(x) for x in points["x"]], [float(y) for y in points["y"]]
            if len(xs) != len(ys) or not xs or any(b < a for a, b in itertools.pairwise(xs)):
                raise ValueError(f"calibration map of {relation!r} is not increasing in x")
            maps[str(relation)] = (xs, ys)
        return cls(maps, dict(data.get("metadata", {})))

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": CALIBRATION_VERSION,
            "metadata": self.metadata,
            "maps": {
                relation: {"x": list(xs), "y": list(ys)}
                for relation, (xs, ys) in sorted(self.maps.items())
            },
        }

    def apply(self, relation: str, confidence: float) -> float:
        """The calibrated confidence of a raw score; the raw score for an unmapped relation."""
        points = self.maps.get(str(relation))
        if points is None:
            return confidence
        xs, ys = points
        if confidence <= xs[0]:
            value = ys[0]
        elif confidence >= xs[-1]:
            value = ys[-1]
        else:
            right = bisect.bisect_right(xs, confidence)
            x0, x1, y0, y1 = xs[right - 1], xs[right], ys[right - 1], ys[right]
            value = y0 if x1 == x0 else y0 + (y1 - y0) * (confidence - x0) / (x1 - x0)
        return round(min(max(value, FLOOR), CEILING), 4)


def final_fact(fact: Fact, entities: Mapping[str, Entity], calibration: Calibration | None) -> Fact:
    """The fact with its final confidence: raw score, one-word doubt, then calibration."""
    confidence = raw_confidence(fact, entities)
    if calibration is not None:
        confidence = calibration.apply(fact.predicate, confidence)
    return replace(fact, confidence=round(confidence, 4))


@lru_cache(maxsize=1)
def _packaged() -> Calibration:
    resource = data_file(CALIBRATION_RESOURCE)
    if not resource.is_file():
        return Calibration({})
    return Calibration.from_dict(json.loads(resource.read_text(encoding="utf-8")))
