"""A period of the graph: what articles of a date range said, and events of that range.

An article is in the period when its date is; an event is in it when its own date is (an
event the text does not date goes with its article). So an article of 2022 recalling an
attack of 2020 brings that attack — its place and participants — into the period 2020, but
none of its other facts. Articles without a date have no place in any period: they are
left out, unless ``undated`` asks for them (their undated events with them); none is ever
given a date it does not have.

Bounds are ISO dates of any precision and both are inclusive: ``"2021"`` as ``since`` is
1 January 2021, as ``until`` 31 December 2021.

>>> in_period("2021-03-04", "2021", "2021"), in_period("2020-12-31", "2021", None)
(True, False)
>>> in_period(None, "2021", None), in_period(None, "2021", None, undated=True)
(False, True)
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from actorgraph.model import ArticleExtraction

#: A bound as given: a date, or an ISO date of year, month or day precision.
Bound = date | str | None

_FORMS = {4: "%Y", 7: "%Y-%m", 10: "%Y-%m-%d"}


def iso_bound(bound: Bound) -> str | None:
    """A bound as an ISO string; ``ValueError`` for one that is not an ISO date.

    >>> iso_bound(date(2021, 1, 5)), iso_bound("2021-03")
    ('2021-01-05', '2021-03')
    """
    if bound is None or isinstance(bound, date):
        return bound.isoformat() if bound else None
    text = str(bound).strip()
    form = _FORMS.get(len(text))
    try:
        if form is not None and datetime.strptime(text, form):
            return text
    except ValueError:
        pass
    raise ValueError(f"not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD): {bound!r}")


def in_period(
    when: str | None, since: str | None, until: str | None, *, undated: bool = False
) -> bool:
    """Whether the ISO date ``when`` lies between the inclusive bounds (``None``: open)."""
    if not when:
        return undated
    if since is not None and when < since:
        return False
    return until is None or when[: len(until)] <= until


def restrict(
    extraction: ArticleExtraction, since: Bound, until: Bound, *, undated: bool = False
) -> ArticleExtraction | None:
    """What ``extraction`` holds of the period; ``None`` when it holds nothing of it."""
    start, end = iso_bound(since), iso_bound(until)
    article = extraction.article
    article_date = article.date.isoformat() if article.date else None
    article_in = in_period(article_date, start, end, undated=undated)
    events = [
        event
        for event in extraction.events
        if (in_period(event.date, start, end) if event.date else article_in)
    ]
    if article_in and len(events) == len(extraction.events):
        return extraction
    kept, all_events = {e.id for e in events}, {e.id for e in extraction.events}
    facts = [
        fact
        for fact in extraction.facts
        if (fact.subject in kept if fact.subject in all_events else article_in)
    ]
    if not article_in and not events:
        return None
    named = {f.subject for f in facts} | {f.object for f in facts}
    entities = [e for e in extraction.entities if article_in or e.id in named]
    return replace(extraction, entities=entities, events=events, facts=facts)
