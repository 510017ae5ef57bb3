"""Cooperation: when the sentence states that two organisations work together.

A pair of organisations in one sentence cooperates when the dependency path between
them (or the words that modify it) carries a cooperation cue: allied with, ally,
alongside, "in conjunction with", close relations, ties, trained / armed / funded /
sheltered / backed, pledged allegiance, affiliate, branch, offshoot, wing, aligned.
Two organisations joined by "and" count when their shared verb is a cooperation
verb or is modified by "together", "jointly" or "alongside". Membership of an umbrella
("X is part of Y", "a member of Y", "X belongs to Y", "X serves under Y": a state's unit
in its parent too, when said in words) and a branch of its parent ("Hezbollah's Radwan
Force", though not "the Afghan Army's 215 Maiwand corps") count too. So do two
organisations listed as the doers of one act (:mod:`.co_actors`).

Rejected here (the negative cases): hostile or neutral links on the path (attacked,
fought against, clashed, negotiated with, talks, deal), and one organisation reporting
on or speaking to the other (a news organisation, or a speaker in "X said"). Opposing,
ended, denied and hypothetical pairs are told apart before these rules run, in
:mod:`~actorgraph.extractors.alliance.reading`.
"""

from __future__ import annotations

from spacy.tokens import Token

from actorgraph.extractors.alliance.co_actors import acted_together
from actorgraph.extractors.alliance.lexicon import (
    ACCOMPANYING_VERBS,
    COOPERATION_CUES,
    COOPERATIVE_MODIFIERS,
    GROUPING_NOUNS,
    MEMBER_GROUP_NOUNS,
    MEMBERSHIP_NOUNS,
    MEMBERSHIP_VERBS,
    MODIFIER_DEPS,
    PART_NOUNS,
    PERSONNEL_NOUNS,
    SPEAKER_DEPS,
    STATE_KINDS,
    SUPPLY_NOUNS,
    SUPPLY_VERBS,
    TRUCE_WORDS,
    UNDER_NOUNS,
    UNDER_VERBS,
)
from actorgraph.extractors.alliance.polarity import Finding, Polarity
from actorgraph.extractors.lexicon import (
    COPULAS,
    DENIAL_VERBS,
    HOSTILE_CUES,
    JOINT_FRAMES,
    JOINT_NOUNS,
    JOINT_WORDS,
    REPORTING_VERBS,
)
from actorgraph.extractors.mentions import Mention
from actorgraph.extractors.mentions.states import SPONSOR_PARTICIPLES
from actorgraph.extractors.roles import is_joint_act, phrase_head, works_with
from actorgraph.extractors.syntax import is_negated

BRANCH_CONFIDENCE = 0.75


CUE_ON_PATH_CONFIDENCE = 0.85


CUE_BESIDE_PATH_CONFIDENCE = 0.7


def cooperation(path: list[Token], first: Mention, second: Mention) -> Finding | None:
    """The cooperation that ``path`` (from ``first`` to ``second``) states, if any."""
    if any(token.ent_type_ == "PERSON" for token in path[1:-1]):
        # "forces alongside Taliban commander Ali": the cue reaches a person, not the group.
        return None
    joint = joint_action(path, first, second)
    if joint is not None:
        return Finding(Polarity.COOPERATING, joint, CUE_BESIDE_PATH_CONFIDENCE, tuple(path))
    together = acted_together(first, second)
    if together is not None:
        # "soldiers of X and Y arrested 11 gunmen": one act, two doers
        return Finding(Polarity.COOPERATING, together, CUE_BESIDE_PATH_CONFIDENCE, tuple(path))
    working = _works_with(path) or _works_with(path[::-1])
    if working is not None:
        # before hostility: "X, working with Y, detained suspects" puts Y beside X
        return Finding(Polarity.COOPERATING, working, CUE_BESIDE_PATH_CONFIDENCE, tuple(path))
    supplied = _supplies(path) or _supplied_by(path)
    if supplied is not None:
        # before hostility: "received weapons from Y" names no fight
        return Finding(Polarity.COOPERATING, supplied, CUE_ON_PATH_CONFIDENCE, tuple(path))
    under = _serves_under(path)
    if under is not None:
        # before hostility: "X fights under the banner of Y" is no fight between them
        return Finding(Polarity.COOPERATING, under, BRANCH_CONFIDENCE, tuple(path))
    if is_reported_by_one_side(path, first, second) or _is_hostile(path):
        return None
    context = _context(path, first, second)
    clause = tuple(path)
    # a word of either name is no cue: "the Three Brotherhood Alliance" allies no one
    names = {t.i for t in (*first.span, *second.span)}

    def cue_for_the_pair(t: Token) -> bool:
        return is_cue(t) and t.i not in names and not in_a_name(t) and not _hands_on(path, t)

    on_path = [t for t in path[1:-1] if cue_for_the_pair(t)]
    beside = [t for t in context if cue_for_the_pair(t)]
    if on_path:
        return Finding(Polarity.COOPERATING, on_path[0], CUE_ON_PATH_CONFIDENCE, clause)
    if beside:
        return Finding(Polarity.COOPERATING, beside[0], CUE_BESIDE_PATH_CONFIDENCE, clause)
    membership = (
        _membership_word(path, first, second)
        or _founded_grouping(path, first, second)
        or _part_by_copula(path)
    )
    if membership is not None:
        return Finding(Polarity.COOPERATING, membership, BRANCH_CONFIDENCE, clause)
    allied = _allied_conjunct(first, second)
    if allied is not None:
        return Finding(Polarity.COOPERATING, allied, CUE_BESIDE_PATH_CONFIDENCE, clause)
    if _is_branch_of(path, first, second):
        cue = path[1] if len(path) > 2 else path[0]
        return Finding(Polarity.COOPERATING, cue, BRANCH_CONFIDENCE, clause)
    return None


