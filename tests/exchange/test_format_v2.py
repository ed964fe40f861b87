# SPDX-License-Identifier: LicenseRef-Proprietary
"""Interchange format ``strategy-meeting/2`` (issue 15): the fields a complete record needs go
out and come back; a ``/1`` file is still read (by its own schema); a record signed off by an
earlier version keeps its content hash."""

from __future__ import annotations

import copy
import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from builders import sample_meeting
from strategy_meeting.domain.decision import Decision, DecisionKind
from strategy_meeting.domain.errors import ImportRejected
from strategy_meeting.domain.meeting import (
    CriminalInvestigation,
    HouseholdMember,
    Meeting,
    Person,
    Planning,
    Referral,
    SubjectChild,
)
from strategy_meeting.services import meetings
from strategy_meeting.services.exchange.codec import meeting_from_json, meeting_to_json
from strategy_meeting.domain.sharing_terms import SharingTerms
from strategy_meeting.services.exchange.validation import FORMAT_ID, FORMAT_V1, FORMAT_V2
from strategy_meeting.services.signoff import content_hash

EXAMPLE = Path(__file__).parent.parent / "data" / "sd-example.json"


def complete_meeting() -> Meeting:
    m = sample_meeting()
    m.nation = "wales"
    m.planning = Planning(CriminalInvestigation.LATER, "After the ABE interview on Monday.", "POLICE",
                          True, False, "Legal advice by phone today.", "Mother is Deaf: BSL.", "BSL")
    m.children[0].interpreter = "Polish"
    m.household.append(HouseholdMember("h2", "Sam Fictional", "half-brother", is_child=True,
                                       consideration="Seen at nursery; no concerns; included in the enquiry."))
    m.decisions[0].confirmed = True
    return m


def test_version_2_carries_the_new_fields_there_and_back() -> None:
    m = complete_meeting()
    document = meeting_to_json(m)
    assert document["format"] == FORMAT_ID == "strategy-meeting/3"  # /3 (issue 14) carries /2's fields
    back = meeting_from_json(json.loads(json.dumps(document)))
    assert back.nation == "wales" and back.planning == m.planning
    assert back.children[0].interpreter == "Polish"
    assert back.children[0].views_not_recorded_reason == m.children[0].views_not_recorded_reason
    assert back.household[1].is_child and back.household[1].consideration.startswith("Seen at nursery")
    assert back.decisions[0].confirmed
    assert content_hash(back) == content_hash(m)


def test_the_new_fields_are_kept_by_the_store(ctx, chair) -> None:
    made, _ = meetings.create(ctx, chair, template=complete_meeting())
    again = meetings.get(ctx, chair, made.reference)
    assert (again.nation, again.planning) == ("wales", complete_meeting().planning)
    assert again.household[1].is_child and again.children[0].interpreter == "Polish"
    assert again.decisions[0].confirmed


def test_a_version_1_file_is_still_read() -> None:
    document = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    assert document["format"] == FORMAT_V1
    m = meeting_from_json(document)
    assert m.nation == "england" and m.planning == Planning()
    assert all(not d.confirmed for d in m.decisions)


def test_a_version_1_file_may_not_carry_version_2_fields() -> None:
    document = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    document["meeting"]["nation"] = "wales"
    with pytest.raises(ImportRejected) as caught:
        meeting_from_json(document)
    assert "meeting.nation: is not part of this format" in str(caught.value)
    upgraded = copy.deepcopy(document)
    upgraded["format"] = FORMAT_V2
    assert meeting_from_json(upgraded).nation == "wales"


def test_an_unknown_nation_is_refused() -> None:
    document = meeting_to_json(complete_meeting())
    document["meeting"]["nation"] = "mercia"
    with pytest.raises(ImportRejected, match="meeting.nation"):
        meeting_from_json(document)


def test_a_record_signed_off_by_an_earlier_version_keeps_its_content_hash() -> None:
    """The hash main computed for this meeting before the new fields existed (left out of the
    hash while they hold their defaults; a decision's confirmation is never part of it)."""
    m = Meeting(reference="SD-2026-0001", held_at=datetime(2026, 11, 20, 10, 0, tzinfo=UTC),
                chair=Person("Alex Example", "CSC"), referral=Referral(None, "Bruising."),
                children=[SubjectChild("c1", "Robin Fictional", date(2018, 5, 14))],
                household=[HouseholdMember("h1", "Jordan Fictional", "mother", True)],
                # A decision recorded before issue 14 was for every agency (0008 and the
                # reading of /1 and /2 files give it that audience).
                decisions=[Decision("d1", DecisionKind.SECTION47_JOINT, "Joint.", "Cause.", True, [],
                                    sharing=SharingTerms.everyone())])
    before = "d3aea685d91b1a3e734ae5cc8ce0c81cb1ee83aeaca76c6ebd67cca9bf198914"
    assert content_hash(m) == before
    undecided = copy.deepcopy(m)
    undecided.decisions[0].sharing = SharingTerms.undecided()
    assert content_hash(undecided) != before  # a different audience is a different record
    m.decisions[0].confirmed = True
    assert content_hash(m) == before
    m.nation = "scotland"
    assert content_hash(m) != before
