"""Names the NER misses that the text itself marks as names of organisations.

Three marks are read here: a bracketed acronym after a name, a group noun after
capitalised words ("the Gran Grif gang", "the ruling Morena party"), and capitalised
proper nouns that end on a word organisations are named by ("The Joint Forces").

Acronyms
--------

Wire copy introduces a group once, "the Front for Change and Concord in Chad (FACT)",
and then writes "FACT" alone. The small model often misses both: the long name of a
group it has never seen, and the bare acronym later on. The bracket is evidence enough
that the words before it name an organisation, so this module reads the definitions off
the text itself:

* the **name** is the run of capitalised words (joined by "of", "for", "and", "de" ...)
  right before ``(ACRONYM)``; it must hold two or more capitalised words and either start
  with the acronym's first letter or hold a word organisations are named by, so that
  "Military Command Council for the Salvation of the Republic (CCMSR)" counts whatever
  language the acronym comes from;
* every later (or earlier) token written exactly as the acronym, that no entity covers,
  is a mention of the same organisation: "FACT is led by ...", "the CDD's researchers".

A name that is wholly a place or a person the NER knows ("Democratic Republic of Congo
(DRC)", "Khyber Pakhtunkhwa (KP)") is left alone, and so is a curated organisation.

Group nouns
-----------
A lower-case noun that groups are called by ("gang", "party", "cartel", "militia",
"faction", "movement") with capitalised proper nouns compounded on it, none of them part
of an entity, names an organisation: the proper nouns and the noun ("Gran Grif gang").
A place or a nationality before the noun ("the Helmand police", "the Kenyan army") is an
entity already, so it is no such name.

>>> ACRONYM.match("CCMSR") is not None, ACRONYM.match("Chad") is None
(True, True)
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from actorgraph.extractors.lexicon import ORGANISATION_NAME_WORDS
from actorgraph.extractors.mentions.retyping import in_headline
from actorgraph.extractors.syntax import tokens_written

#: Two to eight capitals (digits, "&" and hyphens allowed inside): "FACT", "M23", "AQIM".
ACRONYM = re.compile(r"^[A-Z][A-Z0-9&-]{1,7}$")
#: Two-letter acronyms that are English words or countries far more often than a group
#: an article defined ("IS" and "UN" are curated): only their bracketed use counts.
COMMON_TWO_LETTERS = frozenset(
    """
    AM PM TV US UK UN EU IS IT AN AS AT BE BY DO GO HE IF IN ME MY NO OF ON OR SO TO UP WE
    ID OK
    """.split()
)
#: Lower-case words that may join the capitalised words of a name, in several languages.
CONNECTORS = frozenset(
    """
    of for the and in on to de du des la le les el al y et e da do dos das del di pour
    """.split()
)
#: Labels of names that stay what the NER says even before a bracketed acronym.
#: (The NER's facilities are not among them: "the Centre for Democracy and Human Rights
#: (CDD)" comes out as one.)
KEPT_LABELS = frozenset({"PERSON", "GPE", "PROVINCE", "LOC", "DATE", "TIME", "CARDINAL"})
#: The knowledge-base id of an acronym span the text itself defines (see
#: :func:`defined_in_text`).
DEFINED_IN_TEXT = "defined-in-text"
#: At most this many tokens are read back from the bracket.
MAX_NAME_TOKENS = 14


#: Lower-case nouns that a group's own name is written before: "the Gran Grif gang".
GROUP_NOUNS = frozenset(
    """
    gang cartel militia party faction movement group front brigade network federation
    coalition alliance clan
    """.split()
)


#: The forms the group nouns are written in, singular and plural.
_GROUP_NOUN_FORMS = GROUP_NOUNS | {f"{noun}s" for noun in GROUP_NOUNS} | {"parties"}

#: Labels the NER gives such names by mistake ("the Gran Grif" as a facility, "Morena" as
#: a location), which the group noun after them overrules.
MISREAD_LABELS = frozenset({"FAC", "LOC", "ORG", "PRODUCT", "WORK_OF_ART", "EVENT"})
#: Group nouns after which even a "person" is the group's name ("the Gran Grif gang"); a
#: party or faction after a person's name is that person's ("the Bozizé faction").
CRIMINAL_GROUP_NOUNS = frozenset({"gang", "cartel", "militia", "clan"})


def with_group_noun_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """``ents`` with ``ORG`` spans for "the Gran Grif gang", "the ruling Morena party"."""
    ending_at = {e.end: e for e in ents}
    taken = {i for e in ents for i in range(e.start, e.end)}
    added: list[Span] = []
    replaced: set[int] = set()
    for token in tokens_written(doc, _GROUP_NOUN_FORMS):
        if token.i in taken or not token.is_lower or token.pos_ != "NOUN":
            continue
        if token.lemma_.lower() not in GROUP_NOUNS:
            continue
        before = ending_at.get(token.i)
        misread = (
            before is not None
            and not before.ent_id_
            and (
                before.label_ in MISREAD_LABELS
                or (before.label_ == "PERSON" and token.lemma_.lower() in CRIMINAL_GROUP_NOUNS)
            )
        )
        start = token.i
        while start > 0 and _names_the_group(doc[start - 1], token, taken, misread):
            start -= 1
        if start == token.i:
            continue
        if misread and before is not None and start <= _without_article(before).start:
            replaced.add(id(before))
        elif any(i in taken for i in range(start, token.i)):
            continue
        added.append(Span(doc, start, token.i + 1, label="ORG"))
    if not added:
        return ents
    kept = [e for e in ents if id(e) not in replaced]
    return sorted([*kept, *added], key=lambda span: span.start)


def _without_article(span: Span) -> Span:
    return span[1:] if len(span) > 1 and span[0].lower_ == "the" else span


def _names_the_group(token: Token, noun: Token, taken: set[int], misread: bool) -> bool:
    return (
        (token.i not in taken or misread)
        and token.pos_ == "PROPN"
        and token.is_title
        and token.dep_ == "compound"
        and token.head.i in range(token.i + 1, noun.i + 1)
        and token.i != token.sent.start
    )


def with_capitalised_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """``ents`` with ``ORG`` spans for runs of two or more capitalised proper nouns, no part
    of any entity, that end on a word organisations are named by: "The Joint Forces are
    led by ...", "the Information Resistance Group". Not in a title-case line, where every
    word is capitalised."""
    taken = {i for e in ents for i in range(e.start, e.end)}
    added: list[Span] = []
    for token in tokens_written(doc, _ORGANISATION_WORD_FORMS, lower=True):
        if token.i in taken or not _names_an_organisation(token) or not token.is_title:
            continue
        if token.pos_ != "PROPN" or in_headline(doc[token.i : token.i + 1]):
            continue
        start = token.i
        while (
            start > token.sent.start
            and doc[start - 1].i not in taken
            and doc[start - 1].pos_ == "PROPN"
            and doc[start - 1].is_title
        ):
            start -= 1
        end = token.i + 1
        while end < token.sent.end and _continues_the_name(doc[end], taken):
            end += 1  # "the Benue State Police Command": the name ends on its last such word
        if start < token.i and not (added and added[-1].end > start):
            added.append(Span(doc, start, end, label="ORG"))
    if not added:
        return ents
    return sorted([*ents, *added], key=lambda span: span.start)


def _continues_the_name(token: Token, taken: set[int]) -> bool:
    return (
        token.i not in taken
        and token.pos_ == "PROPN"
        and token.is_title
        and _names_an_organisation(token)
    )


def with_defined_acronyms(doc: Doc, ents: list[Span]) -> list[Span]:
    """``ents`` with the names that bracketed acronyms define, and the acronyms' later uses,
    added as ``ORG`` spans (overlapping uncurated organisations and modifiers replaced); a
    curated acronym the text defines as another name is marked :func:`defined_in_text`."""
    definitions = _definitions(doc, ents)
    redefined = _redefined_acronyms(doc, ents)
    if not definitions and not redefined:
        return ents
    added: list[Span] = []
    for name, _ in definitions.values():
        if name is not None:
            added.append(name)
    kept = [
        Span(doc, e.start, e.end, label="ORG", kb_id=DEFINED_IN_TEXT)
        if _is_redefined(e, redefined)
        else e
        for e in ents
        if not any(_overlap(e, a) for a in added)
    ]
    taken = {i for e in (*kept, *added) for i in range(e.start, e.end)}
    for acronym, (_, bracket) in definitions.items():
        bare = acronym not in COMMON_TWO_LETTERS
        for token in tokens_written(doc, [acronym]):
            if token.i in taken or not (bare or token.i == bracket):
                continue
            added.append(Span(doc, token.i, token.i + 1, label="ORG"))
            taken.add(token.i)
    return sorted([*kept, *added], key=lambda span: span.start)


def _redefined_acronyms(doc: Doc, ents: list[Span]) -> dict[str, str]:
    """Curated acronyms the text defines as another organisation's: "the Internal Security
    Forces (ISF)" of Lebanon are not Iraq's curated ISF, "Reporters Without Borders (RSF)"
    not Sudan's RSF. Acronym -> the curated key it does not mean in this doc."""
    entity_at = {i: e for e in ents for i in range(e.start, e.end)}
    redefined: dict[str, str] = {}
    for token in tokens_written(doc, ["("]):
        acronym = _bracketed_acronym(token)
        curated = entity_at.get(acronym.i) if acronym is not None else None
        if curated is None or len(curated) != 1 or not curated.ent_id_:
            continue
        named = entity_at.get(token.i - 1) if token.i > 0 else None
        if named is None or named.label_ != "ORG" or named.ent_id_ == curated.ent_id_:
            continue
        if _could_abbreviate(curated.text, _without_article(named)):
            redefined.setdefault(curated.text, curated.ent_id_)
    return redefined


