"""A small statistical model of affiliatedWith, beside the rules of :mod:`.affiliation`.

The rules read an affiliation off a handful of dependency paths and never guess. This
module scores *any* (person, organisation) pair in one sentence with a logistic
regression over sparse binary features of the pair: the dependency path between the two
heads (labels and lemmas, other entities abstracted), the words between the mentions,
role nouns and verbs on the path, possessive / compound / apposition links, the order
and distance of the mentions and the organisation's curated kind.

The weights live in ``actorgraph/data/affiliation_model.json``; they are written by
``scripts/train_affiliation_model.py`` from the CoNLL04 *train* split only, and read
here with the standard library alone. :meth:`AffiliationModel.load` reads the packaged
file once, on first use; nothing happens at import time.

>>> model = AffiliationModel.load()                             # doctest: +SKIP
>>> doc = nlp("NASA spokesman Jim Smith said the launch was delayed.")  # doctest: +SKIP
>>> person, organisation = ...  # the two Mentions of doc._.ag_mentions  # doctest: +SKIP
>>> model.probability(person, organisation) > 0.5               # doctest: +SKIP
True

How the rules use it (:func:`combine`): a pair the rules link keeps its rule confidence
unless the model finds the link very unlikely (a *veto*); a pair the rules leave alone
is linked when the model's probability reaches the *accept* threshold, with a
confidence below any rule's. The thresholds were chosen by cross-validation on the
training split and are stored with the weights.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from spacy.tokens import Token

# The module itself, not names from it: affiliation.py may import this module in turn,
# and its attributes are only read when features are computed.
from actorgraph.extract import affiliation as rules
from actorgraph.extract.mentions import Mention
from actorgraph.extract.syntax import dependency_path, is_negated
from actorgraph.ontology import EntityType

#: Bumped whenever :func:`pair_features` changes; a model file of another version is refused.
FEATURE_VERSION = 1
MODEL_RESOURCE = ("data", "affiliation_model.json")
#: Paths longer than this are summarised by their length only.
MAX_PATH_TOKENS = 10
#: Words between the mentions are features only when there are at most this many.
MAX_BETWEEN = 12
#: The cue given to a relation found by the model alone.
MODEL_CUE = "model"

SPEECH_VERBS = frozenset(
    {"say", "tell", "add", "explain", "note", "state", "confirm", "report", "announce", "quote"}
)
#: Verbs that put a person on the other side of an organisation, never in it.
OPPOSING_VERBS = frozenset(
    {
        "kill",
        "attack",
        "fight",
        "capture",
        "arrest",
        "sue",
        "accuse",
        "criticize",
        "criticise",
        "meet",
        "visit",
        "tell",
        "interview",
        "oppose",
        "defeat",
        "beat",
        "shoot",
        "negotiate",
        "charge",
        "investigate",
    }
)


# --------------------------------------------------------------------------- features


def pair_features(person: Mention, organisation: Mention) -> list[str]:
    """The sparse binary features of a (person, organisation) pair, sorted and distinct.

    Both mentions must come from the same parsed ``Doc`` of the actorgraph pipeline and
    lie in one sentence; a pair in different sentences only gets ``"cross_sentence"``.
    """
    if person.span.sent.start != organisation.span.sent.start:
        return ["cross_sentence"]
    features: set[str] = {"bias_pair"}
    features.update(_mention_features(person, organisation))
    features.update(_surface_features(person, organisation))
    features.update(_path_features(person, organisation))
    return sorted(features)


def _mention_features(person: Mention, organisation: Mention) -> Iterable[str]:
    referent = organisation.referent
    yield f"org_kind={referent.kind or 'none'}"
    yield f"org_known={referent.known_as is not None}"
    yield f"org_anaphor={organisation.antecedent is not None}"
    yield f"org_label={organisation.span.label_ or 'none'}"
    yield f"org_len={min(len(organisation.span), 4)}"
    yield f"org_dep={organisation.head.dep_}"
    yield f"per_dep={person.head.dep_}"
    yield f"per_len={min(len(person.span), 3)}"
    yield f"deps={person.head.dep_}|{organisation.head.dep_}"
    # how crowded the sentence is: the nearest person to the organisation is the likelier one
    mentions = _sentence_mentions(person)
    people = [m for m in mentions if m.type is EntityType.PERSON]
    organisations = [m for m in mentions if m.type is EntityType.ORGANISATION]
    yield f"n_people={min(len(people), 3)}"
    yield f"n_orgs={min(len(organisations), 3)}"
    distance = _gap(person, organisation)
    nearest_person = min(people, key=lambda m: _gap(m, organisation), default=person)
    nearest_org = min(organisations, key=lambda m: _gap(person, m), default=organisation)
    yield f"nearest_person={_gap(nearest_person, organisation) >= distance}"
    yield f"nearest_org={_gap(person, nearest_org) >= distance}"


def _sentence_mentions(mention: Mention) -> list[Mention]:
    sentence = mention.span.sent
    return [
        m
        for m in mention.span.doc._.ag_mentions or ()
        if sentence.start <= m.span.start < sentence.end
    ]


def _gap(a: Mention, b: Mention) -> int:
    """Tokens between two mentions (0 when adjacent or overlapping)."""
    return max(0, max(a.span.start, b.span.start) - min(a.span.end, b.span.end))


def _surface_features(person: Mention, organisation: Mention) -> Iterable[str]:
    doc = person.span.doc
    person_first = person.span.start < organisation.span.start
    order = "PO" if person_first else "OP"
    yield f"order={order}"
    first, second = (person, organisation) if person_first else (organisation, person)
    between = doc[first.span.end : second.span.start] if first.span.end < second.span.start else []
    gap = len(between)
    yield f"gap={_bucket(gap, (0, 1, 2, 3, 5, 8, 12, 20))}"
    yield f"order_gap={order}|{_bucket(gap, (0, 1, 2, 4, 8))}"
    if gap <= MAX_BETWEEN:
        words = [_word(t) for t in between]
        for word in words:
            yield f"between={word}"
        for a, b in zip(words, words[1:], strict=False):
            yield f"between2={a}_{b}"
        if gap <= 4:
            yield f"between_all={order}|{' '.join(words)}"
        roles = [t for t in between if rules.is_role(t)]
        if roles:
            yield f"between_role={order}"
    else:
        yield "between_far"
    between_mentions = [
        m
        for m in _sentence_mentions(person)
        if m is not person and m is not organisation and between
        and first.span.end <= m.span.start and m.span.end <= second.span.start
    ]
    for mention in between_mentions:
        yield f"between_mention={mention.type.value}"
    yield f"per_before={_word_at(doc, person.span.start - 1)}"
    yield f"per_after={_word_at(doc, person.span.end)}"
    yield f"org_before={_word_at(doc, organisation.span.start - 1)}"
    yield f"org_after={_word_at(doc, organisation.span.end)}"
    yield f"per_before2={_word_at(doc, person.span.start - 2)}_{_word_at(doc, person.span.start - 1)}"
    yield f"org_after2={_word_at(doc, organisation.span.end)}_{_word_at(doc, organisation.span.end + 1)}"
    # titles and roles just before the name ("spokesman Jim Smith", "Lt. Steve Hardy")
    previous = doc[person.span.start - 1] if person.span.start > 0 else None
    if previous is not None and (rules.is_role(previous) or _is_title(previous)):
        yield "per_titled"
        if person_first is False and gap <= 2:
            yield "org_title_name"


def _path_features(person: Mention, organisation: Mention) -> Iterable[str]:
    path = dependency_path(person.head, organisation.head)
    if len(path) < 2:
        yield "path=same_head" if path else "path=none"
        return
    yield f"path_len={_bucket(len(path), (2, 3, 4, 5, 6, 8, 10))}"
    if len(path) > MAX_PATH_TOKENS:
        yield "path_long"
        return
    mention_of = _mention_tokens(person)
    steps = _steps(path)
    interior = path[1:-1]
    labels = [step for step, _ in steps]
    yield f"path_deps={' '.join(labels)}"
    words = [_path_word(t, mention_of) for t in interior]
    yield f"path_full={_interleave(labels, words)}"
    coarse = [_coarse(t, mention_of) for t in interior]
    yield f"path_coarse={_interleave(labels, coarse)}"
    for label in labels:
        yield f"path_dep={label}"
    for label, word in zip(labels, words, strict=False):
        yield f"path_step={label}>{word}"
    for word in words:
        yield f"path_word={word}"
    yield f"first_step={labels[0]}"
    yield f"last_step={labels[-1]}"
    top = _top(path)
    yield f"top={'person' if top is path[0] else 'org' if top is path[-1] else _coarse(top, {})}"
    if top is not path[0] and top is not path[-1]:
        yield f"top_lemma={top.lemma_.lower()}"
    roles = [t for t in interior if rules.is_role(t)]
    if roles:
        yield "path_role"
        yield f"path_role_word={roles[0].lemma_.lower()}"
    verbs = [t for t in interior if t.pos_ in ("VERB", "AUX")]
    yield f"path_verbs={min(len(verbs), 2)}"
    for verb in verbs:
        lemma = verb.lemma_.lower()
        yield f"path_verb={lemma}"
        if lemma in rules.MEMBERSHIP_VERBS:
            yield "path_membership_verb"
        if lemma in rules.LINK_VERBS:
            yield "path_link_verb"
        if lemma in SPEECH_VERBS:
            yield "path_speech_verb"
        if lemma in OPPOSING_VERBS:
            yield "path_opposing_verb"
        if is_negated(verb):
            yield "path_negated"
    preps = [t.lower_ for t in interior if t.dep_ in ("prep", "agent")]
    for prep in preps:
        yield f"path_prep={prep}"
    if not verbs and all(label.split("_")[0] in rules.NOUN_PHRASE_DEPS for label in labels):
        yield "path_noun_phrase"
        if roles:
            yield "path_noun_phrase_role"
    if len(path) == 2:
        child = path[0] if path[0].head.i == path[1].i else path[1]
        yield f"direct={child.dep_}|{'org_child' if child is path[-1] else 'person_child'}"
    if any(t.dep_ == "conj" for t in path) or person.head.dep_ == "conj":
        yield "path_conj"
    if any(t.lower_ == "whose" for t in interior for t in t.children):
        yield "path_whose"
    if any(m is not None and m.type is EntityType.PERSON for m in map(mention_of.get, (t.i for t in interior))):
        yield "path_through_person"
    if any(m is not None and m.type is EntityType.ORGANISATION for m in map(mention_of.get, (t.i for t in interior))):
        yield "path_through_org"


def _mention_tokens(mention: Mention) -> dict[int, Mention]:
    """The entity mention covering each token of the mention's sentence, by token index."""
    covering: dict[int, Mention] = {}
    for other in _sentence_mentions(mention):
        for token in other.span:
            covering[token.i] = other
    return covering


