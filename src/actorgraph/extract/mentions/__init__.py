"""Mentions: the people, organisations and provinces a document names, resolved within it.

* :mod:`~actorgraph.extract.mentions.component` — the ``actorgraph_mentions`` spaCy
  component, which reads and cleans the mentions of a parsed document;
* :mod:`~actorgraph.extract.mentions.resolution` — one entity per real entity of the
  article ("Sadat" and "General Sadat" are one person).
"""

from actorgraph.extract.mentions.component import (
    GROUP_KINDS,
    LEADER_GROUP_NOUNS,
    Mention,
    MentionRelation,
    register_extensions,
    sentence_mentions,
)

__all__ = [
    "GROUP_KINDS",
    "LEADER_GROUP_NOUNS",
    "Mention",
    "MentionRelation",
    "register_extensions",
    "sentence_mentions",
]
