"""Places a sentence names for another reason than the event it reports.

The reporters' place ("officials in Abuja said", "according to sources in Mogadishu"),
where attackers or rockets came from ("fired from southern Lebanon"), where the wounded
were taken ("to a hospital in Bamako"), and names the NER takes for dates ("in Turbat"):
:mod:`~actorgraph.extractors.events.places` ranks these after the event's own places and
does not let them set the scene.

>>> "ramadan" in CALENDAR_WORDS and "march" in CALENDAR_WORDS
True
"""

from __future__ import annotations

import calendar

from spacy.tokens import Span, Token

from actorgraph.extractors.lexicon import NEWS_VERBS, SPEECH_VERBS

#: Verbs that take people or things out of a place where the event is: "abducted from".
REMOVAL_VERBS = frozenset({"abduct", "kidnap", "seize", "snatch", "take", "rescue", "free"})
#: Verbs that move the wounded or the fleeing away after the event: "taken to a hospital
#: in", "fled to". Not "moved to a compound in", where forces go to do what is reported.
MOVING_VERBS = frozenset(
    {"take", "rush", "evacuate", "flee", "transfer", "bring", "carry", "airlift", "escape"}
)


def is_origin_or_destination(span: Span) -> bool:
    """Where the attackers or the rockets came from, or where the wounded went: "rockets
    fired from southern Lebanon", "fighters who came from bases in the North-West",
    "labourers from Punjab", "taken to a hospital in Bamako", "fled to Mae Sot". Not
    "abducted from a school in Kankara": the event took people out of that place.
    """
    node = span.root
    for ancestor in node.ancestors:
        if ancestor.dep_ == "prep" or ancestor.pos_ == "ADP":
            word = ancestor.lower_
            verb = ancestor.head.lemma_.lower()
            if word == "from":
                return verb not in REMOVAL_VERBS
            if word in ("to", "towards", "into") and verb in MOVING_VERBS:
                return True
        if ancestor.pos_ in ("VERB", "AUX"):
            return False
        node = ancestor
    return False


#: Words that introduce who reports: "according to officials in Kabul".
ATTRIBUTION_WORDS = frozenset({"according", "accord"})


def describes_a_speaker(span: Span) -> bool:
    """The place of whoever reports the news, not of the news: "officials in Abuja said",
    "police in Kabul told reporters", "according to sources in Mogadishu".

    A capital or a province seat is where officials speak from; the event is elsewhere
    unless the text says nothing else.
    """
    node = span.root
    for ancestor in node.ancestors:
        lemma = ancestor.lemma_.lower()
        if lemma in ATTRIBUTION_WORDS or ancestor.lower_ in ATTRIBUTION_WORDS:
            return True
        if lemma in SPEECH_VERBS | NEWS_VERBS:
            return node.dep_ in ("nsubj", "nsubjpass")
        if ancestor.pos_ in ("VERB", "AUX"):
            return False
        node = ancestor
    return False


def mistaken_for_a_date(token: Token) -> bool:
    """A capitalised name the NER took for a date or time ("in Turbat" as a DATE): no
    month, weekday or season, no number in the entity."""
    if token.ent_type_ not in ("DATE", "TIME") or not token.is_title:
        return False
    entity = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    if entity is None or any(t.like_num for t in entity):
        return False
    return all(t.lower_ not in CALENDAR_WORDS for t in entity)


#: Words of dates: months, weekdays and their abbreviations, seasons, feasts.
CALENDAR_WORDS = frozenset(
    {m.lower() for m in (*calendar.month_name, *calendar.month_abbr) if m}
    | {d.lower() for d in (*calendar.day_name, *calendar.day_abbr)}
    | {"sept", "spring", "summer", "autumn", "fall", "winter", "ramadan", "eid", "christmas"}
    | {"easter", "today", "yesterday", "tomorrow", "tonight", "overnight", "dawn", "dusk"}
)
