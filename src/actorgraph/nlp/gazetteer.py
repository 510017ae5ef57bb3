"""The spaCy component that labels the curated organisations in text.

``nlp.add_pipe("actorgraph_organisations", before="ner")`` (importing this module
registers the factory) adds an :class:`OrganisationMatcher` built from
:func:`actorgraph.gazetteers.organisations.load_organisations`. It labels every name, alias and
modifier of the directory as an entity ``ORG`` whose ``ent_id_`` is the organisation's
key, so the NER can neither miss nor mislabel them.

How a surface form is matched
-----------------------------

* A leading "the" is dropped and the rest is tokenised with the pipeline's own tokenizer.
* Abbreviations (two or more capitals, or no lower-case letter: IS, LeT, U.S., M23) must be
  written exactly as in the alias; other words may have any case, except that a first word
  the alias capitalises must not be all lower case in the text (title case or capitals),
  so "taliban" or "islamic state" in running text cannot start a match; a first word the
  alias writes in lower case ("al-Qaeda") may have any case, and so may the Arabic article
  "Al"/"El" that starts a longer alias ("al-Qaeda in the Arabian Peninsula"). An entry's
  ``exact_case`` aliases need every capitalised word capitalised ("Islamic State", not
  "an Islamic state").
* Hyphen and apostrophe tokens (``-`` and the other dashes; ``'`` and ``’``) are optional:
  "Al-Qaeda", "Al Qaeda", "ISIS K", "Lashkar e Taiba", "Kurdistan Workers Party" all
  match; straight and curly apostrophes inside words are interchangeable ("Kata’ib"), and
  an accented alias also matches its plain spelling ("Medecins Sans Frontieres").
* "IS" and "WHO" must be read as names rather than as the verb or the pronoun ("it IS
  what it is", "doctors WHO treated"), using the tagger and parser that run before the
  component; on an untagged Doc the test passes.
* An entry's ``modifiers`` ("Haqqani", "Azov") match only where the parser attaches their
  last word as a noun modifier (``compound``, ``amod``, ``nmod``): "a Haqqani commander",
  "Azov fighters", never "Sirajuddin Haqqani" or "the Sea of Azov", and never without a
  parser.

Of overlapping matches the longest wins, then the earliest (:func:`spacy.util.filter_spans`,
as in spaCy's EntityRuler).

How it is fast
--------------

spaCy's token ``Matcher`` tries every pattern at every token, so ~2,800 token patterns
cost about as much as the whole statistical pipeline. Instead, each surface form becomes a
few *phrases*: its tokens lower-cased, with the hyphen and apostrophe tokens left out,
``’`` written ``'`` and, for accented aliases, the plain spelling as well. One
:class:`~spacy.matcher.PhraseMatcher` (a hash trie, whose cost does not grow with the number
of phrases) runs over a *shadow* Doc of the text made the same way: lower case, straight
apostrophes, no hyphen or apostrophe tokens, each shadow token remembering its token in the
real Doc. Generating the hyphen/space variants as phrases instead would take 2**k phrases
for a name with k word gaps (some 34,000 for the directory; billions with every kind of
dash). The remaining conditions -- exact case of abbreviations, capitalised words, "IS"
and "WHO", modifiers -- are checked in Python on the few phrase matches only.

Two small liberties against a token-by-token reading: a hyphen or apostrophe token is
skipped anywhere inside a name, not only where the alias has a gap, hyphen or apostrophe
("Al-Qaeda's" and "Al-Qaeda-'s" alike), and a trailing optional token of an alias
("Quwat al-Da'm al-Sari'") is taken greedily.

Entities already on the Doc
---------------------------

The component resolves its matches together with the entities already in ``doc.ents``,
as one EntityRuler holding both pattern sets would: the longest span wins, then the
earliest; the losers are removed. On an exact tie an alias made of abbreviations matched
exactly as written ("SANA", "TAK") beats the existing entity (here the upper-case dateline
form of a province), and the existing entity beats any other alias. In
actorgraph's pipeline it runs right after the province EntityRuler (both before "ner"),
so an organisation whose name contains a province ("Khyber Pakhtunkhwa Police",
"Balochistan Liberation Army", "Jammu and Kashmir Police") replaces the PROVINCE and
becomes one ORG entity, while a province the organisation does not extend ("Hiiraan",
both a Somali region and an alias of Hiiraan Online; "Hiiraan region") stays a PROVINCE.
Overlapping NER entities, if the component is placed after "ner", are treated the same.

The matcher is built when the component is created (about 2,800 phrases from one pass of
``nlp.tokenizer.pipe``, about 0.2 s), never at import time. On the 352 ISAF press
releases of ``benchmarks/speed.py`` it takes ~20 ms of CPU, against ~7 s for the model.
"""

