"""locatedIn: the province an event took place in.

A province named outright, one reached through a district, city or village, or the place
the text last set the scene in.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from actorgraph.extractors.events.items import EventMention
from actorgraph.extractors.events.triggers import (
    BACKGROUND_GOVERNORS,
    CLAUSE_EDGES,
    describes_a_person,
)
from actorgraph.extractors.lexicon import PLACE_NOUNS
from actorgraph.extractors.mentions import Mention
from actorgraph.gazetteers.places import Gazetteer, Province
from actorgraph.ontology import EntityType

DATELINE_SEPARATORS = frozenset({"—", "–", "--", "-", ":", ")"})


DATELINE_MAX_TOKENS = 16


EXPLICIT_PROVINCE_CONFIDENCE = 0.9


#: An event with no place in its sentence happened where the text last set the scene.
INHERITED_PLACE_CONFIDENCE = 0.6


FRAME_SENTENCES = 3


#: Pieces of place names that are no words of their own: "Nahr-e-Seraj", "Qal'ah-ye Zal".
NAME_CONNECTORS = frozenset({"-", "e", "i", "ye", "al", "el", "wa"})


#: How many tokens after a district a stated province may follow ("X district, Y province").
STATED_PROVINCE_WINDOW = 6


GAZETTEER_PLACE_CONFIDENCE = 0.75


class PlaceFinder:
    """The provinces a sentence names or leads to, and the country the article is about."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

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
