"""Cross-article entity resolution: the same actor across articles is one node.

Every entity an article names is an *occurrence*; occurrences that share an identity
key are one node (union-find, with :class:`networkx.utils.UnionFind`), so the result
does not depend on the order of the articles. The keys, strongest first:

=================  ==========================================================================
rule               identity key
=================  ==========================================================================
``iso3166-2``      a province's ISO 3166-2 code
``curated-key``    an organisation's key in the curated list (``data/organisations.toml``)
``curated-alias``  an organisation name the curated list knows, though the article's
                   extractor did not tag it
``same-name``      the normalised full name: organisations, and people named by two or
                   more words
``shared-alias``   an alias one article gave an entity equals a name or alias elsewhere
                   (never a person's short form such as "Sadat" for "Sami Sadat")
``single-name``    a one-word person name ("Ali", "Karim") is only known to be one person
                   within its own article, so it never leaves it
=================  ==========================================================================

Two further rules need evidence beyond the name and run on the groups above:

``acronym``
    an organisation named only by an acronym ("SDF") joins the one organisation that
    some article spelled out with that acronym; when two do, it joins neither;
``name-variant``
    two people whose names are spelling variants ("Siraj Haqqani" / "Sirajuddin
    Haqqani", "Mohammad Umar" / "Muhammad Umar", see :mod:`actorgraph.resolve.names`)
    are one person when both are affiliated with the same organisation and neither
    name has another such variant.

Every node keeps, for each surface form of each article, the rule and the key that put
it there (:class:`MergeReason`); aliases an article's own resolver grouped under a name
carry the rule ``within-article``.

>>> nodes, node_of = resolve_entities([])
>>> nodes, node_of
([], {})
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

from networkx.utils import UnionFind

from actorgraph.gazetteers.organisations import OrganisationDirectory, load_organisations
from actorgraph.model import ArticleExtraction, Entity
from actorgraph.model.graph import MergeReason, Node
from actorgraph.model.ids import node_slug, short_hash
from actorgraph.ontology import EntityType, Relation
from actorgraph.resolve.names import acronym_of, names_are_variants
from actorgraph.text import is_short_form, normalise_name

RULES: dict[str, str] = {
    "iso3166-2": "the same ISO 3166-2 province code",
    "curated-key": "the same organisation of the curated list",
    "curated-alias": "a name the curated list gives this organisation",
    "same-name": "the same normalised full name",
    "shared-alias": "an alias matching a name or alias of another article",
    "acronym": "an acronym that exactly one organisation was spelled out with",
    "name-variant": "a spelling variant of the name, affiliated with the same organisation",
    "single-name": "a one-word person name, kept within its article",
    "within-article": "grouped with this name by the article's own resolver",
}
#: Rules in order of strength: an occurrence's reason is its strongest shared key.
RULE_ORDER = ("curated-key", "iso3166-2", "curated-alias", "same-name", "shared-alias")
_RULE_RANK = {rule: rank for rank, rule in enumerate(RULE_ORDER)}

_ISO_CODE = re.compile(r"^[A-Z]{2}-[A-Z0-9]{1,3}$")

#: An identity key: (entity type, kind of key, value...), e.g. ("Person", "name", "hazrat ali").
Key = tuple[str, ...]


@dataclass(slots=True)
class _Occurrence:
    """One entity of one article, with the identity keys it may be merged by."""

    article: str
    entity: Entity
    links: list[tuple[str, Key]]  # (rule, identity key), strongest first

    @property
    def surfaces(self) -> list[str]:
        return [self.entity.name, *self.entity.aliases]


def resolve_entities(
    extractions: Sequence[ArticleExtraction],
) -> tuple[list[Node], dict[tuple[str, str], str]]:
    """The entity nodes of the articles, and (article id, entity id) → node id."""
    occurrences, index = _occurrences(extractions)
    groups, absorbed = _resolve(occurrences, extractions, index)
    nodes: dict[str, Node] = {}
    node_of: dict[tuple[str, str], str] = {}
    for members in groups:
        node = _node(members, occurrences, absorbed)
        if node.id in nodes:  # two groups slugging alike: keep both, apart
            node.id = f"{node.id}-{short_hash('|'.join(sorted(node.aliases | {node.name})))}"
        nodes[node.id] = node
        for number in members:
            occurrence = occurrences[number]
            node_of[(occurrence.article, occurrence.entity.id)] = node.id
    return list(nodes.values()), node_of


# -- occurrences and their keys ------------------------------------------------------------


def _occurrences(
    extractions: Sequence[ArticleExtraction],
) -> tuple[list[_Occurrence], dict[tuple[str, str], int]]:
    directory = load_organisations()
    occurrences: list[_Occurrence] = []
    index: dict[tuple[str, str], int] = {}
    for extraction in extractions:
        article = extraction.article.id
        for entity in extraction.entities:
            index[(article, entity.id)] = len(occurrences)
            occurrences.append(_Occurrence(article, entity, _links(entity, article, directory)))
    return occurrences, index


def _links(entity: Entity, article: str, directory: OrganisationDirectory) -> list[tuple[str, Key]]:
    kind = entity.type.value
    if entity.type is EntityType.PROVINCE and entity.iso3166_2:
        return [("iso3166-2", (kind, "iso", entity.iso3166_2))]
    if entity.type is EntityType.ORGANISATION:
        return _organisation_links(entity, directory)
    name = normalise_name(entity.name) or entity.name
    if entity.type is EntityType.PERSON:
        if len(name.split()) < 2:
            return [("single-name", (kind, "local", article, name))]
        links = [("same-name", (kind, "name", name))]
        for alias in sorted(set(entity.aliases)):
            key = normalise_name(alias)
            if len(key.split()) >= 2 and not is_short_form(key, name):
                links.append(("shared-alias", (kind, "name", key)))
        return links
    return [("same-name", (kind, "name", name))]


def _organisation_links(entity: Entity, directory: OrganisationDirectory) -> list[tuple[str, Key]]:
    kind = entity.type.value
    if entity.known_as:
        return [("curated-key", (kind, "curated", entity.known_as))]
    surfaces = [entity.name, *sorted(set(entity.aliases))]
    curated = {known.key for s in surfaces if (known := directory.lookup(s)) is not None}
    if len(curated) == 1:
        return [("curated-alias", (kind, "curated", curated.pop()))]
    links: list[tuple[str, Key]] = []
    for number, surface in enumerate(surfaces):
        key = normalise_name(surface)
        if not key or (number > 0 and acronym_of(surface)):
            continue  # an acronym alias is too ambiguous to identify anything by itself
        rule = "same-name" if number == 0 else "shared-alias"
        links.append((rule, (kind, "name", key)))
    return links or [("same-name", (kind, "name", entity.name))]


# -- grouping --------------------------------------------------------------------------------


def _resolve(
    occurrences: list[_Occurrence],
    extractions: Sequence[ArticleExtraction],
    index: dict[tuple[str, str], int],
) -> tuple[list[list[int]], dict[int, tuple[str, str]]]:
    """Groups of occurrence numbers, and the reason of each group joined by evidence."""
    keys = UnionFind()
    for number, occurrence in enumerate(occurrences):
        keys.union(("occurrence", number), *(("key", key) for _, key in occurrence.links))
    components = sorted(
        sorted(element[1] for element in group if element[0] == "occurrence")
        for group in keys.to_sets()
        if any(element[0] == "occurrence" for element in group)
    )
    component_of = {n: c for c, members in enumerate(components) for n in members}
    groups = UnionFind(range(len(components)))
    absorbed: dict[int, tuple[str, str]] = {}
    for acronym_component, target, key in _acronym_joins(components, occurrences):
        groups.union(acronym_component, target)
        absorbed[acronym_component] = ("acronym", key)
    affiliations = _affiliations(extractions, index, component_of, groups)
    for left, right, key in _variant_joins(components, occurrences, affiliations):
        groups.union(left, right)
        absorbed.setdefault(left, ("name-variant", key))
        absorbed.setdefault(right, ("name-variant", key))
    merged: list[list[int]] = []
    reasons: dict[int, tuple[str, str]] = {}
    for group in groups.to_sets():
        members = sorted(n for component in group for n in components[component])
        merged.append(members)
        if len(group) > 1:
            for component in group:
                if component in absorbed:
                    for n in components[component]:
                        reasons[n] = absorbed[component]
    merged.sort()
    return merged, reasons


def _acronym_joins(
    components: list[list[int]], occurrences: list[_Occurrence]
) -> list[tuple[int, int, str]]:
    """(acronym-only component, the one organisation spelled out with it, key)."""
    only: dict[str, list[int]] = defaultdict(list)
    spelled: dict[str, set[int]] = defaultdict(set)
    for number, members in enumerate(components):
        group = [occurrences[n] for n in members]
        if group[0].entity.type is not EntityType.ORGANISATION or any(
            rule.startswith("curated-") for o in group for rule, _ in o.links
        ):
            continue
        surfaces = {s for o in group for s in o.surfaces}
        acronyms = {acronym_of(s) for s in surfaces}
        if len(acronyms) == 1 and None not in acronyms:
            only[acronyms.pop() or ""].append(number)
            continue
        for surface in surfaces:
            acronym = acronym_of(surface)
            if acronym:
                spelled[acronym].add(number)
    joins = []
    for acronym, numbers in sorted(only.items()):
        if len(spelled.get(acronym, ())) == 1:
            (target,) = spelled[acronym]
            name = _best_name([occurrences[n] for n in components[target]])
            for number in numbers:
                joins.append((number, target, f"{acronym} = {normalise_name(name)}"))
    return joins


def _affiliations(
    extractions: Sequence[ArticleExtraction],
    index: dict[tuple[str, str], int],
    component_of: dict[int, int],
    groups: UnionFind,
) -> dict[int, set[int]]:
    """Person component → the organisation groups it is affiliated with."""
    result: dict[int, set[int]] = defaultdict(set)
    for extraction in extractions:
        article = extraction.article.id
        for fact in extraction.facts:
            if fact.predicate is not Relation.AFFILIATED_WITH:
                continue
            person = index.get((article, fact.subject))
            organisation = index.get((article, fact.object))
            if person is not None and organisation is not None:
                result[component_of[person]].add(groups[component_of[organisation]])
    return result


def _variant_joins(
    components: list[list[int]],
    occurrences: list[_Occurrence],
    affiliations: dict[int, set[int]],
) -> list[tuple[int, int, str]]:
    """Pairs of person components with variant names and a shared affiliation."""
    names: dict[int, set[str]] = {}
    blocks: dict[tuple[int, int, int, str], list[int]] = defaultdict(list)
    for number, organisations in affiliations.items():
        members = components[number]
        if occurrences[members[0]].entity.type is not EntityType.PERSON:
            continue
        keys = {
            key[2]
            for n in members
            for rule, key in occurrences[n].links
            if rule in ("same-name", "shared-alias")
        }
        if not keys:
            continue
        names[number] = keys
        for organisation in organisations:
            for name in keys:
                words = name.split()
                for position, word in enumerate(words):
                    blocks[(organisation, len(words), position, word)].append(number)
    candidates: dict[int, dict[int, str]] = defaultdict(dict)
    for block in blocks.values():
        for left, right in combinations(sorted(set(block)), 2):
            for a in sorted(names[left]):
                match = next((b for b in sorted(names[right]) if names_are_variants(a, b)), None)
                if match is not None:
                    key = " ~ ".join(sorted((a, match)))
                    candidates[left][right] = candidates[right][left] = key
                    break
    joins = []
    for left, partners in sorted(candidates.items()):
        if len(partners) != 1:
            continue
        (right,) = partners
        if left < right and len(candidates[right]) == 1:
            joins.append((left, right, partners[right]))
    return joins


# -- nodes -----------------------------------------------------------------------------------


def _best_name(members: list[_Occurrence]) -> str:
    """The name most articles use; ties go to full names, longer names, then alphabetical."""
    counts = Counter(occurrence.entity.name for occurrence in members)
    return min(
        counts,
        key=lambda n: (acronym_of(n) is not None, -counts[n], -len(n.split()), -len(n), n),
    )


def _node(
    members: list[int], occurrences: list[_Occurrence], absorbed: dict[int, tuple[str, str]]
) -> Node:
    group = [occurrences[n] for n in members]
    entity_type = group[0].entity.type
    prefix = entity_type.value.lower()
    links = {key: rule for occurrence in group for rule, key in occurrence.links}
    curated = sorted(key[-1] for key, rule in links.items() if rule.startswith("curated-"))
    codes = sorted(key[-1] for key, rule in links.items() if rule == "iso3166-2")
    local = any(r == "single-name" for r in links.values())
    if curated:
        directory = load_organisations()
        # A record made with other organisation data may name a key this one lacks.
        name = directory.get(curated[0]).name if curated[0] in directory else _best_name(group)
        node_id = f"{prefix}/{node_slug(curated[0])}"
    elif codes:
        name = _best_name(group)
        node_id = f"{prefix}/{codes[0] if _ISO_CODE.match(codes[0]) else node_slug(codes[0])}"
    else:
        name = _best_name(group)
        node_id = f"{prefix}/{node_slug(normalise_name(name).replace(' ', '-'))}"
        if local:
            node_id = f"{node_id}-{short_hash(group[0].article, 6)}"
    node = Node(
        id=node_id,
        type=entity_type,
        name=name,
        iso3166_2=codes[0] if codes else None,
        known_as=curated[0] if curated else None,
    )
    shared = Counter(key for occurrence in group for key in {k for _, k in occurrence.links})
    reasons: set[MergeReason] = set()
    for number, occurrence in zip(members, group, strict=True):
        node.articles.add(occurrence.article)
        node.aliases.update(s for s in occurrence.surfaces if s != name)
        reason = absorbed.get(number) or _strongest(occurrence, shared)
        for surface in dict.fromkeys(occurrence.surfaces):
            rule, key = _surface_reason(occurrence, surface, reason)
            reasons.add(MergeReason(occurrence.article, surface, rule, key))
    # By their fields, as the dataclass orders them, without its slow comparisons.
    node.reasons = sorted(reasons, key=lambda r: (r.article, r.surface, r.rule, r.key))
    return node


def _strongest(occurrence: _Occurrence, shared: Counter[Key]) -> tuple[str, str]:
    """The strongest key the occurrence shares with another one (else its first key)."""
    linking = [link for link in occurrence.links if shared[link[1]] > 1]
    rule, key = min(
        linking or occurrence.links[:1],
        key=lambda link: (_RULE_RANK.get(link[0], 99), link[1]),
    )
    return rule, _display_key(key)


def _surface_reason(
    occurrence: _Occurrence, surface: str, reason: tuple[str, str]
) -> tuple[str, str]:
    """The reason of one surface form: the occurrence's, unless the form has its own key."""
    rule = reason[0]
    if surface == occurrence.entity.name or rule in ("curated-key", "curated-alias", "iso3166-2"):
        return reason
    own = normalise_name(surface)
    if rule not in ("acronym", "name-variant"):
        for link_rule, key in occurrence.links:
            if _display_key(key) == own:
                return link_rule, own
    return "within-article", occurrence.entity.name


def _display_key(key: Key) -> str:
    """The readable part of an identity key: ``("Person", "name", "ali khan")`` → ``ali khan``."""
    if key[1] == "local":
        return f"{key[3]} (only in {key[2]})"
    return key[-1]