def _steps(path: list[Token]) -> list[tuple[str, Token]]:
    """Each edge as ``dep_up`` (towards the common ancestor) or ``dep_down``, with its child."""
    steps = []
    for first, second in zip(path, path[1:], strict=False):
        if first.head.i == second.i and first.i != second.i:
            steps.append((f"{first.dep_}_up", first))
        else:
            steps.append((f"{second.dep_}_down", second))
    return steps


def _top(path: list[Token]) -> Token:
    """The lowest common ancestor on the path: the token that is no one's child on it."""
    for index, token in enumerate(path):
        before = path[index - 1] if index > 0 else None
        after = path[index + 1] if index + 1 < len(path) else None
        if all(n is None or n.head.i == token.i for n in (before, after)):
            return token
    return path[0]


def _path_word(token: Token, mention_of: Mapping[int, Mention]) -> str:
    mention = mention_of.get(token.i)
    if mention is not None:
        return "<PER>" if mention.type is EntityType.PERSON else "<ORG>"
    if token.ent_type_ in ("GPE", "NORP", "LOC"):
        return f"<{token.ent_type_}>"
    if token.like_num:
        return "<NUM>"
    return token.lemma_.lower()


def _coarse(token: Token, mention_of: Mapping[int, Mention]) -> str:
    mention = mention_of.get(token.i)
    if mention is not None:
        return "<PER>" if mention.type is EntityType.PERSON else "<ORG>"
    if rules.is_role(token):
        return "ROLE"
    if token.pos_ in ("VERB", "AUX"):
        lemma = token.lemma_.lower()
        if lemma in rules.MEMBERSHIP_VERBS:
            return "VERB_MEMBER"
        if lemma in rules.LINK_VERBS:
            return "VERB_LINK"
        return "VERB"
    if token.pos_ == "ADP":
        return token.lower_
    return token.pos_


