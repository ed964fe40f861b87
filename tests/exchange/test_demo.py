# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The demonstration set: fictional, complete, valid, and the same for the same day."""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from datetime import date, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from strategy_meeting.domain.decision import DecisionKind
from strategy_meeting.domain.meeting import Meeting, MeetingKind, MeetingStatus
from strategy_meeting.domain.sharing_terms import AudienceScope
from strategy_meeting.domain.validation import meeting_problems
from strategy_meeting.services.demo import demo_meetings
from strategy_meeting.services.exchange.validation import find_problems
from strategy_meeting.services.exchange.codec import meeting_from_json, meeting_to_json

TODAY = date(2026, 11, 20)
MEETINGS = demo_meetings(TODAY)


def _names(m: Meeting) -> list[str]:
    people = [m.chair.name] + ([m.minute_taker.name] if m.minute_taker else [])
    people += [c.name for c in m.children] + [h.name for h in m.household] + [p.name for p in m.participants]
    return people


def test_there_are_six_to_eight_meetings_with_demo_references() -> None:
    assert 6 <= len(MEETINGS) <= 8
    references = [m.reference for m in MEETINGS]
    assert len(set(references)) == len(references)
    assert all(re.fullmatch(r"DEMO-2026-\d{4}", r) for r in references)


def test_everything_is_marked_fictional() -> None:
    for m in MEETINGS:
        assert "fictional" in m.location.lower(), m.reference
        assert m.referral.reason.startswith("Fictional demonstration: "), m.reference
        assert all("(fictional)" in a.name and a.email.endswith("@example.org") for a in m.agencies)
        assert all("(fictional)" in c.address for c in m.children)
        assert all(not c.nhs_number or c.nhs_number.startswith("999") for c in m.children)  # NHS test range


def test_every_decision_kind_appears() -> None:
    kinds = {d.kind for m in MEETINGS for d in m.decisions}
    assert kinds == set(DecisionKind)


def test_every_sharing_variant_appears_for_contributions_and_actions() -> None:
    def variants(items: list) -> set[tuple[AudienceScope, bool]]:
        return {(i.sharing.scope, i.sharing.family) for i in items}

    contributions = variants([c for m in MEETINGS for c in m.contributions])
    actions = variants([a for m in MEETINGS for a in m.actions])
    everything = contributions | actions
    for wanted in [(AudienceScope.ALL, False), (AudienceScope.ALL, True), (AudienceScope.AGENCIES, False),
                   (AudienceScope.AGENCIES, True), (AudienceScope.CHAIR, False)]:
        assert wanted in everything, wanted
    decided = set(AudienceScope) - {AudienceScope.UNDECIDED}  # a signed demo has no undecided item
    assert {s for s, _ in contributions} == decided
    assert {s for s, _ in actions} == decided


def test_agencies_go_beyond_the_usual_four() -> None:
    codes = {a.code for m in MEETINGS for a in m.agencies}
    assert {"CSC", "POLICE", "HEALTH", "EDU"} <= codes
    assert {"GP", "HOUSING", "PROBATION", "CAMHS", "EARLY_HELP"} <= codes


def test_statuses_run_from_draft_to_concluded_and_one_meeting_reconvenes_another() -> None:
    assert {m.status for m in MEETINGS} == {MeetingStatus.DRAFT, MeetingStatus.IN_PROGRESS, MeetingStatus.CONCLUDED}
    references = {m.reference for m in MEETINGS}
    reconvened = [m for m in MEETINGS if m.kind is MeetingKind.RECONVENED]
    assert reconvened and all(m.reconvenes in references for m in reconvened)


def test_names_use_latin_with_diacritics_greek_and_cyrillic() -> None:
    scripts = set()
    for name in (n for m in MEETINGS for n in _names(m)):
        for ch in name:
            if ch.isalpha():
                scripts.add(unicodedata.name(ch).split()[0])
                if not ch.isascii() and unicodedata.name(ch).startswith("LATIN"):
                    scripts.add("LATIN-DIACRITIC")
    assert {"LATIN", "LATIN-DIACRITIC", "GREEK", "CYRILLIC"} <= scripts


def test_some_actions_are_overdue_today_and_some_are_not() -> None:
    actions = [a for m in MEETINGS for a in m.actions]
    assert sum(a.is_overdue(TODAY) for a in actions) >= 3
    assert any(a.status.value == "open" and not a.is_overdue(TODAY) for a in actions)
    assert {a.status.value for a in actions} == {"open", "done", "cancelled"}


def test_parents_are_told_with_and_without_delay_and_one_meeting_is_still_ahead() -> None:
    informed = [m.parents_informed for m in MEETINGS]
    assert any(p.when and not p.delay_reason for p in informed)
    assert any(p.delay_reason and p.when for p in informed)
    assert any(p.delay_reason and not p.when for p in informed)
    assert any(m.held_at and m.held_at.date() > TODAY and m.status is MeetingStatus.DRAFT for m in MEETINGS)


def test_an_unborn_child_and_siblings_are_included() -> None:
    children = [c for m in MEETINGS for c in m.children]
    assert any(c.expected_date_of_birth and c.date_of_birth is None for c in children)
    assert any(len(m.children) > 1 for m in MEETINGS)


def _as_imported(m: Meeting) -> Meeting:
    """What ``meeting_from_json`` gives: the status comes separately (``record_from_json``,
    taken through ``Meeting.take_record_state``); ``reconvenes`` travels since /2."""
    return dataclasses.replace(m, status=MeetingStatus.DRAFT)


@settings(max_examples=15, deadline=None)
@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31)))
def test_for_any_day_the_set_is_valid_deterministic_and_carried_whole(today: date) -> None:
    meetings = demo_meetings(today)
    assert meetings == demo_meetings(today)
    for m in meetings:
        assert meeting_problems(m) == []
        document = meeting_to_json(m)
        assert find_problems(document) == []
        assert meeting_from_json(document) == _as_imported(m)


def test_dates_follow_the_day_given() -> None:
    later = demo_meetings(date(2027, 3, 1))
    assert [m.reference for m in later][0] == "DEMO-2027-0001"
    assert later[0].held_at == datetime.combine(date(2027, 2, 8), MEETINGS[0].held_at.timetz())
