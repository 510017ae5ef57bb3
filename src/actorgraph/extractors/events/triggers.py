"""Event triggers: the nouns and verbs news uses for violence, mapped to ontology kinds.

Also what makes a mention background rather than an event of the day.

Words are read through their lemma, and, where the tagger cannot help (title-case and
upper-case headlines, whose words it reads as proper nouns), through their inflections:
"Kills", "SHELLED", "Raids" are "kill", "shell", "raid".

>>> sorted(_inflections("shelled"))[:2]
['shel', 'shell']
>>> _trigger_word("kills", "kills", True), _trigger_word("raids", "raids", True)
('kill', 'raid')
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterator
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from actorgraph.extractors.lexicon import IRREALIS_AUX
from actorgraph.extractors.syntax import once_per_doc
from actorgraph.ontology import EventKind

Reading = tuple[EventKind, int]

AIRSTRIKE: Reading = (EventKind.AIRSTRIKE, 9)
BOMBING: Reading = (EventKind.BOMBING, 8)
ATTACK: Reading = (EventKind.ATTACK, 4)
KILLING: Reading = (EventKind.KILLING, 2)
#: "targeted a hideout": an attack, but the weakest word for one; any other trigger of the
#: same event names its kind ("an airstrike targeted ...", "the raid targeted ...").
TARGETING: Reading = (EventKind.ATTACK, 1)
#: "an operation": a raid when nothing else says what it was, and unplaced no event at all.
OPERATION: Reading = (EventKind.RAID, 0)

#: lemma → (kind, rank); among joined triggers the highest rank names the event.
TRIGGERS: dict[str, Reading] = {
    **dict.fromkeys(["airstrike", "air-strike", "bombardment", "airstrikes"], AIRSTRIKE),
    **dict.fromkeys(
        ["bombing", "bomb", "ied", "explosion", "blast", "explode", "detonate", "bomber"],
        BOMBING,
    ),
    **dict.fromkeys(
        ["kidnap", "kidnapping", "abduct", "abduction", "kidnapped", "abducted", "hijack"],
        (EventKind.KIDNAPPING, 7),
    ),
    **dict.fromkeys(["incursion"], (EventKind.RAID, 6)),
    **dict.fromkeys(
        [
            "clash",
            "gunfight",
            "firefight",
            "battle",
            "skirmish",
            "shootout",
            "gunbattle",
            "engage",
            "fight",
            "fighting",
        ],
        (EventKind.CLASH, 5),
    ),
    **dict.fromkeys(
        [
            "attack",
            "ambush",
            "assault",
            "shelling",
            "shell",
            "shooting",
            "offensive",
            "storm",
            "besiege",
            "overrun",
            "torch",
            "stab",
            "loot",
            "raze",
        ],
        ATTACK,
    ),
    **dict.fromkeys(
        ["capture", "arrest", "detain", "detention", "apprehend", "seize"], (EventKind.CAPTURE, 3)
    ),
    **dict.fromkeys(
        [
            "kill",
            "killing",
            "assassinate",
            "assassination",
            "execute",
            "behead",
            "murder",
            "massacre",
            "slay",
            "lynch",
            "homicide",
            "slaughter",
            "decapitate",
        ],
        KILLING,
    ),
    **dict.fromkeys(
        ["protest", "demonstration", "riot", "protester", "demonstrator", "rioter"],
        (EventKind.PROTEST, 1),
    ),
    "operation": OPERATION,
}


AIR_WORDS = frozenset(
    {
        "drone",
        "air",
        "aerial",
        "missile",
        "warplane",
        "jet",
        "aircraft",
        "helicopter",
        "plane",
        "airstrike",
    }
)


BOMB_WORDS = frozenset(
    {"bomb", "ied", "explosive", "car", "roadside", "suicide", "mine", "grenade"}
)


#: What is fired, dropped or hits a place in an attack: "shells hit Aleppo", "fired rockets".
PROJECTILE_WORDS = frozenset(
    {
        "shell",
        "rocket",
        "mortar",
        "missile",
        "artillery",
        "barrel",
        "projectile",
        "bullet",
        "round",
        "munition",
        "grenade",
        "gunfire",
        "bomb",
        "explosive",
        "airstrike",
        "strike",
        "drone",
    }
)


#: Words that name the action only together with the words around them ("hit" needs a
#: weapon, "drop" an explosive, "gun" a "down"); each reads the token's context.
CONTEXTUAL_WORDS = frozenset(
    {"strike", "bombard", "raid", "hit", "drop", "fire", "shoot", "gun", "blow", "target", "dead"}
    | {"throw", "hurl", "burn", "hostage", "seize", "capture", "recapture", "retake"}
)


#: Words that are events only as verbs: "died", "torched"; not "a storm", "the target".
VERB_ONLY = frozenset(
    {"storm", "torch", "stab", "besiege", "overrun", "target", "loot", "raze", "decapitate"}
)


#: Forms the lemmatizer does not give back for words it takes for proper nouns.
IRREGULAR_FORMS = {
    "struck": "strike",
    "shot": "shoot",
    "slain": "slay",
    "slew": "slay",
    "blew": "blow",
    "blown": "blow",
    "fought": "fight",
    "overran": "overrun",
}


#: Actions governed by these words did not (yet) happen, or are a person's background
#: ("planning attacks", "responsible for IED attacks", "linked to the bombing").
BACKGROUND_GOVERNORS = frozenset(
    """
    plan prepare plot threaten vow intend want seek aim warn prevent avoid stop right reserve
    continue keep promise threat capability responsible deny foil thwart involve link connect
    associate suspect accuse blame facilitate coordinate direct orchestrate mastermind organise
    organize
    """.split()
)


#: Adverbs of a habit or of the past: "has clashed repeatedly with", "previously attacked".
HABITUAL_ADVERBS = frozenset(
    """
    repeatedly frequently regularly often previously routinely periodically occasionally
    sometimes constantly formerly continually persistently habitually daily nightly weekly
    """.split()
)


#: Modifiers of an event noun that make it another event than the one reported:
#: "has carried out similar attacks", "a previous bombing", "such raids".
OTHER_EVENT_MODIFIERS = frozenset(
    """
    similar previous past prior earlier former frequent repeated recurrent periodic regular
    numerous such countless
    """.split()
)


#: Words of a short span of time: "killed since Sunday evening" is an event, "fought
#: since 2015" a state of affairs.
MOMENT_WORDS = frozenset(
    """
    monday tuesday wednesday thursday friday saturday sunday morning afternoon evening night
    dawn dusk midnight noon yesterday today weekend hour hours
    """.split()
)


GOVERNOR_STEPS = 4


#: Clause edges that events are not joined across, and that mark a description of a noun.
CLAUSE_EDGES = frozenset({"acl", "relcl", "ccomp", "csubj"})


#: "execute" counts only for people ("executed the plan" is no killing); "seize" and
#: "capture" are read by their objects (:func:`_taking_reading`).
PEOPLE_OBJECT_ONLY = frozenset({"execute"})


DURATION_NOUNS = frozenset({"year", "decade", "month", "week", "day"})


SEQUENCE_PREPS = frozenset({"after", "before", "following", "since", "ahead"})


DEFINITE_DETERMINERS = frozenset({"the", "this", "that", "these", "those"})


#: Share of capitalised words (of more than three letters) that makes a title-case line.
TITLE_CASE_SHARE = 0.8


#: Parts of speech a trigger may have; upper-case headlines confuse the tagger further.
TRIGGER_POS = frozenset({"NOUN", "VERB", "PROPN"})
SHOUTED_POS = TRIGGER_POS | {"ADJ", "ADV", "ADP", "X"}


def anchor_token(cluster: list[Token]) -> Token:
    return min(cluster, key=lambda t: len(list(t.ancestors)))


def refers_back(cluster: list[Token]) -> bool:
    """ "the strike", "this operation": a definite mention of an event already reported."""
    anchor = anchor_token(cluster)
    return anchor.pos_ == "NOUN" and any(
        c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS for c in anchor.children
    )


def reports_one_event(cluster: list[Token]) -> bool:
    """A verb or a singular noun: not "attacks on villages", which are many and unplaced."""
    anchor = anchor_token(cluster)
    return anchor.pos_ != "NOUN" or anchor.tag_ != "NNS"


def is_headline(sentence: Span) -> bool:
    """The article's first line when it has no final full stop: a headline, not a sentence."""
    doc = sentence.doc
    first = next((t for t in doc if not t.is_space), None)
    opening = next((t for t in sentence if not t.is_space), None)
    if first is None or opening is None or opening.i != first.i:
        return False
    backwards = (doc[i] for i in range(sentence.end - 1, sentence.start - 1, -1))
    last = next(t for t in backwards if not t.is_space)
    followed_by_break = last.i == len(doc) - 1 or "\n" in _text_after(last, 4)
    return followed_by_break and last.text not in (".", "!", "?", '"', "”")