def _could_abbreviate(acronym: str, name: Span) -> bool:
    """The name starts with the acronym's letter or holds a word organisations are named by
    (an acronym from another language: "Reporters Without Borders (RSF)")."""
    return name.text[:1].upper() == acronym[:1] or any(_names_an_organisation(t) for t in name)


def _is_redefined(entity: Span, redefined: dict[str, str]) -> bool:
    return len(entity) == 1 and redefined.get(entity.text) == entity.ent_id_ != ""


def defined_in_text(entity: Span) -> bool:
    """An acronym the text defined as another name than the curated one it spells: no
    lookup in the curated list may take it back."""
    return entity.kb_id_ == DEFINED_IN_TEXT


def _definitions(doc: Doc, ents: list[Span]) -> dict[str, tuple[Span | None, int]]:
    """Acronym -> (the name span to add, or None if an entity already names it; the index
    of the acronym's token inside the bracket)."""
    entity_at = {i: e for e in ents for i in range(e.start, e.end)}
    found: dict[str, tuple[Span | None, int]] = {}
    for token in tokens_written(doc, ["("]):
        acronym = _bracketed_acronym(token)
        if acronym is None or acronym.text in found:
            continue
        name = _name_before(token)
        if name is None:
            continue
        covering = {id(e): e for i in range(name.start, name.end) if (e := entity_at.get(i))}
        if any(_keeps_its_label(e, name) for e in covering.values()):
            continue
        exact = [e for e in covering.values() if (e.start, e.end) == (name.start, name.end)]
        already = bool(exact) and exact[0].label_ == "ORG"
        span = None if already else Span(doc, name.start, name.end, "ORG")
        found[acronym.text] = (span, acronym.i)
    return found


