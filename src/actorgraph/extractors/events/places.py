"""locatedIn: the province an event took place in.

A province named outright, one reached through a district, city or village, or the place
the text last set the scene in. How reports name places:

* entities the NER or the province ruler found ("in Kunar", "near Mosul");
* "<Name> district / city / area / region ..." and "the town / village / outskirts of <Name>";
* the name after a locative preposition ("in", "near", "outside", "at", "on"), which the NER
  often misses or mislabels in wire and database phrasing ("in Kolofata", "IN KASHMIR");
* comma chains, broadest last, read as one place: "in Gwoza town, Gwoza district, Borno
  state, Nigeria", "near Boni (Douentza, Mopti)", "in the Kolofata area of Mayo-Sava
  department, Far North region" — the province the chain states, else the one of its
  broadest (last) place; a country in the chain narrows the lookups of the others;
* a country the event is placed in ("killed in Afghanistan") rules out provinces of other
  countries in the same sentence ("a New York Marine").

>>> LOCATIVE_PREPOSITIONS >= {"in", "near", "outside"}
True
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from actorgraph.extractors.events.asides import (
    describes_a_speaker,
    is_origin_or_destination,
    mistaken_for_a_date,
)
from actorgraph.extractors.events.items import EventMention
from actorgraph.extractors.events.triggers import (
    BACKGROUND_GOVERNORS,
    CLAUSE_EDGES,
    describes_a_person,
    is_trigger_word,
)
from actorgraph.extractors.lexicon import (
    NEWS_VERBS,
    PLACE_NOUNS,
    SPEECH_VERBS,
    SUBPROVINCE_NOUNS,
)
from actorgraph.extractors.mentions import Mention
from actorgraph.extractors.syntax import once_per_doc
from actorgraph.gazetteers.places import Gazetteer, PlaceMatch, Province, name_key
from actorgraph.ontology import EntityType

DATELINE_SEPARATORS = frozenset({"—", "–", "--", "-", ":", ")"})


DATELINE_MAX_TOKENS = 16


EXPLICIT_PROVINCE_CONFIDENCE = 0.9


#: An event with no place in its sentence happened where the text last set the scene.
INHERITED_PLACE_CONFIDENCE = 0.6


FRAME_SENTENCES = 3


#: Pieces of place names that are no words of their own: "Nahr-e-Seraj", "Qal'ah-ye Zal".
NAME_CONNECTORS = frozenset(
    {"-", "e", "i", "ye", "al", "el", "wa", "ez", "es", "az", "ash", "ad", "ed", "ul"}
    | {"da", "de", "do", "dos", "das", "del", "di", "du", "des", "la"}
)


GAZETTEER_PLACE_CONFIDENCE = 0.75


#: Prepositions after which a name is where something happened.
LOCATIVE_PREPOSITIONS = frozenset(
    {"in", "near", "at", "outside", "around", "inside", "across", "into", "on", "towards"}
)


#: Nouns whose "of" names a place: "the town of Kafr Nabl", "the outskirts of Damascus".
PLACE_OF_NOUNS = PLACE_NOUNS | frozenset(
    {"village", "town", "city", "outskirts", "countryside", "suburb", "suburbs", "vicinity"}
    | {"territory", "municipality", "commune", "locality"}
    | {"edge", "edges", "fringe", "fringes", "centre", "center", "heart", "entrance"}
    | {"periphery", "environs", "gates"}
)


#: Words that may stand between the places of one chain: "Gwoza town, Gwoza district, Borno".
CHAIN_LINKS = (
    PLACE_OF_NOUNS
    | frozenset({",", "(", ")", "of", "the", "in", "-", "–", "province", "tribal", "agency"})
    | frozenset({"governorate", "prefecture", "municipality", "commune", "locality", "lga"})
    | frozenset({"community", "settlement", "hamlet", "quarter", "sector", "subdistrict"})
)


#: At most this many link tokens between two places of a chain.
CHAIN_GAP = 4


#: Entity labels of names that are never places: "in January", "in 2015".
NOT_PLACE_ENTITIES = frozenset(
    {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "NORP", "EVENT"}
)


#: A province of another country than the article's counts when named in this many tokens
#: ("Deir ez-Zor", "North Kivu", "Borno state"); by a single word only when the article
#: names that country too ("Kharkiv" in a report on Russian troops and Ukraine's army).
MIN_FOREIGN_NAME_TOKENS = 2


#: What a demonym counts for in the article's country, against 1 for a country or province.
DEMONYM_VOTE = 0.5


#: Entity labels of places: a comma after one may go on to the place that contains it.
PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC", "PROVINCE"})


#: Prepositions of a target rather than a setting: a person or group after them is no place
#: ("an attack on Ahmed Shah", "fired at the Taliban").
TARGET_PREPOSITIONS = frozenset({"on", "at", "into", "towards"})


#: The longest name read after a locative preposition.
MAX_NAME_TOKENS = 5


#: A place the gazetteer finds only from a bare name after a preposition (no NER label):
#: with no country to narrow it down, only a district, a province or a town of this size.
UNNARROWED_MIN_POPULATION = 50_000
#: A town of the curated lists that GeoNames lacks has no population: it is known anyway.
CURATED_TOWN_POPULATION = 0
#: The same for a name the NER labels a person or a group.
UNNARROWED_NAME_MIN_POPULATION = 100_000
#: The same for a name the NER labels a place ("MoD" is no Oklahoma village).
UNNARROWED_NER_MIN_POPULATION = 10_000


#: A report of at most this many sentences may give its place once for all its events.
SHORT_REPORT_SENTENCES = 6


#: "The incident occurred / happened / took place in ...".
LOCATING_VERBS = frozenset({"occur", "happen", "take", "unfold"})
INCIDENT_NOUNS = frozenset({"incident", "event", "violence", "fighting", "attack", "explosion"})


@dataclass(frozen=True, slots=True)
class PlaceCandidate:
    """A place named in a sentence and the province it lies in."""

    span: Span
    province: Province
    confidence: float
    is_district: bool = False
    #: the district, city or village that placed the event in the province, if one did
    place: PlaceMatch | None = None


@dataclass(frozen=True, slots=True)
class _Named:
    """A span that names a place, before the gazetteer reads it."""

    span: Span
    #: the province mention, when the span is one
    mention: Mention | None = None
    #: the country the span names ("Nigeria"), when it names one
    country: str | None = None
    #: found only after a preposition: looked up strictly (no NER label vouches for it)
    loose: bool = False
    #: province mentions inside the span ("Saraj" in "Nahr-e Saraj"), read if it is nothing
    inner: tuple[Mention, ...] = ()


class PlaceFinder:
    """The provinces a sentence names or leads to, and the country the article is about."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    def place_candidates(
        self,
        sentence: Span,
        mentions: list[Mention],
        country: str | None,
        article_provinces: frozenset[str] = frozenset(),
        countries: frozenset[str] = frozenset(),
    ) -> list[PlaceCandidate]:
        """Provinces named in the sentence, and places the gazetteer puts in a province.

        Places inside a description of a person ("a leader who operates in X district")
        count only when the sentence names no other place. A name of several places is
        placed first in a province the sentence names, then in one the article names
        (``article_provinces``): "Bijapur district" in a report that names Chhattisgarh.
        ``countries``: those the article names (:meth:`named_countries`), whose provinces
        count however short their names, though ``country`` is another.
        """
        skip_until = dateline_end(sentence)
        named = self.named_places(sentence, mentions, skip_until)
        candidates: list[PlaceCandidate] = []
        home = {
            m.iso3166_2.split("-")[0]
            for n in named
            if (m := n.mention) and m.iso3166_2 and _in_main_story(n.span)
        }
        abroad = country is not None and country not in home
        # "near Borova, in the east of the Kharkiv region": of two Borovas, the one there
        provinces = {m.iso3166_2 for n in named if (m := n.mention) and m.iso3166_2}
        for chain in _chains(named):
            candidates += self._resolve_chain(
                chain, country, abroad, provinces, article_provinces, countries
            )
        candidates = _in_stated_countries(candidates, self._stated_countries(named))
        candidates.sort(key=lambda c: c.span.start)
        direct = [c for c in candidates if not describes_a_person(c.span)]
        return direct or candidates

    # ---------------------------------------------------------------- finding names

    def named_places(
        self, sentence: Span, mentions: list[Mention], skip_until: int
    ) -> list[_Named]:
        """Every span of the sentence that names a place, in reading order, without overlaps.

        A place name that takes in a province name is the place, not the province: "Nahr-e
        Saraj district" is in Helmand, whatever Macedonia's Saraj; "Baghlan-e Markazi".
        """
        provinces = [
            m for m in mentions if m.type is EntityType.PROVINCE and m.span.start >= skip_until
        ]
        found: list[_Named] = []
        taken: set[int] = set()
        for span, loose in _place_spans(sentence, skip_until):
            if any(i in taken for i in range(span.start, span.end)) or _names_an_accord(span):
                continue
            inner = tuple(m for m in provinces if _inside(m.span, span))
            if any(_overlaps(m.span, span) for m in provinces if m not in inner) or (
                inner and loose and not _extends_a_name(span, inner)
            ):
                continue
            code = self.gazetteer.country_code(span.text)
            if code is None and loose and _is_country_word(span, self.gazetteer):
                continue  # "in Afghan east", "in Pakistani Kashmir": no place of its own
            if inner and _only_designated(span, inner) and not self._lower_unit(span, inner):
                continue  # the province itself ("Khost Province", "Kandahar city")
            found.append(_Named(span, country=code, loose=loose, inner=inner))
            taken.update(range(span.start, span.end))
        covered = {id(m) for n in found for m in n.inner}
        found += [
            _Named(m.span, mention=m)
            for m in provinces
            if id(m) not in covered and not _names_an_accord(m.span)
        ]
        return sorted(found, key=lambda n: n.span.start)

    def _lower_unit(self, span: Span, inner: tuple[Mention, ...]) -> bool:
        """ "Beni territory", "Bassa LGA": a unit below a province that shares a province's
        name elsewhere (Beni is a Bolivian department) is that unit, not the province."""
        after = span.doc[span.end : span.end + 1]
        words = {t.lower_ for t in (*span, *after)} & SUBPROVINCE_NOUNS
        codes = [m.iso3166_2 for m in inner if m.iso3166_2]
        kinds = {kind for code in codes for kind in self.gazetteer.province_kinds(code)}
        return bool(words) and not words & kinds

    def _stated_countries(self, named: list[_Named]) -> set[str]:
        """Countries the sentence places something in: "killed in Afghanistan", "in Mali's"."""
        return {n.country for n in named if n.country and _placed_in(n.span)}

    # ---------------------------------------------------------------- reading chains

    def _resolve_chain(
        self,
        chain: list[_Named],
        country: str | None,
        abroad: bool = True,
        named_provinces: frozenset[str] | set[str] = frozenset(),
        article_provinces: frozenset[str] = frozenset(),
        countries: frozenset[str] = frozenset(),
    ) -> list[PlaceCandidate]:
        """One candidate for a chain whose places agree; else one per place, as written.

        ``abroad``: a name the article's country lacks may be a town of another country
        (not when the sentence names a province of the article's country).
        ``named_provinces``: the provinces the sentence names, where a name of several
        places is placed first; then ``article_provinces``, those the article names.
        """
        stated = [n.country for n in chain if n.country]
        anchor = None if stated else self._anchor_country(chain)
        hinted = abroad and not stated and anchor is None
        country = stated[-1] if stated else (anchor or country)
        places = [n for n in chain if not n.country]
        options = [
            _named_first(
                _named_first(self._options(n, country, hinted, countries), article_provinces),
                named_provinces,
            )
            for n in places
        ]
        resolved = [(n, o) for n, o in zip(places, options, strict=True) if o]
        if not resolved:
            return []
        if len(resolved) == 1 or len(chain) == 1:
            return [_candidate(n.span, o[0], place=_precise(n.span, o)) for n, o in resolved]
        explicit = {o[0].province.code for n, o in resolved if n.mention is not None}
        span = chain[0].span.doc[chain[0].span.start : chain[-1].span.end]
        if len(explicit) > 1 and not _contained(chain):
            # "in Kabul, Kandahar and Helmand": a list of provinces, each its own place
            return [_candidate(n.span, o[0]) for n, o in resolved]
        if len(explicit) > 1:
            # "the Eastern Ghouta of Damascus": the first, narrower name says where
            first = next((n, o) for n, o in resolved if n.mention is not None)
            return [_candidate(span, first[1][0])]
        if explicit:
            code = next(iter(explicit))
            match = next(o[0] for n, o in resolved if n.mention is not None)
            district = _has_district(resolved, code)
            return [_candidate(span, match, is_district=district, place=_narrowest(resolved, code))]
        # the broadest place, written last, contains the others: "Los Espinos, Zamora"
        last = resolved[-1][1][0]
        return [_candidate(span, last, place=_narrowest(resolved, last.province.code))]

    def _anchor_country(self, chain: list[_Named]) -> str | None:
        """The country of the broadest province a chain names, when its name is found in one
        country only: "the Mbau area of Beni territory, North Kivu" is in Congo, so "Beni"
        is the Congolese town, not the Bolivian department."""
        if len(chain) < 2:
            return None
        for named in reversed(chain):
            if named.mention is not None:
                countries = {p.country for p in self.gazetteer.find_provinces(named.span.text)}
                return next(iter(countries)) if len(countries) == 1 else None
        return None

    def _lookup(self, named: _Named, country: str | None) -> list[PlaceMatch]:
        matches = self.gazetteer.find_place(named.span.text, country)
        if named.loose:
            return [m for m in matches if _trusted(m, named.span, country)]
        if country is None:
            return [m for m in matches if _known_without_country(m)]
        return matches

    def _options(
        self,
        named: _Named,
        country: str | None,
        hinted: bool = False,
        countries: frozenset[str] = frozenset(),
    ) -> list[PlaceMatch]:
        """Where a named place may lie, best first (a province mention: just itself).

        ``hinted``: ``country`` is the article's guessed country, not one the text states
        next to the place.
        """
        if named.mention is not None:
            province = self.province_of(named.mention, country, countries)
            if province is not None:
                return [PlaceMatch(province.name, province, "province", 0)]
            # "Beni" is a Bolivian department's name and a Congolese town's: in a Congolese
            # report, the town
            return [
                m
                for m in self.gazetteer.find_place(named.span.text, country)
                if m.kind != "province"
            ]
        if len(named.span) == 1 and _names_the_capital(named.span.root):
            code = capital_country(named.span.root, self.gazetteer, country)
            capital = self.gazetteer.capital(code) if code else None
            return [capital] if capital is not None else []
        unit = bool(named.inner) and self._lower_unit(named.span, named.inner)
        matches = self._lookup(named, country)
        if unit:
            matches = [m for m in matches if m.kind != "province"]
        if not matches and country is not None and hinted:
            # the article's country was a guess from who fights ("Russian troops shelled
            # Nikopol"); a known town of another country is where it happened
            found = self.gazetteer.find_place(named.span.text, None, fuzzy=False)
            matches = [m for m in found if _known_abroad(m) and _vouched(m, named, countries)]
        for mention in reversed(named.inner if not matches and not unit else ()):
            # "Helmand Province Sangin district": no such place, but the province it names
            inner = _Named(mention.span, mention=mention)
            matches = self._options(inner, country, countries=countries)
            if matches:
                break
        return matches

    def province_of(
        self, mention: Mention, country: str | None, countries: frozenset[str] = frozenset()
    ) -> Province | None:
        """The province a mention names, in ``country`` when it has one of that name; a name
        that only one country has names its province wherever the article is, if it has
        several words ("Deir ez-Zor" in a report about Turkish-backed factions) or the
        article names that country (``countries``)."""
        province = None
        if mention.iso3166_2:
            try:
                province = self.gazetteer.province(mention.iso3166_2)
            except KeyError:
                province = None
            if province is not None and (country is None or province.country == country):
                return province
        found = self.gazetteer.find_provinces(mention.span.text, country)
        if found:
            return found[0]
        if country is not None and self.gazetteer.find_place(mention.span.text, country):
            return None  # a town of the country is called so: "Beni" in a Congolese report
        if province is None:
            return None
        if len(mention.span) < MIN_FOREIGN_NAME_TOKENS and province.country not in countries:
            return None  # one word is too easily part of a local name ("Baghlan-e Markazi")
        anywhere = self.gazetteer.find_provinces(mention.span.text)
        return province if {p.country for p in anywhere} == {province.country} else None

    def label_place(self, sentence: Span, country: str | None) -> PlaceCandidate | None:
        """The place of a topic label that opens a report: "Guanajuato: ...", "Tijuana, Baja
        California: ...". Not a dateline: an upper-case city ("KABUL:") or one with a date
        ("Kabul, May 6 -") is where the report was filed, not where it happened."""
        end = dateline_end(sentence)
        if end <= sentence.start + 1 or end >= sentence.end or sentence.doc[end - 1].text != ":":
            return None
        label = sentence.doc[sentence.start : end - 1]
        if label[0].is_upper or any(t.like_num or t.ent_type_ == "DATE" for t in label):
            return None
        matches = []
        for ent in label.ents:
            if ent.label_ == "PROVINCE" and ent.ent_id_:
                found = self.gazetteer.find_provinces(ent.text, country)
                matches += [PlaceMatch(p.name, p, "province", 0) for p in found[:1]]
            elif ent.label_ in ("GPE", "LOC"):
                matches += self.gazetteer.find_place(ent.text, country)[:1]
        explicit = [m for m in matches if m.kind == "province"]
        chosen = explicit[-1] if explicit else (matches[-1] if matches else None)
        if chosen is None:
            return None
        place = chosen if chosen.kind != "province" else None
        return PlaceCandidate(label, chosen.province, INHERITED_PLACE_CONFIDENCE, place=place)

    def named_countries(self, doc: Doc) -> frozenset[str]:
        """The countries an article names: as a place or a people ("Ukraine", "Ukrainian"), or
        in an organisation's name ("the Armed Forces of Ukraine").

        >>> finder = PlaceFinder(load_gazetteer())                    # doctest: +SKIP
        >>> finder.named_countries(nlp("Russian troops shelled Kharkiv."))  # doctest: +SKIP
        frozenset({'RU'})
        """
        codes = set()
        for ent in doc.ents:
            if ent.label_ in ("GPE", "NORP"):
                codes.add(self.gazetteer.country_code(ent.text))
            elif ent.label_ == "ORG":
                codes.update(self.gazetteer.country_code(t.text) for t in ent if t.is_title)
        return frozenset(code for code in codes if code)

    def country_hint(self, doc: Doc) -> str | None:
        """The country the article is about: its dateline first, then the countries it names."""
        votes: dict[str, float] = defaultdict(float)
        for sentence in list(doc.sents)[:3]:
            end = dateline_end(sentence)
            stated = [
                code
                for token in sentence.doc[sentence.start : end]
                if (token.is_title or token.is_upper)
                and (code := self.gazetteer.country_code(token.text))
            ]
            # "OUAGADOUGOU, June 3 (AFP) -": the city, when the dateline names no country
            city = _dateline_city(sentence, end) if not stated else None
            from_city = self.gazetteer.dateline_country(city.text) if city is not None else None
            for code in stated or ([from_city] if from_city else []):
                votes[code] += 3
        provinces, named = [], set()
        for ent in doc.ents:
            if ent.label_ in ("GPE", "NORP"):
                code = self.gazetteer.country_code(ent.text)
                if code:
                    # a country named counts more than a people ("Turkish-backed factions")
                    # or a modifier ("US soldiers wounded in Nangarhar")
                    stated = ent.label_ == "GPE" and ent.root.dep_ not in ("compound", "amod")
                    votes[code] += 1 if stated else DEMONYM_VOTE
                    if ent.label_ == "GPE":
                        named.add(code)
            elif ent.label_ == "PROVINCE" and ent.ent_id_:
                provinces.append(ent)
            elif ent.label_ == "ORG" and len(ent) > 1:
                # "Indian army", "Syrian forces": the demonym the organisation's name starts with
                code = self.gazetteer.country_code(ent[0].text)
                if code:
                    votes[code] += DEMONYM_VOTE
        for ent in provinces:
            votes[self._province_country(ent, named)] += 1
        return max(votes, key=votes.__getitem__) if votes else None

    def _province_country(self, ent: Span, named: set[str]) -> str:
        """The country a province name votes for: its own, unless a country the text names
        has a town of that name ("12 DR Congo villagers killed in Beni": the Congolese town,
        not Bolivia's Beni department)."""
        own = ent.ent_id_.split("-")[0]
        for code in sorted(named - {own}):
            towns = self.gazetteer.find_place(ent.text, code, fuzzy=False)
            if any(m.kind == "city" for m in towns):
                return code
        return own