def _hands_on(path: list[Token], cue: Token) -> bool:
    """The cue (or the verb it modifies, off the path) is a verb that the path leaves for a
    verb joined to it by "and": the cue's clause does not reach that end. "a group that
    pledged allegiance to X and is known as Y" pledges nothing to Y."""
    on_path = {t.i: i for i, t in enumerate(path)}
    verb = cue if cue.i in on_path else cue.head
    index = on_path.get(verb.i)
    if index is None or verb.pos_ != "VERB":
        return False
    neighbours = [path[i] for i in (index - 1, index + 1) if 0 <= i < len(path)]
    return any(
        n.dep_ == "conj" and n.head.i == verb.i and n.pos_ in ("VERB", "AUX") for n in neighbours
    )


def in_a_name(token: Token) -> bool:
    """A word of an organisation's name ("Alliance" in "Myanmar National Democratic
    Alliance Army"): the name, not a statement about the pair. Not the "backed" of
    "Turkish-backed", which the NER may run into the name it modifies."""
    if token.lower_ in SPONSOR_PARTICIPLES and token.i > 0 and token.nbor(-1).text == "-":
        return False
    return token.ent_type_ == "ORG"


def is_cue(token: Token) -> bool:
    """A word of cooperation: "allied", "ties", "alongside", "Iran-backed".

    Not "including" as a preposition: "168 were killed, including X and Y" lists the dead.
    """
    if token.dep_ == "prep" and token.lemma_.lower() == "include":
        return False
    if token.pos_ == "NOUN" and token.lower_ in WEAPON_NOUNS:
        return False  # "seized arms from X": weapons, not the verb "to arm"
    if token.lower_ == "back" and token.pos_ != "VERB":
        return False  # "handed the city back to X", "came back": no backing
    if _misparsed_allied(token):
        return False
    if token.lemma_.lower() == "pact" and _is_a_truce(token):
        return False  # "a non-aggression pact" ends a fight, it makes no allies
    return (
        token.lemma_.lower() in COOPERATION_CUES
        or token.lower_ in COOPERATION_CUES
        or any(part in COOPERATION_CUES for part in token.lower_.split("-")[1:])
    )


def _is_a_truce(pact: Token) -> bool:
    """ "a non-aggression pact" (the tokenizer splits off "aggression"), "a ceasefire pact"."""
    return any(t.lower_ in TRUCE_WORDS for t in pact.subtree if t.i < pact.i)


def is_reported_by_one_side(path: list[Token], first: Mention, second: Mention) -> bool:
    """ "X said ... Y", "reported by X", "X told Y": one side is the speaker or the listener."""
    for token in path[1:-1]:
        word = token.lemma_.lower()
        if word not in REPORTING_VERBS or word in DENIAL_VERBS:
            continue  # a denial takes the claim back instead (see the modality module)
        ends = {first.head.i, second.head.i}
        for child in token.children:
            if child.dep_ in SPEAKER_DEPS and any(t.i in ends for t in child.subtree):
                return True
    return False


