"""The word lists that several extractors read, each defined once.

Where two extractors read the same kind of word for different jobs, their lists are
built here from one shared core, so that the difference is written down rather than
copied: :data:`NAME_TITLES` and :data:`AFFILIATION_TITLES` both extend
:data:`COMMON_TITLES`. The exact contents of every list are part of what is extracted
(and of the affiliation model's trained features), so changing one changes the output.

Lists that a single relation reads stay in its own sub-package's ``lexicon`` module.
"""

from __future__ import annotations

# -- titles before a name ---------------------------------------------------------------

#: Ranks and forms of address before a name that every extractor takes for a title.
COMMON_TITLES = frozenset(
    """
    mr mrs ms dr prof sen rep gov gen general lt lieutenant col colonel maj major capt captain
    cmdr commander adm admiral sgt sergeant cpl chief judge justice
    """.split()
)
#: Police ranks: they tie a name to its police force, but are not stripped from names.
POLICE_RANKS = frozenset({"insp", "inspector", "det", "detective", "supt", "superintendent"})
#: Titles, ranks and offices stripped from a person's name: "General Sadat" → "Sadat".
NAME_TITLES = COMMON_TITLES | frozenset(
    """
    miss sir dame lord lady senator governor pres president corporal pvt private brig brigadier
    marshal mullah mulla maulvi mawlawi maulana mufti sheikh shaikh imam haji hajji qari amir
    emir ayatollah hojatoleslam pastor father rev reverend bishop prince king queen minister
    secretary ambassador spokesman spokeswoman spokesperson
    """.split()
)
#: Titles between an organisation and a name that make the name a member ("Coast Guard
#: Lt. Steve Hardy"); also a feature of the affiliation model, trained on this set.
AFFILIATION_TITLES = COMMON_TITLES | POLICE_RANKS

# -- saying and reporting -----------------------------------------------------------------

#: Verbs of saying that every extractor reads as speech.
SAYING_VERBS = frozenset({"say", "tell", "add", "note", "state", "confirm"})
#: Verbs of publishing news: an organisation reports or quotes rather than speaks.
NEWS_VERBS = frozenset({"report", "announce", "quote"})
#: The verb of a speaker described by a bare role ("..., said X, a company official").
SPEECH_VERBS = SAYING_VERBS | {"explain"}
#: The affiliation model's "speech" kind of verb: wider than the rules' :data:`SPEECH_VERBS`
#: by the news verbs. The model's weights were trained on this set, so it stays as it is.
MODEL_SPEECH_VERBS = SPEECH_VERBS | NEWS_VERBS
#: Verbs by which one organisation reports on, or speaks to, another: no alliance.
REPORTING_VERBS = (
    SAYING_VERBS
    | NEWS_VERBS
    | {
        "claim",
        "share",
        "cite",
        "write",
        "according",
        "interview",
        "describe",
        "argue",
        "deny",
    }
)

# -- opposing sides -----------------------------------------------------------------------

#: Verbs that put the two sides of a pair against each other, for every relation.
HOSTILE_VERBS = frozenset(
    {
        "attack",
        "fight",
        "kill",
        "capture",
        "arrest",
        "defeat",
        "oppose",
        "accuse",
        "criticise",
        "criticize",
        "negotiate",
    }
)
#: The affiliation model's "opposing" kind of verb: a person on the other side of an
#: organisation, or only dealing with it (meets, visits, interviews it). Trained on this set.
MODEL_OPPOSING_VERBS = HOSTILE_VERBS | {
    "sue",
    "meet",
    "visit",
    "interview",
    "beat",
    "shoot",
    "charge",
    "investigate",
}
#: Words that make the path between two organisations hostile or neutral: never an alliance.
HOSTILE_CUES = HOSTILE_VERBS | {
    "clash",
    "battle",
    "target",
    "raid",
    "ambush",
    "against",
    "war",
    "negotiation",
    "talk",
    "talks",
    "deal",
    "accord",
    "agreement",
    "condemn",
    "blame",
    "sanction",
    "designate",
    "ban",
    "outlaw",
    "rival",
    "enemy",
    "adversary",
    "pursue",
    "restrain",
    "strike",
    "bomb",
    "detain",
    "expel",
    "regard",
    "denounce",
    "threaten",
    "violate",
    "versus",
}

