"""Stable, readable, always-valid IRIs for graph nodes.

An IRI is ``agr:<type>/<slug>``; the slug keeps ASCII letters, digits and hyphens of
the name. Whenever the slug does not spell the key faithfully (other scripts,
punctuation, emoji, an empty slug) a short hash of the key is appended, so two keys
never share an IRI and nothing unsafe reaches the IRI.

>>> node_slug("sohail-shaheen")
'sohail-shaheen'
>>> node_slug("Sohail Shaheen")
'sohail-shaheen-59c1c80a'
>>> node_slug('<img src=x onerror=alert(1)>')
'img-src-x-onerror-alert-1-1a57adf5'
>>> node_slug("طالبان")
'x-81f955f9'
"""

from __future__ import annotations

import hashlib
import re

from actorgraph.text import fold_ascii

_NOT_SLUG = re.compile(r"[^a-z0-9]+")
MAX_SLUG = 60


def short_hash(text: str, length: int = 8) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:length]


def node_slug(key: str) -> str:
    """A lowercase ASCII slug for ``key``, with a hash suffix when the slug loses anything."""
    slug = _NOT_SLUG.sub("-", fold_ascii(key).lower()).strip("-")[:MAX_SLUG].strip("-")
    if slug and slug == key:
        return slug
    return f"{slug or 'x'}-{short_hash(key)}"
