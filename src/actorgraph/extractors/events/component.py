"""Events: what happened, where (``locatedIn`` a province) and who took part (``involves``).

Triggers are nouns and verbs mapped to ontology kinds (airstrike, bombing / IED,
attack / ambush, killing, capture / arrest / detention, clash / gunfight, kidnapping,
raid / operation, protest). Triggers joined in the parse ("killed five villagers in
a raid") make one event whose kind is the most specific one; coordinated actions
("killed two and detained three") stay separate events.

The place of an event is the province nearest to its trigger in the same sentence:
a province named outright ("in Paktika province") or one reached through a district,
city or village in the gazetteer ("a bombing in Jalalabad" → Nangarhar). Datelines
("KABUL, Afghanistan —") are never event places. An event whose sentence names no place
takes the scene set just before; a later "The attack took place in Hiraan region" or
"The incident occurred in ..." places the event it refers back to; and in a short report
(a headline, a database entry) that names one province only, directly or through its
places, every event is placed there — also from a topic label ("Guanajuato: ...").

Negative cases: planned, threatened, denied or hypothetical actions ("planning
attacks", "reserves the right to attack", "could strike") are not events.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from actorgraph.extractors.events.items import EventMention
from actorgraph.extractors.events.participants import attach_group_mentions, participants
from actorgraph.extractors.events.places import (
    INHERITED_PLACE_CONFIDENCE,
    PlaceCandidate,
    PlaceFinder,
    Scene,
    article_provinces,
    locate_earlier_event,
    nearest_place,
    place_event,
    report_place,
    says_where_it_happened,
)
from actorgraph.extractors.events.triggers import (
    is_headline,
    refers_back,
    reports_one_event,
    trigger_clusters,
    trigger_kind,
    trigger_rank,
)
from actorgraph.extractors.mentions import Mention, register_extensions, sentence_mentions
from actorgraph.gazetteers.places import Gazetteer, load_gazetteer
from actorgraph.ontology import EventKind


@Language.factory("actorgraph_events")
def make_event_extractor(nlp: Language, name: str) -> EventExtractor:
    """Find events, the province each took place in, and who took part."""
    register_extensions()
    return EventExtractor(load_gazetteer())


class EventExtractor:
    def __init__(self, gazetteer: Gazetteer) -> None:
        self.places = PlaceFinder(gazetteer)

    def __call__(self, doc: Doc) -> Doc:
        by_sentence = sentence_mentions(doc)
        country = self.places.country_hint(doc)
        sentences = list(doc.sents)
        named = article_provinces(by_sentence.values())
        countries = self.places.named_countries(doc)
        places_of = [
            self.places.place_candidates(s, by_sentence.get(s.start, []), country, named, countries)
            for s in sentences
        ]
        label = self.places.label_place(sentences[0], country) if sentences else None
        whole = report_place(sentences, places_of, label)
        events: list[EventMention] = []
        scene = Scene()
        for sentence, places in zip(sentences, places_of, strict=True):
            mentions = by_sentence.get(sentence.start, [])
            scene.next_sentence(sentence, places)
            clusters = trigger_clusters(sentence)
            for cluster in clusters:
                if events and refers_back(cluster):
                    locate_earlier_event(events[-1], places, cluster)
                    continue
                event = self.event_for(cluster, sentence, mentions, places, scene, whole)
                if event is not None:
                    events.append(event)
                    scene.event_placed(event)
            if not clusters and events and places and says_where_it_happened(sentence):
                locate_earlier_event(events[-1], places, [sentence.root])
        if whole is not None and not any(e.province is not None for e in events):
            events += report_event(doc, whole)
        events = drop_headline_repeats(events)
        attach_group_mentions(events, doc, by_sentence)
        doc._.ag_events = events
        return doc

    def event_for(
        self,
        cluster: list[Token],
        sentence: Span,
        mentions: list[Mention],
        places: list[PlaceCandidate],
        scene: Scene,
        whole: PlaceCandidate | None = None,
    ) -> EventMention | None:
        kind = max((trigger_kind(t) for t in cluster), key=lambda pair: pair[1])[0]
        event = EventMention(triggers=cluster, kind=kind, sentence=sentence)
        own = nearest_place(places, cluster) if places else None
        inherited = (
            scene.place if not is_headline(sentence) and reports_one_event(cluster) else None
        )
        if own is not None and not (inherited and scene.overrides(own, cluster)):
            place_event(event, own)
        elif inherited is not None:
            place_event(event, inherited, INHERITED_PLACE_CONFIDENCE)
        elif whole is not None:
            place_event(event, whole, INHERITED_PLACE_CONFIDENCE)
        event.participants = participants(cluster, sentence, mentions)
        if event.province is None and not event.participants:
            return None
        if event.province is None and max(trigger_rank(t) for t in cluster) == 0:
            return None
        return event


#: Words of harm and violence that make a short report an incident report, though no
#: trigger of a kind of event reads it ("casualties among the forces in Idlib", "two young
#: people killed in Al-Quneitra" when the parse breaks).
HARM_WORDS = frozenset(
    {"casualty", "fatality", "dead", "death", "die", "killed", "kill", "wound", "wounded"}
    | {"injure", "injured", "injury", "martyr", "body", "bodies", "toll", "violence"}
    | {"fighting", "clash", "clashes", "shelling", "landmine", "ordnance", "explosion"}
)


def report_event(doc: Doc, whole: PlaceCandidate) -> list[EventMention]:
    """The one event of a short incident report that names one province and words of harm,
    when no trigger made an event of it: "Tank damage and casualties among the regular
    forces in Idlib". Its kind is just ``Event``; its place the report's."""
    harm = next(
        (t for t in doc if t.lemma_.lower() in HARM_WORDS or t.lower_ in HARM_WORDS), None
    )
    if harm is None:
        return []
    event = EventMention(triggers=[harm], kind=EventKind.EVENT, sentence=harm.sent)
    place_event(event, whole, INHERITED_PLACE_CONFIDENCE)
    return [event]


def drop_headline_repeats(events: list[EventMention]) -> list[EventMention]:
    """A headline event that the body reports again is the same event: keep the body's."""
    body = [e for e in events if not is_headline(e.sentence)]
    kept = []
    for event in events:
        if is_headline(event.sentence) and any(_same_report(event, other) for other in body):
            continue
        kept.append(event)
    return kept


def _same_report(headline: EventMention, body: EventMention) -> bool:
    if headline.province is not None and body.province is not None:
        return headline.province.code == body.province.code
    return headline.kind is body.kind
