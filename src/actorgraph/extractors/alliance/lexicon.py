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
    ]
)


#: Where the speaker or the listener of a reporting verb sits: "X said", "told X", "by X".
SPEAKER_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "agent"})


#: Words that keep a "fight" cooperative: "fought alongside", "fighting together".
COOPERATIVE_MODIFIERS = frozenset({"alongside", "together", "jointly"})


DENIAL_VERBS = frozenset({"deny", "reject", "dismiss", "refute"})


MODIFIER_DEPS = frozenset(
    {"amod", "advmod", "prep", "compound", "acomp", "npadvmod", "dobj", "prt"}
)


#: Kinds of organisation that make up a state: their units are parts, not allies.
STATE_KINDS = frozenset({"state_force", "police", "government", "ministry", "agency"})