def article_provinces(mentions: Iterable[Iterable[Mention]]) -> frozenset[str]:
    """The ISO 3166-2 codes of the provinces named among ``mentions`` (per sentence)."""
    return frozenset(
        m.iso3166_2
        for sentence in mentions
        for m in sentence
        if m.type is EntityType.PROVINCE and m.iso3166_2
    )


def _named_first(
    options: list[PlaceMatch], provinces: frozenset[str] | set[str]
) -> list[PlaceMatch]:
    """The options in one of ``provinces`` first, the order kept otherwise."""
    if len(options) < 2 or not provinces or options[0].province.code in provinces:
        return options
    return sorted(options, key=lambda m: m.province.code not in provinces)


def _candidate(
    span: Span,
    match: PlaceMatch,
    *,
    is_district: bool | None = None,
    place: PlaceMatch | None = None,
) -> PlaceCandidate:
    explicit = match.kind == "province"
    return PlaceCandidate(
        span,
        match.province,
        EXPLICIT_PROVINCE_CONFIDENCE if explicit else GAZETTEER_PLACE_CONFIDENCE,
        is_district=match.kind == "district" if is_district is None else is_district,
        place=place if place is None or place.province.code == match.province.code else None,
    )


#: Words after a name that say it is the district, not the town of the same name.
DISTRICT_WORDS = frozenset({"district", "districts", "agency", "territory", "lga"})


