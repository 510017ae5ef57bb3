"""alliedWith: two organisations cooperate (symmetric).

* :mod:`~actorgraph.extractors.alliance.lexicon` — cooperation and hostility cues;
* :mod:`~actorgraph.extractors.alliance.rules` — when a pair of organisations is allied;
* :mod:`~actorgraph.extractors.alliance.component` — the ``actorgraph_alliance`` component.
"""

from actorgraph.extractors.alliance.component import AllianceExtractor
from actorgraph.extractors.alliance.rules import alliance

__all__ = ["AllianceExtractor", "alliance"]
