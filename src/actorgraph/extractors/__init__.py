"""Extractors: spaCy components that read mentions, relations and events off a parse.

One sub-package per relation, each with its lexicon, its rules and its component:

* :mod:`~actorgraph.extractors.mentions` — people, organisations (and "the group"), provinces,
  and their resolution within the article;
* :mod:`~actorgraph.extractors.affiliation` — person ``affiliatedWith`` organisation;
* :mod:`~actorgraph.extractors.alliance` — organisation ``alliedWith`` organisation;
* :mod:`~actorgraph.extractors.events` — events, ``locatedIn`` province and ``involves``;
* :mod:`~actorgraph.extractors.lexicon` — the word lists several extractors share;
* :mod:`~actorgraph.extractors.pipeline` — the whole pipeline: model, gazetteers, extractors;
* :mod:`~actorgraph.extractors.article` — the pure step *article in, facts with evidence out*.

Importing this package registers the components with spaCy but loads nothing.
"""

from actorgraph.extractors import affiliation, alliance, events, mentions
from actorgraph.extractors.article import extract_article, extract_articles

__all__ = ["affiliation", "alliance", "events", "extract_article", "extract_articles", "mentions"]