def _precise(span: Span, options: list[PlaceMatch]) -> PlaceMatch | None:
    """The place (not a province) a name stands for, best first; a bare name that is both a
    district and its seat town ("in Sangin") is the town, which has coordinates; "Sangin
    district" stays the district."""
    if not options or options[0].kind == "province":
        return None
    best = options[0]
    if best.kind != "district" or _followed_by(span, DISTRICT_WORDS):
        return best
    key = name_key(best.name)
    seat = next(
        (
            m
            for m in options
            if m.kind == "city"
            and m.province.code == best.province.code
            and m.latitude is not None
            and name_key(m.name) == key
        ),
        None,
    )
    return seat or best


def _narrowest(resolved: list[tuple[_Named, list[PlaceMatch]]], code: str) -> PlaceMatch | None:
    """The first place of a chain (the narrowest, written first) that lies in province
    ``code``: "Gwoza town" of "Gwoza town, Gwoza district, Borno state"."""
    for named, options in resolved:
        if named.mention is not None:
            continue
        place = _precise(named.span, options)
        if place is not None and place.province.code == code:
            return place
    return None


def _followed_by(span: Span, words: frozenset[str]) -> bool:
    return span.end < len(span.doc) and span.doc[span.end].lower_ in words


def _has_district(resolved: list[tuple[_Named, list[PlaceMatch]]], code: str) -> bool:
    return any(o[0].kind == "district" and o[0].province.code == code for _, o in resolved)


