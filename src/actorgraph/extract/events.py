"""Events: what happened, where (``locatedIn`` a province) and who took part (``involves``).

Triggers are nouns and verbs mapped to ontology kinds (airstrike, bombing / IED,
attack / ambush, killing, capture / arrest / detention, clash / gunfight, kidnapping,
raid / operation, protest). Triggers joined in the parse ("killed five villagers in
a raid") make one event whose kind is the most specific one; coordinated actions
("killed two and detained three") stay separate events.

The place of an event is the province nearest to its trigger in the same sentence:
a province named outright ("in Paktika province") or one reached through a district,
city or village in the gazetteer ("a bombing in Jalalabad" → Nangarhar). Datelines
("KABUL, Afghanistan —") are never event places.

Negative cases: planned, threatened, denied or hypothetical actions ("planning
attacks", "reserves the right to attack", "could strike") are not events.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from actorgraph.extract.mentions import GROUP_KINDS, Mention, register_extensions, sentence_mentions
from actorgraph.nlp.places import Gazetteer, Province, load_gazetteer
from actorgraph.ontology import EntityType, EventKind

#: lemma → (kind, rank); among joined triggers the highest rank names the event.
TRIGGERS: dict[str, tuple[EventKind, int]] = {
    **dict.fromkeys(
        ["airstrike", "air-strike", "bombardment", "airstrikes"], (EventKind.AIRSTRIKE, 9)
    ),
    **dict.fromkeys(
        ["bombing", "bomb", "ied", "explosion", "blast", "explode", "detonate", "bomber"],
        (EventKind.BOMBING, 8),
    ),
    **dict.fromkeys(
        ["kidnap", "kidnapping", "abduct", "abduction", "kidnapped", "abducted"],
        (EventKind.KIDNAPPING, 7),
    ),
    **dict.fromkeys(["raid", "incursion"], (EventKind.RAID, 6)),
    **dict.fromkeys(
        [
            "clash",
            "gunfight",
            "firefight",
            "battle",
            "skirmish",
            "shootout",
            "gunbattle",
            "engage",
            "fight",
        ],
        (EventKind.CLASH, 5),
    ),
    **dict.fromkeys(
        ["attack", "ambush", "assault", "shelling", "shell", "shooting", "offensive", "storm"],
        (EventKind.ATTACK, 4),
    ),
    **dict.fromkeys(
        ["capture", "arrest", "detain", "detention", "apprehend", "seize"], (EventKind.CAPTURE, 3)
    ),
    **dict.fromkeys(
        ["kill", "killing", "assassinate", "assassination", "execute", "behead", "murder"],
        (EventKind.KILLING, 2),
    ),
    **dict.fromkeys(["protest", "demonstration"], (EventKind.PROTEST, 1)),
    "operation": (EventKind.RAID, 0),
}
AIR_WORDS = frozenset(
    {
        "drone",
        "air",
        "aerial",
        "missile",
        "warplane",
        "jet",
        "aircraft",
        "helicopter",
        "plane",
        "airstrike",
    }
)
BOMB_WORDS = frozenset(
    {"bomb", "ied", "explosive", "car", "roadside", "suicide", "mine", "grenade"}
)
#: Actions governed by these words did not (yet) happen.
#: Actions governed by these words did not (yet) happen, or are a person's background
#: ("planning attacks", "responsible for IED attacks", "linked to the bombing").
BACKGROUND_GOVERNORS = frozenset(
    """
    plan prepare plot threaten vow intend want seek aim warn prevent avoid stop right reserve
    continue promise threat capability responsible deny foil thwart involve link connect
    associate suspect accuse blame facilitate coordinate direct orchestrate mastermind organise
    organize
    """.split()
)
GOVERNOR_STEPS = 4
#: Clause edges that events are not joined across, and that mark a description of a noun.
CLAUSE_EDGES = frozenset({"acl", "relcl", "ccomp", "csubj"})
IRREALIS_AUX = frozenset({"could", "might", "may", "will", "would", "should", "can"})
#: "seize" counts only for people: "seized weapons" is no capture.
PEOPLE_OBJECT_ONLY = frozenset({"seize", "capture", "execute"})
DATELINE_SEPARATORS = frozenset({"—", "–", "--", "-", ":", ")"})
DATELINE_MAX_TOKENS = 16
PLACE_NOUNS = frozenset(
    {
        "district",
        "village",
        "town",
        "city",
        "area",
        "valley",
        "county",
        "region",
        "province",
        "governorate",
        "state",
        "department",
        "neighbourhood",
        "neighborhood",
        "camp",
    }
)

EXPLICIT_PROVINCE_CONFIDENCE = 0.9
#: An event with no place in its sentence happened where the text last set the scene.
INHERITED_PLACE_CONFIDENCE = 0.6
FRAME_SENTENCES = 3
#: Pieces of place names that are no words of their own: "Nahr-e-Seraj", "Qal'ah-ye Zal".
NAME_CONNECTORS = frozenset({"-", "e", "i", "ye", "al", "el", "wa"})
DURATION_NOUNS = frozenset({"year", "decade", "month", "week", "day"})
SEQUENCE_PREPS = frozenset({"after", "before", "following", "since", "ahead"})
DEFINITE_DETERMINERS = frozenset({"the", "this", "that", "these", "those"})
#: How many tokens after a district a stated province may follow ("X district, Y province").
STATED_PROVINCE_WINDOW = 6
GAZETTEER_PLACE_CONFIDENCE = 0.75
CLAUSE_PARTICIPANT_CONFIDENCE = 0.75
SENTENCE_PARTICIPANT_CONFIDENCE = 0.6
DISCOURSE_PARTICIPANT_CONFIDENCE = 0.45
ORGANISATION_HEAD_WORDS = frozenset(
    """
    network group front army party movement brigade battalion regiment militia council
    committee ministry police force service agency organisation organization union alliance
    coalition company corps commission government administration authority office court
    guard navy unit wing cell faction association federation league institute university
    """.split()
)


@dataclass(eq=False, slots=True)
class EventMention:
    """An event read off one sentence, with its place and participants."""

    triggers: list[Token]
    kind: EventKind
    sentence: Span
    province: Province | None = None
    location_confidence: float = 0.0
    participants: list[Participant] = field(default_factory=list)
    date: str | None = None

    @property
    def trigger(self) -> Token:
        return max(self.triggers, key=lambda token: _trigger_rank(token))


@Language.factory("actorgraph_events")
def make_event_extractor(nlp: Language, name: str) -> EventExtractor:
    """Find events, the province each took place in, and who took part."""
    register_extensions()
    return EventExtractor(load_gazetteer())


class EventExtractor:
    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    def __call__(self, doc: Doc) -> Doc:
        by_sentence = sentence_mentions(doc)
        country = self.country_hint(doc)
        events: list[EventMention] = []
        scene = Scene()
        for sentence in doc.sents:
            mentions = by_sentence.get(sentence.start, [])
            places = self.place_candidates(sentence, mentions, country)
            scene.next_sentence(sentence, places)
            for cluster in trigger_clusters(sentence):
                if events and refers_back(cluster):
                    continue
                event = self.event_for(cluster, sentence, mentions, places, scene)
                if event is not None:
                    events.append(event)
                    scene.event_placed(event)
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
    ) -> EventMention | None:
        kind = max((_trigger_kind(t) for t in cluster), key=lambda pair: pair[1])[0]
        event = EventMention(triggers=cluster, kind=kind, sentence=sentence)
        own = nearest_place(places, cluster) if places else None
        inherited = (
            scene.place if not is_headline(sentence) and reports_one_event(cluster) else None
        )
        if own is not None and not (inherited and scene.overrides(own)):
            place_event(event, own)
        elif inherited is not None:
            place_event(event, inherited, INHERITED_PLACE_CONFIDENCE)
        event.participants = participants(cluster, sentence, mentions)
        if event.province is None and not event.participants:
            return None
        if event.province is None and max(_trigger_rank(t) for t in cluster) == 0:
            return None
        return event

    def place_candidates(
        self, sentence: Span, mentions: list[Mention], country: str | None
    ) -> list[PlaceCandidate]:
        """Provinces named in the sentence, and places the gazetteer puts in a province.

        Places inside a description of a person ("a leader who operates in X district")
        count only when the sentence names no other place.
        """
        skip_until = dateline_end(sentence)
        explicit = [
            PlaceCandidate(m.span, province, EXPLICIT_PROVINCE_CONFIDENCE)
            for m in mentions
            if m.type is EntityType.PROVINCE and m.span.start >= skip_until
            for province in [self.province_of(m, country)]
            if province is not None
        ]
        found = []
        for span in place_spans(sentence, skip_until):
            if any(m.span.start <= span.start < m.span.end for m in mentions):
                continue
            if any(0 <= c.span.start - span.end <= STATED_PROVINCE_WINDOW for c in explicit):
                # "Khas district, Uruzgan province": the text states the province itself.
                continue
            matches = self.gazetteer.find_place(span.text, country)
            if matches:
                best = matches[0]
                found.append(
                    PlaceCandidate(
                        span,
                        best.province,
                        GAZETTEER_PLACE_CONFIDENCE,
                        is_district=best.kind == "district",
                    )
                )
        candidates = sorted(explicit + found, key=lambda c: c.span.start)
        direct = [c for c in candidates if not describes_a_person(c.span)]
        return direct or candidates

    def province_of(self, mention: Mention, country: str | None) -> Province | None:
        if mention.iso3166_2:
            try:
                province = self.gazetteer.province(mention.iso3166_2)
            except KeyError:
                province = None
            if province is not None and (country is None or province.country == country):
                return province
        found = self.gazetteer.find_provinces(mention.span.text, country)
        return found[0] if found else None

    def country_hint(self, doc: Doc) -> str | None:
        """The country the article is about: its dateline first, then the countries it names."""
        votes: Counter[str] = Counter()
        for sentence in list(doc.sents)[:3]:
            end = dateline_end(sentence)
            for token in sentence.doc[sentence.start : end]:
                code = (
                    self.gazetteer.country_code(token.text)
                    if token.is_title or token.is_upper
                    else None
                )
                if code:
                    votes[code] += 3
        for ent in doc.ents:
            if ent.label_ in ("GPE", "NORP"):
                code = self.gazetteer.country_code(ent.text)
                if code:
                    votes[code] += 1
            elif ent.label_ == "PROVINCE" and ent.ent_id_:
                votes[ent.ent_id_.split("-")[0]] += 1
        return votes.most_common(1)[0][0] if votes else None


class Scene:
    """Where the story is: the place of the last located event, or of an "In X, ..." opening.

    An event whose sentence names no place happened there; so did one whose only place
    is a village the gazetteer puts in another province, within a few sentences of a
    province the text stated. Places mentioned in passing do not move the scene.
    """

    def __init__(self) -> None:
        self.setting: PlaceCandidate | None = None
        self.age = 0

    @property
    def place(self) -> PlaceCandidate | None:
        return self.setting if self.age <= FRAME_SENTENCES else None

    def next_sentence(self, sentence: Span, places: list[PlaceCandidate]) -> None:
        self.age += 1
        setting = [p for p in places if _opens_sentence(p.span, sentence) or _in_main_story(p.span)]
        if setting:
            self.setting, self.age = setting_of(setting), 0

    def event_placed(self, event: EventMention) -> None:
        if event.province is not None and event.location_confidence > INHERITED_PLACE_CONFIDENCE:
            self.setting = PlaceCandidate(event.sentence, event.province, event.location_confidence)
            self.age = 0

    def overrides(self, own: PlaceCandidate) -> bool:
        """A stated province nearby beats a village the gazetteer puts elsewhere."""
        scene = self.place
        return (
            scene is not None
            and scene.confidence >= EXPLICIT_PROVINCE_CONFIDENCE
            and own.confidence < EXPLICIT_PROVINCE_CONFIDENCE
            and not own.is_district
            and own.province.code != scene.province.code
        )


def _in_main_story(span: Span) -> bool:
    """A place of what the sentence reports, not of a background or a description."""
    node = span.root
    for ancestor in node.ancestors:
        if node.dep_ in CLAUSE_EDGES or ancestor.lemma_.lower() in BACKGROUND_GOVERNORS:
            return False
        node = ancestor
    return not describes_a_person(span)


def _opens_sentence(span: Span, sentence: Span) -> bool:
    """ "In Sangin district, ...", "Also in Helmand yesterday, ...": a scene-setting opening."""
    words = [t for t in sentence[: span.start - sentence.start] if not t.is_space]
    return len(words) <= 3 and any(t.lower_ in ("in", "near", "at") for t in words)


@dataclass(frozen=True, slots=True)
class PlaceCandidate:
    """A place named in a sentence and the province it lies in."""

    span: Span
    province: Province
    confidence: float
    is_district: bool = False


def _anchor(cluster: list[Token]) -> Token:
    return min(cluster, key=lambda t: len(list(t.ancestors)))


def refers_back(cluster: list[Token]) -> bool:
    """ "the strike", "this operation": a definite mention of an event already reported."""
    anchor = _anchor(cluster)
    return anchor.pos_ == "NOUN" and any(
        c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS for c in anchor.children
    )


def reports_one_event(cluster: list[Token]) -> bool:
    """A verb or a singular noun: not "attacks on villages", which are many and unplaced."""
    anchor = _anchor(cluster)
    return anchor.pos_ != "NOUN" or anchor.tag_ != "NNS"


def nearest_place(places: list[PlaceCandidate], triggers: list[Token]) -> PlaceCandidate:
    """The place closest to the event's words; a stated province wins a tie."""
    return min(
        places, key=lambda c: (min(abs(c.span.root.i - t.i) for t in triggers), -c.confidence)
    )