def _text_after(token: Token, length: int) -> str:
    """The first ``length`` characters of the text after ``token`` (``doc.text`` would
    join the whole document to read them)."""
    doc, text = token.doc, token.whitespace_
    for i in range(token.i + 1, len(doc)):
        if len(text) >= length:
            break
        text += doc[i].text_with_ws
    return text[:length]


# -- reading a word ----------------------------------------------------------------------------


def trigger_word(token: Token) -> str | None:
    """The trigger vocabulary entry a token is a form of, if any ("SHELLED" → "shell").

    Inflections are read only where the tagger cannot be trusted with the word: upper case,
    or a proper noun in a title-case line ("Combined Force Kills Insurgents"), not a title
    in running text ("Director of Operations").
    """
    lemma, lower = token.lemma_.lower(), token.lower_
    word = _trigger_word(lemma, lower, False)
    if word is not None or not _trigger_word(lemma, lower, True):
        return word
    loose = token.is_upper or (token.pos_ == "PROPN" and _title_case_line(token.sent))
    return _trigger_word(lemma, lower, True) if loose else None


def _title_case_line(sentence: Span) -> bool:
    """Most words capitalised: a headline written in title case or capitals.

    >>> _title_case_share("Combined Force Kills Taliban Leader in Khost"), _title_case_share(
    ...     "Two were detained, said the Director of Operations in Kabul.")
    (1.0, 0.5)
    """
    return _title_case_share(sentence.text) >= TITLE_CASE_SHARE


