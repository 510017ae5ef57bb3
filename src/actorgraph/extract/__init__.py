"""Extractors: spaCy components that read mentions, relations and events off a parse.

One module per relation, each holding its patterns and its negative cases:

* :mod:`~actorgraph.extract.mentions` — people, organisations (and "the group"), provinces;
* :mod:`~actorgraph.extract.affiliation` — person ``affiliatedWith`` organisation;
* :mod:`~actorgraph.extract.alliance` — organisation ``alliedWith`` organisation;
* :mod:`~actorgraph.extract.events` — events, ``locatedIn`` province and ``involves``;
* :mod:`~actorgraph.extract.article` — the pure step *article in, facts with evidence out*.
"""

from actorgraph.extract import affiliation, alliance, events, mentions
from actorgraph.extract.article import extract_article, extract_articles

__all__ = ["affiliation", "alliance", "events", "extract_article", "extract_articles", "mentions"]