def setting_of(places: list[PlaceCandidate]) -> PlaceCandidate:
    """Where a sentence sets the scene for the next ones: its first stated province, else place."""
    return max(places, key=lambda c: c.confidence)


def place_event(
    event: EventMention, place: PlaceCandidate, confidence: float | None = None
) -> None:
    event.province = place.province
    event.location_confidence = confidence if confidence is not None else place.confidence


def is_headline(sentence: Span) -> bool:
    """The article's first line when it has no final full stop: a headline, not a sentence."""
    doc = sentence.doc
    words = [t for t in sentence if not t.is_space]
    first = next((t for t in doc if not t.is_space), None)
    if not words or first is None or words[0].i != first.i:
        return False
    last = words[-1]
    end = last.idx + len(last.text)
    followed_by_break = last.i == len(doc) - 1 or "\n" in doc.text[end : end + 4]
    return followed_by_break and last.text not in (".", "!", "?", '"', "”")


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


def _trigger_kind(token: Token) -> tuple[EventKind, int]:
    word = token.lemma_.lower()
    if word == "strike" or token.lower_ in ("strike", "strikes", "struck"):
        related = {t.lemma_.lower() for t in token.children} | {t.lower_ for t in token.children}
        if token.pos_ == "VERB":
            related |= {
                t.lemma_.lower() for c in token.children if c.dep_ == "nsubj" for t in c.subtree
            }
        if related & AIR_WORDS:
            return EventKind.AIRSTRIKE, 9
        if related & BOMB_WORDS:
            return EventKind.BOMBING, 8
        return EventKind.ATTACK, 4
    if word not in TRIGGERS and token.lower_ in TRIGGERS:
        word = token.lower_
    return TRIGGERS[word]


