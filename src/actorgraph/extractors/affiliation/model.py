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

How the rules use it (:func:`combine`, :func:`apply_model`): a pair the rules link keeps
its rule confidence unless the model's probability is below the *veto* threshold; a pair
the rules leave alone is linked when the probability reaches the *accept* threshold, with
a confidence of at most ``max_confidence``, unless the rules already place the person in
another organisation of the sentence (:func:`placed_elsewhere`). The training script
(scikit-learn, training only) picks both thresholds by document-grouped cross-validation
on the training split — the most conservative policy within one standard error of the
best held-out F1 — and stores them with the weights.
"""

from __future__ import annotations

import itertools
import json
import math
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.tokens import Span, Token

from actorgraph.extractors.affiliation.lexicon import LINK_VERBS, MEMBERSHIP_VERBS, NOUN_PHRASE_DEPS
from actorgraph.extractors.affiliation.rules import affiliation, is_role
from actorgraph.extractors.lexicon import (
    AFFILIATION_TITLES,
    MODEL_OPPOSING_VERBS,
    MODEL_SPEECH_VERBS,
)
from actorgraph.extractors.mention_index import MAX_PAIR_TOKENS, MentionIndex, token_gap
from actorgraph.extractors.mentions import Mention, MentionRelation
from actorgraph.extractors.syntax import dependency_path, is_negated
from actorgraph.gazetteers.places import load_gazetteer
from actorgraph.ontology import EntityType, Relation
from actorgraph.resources import data_file

#: Bumped whenever :func:`pair_features` changes; a model file of another version is refused.
FEATURE_VERSION = 2
MODEL_RESOURCE = "affiliation_model.json"
#: Paths longer than this are summarised by their length only.
MAX_PATH_TOKENS = 10
#: Words between the mentions are features only when there are at most this many.
MAX_BETWEEN = 12
#: The cue given to a relation found by the model alone.
MODEL_CUE = "model"


# --------------------------------------------------------------------------- features


@dataclass(slots=True)
class _PairContext:
    """What every feature template of one pair needs, computed once."""

    person: Mention
    organisation: Mention
    sentence: Span
    mentions: list[Mention]  # the entity mentions of the sentence, in text order
    mention_at: dict[int, Mention]  # the mention covering a token, by token index


def pair_features(person: Mention, organisation: Mention) -> list[str]:
    """The sparse binary features of a (person, organisation) pair, sorted and distinct.

    Both mentions must come from the same parsed ``Doc`` of the actorgraph pipeline and
    lie in one sentence; a pair in different sentences only gets ``"cross_sentence"``.
    """
    sentence = person.span.sent
    if organisation.span.sent.start != sentence.start:
        return ["cross_sentence"]
    mentions = MentionIndex.of(person.span.doc).in_sentence(sentence.start)  # no rescan per pair
    mention_at = {token.i: m for m in mentions for token in m.span}
    pair = _PairContext(person, organisation, sentence, mentions, mention_at)
    features: set[str] = {"bias_pair"}
    features.update(_mention_features(pair))
    features.update(_surface_features(pair))
    features.update(_path_features(pair))
    return sorted(features)


def _mention_features(pair: _PairContext) -> Iterator[str]:
    """The two mentions themselves, their syntactic roles and their neighbours."""
    person, organisation = pair.person, pair.organisation
    referent = organisation.referent
    yield f"org_kind={referent.kind or 'none'}"
    yield f"org_known={referent.known_as is not None}"
    yield f"org_anaphor={organisation.antecedent is not None}"
    yield f"org_label={organisation.span.label_ or 'none'}"
    yield f"org_len={min(len(organisation.span), 4)}"
    yield f"org_dep={organisation.head.dep_}"
    yield f"org_head={organisation.head.lower_}"
    if referent.known_as is None and organisation.antecedent is None:
        place = _place_kind(organisation.name)
        if place:  # "Dayton", "Oxford": the NER took a town for an organisation
            yield f"org_place={place}|len={min(len(organisation.span), 2)}"
    shape = organisation.span.text.replace(".", "").replace("&", "")
    if shape.isupper() and shape.isalpha():
        yield "org_acronym"
    yield f"per_dep={person.head.dep_}"
    yield f"per_len={min(len(person.span), 3)}"
    yield f"deps={person.head.dep_}|{organisation.head.dep_}"
    if person.head.i in {t.i for t in organisation.head.subtree}:
        yield "person_under_org"
    person_phrase = {t.i for t in person.head.subtree}
    if organisation.head.i in person_phrase:
        yield "org_under_person"
    elif any(
        m.type is EntityType.ORGANISATION and m is not organisation and m.head.i in person_phrase
        for m in pair.mentions
    ):
        yield "person_phrase_names_other_org"  # "X, an officer of A, said ... B"
    # crowding: the person nearest the organisation is the likelier member, and vice versa
    people = [m for m in pair.mentions if m.type is EntityType.PERSON]
    organisations = [m for m in pair.mentions if m.type is EntityType.ORGANISATION]
    yield f"n_people={min(len(people), 3)}"
    yield f"n_orgs={min(len(organisations), 3)}"
    distance = _gap(person, organisation)
    yield f"nearest_person={all(_gap(m, organisation) >= distance for m in people)}"
    yield f"nearest_org={all(_gap(person, m) >= distance for m in organisations)}"


def _surface_features(pair: _PairContext) -> Iterator[str]:
    """Order, distance and the words between and around the two mentions."""
    person, organisation, sentence = pair.person, pair.organisation, pair.sentence
    doc = sentence.doc
    person_first = person.span.start < organisation.span.start
    order = "PO" if person_first else "OP"
    first, second = (person, organisation) if person_first else (organisation, person)
    between = [doc[i] for i in range(first.span.end, second.span.start)]
    gap = len(between)
    yield f"order={order}"
    yield f"gap={_bucket(gap, (0, 1, 2, 3, 5, 8, 12, 20))}"
    yield f"order_gap={order}|{_bucket(gap, (0, 1, 2, 4, 8))}"
    if gap <= MAX_BETWEEN:
        words = [_word(t) for t in between]
        for word in words:
            yield f"between={word}"
        for left, right in itertools.pairwise(words):
            yield f"between2={left}_{right}"
        if gap <= 4:
            yield f"between_all={order}|{' '.join(words)}"
        if any(is_role(t) for t in between):
            yield f"between_role={order}"
    else:
        yield "between_far"
    for mention in pair.mentions:
        if first.span.end <= mention.span.start and mention.span.end <= second.span.start:
            yield f"between_mention={mention.type.value}"

    def word_at(index: int) -> str:
        if index < sentence.start:
            return "<S>"
        return "</S>" if index >= sentence.end else _word(doc[index])

    yield f"per_before={word_at(person.span.start - 1)}"
    yield f"per_after={word_at(person.span.end)}"
    yield f"org_before={word_at(organisation.span.start - 1)}"
    yield f"org_after={word_at(organisation.span.end)}"
    yield f"per_before2={word_at(person.span.start - 2)}_{word_at(person.span.start - 1)}"
    yield f"org_after2={word_at(organisation.span.end)}_{word_at(organisation.span.end + 1)}"
    # a title or role just before the name: "spokesman Jim Smith", "Lt. Steve Hardy"
    if person.span.start > sentence.start:
        previous = doc[person.span.start - 1]
        if is_role(previous) or previous.lower_.rstrip(".") in AFFILIATION_TITLES:
            yield "per_titled"
            if not person_first and gap <= 2:
                yield "org_title_name"


def _path_features(pair: _PairContext) -> Iterator[str]:
    """The dependency path between the two heads, whole and in pieces."""
    path = dependency_path(pair.person.head, pair.organisation.head)
    if len(path) < 2:
        yield "path=same_head" if path else "path=none"
        return
    yield f"path_len={_bucket(len(path), (2, 3, 4, 5, 6, 8, 10))}"
    if len(path) > MAX_PATH_TOKENS:
        yield "path_long"
        return
    interior = path[1:-1]
    labels = _steps(path)
    words = [_path_word(t, pair.mention_at) for t in interior]
    coarse = [_coarse(t, pair.mention_at) for t in interior]
    yield f"path_deps={' '.join(labels)}"
    yield f"path_full={_interleave(labels, words)}"
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
    if top.i == path[0].i:
        yield "top=person"
    elif top.i == path[-1].i:
        yield "top=org"
    else:
        yield f"top={_coarse(top, {})}"
        yield f"top_lemma={top.lemma_.lower()}"
    roles = [t for t in interior if is_role(t)]
    if roles:
        yield "path_role"
        yield f"path_role_word={roles[0].lemma_.lower()}"
    verbs = [t for t in interior if t.pos_ in ("VERB", "AUX")]
    yield f"path_verbs={min(len(verbs), 2)}"
    for verb in verbs:
        yield from _verb_features(path, verb)
    for token in interior:
        if token.dep_ in ("prep", "agent"):
            yield f"path_prep={token.lower_}"
    if not verbs and all(label.rsplit("_", 1)[0] in NOUN_PHRASE_DEPS for label in labels):
        yield "path_noun_phrase"
        if roles:
            yield "path_noun_phrase_role"
    if len(path) == 2:
        organisation_is_child = path[1].head.i == path[0].i
        child = path[1] if organisation_is_child else path[0]
        yield f"direct={child.dep_}|{'org_child' if organisation_is_child else 'person_child'}"
    if pair.person.head.dep_ == "conj" or any(t.dep_ == "conj" for t in path):
        yield "path_conj"
    if any(child.lower_ == "whose" for token in interior for child in token.children):
        yield "path_whose"
    on_path = [pair.mention_at.get(t.i) for t in interior]
    if any(m is not None and m.type is EntityType.PERSON for m in on_path):
        yield "path_through_person"
    if any(m is not None and m.type is EntityType.ORGANISATION for m in on_path):
        yield "path_through_org"


def _verb_features(path: list[Token], verb: Token) -> Iterator[str]:
    """A verb on the path, its kind, and how the person and organisation sides reach it."""
    lemma = verb.lemma_.lower()
    kind = _verb_kind(lemma)
    position = next(index for index, token in enumerate(path) if token.i == verb.i)
    person_side = _attachment(path[position - 1], verb)
    organisation_side = _attachment(path[position + 1], verb)
    yield f"path_verb={lemma}"
    yield f"path_verb_kind={kind}"
    yield f"verb_person_side={kind}|{person_side}"  # "X leads ORG": nsubj
    yield f"verb_org_side={kind}|{organisation_side}"  # ... and dobj
    yield f"verb_sides={kind}|{person_side}|{organisation_side}"
    if is_negated(verb):
        yield "path_negated"


def _verb_kind(lemma: str) -> str:
    """The kind of a verb on the path; the weights were trained on exactly these word lists."""
    if lemma in MEMBERSHIP_VERBS:
        return "membership"
    if lemma in LINK_VERBS:
        return "link"
    if lemma in MODEL_SPEECH_VERBS:
        return "speech"
    if lemma in MODEL_OPPOSING_VERBS:
        return "opposing"
    return "other"


def _attachment(neighbour: Token, verb: Token) -> str:
    """The dependency joining a path neighbour to a verb: the neighbour's, or the verb's."""
    if neighbour.head.i == verb.i:
        return neighbour.dep_
    return f"{verb.dep_}^"


def _steps(path: list[Token]) -> list[str]:
    """Each edge as ``dep_up`` (towards the common ancestor) or ``dep_down``."""
    steps = []
    for first, second in itertools.pairwise(path):
        if first.head.i == second.i and first.i != second.i:
            steps.append(f"{first.dep_}_up")
        else:
            steps.append(f"{second.dep_}_down")
    return steps


def _top(path: list[Token]) -> Token:
    """The lowest common ancestor on the path: the token that is no one's child on it."""
    for index, token in enumerate(path):
        neighbours = path[max(0, index - 1) : index] + path[index + 1 : index + 2]
        if all(n.head.i == token.i for n in neighbours):
            return token
    return path[0]


