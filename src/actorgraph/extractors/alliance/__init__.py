"""alliedWith and opposes: the polarity of every pair of organisations (both symmetric).

* :mod:`~actorgraph.extractors.alliance.polarity` — the polarities (cooperating, opposing,
  ended, denied, hypothetical, unrelated) and a pair's reading;
* :mod:`~actorgraph.extractors.alliance.reading` — how a pair is read, in which order;
* :mod:`~actorgraph.extractors.alliance.opposition` — when two organisations are enemies;
* :mod:`~actorgraph.extractors.alliance.ending` — when their bond is over;
* :mod:`~actorgraph.extractors.alliance.rules` — when they cooperate;
* :mod:`~actorgraph.extractors.alliance.modality` — when the claim is denied or hypothetical;
* :mod:`~actorgraph.extractors.alliance.lexicon` — the words all of these read;
* :mod:`~actorgraph.extractors.alliance.component` — the ``actorgraph_alliance`` component.
"""

from actorgraph.extractors.alliance.component import AllianceExtractor
from actorgraph.extractors.alliance.polarity import PairReading, Polarity
from actorgraph.extractors.alliance.reading import alliance, read_pair

__all__ = ["AllianceExtractor", "PairReading", "Polarity", "alliance", "read_pair"]
