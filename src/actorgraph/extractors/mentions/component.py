"""Mentions: the people, organisations and provinces that a document names.

The ``actorgraph_mentions`` component reads them off ``doc.ents`` (after the
gazetteer's EntityRuler and the NER) and cleans them: titles and roles are stripped
from names ("General Sadat" → "Sadat"), a leading "the" and a possessive "'s" go,
and names the curated organisation list knows become organisations whatever label
the NER gave them. Definite descriptions of an organisation ("the group", "the
service", "the movement") and the possessive "its" become *anaphoric* mentions
pointing to the organisation they most plausibly refer to.

Names that are neither people nor organisations whatever the NER says — places of the
article's country, headline fragments, wire slugs — are dropped by the checks of
:mod:`~actorgraph.extractors.mentions.retyping`.

Results go to ``doc._.ag_mentions`` (entity mentions, in text order).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from actorgraph.extractors.lexicon import (
    AFFILIATION_TITLES,
    GROUP_KINDS,
    LEADER_GROUP_NOUNS,
    NAME_TITLES,
    ORGANISATION_HEADS,
    ORGANISATION_NAME_WORDS,
    PLACE_NOUNS_AFTER_NAME,
)
from actorgraph.extractors.mentions.acronyms import (
    COLLECTIVE_OWNERS,
    defined_in_text,
    with_capitalised_names,
    with_defined_acronyms,
    with_group_noun_names,
)
from actorgraph.extractors.mentions.armies import (
    NATIONAL_FORCE_WORDS,
    army_nouns,
    national_armies,
    possessed_armies,
)
from actorgraph.extractors.mentions.retyping import (
    ORGANISATION_ROLE_NOUNS,
    PERSON_NOUNS,
    POPULOUS,
    VerbTest,
    article_country,
    ends_on_a_unit_word,
    is_headline_fragment,
    is_place_name,
    is_wire_furniture,
    names_a_role_holder,
    names_an_organisation_at_its_end,
    reads_as_person,
    shaped_like_a_person,
)
from actorgraph.extractors.mentions.states import (
    STATE_KIND,
    split_sponsor_prefix,
    sponsoring_states,
)
from actorgraph.extractors.syntax import tokens_written
from actorgraph.gazetteers.leaders import LeaderBook, load_leaders
from actorgraph.gazetteers.organisations import (
    KnownOrganisation,
    OrganisationDirectory,
    load_organisations,
)
from actorgraph.gazetteers.places import Gazetteer, load_gazetteer
from actorgraph.ontology import EntityType, Relation

#: Nouns that, after "the", can stand for an organisation named earlier.
GENERIC_ANAPHORS = frozenset(
    {"group", "movement", "organisation", "organization", "militia", "gang", "outfit"}
)
#: Nouns that refer back only to an organisation whose own name holds the same word.
NAMED_ANAPHORS = frozenset(
    {
        "service",
        "network",
        "force",
        "forces",
        "army",
        "front",
        "party",
        "council",
        "ministry",
        "agency",
        "police",
        "alliance",
        "coalition",
        "brigade",
        "brigades",
        "battalion",
        "regiment",
        "division",
        "command",
        "corps",
        "unit",
        "department",
        "newspaper",
        "paper",
        "station",
        "university",
        "bank",
        "court",
        "company",
        "firm",
        "government",
        "administration",
        "commission",
        "committee",
        "cartel",
        "federation",
        "mission",
    }
)
ANTECEDENT_SENTENCES = 2
#: The roles after "their" that make it an organisation's: "the Houthis said, according to
#: their spokesman" (not "their homes", "their fighters": people's, or too loose to read).
THEIR_ROLES = frozenset(
    {"spokesman", "spokeswoman", "spokesperson", "leader", "commander", "chief", "founder", "emir"}
)
#: Every word that can refer back to an organisation.
ANAPHOR_WORDS = GENERIC_ANAPHORS | NAMED_ANAPHORS | {"its", "their"}
#: Lower-case particles inside names ("Sabah al-Numan", "Osama bin Laden"), never stripped.
NAME_PARTICLES = frozenset(
    {"al", "el", "bin", "ibn", "abu", "de", "da", "del", "van", "von", "ul", "ag", "ould"}
)
MAX_WIDENING = 4
#: Prepositions a name can go on after: "University of Texas", "Committee on Veterans Affairs".
NAME_PREPOSITIONS = frozenset({"of", "on", "for"})
WIDENING_POS = frozenset({"NOUN", "PROPN", "ADJ", "CCONJ", "NUM"})
#: Lines this short without a verb are page furniture: release notes, download links.
FURNITURE_WORDS = 4
#: Single words the NER takes for organisations in "Interior minister X": a portfolio.
PORTFOLIO_WORDS = frozenset(
    {
        "interior",
        "defence",
        "defense",
        "foreign",
        "finance",
        "justice",
        "health",
        "education",
        "security",
        "information",
        "home",
        "intelligence",
        "energy",
        "trade",
        "agriculture",
    }
)
MEDIA_KIND = "media"
#: Curated kinds of state bodies and their alliances: never "the group" or "the movement".
STATE_KINDS = frozenset(
    {"state_force", "government", "ministry", "police", "international", "coalition", "agency"}
    | {STATE_KIND}
)
ENTITY_LABELS = {"PERSON": EntityType.PERSON, "ORG": EntityType.ORGANISATION}


@dataclass(eq=False, slots=True)
class Mention:
    """One mention of an entity in a document."""

    span: Span
    type: EntityType
    name: str
    known_as: str | None = None
    kind: str | None = None
    iso3166_2: str | None = None
    antecedent: Mention | None = None
    #: The name as written with its title, when it had one: "General Sadat", "Mrs. Higgins".
    titled: str | None = None

    @property
    def head(self) -> Token:
        return self.span.root

    @property
    def referent(self) -> Mention:
        """The mention this one stands for: itself, or its antecedent for "the group"."""
        return self.antecedent.referent if self.antecedent else self

    @property
    def is_media(self) -> bool:
        return self.referent.kind == MEDIA_KIND

    @property
    def organisation_key(self) -> str:
        """One key for every mention of an organisation in a document: its curated name."""
        referent = self.referent
        return (referent.known_as or referent.name).casefold()


def register_extensions() -> None:
    for name in ("ag_mentions", "ag_relations", "ag_events"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


@Language.factory("actorgraph_mentions")
def make_mention_finder(nlp: Language, name: str) -> MentionFinder:
    """Find people, organisations and provinces; resolve "the group" and "its"."""
    register_extensions()
    return MentionFinder(
        load_organisations(),
        load_gazetteer().load_towns(),
        load_leaders(),
        VerbTest.of_pipeline(nlp),
    )


class MentionFinder:
    def __init__(
        self,
        organisations: OrganisationDirectory,
        gazetteer: Gazetteer,
        leaders: LeaderBook,
        is_verb: VerbTest | None = None,
    ) -> None:
        self.organisations = organisations
        self.gazetteer = gazetteer
        self.leaders = leaders
        self.is_verb = is_verb or VerbTest()

    def __call__(self, doc: Doc) -> Doc:
        country = article_country(doc, self.gazetteer)
        names = [part for ent in widened_entities(doc) for part in _sponsor_apart(ent)]
        names = with_group_noun_names(doc, with_defined_acronyms(doc, names))
        names = with_capitalised_names(doc, names)
        mentions = [m for ent in names if (m := self.mention_of(ent, country=country))]
        mentions = self.national_army_names(surnames_as_people(mentions), country)
        mentions.extend(provinces_inside_names(doc, mentions))
        mentions.extend(self.groups_named_by_leader(mentions))
        mentions.extend(self.national_army_nouns(doc, mentions, country))
        mentions.extend(find_anaphors(doc, mentions))
        # after the anaphors: "its" and "the group" never stand for a country
        mentions.extend(self.sponsoring_states(doc, mentions, names))
        mentions.sort(key=lambda mention: mention.span.start)
        doc._.ag_mentions = mentions
        return doc

    def mention_of(self, ent: Span, *, country: str | None = None) -> Mention | None:
        """The mention an entity span makes, or None; ``country`` is the article's."""
        if ent.label_ == "PROVINCE":
            return Mention(ent, EntityType.PROVINCE, ent.text, iso3166_2=ent.ent_id_ or None)
        known = None if defined_in_text(ent) else self._curated(ent)
        if known is not None:
            span = strip_leading_article(ent)
            return Mention(span, EntityType.ORGANISATION, span.text, known.key, known.kind)
        entity_type = ENTITY_LABELS.get(ent.label_)
        if entity_type is not None and self._is_not_a_name(ent):
            return None
        if entity_type is EntityType.PERSON and names_an_organisation_at_its_end(ent):
            entity_type = EntityType.ORGANISATION
        if (
            entity_type is EntityType.ORGANISATION or ent.label_ == "GPE"
        ) and shaped_like_a_person(ent):
            entity_type = EntityType.PERSON  # "Mason, who headed the CDC", "Albrecht, 54,"
        if entity_type is EntityType.PERSON:
            span = strip_titles(ent)
            if span is None or self._is_place_not_person(span, ent, country):
                return None
            name = clean_name(span.text)
            titled = with_title(span, ent)
            return Mention(span, EntityType.PERSON, name, titled=titled if titled != name else None)
        if (
            entity_type is EntityType.ORGANISATION
            and not self._is_place_or_portfolio(ent, country)
            and not _is_page_furniture(ent)
        ):
            span = strip_leading_article(ent)
            return Mention(span, EntityType.ORGANISATION, clean_name(span.text))
        return None

    @cached_property
    def _national_armies(self) -> dict[str, KnownOrganisation]:
        return national_armies(self.organisations, self.gazetteer.country_code)

    def national_army_nouns(
        self, doc: Doc, mentions: list[Mention], country: str | None
    ) -> list[Mention]:
        """ "the army", "army chief X": the article's country's army
        (:mod:`actorgraph.extractors.mentions.armies`)."""
        taken = {token.i for mention in mentions for token in mention.span}
        # named as written ("army"), so that the entity keeps the word among its aliases
        found = []
        for span, code in possessed_armies(doc, taken, self.gazetteer.country_code):
            owned = self._national_armies.get(code)
            if owned is not None:
                found.append(self._army_mention(span, owned))
            else:
                # "Benin's army" of a country the directory has no army for: named so
                name = f"{span[0].text} {span[-1].text}"
                found.append(Mention(span, EntityType.ORGANISATION, name, kind="state_force"))
            taken.update(token.i for token in span)
        army = self._national_armies.get(country) if country else None
        if army is not None:
            found.extend(self._army_mention(span, army) for span in army_nouns(doc, taken))
        return found

    @staticmethod
    def _army_mention(span: Span, army: KnownOrganisation) -> Mention:
        name = strip_leading_article(span).text
        return Mention(span, EntityType.ORGANISATION, name, army.key, army.kind)

    def national_army_names(self, mentions: list[Mention], country: str | None) -> list[Mention]:
        """ "Army commander X" at the start of a sentence: the NER's organisation "Army" is
        the article's country's army too."""
        army = self._national_armies.get(country) if country else None
        if army is None:
            return mentions
        return [
            Mention(m.span, EntityType.ORGANISATION, m.name, army.key, army.kind)
            if m.type is EntityType.ORGANISATION
            and m.known_as is None
            and m.name.casefold() in NATIONAL_FORCE_WORDS
            else m
            for m in mentions
        ]

    def sponsoring_states(
        self, doc: Doc, mentions: list[Mention], names: list[Span]
    ) -> list[Mention]:
        """Countries the text makes sponsors ("backed by Rwanda", "Iran-backed"), as
        organisations (:mod:`actorgraph.extractors.mentions.states`)."""
        taken = {token.i for mention in mentions for token in mention.span}
        return [
            Mention(span, EntityType.ORGANISATION, name, kind=STATE_KIND)
            for span, name in sponsoring_states(doc, self.gazetteer, taken, names)
        ]

    def groups_named_by_leader(self, mentions: list[Mention]) -> list[Mention]:
        """ "Osama Bin Laden's group": the organisation a well-known leader heads."""
        found = []
        for person in (m for m in mentions if m.type is EntityType.PERSON):
            doc, end = person.span.doc, person.span.end
            if end + 1 >= len(doc) or doc[end].tag_ != "POS":
                continue
            noun = doc[end + 1]
            key = self.leaders.organisation_led_by(person.name)
            if key is None or noun.lemma_.lower() not in LEADER_GROUP_NOUNS or noun.ent_type_:
                continue
            known = self._known(key)
            if known is not None:
                span = doc[person.span.start : noun.i + 1]
                found.append(Mention(span, EntityType.ORGANISATION, span.text, key, known.kind))
        return found

    def _is_not_a_name(self, ent: Span) -> bool:
        """A headline's words run into a name ("Force Kills"), or a wire slug ("Writethru")."""
        return is_wire_furniture(ent.text) or is_headline_fragment(ent, self.is_verb)

    def _is_place_not_person(self, name: Span, ent: Span, country: str | None) -> bool:
        """ "Palmyra", "Sahel": a place of the article's country, unless the syntax says not.

        Without a country, a one-word name is a person's whatever town it also names
        ("Anderson, the longest-held hostage, ..."); "Ciudad Juarez" is a city anywhere.
        """
        cleaned = clean_name(name.text)
        if ends_on_a_unit_word(cleaned) and not reads_as_person(ent):
            return True  # "Chikun LGA", "Masisi territory": a unit, whatever the gazetteer knows
        populous = POPULOUS if " " in cleaned else None
        return is_place_name(cleaned, self.gazetteer, country, populous) and not (
            reads_as_person(ent)
        )

    def _is_place_or_portfolio(self, ent: Span, country: str | None = None) -> bool:
        """ "Cameroon" is a country used as a place; "Interior" alone is a portfolio.

        A place of the article's country ("director of the camp at Oxford") is no
        organisation either, unless a role noun after it says one ("Burlington
        spokesman Gus Melonas").
        """
        if len(ent) == 1 and ent[0].lower_ in PORTFOLIO_WORDS:
            return True
        following = ent.doc[ent.end] if ent.end < len(ent.doc) else None
        if following is not None and following.lower_ in PLACE_NOUNS_AFTER_NAME:
            return True  # "Chimtal district": the NER took a place for an organisation
        name = clean_name(ent.text)
        if self.gazetteer.country_code(name) is not None:
            return True
        return is_place_name(name, self.gazetteer, country, populous=0) and not (
            names_a_role_holder(ent)
        )

    def _curated(self, ent: Span) -> KnownOrganisation | None:
        """The curated organisation an entity names: its ruler id first, else its text."""
        known = self.organisations.lookup(ent.text)
        if ent.ent_id_ and ent.label_ == "ORG":
            known = self._known(ent.ent_id_) or known
        return known

    def _known(self, key: str):
        try:
            return self.organisations.get(key)
        except KeyError:
            return None