@lru_cache(maxsize=1024)
def _title_case_share(text: str) -> float:
    words = _LONG_WORDS.findall(text)
    return sum(w[0].isupper() for w in words) / len(words) if words else 0.0


_LONG_WORDS = re.compile(r"[^\W\d_]{4,}")


@lru_cache(maxsize=8192)
def _trigger_word(lemma: str, lower: str, loose: bool) -> str | None:
    irregular = IRREGULAR_FORMS.get(lower, lower)  # "shot dead" tagged as a noun, "struck"
    candidates = [lemma, lower, irregular, *(_inflections(lower) if loose else ())]
    return next((word for word in candidates if word in _VOCABULARY), None)


def _inflections(word: str) -> Iterator[str]:
    """Base forms a word may be an inflection of: "kills" → "kill", "kidnapped" → "kidnap"."""
    if word in IRREGULAR_FORMS:
        yield IRREGULAR_FORMS[word]
    for suffix, replacement in (
        ("ies", "y"),
        ("ied", "y"),
        ("es", ""),
        ("s", ""),
        ("ed", ""),
        ("ed", "e"),
        ("d", ""),
        ("ing", ""),
        ("ing", "e"),
    ):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)] + replacement
            yield stem
            if stem[-1] == stem[-2]:
                yield stem[:-1]  # "shelled" → "shel" + "l", "kidnapped" → "kidnap"


def trigger_kind(token: Token) -> Reading:
    """The kind and rank of a trigger token (ValueError for a token that is none)."""
    reading = _reading(token)
    if reading is None:
        raise ValueError(f"{token.text!r} is not an event trigger")
    return reading


def trigger_rank(token: Token) -> int:
    return trigger_kind(token)[1]


def rank_or_lowest(token: Token) -> int:
    """A trigger's rank; -1 for a word that reads as no kind of event ("casualties")."""
    reading = _reading(token)
    return reading[1] if reading is not None else -1


def _reading(token: Token) -> Reading | None:
    if token.pos_ == "VERB" and _to_death(token):
        return KILLING  # "hacked to death", "burned to death", "stabbed to death"
    word = trigger_word(token)
    if word is None:
        return None
    if word in VERB_ONLY and not _verb_like(token):
        return None
    if word in CONTEXTUAL_WORDS:
        return _CONTEXT_READERS[word](token)
    return TRIGGERS[word]


def _to_death(token: Token) -> bool:
    after = token.doc[token.i + 1 : token.i + 3]
    return len(after) == 2 and after[0].lower_ == "to" and after[1].lower_ == "death"


def _verb_like(token: Token) -> bool:
    """A verb, or a word of a title-case or upper-case headline the tagger took for a name."""
    if token.pos_ in ("VERB", "PROPN"):
        return True
    return token.is_upper and token.pos_ in SHOUTED_POS


def _related_words(token: Token) -> set[str]:
    """Lemmas and forms of the token's children, and for a verb of its subject's subtree."""
    related = {t.lemma_.lower() for t in token.children} | {t.lower_ for t in token.children}
    if token.pos_ == "VERB":
        for child in token.children:
            if child.dep_ in ("nsubj", "nsubjpass", "dobj", "agent"):
                related |= {t.lemma_.lower() for t in child.subtree}
    return related


def _strike_reading(token: Token, default: Reading = ATTACK) -> Reading:
    """ "drones struck", "an air strike" → airstrike; "a bomb struck" → bombing."""
    related = _related_words(token)
    if related & AIR_WORDS:
        return AIRSTRIKE
    if related & BOMB_WORDS:
        return BOMBING
    return default


