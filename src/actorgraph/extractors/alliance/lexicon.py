"""The words alliedWith reads.

Cooperation cues, denials, and the modifiers of a shared verb. The hostility cues,
reporting verbs and modals it shares with other extractors are in
:mod:`actorgraph.extractors.lexicon`.
"""

from __future__ import annotations

COOPERATION_CUES = frozenset(
    [
        "ally",
        "allied",
        "alliance",
        "allegiance",
        "alongside",
        "conjunction",
        "relation",
        "relationship",
        "relations",
        "tie",
        "ties",
        "link",
        "links",
        "cooperate",
        "cooperation",
        "collaborate",
        "collaboration",
        "coordinate",
        "coordination",
        "partner",
        "partnership",
        "support",
        "back",
        "backing",
        "sponsor",
        "fund",
        "finance",
        "arm",
        "train",
        "shelter",
        "harbor",
        "harbour",
        "host",
        "protect",
        "affiliate",
        "affiliated",
        "affiliation",
        "branch",
        "offshoot",
        "wing",
        "faction",
        "franchise",
        "extension",
        "proxy",
        "align",
        "aligned",
        "merge",
        "merger",
        "together",
        "jointly",
        "help",
        "assist",
        "aid",
        "contribute",
        "associate",
        "associated",
        "loyal",
        "umbrella",
        "pledge",
        "swear",
        "dominate",
        "include",
        "comprise",
        "unite",
        "bonhomie",
        "join",
        "pact",
    ]
)

#: Words that make a pact one between enemies, no alliance: "a non-aggression pact",
#: "a ceasefire pact", "a peace pact".
TRUCE_WORDS = frozenset({"non-aggression", "aggression", "ceasefire", "peace", "truce"})


#: Where the speaker or the listener of a reporting verb sits: "X said", "told X", "by X".
SPEAKER_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "agent"})


#: Words that keep a "fight" cooperative: "fought alongside", "fighting together".
COOPERATIVE_MODIFIERS = frozenset({"alongside", "together", "jointly"})


MODIFIER_DEPS = frozenset(
    {"amod", "advmod", "prep", "compound", "acomp", "npadvmod", "dobj", "prt"}
)


#: Kinds of organisation that make up a state: a unit only named by one of them ("the Afghan
#: Army's 215 Maiwand corps") is a part, not an ally.
STATE_KINDS = frozenset({"state_force", "police", "government", "ministry", "agency"})


# -- polarity: opposing, ended, denied, hypothetical -------------------------------------

#: Words of violent hostility between two organisations: "X attacked Y", "X's war on Y".
#: Narrower than the shared hostility cues, which also hold neutral dealings (talks, deals,
#: sanctions): those block an alliance, only these make two organisations enemies.
OPPOSITION_CUES = frozenset(
    """
    attack assault ambush raid strike bomb shell target kill fight fighting combat battle
    clash skirmish war offensive invade besiege storm overrun rout defeat repel oppose
    confront counter rival archrival arch-rival enemy foe adversary opponent nemesis archenemy
    feud rivalry conflict hostility hostilities infighting gunfight firefight shootout
    gunbattle airstrike bombing shelling killing retake retook recapture capture seize wrest
    liberate oust dislodge
    """.split()
)

#: Heads of "against" that make its object the other side: "allied with X against Y".
AGAINST_HEADS = frozenset(
    """
    ally unite join team coalition alliance campaign operation struggle insurgency jihad
    uprising force forces
    """.split()
)

#: "X and Y fought each other", "... one another".
RECIPROCAL_OBJECTS = frozenset({"other", "another"})

