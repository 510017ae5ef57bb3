"""The time of every fact in RDF: when it was reported, and when the texts say it began or
ended.

An ``ag:Assertion`` carries ``ag:firstReported`` and ``ag:lastReported`` (the first and
last article dates among its evidence, ``xsd:date``; absent when no article of it is
dated), and ``ag:startDate`` / ``ag:endDate`` when sentences of its evidence date its start
("joined X in 2012", "allied since 2014") or its end ("cut its ties with X in 2016"). Each
``ag:Evidence`` carries its article's ``dcterms:date`` and the start or end date its own
sentence gives. A start or end date keeps the precision of the text: ``xsd:gYear``
(``"2012"``), ``xsd:gYearMonth`` (``"2015-03"``) or ``xsd:date``; compare them in SPARQL as
strings (``STR(?end) >= "2021"``), which orders ISO dates of any precision.

>>> date_datatype("2012").rsplit("#", 1)[1], date_datatype("2015-03").rsplit("#", 1)[1]
('gYear', 'gYearMonth')
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from rdflib.namespace import DCTERMS, XSD

from actorgraph.ontology import AG

if TYPE_CHECKING:
    from actorgraph.model.graph import ArticleInfo, Edge
    from actorgraph.model.records import Period

#: subject IRI, predicate IRI, object, datatype IRI (as in :data:`actorgraph.graph.rdf.Statement`)
_Statement = tuple[str, str, str, str]

_FIRST, _LAST = str(AG.firstReported), str(AG.lastReported)
_START, _END, _DATE = str(AG.startDate), str(AG.endDate), str(DCTERMS.date)
_DATATYPES = {4: str(XSD.gYear), 7: str(XSD.gYearMonth), 10: str(XSD.date)}


def date_datatype(value: str) -> str:
    """The XSD datatype of an ISO date of year, month or day precision (else a string)."""
    datatype = _DATATYPES.get(len(value))
    return datatype if datatype is not None else str(XSD.string)


def assertion_time(edge: Edge, assertion: str) -> Iterator[_Statement]:
    """When the fact was reported, and when it began and ended (as far as the texts say)."""
    if edge.first_reported:
        yield (assertion, _FIRST, edge.first_reported, date_datatype(edge.first_reported))
    if edge.last_reported:
        yield (assertion, _LAST, edge.last_reported, date_datatype(edge.last_reported))
    yield from _period(assertion, edge.since, edge.until)


def evidence_time(
    evidence: str, article: ArticleInfo | None, period: Period | None
) -> Iterator[_Statement]:
    """The evidence's article date, and the start or end date its sentence gives."""
    if article is not None and article.date:
        yield (evidence, _DATE, article.date, date_datatype(article.date))
    if period is not None:
        yield from _period(evidence, period.since, period.until)


def _period(subject: str, since: str | None, until: str | None) -> Iterator[_Statement]:
    if since:
        yield (subject, _START, since, date_datatype(since))
    if until:
        yield (subject, _END, until, date_datatype(until))
