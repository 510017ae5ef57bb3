"""affiliatedWith: a person belongs to an organisation.

Read from the structure of the sentence, never from co-occurrence alone. A person
and an organisation are linked when the dependency path between them is one of:

* a **noun phrase through a role noun** — apposition, compounds, possessives and the
  prepositions of/at/for/with/in: "Sohail Shaheen, a senior member of the Taliban
  negotiations team", "Taliban commander Hazrat Ali", "a Haqqani network facilitator,
  Karim", "Hezbollah's secretary-general, Naim Qassem", "a spokesman for the Ministry";
* a **copula or "serve as"**: "X is a member of ORG", "X serves as the Taliban's minister";
* a **membership verb**: "X, who leads ORG", "X joined ORG", "ORG, founded by X",
  "X works for ORG";
* a **"whose" relative**: "ORG, whose leader X ...".

Negative cases that these paths exclude by construction (no role noun, or a verb
that is not a membership verb): "X told ORG", "X, reported by ORG", "X fought / killed
/ captured ORG's members", "X held talks with ORG", "X's unit captured ORG members".
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from actorgraph.extract.mentions import (
    Mention,
    MentionRelation,
    register_extensions,
    sentence_mentions,
)
from actorgraph.extract.syntax import dependency_path, is_negated, path_edges
from actorgraph.ontology import EntityType, Relation

ROLE_NOUNS = frozenset(
    [
        "member",
        "members",
        "leader",
        "leaders",
        "chief",
        "head",
        "founder",
        "cofounder",
        "co-founder",
        "commander",
        "commanders",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "spokesmen",
        "official",
        "officials",
        "officer",
        "officers",
        "general",
        "colonel",
        "lieutenant",
        "captain",
        "major",
        "sergeant",
        "admiral",
        "marshal",
        "brigadier",
        "soldier",
        "soldiers",
        "fighter",
        "fighters",
        "militant",
        "militants",
        "negotiator",
        "negotiators",
        "envoy",
        "representative",
        "delegate",
        "minister",
        "secretary",
        "secretary-general",
        "director",
        "chairman",
        "chairwoman",
        "chair",
        "president",
        "vice-president",
        "executive",
        "ceo",
        "employee",
        "employees",
        "staffer",
        "staff",
        "fellow",
        "researcher",
        "professor",
        "lecturer",
        "scientist",
        "analyst",
        "economist",
        "lawyer",
        "attorney",
        "counsel",
        "adviser",
        "advisor",
        "aide",
        "deputy",
        "governor",
        "ambassador",
        "diplomat",
        "emir",
        "amir",
        "mufti",
        "ideologue",
        "operative",
        "operatives",
        "facilitator",
        "financier",
        "recruiter",
        "trainer",
        "bomber",
        "sniper",
        "cleric",
        "correspondent",
        "reporter",
        "editor",
        "journalist",
        "producer",
        "columnist",
        "photographer",
        "worker",
        "manager",
        "partner",
        "owner",
        "agent",
        "investigator",
        "inspector",
        "policeman",
        "senator",
        "congressman",
        "congresswoman",
        "lawmaker",
        "legislator",
        "coordinator",
        "organiser",
        "organizer",
        "strategist",
        "insider",
        "loyalist",
        "veteran",
        "trustee",
        "president-elect",
        "premier",
        "administrator",
        "commandant",
        "chaplain",
        "guard",
        "guards",
        "bodyguard",
        "associate",
    ]
)
NOUN_PHRASE_DEPS = frozenset(
    {
        "compound",
        "amod",
        "npadvmod",
        "nmod",
        "poss",
        "appos",
        "prep",
        "pobj",
        "case",
        "nummod",
        "det",
        "quantmod",
        "punct",
        "acomp",
    }
)
AFFILIATION_PREPS = frozenset({"of", "at", "for", "with", "in", "within", "inside", "from"})
#: "X is / serves as / works as ROLE of ORG"
LINK_VERBS = frozenset({"be", "serve", "work", "act", "remain", "become"})
#: "X leads ORG", "ORG, founded by X", "X works for ORG"
MEMBERSHIP_VERBS = frozenset(
    {
        "lead",
        "head",
        "command",
        "found",
        "cofound",
        "co-found",
        "join",
        "chair",
        "run",
        "direct",
        "represent",
        "belong",
        "serve",
        "work",
        "establish",
        "create",
        "manage",
        "rejoin",
        "enlist",
    }
)
MEMBERSHIP_PREPS = frozenset({"for", "with", "in", "to", "at", "within"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
MAX_PATH = 8

ROLE_CONFIDENCE = 0.92
PLAIN_OF_CONFIDENCE = 0.6
VERB_CONFIDENCE = 0.82
ANAPHOR_FACTOR = 0.9
LONG_PATH_PENALTY = 0.03


@Language.factory("actorgraph_affiliation")
def make_affiliation_extractor(nlp: Language, name: str) -> AffiliationExtractor:
    """Add ``affiliatedWith`` relations between person and organisation mentions."""
    register_extensions()
    return AffiliationExtractor()


class AffiliationExtractor:
    def __call__(self, doc: Doc) -> Doc:
        relations = list(doc._.ag_relations or [])
        for mentions in sentence_mentions(doc).values():
            people = [m for m in mentions if m.type is EntityType.PERSON]
            organisations = [m for m in mentions if m.type is EntityType.ORGANISATION]
            for person in people:
                for organisation in organisations:
                    relation = affiliation(person, organisation)
                    if relation is not None:
                        relations.append(relation)
        doc._.ag_relations = relations
        return doc


def affiliation(person: Mention, organisation: Mention) -> MentionRelation | None:
    """The affiliation that the sentence states between the two mentions, if any."""
    if organisation.is_media and not _has_role_path(person, organisation):
        return None
    path = dependency_path(person.head, organisation.head)
    if len(path) < 2 or len(path) > MAX_PATH:
        return None
    found = (
        _through_role_noun(path)
        or _through_plain_of(path)
        or _through_whose(path)
        or _through_verb(path)
    )
    if found is None:
        return None
    confidence, cue = found
    confidence -= LONG_PATH_PENALTY * max(0, len(path) - 4)
    if organisation.antecedent is not None:
        confidence *= ANAPHOR_FACTOR
    return MentionRelation(
        person,
        Relation.AFFILIATED_WITH.value,
        organisation,
        round(confidence, 3),
        person.span.sent,
        cue,
    )


def _has_role_path(person: Mention, organisation: Mention) -> bool:
    path = dependency_path(person.head, organisation.head)
    return bool(path) and _through_role_noun(path) is not None


def is_role(token: Token) -> bool:
    return token.lower_ in ROLE_NOUNS or token.lemma_.lower() in ROLE_NOUNS


def _noun_phrase_edges(path: list[Token]) -> bool:
    for _first, dep, second in path_edges(path):
        if dep not in NOUN_PHRASE_DEPS and dep not in ("acl", "dobj"):
            return False
        if dep == "prep" and second.lower_ not in AFFILIATION_PREPS and second.pos_ == "ADP":
            return False
    preps = [t for t in path[1:-1] if t.dep_ == "prep"]
    return all(t.lower_ in AFFILIATION_PREPS for t in preps)


def _through_role_noun(path: list[Token]) -> tuple[float, str] | None:
    interior = path[1:-1]
    if any(t.pos_ in ("VERB", "AUX") and not _is_role_participle(t) for t in interior):
        return None
    if not _noun_phrase_edges(path):
        return None
    roles = [t for t in interior if is_role(t)]
    if not roles:
        return None
    return ROLE_CONFIDENCE, roles[0].text


def _is_role_participle(token: Token) -> bool:
    """ "X, commanding general of ORG": a participle of a membership verb inside the phrase."""
    return token.dep_ in ("acl", "amod") and token.lemma_.lower() in MEMBERSHIP_VERBS


def _through_plain_of(path: list[Token]) -> tuple[float, str] | None:
    """ "John Smith of Reuters": the person's own "of" phrase names the organisation."""
    if len(path) != 3:
        return None
    prep = path[1]
    if prep.lower_ in ("of", "at") and prep.head.i == path[0].i and path[2].head.i == prep.i:
        return PLAIN_OF_CONFIDENCE, prep.text
    return None