def _place_kind(name: str) -> str | None:
    """ "district", "city" or "province" when ``name`` is exactly a gazetteer place's name."""
    key = name.casefold()
    for match in load_gazetteer().find_place(name):
        if match.name.casefold() == key:
            return match.kind
    return None


def _gap(a: Mention, b: Mention) -> int:
    """Tokens between two mentions (0 when adjacent or overlapping)."""
    return max(0, max(a.span.start, b.span.start) - min(a.span.end, b.span.end))


def _path_word(token: Token, mention_at: Mapping[int, Mention]) -> str:
    """A path token as a word, with entities abstracted: <PER>, <ORG>, <GPE>, <NUM>."""
    mention = mention_at.get(token.i)
    if mention is not None:
        return "<PER>" if mention.type is EntityType.PERSON else "<ORG>"
    if token.ent_type_ in ("GPE", "NORP", "LOC"):
        return f"<{token.ent_type_}>"
    if token.like_num:
        return "<NUM>"
    return token.lemma_.lower()


def _coarse(token: Token, mention_at: Mapping[int, Mention]) -> str:
    """A path token as a class: entity, ROLE, kind of verb, the preposition, else its POS."""
    mention = mention_at.get(token.i)
    if mention is not None:
        return "<PER>" if mention.type is EntityType.PERSON else "<ORG>"
    if is_role(token):
        return "ROLE"
    if token.pos_ in ("VERB", "AUX"):
        lemma = token.lemma_.lower()
        if lemma in MEMBERSHIP_VERBS:
            return "VERB_MEMBER"
        if lemma in LINK_VERBS:
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