def _known_without_country(match: PlaceMatch) -> bool:
    """With no country to narrow a name down, a town must be more than a village."""
    if match.kind != "city" or match.population == CURATED_TOWN_POPULATION:
        return True
    return match.population >= UNNARROWED_NER_MIN_POPULATION


def _vouched(match: PlaceMatch, named: _Named, countries: frozenset[str]) -> bool:
    """A town abroad spelled as written (an article aside: "Qamishli" is "Al Qamishli"), or in
    a country the article names: "Mambasa" in a Congolese report is not Kenya's Mombasa,
    though GeoNames gives it that spelling."""
    if match.province.country in countries:
        return True
    written, listed = set(name_key(named.span.text).split()), set(name_key(match.name).split())
    return bool(written) and (written <= listed or listed <= written)


def _known_abroad(match: PlaceMatch) -> bool:
    """A town outside the article's guessed country: one GeoNames counts, big enough that
    the name is no village's (GeoNames misses some towns: "Rotterdam" must not become the
    village in New York)."""
    if match.kind != "city" or match.population == CURATED_TOWN_POPULATION:
        return False
    return match.population >= UNNARROWED_MIN_POPULATION


def _trusted(match: PlaceMatch, span: Span, country: str | None) -> bool:
    """A bare name after a preposition or a comma, that no NER label vouches for as a place.

    A district or province always; a town when the article's country narrows the lookup, or
    when it is big (bigger still for a name the NER took for a person or a group, as it
    does "Bamenda" or "Agusan Norte"); after a comma, a person's name only when big
    ("In Jalalabad, Ahmad Khan said ...").
    """
    if match.kind != "city" or match.population == CURATED_TOWN_POPULATION:
        return True
    named_otherwise = span.root.ent_type_ in ("PERSON", "ORG")
    if country is not None and not (named_otherwise and _after_a_comma(span)):
        return True
    if named_otherwise and country is None:
        return match.population >= UNNARROWED_NAME_MIN_POPULATION
    return match.population >= UNNARROWED_MIN_POPULATION