def _trigger_rank(token: Token) -> int:
    return _trigger_kind(token)[1]


def is_trigger(token: Token) -> bool:
    if token.pos_ not in ("NOUN", "VERB", "PROPN"):
        return False
    word = token.lemma_.lower()
    if word not in TRIGGERS and token.lower_ not in TRIGGERS and word != "strike":
        return False
    if word in PEOPLE_OBJECT_ONLY and token.pos_ == "VERB" and not _has_human_object(token):
        return False
    if token.pos_ == "NOUN" and (_is_modifier_noun(token) or _is_habitual_plural(token)):
        return False
    return not _is_background(token)


def _is_modifier_noun(token: Token) -> bool:
    """ "attack cells", "bomb-making material": the trigger word only describes another noun."""
    return token.dep_ == "compound" and not is_trigger_word(token.head)


def _is_habitual_plural(token: Token) -> bool:
    """ "attacks on villages", "IED attacks against forces": many events, none in particular."""
    if token.tag_ != "NNS":
        return False
    return not any(c.dep_ in ("det", "nummod", "poss") for c in token.children)


def is_trigger_word(token: Token) -> bool:
    return token.lemma_.lower() in TRIGGERS or token.lower_ in TRIGGERS


def _has_human_object(token: Token) -> bool:
    objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    return not objects or any(
        o.ent_type_ in ("PERSON", "ORG", "NORP") or o.lemma_.lower() in HUMAN_NOUNS for o in objects
    )


