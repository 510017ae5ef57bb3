"""The pure extraction step: one article and its parsed ``Doc`` in, facts with evidence out.

Nothing here looks at other articles, so articles can be extracted in any order, in
several processes, and cached one by one; merging happens later in the graph layer.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span

from actorgraph.extractors.alliance import Polarity
from actorgraph.extractors.changes import relation_period
from actorgraph.extractors.confidence import Calibration, final_fact
from actorgraph.extractors.dates import span_date
from actorgraph.extractors.events.items import EventMention
from actorgraph.extractors.long_texts import join_pieces, max_chars_for, piece_article, split_text
from actorgraph.extractors.mentions import Mention, MentionRelation
from actorgraph.extractors.mentions.resolution import resolve_mentions
from actorgraph.gazetteers.organisations import load_organisations
from actorgraph.gazetteers.places import load_gazetteer
from actorgraph.model import Article, ArticleExtraction, Entity, Event, Evidence, Fact, Place
from actorgraph.ontology import EntityType, Relation
from actorgraph.reading import clean_article

DEFAULT_BATCH_SIZE = 32


def extract_articles(
    articles: Iterable[Article],
    nlp: Language,
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    min_confidence: float = 0.0,
    max_chars: int | None = None,
    on_failure: FailureHandler | None = None,
) -> Iterator[ArticleExtraction]:
    """Run the pipeline over ``articles`` in batches and yield one extraction per article.

    An article whose extraction raises stops the run, unless ``on_failure`` is given: then
    its batch is done again one article at a time, the failing article is passed to
    ``on_failure`` with its exception (before the next extraction is yielded) and the others
    go on. Running out of memory always stops the run.

    A text longer than ``max_chars`` (default: the pipeline's, see
    :func:`~actorgraph.extractors.long_texts.max_chars_for`) is cut into pieces that are
    parsed one after the other, its offsets still counted from the start of the whole text.
    Invalid code points (lone surrogates) are replaced by U+FFFD, one for one.

    >>> long = Article("a.txt", "Taliban commander Hazrat Ali spoke. " * 4)  # doctest: +SKIP
    >>> [extraction] = extract_articles([long], load_pipeline(), max_chars=40)  # doctest: +SKIP
    >>> [fact.evidence.start for fact in extraction.facts]           # doctest: +SKIP
    [0, 36, 72, 108]
    """
    limit = max_chars_for(nlp) if max_chars is None else min(max_chars, nlp.max_length)

    def short_ones(group: list[Article]) -> Iterable[ArticleExtraction]:
        return _extract_batch(group, nlp, batch_size, min_confidence)

    def long_one(
        pieces: list[tuple[int, int]],
    ) -> Callable[[list[Article]], list[ArticleExtraction]]:
        return lambda group: [_extract_in_pieces(a, pieces, nlp, min_confidence) for a in group]

    waiting: list[Article] = []
    for article in map(clean_article, articles):
        pieces = split_text(article.text, limit)
        if len(pieces) == 1:
            waiting.append(article)
            if len(waiting) >= batch_size:
                yield from _guarded(short_ones, waiting, on_failure)
                waiting = []
            continue
        yield from _guarded(short_ones, waiting, on_failure)
        waiting = []
        yield from _guarded(long_one(pieces), [article], on_failure)
    yield from _guarded(short_ones, waiting, on_failure)


#: Called with an article whose extraction failed and the exception it raised.
FailureHandler = Callable[[Article, Exception], None]


def _guarded(
    run: Callable[[list[Article]], Iterable[ArticleExtraction]],
    articles: list[Article],
    on_failure: FailureHandler | None,
) -> Iterable[ArticleExtraction]:
    """``run`` over the batch; if it raises and ``on_failure`` is given, over each article
    alone, reporting the ones that fail."""
    if on_failure is None or not articles:
        return run(articles)
    try:
        return list(run(articles))
    except MemoryError:
        raise
    except Exception as error:
        if len(articles) == 1:
            on_failure(articles[0], error)
            return []
    return [done for article in articles for done in _guarded(run, [article], on_failure)]


def _extract_batch(
    articles: list[Article], nlp: Language, batch_size: int, min_confidence: float
) -> Iterator[ArticleExtraction]:
    pairs = ((article.text, article) for article in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield extract_article(article, doc, min_confidence=min_confidence)


def _extract_in_pieces(
    article: Article, pieces: list[tuple[int, int]], nlp: Language, min_confidence: float
) -> ArticleExtraction:
    """One long article, a piece at a time (one parsed piece in memory at once)."""
    texts = (article.text[start:end] for start, end in pieces)
    parts = []
    for (start, end), doc in zip(pieces, nlp.pipe(texts, batch_size=1), strict=True):
        piece = piece_article(article, start, end)
        parts.append((start, extract_article(piece, doc, min_confidence=min_confidence)))
    return join_pieces(article, parts)


def extract_article(
    article: Article, doc: Doc, *, min_confidence: float = 0.0, calibrated: bool = True
) -> ArticleExtraction:
    """Entities, events and facts of one parsed article (the doc must come from our pipeline).

    Confidences are final (:mod:`actorgraph.extractors.confidence`): the extractors'
    scores, lowered for one-word names and, unless ``calibrated`` is False (the raw scores
    that calibration is fitted on), calibrated.
    """
    if doc._.ag_mentions is None:
        raise ValueError("the Doc was not made by actorgraph's pipeline (no mentions found on it)")
    organisations, gazetteer = load_organisations(), load_gazetteer()
    mentions: list[Mention] = doc._.ag_mentions
    entities, entity_of = resolve_mentions(
        mentions,
        organisation_name=lambda key: organisations.get(key).name,
        province_name=lambda code: gazetteer.province(code).name,
    )
    extraction = ArticleExtraction(article=article, entities=entities)
    evidence_of = _evidence_maker(article)
    seen: set[tuple[str, str, str, int]] = set()
    calibration = Calibration.load() if calibrated else None
    entity_by_id = {entity.id: entity for entity in entities}

    def add(fact: Fact) -> None:
        fact = final_fact(fact, entity_by_id, calibration)
        key = (fact.subject, fact.predicate.value, fact.object, fact.evidence.start)
        if fact.confidence >= min_confidence and fact.subject != fact.object and key not in seen:
            seen.add(key)
            extraction.facts.append(fact)

    for relation in (*(doc._.ag_relations or ()), *_ended_alliances(doc)):
        fact = _fact_from_relation(relation, entity_of, evidence_of, article)
        if fact is not None:
            add(fact)
    for number, event_mention in enumerate(doc._.ag_events or (), start=1):
        event = _event(f"v{number}", event_mention, article)
        extraction.events.append(event)
        evidence = evidence_of(event_mention.sentence)
        if event_mention.province is not None:
            province_id = _province_entity(extraction, event_mention)
            add(
                Fact(
                    event.id,
                    Relation.LOCATED_IN,
                    province_id,
                    event_mention.location_confidence,
                    evidence,
                )
            )
        for participant in event_mention.participants:
            entity_id = entity_of.get(id(participant.mention))
            if entity_id:
                where = evidence_of(participant.sentence) if participant.sentence else evidence
                add(Fact(event.id, participant.role, entity_id, participant.confidence, where))
    return extraction


def _evidence_maker(article: Article) -> Callable[[Span], Evidence]:
    def evidence(sentence: Span) -> Evidence:
        return Evidence(article.id, sentence.text.strip(), sentence.start_char, sentence.end_char)

    return evidence


def _fact_from_relation(
    relation: MentionRelation,
    entity_of: dict[int, str],
    evidence_of: Callable[[Span], Evidence],
    article: Article,
) -> Fact | None:
    subject = entity_of.get(id(relation.subject))
    obj = entity_of.get(id(relation.object))
    if subject is None or obj is None:
        return None
    period = relation_period(relation, article.date)
    predicate = relation.predicate
    if period.until and predicate.ended is not None:
        predicate = predicate.ended  # "allied with X until 2016": the alliance is over
    if predicate.symmetric and obj < subject:
        subject, obj = obj, subject
    evidence = evidence_of(relation.sentence)
    return Fact(subject, predicate, obj, relation.confidence, evidence, period)


def _ended_alliances(doc: Doc) -> list[MentionRelation]:
    """The pairs whose alliance the sentence says is over, as ``formerlyAlliedWith``."""
    return [
        MentionRelation(
            reading.first,
            Relation.FORMERLY_ALLIED_WITH,
            reading.second,
            reading.confidence,
            reading.sentence,
            reading.cue,
        )
        for reading in doc._.get("ag_pair_readings") or ()
        if reading.polarity is Polarity.ENDED
    ]


def _event(event_id: str, mention: EventMention, article: Article) -> Event:
    sentence = mention.sentence
    return Event(
        id=event_id,
        kind=mention.kind,
        sentence=sentence.text.strip(),
        start=sentence.start_char,
        end=sentence.end_char,
        trigger=mention.trigger.text,
        date=span_date(sentence, article.date),
        place=_place(mention),
    )


def _place(mention: EventMention) -> Place | None:
    """The district, city or village that placed the event, as the record keeps it."""
    match, province = mention.place, mention.province
    if match is None or province is None or match.province.code != province.code:
        return None
    return Place(
        name=match.name,
        kind="district" if match.kind == "district" else "city",
        province=province.code,
        geonames=match.geonames_id,
        latitude=match.latitude,
        longitude=match.longitude,
    )


def _province_entity(extraction: ArticleExtraction, mention: EventMention) -> str:
    """The id of the event's province, adding it when only a district or city named it."""
    province = mention.province
    assert province is not None
    for entity in extraction.entities:
        if entity.type is EntityType.PROVINCE and entity.iso3166_2 == province.code:
            return entity.id
    entity = Entity(
        id=f"t{len(extraction.entities) + 1}",
        type=EntityType.PROVINCE,
        name=province.name,
        iso3166_2=province.code,
    )
    extraction.entities.append(entity)
    return entity.id