# -- modality -------------------------------------------------------------------------------

#: Verbs that take back what they govern: "denies ties", "rejected claims that X attacked".
DENIAL_VERBS = frozenset({"deny", "reject", "dismiss", "refute"})
#: Modals that make a claim hypothetical: "could ally", "may join forces".
HYPOTHETICAL_AUX = frozenset({"could", "might", "may"})
#: Modals of an action that has not happened: the hypothetical ones, the future and the
#: possible ("will strike", "can attack"). Events read these, since an event must have
#: happened; alliances only the hypothetical ones, since "will cooperate" still states one.
IRREALIS_AUX = HYPOTHETICAL_AUX | {"will", "would", "should", "can"}
#: Verbs that link a subject to what it is: "X is part of Y", "X remains a member".
COPULAS = frozenset({"be", "become", "remain"})

# -- organisations ------------------------------------------------------------------------

#: Kinds of organisation (``data/organisations.toml``) that "the group" or "the movement"
#: usually stands for, and whose members join the events nearby.
GROUP_KINDS = frozenset({"armed_group", "party"})
#: "<leader>'s group": nouns that name the organisation a leader heads.
LEADER_GROUP_NOUNS = frozenset({"group", "organisation", "organization", "movement", "network"})
#: Nouns that end the names of organisations of every sort.
ORGANISATION_NOUNS = frozenset(
    """
    agency association authority commission committee council institute ministry office party
    service union unit
    """.split()
)
#: Nouns that an organisation name the NER cut short is widened to ("... postal
#: subcommittee"), and that a place name may start ("Massachusetts Department of Public
#: Health"). Bodies of administration only, unlike :data:`ORGANISATION_NAME_WORDS`: a
#: province before "Police" or "Army" keeps naming the province.
ORGANISATION_HEADS = ORGANISATION_NOUNS | {
    "subcommittee",
    "department",
    "bureau",
    "division",
    "directorate",
    "board",
}
#: Words that say an uncurated name is an organisation ("Haqqani Network"), so that it
#: may take part in an event; the NER also labels villages, people and weapons as ORG.
ORGANISATION_NAME_WORDS = ORGANISATION_NOUNS | {
    "network",
    "group",
    "front",
    "army",
    "movement",
    "brigade",
    "battalion",
    "regiment",
    "militia",
    "police",
    "force",
    "organisation",
    "organization",
    "alliance",
    "coalition",
    "company",
    "corps",
    "government",
    "administration",
    "court",
    "guard",
    "navy",
    "wing",
    "cell",
    "faction",
    "federation",
    "league",
    "university",
    "command",
}

# -- places -----------------------------------------------------------------------------------

#: Nouns after a name that make it a place, never an organisation: "Chimtal district".
PLACE_NOUNS_AFTER_NAME = frozenset({"district", "province", "village", "valley", "city", "town"})
#: Nouns that end a place name in "<Name> district", "<Name> camp" phrases (events). Wider
#: than :data:`PLACE_NOUNS_AFTER_NAME`: "department" or "state" also end organisation
#: names ("Defense Department"), which a place noun after a name must not turn into places.
#: Type words of units below a province: "Beni territory", "Chikun LGA", "Kani township".
SUBPROVINCE_NOUNS = frozenset(
    {"territory", "lga", "prefecture", "township", "municipality", "commune", "woreda"}
    | {"tehsil", "upazila", "raion", "rayon", "kebele", "subdistrict", "district", "county"}
)
PLACE_NOUNS = PLACE_NOUNS_AFTER_NAME | {
    "area",
    "county",
    "region",
    "governorate",
    "state",
    "department",
    "neighbourhood",
    "neighborhood",
    "camp",
}