import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from actorgraph.gazetteers.organisations import (
    LABEL,
    OrganisationDirectory,
    load_organisations,
)
from actorgraph.text import fold_ascii

__all__ = ["FACTORY", "OrganisationMatcher", "make_organisation_matcher"]

#: The name of the spaCy factory (and the default name of the component).
FACTORY = "actorgraph_organisations"

HYPHENS = frozenset({"-", "‐", "‑", "‒", "–", "—"})
APOSTROPHES = frozenset({"'", "’"})
#: Tokens that are optional inside a name and left out of phrases and shadow Docs.
SKIPPED = HYPHENS | APOSTROPHES

# Clause-level dependencies that a verb "IS" takes and the name "IS" does not.
_VERB_DEPS = frozenset(
    {"ROOT", "aux", "ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "parataxis", "pcomp"}
)
# What the last word of a modifier ("a Haqqani commander") must be attached as.
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
# The Arabic article at the start of a name ("Al-Qaeda", "Al Shabaab"): any case in text.
ARABIC_ARTICLES = frozenset({"al", "el"})
# Single-token aliases that are also English words, and the test that reads them as names.
_WORDLIKE = frozenset({"IS", "WHO"})


@dataclass(frozen=True, slots=True)
class _Rule:
    """What a phrase match must also satisfy to name the organisation ``key``.

    Positions count the tokens of the phrase (hyphen and apostrophe tokens left out).
    """

    key: str
    #: (position, the spellings the token must have exactly): abbreviations.
    exact: tuple[tuple[int, frozenset[str]], ...] = ()
    #: positions whose token must not be all lower case.
    capitalised: tuple[int, ...] = ()
    #: the alias is a modifier: its last token must be attached as one.
    modifier: bool = False
    #: "IS" or "WHO": the token must not be read as the verb or the pronoun.
    wordlike: str | None = None
    #: spellings of a hyphen or apostrophe the alias starts with (required in the text).
    leading: frozenset[str] = frozenset()
    #: spellings of hyphens or apostrophes the alias ends with (taken when present).
    trailing: frozenset[str] = frozenset()
    trailing_count: int = 0
    #: every word of the alias is an abbreviation matched exactly (TAK, SANA, IS-K)
    abbreviation: bool = False

    def accepts(self, doc: Doc, tokens: Sequence[int]) -> bool:
        """Whether the phrase match at the real-Doc token indices ``tokens`` passes."""
        for position, spellings in self.exact:
            if doc[tokens[position]].text not in spellings:
                return False
        for position in self.capitalised:
            if doc[tokens[position]].is_lower:
                return False
        if self.modifier and doc[tokens[-1]].dep_ not in _MODIFIER_DEPS:
            return False
        if self.wordlike is not None and not _reads_as_name(doc[tokens[0]], self.wordlike):
            return False
        if self.leading:
            before = tokens[0] - 1
            return before >= 0 and doc[before].text in self.leading
        return True

    def extent(self, doc: Doc, tokens: Sequence[int]) -> tuple[int, int]:
        """The span of the match in the real Doc, with the alias's leading/trailing tokens."""
        start, end = tokens[0], tokens[-1] + 1
        if self.leading:
            start -= 1
        for _ in range(self.trailing_count):
            if end < len(doc) and doc[end].text in self.trailing:
                end += 1
        return start, end


def _reads_as_name(token: Token, word: str) -> bool:
    if word == "IS":
        return token.pos_ not in ("AUX", "VERB") or token.dep_ not in _VERB_DEPS
    return token.pos_ != "PRON" or token.is_sent_start is True


class OrganisationMatcher:
    """Label the organisations of a directory as ``ORG`` entities (``ent_id_`` = key)."""

    def __init__(
        self,
        nlp: Language,
        name: str = FACTORY,
        *,
        directory: OrganisationDirectory | None = None,
    ) -> None:
        self.name = name
        self.vocab = nlp.vocab
        self.directory = directory if directory is not None else load_organisations()
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._rules: dict[int, tuple[_Rule, ...]] = {}
        #: each phrase (its shadow tokens) and the rules its matches are checked against
        self.phrases: dict[tuple[str, ...], tuple[_Rule, ...]] = {}
        # ORTH hash of a token -> its shadow spelling, or None for a skipped token; grows
        # with the vocabulary, like the StringStore
        self._shadow_forms: dict[int, str | None] = {}
        self._add_phrases(_phrase_rules(self.directory, nlp))

    def __call__(self, doc: Doc) -> Doc:
        """Write the organisation spans into ``doc.ents`` (see "Entities already on the Doc")."""
        abbreviations, names = self._candidates(doc)
        if abbreviations or names:
            # filter_spans keeps the first of two equal spans
            doc.ents = filter_spans([*abbreviations, *doc.ents, *names])
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)

    def find(self, doc: Doc) -> list[Span]:
        """The organisation spans of ``doc``, without overlaps; ``doc`` is left unchanged."""
        abbreviations, names = self._candidates(doc)
        return filter_spans([*abbreviations, *names])

    def _candidates(self, doc: Doc) -> tuple[list[Span], list[Span]]:
        """Every phrase match that passes its rule, overlaps included: those of aliases that
        are abbreviations, and the others."""
        shadow, positions = self._shadow(doc)
        abbreviations: list[Span] = []
        names: list[Span] = []
        for match_id, start, end in self.matcher(shadow):
            tokens = positions[start:end]
            for rule in self._rules[match_id]:
                if rule.accepts(doc, tokens):
                    first, last = rule.extent(doc, tokens)
                    span = Span(doc, first, last, label=LABEL, span_id=rule.key)
                    (abbreviations if rule.abbreviation else names).append(span)
                    break
        return abbreviations, names

    def _shadow(self, doc: Doc) -> tuple[Doc, list[int]]:
        """``doc`` lower-cased, with straight apostrophes and no hyphen or apostrophe tokens,
        and the index in ``doc`` of each of its tokens (``doc`` itself when that is all)."""
        forms = self._shadow_forms
        words: list[str] = []
        positions: list[int] = []
        changed = False
        for i, orth in enumerate(doc.to_array(ORTH).tolist()):
            form = forms.get(orth, "")  # no token is empty, so "" means "not seen yet"
            if form == "":
                form = forms[orth] = _shadow_form(self.vocab.strings[orth])
            if form is None:
                changed = True
                continue
            words.append(form)
            positions.append(i)
        if not changed and "’" not in doc.text:
            return doc, positions
        return Doc(self.vocab, words=words), positions

    @property
    def phrase_count(self) -> int:
        """How many phrases the PhraseMatcher holds."""
        return len(self.phrases)

    def _add_phrases(self, rules: Iterable[tuple[tuple[str, ...], _Rule]]) -> None:
        by_phrase: dict[tuple[str, ...], list[_Rule]] = {}
        for phrase, rule in rules:
            found = by_phrase.setdefault(phrase, [])
            if rule not in found:
                found.append(rule)
        self.phrases = {phrase: tuple(found) for phrase, found in by_phrase.items()}
        by_rules: dict[tuple[_Rule, ...], list[tuple[str, ...]]] = {}
        for phrase, found in self.phrases.items():
            by_rules.setdefault(found, []).append(phrase)
        for index, (found, phrases) in enumerate(by_rules.items()):
            match_id = self.vocab.strings.add(f"{self.name}:{index}")
            self._rules[match_id] = found
            docs = [Doc(self.vocab, words=list(phrase)) for phrase in phrases]
            self.matcher.add(f"{self.name}:{index}", docs)