HUMAN_NOUNS = frozenset(
    {
        "insurgent",
        "militant",
        "fighter",
        "leader",
        "commander",
        "member",
        "suspect",
        "man",
        "men",
        "people",
        "soldier",
        "officer",
        "civilian",
        "facilitator",
        "individual",
        "person",
        "terrorist",
    }
)


def _is_background(token: Token) -> bool:
    """Negated, hypothetical, planned, or part of a description of someone's past."""
    if any(c.dep_ == "neg" for c in token.children):
        return True
    if token.pos_ == "VERB" and any(
        c.dep_ == "aux" and (c.lower_ in IRREALIS_AUX or c.tag_ == "TO") for c in token.children
    ):
        return True  # "could attack", "an operation to capture a leader"
    if token.pos_ == "VERB" and _lasts(token):
        return True  # "has fought the jihadists since 2015": a state of affairs, not an event
    node = token
    for steps, ancestor in enumerate(token.ancestors):
        if steps < GOVERNOR_STEPS and ancestor.lemma_.lower() in BACKGROUND_GOVERNORS:
            return True
        if node.dep_ in ("acl", "relcl") and _is_person_noun(ancestor):
            # "a leader who planned attacks", "a facilitator suspected of the bombing"
            return True
        node = ancestor
    return False


