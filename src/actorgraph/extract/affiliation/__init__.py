"""affiliatedWith: a person belongs to an organisation.

* :mod:`~actorgraph.extract.affiliation.lexicon` — role nouns, membership and link verbs;
* :mod:`~actorgraph.extract.affiliation.rules` — the dependency paths that state an affiliation;
* :mod:`~actorgraph.extract.affiliation.model` — a logistic-regression model for the pairs the
  rules leave, trained on CoNLL04 train;
* :mod:`~actorgraph.extract.affiliation.component` — the ``actorgraph_affiliation`` component.
"""

from actorgraph.extract.affiliation.component import AffiliationExtractor
from actorgraph.extract.affiliation.rules import affiliation

__all__ = ["AffiliationExtractor", "affiliation"]
