"""Within-article entity resolution: group the mentions of one article into entities.

* Provinces are one entity per ISO 3166-2 code.
* Organisations are one entity per curated key ("Al-Qaeda", "al Qaeda", "AQ" →
  ``al-qaeda``), else per normalised name; an acronym joins the name it abbreviates
  ("Syrian Democratic Forces (SDF)"); "the group" joins its antecedent.
* People: a shorter form joins the one full name that contains it ("Sadat" and
  "General Sadat" → "Sami Sadat"); a short form that fits several full names
  ("Ali" with "Hazrat Ali" and "Ali Mir Asfandyar") stays on its own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from actorgraph.extractors.mentions.component import Mention
from actorgraph.model import Entity
from actorgraph.ontology import EntityType
from actorgraph.text import is_short_form, normalise_name

ACRONYM_STOPWORDS = frozenset({"of", "the", "and", "for", "in", "on", "de", "al", "el", "e", "i"})


@dataclass(slots=True)
class _Cluster:
    type: EntityType
    mentions: list[Mention] = field(default_factory=list)
    name: str | None = None
    known_as: str | None = None
    iso3166_2: str | None = None


def resolve_mentions(
    mentions: list[Mention],
    organisation_name: Callable[[str], str] | None = None,
    province_name: Callable[[str], str] | None = None,
) -> tuple[list[Entity], dict[int, str]]:
    """Entities for the mentions, and a map from ``id(mention)`` to entity id.

    ``organisation_name`` and ``province_name`` give canonical names for curated
    organisation keys and ISO codes.
    """
    named = [m for m in mentions if m.antecedent is None]
    clusters: list[_Cluster] = []
    cluster_of: dict[int, _Cluster] = {}
    for cluster in (
        _province_clusters(named, province_name)
        + _organisation_clusters(named, organisation_name)
        + _person_clusters(named)
    ):
        clusters.append(cluster)
        for mention in cluster.mentions:
            cluster_of[id(mention)] = cluster
    for mention in mentions:
        if mention.antecedent is not None and id(mention.referent) in cluster_of:
            cluster_of[id(mention)] = cluster_of[id(mention.referent)]
    clusters.sort(key=lambda c: min(m.span.start for m in c.mentions))
    entities, entity_of_cluster = [], {}
    for number, cluster in enumerate(clusters, start=1):
        entity = _entity(f"t{number}", cluster)
        entities.append(entity)
        entity_of_cluster[id(cluster)] = entity.id
    return entities, {key: entity_of_cluster[id(c)] for key, c in cluster_of.items()}


def _entity(entity_id: str, cluster: _Cluster) -> Entity:
    names = [m.name for m in cluster.mentions]
    canonical = cluster.name or max(names, key=lambda n: (len(n.split()), len(n)))
    written = names + [m.titled for m in cluster.mentions if m.titled]
    aliases = sorted({n for n in written if n != canonical})
    return Entity(
        id=entity_id,
        type=cluster.type,
        name=canonical,
        aliases=aliases,
        iso3166_2=cluster.iso3166_2,
        known_as=cluster.known_as,
    )


def _province_clusters(
    mentions: list[Mention], province_name: Callable[[str], str] | None
) -> list[_Cluster]:
    by_code: dict[str, _Cluster] = {}
    for mention in mentions:
        if mention.type is not EntityType.PROVINCE or not mention.iso3166_2:
            continue
        code = mention.iso3166_2
        cluster = by_code.setdefault(
            code,
            _Cluster(
                EntityType.PROVINCE,
                iso3166_2=code,
                name=province_name(code) if province_name else None,
            ),
        )
        cluster.mentions.append(mention)
    return list(by_code.values())


def _organisation_clusters(
    mentions: list[Mention], organisation_name: Callable[[str], str] | None
) -> list[_Cluster]:
    by_key: dict[str, _Cluster] = {}
    for mention in mentions:
        if mention.type is not EntityType.ORGANISATION:
            continue
        key = f"known:{mention.known_as}" if mention.known_as else normalise_name(mention.name)
        if not key:
            continue
        cluster = by_key.get(key)
        if cluster is None:
            cluster = by_key[key] = _Cluster(EntityType.ORGANISATION, known_as=mention.known_as)
            if mention.known_as and organisation_name:
                cluster.name = organisation_name(mention.known_as)
        cluster.mentions.append(mention)
    return _join_acronyms(list(by_key.values()))


def _join_acronyms(clusters: list[_Cluster]) -> list[_Cluster]:
    """Fold a cluster named only by an acronym into the one cluster it abbreviates."""
    kept = []
    for cluster in clusters:
        acronym = _only_acronym(cluster)
        targets = [c for c in clusters if c is not cluster and acronym and _abbreviates(acronym, c)]
        if len(targets) == 1 and not cluster.known_as:
            targets[0].mentions.extend(cluster.mentions)
        else:
            kept.append(cluster)
    return kept


def _only_acronym(cluster: _Cluster) -> str | None:
    """The acronym that is the cluster's one name: two to six capital letters, dots allowed.

    Narrower than the cross-article :func:`actorgraph.resolve.names.acronym_of`, which also
    takes digits, "&" and seven characters ("M23", "AT&T"): here the acronym folds a cluster
    into another one of the article, so only the acronyms that initials spell count; there
    it only marks a name too ambiguous to identify a node. One test for both would change
    which clusters fold.
    """
    names = {m.name for m in cluster.mentions}
    if len(names) == 1:
        (name,) = names
        letters = name.replace(".", "")
        if 2 <= len(letters) <= 6 and letters.isupper() and letters.isalpha():
            return letters
    return None


def _abbreviates(acronym: str, cluster: _Cluster) -> bool:
    """Whether ``acronym`` abbreviates a name of the cluster: its initials, or "(SDF)" after it.

    Only the article's text can show this; across articles an acronym joins the organisation
    whose entity this resolution already gave both names.
    """
    for mention in cluster.mentions:
        words = [
            w for w in mention.name.replace("-", " ").split() if w.lower() not in ACRONYM_STOPWORDS
        ]
        if len(words) >= 2 and "".join(w[0] for w in words).upper() == acronym:
            return True
        following = mention.span.doc[mention.span.end : mention.span.end + 3]
        if len(following) == 3 and following[0].text == "(" and following[1].text == acronym:
            return True
    return False


def _person_clusters(mentions: list[Mention]) -> list[_Cluster]:
    people = [m for m in mentions if m.type is EntityType.PERSON]
    full_names: dict[str, _Cluster] = {}
    for mention in sorted(people, key=lambda m: -len(m.name.split())):
        key = normalise_name(mention.name)
        if not key:
            continue
        if key in full_names:
            full_names[key].mentions.append(mention)
            continue
        containing = [k for k in full_names if is_short_form(key, k)]
        if len(containing) == 1:
            full_names[containing[0]].mentions.append(mention)
        else:
            full_names[key] = _Cluster(EntityType.PERSON, mentions=[mention])
    return list(full_names.values())
