"""Entity resolution: one node per real entity, within an article and across articles."""

from actorgraph.resolve.within_article import resolve_mentions

__all__ = ["resolve_mentions"]