#: "seized the town", "retook the base": taking ground is fighting, the weakest word for it.
TAKING_GROUND: Reading = (EventKind.CLASH, 3)
CAPTURE: Reading = (EventKind.CAPTURE, 3)
#: Nouns of the ground that is taken: "seized the town of X", "captured an army base".
GROUND_NOUNS = frozenset(
    "town village city base post outpost camp checkpoint garrison position positions"
    " airport hill district area territory stronghold barracks".split()
)


def _taking_reading(token: Token) -> Reading | None:
    """ "seized two suspects" is a capture; "seized the town of Debre Tabor", "retook
    Bakhmut" is fighting for ground; "seized weapons" is neither (a noun, "the capture
    of X", is a capture)."""
    # "recapture" and "retake" only ever take ground
    capture = CAPTURE if trigger_word(token) in ("capture", "seize") else None
    if token.pos_ != "VERB":
        return capture
    objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    if any(_is_ground(o) for o in objects):
        return TAKING_GROUND
    return capture if not objects or _has_human_object(token) else None


def _is_ground(noun: Token) -> bool:
    return noun.lemma_.lower() in GROUND_NOUNS or noun.ent_type_ in ("GPE", "LOC", "FAC")


def _raid_reading(token: Token) -> Reading:
    """ "an air raid" is an airstrike; any other raid a raid."""
    children = {t.lower_ for t in token.children}
    return AIRSTRIKE if children & AIR_WORDS else (EventKind.RAID, 6)


def _hit_reading(token: Token) -> Reading | None:
    """ "shells hit Aleppo", "a drone strike hit a car"; not "the economy was hit"."""
    if token.pos_ != "VERB":
        return None
    related = _related_words(token)
    if not related & (PROJECTILE_WORDS | AIR_WORDS | BOMB_WORDS):
        return None
    return _strike_reading(token)


def _drop_reading(token: Token) -> Reading | None:
    """ "dropped an explosive device on a vehicle", "helicopters dropped barrel bombs"."""
    if token.pos_ != "VERB":
        return None
    related = _related_words(token)
    if not related & (BOMB_WORDS | {"barrel", "munition", "shell", "mortar"}):
        return None
    return AIRSTRIKE if related & AIR_WORDS else BOMBING


def _fire_reading(token: Token) -> Reading | None:
    """ "fired rockets at", "opened fire on a bus", "exchanged fire with"; "set fire to a
    school"; not "the minister was fired"."""
    if token.pos_ == "NOUN":
        return _FIRE_NOUN_VERBS.get(token.head.lemma_.lower())
    if token.pos_ != "VERB":
        return None
    for child in token.children:
        if child.dep_ == "dobj" and child.lemma_.lower() in PROJECTILE_WORDS:
            return ATTACK
        # "fired on a convoy", not "fired on Monday"
        aimed = child.dep_ == "prep" and child.lower_ in ("at", "on", "upon", "into")
        if aimed and not any(t.ent_type_ in ("DATE", "TIME") for t in child.subtree):
            return ATTACK
    # "gunmen fired from the hills on farmers": who fires says it is an attack
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    objects = [c for c in token.children if c.dep_ == "dobj"]
    if not objects and any(s.lemma_.lower() in SHOOTERS or s.lower_ in SHOOTERS for s in subjects):
        return ATTACK
    return None


#: Who fires at people: "gunmen fired", "militants opened fire".
SHOOTERS = frozenset(
    """
    gunman gunmen militant militants insurgent insurgents attacker attackers assailant
    assailants sniper snipers
    """.split()
)


_FIRE_NOUN_VERBS: dict[str, Reading] = {
    "open": ATTACK,
    "set": ATTACK,
    "exchange": (EventKind.CLASH, 5),
}


#: What is thrown or hurled in an attack: "threw a grenade at", "hurled petrol bombs".
THROWN_WORDS = BOMB_WORDS | PROJECTILE_WORDS | {"stone", "rock", "molotov", "petrol", "acid"}


def _throw_reading(token: Token) -> Reading | None:
    """ "threw a grenade at a bus", "hurled petrol bombs"; not "threw a party"."""
    if token.pos_ != "VERB":
        return None
    objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    thrown = {t.lemma_.lower() for o in objects for t in o.subtree}
    return ATTACK if thrown & THROWN_WORDS else None


def _burn_reading(token: Token) -> Reading | None:
    """ "burned down a school", "torched and burned homes", "set ablaze"; not "burned
    fuel" nor "burn injuries"."""
    if token.pos_ != "VERB":
        return None
    down = any(c.dep_ == "prt" and c.lower_ == "down" for c in token.children)
    objects = {
        t.lemma_.lower()
        for c in token.children
        if c.dep_ in ("dobj", "nsubjpass")
        for t in c.subtree
    }
    return ATTACK if down or objects & BURNED_PLACES else None