@dataclass(frozen=True, slots=True)
class AffiliationModel:
    """A logistic regression over :func:`pair_features`: a weight per feature, and a bias.

    ``policy`` says how :func:`combine` uses its probabilities; ``metadata`` records how
    the model was trained and its cross-validated scores.
    """

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


def apply_model(
    rule_result: MentionRelation | None,
    person: Mention,
    organisation: Mention,
    model: AffiliationModel | None = None,
) -> MentionRelation | None:
    """The rules' answer for a pair, revised by the model under its policy (:func:`combine`).

    ``rule_result`` is what :func:`actorgraph.extractors.affiliation.rules.affiliation` returned for
    the pair. A relation the model adds has the cue :data:`MODEL_CUE`. The model adds none
    for a person whom the rules already place in another organisation of the sentence
    (:func:`placed_elsewhere`: "X, a senior officer of the police, said the men belonged to
    ORG").
    """
    model = model or AffiliationModel.load()
    if rule_result is not None and model.policy.veto <= 0.0:
        return rule_result  # nothing the model could say would change it
    if rule_result is None and placed_elsewhere(person, organisation):
        return None
    probability = model.probability(person, organisation)
    rule_confidence = rule_result.confidence if rule_result is not None else None
    confidence = combine(rule_confidence, probability, model.policy)
    if confidence is None:
        return None
    if rule_result is not None:
        return rule_result
    return MentionRelation(
        person, Relation.AFFILIATED_WITH, organisation, confidence, person.span.sent, MODEL_CUE
    )


