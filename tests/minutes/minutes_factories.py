# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Meetings for the minutes tests, built straight from domain objects (no store needed)."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from strategy_meeting.domain.action import Action, ActionStatus
from strategy_meeting.domain.agency import Agency, AgencyKind
from strategy_meeting.domain.contribution import Contribution, ReceivedVia, Topic
from strategy_meeting.domain.decision import Decision, DecisionKind, Dissent
from strategy_meeting.domain.meeting import (
    ConcernCategory,
    HouseholdMember,
    Meeting,
    MeetingFormat,
    MeetingKind,
    MeetingStatus,
    NextSteps,
    ParentsInformed,
    Participant,
    ParticipantStatus,
    Person,
    Referral,
    SignOff,
    SubjectChild,
)
from strategy_meeting.domain.lawful_basis import LawfulBasis, Regime
from strategy_meeting.domain.sharing_terms import SharingTerms

EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "sd-example.json"


def _dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _d(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _person(data: dict[str, Any] | None) -> Person | None:
    return Person(data["name"], data.get("agency", ""), data.get("role", "")) if data else None


def example_meeting() -> Meeting:
    """The interchange example as a domain ``Meeting`` (a test-side reader, not the importer)."""
    m = json.loads(EXAMPLE.read_text(encoding="utf-8"))["meeting"]
    r = m["referral"]
    chair = _person(m["chair"])
    assert chair is not None
    return Meeting(
        reference=m["reference"],
        kind=MeetingKind(m["kind"]),
        format=MeetingFormat(m["format"]),
        held_at=_dt(m["held_at"]),
        location=m["location"],
        chair=chair,
        minute_taker=_person(m.get("minute_taker")),
        referral=Referral(
            _dt(r["received_at"]),
            r["reason"],
            r["source_agency"],
            [ConcernCategory(c) for c in r["categories"]],
        ),
        children=[
            SubjectChild(
                c["id"], c["name"], _d(c.get("date_of_birth")), None, c["gender"], c["ethnicity"],
                c["nhs_number"], c["address"], c["school"], c["communication_needs"], c["disability"],
            )
            for c in m["children"]
        ],
        household=[
            HouseholdMember(
                h["id"], h["name"], h["relationship"], h["parental_responsibility"], h["address"],
                h["notes"],
            )
            for h in m["household"]
        ],
        agencies=[Agency(a["code"], a["name"], AgencyKind(a["kind"]), a["email"]) for a in m["agencies"]],
        participants=[
            Participant(
                p["agency"], p["name"], ParticipantStatus(p["status"]), p["role"],
                p["decision_authority"],
            )
            for p in m["participants"]
        ],
        contributions=[
            Contribution(
                c["id"], c["agency"], Topic(c["topic"]), c["text"],
                # The example (strategy-meeting/1) keeps the lawful basis beside the terms: it
                # is the terms' one basis now, with no regime chosen.
                replace(SharingTerms.from_json(c["sharing"]),
                        lawful_basis=LawfulBasis(Regime.UNSPECIFIED, "", c["lawful_basis"])),
                c["author"], ReceivedVia(c["received_via"]),
            )
            for c in m["contributions"]
        ],
        decisions=[
            Decision(
                d["id"], DecisionKind(d["kind"]), d["outcome"], d["rationale"], d["threshold_met"],
                list(d["relied_on"]), [Dissent(x["agency"], x["view"]) for x in d["dissent"]],
                sharing=SharingTerms.everyone(),  # a /1 file's decisions are for every agency
            )
            for d in m["decisions"]
        ],
        actions=[
            Action(
                a["id"], a["description"], a["owner_agency"], _d(a["due"]),
                SharingTerms.from_json(a["sharing"]), a["owner_name"], ActionStatus(a["status"]),
            )
            for a in m["actions"]
        ],
        parents_informed=ParentsInformed(
            _dt(m["parents_informed"]["when"]), m["parents_informed"]["how"],
            m["parents_informed"]["by"], m["parents_informed"]["delay_reason"],
        ),
        next_steps=NextSteps(
            _d(m["next_steps"]["icpc_by"]), _dt(m["next_steps"]["review_at"])
        ),
    )


def signed_off(meeting: Meeting, when: datetime | None = None) -> Meeting:
    """The same meeting, signed off (as the sign-off service leaves it)."""
    meeting.status = MeetingStatus.SIGNED_OFF
    meeting.sign_off = SignOff(
        1, meeting.chair.name, when or datetime.fromisoformat("2026-11-20T12:30:00+00:00"), "ab" * 32
    )
    return meeting