def _is_country_word(span: Span, gazetteer: Gazetteer) -> bool:
    return any(gazetteer.country_code(t.text) for t in span if t.is_title or t.is_upper)


def _in_stated_countries(
    candidates: list[PlaceCandidate], countries: set[str]
) -> list[PlaceCandidate]:
    """Provinces in a country the sentence places its news in; all when it names none."""
    if not countries:
        return candidates
    return [c for c in candidates if c.province.country in countries]


def _placed_in(span: Span) -> bool:
    """ "killed in Afghanistan", "clashes in Mali's Mopti region", "strikes across Syria": a
    country as the place of an event word (not "leaders based in Pakistan")."""
    root = span.root
    if root.dep_ == "poss":
        root = root.head
    if root.dep_ != "pobj" or root.head.lower_ not in ("in", "across", "inside", "throughout"):
        return False
    return is_trigger_word(root.head.head)


def _only_designated(span: Span, inner: tuple[Mention, ...]) -> bool:
    """The span is its provinces and type words only: "Helmand province", "Kandahar City"."""
    covered = {i for m in inner for i in range(m.span.start, m.span.end)}
    return all(t.i in covered or t.lower_ in CHAIN_LINKS for t in span)


def _extends_a_name(span: Span, inner: tuple[Mention, ...]) -> bool:
    """A longer name that a province's name begins: "Santa Cruz de la Sierra", "San Pedro
    Sula", "San Miguel Totolapan" (not "Helmand province", "Kabul city")."""
    covered = {i for m in inner for i in range(m.span.start, m.span.end)}
    rest = [t for t in span if t.i not in covered]
    names = [t for t in rest if t.text not in NAME_CONNECTORS]
    return bool(names) and all(
        t.is_title and t.lower_ not in PLACE_OF_NOUNS and t.lower_ not in CHAIN_LINKS for t in names
    )


def _inside(inner: Span, outer: Span) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


def _overlaps(first: Span, second: Span) -> bool:
    return first.start < second.end and second.start < first.end


def _contained(chain: list[_Named]) -> bool:
    """ "X of Y" all along the chain: each place lies in the next, no list of places."""
    doc = chain[0].span.doc
    return all(
        any(t.lower_ == "of" for t in doc[a.span.end : b.span.start])
        for a, b in itertools.pairwise(chain)
    )


def _chains(named: list[_Named]) -> list[list[_Named]]:
    """Places that follow each other with only commas, brackets and place nouns between."""
    chains: list[list[_Named]] = []
    for item in named:
        if chains and _linked(chains[-1][-1].span, item.span):
            chains[-1].append(item)
        else:
            chains.append([item])
    return chains