def _allied_conjunct(first: Mention, second: Mention) -> Token | None:
    """ "Congolese troops and allied Wazalendo militias": a conjunct called allied is the
    other conjunct's ally (the "allied" of the later one in the list)."""
    if not conjoined(first.head, second.head):
        return None
    later = max(phrase_head(first.head), phrase_head(second.head), key=lambda t: t.i)
    return next(
        (c for c in later.children if c.dep_ == "amod" and c.lower_ in ALLIED_WORDS), None
    )


def _misparsed_allied(token: Token) -> bool:
    """ "clashed with Congolese troops and allied Wazalendo militias": the parse makes
    "allied" a verb coordinated with "clashed" and the militias its object; it is the
    militias' adjective, and says nothing of who clashed with them."""
    return (
        token.lower_ == "allied"
        and token.dep_ == "conj"
        and token.head.pos_ == "VERB"
        and any(c.dep_ == "dobj" for c in token.children)
        and not any(c.lower_ in ("with", "itself", "themselves") for c in token.children)
    )


#: Nouns that share a cue's letters but name weapons: "arms", "an arm of the law".
WEAPON_NOUNS = frozenset({"arms", "arm"})


#: Adjectives by which a list calls its next member an ally of the one before.
ALLIED_WORDS = frozenset({"allied", "friendly", "partner", "aligned"})


def conjoined(a: Token, b: Token) -> bool:
    """ "X and Y", "X, Y and Z", "X fighters and Y soldiers": conjuncts of one list."""
    a, b = phrase_head(a), phrase_head(b)
    return a.i != b.i and conjunct_root(a).i == conjunct_root(b).i


def conjunct_root(token: Token) -> Token:
    """The first conjunct of the list ``token`` is in (``token`` itself when in none)."""
    token = phrase_head(token)
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def _membership_word(path: list[Token], first: Mention, second: Mention) -> Token | None:
    """ "X is part of Y", "X, a member of Y", "X belongs to Y", "X, a unit within Y",
    "X, which forms part of Y": X is in the umbrella Y.

    Said in so many words, a state's unit is in its parent too ("the Rapid Intervention
    Battalion, which is part of the armed forces"), as a branch acting with its parent is.
    """
    path = _to_first_conjunct(path)
    for index in range(1, len(path) - 1):
        token = path[index]
        before, after = path[index - 1], path[index + 1]
        word = token.lemma_.lower()
        grouping = word in GROUPING_NOUNS and token.dep_ in ("appos", "attr")
        as_part = token.dep_ == "pobj" and token.head.lower_ == "as"  # "operates as part of"
        if word in MEMBERSHIP_NOUNS and (
            token.dep_ not in ("dobj", "pobj") or as_part or _formed_part(token)
        ):
            # "took part in", "in part" are no membership
            preposition = "within" if "within" in (before.lower_, after.lower_) else "of"
        elif word in MEMBERSHIP_VERBS:
            preposition = "to"
        elif grouping:
            preposition = "of"  # "The Joint Forces, a coalition of the SLM, ...": SLM is in it
        else:
            continue
        if after.lower_ == preposition and after.head.i == token.i:
            other_side = path[1:index]
        elif before.lower_ == preposition and before.head.i == token.i:
            other_side = path[index + 1 : -1]
        else:
            continue
        formed = _formed_part(token)
        if all(
            _links_a_member(t)
            or _describes_the_member(t)
            or (formed and t.i == token.head.i)
            or _people_of_the_member(t, path)
            for t in other_side
        ):
            # not "Y, whose member X handed the town back to Z": Z is no member
            return token
    return _one_of_its_groups(path, first, second)


def _part_by_copula(path: list[Token]) -> Token | None:
    """ "X, whose main component is Y" (or "X, a force whose ..."), "X's backbone is Y",
    "the armed wing of X is Y": a copula says that Y is the part of X its subject names.
    Returns that noun."""
    for ends in (path, path[::-1]):
        if len(ends) < 3:
            return None
        part, copula, whole = ends[0], ends[1], ends[-1]
        if part.dep_ != "attr" or part.head.i != copula.i:
            continue
        if copula.lemma_.lower() not in COPULAS or is_negated(copula):
            continue
        noun = next((c for c in copula.children if c.dep_ == "nsubj"), None)
        if noun is None or noun.lemma_.lower() not in PART_NOUNS:
            continue
        between = [t.i for t in ends[2:-1]]
        # "X, whose main component is Y"; "X, a Kurdish-led force whose main component is Y"
        described = copula.head if copula.dep_ == "relcl" else None
        whose = described is not None and any(c.lower_ == "whose" for c in noun.children)
        if whose and not between and described.i == whole.i:
            return noun
        if whose and between == [described.i] and _in_apposition_to(described, whole):
            return noun
        if between == [noun.i] and whole.dep_ == "poss" and whole.head.i == noun.i:
            return noun
        of = ends[3] if len(ends) == 5 else None
        if (
            of is not None
            and between == [noun.i, of.i]
            and of.lower_ == "of"
            and of.head.i == noun.i
            and whole.head.i == of.i
        ):
            return noun
    return None


