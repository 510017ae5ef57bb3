"""Reading a pair of organisations: its polarity first, then what (if anything) to assert.

The order matters: a pair is opposing when one side acts on the other ("A fights B
alongside C": A and C against B), ended when the bond is over ("cut its ties with"),
and only then cooperating; a denial, a modal or a condition takes any of these back.

>>> from actorgraph.extractors.alliance.polarity import Polarity
>>> Polarity.COOPERATING.asserted.value
'alliedWith'
"""

from __future__ import annotations

from spacy.tokens import Token

from actorgraph.extractors.alliance.ending import ENDED_CONFIDENCE, ending, in_the_past
from actorgraph.extractors.alliance.modality import taken_back
from actorgraph.extractors.alliance.opposition import opposition
from actorgraph.extractors.alliance.polarity import Finding, PairReading, Polarity
from actorgraph.extractors.alliance.rules import cooperation, in_a_name
from actorgraph.extractors.mentions import Mention, MentionRelation
from actorgraph.extractors.syntax import dependency_path

MAX_PATH = 9


#: "the group" or "its" stands for an organisation named earlier: a little less sure.
ANAPHOR_FACTOR = 0.9


def read_pair(first: Mention, second: Mention) -> PairReading | None:
    """The polarity of a pair of organisation mentions of one sentence.

    ``None`` when they are no pair: one organisation twice, overlapping names, or a
    news organisation (which reports on others rather than siding with them).
    """
    if same_organisation(first, second) or first.is_media or second.is_media:
        return None
    if _overlaps(first, second):
        return None
    sentence = first.span.sent
    path = mended_apposition(dependency_path(first.head, second.head))
    if len(path) < 2 or len(path) > MAX_PATH:
        return PairReading(first, second, Polarity.UNRELATED, 0.0, sentence)
    finding = _finding(path, first, second)
    if finding is None:
        return PairReading(first, second, Polarity.UNRELATED, 0.0, sentence)
    # The cue may sit off the pair's path ("X denied any link with Y": "with Y" hangs on
    # the verb), and a denial of the cue is a denial of the bond.
    polarity = taken_back((*finding.clause, finding.cue)) or finding.polarity
    confidence = finding.confidence
    if first.antecedent is not None or second.antecedent is not None:
        confidence *= ANAPHOR_FACTOR
    return PairReading(first, second, polarity, round(confidence, 3), sentence, finding.cue.text)


#: Dependencies the parse gives a noun in apposition when it hangs it on the verb instead.
_SIBLING_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "pobj"})


def mended_apposition(path: list[Token]) -> list[Token]:
    """``path`` with an apposition the parse hung on the verb put back under its noun.

    In "Police blamed X (ACR), the armed wing of Y, for the ambush" the parse makes "wing"
    a second object of "blamed"; a verb has one object, so the noun after the comma is
    X's apposition, and the path from X to Y runs through "wing", not "blamed".
    """
    for index in range(1, len(path) - 1):
        before, verb, after = path[index - 1], path[index], path[index + 1]
        if verb.pos_ not in ("VERB", "AUX") or before.head.i != verb.i or after.head.i != verb.i:
            continue
        noun, described = (after, before) if after.i > before.i else (before, after)
        if before.dep_ != after.dep_ or before.dep_ not in _SIBLING_DEPS:
            continue
        if _follows_after_a_comma(noun, described):
            return [*path[:index], *path[index + 1 :]]
    return path


def _follows_after_a_comma(noun: Token, described: Token) -> bool:
    """ "X (ACR), the armed wing": nothing but the described phrase, brackets and a comma
    between the described noun and the noun's own phrase."""
    doc = noun.doc
    start = described.right_edge.i + 1
    between = doc[start : noun.left_edge.i]
    return len(between) > 0 and between[-1].text == "," and all(
        t.is_punct or t.head.i == described.i for t in between
    )