def _lasts(verb: Token) -> bool:
    """ "since 2015", "for years": the clause describes something ongoing."""
    for child in verb.children:
        if child.dep_ != "prep":
            continue
        if child.lower_ == "since":
            return True
        if child.lower_ == "for" and any(
            t.ent_type_ == "DATE" or t.lemma_ in DURATION_NOUNS for t in child.subtree
        ):
            return True
    return False


def describes_a_person(span: Span) -> bool:
    """ "a leader who operates in Spin Boldak district", "the shadow governor for Logar"."""
    node = span.root
    for ancestor in node.ancestors:
        if node.dep_ in ("acl", "relcl") and _is_person_noun(ancestor):
            return True
        if node.dep_ == "prep" and node.lower_ in ("for", "of") and _is_person_noun(ancestor):
            return True
        node = ancestor
    return False


def _is_person_noun(token: Token) -> bool:
    return token.ent_type_ == "PERSON" or token.lemma_.lower() in HUMAN_NOUNS


def trigger_clusters(sentence: Span) -> list[list[Token]]:
    """Triggers of a sentence grouped into events: joined in the parse unless coordinated."""
    triggers = [t for t in sentence if is_trigger(t)]
    if not triggers:
        return []
    owner = {t.i: t.i for t in triggers}
    for trigger in triggers:
        node = trigger
        for ancestor in trigger.ancestors:
            if node.dep_ == "conj" or node.dep_ in CLAUSE_EDGES:
                break
            if node.dep_ == "prep" and node.lower_ in SEQUENCE_PREPS:
                break  # "arrested two men after the blast": another, earlier event
            if ancestor.i in owner:
                owner[trigger.i] = _root(owner, ancestor.i)
                break
            node = ancestor
    clusters: dict[int, list[Token]] = {}
    for trigger in triggers:
        clusters.setdefault(_root(owner, trigger.i), []).append(trigger)
    return list(clusters.values())


def _root(owner: dict[int, int], index: int) -> int:
    while owner[index] != index:
        index = owner[index]
    return index


def dateline_end(sentence: Span) -> int:
    """Token index where a leading dateline ("KABUL, Afghanistan (Jan. 25) -") ends."""
    first = sentence[0]
    if not (first.is_upper and len(first.text) > 1) and first.ent_type_ not in ("GPE", "PROVINCE"):
        return sentence.start
    limit = min(len(sentence), DATELINE_MAX_TOKENS)
    for offset in range(1, limit):
        token = sentence[offset]
        if token.pos_ in ("VERB", "AUX") and token.text not in DATELINE_SEPARATORS:
            return sentence.start
        if token.text in DATELINE_SEPARATORS:
            return token.i + 1
    return sentence.end if len(sentence) <= limit else sentence.start