def _through_whose(path: list[Token]) -> tuple[float, str] | None:
    """ "ORG, whose leader X ...": a role noun owned by "whose" inside a relative clause."""
    for token in path[1:-1]:
        owned_by_whose = is_role(token) and any(c.lower_ == "whose" for c in token.children)
        in_relative = any(t.dep_ == "relcl" for t in path[1:-1]) and path[-1].i < token.i
        if owned_by_whose and in_relative:
            return VERB_CONFIDENCE, token.text
    return None


def _through_verb(path: list[Token]) -> tuple[float, str] | None:
    verbs = [t for t in path[1:-1] if t.pos_ in ("VERB", "AUX")]
    if len(verbs) != 1 or is_negated(verbs[0]):
        return None
    verb = verbs[0]
    before = path[: path.index(verb)]
    after = path[path.index(verb) + 1 :]
    verb_lemma = verb.lemma_.lower()
    if (
        verb_lemma in LINK_VERBS
        and _person_is_subject(before, verb)
        and _role_complement(after, verb)
    ):
        return VERB_CONFIDENCE, verb.text
    if verb_lemma in MEMBERSHIP_VERBS and _membership_roles(before, after, verb):
        return VERB_CONFIDENCE, verb.text
    return None


def _person_is_subject(before: list[Token], verb: Token) -> bool:
    """The person side reaches the verb as its subject, or as the head of its relative clause."""
    last = before[-1]
    if last.head.i == verb.i and last.dep_ in SUBJECT_DEPS:
        return True
    if verb.dep_ == "relcl" and verb.head.i == last.i:
        return any(c.dep_ in SUBJECT_DEPS and c.tag_ in ("WP", "WDT") for c in verb.children)
    return False


def _role_complement(after: list[Token], verb: Token) -> bool:
    first = after[0] if after else None
    if first is None or first.head.i != verb.i:
        return False
    if first.dep_ == "attr" or (first.dep_ == "prep" and first.lower_ in ("as", *MEMBERSHIP_PREPS)):
        return any(is_role(t) for t in after) or (
            first.dep_ == "prep"
            and first.lower_ in MEMBERSHIP_PREPS
            and verb.lemma_ in ("work", "serve")
        )
    return False


def _membership_roles(before: list[Token], after: list[Token], verb: Token) -> bool:
    person_side, organisation_side = before[-1], after[0] if after else None
    if organisation_side is None:
        return False
    active = _person_is_subject(before, verb) and (
        organisation_side.dep_ == "dobj"
        or (organisation_side.dep_ == "prep" and organisation_side.lower_ in MEMBERSHIP_PREPS)
    )
    # "ORG, founded / led by X": the organisation heads the participle, X is its agent.
    passive = (
        person_side.dep_ == "agent"
        and verb.dep_ in ("acl", "relcl")
        and organisation_side.i == verb.head.i
    )
    return active or passive