@Language.factory(
    FACTORY,
    default_config={"path": None},
    assigns=["doc.ents", "token.ent_type", "token.ent_iob"],
)
def make_organisation_matcher(nlp: Language, name: str, path: str | None) -> OrganisationMatcher:
    """The organisation matcher of the packaged directory, or of the file at ``path``."""
    directory = load_organisations(None if path is None else Path(path))
    return OrganisationMatcher(nlp, name, directory=directory)


# --- from surface forms to phrases and rules ------------------------------------------------


def _shadow_form(text: str) -> str | None:
    """How a token appears in the shadow Doc: None for a hyphen or apostrophe token."""
    return None if text in SKIPPED else _fold_case(text)


def _fold_case(text: str) -> str:
    """Lower case with straight apostrophes: how phrases and shadow Docs spell a token."""
    return text.lower().replace("’", "'")


def _phrase_rules(
    directory: OrganisationDirectory, nlp: Language
) -> Iterator[tuple[tuple[str, ...], _Rule]]:
    """(phrase, rule) for every surface form and modifier of every organisation."""
    entries: list[tuple[str, bool, bool]] = []  # (key, exact case, modifier)
    texts: list[str] = []
    for org in directory:
        exact = directory.exact_case(org.key)
        for surface in org.surface_forms:
            entries.append((org.key, surface in exact, False))
            texts.append(_strip_the(surface))
        for word in directory.modifiers(org.key):
            entries.append((org.key, False, True))
            texts.append(_strip_the(word))
    for (key, exact, modifier), tokens in zip(entries, nlp.tokenizer.pipe(texts), strict=True):
        words = [token.text for token in tokens]
        rule, choices = _rule(key, words, exact=exact, modifier=modifier)
        for phrase in itertools.product(*choices):
            yield phrase, rule


