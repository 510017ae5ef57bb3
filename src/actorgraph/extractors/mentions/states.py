"""Countries that act as sponsors: "backed by Rwanda", "the Rwandan-backed M23".

A country name is a place (see the spec), except where the text makes the country an
actor in its own right. Only the sponsor shapes are read here, because they are both
common in conflict news and unambiguous: the country is the agent of a backing verb
("X, backed by the United Arab Emirates", "X is funded by Iran"), or it is the first half
of a hyphenated backing word ("Rwandan-backed", "Iran-funded"). The mention is an
organisation named as news names the country ("Rwanda" for "Rwandan"), so the same
sponsor in another article is the same node. Every other country mention stays a place.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Span

from actorgraph.gazetteers.places import Gazetteer

#: Verbs of sponsorship, by lemma: "backed", "funded", "armed", "supported", "trained".
SPONSOR_VERBS = frozenset({"back", "fund", "finance", "sponsor", "arm", "support", "train"})
#: Their participles as written after a hyphen ("Iran-backed"): the tagger may not lemmatise.
SPONSOR_PARTICIPLES = frozenset(
    {"backed", "funded", "financed", "sponsored", "armed", "supported", "trained"}
    | {"aligned", "allied"}
)


def split_sponsor_prefix(ent: Span) -> list[Span]:
    """ "Turkish-backed Syrian National Army" as one name: the sponsor ("Turkish", as a
    nationality) and the organisation it backs, apart.

    >>> import spacy
    >>> doc = spacy.blank("en")("the Turkish-backed Syrian National Army")
    >>> [(s.text, s.label_) for s in split_sponsor_prefix(doc[1:7])]
    [('Turkish', 'NORP'), ('Syrian National Army', 'ORG')]
    """
    if len(ent) < 4 or ent[1].text != "-" or ent[2].lower_ not in SPONSOR_PARTICIPLES:
        return [ent]
    if not ent[0].text[:1].isupper() or ent[0].whitespace_ or ent[1].whitespace_:
        return [ent]
    doc = ent.doc
    return [Span(doc, ent.start, ent.start + 1, "NORP"), Span(doc, ent.start + 3, ent.end, "ORG")]


#: The kind the mentions carry: a state, not a group (never "the group" of an anaphor).
STATE_KIND = "state"


def sponsoring_states(
    doc: Doc, gazetteer: Gazetteer, taken: set[int], ents: Iterable[Span] | None = None
) -> list[tuple[Span, str]]:
    """(span, country name) for every country the text makes a sponsor; ``taken`` holds the
    token indices already in a mention, ``ents`` the names to look at (``doc.ents`` by
    default). "M23 rebels, backed by Rwanda, took Sake" gives Rwanda; "fighting in
    Rwanda" gives nothing.
    """
    found = []
    for ent in doc.ents if ents is None else ents:
        if ent.label_ not in ("GPE", "NORP") or any(t.i in taken for t in ent):
            continue
        code = gazetteer.country_code(ent.text)
        if code is None or not (_is_agent_of_backing(ent) or _before_backed(ent)):
            continue
        span = ent[1:] if ent[0].lower_ == "the" and len(ent) > 1 else ent
        written = ent.label_ == "GPE" and gazetteer.country_code(span.text) == code
        found.append((span, span.text if written else gazetteer.country_name(code)))
    return found


def _is_agent_of_backing(ent: Span) -> bool:
    """ "backed by Rwanda", "is funded by Iran" (the name is a country, not a people)."""
    root = ent.root
    return (
        ent.label_ == "GPE"
        and root.dep_ == "pobj"
        and root.head.lower_ == "by"
        and root.head.head.lemma_.lower() in SPONSOR_VERBS
    )


def _before_backed(ent: Span) -> bool:
    """ "Rwandan-backed M23", "Iran-funded Houthi rebels": a hyphen and a backing
    participle follow, and what they describe is named. "The Rwandan-backed group" is
    left alone: which group is meant is a guess, and a wrong guess makes a false ally."""
    doc = ent.doc
    end = ent.end
    if end + 1 >= len(doc) or doc[end].text != "-" or doc[end].whitespace_:
        return False
    participle = doc[end + 1]
    if participle.lower_ not in SPONSOR_PARTICIPLES or ent[-1].whitespace_:
        return False
    described = participle.head if participle.head.i != participle.i else participle
    # "the Islamic Resistance in Iraq, an Iran-aligned alliance": the noun renames a name
    renames_a_name = described.dep_ == "appos" and described.head.pos_ == "PROPN"
    return (
        described.pos_ == "PROPN"
        or renames_a_name
        or any(child.pos_ == "PROPN" and child.dep_ == "compound" for child in described.children)
    )
