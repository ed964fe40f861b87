# SPDX-License-Identifier: LicenseRef-Proprietary
"""Meetings built in code for tests, so each test says exactly what it plants."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

from strategy_meeting.domain.action import Action
from strategy_meeting.domain.agency import Agency, AgencyKind
from strategy_meeting.domain.contribution import Contribution, Topic
from strategy_meeting.domain.decision import Decision, DecisionKind
from strategy_meeting.domain.lawful_basis import CONDITIONS, LawfulBasis, Regime
from strategy_meeting.domain.meeting import (
    ConcernCategory,
    HouseholdMember,
    Meeting,
    NextSteps,
    ParentsInformed,
    Participant,
    ParticipantStatus,
    Person,
    Referral,
    SubjectChild,
)
from strategy_meeting.domain.roles import Role, User
from strategy_meeting.domain.sharing_terms import SharingTerms

AGENCIES = [
    Agency("CSC", "Children's Social Care", AgencyKind.SOCIAL_CARE, "csc@example.org"),
    Agency("POLICE", "Police Child Abuse Investigation Team", AgencyKind.POLICE, "police@example.org"),
    Agency("HEALTH", "Community Health", AgencyKind.HEALTH, "health@example.org"),
    Agency("EDU", "Sampletown Primary School", AgencyKind.EDUCATION, "dsl@example.org"),
]


LAWFUL_BASIS = LawfulBasis(Regime.UK_GDPR, CONDITIONS[Regime.UK_GDPR][2], "Children Act 1989 s.47")


def with_basis(terms: SharingTerms, basis: LawfulBasis | None = LAWFUL_BASIS) -> SharingTerms:
    """``terms`` with a lawful basis (the one basis is part of the terms since issue 14)."""
    return replace(terms, lawful_basis=basis)


def sample_meeting(
    reference: str = "SD-2026-0100",
    child_name: str = "Robin Fictional",
    restricted_text: str = "Police intelligence held (restricted).",
    chair_only_text: str = "Chair-only note.",
) -> Meeting:
    return Meeting(
        reference=reference,
        held_at=datetime(2026, 11, 20, 10, 0, tzinfo=UTC),
        chair=Person("Alex Example", "CSC", "Team Manager"),
        referral=Referral(datetime(2026, 11, 19, 15, 40, tzinfo=UTC), "Bruising seen at school.", "EDU",
                          [ConcernCategory.PHYSICAL_ABUSE]),
        location="Video call",
        children=[SubjectChild("c1", child_name, date_of_birth=date(2018, 5, 14), school="Sampletown Primary",
                               views_not_recorded_reason="Not yet seen alone: the social worker sees them today.")],
        household=[HouseholdMember("p1", "Jordan Fictional", "mother", True)],
        agencies=[Agency(a.code, a.name, a.kind, a.email) for a in AGENCIES],
        participants=[
            Participant("CSC", "Alex Example", ParticipantStatus.ATTENDED, "Chair", True, "m1"),
            Participant("POLICE", "DS Riley Test", ParticipantStatus.ATTENDED, "DS", True, "m2"),
            Participant("HEALTH", "Morgan Demo", ParticipantStatus.ATTENDED, "Nurse", True, "m3"),
            Participant("EDU", "Taylor Sample", ParticipantStatus.APOLOGIES, "DSL", False, "m4"),
        ],
        contributions=[
            Contribution("k1", "EDU", Topic.CURRENT_CONCERNS, "Bruising seen at 09:10.",
                         with_basis(SharingTerms.everyone())),
            Contribution("k2", "POLICE", Topic.HISTORY, restricted_text,
                         with_basis(SharingTerms.only("CSC", "POLICE"))),
            Contribution("k3", "CSC", Topic.RISKS, chair_only_text, SharingTerms.chair_only()),
        ],
        decisions=[
            # For every agency; it relied on k2, which HEALTH and EDU may not see, so the chair
            # wrote the rationale those copies hold (here it quotes nothing withheld).
            Decision("d1", DecisionKind.SECTION47_JOINT, "Joint Section 47 enquiry.", "Reasonable cause.", True,
                     ["k1", "k2"], sharing=SharingTerms.everyone(), wider_rationale="Reasonable cause."),
        ],
        actions=[
            Action("a1", "Arrange a medical.", "HEALTH", date(2026, 11, 21), SharingTerms.everyone(), "Morgan Demo"),
            Action("a2", "Interview the partner.", "POLICE", date(2026, 11, 22), SharingTerms.only("POLICE"),
                   "DS Riley Test"),
        ],
        parents_informed=ParentsInformed(datetime(2026, 11, 20, 14, 0, tzinfo=UTC), "Home visit", "CSC"),
        next_steps=NextSteps(icpc_by=date(2026, 12, 10)),
    )


def representative(name: str, agency: str) -> User:
    """An agency representative as an actor, for the services' rules about what one agency may
    see and do. A local store keeps no such account (issue 13: they contribute by the request
    form, or as a login on the team server), so these tests hand the services the actor
    itself rather than unlocking one."""
    return User(name, Role.AGENCY_REP, agency)


# The tests' users ("chair", "admin", ...) are not the sample meetings' recorded chair ("Alex
# Example"), so signing off needs the reason the minutes print (issue 15): said once, here.
DEPUTY_SIGNS = "The recorded chair is on leave; their deputy signs."
SIGN_OFF_ARGS = ("--acknowledge-warnings", "--signer-reason", DEPUTY_SIGNS)


def sign_off(ctx, actor, reference: str, **kwargs):  # type: ignore[no-untyped-def]
    """``signoff.sign_off`` with the warnings acknowledged and the deputy's reason given, as a
    test that is about something after sign-off wants it."""
    from strategy_meeting.services import signoff

    kwargs.setdefault("acknowledge_warnings", True)
    kwargs.setdefault("signer_reason", DEPUTY_SIGNS)
    return signoff.sign_off(ctx, actor, reference, **kwargs)