def _in_apposition_to(noun: Token, name: Token) -> bool:
    return noun.dep_ == "appos" and noun.head.i == name.i


def _people_of_the_member(token: Token, path: list[Token]) -> bool:
    """ "Nigerian Army troops, also part of the MNJTF": the member's people, named by the
    organisation that qualifies them, stand for it."""
    ends = (path[0], path[-1])
    return token.lemma_.lower() in PERSONNEL_NOUNS and any(
        end.head.i == token.i and end.dep_ in ("compound", "amod", "nmod", "poss") for end in ends
    )


def _formed_part(token: Token) -> bool:
    """ "X forms part of Y", "X makes up part of Y": the part is an object, yet membership."""
    return token.dep_ == "dobj" and token.head.lemma_.lower() in ("form", "make", "constitute")


#: The verb of a relative clause that places its noun in an umbrella: "that is part of Y".
_MEMBER_CLAUSE_VERBS = COPULAS | MEMBERSHIP_VERBS


def _describes_the_member(token: Token) -> bool:
    """ "X, a unit that is part of Y", "X, a group which belongs to Y": the noun in
    apposition to X whose relative clause says where X belongs."""
    return token.dep_ == "appos" and any(
        c.dep_ == "relcl" and c.lemma_.lower() in _MEMBER_CLAUSE_VERBS for c in token.children
    )


def _one_of_its_groups(path: list[Token], first: Mention, second: Mention) -> Token | None:
    """ "X, one of the armed groups in Y", "X is one of the factions of Y": X is in Y.

    Y is found under the "in" (or "of", "within") of the plural noun, whatever word of Y's
    name the parse makes its head ("Coalition of Patriots for Change" hung by "for").
    """
    for words, umbrella in ((path, second), (path[::-1], first)):
        inside = range(umbrella.span.start, umbrella.span.end)
        for index in range(1, len(words) - 3):
            one, of, groups = words[index : index + 3]
            if not (
                one.lower_ == "one"
                and one.dep_ in ("appos", "attr")
                and of.lower_ == "of"
                and groups.lemma_.lower() in MEMBER_GROUP_NOUNS
                and groups.tag_ == "NNS"
                and all(_links_a_member(t) for t in words[1:index])
            ):
                continue
            within = [
                c
                for c in groups.children
                if c.dep_ == "prep"
                and c.lower_ in ("in", "of", "within")
                and any(t.i in inside for t in c.subtree)
            ]
            rest = words[index + 3 :]
            if within and all(t.i in inside or t in within for t in rest):
                return groups
    return None


def _supplies(path: list[Token]) -> Token | None:
    """ "X has received training and equipment from Y", "X receive weapons from Y",
    "Y supplies drones to X": one side the verb's subject, the other the object of its
    "from" (receiving) or "to" (giving), with weapons, training or money given."""
    words = [t for t in path if not t.is_punct]
    for ends in (words, words[::-1]):
        subject = phrase_head(ends[0])
        verb = subject.head
        preposition = SUPPLY_VERBS.get(verb.lemma_.lower())
        if subject.dep_ != "nsubj" or preposition is None or is_negated(verb):
            continue
        supplied = _objects_with_conjuncts(verb)
        if not any(t.lemma_.lower() in SUPPLY_NOUNS or t.lower_ in SUPPLY_NOUNS for t in supplied):
            continue
        other = phrase_head(ends[-1])
        prep = other.head
        hung = prep.head.i == verb.i or prep.head.i in {t.i for t in supplied}
        if other.dep_ == "pobj" and prep.lower_ == preposition and hung:
            return verb
    return None