#: What is burned in an attack on a place.
BURNED_PLACES = frozenset(
    """
    house home village school church mosque shop market vehicle car truck office station
    building hut property camp clinic hospital
    """.split()
)


def _hostage_reading(token: Token) -> Reading | None:
    """ "took ten passengers hostage", "held hostage": a kidnapping."""
    if token.head.lemma_.lower() in ("take", "hold", "seize"):
        return (EventKind.KIDNAPPING, 7)
    return None


def _shoot_reading(token: Token) -> Reading | None:
    """ "shot dead" is a killing; "shot and wounded", "shot down a drone" an attack."""
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if any(c.lower_ == "dead" for c in token.children) or (
        following is not None and following.lower_ == "dead"
    ):
        return KILLING  # also where the tagger reads "shot" as a noun ("Police major shot dead")
    return ATTACK if _verb_like(token) else None


def _dead_reading(token: Token) -> Reading | None:
    """ "36 dead", "leaves two dead", "at least 10 dead in clashes": a count of the killed."""
    before = token.doc[token.i - 1] if token.i > 0 else None
    counted = any(c.like_num for c in token.children) or (before is not None and before.like_num)
    return KILLING if counted else None


def _particle_reading(particle: str, reading: Reading) -> Callable[[Token], Reading | None]:
    """ "gunned down" (a killing), "blew up" (a bombing): the verb with its particle."""

    def read(token: Token) -> Reading | None:
        has_particle = any(c.dep_ == "prt" and c.lower_ == particle for c in token.children)
        following = token.nbor(1) if token.i + 1 < len(token.doc) else None
        if has_particle or (following is not None and following.lower_ == particle):
            return reading
        return None

    return read


def _target_reading(token: Token) -> Reading | None:
    """ "forces targeted a hideout", "a convoy was targeted": an attack on something; not
    "targeted sanctions" nor "operations targeting leaders" (a description of the operation)."""
    if token.dep_ in ("acl", "relcl", "amod") or token.tag_ == "VBG":
        return None
    has_object = any(c.dep_ in ("dobj", "nsubjpass") for c in token.children)
    return TARGETING if has_object else None


_CONTEXT_READERS: dict[str, Callable[[Token], Reading | None]] = {
    "strike": _strike_reading,
    "bombard": _strike_reading,
    "raid": _raid_reading,
    "hit": _hit_reading,
    "drop": _drop_reading,
    "fire": _fire_reading,
    "shoot": _shoot_reading,
    "gun": _particle_reading("down", KILLING),
    "blow": _particle_reading("up", BOMBING),
    "target": _target_reading,
    "dead": _dead_reading,
    "throw": _throw_reading,
    "hurl": _throw_reading,
    "burn": _burn_reading,
    "hostage": _hostage_reading,
    "seize": _taking_reading,
    "capture": _taking_reading,
    "recapture": _taking_reading,
    "retake": _taking_reading,
}


_VOCABULARY = frozenset(TRIGGERS) | CONTEXTUAL_WORDS


# -- is it an event of the day? ----------------------------------------------------------------


def is_trigger(token: Token) -> bool:
    shouted = token.is_upper and len(token.text) > 1
    allowed = SHOUTED_POS if shouted or token.lower_ == "dead" else TRIGGER_POS
    if token.pos_ not in allowed or _reading(token) is None:
        return False
    if token.ent_type_ == "ORG" and not shouted and not is_headline(token.sent):
        # "the Internal Security Operations Command", "Strike Force": a name (a headline's
        # title case runs names into verbs: "Combined Force Kills Taliban Leader")
        return False
    if token.dep_ == "amod" and token.tag_ == "VBN":
        return False  # "the besieged city", "a bombed building": a state, not an event
    word = trigger_word(token)
    if word in PEOPLE_OBJECT_ONLY and token.pos_ == "VERB" and not _has_human_object(token):
        return False
    if token.pos_ == "NOUN" and (_is_modifier_noun(token) or _is_habitual_plural(token)):
        return False
    return not _is_background(token)


def _is_modifier_noun(token: Token) -> bool:
    """ "attack cells", "bomb-making material": the trigger word only describes another noun."""
    return token.dep_ == "compound" and not is_trigger_word(token.head)


def _is_habitual_plural(token: Token) -> bool:
    """ "attacks on villages", "IED attacks against forces": many events, none in particular.

    Except where a plural reports the news itself: in a headline ("Clashes in Daraa city")
    and as the subject of what happened ("Clashes erupted near Talbisah").
    """
    if token.tag_ != "NNS":
        return False
    if any(c.dep_ in ("det", "nummod", "poss") for c in token.children):
        return False
    if is_headline(token.sent):
        return any(c.lower_ in OTHER_EVENT_MODIFIERS for c in token.children)
    # "Clashes erupted", "Clashes were reported in Kunduz": what happened, not a habit
    return not (token.dep_ in ("nsubj", "nsubjpass") and token.head.tag_ in ("VBD", "VBN"))