# -- who does what to whom (:mod:`actorgraph.extractors.roles`) ---------------------------

#: Actions with two sides on an equal footing: "X clashed with Y", "X and Y are at war".
RECIPROCAL_ACTIONS = frozenset(
    """
    clash fight fighting battle war skirmish feud conflict rivalry gunfight firefight shootout
    gunbattle infighting hostility hostilities combat
    """.split()
)
#: Nouns that name one party by its relation to another: "a rival of X", "X's enemy Y".
RELATIONAL_NOUNS = frozenset(
    "rival archrival arch-rival enemy foe adversary opponent nemesis archenemy".split()
)
#: Nouns that name another party than the one they are said of: "the Taliban's allies" are
#: not the Taliban, so whatever happens to them does not happen to the Taliban.
OTHER_PARTY_NOUNS = RELATIONAL_NOUNS | frozenset(
    "ally allies partner backer sponsor patron proxy supporter".split()
)
#: Verbs whose object names the action their subject carries out: "launched an offensive",
#: "waged war", "carried out the attack", "claimed the bombing".
LIGHT_VERBS = frozenset(
    """
    launch wage carry conduct stage mount declare lead execute perpetrate commit unleash
    begin start continue resume intensify escalate step claim
    """.split()
)
#: Verbs that hand the action over to their subject: "vowed to fight", "continued fighting",
#: "denied attacking" (the denial is read separately, as modality).
CONTROL_VERBS = frozenset(
    "vow pledge threaten continue begin start try attempt seek resume keep decide deny".split()
)
#: Verbs that lay an action at someone's door: "blamed X for the attack", "the attack was
#: blamed on X", "accused X of attacking", "attributed the bombing to X".
ATTRIBUTION_VERBS = frozenset({"blame", "accuse", "suspect", "attribute", "hold"})
#: Where the one blamed stands under an attribution verb: "blamed X", "X was blamed",
#: "blamed on X", "attributed to X".
ATTRIBUTED_PREPS = frozenset({"on", "to"})
#: "claimed responsibility for the attack", "took credit for the bombing".
RESPONSIBILITY_NOUNS = frozenset({"responsibility", "credit"})
#: Words by which a fighter or unit belongs to a group: "fighters loyal to X".
MEMBERSHIP_LINKS = frozenset({"loyal", "affiliated", "linked", "belonging", "aligned"})
#: Prepositions that put a party beside the one who acts: "fought alongside X".
COMPANION_PREPS = frozenset({"alongside", "beside"})
#: Verbs whose "with" is a partner: "working with the army", "teamed up with X".
WORK_VERBS = frozenset({"work", "team", "partner", "cooperate", "collaborate", "liaise"})
#: "in a joint operation with Y", "during a combined raid with Y": Y shares the act.
JOINT_FRAMES = frozenset({"in", "during", "as", "from", "after"})
JOINT_WORDS = frozenset({"joint", "combined"})
#: Nouns that make a frame joint by themselves: "in coordination with Y", "in concert with
#: Y", "in tandem with Y", "in partnership with Y".
JOINT_NOUNS = frozenset(
    {"coordination", "concert", "tandem", "cooperation", "partnership", "collaboration"}
    | {"conjunction", "league", "alliance", "cahoots"}
)
#: Prepositions that put a party on the receiving end: "an attack on X", "a war against X".
PATIENT_PREPS = frozenset({"on", "upon", "against", "at", "targeting"})
#: Verbs of taking ground, whose "from X" is the side that loses it: "retook Mosul from X".
TAKING_VERBS = frozenset(
    """
    retake retook recapture capture seize take wrest liberate free oust dislodge drive clear
    """.split()
)