def _supplied_by(path: list[Token]) -> Token | None:
    """ "X is supplied by Y", "X, which are armed and supplied by Y": a giving verb in the
    passive, whose agent is one side and whose subject (or the noun its relative clause
    describes) the other."""
    words = [t for t in path if not t.is_punct]
    for ends in (words, words[::-1]):
        giver = phrase_head(ends[-1])
        if giver.dep_ != "pobj" or giver.head.dep_ != "agent":
            continue
        verb = giver.head.head
        if SUPPLY_VERBS.get(verb.lemma_.lower()) != "to" or is_negated(verb):
            continue
        recipient = _passive_recipient(verb)
        if recipient is not None and recipient.i == phrase_head(ends[0]).i:
            return verb
    return None


def _passive_recipient(verb: Token) -> Token | None:
    """Who a passive verb's giving goes to: its subject, or the noun its clause describes."""
    node = verb
    while node.dep_ in ("conj", "acomp") and node.head.i != node.i:
        node = node.head  # "armed and supplied by", "are ... supplied"
    subject = next((c for c in node.children if c.dep_ in ("nsubjpass", "nsubj")), None)
    if node.dep_ in ("relcl", "acl") and (subject is None or subject.tag_ in ("WDT", "WP")):
        return node.head
    return subject


def _objects_with_conjuncts(verb: Token) -> list[Token]:
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return [*objects, *(c for o in objects for c in o.children if c.dep_ == "conj")]


def _links_a_member(token: Token) -> bool:
    """ "X is part of Y", "X operates as part of Y", "X serves as a member of Y"."""
    word = token.lemma_.lower()
    return word in COPULAS or word in UNDER_VERBS or token.lower_ == "as"


#: Verbs by which members make an alliance: "X and Y formed the Z Alliance".
FOUNDING_VERBS = frozenset({"form", "found", "create", "establish", "launch", "forge"})
#: Words that end the name of a grouping of organisations: "... Alliance", "... Front".
GROUPING_NAME_WORDS = frozenset(
    {"alliance", "coalition", "front", "bloc", "umbrella", "federation", "council", "league"}
    | {"platform", "axis", "union", "framework", "coordination"}
)


def _founded_grouping(path: list[Token], first: Mention, second: Mention) -> Token | None:
    """ "X and Y formed the Three Brotherhood Alliance" (X, Y members), "the Alliance, which
    X formed with Y" (Y a member): the verb of founding, when the grouping's name says it
    is one. Founders named together are allies of each other too."""
    listed = _listed_in_a_joint_act(first, second)
    if listed is not None:
        return listed
    if conjoined(first.head, second.head):
        anchor = conjunct_root(first.head)
        verb = anchor.head
        makes_grouping = any(
            c.dep_ == "dobj" and c.lower_ in GROUPING_NAME_WORDS for c in verb.children
        )
        founded = verb.lemma_.lower() in FOUNDING_VERBS and anchor.dep_ == "nsubj"
        return verb if founded and makes_grouping else None
    path = _to_first_conjunct(path)
    for ordered, grouping in ((path, second), (path[::-1], first)):
        if grouping.head.lower_ not in GROUPING_NAME_WORDS:
            continue
        member_end, verb = ordered[0], ordered[1] if len(ordered) > 1 else None
        if verb is None or verb.lemma_.lower() not in FOUNDING_VERBS:
            continue
        founders = (
            len(ordered) == 3
            and member_end.dep_ == "nsubj"
            and member_end.head.i == verb.i
            and ordered[2].dep_ == "dobj"
            and ordered[2].head.i == verb.i
        )
        if founders:
            return verb
    for ordered, grouping in ((path, first), (path[::-1], second)):
        if grouping.head.lower_ not in GROUPING_NAME_WORDS or len(ordered) != 4:
            continue
        _name, verb, with_, _member = ordered
        if (
            verb.lemma_.lower() in FOUNDING_VERBS
            and verb.dep_ in ("relcl", "acl")
            and verb.head.i == ordered[0].i
            and with_.lower_ == "with"
            and with_.head.i == verb.i
        ):
            return verb  # "the Alliance, which it formed with Y"
    return None


