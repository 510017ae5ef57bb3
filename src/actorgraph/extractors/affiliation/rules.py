"""affiliatedWith: a person belongs to an organisation.

Read from the structure of the sentence, never from co-occurrence alone. A person
and an organisation are linked when the dependency path between them is one of:

* a **noun phrase through a role noun** — apposition, compounds, possessives and the
  prepositions of/at/for/with/in: "Sohail Shaheen, a senior member of the Taliban
  negotiations team", "Taliban commander Hazrat Ali", "a Haqqani network facilitator,
  Karim", "Hezbollah's secretary-general, Naim Qassem", "a spokesman for the Ministry";
* a **copula or "serve as"**: "X is a member of ORG", "X serves as the Taliban's minister";
* a **membership verb**: "X, who leads ORG", "X joined ORG", "ORG, founded by X",
  "ORG is led by X", "X works for ORG";
* a **"whose" relative**: "ORG, whose leader X ...".

Pairs that no rule links are scored by a small logistic-regression model trained on
CoNLL04 train (:mod:`~actorgraph.extractors.affiliation.model`), which links them only
at a high probability.

Negative cases that these paths exclude by construction (no role noun, or a verb
that is not a membership verb): "X told ORG", "X, reported by ORG", "X fought / killed
/ captured ORG's members", "X held talks with ORG", "X's unit captured ORG members".
"""

from __future__ import annotations

from spacy.tokens import Token

from actorgraph.extractors.affiliation.lexicon import (
    AFFILIATION_PREPS,
    AGENT_NOUN_ENDINGS,
    AGENT_PREPS,
    APPOINTING_VERBS,
    LINK_VERBS,
    MEMBERSHIP_PREPS,
    MEMBERSHIP_VERBS,
    NOUN_PHRASE_DEPS,
    ROLE_HALVES,
    ROLE_NOUNS,
    SUBJECT_DEPS,
    SUBJECT_MATTER_VERBS,
    WORK_VERB_PREPS,
)
from actorgraph.extractors.lexicon import (
    AFFILIATION_TITLES,
    COPULAS,
    LEADER_GROUP_NOUNS,
    ORGANISATION_NAME_WORDS,
    SPEECH_VERBS,
)
from actorgraph.extractors.mentions import Mention, MentionRelation
from actorgraph.extractors.syntax import dependency_path, is_negated, path_edges
from actorgraph.ontology import Relation

MAX_PATH = 8


ROLE_CONFIDENCE = 0.92


TITLE_CONFIDENCE = 0.8


SPEAKER_CONFIDENCE = 0.6


CONJUNCT_PENALTY = 0.1


PLAIN_OF_CONFIDENCE = 0.6


VERB_CONFIDENCE = 0.82


ANAPHOR_FACTOR = 0.9


LONG_PATH_PENALTY = 0.03


#: "X, shearer for ORG": an agent noun that is no listed role, with a job preposition.
AGENT_NOUN_CONFIDENCE = 0.75


def affiliation(person: Mention, organisation: Mention) -> MentionRelation | None:
    """The affiliation that the sentence states between the two mentions, if any."""
    found = (
        _possessor_of_the_name(person, organisation)
        or _named_by_its_leader(person, organisation)
        or _whose_role_right_after(person, organisation)
        or _whose_organisation(person, organisation)
        or _linking_path(person.head, organisation.head)
        or _for_conjunct(person, organisation)
    )
    if found is None:
        found = _speaker_of_organisation_news(person, organisation)
    if found is None:
        return None
    confidence, cue = found
    if organisation.antecedent is not None:
        confidence *= ANAPHOR_FACTOR
    return MentionRelation(
        person, Relation.AFFILIATED_WITH, organisation, round(confidence, 3), person.span.sent, cue
    )


