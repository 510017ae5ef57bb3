"""Extractors: spaCy components that read mentions, relations and events off a parse.

One sub-package per relation, each with its lexicon, its rules and its component:

* :mod:`~actorgraph.extract.mentions` — people, organisations (and "the group"), provinces,
  and their resolution within the article;
* :mod:`~actorgraph.extract.affiliation` — person ``affiliatedWith`` organisation;
* :mod:`~actorgraph.extract.alliance` — organisation ``alliedWith`` organisation;
* :mod:`~actorgraph.extract.events` — events, ``locatedIn`` province and ``involves``;
* :mod:`~actorgraph.extract.lexicon` — the word lists several extractors share;
* :mod:`~actorgraph.extract.pipeline` — the whole pipeline: model, gazetteers, extractors;
* :mod:`~actorgraph.extract.article` — the pure step *article in, facts with evidence out*.

Importing this package registers the components with spaCy but loads nothing.
"""

from actorgraph.extract import affiliation, alliance, events, mentions
from actorgraph.extract.article import extract_article, extract_articles

__all__ = ["affiliation", "alliance", "events", "extract_article", "extract_articles", "mentions"]