def _works_with(path: list[Token]) -> Token | None:
    """ "The National Guard, working with the army", "X worked with Y": "work" whose "with"
    leads on to the other organisation, with the first one working: its subject, the noun
    it describes, or the subject of the verb it hangs on ("X, working with Y, detained ...").
    """
    path = _from_phrase_head(path)
    for index in range(1, len(path) - 2):
        verb, preposition = path[index], path[index + 1]
        if not works_with(verb, preposition):
            continue
        actor = path[0]
        direct = index == 1 and (
            (actor.dep_ == "nsubj" and actor.head.i == verb.i)
            or (verb.dep_ in ("acl", "relcl") and verb.head.i == actor.i)
        )
        through = (
            index == 2
            and actor.dep_ == "nsubj"
            and actor.head.i == path[1].i
            and verb.dep_ == "advcl"
            and verb.head.i == path[1].i
        )
        if direct or through or (index == 2 and _raised_to(actor, path[1], verb)):
            return verb
    return None


#: Verbs whose subject is the subject of the infinitive after them: "X is believed to
#: work with Y", "X continues to work with Y" (not "refused to", "was asked to").
RAISING_VERBS = frozenset(
    "believe say think report know understand seem appear continue begin start".split()
)


def _raised_to(actor: Token, raising: Token, verb: Token) -> bool:
    return (
        actor.dep_ in ("nsubj", "nsubjpass")
        and actor.head.i == raising.i
        and raising.lemma_.lower() in RAISING_VERBS
        and not is_negated(raising)
        and verb.dep_ == "xcomp"
        and verb.head.i == raising.i
    )


def _serves_under(path: list[Token]) -> Token | None:
    """ "X fights under the banner of Y", "X, which operates under Y", "under the command of
    Y": X serves in Y's ranks. The word "under", when it leads from X's verb to Y."""
    trimmed = _between_phrase_heads(path)
    for ordered in (trimmed, trimmed[::-1]):
        words = [t.lower_ for t in ordered]
        if "under" not in words:
            continue
        index = words.index("under")
        under = ordered[index]
        verb = under.head
        if under.dep_ != "prep" or verb.lemma_.lower() not in UNDER_VERBS:
            continue
        if index == 0 or ordered[index - 1].i != verb.i:
            continue
        rest = ordered[index + 1 :]
        direct = len(rest) == 1
        named = (
            len(rest) == 3
            and rest[0].lower_ in UNDER_NOUNS
            and rest[1].lower_ == "of"
            and rest[1].head.i == rest[0].i
        )
        if direct or named:
            return under
    return None


def _to_first_conjunct(path: list[Token]) -> list[Token]:
    """ "a coalition of A, B and C": the path to C runs through A, the list's first member,
    and from there C is in the coalition as A is. ``path`` cut at A (at either end)."""
    for _ in range(2):
        while len(path) > 2 and path[-1].dep_ == "conj" and path[-1].head.i == path[-2].i:
            path = path[:-1]
        path = path[::-1]
    return path


def _is_branch_of(path: list[Token], first: Mention, second: Mention) -> bool:
    """ "Hezbollah's Radwan Force", "its elite unit", "the armed wing of Hamas",
    "Katiba Macina, a JNIM unit".

    A branch acting with its parent counts as allied; a unit named by its state's forces
    ("the Afghan Army's 215 Maiwand corps") is only named, and does not (membership said
    in words does: see :func:`_membership_word`).
    """
    if {first.referent.kind, second.referent.kind} & STATE_KINDS:
        return False
    if len(path) == 2:
        child = path[0] if path[0].head.i == path[1].i else path[1]
        return child.dep_ == "poss"
    if len(path) == 3 and path[1].lower_ == "of" and path[1].dep_ == "prep":
        return path[2].head.i == path[1].i and path[1].head.i == path[0].i
    return len(path) == 3 and any(_unit_named_by(*ends) for ends in (path, path[::-1]))


#: Nouns of a part or a member of an armed organisation: "a JNIM unit", "an al-Shabaab
#: faction", "another CPC member".
UNIT_NOUNS = frozenset(
    {"unit", "faction", "cell", "brigade", "battalion", "front", "division", "detachment"}
    | {"member", "affiliate", "component", "wing", "branch"}
)


def _unit_named_by(unit: Token, noun: Token, parent: Token) -> bool:
    """ "X, a JNIM unit", "another CPC member, X": X and a unit noun that the parent's name
    modifies stand in apposition, either way round."""
    in_apposition = (noun.dep_ == "appos" and noun.head.i == unit.i) or (
        unit.dep_ == "appos" and unit.head.i == noun.i
    )
    return (
        in_apposition
        and noun.lemma_.lower() in UNIT_NOUNS
        and parent.dep_ in ("compound", "poss", "nmod")
        and parent.head.i == noun.i
    )


