"""Sentence starts from line breaks and datelines, before the parser decides the rest.

Headlines and datelines carry no full stop, so a line break after them must start a
sentence; but older press releases wrap their lines mid-sentence, so a line break
before a lower-case word must not. A dateline's dash ends it too: parsed as one sentence
with the story ("QAMISHLI, Syria — The SDF raided ..."), the place becomes the root and
the story's first sentence loses its subject. Everything in between is left to the parser.
"""

from __future__ import annotations

import re

import numpy as np
from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc, Token

SENTENCE_END = frozenset({".", "!", "?", ":", '"', "”", "'", "’", ")"})
#: A line at least this long without a full stop is probably wrapped, not a headline.
WRAPPED_LINE_CHARS = 60
#: "PORT SUDAN —", "PATTANI, Thailand —", "KABUL (Reuters) -": a dateline opens its line.
DATELINE_START = re.compile(r"[A-Z][A-Z'.\-]+(?: [A-Z][A-Z'.\-]+){0,3}(?:,| —| –| -| \(|:)")
#: The dashes that end a dateline: "PORT SUDAN —", "KABUL (Reuters) -". Not a colon:
#: "Guanajuato: ..." is a topic label that the place reader wants in its sentence.
DATELINE_DASHES = frozenset({"—", "–", "-", "--"})
#: A dateline's dash comes within this many tokens ("MAROUA, Cameroon (AFP) —").
DATELINE_MAX_TOKENS = 12


@Language.component("actorgraph_line_breaks")
def mark_line_breaks(doc: Doc) -> Doc:
    """Set ``is_sent_start`` after line breaks where the layout makes it certain.

    Only the tokens around line breaks are visited (found from the text's newlines and the
    tokens' offsets): making every token of every document costs more than the decisions.
    """
    text = doc.text
    for previous, token in _line_openings(doc):
        if previous is not None:
            gap = text[previous.idx + len(previous.text) : token.idx]
            decision = _starts_sentence(text, previous, token, gap)
            if decision is not None:
                token.is_sent_start = decision
        if _opens_a_dateline(text, token):
            story = _after_dateline_dash(doc, token)
            if story is not None:
                story.is_sent_start = True
    return doc


def _line_openings(doc: Doc) -> list[tuple[Token | None, Token]]:
    """(the last word before, the first word of) every line: the document's first word,
    and the first word after each line break, with the word the break follows."""
    if not len(doc):
        return []
    offsets = doc.to_array([IDX]).reshape(-1)
    breaks = [match.start() for match in re.finditer("\n", doc.text)]
    firsts = [0] + [int(i) for i in np.searchsorted(offsets, breaks, side="right")]
    openings: dict[int, tuple[Token | None, Token]] = {}
    for index in firsts:
        while index < len(doc) and doc[index].is_space:
            index += 1
        if index >= len(doc) or index in openings:
            continue
        before = index - 1
        while before >= 0 and doc[before].is_space:
            before -= 1
        openings[index] = (doc[before] if before >= 0 else None, doc[index])
    return [openings[index] for index in sorted(openings)]


def _after_dateline_dash(doc: Doc, first: Token) -> Token | None:
    """The first word of the story after the dateline that ``first`` opens, if a dash ends it
    on the same line ("MOSUL, Iraq — Iraqi forces ..." gives "Iraqi")."""
    end = min(len(doc), first.i + DATELINE_MAX_TOKENS)
    for token in doc[first.i + 1 : end]:
        if "\n" in token.text or token.is_space:
            return None
        if token.text in DATELINE_DASHES and token.whitespace_:
            following = doc[token.i + 1] if token.i + 1 < len(doc) else None
            if following is None or following.is_space or following.is_punct:
                return None
            return following
    return None


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
