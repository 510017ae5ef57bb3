"""Entity resolution across articles: one node per real entity, with the reason for each merge.

(Within one article, names are resolved beside the mentions they resolve, in
:mod:`actorgraph.extractors.mentions.resolution`.)
"""

from actorgraph.resolve.entities import RULES, resolve_entities

__all__ = ["RULES", "resolve_entities"]
