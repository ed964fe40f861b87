"""Names compared as a person reads them (domain/person_names.py)."""

from __future__ import annotations

from strategy_meeting.domain.person_names import mentions


def test_a_name_joined_to_more_of_a_name_is_another_person():
    """Found by the subject-access property test: a search for "Zoë Smith" took in a line
    about "Zoë Smith-Jones". Hyphens and apostrophes join a name; spaces and stops end it."""
    assert not mentions("Zoë Smith-Jones said so.", "Zoë Smith")
    assert not mentions("Seen by Mary O'Brien.", "Brien")
    assert not mentions("Jean‐Smith came", "Smith")  # U+2010 hyphen
    assert mentions("Zoë Smith said so; Zoe Smith-Jones did not.", "zoe smith")
    assert mentions("(Zoë Smith)", "Zoe Smith")