def _linked(first: Span, second: Span) -> bool:
    gap = first.doc[first.end : second.start]
    if not gap or len(gap) > CHAIN_GAP or not all(t.lower_ in CHAIN_LINKS for t in gap):
        return False
    if [t.lower_ for t in gap] in (["in"], ["in", "the"]):
        # "the village of Yusof Kheyl in Baraki Barak district": in a unit named as one
        after = second.doc[second.end] if second.end < len(second.doc) else None
        return after is not None and after.lower_ in PLACE_OF_NOUNS
    # a comma, a bracket, "of" or a place noun: not "in Kabul in May", "the Kabul the ..."
    return any(t.text in (",", "(") or t.lower_ in PLACE_OF_NOUNS or t.lower_ == "of" for t in gap)


class Scene:
    """Where the story is: the place of the last located event, or of an "In X, ..." opening.

    An event whose sentence names no place happened there; so did one whose only place
    is a village the gazetteer puts in another province, within a few sentences of a
    province the text stated. Places mentioned in passing do not move the scene.
    """

    def __init__(self) -> None:
        self.setting: PlaceCandidate | None = None
        self.age = 0

    @property
    def place(self) -> PlaceCandidate | None:
        return self.setting if self.age <= FRAME_SENTENCES else None

    def next_sentence(self, sentence: Span, places: list[PlaceCandidate]) -> None:
        self.age += 1
        setting = [
            p
            for p in places
            if (_opens_sentence(p.span, sentence) or _in_main_story(p.span))
            and not _named_as_opponent(p.span)
        ]
        if setting:
            self.setting, self.age = setting_of(setting), 0

    def event_placed(self, event: EventMention) -> None:
        if event.province is not None and event.location_confidence > INHERITED_PLACE_CONFIDENCE:
            self.setting = PlaceCandidate(
                event.sentence, event.province, event.location_confidence, place=event.place
            )
            self.age = 0

    def overrides(self, own: PlaceCandidate, triggers: list[Token]) -> bool:
        """A stated province nearby beats a village the gazetteer puts elsewhere; but not
        a province elsewhere in the same sentence when the village is the event's own
        ("raided Maiduguri, officials in Abuja said")."""
        scene = self.place
        same_sentence = scene is not None and scene.span.sent == own.span.sent
        return (
            scene is not None
            and not (same_sentence and own.span.root.i in attached_to(triggers))
            and scene.confidence >= EXPLICIT_PROVINCE_CONFIDENCE
            and own.confidence < EXPLICIT_PROVINCE_CONFIDENCE
            and not own.is_district
            and own.province.code != scene.province.code
        )


#: Nouns that a place's name may modify without placing anything there: "the Pretoria
#: peace agreement", "the Doha talks", "the Minsk accords".
ACCORD_NOUNS = frozenset(
    "agreement accord accords deal talks treaty process summit conference declaration"
    " protocol ceasefire truce negotiations".split()
)


def _names_an_accord(span: Span) -> bool:
    """The place names an agreement or a meeting, not where anything happened."""
    root = span.root
    if root.dep_ not in ("compound", "amod", "nmod"):
        return False
    head = root.head
    while head.dep_ == "compound" and head.head.i != head.i:
        head = head.head  # "the Pretoria peace agreement": over "peace"
    return head.lemma_.lower() in ACCORD_NOUNS or head.lower_ in ACCORD_NOUNS


def _named_as_opponent(span: Span) -> bool:
    """ "could join forces with Fano against Addis Ababa": a place after "against" stands
    for the side it is the seat of, and sets no scene for the events after it."""
    return span.root.dep_ == "pobj" and span.root.head.lower_ == "against"


def _in_main_story(span: Span) -> bool:
    """A place of what the sentence reports, not of a background, a description or the
    people who report it ("officials in Abuja said")."""
    node = span.root
    for ancestor in node.ancestors:
        reported = node.dep_ == "ccomp" and ancestor.lemma_.lower() in SPEECH_VERBS | NEWS_VERBS
        if (node.dep_ in CLAUSE_EDGES and not reported) or (
            ancestor.lemma_.lower() in BACKGROUND_GOVERNORS
        ):
            return False
        node = ancestor
    return not (
        describes_a_person(span) or describes_a_speaker(span) or is_origin_or_destination(span)
    )


def _opens_sentence(span: Span, sentence: Span) -> bool:
    """ "In Sangin district, ...", "Also in Helmand yesterday, ...": a scene-setting opening."""
    words = [t for t in sentence[: span.start - sentence.start] if not t.is_space]
    return len(words) <= 3 and any(t.lower_ in ("in", "near", "at") for t in words)


def report_place(
    sentences: list[Span], places_of: list[list[PlaceCandidate]], label: PlaceCandidate | None
) -> PlaceCandidate | None:
    """The one province a short report is about, if it names no other: a place given once
    for the whole report ("Rockets kill 30 || Kabul shelled", a database entry)."""
    if sum(1 for s in sentences if not all(t.is_space for t in s)) > SHORT_REPORT_SENTENCES:
        return None
    found = [p for places in places_of for p in places if _states_a_setting(p.span)]
    if label is not None:
        found.append(label)
    if len({p.province.code for p in found}) != 1:
        return None
    return max(found, key=lambda p: p.confidence)


def _states_a_setting(span: Span) -> bool:
    """Not a person's description ("a leader from Kunar") nor planned or denied action."""
    if describes_a_person(span):
        return False
    return not any(a.lemma_.lower() in BACKGROUND_GOVERNORS for a in span.root.ancestors)