def is_trigger_word(token: Token) -> bool:
    return trigger_word(token) is not None


def _has_human_object(token: Token) -> bool:
    objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    return not objects or any(
        o.ent_type_ in ("PERSON", "ORG", "NORP") or o.lemma_.lower() in HUMAN_NOUNS for o in objects
    )


HUMAN_NOUNS = frozenset(
    {
        "insurgent",
        "militant",
        "fighter",
        "leader",
        "commander",
        "member",
        "suspect",
        "man",
        "men",
        "people",
        "soldier",
        "officer",
        "civilian",
        "facilitator",
        "individual",
        "person",
        "terrorist",
    }
)


def _is_background(token: Token) -> bool:
    """Negated, hypothetical, planned, habitual, or part of a description of someone's past."""
    if any(c.dep_ == "neg" for c in token.children):
        return True
    if token.pos_ == "VERB" and any(
        c.dep_ == "aux" and (c.lower_ in IRREALIS_AUX or c.tag_ == "TO") for c in token.children
    ):
        return True  # "could attack", "an operation to capture a leader"
    if token.pos_ == "VERB" and _lasts(token):
        return True  # "has fought the jihadists since 2015": a state of affairs, not an event
    if _is_habitual(token):
        return True  # "has clashed repeatedly with", "has carried out similar attacks"
    if _describes_in_the_present(token):
        return True  # "a militia that fights under the banner of X": what it is, not news
    if tells_of_a_war(token):
        return True  # "the FARDC fights the M23", "JNIM has clashed with the ISSP"
    if _describes_a_side(token) or _prepared_for(token):
        return True
    if _dated_long_ago(token):
        return True
    node = token
    described = False  # past the first clause that describes a noun
    for steps, ancestor in enumerate(token.ancestors):
        governor = ancestor.lemma_.lower()
        # a governor makes it background, but "clashes continue in Aleppo" is the news
        continuing = governor == "continue" and node.dep_ == "nsubj"
        # "stopped a bus and shot dead seven men": a verb joined by "and" governs nothing
        coordinated = node.dep_ == "conj"
        if (
            steps < GOVERNOR_STEPS
            and governor in BACKGROUND_GOVERNORS
            and not (continuing or coordinated)
        ):
            return True
        if node.dep_ in ("acl", "relcl") and not described:
            # "a leader who planned attacks", "a facilitator suspected of the bombing",
            # "a rebel group that has attacked the pipeline"
            describes = _is_person_noun(ancestor) or _is_group_noun(ancestor, node)
            if describes and not _victim_of(node):
                return True
            described = True
        if node.dep_ in ("advcl", "conj") and _reports_a_habit(ancestor):
            return True  # "has carried out similar attacks this year, overrunning bases"
        node = ancestor
    return False


def _victim_of(node: Token) -> bool:
    """ "militants killed in Assam", "a soldier wounded in the attack": a passive participle
    that says what happened to the person it describes is the event itself."""
    harmed = is_trigger_word(node) or node.lemma_.lower() in HARM_VERBS
    return node.dep_ == "acl" and node.tag_ == "VBN" and harmed


#: What an attack does to people, though no event of its own: "soldiers wounded in an attack".
HARM_VERBS = frozenset({"wound", "injure", "hurt", "maim"})


def _is_habitual(token: Token) -> bool:
    """A habit or a past of the actor, not the event reported (module doc)."""
    words = [c for c in token.children if c.dep_ in ("amod", "advmod", "npadvmod")]
    if any(c.lower_ in OTHER_EVENT_MODIFIERS for c in words if c.dep_ == "amod"):
        return True
    verb = token
    if token.pos_ == "NOUN" and token.dep_ in ("dobj", "nsubjpass", "nsubj", "pobj"):
        verb = token.head if token.dep_ != "pobj" else token.head.head
    for candidate in {token, verb}:
        for child in candidate.children:
            if child.dep_ == "advmod" and child.lower_ in HABITUAL_ADVERBS:
                return True
            if child.dep_ == "prep" and child.lower_ == "in" and _names_the_past(child):
                return True
            if child.dep_ == "prep" and _in_a_like_way_or_throughout(child):
                return True  # "shelled X in a similar way throughout the summer"
    # "has been fighting the army": an ongoing war, not the day's clash
    auxiliaries = {c.lower_ for c in token.children if c.dep_ == "aux"}
    return token.tag_ == "VBG" and "been" in auxiliaries


