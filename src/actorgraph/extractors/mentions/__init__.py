"""Mentions: the people, organisations and provinces a document names, resolved within it.

* :mod:`~actorgraph.extractors.mentions.component` — the ``actorgraph_mentions`` spaCy
  component, which reads and cleans the mentions of a parsed document;
* :mod:`~actorgraph.extractors.mentions.resolution` — one entity per real entity of the
  article ("Sadat" and "General Sadat" are one person).
"""

from actorgraph.extractors.mentions.component import (
    Mention,
    MentionRelation,
    register_extensions,
    sentence_mentions,
)

__all__ = ["Mention", "MentionRelation", "register_extensions", "sentence_mentions"]