def locate_earlier_event(
    event: EventMention, places: list[PlaceCandidate], words: list[Token]
) -> None:
    """ "The attack took place in Hiraan region", "The blast, near Jalalabad, ...": the place
    of an event reported just before, when it had none of its own (or only one inherited
    from the scene). Only a place said of the event itself counts: not "the target of this
    operation was a leader for operations in Azrah district"."""
    if event.province is not None and event.location_confidence > INHERITED_PLACE_CONFIDENCE:
        return
    sentence = words[0].sent
    stated = says_where_it_happened(sentence)
    attached = {t.i for word in words for t in word.subtree}
    own = [p for p in places if stated or p.span.root.i in attached]
    if own:
        place_event(event, nearest_place(own, words))


def says_where_it_happened(sentence: Span) -> bool:
    """ "The incident occurred in ...", "The explosion happened near ...": a sentence that
    only places an event already reported."""
    root = sentence.root
    verb = root.lemma_.lower()
    if verb not in LOCATING_VERBS:
        return False
    # "The attack occurred / took place in ...": the subject is the event words (a trigger
    # like "attack" refers back when it is definite)
    if verb == "take" and not any(c.lower_ == "place" for c in root.children):
        return False
    subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(
        (s.lemma_.lower() in INCIDENT_NOUNS or is_trigger_word(s))
        and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in s.children)
        for s in subjects
    )


def nearest_place(places: list[PlaceCandidate], triggers: list[Token]) -> PlaceCandidate:
    """The place closest to the event's words; a stated province wins a tie.

    A place the parse attaches to the event's words comes first: in "airstrikes on al-Raqqah
    and an attack on al-Hasakah" the attack is in al-Hasakah, though al-Raqqah is nearer.
    """
    attached = attached_to(triggers)
    return min(
        places,
        key=lambda c: (
            c.span.root.i not in attached,
            describes_a_speaker(c.span) or is_origin_or_destination(c.span),
            not _in_main_story(c.span),
            min(_distance(c.span, t) for t in triggers),
            -c.confidence,
        ),
    )


def attached_to(triggers: list[Token]) -> set[int]:
    """Token indices the parse hangs on the event's words."""
    return {t.i for trigger in triggers for t in trigger.subtree}


def _distance(span: Span, token: Token) -> int:
    """Tokens between a place and a trigger (0 when the trigger is inside the place's span)."""
    if span.start <= token.i < span.end:
        return 0
    return min(abs(span.root.i - token.i), abs(span.start - token.i))


def setting_of(places: list[PlaceCandidate]) -> PlaceCandidate:
    """Where a sentence sets the scene for the next ones: its first stated province, else place."""
    return max(places, key=lambda c: c.confidence)


def place_event(
    event: EventMention, place: PlaceCandidate, confidence: float | None = None
) -> None:
    event.province = place.province
    event.place = place.place
    event.location_confidence = confidence if confidence is not None else place.confidence


def dateline_end(sentence: Span) -> int:
    """Token index where a leading dateline ("KABUL, Afghanistan (Jan. 25) -") ends.

    A line that reports an event ("KURDS KILL THREE POLICE OFFICERS") is a headline, not a
    dateline, however upper-case it is.
    """
    first = sentence[0]
    if not (first.is_upper and len(first.text) > 1) and first.ent_type_ not in ("GPE", "PROVINCE"):
        return sentence.start
    limit = min(len(sentence), DATELINE_MAX_TOKENS)
    for offset in range(1, limit):
        token = sentence[offset]
        if token.pos_ in ("VERB", "AUX") and token.text not in DATELINE_SEPARATORS:
            return sentence.start
        if token.text in DATELINE_SEPARATORS:
            return token.i + 1
        if is_trigger_word(token):
            return sentence.start
    return sentence.end if len(sentence) <= limit else sentence.start


def _dateline_city(sentence: Span, end: int) -> Span | None:
    """The city a dateline opens with: its words before the first comma, bracket or dash."""
    if end <= sentence.start:
        return None
    stop = next(
        (t.i for t in sentence.doc[sentence.start : end] if t.is_punct or t.like_num),
        end,
    )
    return sentence.doc[sentence.start : stop] if stop > sentence.start else None


def place_spans(sentence: Span, skip_until: int) -> list[Span]:
    """Candidate place names: GPE/LOC/FAC entities, "Name district" and "in Name" phrases."""
    return [span for span, _loose in _place_spans(sentence, skip_until)]


def _place_spans(sentence: Span, skip_until: int) -> list[tuple[Span, bool]]:
    """Place names with whether only a preposition says they are places (``loose``)."""
    doc = sentence.doc
    spans = [
        (ent, False)
        for ent in _place_entities(doc)
        if sentence.start <= ent.start < sentence.end and ent.start >= skip_until
    ]
    for token in sentence:
        if token.i < skip_until:
            continue
        if token.lower_ in _UNIT_NOUNS and token.i > skip_until:
            start = token.i
            while start - 1 >= max(sentence.start, skip_until) and _name_part(doc[start - 1]):
                start -= 1
            if start < token.i and not doc[start].is_punct:
                spans.append((doc[start : token.i], False))
        if _introduces_a_place(token):
            name = _name_after(token, sentence.end)
            if name is not None:
                spans.append((name, True))
        struck = _struck_name(token)
        if struck is not None:
            spans.append((struck, True))
        if _names_the_capital(token):
            spans.append((doc[token.i : token.i + 1], False))
    return sorted(spans, key=lambda pair: (pair[0].start, -len(pair[0]), pair[1]))


_UNIT_NOUNS = PLACE_NOUNS | SUBPROVINCE_NOUNS


def _place_entities(doc: Doc) -> list[Span]:
    """The doc's GPE, LOC and FAC entities, read once per doc (``doc.ents`` builds them anew
    on every call)."""
    return once_per_doc(
        doc,
        "place entities",
        lambda: [e for e in doc.ents if e.label_ in ("GPE", "LOC", "FAC") and _capitalised(e)],
    )


