# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Export then import gives the same meeting, offsets and every script included."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from meeting_strategies import meetings

from strategy_meeting.domain.contribution import ReceivedVia
from strategy_meeting.domain.errors import ImportRejected
from strategy_meeting.domain.meeting import Addendum, Meeting, MeetingStatus
from strategy_meeting.domain.sharing_terms import AudienceScope
from strategy_meeting.services.exchange.validation import find_problems
from strategy_meeting.services.exchange.codec import datetime_to_json, meeting_from_json, meeting_to_json

EXAMPLE = Path(__file__).parents[1] / "data" / "sd-example.json"


def example_document() -> dict:
    return json.loads(EXAMPLE.read_text(encoding="utf-8"))


def _datetimes(meeting: Meeting) -> list[datetime | None]:
    found: list[datetime | None] = [
        meeting.held_at,
        meeting.referral.received_at,
        meeting.parents_informed.when,
        meeting.next_steps.review_at,
    ]
    found += [c.recorded_at for c in meeting.contributions]
    return found


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(meetings())
def test_export_then_import_gives_the_same_meeting(meeting: Meeting) -> None:
    document = meeting_to_json(meeting)
    assert find_problems(document) == []
    # Through real JSON text, as a file would carry it.
    back = meeting_from_json(json.loads(json.dumps(document, ensure_ascii=False)))
    assert back == meeting
    # Equality of aware datetimes ignores the offset; the format must keep it too.
    assert [d.utcoffset() if d else None for d in _datetimes(back)] == [
        d.utcoffset() if d else None for d in _datetimes(meeting)
    ]
    assert meeting_to_json(back) == document


def test_the_published_example_imports_with_its_details() -> None:
    meeting = meeting_from_json(example_document())
    assert meeting.reference == "SD-2026-0001"
    assert meeting.held_at == datetime(2026, 11, 20, 10, 0, tzinfo=UTC)
    assert [c.name for c in meeting.children] == ["Robin Fictional"]
    assert meeting.contributions[1].sharing.scope is AudienceScope.AGENCIES
    assert meeting.contributions[1].sharing.agencies == {"CSC", "POLICE"}
    assert meeting.contributions[2].received_via is ReceivedVia.CONTRIBUTION_FORM
    assert meeting.decisions[0].relied_on == ["k1", "k2", "k4"]
    assert meeting.parents_informed.delay_reason.startswith("Police asked")
    assert meeting.status is MeetingStatus.DRAFT  # store-only fields stay at their defaults
    assert meeting.id is None and meeting.sign_off is None and meeting.addenda == []


def test_the_published_example_survives_a_round_trip_unchanged() -> None:
    document = example_document()
    again = meeting_to_json(meeting_from_json(document))
    assert meeting_from_json(again) == meeting_from_json(document)
    assert again["meeting"]["held_at"] == document["meeting"]["held_at"]
    # /3 keeps a contribution's lawful basis in its terms: the /1 text is its note.
    old = document["meeting"]["contributions"]
    for before, after in zip(old, again["meeting"]["contributions"], strict=True):
        basis = after["sharing"].pop("lawful_basis", None)
        assert basis == ({"regime": "unspecified", "condition": "", "note": before.pop("lawful_basis")}
                         if before.get("lawful_basis") else None)
        before.pop("lawful_basis", None)
        assert after == before
    assert meeting_to_json(meeting_from_json(again)) == again


def test_the_offset_of_a_summer_time_meeting_is_kept() -> None:
    meeting = meeting_from_json(example_document())
    meeting.held_at = datetime(2026, 7, 1, 10, 0, tzinfo=ZoneInfo("Europe/London"))
    document = meeting_to_json(meeting)
    assert document["meeting"]["held_at"] == "2026-07-01T10:00:00+01:00"
    assert meeting_from_json(document).held_at.utcoffset() == timedelta(hours=1)


def test_offsets_a_file_cannot_write_are_given_in_utc() -> None:
    odd = datetime(2026, 1, 1, 12, 0, 30, tzinfo=timezone(timedelta(seconds=30)))
    assert datetime_to_json(odd) == "2026-01-01T12:00:00+00:00"
    assert datetime_to_json(datetime(2026, 1, 1, 12, 0)) == "2026-01-01T12:00:00+00:00"


def test_lower_case_t_and_z_and_long_fractions_are_read() -> None:
    document = example_document()
    document["meeting"]["held_at"] = "2026-11-20t10:00:00.1234567z"
    assert meeting_from_json(document).held_at == datetime(2026, 11, 20, 10, 0, 0, 123456, tzinfo=UTC)


def test_store_only_fields_are_not_exported_but_what_the_record_is_travels() -> None:
    meeting = meeting_from_json(example_document())
    meeting.id = 42
    meeting.created_by = "creator1"
    meeting.status = MeetingStatus.SIGNED_OFF
    meeting.reconvenes = "SD-2025-0001"
    meeting.addenda = [Addendum(1, "later note", datetime(2026, 11, 21, tzinfo=UTC), "chair1")]
    document = meeting_to_json(meeting)
    text = json.dumps(document)
    assert "creator1" not in text and "42" not in json.dumps(document["meeting"].get("id", ""))
    # Issue 15: status, reconvenes and addenda are part of the record (strategy-meeting/2).
    m = document["meeting"]
    assert (m["status"], m["reconvenes"], m["addenda"][0]["text"]) == ("signed_off", "SD-2025-0001", "later note")


def test_a_file_without_received_via_arrived_by_import() -> None:
    document = example_document()
    del document["meeting"]["contributions"][0]["received_via"]
    assert meeting_from_json(document).contributions[0].received_via is ReceivedVia.IMPORT


def test_import_refuses_an_invalid_document_instead_of_building_a_meeting() -> None:
    document = example_document()
    document["meeting"]["contributions"][0]["agency"] = "XYZ"
    with pytest.raises(ImportRejected) as caught:
        meeting_from_json(document)
    assert "meeting.contributions[0].agency" in str(caught.value)


def test_an_incomplete_meeting_exports_to_a_document_that_says_what_is_missing() -> None:
    meeting = meeting_from_json(example_document())
    meeting.held_at = None
    meeting.actions[0].due = None
    problems = [str(p) for p in find_problems(meeting_to_json(meeting))]
    assert "meeting: the required field 'held_at' is missing" in problems
    assert "meeting.actions[0]: the required field 'due' is missing" in problems


def test_the_domain_rules_of_a_saved_meeting_apply_to_an_imported_one() -> None:
    document = example_document()
    document["meeting"]["contributions"][1]["text"] = "   "
    document["meeting"]["agencies"][0]["name"] = ""
    with pytest.raises(ImportRejected) as caught:
        meeting_from_json(document)
    assert caught.value.problems == ["agency CSC needs a name", "contribution 2 has no text"]
    assert str(caught.value) == "The file is not valid: agency CSC needs a name (and 1 more problem)"