def alliance(first: Mention, second: Mention) -> MentionRelation | None:
    """The ``alliedWith`` relation between two organisations, if the sentence states one."""
    reading = read_pair(first, second)
    if reading is None or reading.polarity is not Polarity.COOPERATING:
        return None
    return reading.relation()


def _finding(path: list[Token], first: Mention, second: Mention) -> Finding | None:
    if _across_coordinated_clauses(path):
        # "X shelled the town, and Y said it backed Z": X stands in another clause
        return None
    found = opposition(path, first, second) or ending(path, first, second)
    if found is not None:
        return found
    found = cooperation(path, first, second)
    if found is not None and _through_another_party(path, first, second):
        # "ISWAP, which pledged allegiance to IS, split from Boko Haram": the pledge is
        # ISWAP's, and says nothing of IS and Boko Haram
        return None
    if found is not None and in_the_past(found.cue):
        # "a former ally of X", "no longer supports X": the bond is over
        return Finding(Polarity.ENDED, found.cue, ENDED_CONFIDENCE, found.clause)
    return found


def _across_coordinated_clauses(path: list[Token]) -> bool:
    """The path joins two clauses that "and" coordinates, and the pair is not one subject
    shared by both verbs with the other verb's argument.

    "A attacked X and allied with B" relates A and B (A is the subject of both verbs);
    "A are at war with B, and C are aligned with B" relates neither A and C nor A and B
    through "aligned"; "D, which split from E and pledged allegiance to F" relates E and F
    through neither verb.
    """
    for index in range(len(path) - 1):
        a, b = path[index], path[index + 1]
        if a.pos_ not in ("VERB", "AUX") or b.pos_ not in ("VERB", "AUX"):
            continue
        if a.dep_ == "conj" and a.head.i == b.i:
            head, joined, head_side = b, a, path[index + 1 :]
        elif b.dep_ == "conj" and b.head.i == a.i:
            head, joined, head_side = a, b, path[: index + 1][::-1]
        else:
            continue
        # head_side runs from the head verb to the end on its side
        end = head_side[1] if len(head_side) > 1 else None
        if end is None or any(c.dep_ in ("nsubj", "nsubjpass") for c in joined.children):
            return True
        subject = end.dep_ in ("nsubj", "nsubjpass") and end.head.i == head.i
        # "D, which split from E and pledged ...": D is what the relative clause describes
        described = head.dep_ == "relcl" and head.head.i == end.i
        if not (subject or described):
            return True
    return False


def _through_another_party(path: list[Token], first: Mention, second: Mention) -> bool:
    """The path runs through a third organisation's name that is not coordinated with
    either end ("A and B allied with C" runs through A, but B is A's conjunct)."""
    own = {t.i for t in (*first.span, *second.span)}
    for index in range(1, len(path) - 1):
        token = path[index]
        if token.i in own or not in_a_name(token):
            continue
        if _names_the_end(path, index):
            continue
        neighbours = (path[index - 1], path[index + 1])
        if not any(_conjuncts(token, n) for n in neighbours):
            return True
    return False


def _names_the_end(path: list[Token], index: int) -> bool:
    """ "The Azawad Liberation Front (FLA), ...": from "FLA" the path climbs through the
    full name it abbreviates, which is the same organisation, not a third party."""
    for end, step in ((0, 1), (len(path) - 1, -1)):
        if index == end + step and path[end].dep_ == "appos" and path[end].head.i == path[index].i:
            return True
    return False


def _conjuncts(a: Token, b: Token) -> bool:
    return (a.dep_ == "conj" and a.head.i == b.i) or (b.dep_ == "conj" and b.head.i == a.i)


def same_organisation(first: Mention, second: Mention) -> bool:
    """The two mentions name one organisation: one referent, curated key or name."""
    a, b = first.referent, second.referent
    if a is b:
        return True
    if a.known_as and a.known_as == b.known_as:
        return True
    return a.name.casefold() == b.name.casefold()


def _overlaps(first: Mention, second: Mention) -> bool:
    return first.span.start < second.span.end and second.span.start < first.span.end