#: "in a similar way", "in the same manner": the event is one of a kind, not the news.
MANNER_NOUNS = frozenset({"way", "manner", "fashion", "pattern"})
#: "throughout the summer", "during the 2020-22 war": a season or more, not the day's
#: events ("fighting raged throughout the night" is one).
LONG_STRETCHES = frozenset(
    "summer winter spring autumn year month decade war conflict campaign period".split()
)


def _in_a_like_way_or_throughout(preposition: Token) -> bool:
    objects = [c for c in preposition.children if c.dep_ == "pobj"]
    if preposition.lower_ in ("throughout", "during"):
        # "during the 2020-22 war", not "during the night"
        return any(o.lemma_.lower() in LONG_STRETCHES for o in objects)
    return preposition.lower_ == "in" and any(
        o.lemma_.lower() in MANNER_NOUNS
        and any(c.lower_ in ("similar", "same", "like") for c in o.children)
        for o in objects
    )


def _describes_a_side(token: Token) -> bool:
    """ "X fights alongside Y in Macomia", "X, which fought alongside Y in Bakhmut": a fight
    with a companion and no one fought, told in the present or in a relative clause,
    says whose side X is on, not what happened that day."""
    if token.lemma_.lower() not in ("fight", "battle") or token.pos_ != "VERB":
        return False
    companion = any(c.dep_ == "prep" and c.lower_ == "alongside" for c in token.children)
    patient = any(
        c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ == "against") for c in token.children
    )
    told_as_description = token.tag_ in ("VBZ", "VBP") or token.dep_ == "relcl"
    return companion and not patient and told_as_description


#: Verbs of getting ready, whose "for" names what is still to come: "massing troops for
#: a new offensive", "preparing for an attack".
PREPARING_VERBS = frozenset({"mass", "prepare", "gather", "mobilise", "mobilize", "ready"})


def _prepared_for(token: Token) -> bool:
    """ "Russia was massing troops near Kupiansk for a new offensive": not yet an event."""
    if token.dep_ != "pobj" or token.head.lower_ != "for":
        return False
    return token.head.head.lemma_.lower() in PREPARING_VERBS


def _dated_long_ago(token: Token) -> bool:
    """ "was killed in May", "attacked the town in 2019": in a story of the day ("on
    Sunday"), a month or a year without a day is another time than the news. A report
    dated only by its month ("In March 2021, gunmen stormed ...") keeps its event."""
    if not _reports_the_day(token.doc):
        return False
    for child in token.children:
        if child.dep_ != "prep" or child.lower_ not in ("in", "during"):
            continue
        for date in (c for c in child.children if c.dep_ == "pobj" and c.ent_type_ == "DATE"):
            words = [t for t in date.subtree]
            if any(t.like_num and len(t.text) <= 2 for t in words):
                return False  # "on 9 March", "in March 9": a day
            if any(t.lower_ in MONTH_WORDS or (t.like_num and len(t.text) == 4) for t in words):
                return True
    return False


def _reports_the_day(doc: Doc) -> bool:
    """The story tells of a day: "on Sunday", "overnight", "yesterday", "on 9 March"."""
    # Asked of many words of a doc, and doc.ents makes its spans anew on every call.
    return once_per_doc(doc, "reports the day", lambda: _tells_of_a_day(doc))


def _tells_of_a_day(doc: Doc) -> bool:
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        words = {t.lower_ for t in ent}
        if words & DAY_WORDS or any(t.like_num and len(t.text) <= 2 for t in ent):
            return True
    return False


#: Words of one day: the weekdays, "today", "yesterday", "overnight".
DAY_WORDS = frozenset(
    {d.lower() for d in calendar.day_name} | {"today", "yesterday", "overnight", "tonight"}
)
#: Month names and their abbreviations (read only inside a DATE entity: "in May").
MONTH_WORDS = frozenset(m.lower() for m in (*calendar.month_name, *calendar.month_abbr) if m)


def _describes_in_the_present(token: Token) -> bool:
    """A simple present in a relative clause: "X, a militia that fights the army", "who
    fight the Kremlin's army alongside Ukrainian forces" say what the group does."""
    return token.dep_ == "relcl" and token.tag_ in ("VBZ", "VBP")


#: Verbs of a two-sided contest: in the simple present or the perfect they tell of a war
#: going on, not of the day's fighting (which news tells in the past: "fought", "clashed").
CONTEST_VERBS = frozenset({"fight", "battle", "clash"})
PRESENT_HAVE = frozenset({"has", "have", "'s", "'ve"})