def _possessor_of_the_name(person: Mention, organisation: Mention) -> tuple[float, str] | None:
    """ "Biya's Cameroon People's Democratic Movement": the parse hangs the possessive on a
    word inside the name; the person leads the party, army or movement it names."""
    possessed = person.head.head
    if person.head.dep_ != "poss" or not (
        organisation.span.start <= possessed.i < organisation.span.end
    ):
        return None
    if possessed.i == organisation.head.i:
        return None  # the plain case, read by the title rule
    if _leads_by_name(organisation.head):
        return TITLE_CONFIDENCE, organisation.head.text
    return None


def _leads_by_name(possessed: Token) -> bool:
    """Whether a person owning ``possessed`` ("Bin Laden's group", "Biya's Cameroon People's
    Democratic Movement", "Haftar's LNA") leads or belongs to it: a word for a group, party
    or government, or a name (an acronym or a proper noun)."""
    head = possessed.lemma_.lower()
    leads = head in LEADER_GROUP_NOUNS or possessed.lower_ in ORGANISATION_NAME_WORDS
    return leads or head in ORGANISATION_NAME_WORDS or possessed.pos_ == "PROPN"


#: Words that may stand between "whose" and the role noun: "whose senior spokesman".
_ROLE_MODIFIERS = frozenset({"ADJ", "NOUN", "PROPN", "PUNCT", "DET"})


def _whose_role_right_after(person: Mention, organisation: Mention) -> tuple[float, str] | None:
    """ "the CPP, whose spokesman Marco Valbuena denied ...": read off the words, since the
    parser often hangs such a relative clause on the main verb. Between the name (and its
    bracketed acronym) and the person stand only "whose", a role noun and its modifiers."""
    doc = person.span.doc
    index = organisation.span.end
    if index + 2 < len(doc) and doc[index].text == "(" and doc[index + 2].text == ")":
        index += 3
    if index < len(doc) and doc[index].text == ",":
        index += 1
    if index >= person.span.start or doc[index].lower_ != "whose":
        return None
    between = doc[index + 1 : person.span.start]
    roles = [t for t in between if is_role(t)]
    if not roles or len(between) > 5 or any(t.pos_ not in _ROLE_MODIFIERS for t in between):
        return None
    if any(t.text not in (",",) and t.is_punct for t in between):
        return None
    return VERB_CONFIDENCE, roles[-1].text


#: At most this many words of an apposition between a person and "whose".
_MAX_APPOSITION = 8


def _whose_organisation(person: Mention, organisation: Mention) -> tuple[float, str] | None:
    """ "President Mahamat Idriss Déby, whose Patriotic Salvation Movement (MPS) ...",
    "Minni Minawi, the governor of Darfur, whose Sudan Liberation Army faction ...": the
    organisation the person owns, which they lead. Read off the words: between the person
    and "whose" at most an apposition set off by commas, and right after "whose" the name
    (a determiner or adjective aside)."""
    doc = person.span.doc
    start, end = person.span.end, organisation.span.start
    if end <= start or doc[start].text != ",":
        return None
    whose = next((t for t in doc[start:end] if t.lower_ == "whose"), None)
    if whose is None or whose.i - start > _MAX_APPOSITION or doc[whose.i - 1].text != ",":
        return None
    if any(t.pos_ in ("VERB", "AUX") for t in doc[start : whose.i]):
        return None
    if any(t.pos_ not in ("DET", "ADJ") for t in doc[whose.i + 1 : end]):
        return None
    return TITLE_CONFIDENCE, whose.text


def _named_by_its_leader(person: Mention, organisation: Mention) -> tuple[float, str] | None:
    """ "the Unity for Peace in Central Africa (UPC) of Ali Darassa": an "of" right after
    the name (or its bracketed acronym) whose object is the person, hung by the parse on
    any word of the name."""
    head = person.head
    preposition = head.head
    span = organisation.span
    if head.dep_ != "pobj" or preposition.lower_ != "of" or preposition.i < span.end:
        return None
    if not span.start <= preposition.head.i < span.end:
        return None
    between = [t.text for t in span.doc[span.end : preposition.i]]
    if between and not (len(between) == 3 and between[0] == "(" and between[2] == ")"):
        return None
    return TITLE_CONFIDENCE, preposition.text