#: Verbs that break a bond when the other side is their "with" or "from":
#: "broke with X", "split from X", "broke away from X", "distanced itself from X".
BREAK_VERBS = frozenset(
    "break split defect secede withdraw distance part breakaway splinter".split()
)
#: Verbs that end a bond named by their object: "severed ties", "cut off support".
SEVER_VERBS = frozenset(
    """
    sever cut end terminate renounce abandon dissolve rupture suspend freeze drop revoke
    withdraw halt stop
    """.split()
)
#: Verbs whose object is the organisation left behind: "left Al Qaeda", "disowned ISIS".
LEAVE_VERBS = frozenset("leave quit exit desert abandon disown disavow expel".split())
#: Prepositions and particles after a break verb that lead to the other side.
BREAK_PARTICLES = frozenset({"with", "from", "away", "off", "ways"})
#: Words that put a bond in the past: "a former ally", "once allied", "ex-partner".
FORMER_WORDS = frozenset(
    {"former", "erstwhile", "onetime", "one-time", "ex", "previous", "once", "formerly"}
    | {"previously"}
)
#: Nouns for whoever one was allied with: "broke with its partners", "quit the alliance".
PARTNER_NOUNS = frozenset(
    "partner ally alliance coalition comrade bloc front pact umbrella".split()
)

#: Marks of a condition: "if X allied with Y", "unless", "whether".
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})

#: Nouns of membership in an umbrella: "X is part of Y", "a member of Y", "a component of Y",
#: "the Jaime Martínez front, a unit of the EMC" (a state's units are parts, not allies:
#: see ``STATE_KINDS``).
MEMBERSHIP_NOUNS = frozenset(
    {"part", "member", "component", "constituent", "subsidiary", "unit", "arm"}
    | {"backbone", "core", "nucleus", "mainstay"}
)
#: Nouns of a part that "whose" or a possessive gives its whole: "X, whose main component
#: is Y", "X's backbone is Y", "the armed wing of X is Y".
PART_NOUNS = MEMBERSHIP_NOUNS | {"wing", "branch", "affiliate"}
#: Nouns of a grouping whose "of" names its members: "X, a coalition of Y and Z".
GROUPING_NOUNS = frozenset({"coalition", "alliance", "umbrella", "grouping", "federation", "bloc"})
#: Plural nouns of a grouping's members: "X, one of the armed groups in Y", "one of the
#: factions of Y".
MEMBER_GROUP_NOUNS = frozenset(
    "group faction militia movement party organisation organization member unit brigade"
    " component force".split()
)
#: Verbs of membership: "X belongs to Y".
MEMBERSHIP_VERBS = frozenset({"belong"})
#: "X fights under the banner of Y", "under the command of Y", "under the umbrella of Y".
UNDER_NOUNS = frozenset(
    {"banner", "command", "umbrella", "flag", "leadership", "aegis", "auspices", "wing"}
)
#: "X operates under Y": the verbs by which a group serves under another.
UNDER_VERBS = frozenset({"operate", "fight", "serve", "function", "act", "work"})


# -- supplies and joint acts ---------------------------------------------------------------

#: Verbs of giving and receiving what armed groups live on, and the preposition that
#: names the other side: "received training from Y", "supplies weapons to Y".
SUPPLY_VERBS = {
    "receive": "from",
    "get": "from",
    "obtain": "from",
    "accept": "from",
    "provide": "to",
    "supply": "to",
    "give": "to",
    "deliver": "to",
    "send": "to",
    "ship": "to",
}
#: What is supplied: "weapons", "training", "funding", "equipment", "air support".
SUPPLY_NOUNS = frozenset(
    """
    weapon arm arms ammunition training equipment funding fund money financing support aid
    assistance supply supplies drone drones intelligence logistics
    """.split()
)

#: Verbs by which one side goes with the other in a joint act: "escorted Y on a joint
#: patrol". Only these: "arrested Y in a joint operation" acts on Y.
ACCOMPANYING_VERBS = frozenset(
    "escort accompany support assist back help reinforce join protect guard cover".split()
)


#: Nouns for the people or machines of an organisation: "soldiers of X", "X's aircraft".
PERSONNEL_NOUNS = frozenset(
    """
    soldier troop fighter unit aircraft operative member officer personnel man force
    militiaman commando element team gunman militant jet drone plane warplane helicopter
    crew detachment contingent battalion squad agent ranger guard policeman paratrooper
    marine sailor airman volunteer recruit cadre
    """.split()
)