def tells_of_a_war(token: Token) -> bool:
    """ "The FARDC fights the M23 with the help of militias", "JNIM has clashed with its
    rival around Menaka": who is at war with whom. Not a headline's present ("Troops Fight
    Militants In Kunduz"), nor a perfect dated to a day ("have clashed since Sunday
    evening" is caught elsewhere; "have clashed in the town on Sunday" is the news)."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in CONTEST_VERBS:
        return False
    if is_headline(token.sent):
        return False
    if token.tag_ in ("VBZ", "VBP"):
        return True
    # "said its fighters had clashed with the army": a past perfect reports what happened
    perfect = any(c.dep_ == "aux" and c.lower_ in PRESENT_HAVE for c in token.children)
    return perfect and token.tag_ == "VBN" and not _dated_to_a_day(token)


def _dated_to_a_day(verb: Token) -> bool:
    """A date or time of one day among the verb's words: "on Sunday", "on 9 March"."""
    for token in verb.subtree:
        if token.ent_type_ not in ("DATE", "TIME"):
            continue
        if token.lower_ in DAY_WORDS or (token.like_num and len(token.text) <= 2):
            return True
    return False


def _names_the_past(preposition: Token) -> bool:
    """ "in the past", "in recent years", "in previous attacks"."""
    objects = [c for c in preposition.children if c.dep_ == "pobj"]
    return any(
        o.lower_ == "past" or (o.lemma_ in DURATION_NOUNS and o.tag_ == "NNS") for o in objects
    )


def _lasts(verb: Token) -> bool:
    """ "since 2015", "for years", "since the truce expired": the clause describes
    something ongoing."""
    for child in verb.children:
        if child.dep_ == "advcl" and _opened_by_since(child) and verb.tag_ == "VBN":
            # "have shelled Taiz since the truce expired" (a perfect): not "killed since ..."
            # of a simple past, nor a moment ("since Sunday evening")
            return not any(t.lower_ in MOMENT_WORDS for t in child.subtree)
        if child.dep_ != "prep":
            continue
        if child.lower_ == "since":
            return not any(t.lower_ in MOMENT_WORDS for t in child.subtree)
        if child.lower_ == "for" and any(
            t.ent_type_ == "DATE" or t.lemma_ in DURATION_NOUNS for t in child.subtree
        ):
            return True
    return False


def _opened_by_since(clause: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "since" for c in clause.children)


def describes_a_person(span: Span) -> bool:
    """ "a leader who operates in Spin Boldak district", "the shadow governor for Logar"."""
    node = span.root
    for ancestor in node.ancestors:
        if node.dep_ in ("acl", "relcl") and _is_person_noun(ancestor) and not _victim_of(node):
            return True
        if node.dep_ == "prep" and node.lower_ in ("for", "of") and _is_person_noun(ancestor):
            return True
        node = ancestor
    return False


def _reports_a_habit(verb: Token) -> bool:
    """A habitual event word, or a verb whose object is one ("carried out similar attacks")."""
    if is_trigger_word(verb) and _is_habitual(verb):
        return True
    return any(
        c.dep_ == "dobj" and is_trigger_word(c) and _is_habitual(c) for c in verb.children
    )


#: Nouns for an armed group that a relative clause in the perfect describes.
GROUP_NOUNS = frozenset({"group", "militia", "faction", "movement", "gang", "organisation"})


def _is_group_noun(token: Token, clause: Token) -> bool:
    """ "a rebel group that has attacked the pipeline": the group's record, in the perfect."""
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in clause.children)
    return token.lemma_.lower() in GROUP_NOUNS and clause.dep_ == "relcl" and perfect


def _is_person_noun(token: Token) -> bool:
    """A name or a noun for a person ("a sub-commander": its last part)."""
    word = token.lemma_.lower()
    return (
        token.ent_type_ == "PERSON" or word in HUMAN_NOUNS or word.rsplit("-", 1)[-1] in HUMAN_NOUNS
    )


def trigger_clusters(sentence: Span) -> list[list[Token]]:
    """Triggers of a sentence grouped into events: joined in the parse unless coordinated."""
    triggers = [t for t in sentence if is_trigger(t)]
    if not triggers:
        return []
    owner = {t.i: t.i for t in triggers}
    for trigger in triggers:
        node = trigger
        for ancestor in trigger.ancestors:
            if node.dep_ == "conj" or node.dep_ in CLAUSE_EDGES:
                break
            if node.dep_ == "prep" and node.lower_ in SEQUENCE_PREPS:
                break  # "arrested two men after the blast": another, earlier event
            if ancestor.i in owner:
                owner[trigger.i] = _root(owner, ancestor.i)
                break
            node = ancestor
    clusters: dict[int, list[Token]] = {}
    for trigger in triggers:
        clusters.setdefault(_root(owner, trigger.i), []).append(trigger)
    return list(clusters.values())


def _root(owner: dict[int, int], index: int) -> int:
    while owner[index] != index:
        index = owner[index]
    return index