def _bracketed_acronym(token: Token) -> Token | None:
    """The acronym of "( ACRONYM )" when ``token`` is its opening bracket."""
    doc = token.doc
    if token.text != "(" or token.i + 2 >= len(doc) or doc[token.i + 2].text != ")":
        return None
    inside = doc[token.i + 1]
    if not ACRONYM.match(inside.text) or sum(c.isalpha() for c in inside.text) < 2:
        return None
    return inside


def _name_before(bracket: Token) -> Span | None:
    """The capitalised run right before the bracket, if it reads as an organisation's name."""
    doc = bracket.doc
    sentence_start = bracket.sent.start
    start = bracket.i
    index = bracket.i - 1
    while index >= max(sentence_start, bracket.i - MAX_NAME_TOKENS):
        token = doc[index]
        if _is_name_word(token, sentence_start):
            start = index
        elif not _joins_a_name(token):
            break
        index -= 1
    # the run starts on a name word: "The" of "The Front for ..." is none
    words = [t for t in doc[start : bracket.i] if _is_name_word(t, sentence_start)]
    if len(words) < 2:
        return None
    acronym = doc[bracket.i + 1].text
    if words[0].text[0] != acronym[0] and not any(_names_an_organisation(t) for t in words):
        return None
    return doc[start : bracket.i]


#: Words whose possessive belongs inside a name: "People's", "Workers'", "Women's".
COLLECTIVE_OWNERS = frozenset(
    "people peoples workers women children youth nation citizens farmers martyrs".split()
)


def _joins_a_name(token: Token) -> bool:
    """ "of", "de", a hyphen, or the "'s" of "People's" (not of "Biya's": a person's
    possessive is the owner's, outside the name)."""
    if token.lower_ in ("'s", "’s"):
        owner = token.doc[token.i - 1] if token.i > 0 else None
        return owner is not None and owner.lower_ in COLLECTIVE_OWNERS
    return token.lower_ in CONNECTORS or token.text in ("-", "'", "’")


def _is_name_word(token: Token, sentence_start: int) -> bool:
    if not token.is_alpha and "-" not in token.text and "'" not in token.text:
        return False
    if not token.text[0].isupper() or token.lower_ in ("the", "a", "an"):
        return False
    # a sentence's first word is capitalised anyway: only a proper noun counts there
    return token.i != sentence_start or token.pos_ == "PROPN"


#: The lower-case forms in which a word organisations are named by may be written.
_ORGANISATION_WORD_FORMS = ORGANISATION_NAME_WORDS | {f"{w}s" for w in ORGANISATION_NAME_WORDS}


def _names_an_organisation(token: Token) -> bool:
    # the lemma of a capitalised plural ("Forces") is often the word itself
    words = {token.lemma_.lower(), token.lower_, token.lower_.removesuffix("s")}
    return bool(words & ORGANISATION_NAME_WORDS)


def _keeps_its_label(entity: Span, name: Span) -> bool:
    """A curated organisation anywhere in the name, or a place or person the NER found
    that is the whole name, keeps the name as the NER and the gazetteer read it."""
    if entity.ent_id_:
        return True
    whole = entity.start <= name.start and entity.end >= name.end
    return whole and entity.label_ in KEPT_LABELS


def _overlap(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end