def _context(path: list[Token], first: Mention, second: Mention) -> list[Token]:
    """Words on the path plus their modifiers; for "X and Y", the verb they share.

    The other members of a list are no shared words: in "factions, X and Y" the noun
    "factions" is one more member, not a cue for X and Y.
    """
    tokens = list(path)
    anchor = None
    if conjoined(first.head, second.head):
        anchor = conjunct_root(first.head)
        tokens.append(anchor.head)
        tokens.extend(anchor.head.children)
    for token in list(tokens):
        tokens.extend(c for c in token.children if c.dep_ in MODIFIER_DEPS)
    if anchor is None:
        return tokens
    on_path = {token.i for token in path}
    return [t for t in tokens if t.i in on_path or conjunct_root(t).i != anchor.i]


def _is_hostile(path: list[Token]) -> bool:
    """A hostile word on the path, unless the path leaves it by a word of joint action:
    "X fought alongside Y" is joint, "X, who fight Y's army alongside Z" is not (X to Y)."""
    on_path = {token.i for token in path}
    for token in path[1:-1]:
        word = token.lemma_.lower()
        hostile = word in HOSTILE_CUES or token.lower_ in HOSTILE_CUES
        joint = any(
            c.lower_ in COOPERATIVE_MODIFIERS and (c.i in on_path or c.dep_ == "advmod")
            for c in token.children
        )
        if hostile and not joint:
            return True
    return False


def joint_action(path: list[Token], first: Mention, second: Mention) -> Token | None:
    """The word "joint" (or "combined") of an act the two carried out together, if any.

    Three shapes, and only these: "X [verb] ... in a joint operation with Y" (either way
    round, X the verb's subject), "X said it had [verb] ... in a joint operation with Y",
    and "X and Y [verb] a joint raid". Anywhere else the word says nothing of the pair: in
    "X seized arms from Z in a joint operation with Y" Z is acted on, not Y's ally.
    """
    listed = _listed_in_a_joint_act(first, second)
    if listed is not None:
        return listed
    if conjoined(first.head, second.head):
        anchor = conjunct_root(first.head)
        verb = anchor.head
        if anchor.dep_ == "pobj" and verb.lower_ in ("by", "of", "between"):
            # "joint operations by X and Y", "a joint force of X and Y"
            return next((w for w in verb.head.children if w.lower_ in JOINT_WORDS), None)
        acts = [c for c in verb.children if c.dep_ == "dobj"]
        return next((w for act in acts for w in act.children if w.lower_ in JOINT_WORDS), None)
    trimmed = _between_phrase_heads(path)
    for ordered in (trimmed, trimmed[::-1]):
        joint = _joint_object_with(ordered)
        if joint is not None:
            return joint
    for ordered in (trimmed, trimmed[::-1]):
        ordered = [t for t in ordered if not t.is_punct]
        if len(ordered) < 5:
            continue
        actor, frame, act, with_ = ordered[-5:-1]
        if len(ordered) == 5 and actor.dep_ in ("nsubj", "nsubjpass"):
            pass  # "X, in a joint operation with Y, raided ...": the frame hangs on X
        elif len(ordered) not in (6, 7) or not _acts(ordered[:-4]):
            continue
        if (
            _head_past_commas(frame).i == actor.i
            and frame.dep_ == "prep"
            and frame.lower_ in JOINT_FRAMES
            and act.head.i == frame.i
            and with_.head.i == act.i
            and with_.lower_ == "with"
            and is_joint_act(act)
        ):
            return next((w for w in act.children if w.lower_ in JOINT_WORDS), act)
    return None


#: Words that may stand between two organisations listed as one joint act's doers.
_LIST_FILLERS = frozenset({"and", "the", ",", "(", ")"})


def _listed_in_a_joint_act(first: Mention, second: Mention) -> Token | None:
    """ "joint operations by X and Y", "a joint force of X and Y", "a joint patrol of X and
    Y": read off the words, since the parser hangs the second name anywhere. Between the
    two stand only "and", "the" and a bracketed acronym; before the first, "by", "of" or
    "between" after a noun that "joint" or "combined" modifies."""
    earlier, later = sorted((first, second), key=lambda m: m.span.start)
    doc = earlier.span.doc
    between = doc[earlier.span.end : later.span.start]
    if "and" not in {t.lower_ for t in between}:
        return None
    if any(t.lower_ not in _LIST_FILLERS and not t.is_upper for t in between):
        return None
    index = earlier.span.start - 1
    if index >= 0 and doc[index].lower_ == "the":
        index -= 1
    if index < 1 or doc[index].lower_ not in ("by", "of", "between"):
        return None
    act = doc[index - 1]
    joint = [t for t in doc[max(0, act.i - 2) : act.i] if t.lower_ in JOINT_WORDS]
    return joint[0] if joint and act.pos_ == "NOUN" else None


