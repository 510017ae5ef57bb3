"""Names that end on "Command", and a word before a curated name that opens a longer one.

"Command" names organisations as "Force" or "Council" do ("the Benue State Police
Command", "the Gondar Fano Command"), so a capitalised run ends on it rather than before
it. A curated name inside a longer one ("Fano" in "Gondar Fano Command") is another,
narrower organisation, and the capitalised word the parse hangs on it ("Gondar") is part
of that name, not an organisation of its own. Lower-case "command" and the curated names
that already end on it stay as they are.
"""

from __future__ import annotations

import pytest
from tests.extracted import entity_names, facts


@pytest.mark.parametrize(
    ("text", "person", "organisation"),
    [
        pytest.param(
            "Superintendent Grace Ahmadu, a spokeswoman for the Benue State Police Command, "
            "said 12 suspects had been detained.",
            "Grace Ahmadu",
            "Benue State Police Command",
            id="state police command, spokeswoman for",
        ),
        pytest.param(
            "A spokesman for the Kaduna State Police Command, Mansir Hassan, said two "
            "officers were killed.",
            "Mansir Hassan",
            "Kaduna State Police Command",
            id="state police command, name after",
        ),
        pytest.param(
            "But the Gondar Fano Command, led by Birhanu Alemu, broke with the AFNM in September.",
            "Birhanu Alemu",
            "Gondar Fano Command",
            id="a place word before a curated name",
        ),
        pytest.param(
            "The Wollo Fano Command, led by Mekonnen Alemu, seized the town.",
            "Mekonnen Alemu",
            "Wollo Fano Command",
            id="another command",
        ),
    ],
)
def test_a_name_ending_on_command_is_one_organisation(nlp, text, person, organisation):
    assert (person, organisation) in facts(nlp, text, "affiliatedWith")


def test_each_command_of_a_list_is_its_own_organisation(nlp):
    text = (
        "The Gojjam Fano Command and the Wollo Fano Command are part of the Amhara Fano "
        "National Movement (AFNM)."
    )
    names = entity_names(nlp, text, "Organisation")
    assert {"Gojjam Fano Command", "Wollo Fano Command"} <= names
    assert not names & {"Gojjam", "Wollo", "Fano Command"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Fano fighters attacked the town of Debre Tabor on Sunday.", "Fano"),
        ("The militiamen fought under the command of Fano leaders.", "Fano"),
        ("US Central Command said the strike killed a senior commander.", "Central Command"),
    ],
)
def test_curated_names_and_lower_case_command_stay_as_they_are(nlp, text, name):
    names = entity_names(nlp, text, "Organisation")
    assert any(name in n for n in names)
    assert not any("Command" in n and n.endswith("Fano Command") for n in names)
