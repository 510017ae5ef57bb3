"""Sentence starts from line breaks, before the parser decides the rest.

Headlines and datelines carry no full stop, so a line break after them must start a
sentence; but older press releases wrap their lines mid-sentence, so a line break
before a lower-case word must not. Everything in between is left to the parser.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Token

SENTENCE_END = frozenset({".", "!", "?", ":", '"', "”", "'", "’", ")"})
#: A line at least this long without a full stop is probably wrapped, not a headline.
WRAPPED_LINE_CHARS = 60
#: "PORT SUDAN —", "PATTANI, Thailand —", "KABUL (Reuters) -": a dateline opens its line.
DATELINE_START = re.compile(r"[A-Z][A-Z'.\-]+(?: [A-Z][A-Z'.\-]+){0,3}(?:,| —| –| -| \(|:)")


@Language.component("actorgraph_line_breaks")
def mark_line_breaks(doc: Doc) -> Doc:
    """Set ``is_sent_start`` after line breaks where the layout makes it certain."""
    text = doc.text
    previous: Token | None = None
    for token in doc:
        if token.is_space:
            continue
        if previous is not None:
            gap = text[previous.idx + len(previous.text) : token.idx]
            if "\n" in gap:
                decision = _starts_sentence(text, previous, token, gap)
                if decision is not None:
                    token.is_sent_start = decision
        previous = token
    return doc


def _opens_a_dateline(text: str, token: Token) -> bool:
    """The line starting at ``token`` opens with an upper-case place and a separator."""
    return DATELINE_START.match(text, token.idx) is not None


def _starts_sentence(text: str, previous: Token, token: Token, gap: str) -> bool | None:
    if gap.count("\n") >= 2 or previous.text in SENTENCE_END:
        return True
    if token.is_lower:
        return False
    if _opens_a_dateline(text, token):
        return True  # "...hold the line\nPORT SUDAN — The RSF shelled ...": a headline ends
    line_start = text.rfind("\n", 0, previous.idx) + 1
    previous_line = text[line_start : previous.idx + len(previous.text)]
    if len(previous_line.strip()) < WRAPPED_LINE_CHARS:
        return True
    return None
