"""alliedWith: two organisations cooperate (symmetric).

* :mod:`~actorgraph.extract.alliance.lexicon` — cooperation and hostility cues;
* :mod:`~actorgraph.extract.alliance.rules` — when a pair of organisations is allied;
* :mod:`~actorgraph.extract.alliance.component` — the ``actorgraph_alliance`` component.
"""

from actorgraph.extract.alliance.component import AllianceExtractor
from actorgraph.extract.alliance.rules import alliance

__all__ = ["AllianceExtractor", "alliance"]