def _interleave(labels: list[str], words: list[str]) -> str:
    parts = []
    for index, label in enumerate(labels):
        parts.append(label)
        if index < len(words):
            parts.append(words[index])
    return " ".join(parts)


def _word(token: Token) -> str:
    if token.like_num:
        return "<NUM>"
    if token.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return f"<{token.ent_type_}>"
    return token.lower_


def _word_at(doc: Any, index: int) -> str:
    if index < 0:
        return "<S>"
    if index >= len(doc):
        return "</S>"
    return _word(doc[index])


def _is_title(token: Token) -> bool:
    return token.lower_.rstrip(".") in rules.TITLE_WORDS


def _bucket(value: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if value <= edge:
            return f"<={edge}"
    return f">{edges[-1]}"


# ------------------------------------------------------------------------------ model


@dataclass(frozen=True, slots=True)
class AffiliationPolicy:
    """When the model adds or removes an affiliation (see :func:`combine`).

    ``accept``: a pair the rules leave alone is linked from this probability on.
    ``veto``: a pair the rules link is dropped below this probability (0 = never).
    ``max_confidence``: the confidence of a model-only link is its probability, capped
    here, below the rules' own confidences.
    """

    accept: float = 0.5
    veto: float = 0.0
    max_confidence: float = 0.75


@dataclass(slots=True)
class AffiliationModel:
    """A logistic regression over :func:`pair_features`; ``weights`` by feature name."""

    weights: dict[str, float]
    bias: float
    policy: AffiliationPolicy = field(default_factory=AffiliationPolicy)
    metadata: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def load(cls, path: str | Path | None = None) -> AffiliationModel:
        """The model in ``path``; without a path, the packaged one (read once, then cached)."""
        if path is None:
            return _load_packaged()
        return cls.from_dict(json.loads(Path(path).read_text(encoding="utf-8")))

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> AffiliationModel:
        version = data.get("feature_version")
        if version != FEATURE_VERSION:
            raise ValueError(
                f"affiliation model has feature version {version!r}, this code computes "
                f"{FEATURE_VERSION}: retrain it with scripts/train_affiliation_model.py"
            )
        policy = data.get("policy", {})
        return cls(
            weights={str(k): float(v) for k, v in data["weights"].items()},
            bias=float(data["bias"]),
            policy=AffiliationPolicy(
                accept=float(policy.get("accept", 0.5)),
                veto=float(policy.get("veto", 0.0)),
                max_confidence=float(policy.get("max_confidence", 0.75)),
            ),
            metadata=dict(data.get("metadata", {})),
        )

    def to_dict(self) -> dict[str, Any]:
        """The JSON form, with sorted features so that the file is reproducible."""
        return {
            "feature_version": FEATURE_VERSION,
            "bias": self.bias,
            "policy": {
                "accept": self.policy.accept,
                "veto": self.policy.veto,
                "max_confidence": self.policy.max_confidence,
            },
            "metadata": self.metadata,
            "weights": dict(sorted(self.weights.items())),
        }

    def probability(self, person: Mention, organisation: Mention) -> float:
        """How likely the sentence says that ``person`` belongs to ``organisation``."""
        return self.probability_of(pair_features(person, organisation))

    def probability_of(self, features: Iterable[str]) -> float:
        """The probability for an already computed feature list."""
        weights = self.weights
        score = self.bias + sum(weights.get(feature, 0.0) for feature in features)
        return _sigmoid(score)

    def combine(self, rule_confidence: float | None, probability: float) -> float | None:
        """:func:`combine` with this model's stored policy."""
        return combine(rule_confidence, probability, self.policy)


def combine(
    rule_confidence: float | None,
    probability: float,
    policy: AffiliationPolicy | None = None,
) -> float | None:
    """The confidence of an affiliation after rules and model, or None for no relation.

    * The rules found a link (``rule_confidence`` is a number): it stands, with its own
      confidence, unless ``probability`` is below ``policy.veto``.
    * The rules found nothing: the model links the pair when ``probability`` reaches
      ``policy.accept``, with confidence ``min(probability, policy.max_confidence)``.
    """
    policy = policy or _load_packaged().policy
    if rule_confidence is not None:
        return None if probability < policy.veto else rule_confidence
    if probability >= policy.accept:
        return round(min(probability, policy.max_confidence), 3)
    return None


def _sigmoid(score: float) -> float:
    if score >= 0:
        return 1.0 / (1.0 + math.exp(-score))
    exp = math.exp(score)
    return exp / (1.0 + exp)


@lru_cache(maxsize=1)
def _load_packaged() -> AffiliationModel:
    resource = resources.files("actorgraph").joinpath(*MODEL_RESOURCE)
    return AffiliationModel.from_dict(json.loads(resource.read_text(encoding="utf-8")))