def _linking_path(person: Token, organisation: Token) -> tuple[float, str] | None:
    path = dependency_path(person, organisation)
    if len(path) < 2 or len(path) > MAX_PATH:
        return None
    found = (
        _through_role_noun(path)
        or _through_agent_noun(path)
        or _through_title(path)
        or _through_plain_of(path)
        or _through_whose(path)
        or _whose_role_is(path)
        or _through_verb(path)
        or _organisation_of_person(path)
        or _on_behalf_of(path)
    )
    if found is None:
        return None
    confidence, cue = found
    return confidence - LONG_PATH_PENALTY * max(0, len(path) - 4), cue


def _for_conjunct(person: Mention, organisation: Mention) -> tuple[float, str] | None:
    """ "Bellona members Nils Bemer and Tomas Nilsen": the second shares the first's link."""
    head = person.head
    if head.dep_ != "conj" or head.head.ent_type_ != "PERSON":
        return None
    found = _linking_path(head.head, organisation.head)
    return (found[0] - CONJUNCT_PENALTY, found[1]) if found else None


def _speaker_of_organisation_news(
    person: Mention, organisation: Mention
) -> tuple[float, str] | None:
    """ "ORG will open a plant, said X, a company official": a role without its own ORG.

    The speaker described by a bare role noun speaks for the organisation that is the
    subject of what they said.
    """
    head = person.head
    verb = head.head
    if head.dep_ != "nsubj" or verb.lemma_.lower() not in SPEECH_VERBS:
        return None
    roles = [c for c in head.children if c.dep_ == "appos" and is_role(c)]
    if not roles or any(c.dep_ == "prep" for c in roles[0].children):
        return None
    reported = [c for c in verb.children if c.dep_ == "ccomp"]
    if not reported:
        return None
    subjects = [c for c in reported[0].children if c.dep_ in ("nsubj", "nsubjpass")]
    if subjects and organisation.head.i in {t.i for t in subjects[0].subtree}:
        return SPEAKER_CONFIDENCE, roles[0].text
    return None


def is_role(token: Token) -> bool:
    """A noun for a place in an organisation: "spokesman", "professor", "vice" (president).

    >>> import spacy
    >>> doc = spacy.blank("en")("the spokesmen said")
    >>> [is_role(token) for token in doc]
    [False, True, False]
    """
    word = token.lower_
    return (
        word in ROLE_NOUNS or word in ROLE_HALVES or token.lemma_.lower() in ROLE_NOUNS
    )


def _held_role(token: Token) -> Token | None:
    """The role noun itself, or one coordinated with it: "a jeweler and president of ORG"."""
    if is_role(token):
        return token
    return next((c for c in token.children if c.dep_ == "conj" and is_role(c)), None)


def _noun_phrase_edges(path: list[Token]) -> bool:
    for first, dep, second in path_edges(path):
        if dep == "conj" and is_role(first) and is_role(second):
            continue  # "X, director of A and a member of B": one person's two roles
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
    roles = [role for t in interior if (role := _held_role(t)) is not None]
    if not roles or _owns_the_role(path[0], roles[0]):
        return None
    return ROLE_CONFIDENCE, roles[0].text


def _owns_the_role(person: Token, role: Token) -> bool:
    """ "Rabin's spokesman at the Defense Ministry": the role is someone else's, held for X."""
    return person.dep_ == "poss" and person.head.i == role.i


def _is_role_participle(token: Token) -> bool:
    """ "X, commanding general of ORG": a participle of a membership verb inside the phrase."""
    return token.dep_ in ("acl", "amod") and token.lemma_.lower() in MEMBERSHIP_VERBS


