"""The words affiliatedWith reads.

Role nouns, membership and link verbs, and the dependencies they attach by. The titles
and speech verbs it shares with other extractors are in :mod:`actorgraph.extractors.lexicon`.
"""

from __future__ import annotations

#: Nouns for a person's place in an organisation: member, leader, spokesman, officer ...
ROLE_NOUNS = frozenset(
    """
    member members leader leaders chief head founder cofounder co-founder commander commanders
    spokesman spokeswoman spokesperson spokesmen official officials officer officers general
    colonel lieutenant captain major sergeant admiral marshal brigadier soldier soldiers fighter
    fighters militant militants negotiator negotiators envoy representative delegate minister
    secretary secretary-general director chairman chairwoman chair president vice-president
    executive ceo employee employees staffer staff fellow researcher professor lecturer
    scientist analyst economist lawyer attorney counsel adviser advisor aide deputy governor
    ambassador diplomat emir amir mufti ideologue operative operatives facilitator financier
    recruiter trainer bomber sniper cleric correspondent reporter editor journalist producer
    columnist photographer worker manager partner owner agent investigator inspector policeman
    senator congressman congresswoman lawmaker legislator coordinator organiser organizer
    strategist insider loyalist veteran trustee president-elect premier administrator
    commandant chaplain guard guards bodyguard associate pilot trader engineer doctor nurse
    teacher actor actress star anchor host coach player judge magistrate prosecutor detective
    sheriff mayor councillor councilman activist candidate nominee publisher writer author
    physician surgeon superintendent commissioner chancellor rector dean provost consultant
    clerk treasurer auditor accountant banker broker technician specialist expert mechanic
    sailor marine airman crewman guerrilla guerrillas rebel rebels insurgent insurgents
    jihadist volunteer recruit cadre emissary mediator liaison controller architect designer
    lobbyist assistant solicitor comptroller undersecretary under-secretary co-chairman
    vice-chairman cochairman anchorman anchorwoman newsman broadcaster commentator scholar
    historian physicist chemist biologist ecologist geologist astronomer linguist
    anthropologist archaeologist psychologist sociologist mathematician epidemiologist
    meteorologist chieftain warlord militiaman deputy-director
    """.split()
)
#: Halves of a role whose other half CoNLL04's text drops ("vice for development at X" for
#: "vice president"; "the prime" for "the prime minister"): roles on their own there.
ROLE_HALVES = frozenset({"vice", "prime"})


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
LINK_VERBS = frozenset(
    {
        "be",
        "serve",
        "work",
        "act",
        "remain",
        "become",
        "name",
        "appoint",
        "elect",
        "promote",
        "nominate",
        "make",
    }
)


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


#: Verbs of a job done for an organisation, which say membership only with the preposition
#: given: "X taught at Harvard", "X has covered education for the AP", "X plays for ORG"
#: (not "X wrote to ORG", "X reported the attack to ORG").
WORK_VERB_PREPS: dict[str, frozenset[str]] = {
    "teach": frozenset({"at"}),
    "lecture": frozenset({"at"}),
    "write": frozenset({"for"}),
    "report": frozenset({"for"}),
    "cover": frozenset({"for"}),
    "play": frozenset({"for"}),
    "fly": frozenset({"for"}),
    "operate": frozenset({"for"}),
}


#: Of those, the verbs whose object is the subject matter of the job, so that the
#: preposition may follow it: "covered education for the AP", "taught law at Yale" (not
#: "wrote a letter for ORG").
SUBJECT_MATTER_VERBS = frozenset({"teach", "lecture", "cover"})


#: Verbs that give their object a role: "Knight-Ridder named X publisher of ORG".
APPOINTING_VERBS = frozenset({"name", "appoint", "elect", "make", "promote", "nominate"})


#: Endings of agent nouns ("shearer", "columnist", "operator", "physician"): in apposition
#: to a name and followed by "for", "at" or "with" an organisation, they name a job there.
AGENT_NOUN_ENDINGS = ("er", "or", "ist", "ian")
#: The prepositions after an agent noun that say where its job is (never "of": "a critic
#: of ORG", "a resident of ORG", "a supporter of ORG").
AGENT_PREPS = frozenset({"for", "at", "with"})


SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


#: Verbs by which a person leaves an organisation: "who deserted the group", "defected from".
LEAVING_VERBS = frozenset(
    "leave quit desert defect resign surrender expel dismiss sack fire oust split".split()
)