def provinces_inside_names(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """The province that opens an organisation's name ("Imo Police raid a camp", "Kharkiv
    Regional Military Administration"): a place too, for the events the sentence reports."""
    named = {m.span.start for m in mentions if m.type is EntityType.PROVINCE}
    found = []
    for ent in doc.ents:
        if ent.label_ != "PROVINCE" or ent.start in named:
            continue
        if any(
            m.type is EntityType.ORGANISATION and m.span.start == ent.start and m.span.end > ent.end
            for m in mentions
        ):
            found.append(Mention(ent, EntityType.PROVINCE, ent.text, iso3166_2=ent.ent_id_ or None))
    return found


def surnames_as_people(mentions: list[Mention]) -> list[Mention]:
    """One word the NER took for an organisation that is the surname of a person named
    earlier is that person: "Khalifa Haftar ... Haftar's Libyan National Army".

    Curated organisations keep their type ("Haqqani" is the network, however many
    Haqqanis the article names).
    """
    surnames: set[str] = set()
    kept = []
    for mention in mentions:
        if mention.type is EntityType.PERSON and len(mention.span) > 1:
            surnames.add(mention.span[-1].text.casefold())
        if (
            mention.type is EntityType.ORGANISATION
            and mention.known_as is None
            and len(mention.span) == 1
            and mention.span[0].dep_ != "compound"  # "Haqqani fighters": the group
            and mention.span[0].text.casefold() in surnames
        ):
            mention = Mention(mention.span, EntityType.PERSON, mention.name)
        kept.append(mention)
    return kept


#: Nouns for a state's armed or police forces after a country or its people's name.
FORCE_NOUNS = frozenset({"army", "military", "police", "navy", "gendarmerie", "forces"})


def _national_force_after(ent: Span) -> Span | None:
    """ "the Togolese army", "Benin army", "Ethiopian forces": a country's name or demonym
    that modifies the lower-case noun of a force right after it names that force."""
    doc = ent.doc
    if ent.label_ not in ("GPE", "NORP") or ent.end >= len(doc):
        return None
    noun = doc[ent.end]
    if noun.lower_ not in FORCE_NOUNS or not noun.is_lower or noun.ent_type_:
        return None
    if ent.root.head.i != noun.i or ent.root.dep_ not in ("amod", "compound", "nmod"):
        return None
    return Span(doc, ent.start, noun.i + 1, label="ORG")


def _sponsor_apart(ent: Span) -> list[Span]:
    """An organisation's name that starts on its sponsor, "Turkish-backed ...",
    split into the two (:func:`~actorgraph.extractors.mentions.states.split_sponsor_prefix`)."""
    if ent.label_ != "ORG":
        return [ent]
    # a curated alias may hold the sponsor too ("Turkish-backed Syrian National Army"): the
    # rest is looked up by its name again
    return split_sponsor_prefix(ent)


def widened_entities(doc: Doc) -> list[Span]:
    """``doc.ents``, with names the NER or the gazetteer cut short made whole.

    * a given name before a province name makes a person ("Laila Ahmadi");

    * a place or nationality that modifies an organisation right after it joins it:
      "Massachusetts" + "Department of Public Health", "Queensland" + "Liver Transplant
      Service", "Chinese" + "Foreign Ministry";
    * an organisation name that modifies a noun organisations are named by takes that
      noun: "Senate Appropriations" + "treasury and postal subcommittee";
    * a name cut after "of", "on" or "for" takes the capitalised words after it ("State
      University of" + "New York"), and one run into a bracketed acronym stops before it
      ("Party of the Democratic Revolution ( PRD").
    Curated organisations and everything else stay as they are.
    """
    ents = list(doc.ents)
    widened: list[Span] = []
    index = 0
    while index < len(ents):
        ent = ents[index]
        following = ents[index + 1] if index + 1 < len(ents) else None
        force = _national_force_after(ent)
        if force is not None:
            ent = force  # "the Togolese army", "Benin army": the country's own force
        elif (
            following is not None
            and ent.label_ in ("PROVINCE", "GPE", "NORP")
            and following.label_ == "ORG"
            and not following.ent_id_
            and following.start == ent.end
            and ent.root.head.i in range(following.start, following.end)
        ):
            ent = Span(doc, ent.start, following.end, label="ORG")
            index += 1
        elif (
            following is not None
            and ent.label_ == "PERSON"
            and following.label_ in ("PROVINCE", "GPE")
            and following.start == ent.end
            and len(following) == 1
            and all(t.head.i == following.start for t in ent if t.dep_ == "compound")
            and ent.root.head.i == following.start
        ):
            # "Roberto Álvarez" + "Heredia": the parse makes the place the name's head
            ent = Span(doc, ent.start, following.end, label="PERSON")
            index += 1
        elif ent.label_ in ("PROVINCE", "GPE"):
            ent = (
                _place_named_organisation(ent)
                or _person_named_like_place(ent)
                or _given_name_like_place(ent)
                or ent
            )
        if ent.label_ == "PERSON":
            ent = _with_given_names(ent, widened[-1].end if widened else 0)
            ent = _with_name_after_particle(ent)
        if ent.label_ == "ORG" and ent.ent_id_:
            # "Amhara Fano" + "National Force": a longer name is another organisation
            longer = _to_capitalised_name_word(ent)
            if longer is not ent and widened and _opens_the_name(widened[-1], longer):
                # "the Gondar" + "Fano Command": the word before opens that name
                longer = Span(doc, widened.pop().start, longer.end, label="ORG")
            ent = longer
        if ent.label_ == "ORG" and not ent.ent_id_:
            ent = _with_unit_number(_to_organisation_head(_through_preposition(ent)))
            ent = _after_unit_number(ent)
            ent = _before_open_parenthesis(ent)
        widened.append(ent)
        index += 1
        while index < len(ents) and ents[index].start < ent.end:
            index += 1  # a name the widened one took in: "... University of" + "Beirut"
    return widened


def _opens_the_name(before: Span, name: Span) -> bool:
    """One capitalised word of no curated entity right before ``name`` that the parse makes
    part of it: "the Gondar" of "the Gondar Fano Command"."""
    words = [t for t in before if t.lower_ != "the"]
    return (
        before.end == name.start
        and before.label_ in ("ORG", "GPE", "NORP", "LOC")
        and not before.ent_id_
        and len(words) == 1
        and words[0].dep_ == "compound"
        and words[0].head.i in range(name.start, name.end)
    )


#: At most this many given names the NER leaves off a person ("Celso" Ortega Jiménez).
MAX_GIVEN_NAMES = 2


def _with_given_names(ent: Span, floor: int) -> Span:
    """A person's name with the given names the NER cut off: "Iván" + "Archivaldo Guzmán".

    A capitalised proper noun right before the name that modifies it joins it, unless it
    is a title ("General", "President") or part of another entity; never before ``floor``,
    where the previous entity ends.
    """
    doc = ent.doc
    start = ent.start
    while start > max(floor, ent.start - MAX_GIVEN_NAMES):
        token = doc[start - 1]
        if not _is_given_name(token, ent):
            break
        start -= 1
    return ent if start == ent.start else Span(doc, start, ent.end, label="PERSON")


def _is_given_name(token: Token, ent: Span) -> bool:
    """A capitalised proper noun that modifies the name, and not a word capitalised for
    another reason: the first of a sentence ("Anatomist Jeffrey Laitman"), an office ("Vice
    Admiral", "Director"), or an occupation ("Anthropologist")."""
    word = token.lower_.rstrip(".")
    return (
        token.pos_ == "PROPN"
        and token.is_title
        and not token.ent_type_
        and token.dep_ == "compound"
        and ent.start <= token.head.i < ent.end
        and not token.is_sent_start
        and word not in OFFICE_WORDS
        and not word.endswith(OCCUPATION_ENDINGS)
    )


#: Endings of occupations written before a name: "Anatomist", "Columnist", "Historian".
OCCUPATION_ENDINGS = ("ist", "ologist", "torian", "ician")


#: Words before a name that are its holder's office, not a given name: "Director Laercio
#: Vinhas", "Inspector Richard P. Kusserow", "Deputy Ahmad Khan".
OFFICE_WORDS = (
    NAME_TITLES
    | AFFILIATION_TITLES
    | ORGANISATION_ROLE_NOUNS
    | PERSON_NOUNS
    | frozenset(
        """
        deputy mayor commissioner coordinator envoy adviser advisor head speaker premier
        chancellor emir warlord colonel inspector-general attorney-general vice prime acting
        former late
        """.split()
    )
)


def _to_organisation_head(ent: Span) -> Span:
    """Extend an organisation name over the words up to the noun that ends such names."""
    doc = ent.doc
    for end in range(ent.end, min(ent.end + MAX_WIDENING, len(doc))):
        token = doc[end]
        if token.ent_type_ or token.pos_ not in WIDENING_POS:
            break
        if token.lemma_.lower() in ORGANISATION_HEADS:
            return Span(doc, ent.start, end + 1, label="ORG")
    return _to_capitalised_name_word(ent)


def _to_capitalised_name_word(ent: Span) -> Span:
    """ "Amhara Fano" + "National Force", "Ansar" + "Dine Front": capitalised words that run
    on to a word organisations are named by. Only capitalised ones, so that a name before
    an ordinary noun ("Taliban fighters", "Hezbollah units") keeps its length."""
    doc = ent.doc
    for end in range(ent.end, min(ent.end + MAX_WIDENING + 1, len(doc))):
        token = doc[end]
        if token.lower_ in ("'s", "’s") and doc[end - 1].lower_ in COLLECTIVE_OWNERS:
            continue  # "Amhara Fano" + "People's Organisation"
        # a place inside the name is part of it: "United" + "Bangsamoro" + "Justice Party"
        other_entity = token.ent_type_ and token.ent_type_ not in ("PROVINCE", "GPE", "NORP")
        if other_entity or token.pos_ != "PROPN" or not token.is_title:
            return ent
        if ORGANISATION_NAME_WORDS & {token.lemma_.lower(), token.lower_}:
            return Span(doc, ent.start, end + 1, label="ORG")  # no curated id: a new name
    return ent


def _through_preposition(ent: Span) -> Span:
    """ "State University of" + "New York", "Senate Committee on" + "Veterans Affairs".

    A name the NER ends on "of", "on" or "for" (or on "of the": "1st Battalion of the" +
    "People's Liberation Army") goes on over the capitalised words after it.
    """
    doc = ent.doc
    cut_after_the = len(ent) > 2 and ent[-1].lower_ == "the" and ent[-2].lower_ in NAME_PREPOSITIONS
    if len(ent) < 2 or not (ent[-1].lower_ in NAME_PREPOSITIONS or cut_after_the):
        return ent
    end = ent.end
    limit = min(len(doc), ent.end + MAX_WIDENING + (2 if cut_after_the else 0))
    while end < limit and (_continues_a_name(doc[end]) or _possessive_inside(doc, end)):
        end += 1
    return Span(doc, ent.start, end, label="ORG") if end > ent.end else ent


def _continues_a_name(token: Token) -> bool:
    return token.is_title or token.is_upper or token.ent_type_ in ("GPE", "PROVINCE", "ORG")


def _possessive_inside(doc: Doc, index: int) -> bool:
    """The "'s" of "People's Liberation Army": between two capitalised words of a name."""
    token = doc[index]
    return (
        token.tag_ == "POS"
        and index + 1 < len(doc)
        and doc[index - 1].is_title
        and doc[index + 1].is_title
    )


def _before_open_parenthesis(ent: Span) -> Span:
    """ "Party of the Democratic Revolution ( PRD": the acronym in brackets is another name."""
    for token in ent:
        if token.text == "(" and token.i > ent.start:
            if any(t.text == ")" for t in ent[token.i - ent.start :]):
                return ent
            return Span(ent.doc, ent.start, token.i, label=ent.label_)
    return ent


def _with_unit_number(ent: Span) -> Span:
    """ "BPP Unit" + "24": a unit's number belongs to its name."""
    doc = ent.doc
    if (
        ent.end < len(doc)
        and ent[-1].lemma_.lower() in ORGANISATION_HEADS
        and doc[ent.end].like_num
    ):
        return Span(doc, ent.start, ent.end + 1, label="ORG")
    return ent


#: Nouns that end the names of numbered units: "444 Combat Brigade", "33rd Front".
UNIT_HEADS = frozenset(
    "brigade battalion division regiment corps front squadron company army unit".split()
)


def _after_unit_number(ent: Span) -> Span:
    """ "444" + "Combat Brigade", "33rd" + "Front": a unit's number before its name is part
    of it (not "three" + "Brigades" of a count)."""
    doc = ent.doc
    before = doc[ent.start - 1] if ent.start > 0 else None
    numbered = before is not None and (
        (before.like_num and before.text.isdigit()) or before.text[:-2].isdigit()
    )
    if numbered and before.ent_type_ != "DATE" and ent[-1].lemma_.lower() in UNIT_HEADS:
        return Span(doc, ent.start - 1, ent.end, label="ORG")
    return ent


def _person_named_like_place(place: Span) -> Span | None:
    """ "Laila Ahmadi": a place name that is the surname after a given name."""
    doc = place.doc
    if place.label_ != "PROVINCE" or place.start == 0:
        return None
    given = doc[place.start - 1]
    if (
        given.pos_ == "PROPN"
        and given.is_title
        and not given.ent_type_
        and given.dep_ == "compound"
        and given.head.i in range(place.start, place.end)
        and given.lower_.rstrip(".") not in NAME_TITLES
    ):
        return Span(doc, place.start - 1, place.end, label="PERSON")
    return None


def _given_name_like_place(place: Span) -> Span | None:
    """ "Sofia Marques", "Victoria Nyanjura": a one-word province name that is the given
    name before a surname (a capitalised proper noun it is compounded on, itself no
    entity and no word that places or organisations are named by), where the sentence
    shows a person (:func:`~actorgraph.extractors.mentions.retyping.reads_as_person`)."""
    doc = place.doc
    if place.label_ != "PROVINCE" or len(place) != 1 or place.end >= len(doc):
        return None
    surname = doc[place.end]
    given = place[0]
    if (
        given.dep_ == "compound"
        and given.head.i == surname.i
        and surname.pos_ == "PROPN"
        and surname.is_title
        and surname.ent_type_ in ("", "PERSON")
        and surname.lower_ not in PLACE_NOUNS_AFTER_NAME
        and not ORGANISATION_NAME_WORDS & {surname.lemma_.lower(), surname.lower_}
    ):
        end = surname.i + 1
        while end < len(doc) and doc[end].ent_type_ == "PERSON" and doc[end].is_title:
            end += 1
        person = Span(doc, place.start, end, label="PERSON")
        # "Helmand Humvee", "Tigray War", "Benghazi Saraya" are no people: the sentence
        # must say one ("Sofia Marques, a nurse", "Victoria Nyanjura, who runs ...")
        if shaped_like_a_person(person) or reads_as_person(person):
            return person
    return None


def _place_named_organisation(place: Span) -> Span | None:
    """ "Massachusetts Department of Public Health": a place name starting an organisation's."""
    doc = place.doc
    head = _capitalised_head_after(place)
    if head is None:
        return None
    end = head.i + 1
    if end + 1 < len(doc) and doc[end].lower_ == "of" and doc[end + 1].is_title:
        end += 1
        while end < len(doc) and doc[end].is_title and doc[end].ent_type_ != "PERSON":
            end += 1
    return Span(doc, place.start, end, label="ORG")


#: Words that end an organisation's name after a place's: "Kharkiv Regional Military
#: Administration", "Chhattisgarh Police", "Guerrero Security Coordination Group".
PLACE_ORGANISATION_HEADS = ORGANISATION_HEADS | frozenset(
    {"administration", "police", "group", "centre", "center", "secretariat", "command"}
    # "Shabwa Defence Forces", "Sinai Province Brigade", "Darfur Joint Force"
    | {"force", "forces", "army", "brigade", "brigades", "front", "militia", "guard", "corps"}
    | {"movement", "battalion", "regiment"}
    # "Addis Ababa University", "Kabul University", "Mirebalais University Hospital"
    | {"university", "college", "hospital"}
)
#: Capitalised words a place-named organisation may hold before its head word.
MAX_NAME_WORDS_AFTER_PLACE = 3


def _capitalised_head_after(place: Span) -> Token | None:
    """The capitalised head word of an organisation's name that runs on from ``place``
    over at most three capitalised words ("Regional Military"), if there is one."""
    doc = place.doc
    for index in range(place.end, min(place.end + MAX_NAME_WORDS_AFTER_PLACE + 1, len(doc))):
        token = doc[index]
        if not token.is_title or token.ent_type_ in ("ORG", "PERSON"):
            return None
        if token.lemma_.lower() in PLACE_ORGANISATION_HEADS:
            return token
        if token.pos_ not in ("PROPN", "ADJ", "NOUN"):
            return None
    return None


def _is_page_furniture(ent: Span) -> bool:
    """ "For Immediate Release", "Download PDF": a short line with no verb is no sentence."""
    sentence = ent.sent
    words = [t for t in sentence if not (t.is_space or t.is_punct)]
    return len(words) <= FURNITURE_WORDS and not any(t.pos_ in ("VERB", "AUX") for t in words)


def clean_name(text: str) -> str:
    """A name without a trailing possessive or stray punctuation."""
    name = " ".join(text.split())
    for suffix in ("'s", "’s", "'", "’"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
            break
    return name.strip(' ,.;:"“”()[]')


def strip_leading_article(span: Span) -> Span:
    start = span.start
    while start < span.end - 1 and span.doc[start].lower_ in ("the", "a", "an"):
        start += 1
    end = span.end
    while end > start + 1 and span.doc[end - 1].tag_ == "POS":
        end -= 1
    return span.doc[start:end]


def strip_titles(span: Span) -> Span | None:
    """Drop titles, ranks and role words before a person's name; None if nothing is left."""
    doc = span.doc
    start, end = span.start, span.end
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct):
        end -= 1
    while start < end and _is_title_or_role(doc[start]):
        start += 1
    if end - start > 2 and doc[start].lower_.endswith(OCCUPATION_ENDINGS):
        start += 1  # "Anthropologist Dean Falk"
    if start >= end or not any(
        token.is_alpha and token.text[0].isupper() for token in doc[start:end]
    ):
        return None
    return doc[start:end]


def with_title(name: Span, ent: Span) -> str:
    """The name with the capitalised titles written right before it ("Gen. Sadat")."""
    start = name.start
    while start > 0 and _is_written_title(name.doc[start - 1], inside=start > ent.start):
        start -= 1
    return clean_name(name.doc[start : name.end].text)


def _with_name_after_particle(ent: Span) -> Span:
    """ "Iyad Ag" + "Ghaly", "Mokhtar Ould" + "Belmokhtar": a person's name the NER ended on a
    particle goes on to the capitalised word after it, when no other name holds that word."""
    doc = ent.doc
    end = ent.end
    while (
        end < len(doc)
        and doc[end - 1].lower_ in NAME_PARTICLES
        and doc[end].is_title
        and doc[end].is_alpha
        and not doc[end].ent_type_
    ):
        end += 1
    if _hyphened_particle_ends(doc[ent.start : end]):
        end += 1  # "Abdulmalik al-" + "Houthi": the word is the name's, not the group's
    return ent if end == ent.end else Span(doc, ent.start, end, label=ent.label_)


def _hyphened_particle_ends(name: Span) -> bool:
    """The name ends on "al-" (a particle and a hyphen) that the next word is written onto."""
    doc = name.doc
    if len(name) < 3 or name.end >= len(doc):
        return False
    hyphen, particle, after = doc[name.end - 1], doc[name.end - 2], doc[name.end]
    return (
        hyphen.text == "-"
        and not particle.whitespace_
        and not hyphen.whitespace_
        and particle.lower_ in NAME_PARTICLES
        and after.is_title
        and after.is_alpha
    )


def _is_written_title(token: Token, inside: bool) -> bool:
    return token.lower_.rstrip(".") in NAME_TITLES and (inside or token.text[:1].isupper())


def _is_title_or_role(token: Token) -> bool:
    word = token.lower_.rstrip(".")
    if word in NAME_PARTICLES:
        return False
    return word in NAME_TITLES or token.is_punct or (token.is_alpha and token.is_lower)


def find_anaphors(doc: Doc, named: list[Mention]) -> list[Mention]:
    """Mentions for "the group"-style descriptions and "its", with their antecedents.

    Antecedents are searched backwards over the current and the previous two sentences,
    among named organisations and the descriptions already resolved.
    """
    known = [m for m in named if m.type is EntityType.ORGANISATION]
    if not known:
        return []
    sentence_number = {sent.start: number for number, sent in enumerate(doc.sents)}
    # "the army" that already names the national army is no description of another one
    named_tokens = {token.i for mention in named for token in mention.span}
    found: list[Mention] = []
    for token in tokens_written(doc, ANAPHOR_WORDS, lower=True):
        is_its = token.lower_ == "its" and token.dep_ == "poss"
        is_their = token.lower_ == "their" and token.dep_ == "poss"
        if token.ent_type_ or token.i in named_tokens:
            continue
        if not (is_its or is_their or _is_definite_description(token)):
            continue
        window = sentence_number[token.sent.start] - ANTECEDENT_SENTENCES
        candidates = sorted(
            (
                m
                for m in [*known, *found]
                if m.span.end <= token.i and sentence_number[m.span.sent.start] >= window
            ),
            key=lambda m: m.span.start,
        )
        if is_their:
            antecedent = _antecedent_for_their(token, candidates)
        elif is_its:
            harmed_by = _harming_organisations(token, known)
            allowed = [m for m in candidates if m.organisation_key not in harmed_by]
            antecedent = _antecedent_for_its(token, allowed)
        else:
            antecedent = _antecedent_for_description(token, candidates)
            if antecedent is not None and _names_another(token, antecedent):
                antecedent = None
        if antecedent is not None:
            span = _description_span(token)
            found.append(Mention(span, EntityType.ORGANISATION, span.text, antecedent=antecedent))
    return found


def _antecedent_for_their(their: Token, candidates: list[Mention]) -> Mention | None:
    """ "The Houthis said ..., according to their military spokesman Yahya Saree", "The
    Taliban claimed the attack, their spokesman said": when "their" owns a leading role, an
    organisation of the same sentence that is the subject of its main verb, or the nearest
    subject before "their". Not when people are ("Residents said their leader ...").
    """
    if their.head.lemma_.lower() not in THEIR_ROLES:
        return None
    sentence = their.sent
    before = [t for t in sentence if t.i < their.i and t.dep_ in ("nsubj", "nsubjpass")]
    main = [t for t in before if t.head.i == sentence.root.i]
    subjects = {t.i for t in (*before[-1:], *main)}
    return next(
        (
            m
            for m in reversed(candidates)
            if m.span.sent.start == sentence.start
            and not m.is_media
            and any(m.span.start <= i < m.span.end for i in subjects)
        ),
        None,
    )


#: Verbs of harm: whoever does them to "its founder" is not the "it".
HARM_VERBS = frozenset(
    """
    kill capture arrest attack ambush execute assassinate abduct kidnap target seize behead
    shoot detain murder
    """.split()
)


def _harming_organisations(its: Token, named: list[Mention]) -> set[str]:
    """The organisations that harm the one "its" stands for: "FADM troops killed its
    founder", "its leader was killed by Houthi fighters" (neither is the "it")."""
    noun = its.head
    while noun.dep_ == "conj" and noun.head.i != noun.i:
        noun = noun.head
    verb = noun.head
    if noun.dep_ not in ("dobj", "nsubjpass") or verb.lemma_.lower() not in HARM_VERBS:
        return set()
    doers = [
        t
        for child in verb.children
        if child.dep_ in ("nsubj", "agent")
        for t in child.subtree
    ]
    inside = {t.i for t in doers}
    return {
        m.organisation_key for m in named if any(t.i in inside for t in m.span)
    }


def _is_definite_description(token: Token) -> bool:
    word = token.lower_
    if word not in GENERIC_ANAPHORS and word not in NAMED_ANAPHORS:
        return False
    if token.pos_ != "NOUN":
        return False
    return any(child.dep_ == "det" and child.lower_ in ("the", "this") for child in token.children)


def _names_another(token: Token, antecedent: Mention) -> bool:
    """ "the Tepalcatepec cartel" after the Jalisco New Generation Cartel: a proper name
    before the noun that the antecedent's names lack makes it another organisation's name
    ("the Jalisco cartel" is still the JNGC)."""
    modifiers = [
        child
        for child in token.lefts
        if child.dep_ in ("compound", "amod", "nmod") and child.pos_ == "PROPN"
    ]
    if not modifiers:
        return False
    referent = antecedent.referent
    names = " ".join([referent.name, antecedent.name, referent.known_as or ""])
    words = set(names.lower().replace("-", " ").split())
    return any(child.lower_ not in words for child in modifiers)


def _description_span(token: Token) -> Span:
    start = min([token.i, *(child.i for child in token.lefts if child.dep_ in ("det", "amod"))])
    return token.doc[start : token.i + 1]


def _antecedent_for_its(token: Token, candidates: list[Mention]) -> Mention | None:
    """ "its": the nearest organisation of the sentence, else the previous sentence's topic.

    "The Taliban attacked the Afghan Army in Helmand. Its founder, Mullah Omar, ...": a
    sentence that opens on "its" continues the topic of the one before, its subject,
    rather than the organisation named last; within one sentence the nearest one is meant
    ("... attacked the Afghan Army, killing its commander").
    """
    same_sentence = [m for m in candidates if m.span.sent.start == token.sent.start]
    if same_sentence:
        subject = _subject_of_the_first_clause(token, same_sentence)
        return subject or _nearest(same_sentence, lambda m: not m.is_media)
    return _topic(candidates, lambda m: not m.is_media)


def _subject_of_the_first_clause(its: Token, candidates: list[Mention]) -> Mention | None:
    """ "X attacked Y, and its spokesman said ...": "its" opens a clause joined by "and" to
    X's, as its subject's owner, and so goes on about X."""
    noun = its.head
    verb = noun.head
    if noun.dep_ not in ("nsubj", "nsubjpass") or verb.dep_ != "conj":
        return None
    first = verb.head
    subjects = {
        t.i for c in first.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree
    }
    return _nearest(candidates, lambda m: not m.is_media and m.head.i in subjects)


def _topic(candidates: list[Mention], accept: Callable[[Mention], bool]) -> Mention | None:
    """The organisation earlier sentences are about: the nearest main-clause subject, else
    the nearest subject of any clause, else the nearest one named.

    "The assault was claimed by the AFNF, formed when two Fano commands merged. Its
    chairman ..." is about the AFNF, not the commands of the subordinate clause.
    """
    main = _nearest(candidates, lambda m: accept(m) and _in_subject(m) and _in_main_clause(m))
    any_subject = _nearest(candidates, lambda m: accept(m) and _in_subject(m))
    return main or any_subject or _nearest(candidates, accept)


def _in_main_clause(mention: Mention) -> bool:
    """The clause the mention is the subject of is its sentence's main one."""
    token = mention.head
    while token.dep_ not in ("nsubj", "nsubjpass", "pobj") and token.head.i != token.i:
        token = token.head
    # "claimed by X": pobj -> agent -> verb
    verb = token.head.head if token.dep_ == "pobj" else token.head
    return verb.dep_ == "ROOT"


def _in_subject(mention: Mention) -> bool:
    """The mention is its clause's subject, or names it ("Hezbollah fighters crossed ..."),
    or is the agent of a passive ("The assault was claimed by X"), who is the topic too."""
    token = mention.head
    while token.dep_ in ("compound", "poss", "amod", "nmod", "appos") and token.head.i != token.i:
        token = token.head
    if token.dep_ == "pobj" and token.head.dep_ == "agent":
        return True
    return token.dep_ in ("nsubj", "nsubjpass")


def _antecedent_for_description(token: Token, candidates: list[Mention]) -> Mention | None:
    word = token.lemma_.lower()
    same_word = _nearest(candidates, lambda m: _called(m, word))
    if same_word is not None or token.lower_ in NAMED_ANAPHORS:
        return same_word
    # "the group", "the movement": an armed group or party rather than a state's forces,
    # and never a state body, whatever else is near ("The Pentagon said a drone struck the
    # camp. The group's commander ...").
    def is_group(mention: Mention) -> bool:
        return mention.referent.kind in GROUP_KINDS

    def is_other(mention: Mention) -> bool:
        return not mention.is_media and mention.referent.kind not in STATE_KINDS

    same_sentence = [m for m in candidates if m.span.sent.start == token.sent.start]
    if same_sentence:
        return _nearest(same_sentence, is_group) or _nearest(same_sentence, is_other)
    # "Al-Shabaab, which is affiliated with al Qaeda, claimed the attack. The group's
    # spokesman ...": a new sentence continues the topic of the one before
    return _topic(candidates, is_group) or _topic(candidates, is_other)


def _called(mention: Mention, word: str) -> bool:
    """The mention's name holds ``word``, or an apposition calls it so: "the Santa Rosa de
    Lima cartel, a fuel-theft gang" is what "the gang" refers back to."""
    if any(t.lemma_.lower() == word for t in mention.span):
        return True
    return any(
        child.dep_ == "appos" and child.lemma_.lower() == word for child in mention.head.children
    )


def _nearest(candidates: list[Mention], accept: Callable[[Mention], bool]) -> Mention | None:
    for mention in reversed(candidates):
        if accept(mention):
            return mention
    return None


@dataclass(eq=False, slots=True)
class MentionRelation:
    """A relation read off one sentence, between two mentions, before resolution."""

    subject: Mention
    predicate: Relation
    object: Mention
    confidence: float
    sentence: Span
    cue: str


def sentence_mentions(doc: Doc) -> dict[int, list[Mention]]:
    """Mentions grouped by the start token of their sentence."""
    grouped: dict[int, list[Mention]] = {}
    for mention in doc._.ag_mentions or ():
        grouped.setdefault(mention.span.sent.start, []).append(mention)
    return grouped