def _strip_the(surface: str) -> str:
    return _LEADING_THE.sub("", surface).strip()


def _rule(
    key: str, words: Sequence[str], *, exact: bool, modifier: bool
) -> tuple[_Rule, list[list[str]]]:
    """The rule of one tokenised surface form and, per phrase token, its spellings."""
    if len(words) == 1 and words[0] in _WORDLIKE:
        rule = _Rule(key, exact=((0, frozenset(words)),), wordlike=words[0], modifier=modifier)
        return rule, [[words[0].lower()]]
    leading: frozenset[str] = frozenset()
    if len(words) > 1 and words[0] in SKIPPED:
        leading = frozenset(_spellings(words[0]))
    last = len(words)
    while last > 1 and words[last - 1] in SKIPPED:
        last -= 1
    trailing = words[last:]
    exact_tokens: list[tuple[int, frozenset[str]]] = []
    capitalised: list[int] = []
    choices: list[list[str]] = []
    loose = False  # some word matches in any case
    for index, word in enumerate(words[:last]):
        if word in SKIPPED:
            continue
        position = len(choices)
        if _is_abbreviation(word) or not any(c.isalpha() for c in word):
            spellings = _spellings(word)
            if word.lower() != word.upper():  # has cased letters: LOWER is not enough
                exact_tokens.append((position, frozenset(spellings)))
        else:
            loose = True
            spellings = _spellings(word.lower())
            # "al-Qaeda in the Arabian Peninsula": the Arabic article is written in either case
            article = index == 0 and word.lower() in ARABIC_ARTICLES and len(words) > 1
            if word[0].isupper() and (index == 0 or exact) and not article:
                capitalised.append(position)
        choices.append(sorted({_fold_case(spelling) for spelling in spellings}))
    rule = _Rule(
        key,
        exact=tuple(exact_tokens),
        capitalised=tuple(capitalised),
        modifier=modifier,
        leading=leading,
        trailing=frozenset(s for word in trailing for s in _spellings(word)),
        trailing_count=len(trailing),
        abbreviation=bool(exact_tokens) and not loose,
    )
    return rule, choices


def _is_abbreviation(text: str) -> bool:
    """IS, U.S., M23, LeT, TOLOnews: two or more capitals, or no lower-case letter."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and (sum(c.isupper() for c in letters) >= 2 or text.upper() == text)


def _spellings(text: str) -> list[str]:
    """The token with straight and curly apostrophes, with and without diacritics."""
    forms = {text, text.replace("'", "’"), text.replace("’", "'")}
    forms |= {fold_ascii(form) for form in forms if fold_ascii(form).isascii()}
    return sorted(forms)
