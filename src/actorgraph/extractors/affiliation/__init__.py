"""affiliatedWith: a person belongs to an organisation.

* :mod:`~actorgraph.extractors.affiliation.lexicon` — role nouns, membership and link verbs;
* :mod:`~actorgraph.extractors.affiliation.rules` — the dependency paths that state an affiliation;
* :mod:`~actorgraph.extractors.affiliation.model` — a logistic-regression model for the pairs the
  rules leave, trained on CoNLL04 train;
* :mod:`~actorgraph.extractors.affiliation.component` — the ``actorgraph_affiliation`` component.
"""

from actorgraph.extractors.affiliation.component import AffiliationExtractor
from actorgraph.extractors.affiliation.rules import affiliation

__all__ = ["AffiliationExtractor", "affiliation"]