def placed_elsewhere(person: Mention, organisation: Mention) -> bool:
    """Whether the rules link ``person`` to another organisation of the same sentence.

    Then the sentence has said where the person belongs, and a second organisation near
    them is more often what they talk about than another employer.
    """
    index = MentionIndex.of(person.span.doc)
    # Worked out once per person, not once per pair: pairs × organisations is cubic.
    linked = index.remember(("rules-link", person), lambda: _organisations_linked(person, index))
    return any(o is not organisation and o.referent is not organisation.referent for o in linked)


def _organisations_linked(person: Mention, index: MentionIndex) -> list[Mention]:
    """The organisations of the person's sentence that the rules link the person to.

    Only those the person is paired with at all (at most MAX_PAIR_TOKENS tokens away).
    """
    return [
        other
        for other in index.in_sentence(index.sentence_of(person.span.start))
        if other.type is EntityType.ORGANISATION
        and token_gap(person, other) <= MAX_PAIR_TOKENS
        and affiliation(person, other)
    ]


def _sigmoid(score: float) -> float:
    if score >= 0:
        return 1.0 / (1.0 + math.exp(-score))
    exp = math.exp(score)
    return exp / (1.0 + exp)


@lru_cache(maxsize=1)
def _load_packaged() -> AffiliationModel:
    resource = data_file(MODEL_RESOURCE)
    return AffiliationModel.from_dict(json.loads(resource.read_text(encoding="utf-8")))
