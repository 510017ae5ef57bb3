"""Dates from the words of a sentence, relative to the article's date where known.

The expressions are read by `dateparser <https://dateparser.readthedocs.io>`_, with the
article's date as the base of relative ones ("yesterday", "last year", "two years ago").
An article without a date gives relative expressions no date at all — never today's —
and only absolute ones ("in 2012", "March 3, 2021") are read.

A date keeps the precision the text gives it: ``"2012"`` for "in 2012", ``"2015-03"``
for "in March 2015", ``"2021-03-03"`` for "on March 3, 2021"
(:func:`parse_expression`); an event's date is a day or nothing (:func:`resolve_date`,
:func:`span_date`).

>>> from datetime import date
>>> resolve_date("the raid yesterday", date(2013, 1, 25))
'2013-01-24'
>>> resolve_date("on Sunday", date(2013, 1, 22))
'2013-01-20'
>>> resolve_date("on March 3, 2021", None)
'2021-03-03'
>>> parse_expression("two years ago", date(2021, 6, 15)), parse_expression("March 2015", None)
('2019', '2015-03')
>>> parse_expression("last year", None) is None
True
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache
from typing import TYPE_CHECKING

from dateparser.date import DateDataParser
from dateparser.search import search_dates

if TYPE_CHECKING:
    from spacy.tokens import Span

#: How many characters of an ISO date each precision of dateparser keeps.
_PRECISION = {"day": 10, "week": 7, "month": 7, "year": 4}

#: Two bases far apart: an expression that reads the same from both is absolute.
_PROBE_BASES = (datetime(1990, 7, 11), datetime(2030, 2, 3))

#: Words before the date proper that dateparser does not read: "since 2014", "early 2016".
_LEADING_WORDS = re.compile(
    r"^(?:(?:since|until|till|in|on|from|by|during|around|about|as|of|the|early|late|mid|"
    r"the end of|the start of|the beginning of|the middle of|spring|summer|autumn|fall|"
    r"winter)\b[\s-]*)+",
    re.I,
)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
#: Numbers and decades that dateparser would turn into a month or a day: "10", "the 1990s".
_NOT_A_DATE = re.compile(r"^\d{1,3}$|\d0s\b|\d0's\b")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

#: spaCy entity labels of date expressions.
DATE_LABELS = frozenset({"DATE", "TIME"})


def parse_expression(expression: str, article_date: date | None) -> str | None:
    """The ISO date (year, month or day, as precise as the text) that ``expression`` names.

    Relative expressions are read from ``article_date``; without it, only absolute ones.

    >>> parse_expression("since 2014", None), parse_expression("early 2016", None)
    ('2014', '2016')
    >>> parse_expression("last year", date(2021, 6, 15))
    '2020'
    """
    text = _LEADING_WORDS.sub("", expression.strip()).strip(" ,.")
    if not text or _NOT_A_DATE.search(text):
        return None
    if article_date is None:
        first, second = (_parse(text, base) for base in _PROBE_BASES)
        found = first if first == second else None
    else:
        found = _same_weekday(text, article_date) or _parse(text, _base(article_date))
    if found is None and (year := _YEAR.search(text)):
        return year.group(1)  # "the summer of 2014": the year is what is sure
    return found


def resolve_date(text: str, article_date: date | None) -> str | None:
    """The day the text dates an event to, or None when it names no day.

    >>> resolve_date("Kabul, in 2012", None) is None
    True
    """
    base = _PROBE_BASES[0] if article_date is None else _base(article_date)
    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": False}
    found = search_dates(text, languages=["en"], settings=settings) or []
    for expression, _ in found:
        day = parse_expression(expression, article_date)
        if day is not None and len(day) == _PRECISION["day"]:
            return day
    return None


def span_date(span: Span, article_date: date | None) -> str | None:
    """The day the date expressions of a parsed sentence name (spaCy's DATE and TIME)."""
    for entity in span.ents:
        if entity.label_ not in DATE_LABELS:
            continue
        day = parse_expression(entity.text, article_date)
        if day is not None and len(day) == _PRECISION["day"]:
            return day
    return None


def _base(article_date: date) -> datetime:
    return datetime(article_date.year, article_date.month, article_date.day)


def _same_weekday(text: str, article_date: date) -> str | None:
    """ "on Tuesday" in a Tuesday's news is that day (dateparser would go back a week)."""
    words = text.lower().split()
    if len(words) == 1 and words[0] == _WEEKDAYS[article_date.weekday()]:
        return article_date.isoformat()
    return None


@lru_cache(maxsize=4096)
def _parse(text: str, base: datetime) -> str | None:
    data = _parser(base).get_date_data(text)
    if data.date_obj is None or data.period not in _PRECISION:
        return None
    return data.date_obj.date().isoformat()[: _PRECISION[data.period]]


@lru_cache(maxsize=64)
def _parser(base: datetime) -> DateDataParser:
    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": False}
    return DateDataParser(languages=["en"], settings=settings)
