"""Event dates from the words of a sentence, relative to the article's date where known.

>>> from datetime import date
>>> resolve_date("the raid yesterday", date(2013, 1, 25))
'2013-01-24'
>>> resolve_date("on Sunday", date(2013, 1, 22))
'2013-01-20'
>>> resolve_date("on March 3, 2021", None)
'2021-03-03'
"""

from __future__ import annotations

import re
from datetime import date, timedelta

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_MONTH_DAY_YEAR = re.compile(
    rf"\b({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I
)
_DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})\s+({_MONTH})\.?,?\s+(\d{{4}})\b", re.I)
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_WEEKDAY = re.compile(rf"\b({'|'.join(WEEKDAYS)})\b", re.I)


def resolve_date(text: str, article_date: date | None) -> str | None:
    """An ISO date for the event the text reports, or None when the text does not say."""
    explicit = _explicit_date(text)
    if explicit is not None:
        return explicit.isoformat()
    if article_date is None:
        return None
    lowered = text.lower()
    if "yesterday" in lowered or "last night" in lowered:
        return (article_date - timedelta(days=1)).isoformat()
    if re.search(r"\b(today|this morning|tonight|this evening)\b", lowered):
        return article_date.isoformat()
    weekday = _WEEKDAY.search(text)
    if weekday:
        target = WEEKDAYS.index(weekday.group(1).lower())
        back = (article_date.weekday() - target) % 7
        return (article_date - timedelta(days=back)).isoformat()
    return None


def _explicit_date(text: str) -> date | None:
    for pattern, order in ((_MONTH_DAY_YEAR, "mdy"), (_DAY_MONTH_YEAR, "dmy"), (_ISO, "iso")):
        match = pattern.search(text)
        if not match:
            continue
        try:
            if order == "mdy":
                return date(int(match[3]), MONTHS[match[1].lower()], int(match[2]))
            if order == "dmy":
                return date(int(match[3]), MONTHS[match[2].lower()], int(match[1]))
            return date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            continue
    return None