def _through_agent_noun(path: list[Token]) -> tuple[float, str] | None:
    """ "Chris Herr, shearer for the Wool Wizards", "X, vice and columnist for ORG".

    An agent noun in apposition to the name, or the name's own "for / at / with" phrase
    when its apposition holds one (the parser hangs the phrase on either).
    """
    person = path[0]
    nouns = [c for c in person.children if c.dep_ == "appos" and _is_agent_noun(c)]
    if not nouns or len(path) > 5:
        return None
    noun = nouns[0]
    prep = path[2] if len(path) > 2 and path[1].i == noun.i else path[1]
    if (
        prep.dep_ != "prep"
        or prep.lower_ not in AGENT_PREPS
        or prep.head.i not in (person.i, noun.i)
        or any(t.pos_ in ("VERB", "AUX") for t in path[1:-1])
        or not _noun_phrase_edges(path[path.index(prep) :])
    ):
        return None
    return AGENT_NOUN_CONFIDENCE, noun.text


def _is_agent_noun(token: Token) -> bool:
    """A role noun, or a common noun with an agent ending: "shearer", "columnist"."""
    word = token.lower_
    return token.pos_ == "NOUN" and (
        is_role(token) or (len(word) > 4 and word.endswith(AGENT_NOUN_ENDINGS))
    )


def _through_plain_of(path: list[Token]) -> tuple[float, str] | None:
    """ "John Smith of Reuters", "X, of the DEM's division": the person's own "of" phrase."""
    if len(path) > 5:
        return None
    prep = path[1]
    if prep.lower_ not in ("of", "at") or prep.head.i != path[0].i or prep.dep_ != "prep":
        return None
    rest = path[2:]
    if all(t.pos_ not in ("VERB", "AUX") for t in rest) and _noun_phrase_edges(path[1:]):
        return PLAIN_OF_CONFIDENCE, prep.text
    return None


def _through_title(path: list[Token]) -> tuple[float, str] | None:
    """ "Coast Guard Lt. Steve Hardy", "the department's Al Comproni": the name's own modifier."""
    if len(path) != 2:
        return None
    person, organisation = path
    if person.dep_ == "appos" and person.head.i == organisation.i:
        # "the chairman of the Front, Mohamed Issa": the name hangs on the organisation
        # though it names the role holder.
        preposition = organisation.head
        holder = preposition.head
        if organisation.dep_ == "pobj" and preposition.lower_ in ("of", "for") and is_role(holder):
            return ROLE_CONFIDENCE - LONG_PATH_PENALTY, holder.text
        return None
    if person.dep_ == "poss" and person.head.i == organisation.i:
        # "Osama Bin Laden's group", "Brian Mulroney's Progressive Conservative Party":
        # the group, party or government the person leads.
        return (TITLE_CONFIDENCE, organisation.text) if _leads_by_name(organisation) else None
    # an acronym opening the sentence may be parsed as a determiner: "PNH spokesman X"
    as_modifier = organisation.dep_ in ("compound", "poss", "nmod") or (
        organisation.dep_ == "det" and organisation.is_upper and len(organisation) > 1
    )
    if organisation.head.i != person.i or not as_modifier:
        return None
    between = person.doc[organisation.i + 1 : person.i]
    if organisation.dep_ == "poss" or any(_is_title_word(t) for t in between):
        return TITLE_CONFIDENCE, organisation.text
    return None


def _is_title_word(token: Token) -> bool:
    return is_role(token) or token.lower_.rstrip(".") in AFFILIATION_TITLES