def place_spans(sentence: Span, skip_until: int) -> list[Span]:
    """Candidate place names: GPE/LOC/FAC entities and "Name district / village" phrases."""
    doc = sentence.doc
    spans = [
        ent
        for ent in doc.ents
        if ent.label_ in ("GPE", "LOC", "FAC")
        and sentence.start <= ent.start < sentence.end
        and ent.start >= skip_until
    ]
    for token in sentence:
        if token.lower_ not in PLACE_NOUNS or token.i <= skip_until:
            continue
        start = token.i
        while start - 1 >= max(sentence.start, skip_until) and _name_part(doc[start - 1]):
            start -= 1
        if start < token.i and not doc[start].is_punct:
            spans.append(doc[start : token.i])
    return spans


def _name_part(token: Token) -> bool:
    if token.text in NAME_CONNECTORS:
        return True
    if token.text in ("'", "’"):
        return not token.whitespace_
    if token.is_stop or token.is_punct:
        return False
    return token.pos_ == "PROPN" or (token.is_title and token.is_alpha)


@dataclass(frozen=True, slots=True)
class Participant:
    mention: Mention
    confidence: float
    #: Where the participant is named, when not in the event's own sentence.
    sentence: Span | None = None


def participants(
    cluster: list[Token], sentence: Span, mentions: list[Mention]
) -> list[Participant]:
    """People and organisations of the event's sentence: who acted and who was targeted.

    Those in the clause of the event's words are surer than the rest of the sentence
    ("... while searching for a Taliban leader").
    """
    anchor = _anchor(cluster)
    clause = anchor
    for ancestor in anchor.ancestors:
        if clause.pos_ in ("VERB", "AUX"):
            break
        clause = ancestor
    inside = {t.i for t in clause.subtree}
    found = []
    for mention in mentions:
        if mention.type is EntityType.PROVINCE or mention.is_media:
            continue
        if mention.type is EntityType.ORGANISATION and not looks_like_organisation(mention):
            continue
        in_clause = mention.head.i in inside
        confidence = CLAUSE_PARTICIPANT_CONFIDENCE if in_clause else SENTENCE_PARTICIPANT_CONFIDENCE
        found.append(Participant(mention, confidence))
    return found


def attach_group_mentions(
    events: list[EventMention], doc: Doc, by_sentence: dict[int, list[Mention]]
) -> None:
    """Armed groups named in sentences that report no event take part in the nearest event.

    Follow-up sentences name the target of the operation just reported ("The Taliban
    facilitator prepares weapons ..."), so each joins the closest earlier event (or,
    before the first event, the first one).
    """
    if not events:
        return
    with_events = {event.sentence.start for event in events}
    for start, mentions in by_sentence.items():
        if start in with_events:
            continue
        groups = [m for m in mentions if m.referent.kind in GROUP_KINDS or _unknown_group(m)]
        if not groups:
            continue
        earlier = [e for e in events if e.sentence.start < start]
        event = earlier[-1] if earlier else events[0]
        known = {id(p.mention) for p in event.participants}
        event.participants.extend(
            Participant(m, DISCOURSE_PARTICIPANT_CONFIDENCE, m.span.sent)
            for m in groups
            if id(m) not in known
        )


def _unknown_group(mention: Mention) -> bool:
    """An organisation the curated list does not know, named like a group or network."""
    referent = mention.referent
    words = {t.lower_ for t in referent.span}
    return (
        referent.type is EntityType.ORGANISATION
        and referent.kind is None
        and bool(words & {"network", "group", "front", "brigade", "militia", "movement"})
    )


def looks_like_organisation(mention: Mention) -> bool:
    """Curated, or named with a word that organisations are named with ("... Network").

    The NER also labels villages, people and weapons (RPG, PKM) as organisations; as
    an event's participant only a name that says it is an organisation is trusted.
    """
    referent = mention.referent
    if referent.kind is not None:
        return True
    return any(t.lemma_.lower() in ORGANISATION_HEAD_WORDS for t in referent.span)