def _joint_object_with(ordered: list[Token]) -> Token | None:
    """ "X conducted joint patrols with Y", "X carried out a joint raid with Y": the joint
    act is the object of X's verb and takes Y by "with". Or "X escorted Y on a joint
    patrol": Y is the verb's object, and the joint act its frame."""
    words = [t for t in ordered if not t.is_punct]
    if len(words) == 3:
        return _joint_frame_of_the_verb(*words)
    if len(words) == 4:
        # "X, which conducts joint operations with Y": "with" hung on the verb
        actor, verb, with_, _ = words
        acts = [c for c in verb.children if c.dep_ == "dobj"]
    elif len(words) == 5:
        actor, verb, act, with_, _ = words
        acts = [act] if act.dep_ == "dobj" and act.head.i == verb.i else []
    else:
        return None
    joint = next((w for a in acts for w in a.children if w.lower_ in JOINT_WORDS), None)
    if joint is None or not _does(actor, verb) or with_.lower_ != "with":
        return None
    if with_.head.i not in {verb.i, *(a.i for a in acts)}:
        return None
    return joint


def _does(actor: Token, verb: Token) -> bool:
    """The actor is the verb's subject, or the noun its relative clause describes."""
    if actor.dep_ == "nsubj" and actor.head.i == verb.i:
        return True
    return (
        verb.dep_ == "relcl"
        and verb.head.i == actor.i
        and any(c.dep_ == "nsubj" and c.lower_ in ("which", "that", "who") for c in verb.children)
    )


def _joint_frame_of_the_verb(actor: Token, verb: Token, other: Token) -> Token | None:
    """ "X escorted Y on a joint patrol", "X accompanied Y during a joint offensive"."""
    if actor.dep_ != "nsubj" or actor.head.i != verb.i or other.head.i != verb.i:
        return None
    if other.dep_ != "dobj" or verb.lemma_.lower() not in ACCOMPANYING_VERBS:
        return None
    for frame in verb.children:
        if frame.dep_ != "prep" or frame.lower_ not in (*JOINT_FRAMES, "on"):
            continue
        for act in frame.children:
            if act.dep_ == "pobj" and is_joint_act(act) and act.lower_ not in JOINT_NOUNS:
                return next((w for w in act.children if w.lower_ in JOINT_WORDS), act)
    return None


def _head_past_commas(token: Token) -> Token:
    """The head of ``token``, past a comma the parser hung it on ("X, in a joint ...")."""
    head = token.head
    while head.is_punct and head.head.i != head.i:
        head = head.head
    return head


def _between_phrase_heads(path: list[Token]) -> list[Token]:
    """``path`` cut to run between the heads of the two names' phrases, at both ends."""
    return _from_phrase_head(_from_phrase_head(path)[::-1])[::-1]


def _from_phrase_head(path: list[Token]) -> list[Token]:
    """``path`` started at the head of the name's phrase: "Ukraine's military intelligence
    agency (GUR)" acts through "agency", whether the path starts at "Ukraine" or "GUR"."""
    start = 0
    while (
        start + 1 < len(path)
        and path[start].dep_ in ("poss", "compound", "appos", "nmod")
        and path[start].head.i == path[start + 1].i
    ):
        start += 1
    return path[start:]


def _acts(tokens: list[Token]) -> bool:
    """``[X, verb]`` with X the verb's subject, or ``[X, said, verb]`` with X the speaker
    and the verb's subject a pronoun ("X said it had moved troops"): X did the act."""
    if len(tokens) == 2:
        subject, verb = tokens
        return subject.dep_ == "nsubj" and subject.head.i == verb.i
    subject, speech, verb = tokens
    return (
        subject.dep_ == "nsubj"
        and subject.head.i == speech.i
        and speech.lemma_.lower() in REPORTING_VERBS
        and verb.dep_ == "ccomp"
        and verb.head.i == speech.i
        and any(c.dep_ == "nsubj" and c.pos_ == "PRON" for c in verb.children)
    )
