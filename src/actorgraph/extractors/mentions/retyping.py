"""Entity typing repairs: when a name the NER calls a person or an organisation is neither.

The small English model types by the look of a name, so three kinds of name come out
wrong, and each is caught here from what the gazetteers and the sentence say:

* **places**: a name that the gazetteers know as a country, region, district or populated
  place *of the article's own country* ("Palmyra", "Sahel", "Harasta" in an article
  about Syria or the Sahel) is a place, not a person and not an organisation, unless the
  syntax clearly says otherwise (:func:`reads_as_person`: "Mr. Kennedy", "Kennedy
  said", "Kennedy, 53,"; :func:`names_a_role_holder`: "Burlington spokesman Gus
  Melonas");
* **headline fragments**: in a title-case line the NER runs names into the words after
  them ("Afghan-Led Force Capture", "Coalition Force Confirms", "Clashes Escalate");
  there an uncurated organisation must end on a word that organisations are named by,
  and a person's name must hold no verb;
* **wire furniture**: slugs of news wires ("LD Writethru", "Roundup") and web addresses.

The article's country is the one its provinces and country names point to most often
(:func:`article_country`); without one, only places that need no country to be known
(countries, regions, districts, and for a person's name cities of at least
:data:`POPULOUS` people) count.

>>> is_headline_words(["Afghan-Led", "Force", "Capture", "Taliban", "Leader"])
True
>>> is_headline_words(["The", "force", "captured", "a", "Taliban", "leader"])
False
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from actorgraph.extractors.lexicon import (
    NAME_TITLES,
    ORGANISATION_HEADS,
    ORGANISATION_NAME_WORDS,
    SUBPROVINCE_NOUNS,
)
from actorgraph.extractors.syntax import once_per_doc
from actorgraph.gazetteers.places import Gazetteer
from actorgraph.text import normalise_name

#: A city is known without its country from this many inhabitants on ("Dayton" is not,
#: "Burlington" of 52,000 is); inside the article's country every populated place counts.
POPULOUS = 50_000
#: Place kinds of the gazetteer that a name can be.
PLACE_KINDS = frozenset({"city", "district", "province"})
#: Share of a line's longer words that start with a capital for it to be a headline.
HEADLINE_SHARE = 0.75
#: Words of at least this many letters decide whether a line is in title case.
HEADLINE_WORD = 4
#: Slugs that news wires put before or after a story: never a name.
WIRE_SLUGS = frozenset(
    {"writethru", "roundup", "urgent", "advisory", "update", "updates", "correction", "recasts"}
)
#: Verbs whose subject is a person (or an organisation), never a place.
SAYING_LEMMAS = frozenset({"say", "tell", "add", "write", "recall", "testify", "insist"})
#: Nouns in apposition to a name that make it a person's: "Kennedy, a senator, ...".
PERSON_NOUNS = frozenset(
    """
    man woman senator official leader commander spokesman spokeswoman president minister
    professor lawyer judge father mother son daughter brother sister wife husband
    spokesperson reporter journalist correspondent researcher analyst chairman chairwoman
    governor mayor founder deputy head representative envoy coordinator commissioner
    secretary emir director chief
    """.split()
)
#: Verbs whose agent ("led by X") is a person when the name holds no organisation word.
LEADING_VERBS = frozenset({"lead", "head", "command", "found", "co-found", "chair"})
#: Role nouns after an uncurated one-word organisation that make it one for certain:
#: "Burlington spokesman", "a Farley attorney", "Edison's chairman".
ORGANISATION_ROLE_NOUNS = frozenset(
    """
    spokesman spokeswoman spokesperson official officials executive executives chairman
    president director attorney lawyer employee employees manager chief officer engineer
    analyst economist worker workers administrator owner founder
    """.split()
)


def article_country(doc: Doc, gazetteer: Gazetteer) -> str | None:
    """The ISO 3166 country that the article's provinces and country names name most.

    Ties and articles that name none have no country.
    """
    votes: Counter[str] = Counter()
    for ent in doc.ents:
        if ent.label_ == "PROVINCE" and ent.ent_id_:
            votes[ent.ent_id_.split("-")[0]] += 1
        elif ent.label_ in ("GPE", "NORP"):
            code = gazetteer.country_code(_bare(ent.text))
            if code:
                votes[code] += 1
    ranked = votes.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def is_place_name(
    name: str, gazetteer: Gazetteer, country: str | None, populous: int | None = POPULOUS
) -> bool:
    """Whether ``name`` is a country, or a place of ``country`` that the gazetteer knows.

    Without a country, regions and districts count, and cities of at least ``populous``
    inhabitants: a person's name must be a well-known city's to be taken for one
    ("Kennedy" is a town too), an organisation's only a town's ("Daniel Sullivan, 30,
    of Boothbay": pass ``populous=0``). ``populous=None``: without a country, cities
    never count.
    """
    if gazetteer.country_code(name) is not None:
        return True
    key = normalise_name(name)
    for match in gazetteer.find_place(name):
        if match.kind not in PLACE_KINDS or normalise_name(match.name) != key:
            continue
        if country is not None:
            if match.province.country == country:
                return True
        elif match.kind != "city" or (populous is not None and match.population >= populous):
            return True
    return False


#: Type words of administrative units that end a place's name, never a person's ("province"
#: ends organisation names too: "Islamic State West Africa Province").
UNIT_WORDS = SUBPROVINCE_NOUNS | {"governorate", "oblast"}


def ends_on_a_unit_word(name: str) -> bool:
    """ "Chikun LGA", "Masisi territory", "Kech district": the name of a unit, not a person.

    >>> ends_on_a_unit_word("Chikun LGA"), ends_on_a_unit_word("Ahmad Khan")
    (True, False)
    """
    words = name.split()
    return len(words) > 1 and words[-1].lower() in UNIT_WORDS


def has_title_before(ent: Span) -> bool:
    """ "Mr. Kabul", "Gen. Raziq": a title written before the name makes it a person's."""
    first = ent.doc[ent.start - 1] if ent.start > 0 else None
    inside = ent[0]
    return any(
        token is not None and token.lower_.rstrip(".") in NAME_TITLES and token.text[:1].isupper()
        for token in (first, inside)
    )


def reads_as_person(ent: Span) -> bool:
    """The sentence or the article says a person: "Mr. Kennedy", "Kennedy said", "Kennedy, 53".

    A title before the name, a longer name of the article that ends in it ("John F.
    Kennedy" ... "Kennedy"), an apposition after it with an age or a role, or the
    subject of a verb of saying.
    """
    if has_title_before(ent):
        return True
    name = ent.text.strip()
    if any(
        other.label_ == "PERSON" and len(other) > len(ent) and other.text.endswith(" " + name)
        for other in ent.doc.ents
    ):
        return True
    root = ent.root
    for child in root.children:
        if child.dep_ == "appos" and (child.like_num or child.lemma_.lower() in PERSON_NOUNS):
            return True
    if _has_age_after(ent):
        return True  # "Winter, 53, a former professor"
    return root.dep_ == "nsubj" and root.head.lemma_.lower() in SAYING_LEMMAS


def shaped_like_a_person(ent: Span) -> bool:
    """An "organisation" that the sentence shows to be a person: "Mason, who headed the CDC",
    "Albrecht, 54, is a former professor", "Ulf D. Merbold" (a middle initial).

    Stricter than :func:`reads_as_person`: organisations say things too.
    """
    if names_an_organisation_at_its_end(ent):
        return False  # "its Special Zonal Committee, whose spokesperson ..."
    if has_title_before(ent) or _has_age_after(ent):
        return True
    words = ent.text.split()
    if len(words) == 3 and len(words[1]) == 2 and words[1][0].isupper() and words[1][1] == ".":
        return True  # "Ulf D. Merbold"
    root = ent.root
    for child in root.children:
        if child.dep_ == "relcl" and any(c.lower_ == "who" for c in child.children):
            return True
        if child.dep_ == "appos" and child.lemma_.lower() in PERSON_NOUNS:
            return True
    if root.dep_ == "appos" and root.head.lemma_.lower() in PERSON_NOUNS:
        return True  # "the council's leader, Lucas Ayaba Cho"
    if _holds_the_role_whose(root):
        return True  # "the Badr Organisation, whose secretary-general is Hadi al-Amiri"
    return _leads_as_agent(ent)


def _holds_the_role_whose(root: Token) -> bool:
    """The name is what "whose <role noun> is" says: a person holds that role."""
    copula = root.head
    if root.dep_ != "attr" or copula.lemma_ != "be":
        return False
    return any(
        c.dep_ == "nsubj"
        and c.lemma_.lower() in PERSON_NOUNS
        and any(w.lower_ == "whose" for w in c.subtree)
        for c in copula.children
    )


def _leads_as_agent(ent: Span) -> bool:
    """ "a gang led by Luckson Elan": the agent of "led", "headed", "founded", when the name
    has two or three words and none that organisations are named by."""
    root = ent.root
    words = [t for t in ent if t.is_alpha]
    if not 2 <= len(words) <= 3 or any(_names_an_organisation(t) or t.is_upper for t in words):
        return False
    agent = root.head
    return (
        root.dep_ == "pobj"
        and agent.dep_ == "agent"
        and agent.head.lemma_.lower() in LEADING_VERBS
    )


def names_an_organisation_at_its_end(ent: Span) -> bool:
    """ "Tariq Ben Zeyad Brigade", "Murzuq Martyrs Brigade": a "person" whose last word,
    capitalised, is one that organisations are named by; or "General Directorate of
    Intelligence", "Ministry of Defence": such a word before "of"."""
    last = ent[-1]
    if len(ent) >= 2 and last.is_title and _names_an_organisation(last):
        return True
    return any(
        token.is_title
        and token.i + 1 < ent.end
        and token.nbor(1).lower_ == "of"
        and (_names_an_organisation(token) or token.lemma_.lower() in ORGANISATION_HEADS)
        for token in ent[:-1]
    )


def _has_age_after(ent: Span) -> bool:
    following = ent.doc[ent.end : ent.end + 3]
    return (
        len(following) == 3
        and following[0].text == ","
        and following[1].like_num
        and following[2].text == ","
    )


def names_a_role_holder(ent: Span) -> bool:
    """ "Burlington spokesman Gus Melonas", "a Farley attorney", "Edison's chairman".

    The organisation's name modifies a role noun, directly or over common nouns that are
    not themselves organisations ("a Burlington operations manager"; not "Jalalabad
    police chief", where the place names the police).
    """
    root = ent.root
    if root.dep_ not in ("compound", "poss", "nmod"):
        return False
    head = root.head
    if head.lemma_.lower() not in ORGANISATION_ROLE_NOUNS and head.lower_ not in (
        ORGANISATION_ROLE_NOUNS
    ):
        return False
    between = ent.doc[ent.end : head.i]
    return all(
        token.tag_ == "POS" or (token.pos_ == "NOUN" and not _names_an_organisation(token))
        for token in between
    )


def is_headline_words(words: Iterable[str]) -> bool:
    """Whether a line's words are in title case: most longer words start with a capital."""
    long_words = [w for w in words if sum(c.isalpha() for c in w) >= HEADLINE_WORD]
    if len(long_words) < 3:
        return False
    capitalised = sum(w[:1].isupper() for w in long_words)
    return capitalised >= HEADLINE_SHARE * len(long_words)


def in_headline(ent: Span) -> bool:
    """The name stands in a title-case line that no full stop ends (a headline, a heading).

    A sentence full of names ("Dean Falk of State University of New York at Albany
    supports ...") is in title case too, but ends like a sentence.
    """
    sentence = ent.sent
    # Every name of a sentence asks the same question: answered once per sentence.
    answers: dict[int, bool] = once_per_doc(ent.doc, "headline sentences", dict)
    if sentence.start not in answers:
        answers[sentence.start] = _is_headline_sentence(sentence)
    return answers[sentence.start]


def _is_headline_sentence(sentence: Span) -> bool:
    words = [t for t in sentence if not (t.is_space or t.is_punct) or t.text in ".!?"]
    if not words or words[-1].text in ".!?" or words[0].lower_ == "by":
        return False  # a sentence, or a byline ("By Yang Jianbai of the Economic Research")
    return is_headline_words(t.text for t in words if t.is_alpha or "-" in t.text)


def is_headline_fragment(ent: Span, is_verb: VerbTest) -> bool:
    """A name the NER ran into a headline's words: "Force Kills", "Clashes Escalate".

    An organisation's name must end on a word that organisations are named by (or be an
    acronym); a person's name must hold no verb.
    """
    if not in_headline(ent):
        return False
    words = [t for t in ent if t.is_alpha or "-" in t.text]
    if not words:
        return False
    if ent.label_ == "ORG":
        last = words[-1]
        acronym = last.text.isupper() and len(last.text) <= 6 and len(words) == 1
        return not acronym and not _names_an_organisation(last)
    return any(is_verb(t.lower_) for t in words)


def is_wire_furniture(text: str) -> bool:
    """ "LD Writethru", "Roundup", "https://...": the furniture of a wire story or a page."""
    if "://" in text or text.lower().startswith("www."):
        return True
    return any(word.lower().strip(".,;:") in WIRE_SLUGS for word in text.split())


class VerbTest:
    """Whether a lower-case word is an English verb, from the model's lemmatizer tables.

    The rule lemmatizer of spaCy's English pipelines ships an index of verb lemmas; a
    word is a verb when it, or its stem without -s, -es, -ed or -ing, is one. Without
    the tables (another lemmatizer) nothing is a verb, and the check is off.
    """

    def __init__(self, verbs: Iterable[str] = ()) -> None:
        self.verbs = frozenset(verbs)

    @classmethod
    def of_pipeline(cls, nlp) -> VerbTest:
        try:
            table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
            return cls(table["verb"])
        except (KeyError, AttributeError, ValueError):
            return cls()

    def __call__(self, word: str) -> bool:
        if not self.verbs:
            return False
        stems = {word}
        for suffix in ("s", "es", "ed", "d", "ing"):
            if word.endswith(suffix) and len(word) > len(suffix) + 2:
                stems.add(word[: -len(suffix)])
        return any(stem in self.verbs for stem in stems)


def _names_an_organisation(token: Token) -> bool:
    return token.lemma_.lower() in ORGANISATION_NAME_WORDS or token.lower_ in (
        ORGANISATION_NAME_WORDS
    )


def _bare(text: str) -> str:
    words = text.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    return " ".join(words).strip(" ,.;:'’")