def _organisation_of_person(path: list[Token]) -> tuple[float, str] | None:
    """ "the UPC of Ali Darassa", "the G9 federation of Jimmy Chérizier": the group is named
    by its leader. The person is the object of the organisation's own "of"."""
    if len(path) not in (3, 4) or path[0].dep_ != "pobj" or path[1].lower_ != "of":
        return None
    preposition, owner = path[1], path[2]
    if preposition.head.i != owner.i or preposition.dep_ != "prep":
        return None
    if len(path) == 4:
        # "the G9 federation of X": the name modifies the noun the "of" hangs on
        named = path[3].dep_ == "compound" and path[3].head.i == owner.i
        if not (named and owner.lemma_.lower() in LEADER_GROUP_NOUNS | ORGANISATION_NAME_WORDS):
            return None
    return TITLE_CONFIDENCE, preposition.text


def _on_behalf_of(path: list[Token]) -> tuple[float, str] | None:
    """ "Colonel X, speaking on behalf of the army", "X said on behalf of the group"."""
    words = [t.lower_ for t in path]
    if "behalf" not in words:
        return None
    index = words.index("behalf")
    if index < 3 or words[index - 1] != "on" or index + 1 >= len(path) - 1:
        return None
    if words[index + 1] != "of" or index != 3:
        return None
    person, verb = path[0], path[1]
    speaks = (person.dep_ == "nsubj" and person.head.i == verb.i) or (
        verb.dep_ == "acl" and verb.head.i == person.i
    )
    return (VERB_CONFIDENCE, "behalf") if speaks else None


def _through_whose(path: list[Token]) -> tuple[float, str] | None:
    """ "ORG, whose leader X ...": a role noun owned by "whose" inside a relative clause."""
    for token in path[1:-1]:
        owned_by_whose = is_role(token) and any(c.lower_ == "whose" for c in token.children)
        in_relative = any(t.dep_ == "relcl" for t in path[1:-1]) and path[-1].i < token.i
        if owned_by_whose and in_relative:
            return VERB_CONFIDENCE, token.text
    return None


def _whose_role_is(path: list[Token]) -> tuple[float, str] | None:
    """ "ORG, whose leader is X", "ORG, an umbrella group whose chairman is X": the relative
    clause (on the name or on a noun in apposition to it) names X by the role it holds."""
    person = path[0]
    copula = person.head
    if len(path) not in (3, 4) or person.dep_ != "attr" or path[1].i != copula.i:
        return None
    if len(path) == 4 and not (path[2].dep_ == "appos" and path[2].head.i == path[3].i):
        return None
    if copula.dep_ != "relcl" or copula.lemma_.lower() not in COPULAS or is_negated(copula):
        return None
    roles = [
        c
        for c in copula.children
        if c.dep_ == "nsubj" and is_role(c) and any(w.lower_ == "whose" for w in c.children)
    ]
    return (VERB_CONFIDENCE, roles[0].text) if roles else None


def _through_verb(path: list[Token]) -> tuple[float, str] | None:
    verbs = [t for t in path[1:-1] if t.pos_ in ("VERB", "AUX")]
    if len(verbs) == 2:
        # "X, who is a major in the Marine Corps and works at the Pentagon", "ORG was
        # founded by A and later led by X": the conjoined verb shares its head's subject.
        conjoined = [v for v in verbs if v.dep_ == "conj" and v.head.i in {u.i for u in verbs}]
        if conjoined:
            path = [t for t in path if t.i != conjoined[0].head.i]
            verbs = conjoined
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
    if verb_lemma in APPOINTING_VERBS and _appointed_to_role(before, after, verb):
        return VERB_CONFIDENCE, verb.text
    if verb_lemma in MEMBERSHIP_VERBS and _membership_roles(before, after, verb):
        return VERB_CONFIDENCE, verb.text
    if verb_lemma in WORK_VERB_PREPS and _works_there(before, after, verb):
        return VERB_CONFIDENCE, verb.text
    return None


def _appointed_to_role(before: list[Token], after: list[Token], verb: Token) -> bool:
    """ "ORG named X publisher of NEWS": the person is the object, the role its predicate."""
    if not after or before[-1].dep_ != "dobj" or before[-1].head.i != verb.i:
        return False
    first = after[0]
    return first.dep_ == "oprd" and first.head.i == verb.i and any(is_role(t) for t in after)