def _capitalised(ent: Span) -> bool:
    """A name has a capital somewhere: "the Simon Bolivar canton" is read as GPE "canton",
    which GeoNames knows as Guangzhou's old name."""
    return any(t.text[:1].isupper() for t in ent)


def _introduces_a_place(token: Token) -> bool:
    """ "in", "near" ...; "of" after a place noun ("the town of", "the outskirts of"); a
    comma or bracket after a place ("Los Espinos, Zamora", "Boni (Douentza, Mopti)")."""
    word = token.lower_
    if word in LOCATIVE_PREPOSITIONS:
        return True
    if token.i == 0 or word not in ("of", ",", "("):
        return False
    before = token.doc[token.i - 1]
    if word == "of":
        return before.lower_ in PLACE_OF_NOUNS
    if word in (",", "("):
        # also after a name no NER label vouches for: "near Mocimboa da Praia, Mozambique"
        return (
            before.ent_type_ in PLACE_ENTITIES
            or before.lower_ in PLACE_OF_NOUNS
            or (before.pos_ == "PROPN" and not before.ent_type_)
        )
    return False


def _name_after(preposition: Token, limit: int) -> Span | None:
    """The proper name right after a preposition ("in the Kolofata area" → "Kolofata")."""
    doc = preposition.doc
    start = preposition.i + 1
    while start < limit and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    if (
        start + 1 < limit
        and doc[start + 1].lower_ in ("'s", "’s")
        and (doc[start].is_title or doc[start].is_upper)
    ):
        start += 2  # "in Cameroon's Far North", "in Kabul's Deh Sabz": the place within
    end = start
    if _arabic_article_before_hyphen(doc, start, limit):
        end = start + 2  # "in the town of al-Busayrah": the article is in lower case
    while end < limit and end - start < MAX_NAME_TOKENS and _loose_name_part(doc[end], start):
        end += 1
    while end > start and doc[end - 1].text in NAME_CONNECTORS:
        end -= 1
    if end == start:
        return None
    if preposition.lower_ in TARGET_PREPOSITIONS and _names_an_actor(doc[start]):
        return None
    return doc[start:end]


#: The Arabic article that starts place names in lower case: "al-Busayrah", "ad-Dali".
ARABIC_ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "an"})


def _arabic_article_before_hyphen(doc: Doc, start: int, limit: int) -> bool:
    """ "al-Busayrah": a lower-case article joined by a hyphen to a capitalised name."""
    if start + 2 >= limit or doc[start].lower_ not in ARABIC_ARTICLES:
        return False
    hyphen, name = doc[start + 1], doc[start + 2]
    return (
        hyphen.text == "-"
        and not doc[start].whitespace_
        and not hyphen.whitespace_
        and name.text[:1].isupper()
    )


def _names_the_capital(token: Token) -> bool:
    """ "the Somali capital", "the capital", "Libya's capital": the capital city of a country
    (not "capital punishment", "capital city" as a modifier, "political capital")."""
    if token.lower_ != "capital" or token.pos_ != "NOUN" or token.dep_ == "compound":
        return False
    determiners = [c for c in token.children if c.dep_ in ("det", "poss")]
    others = [c for c in token.children if c.dep_ == "amod" and not c.is_title]
    return bool(determiners) and not others


def capital_country(token: Token, gazetteer: Gazetteer, country: str | None) -> str | None:
    """The country whose capital "the Somali capital" / "Libya's capital" names; else the
    article's country."""
    for child in token.children:
        named = child.is_title or child.is_upper
        if named and child.dep_ in ("amod", "compound", "poss", "nmod"):
            code = gazetteer.country_code(child.text)
            if code:
                return code
    return country


def _names_an_actor(token: Token) -> bool:
    """A person, or an organisation the curated list knows ("an attack on AMISOM")."""
    return token.ent_type_ == "PERSON" or (token.ent_type_ == "ORG" and bool(token.ent_id_))


def _struck_name(token: Token) -> Span | None:
    """The proper name an attack verb takes as its object: "bombarded Douma", "stormed
    Kunduz", "shelled Rastan" (the NER often takes such names for people or groups)."""
    if token.dep_ != "dobj" or token.pos_ != "PROPN" or not is_trigger_word(token.head):
        return None
    if _names_an_actor(token) or token.ent_type_ in NOT_PLACE_ENTITIES:
        return None
    start = token.i
    while start > token.head.i + 1 and token.doc[start - 1].dep_ == "compound":
        start -= 1
    return token.doc[start : token.i + 1]


def _after_a_comma(span: Span) -> bool:
    return span.start > 0 and span.doc[span.start - 1].text in (",", "(")


def _loose_name_part(token: Token, start: int) -> bool:
    if token.i > start and (token.text in NAME_CONNECTORS or token.text in ("'", "’")):
        return not token.whitespace_ or token.text in NAME_CONNECTORS
    word = token.text.replace("'", "").replace("’", "")  # "Ma'arat", "Nu'man"
    if not word.isalpha() or token.like_num:
        return False
    if token.ent_type_ in NOT_PLACE_ENTITIES and not mistaken_for_a_date(token):
        return False
    if token.lower_ in PLACE_OF_NOUNS or is_trigger_word(token) or token.is_stop:
        return False
    return word[0].isupper()


def _name_part(token: Token) -> bool:
    if token.text in NAME_CONNECTORS:
        return True
    if token.text in ("'", "’"):
        return not token.whitespace_
    if token.is_stop or token.is_punct:
        return False
    return token.pos_ == "PROPN" or (token.is_title and token.is_alpha)