def _works_there(before: list[Token], after: list[Token], verb: Token) -> bool:
    """ "X taught at Harvard", "X has covered education for the AP": the job's preposition,
    on the verb or on its object (the parser hangs it on either)."""
    lemma = verb.lemma_.lower()
    first = after[0] if after else None
    if (
        first is not None
        and lemma in SUBJECT_MATTER_VERBS
        and first.dep_ == "dobj"
        and first.head.i == verb.i
        and first.pos_ == "NOUN"
    ):
        after = after[1:]  # "covered education for the AP", "taught law at Yale"
    first = after[0] if after else None
    return (
        first is not None
        and first.dep_ == "prep"
        and first.head.i in (verb.i, *(c.i for c in verb.children if c.dep_ == "dobj"))
        and first.lower_ in WORK_VERB_PREPS[lemma]
        and _person_is_subject(before, verb)
    )


def _person_is_subject(before: list[Token], verb: Token) -> bool:
    """The person side reaches the verb as its subject, or as the head of its relative clause."""
    if verb.dep_ == "conj" and not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return _person_is_subject(before, verb.head)
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
    if first.dep_ in ("attr", "oprd") or (
        first.dep_ == "prep" and first.lower_ in ("as", *MEMBERSHIP_PREPS)
    ):
        return (
            any(is_role(t) for t in after)
            or (
                first.dep_ == "prep"
                and first.lower_ in MEMBERSHIP_PREPS
                and verb.lemma_ in ("work", "serve")
            )
            or (first.dep_ == "prep" and first.lower_ in AGENT_PREPS and _has_role_attribute(verb))
        )
    return False


def _has_role_attribute(verb: Token) -> bool:
    """ "X was acting comptroller at ORG": the copula's own complement is a role noun."""
    return any(c.dep_ in ("attr", "oprd") and _held_role(c) is not None for c in verb.children)


def _governed_by(token: Token, verb: Token) -> bool:
    """``token`` hangs on the verb, or on the verb that a conjoined verb shares it with."""
    return token.head.i == verb.i or (verb.dep_ == "conj" and token.head.i == verb.head.i)


def _membership_roles(before: list[Token], after: list[Token], verb: Token) -> bool:
    person_side, organisation_side = before[-1], after[0] if after else None
    if organisation_side is None:
        return False
    active = _person_is_subject(before, verb) and (
        organisation_side.dep_ == "dobj"
        or (organisation_side.dep_ == "prep" and organisation_side.lower_ in MEMBERSHIP_PREPS)
    )
    # "ORG, founded / led by X": the organisation heads the participle, X is its agent;
    # "ORG is led by X", "ORG was founded in 1977 by X": the organisation is the subject;
    # "ORG holds the airport and is led by X": the subject of the verb it is conjoined to.
    passive = person_side.dep_ == "agent" and (
        _participle_of(verb, organisation_side)
        or (organisation_side.dep_ == "nsubjpass" and _governed_by(organisation_side, verb))
        or (organisation_side.dep_ == "nsubj" and _shares_the_subject(verb, organisation_side))
    )
    return active or passive


def _shares_the_subject(verb: Token, subject: Token) -> bool:
    """A passive verb conjoined to the verb whose subject ``subject`` is."""
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    return passive and verb.dep_ == "conj" and subject.head.i == verb.head.i


def _participle_of(verb: Token, noun: Token) -> bool:
    """ "ORG, led by X", and "ORG, founded by A and now led by X": the participle, or one
    conjoined with it, modifies the organisation's noun."""
    if verb.dep_ == "conj" and verb.head.dep_ in ("acl", "relcl"):
        verb = verb.head
    return verb.dep_ in ("acl", "relcl") and noun.i == verb.head.i
