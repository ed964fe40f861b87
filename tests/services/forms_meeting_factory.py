# SPDX-License-Identifier: LicenseRef-Proprietary
"""A fictional meeting built from domain objects, for the forms and distribution tests.

Canaries (``ZZLEAK-...``) sit in the child's name, the household and the contribution texts,
so a test can prove that a form or an e-mail body holds none of them.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime

from strategy_meeting.domain.action import Action
from strategy_meeting.domain.agency import Agency, AgencyKind
from strategy_meeting.domain.contribution import Contribution, Topic
from strategy_meeting.domain.decision import Decision, DecisionKind
from strategy_meeting.domain.meeting import (
    ConcernCategory,
    HouseholdMember,
    Meeting,
    Participant,
    Person,
    Referral,
    SubjectChild,
)
from strategy_meeting.domain.sharing_terms import SharingTerms


def canary(label: str) -> str:
    return f"ZZLEAK-{label}-{uuid.uuid4().hex[:12]}"


def example_meeting(reference: str = "SD-2026-0042") -> tuple[Meeting, dict[str, str]]:
    """A meeting with four agencies (three with e-mail addresses) and planted canaries."""
    c = {
        "child_surname": canary("childname"),
        "address": canary("address"),
        "nhs": canary("nhs"),
        "household": canary("household"),
        "police_text": canary("policetext"),
        "edu_text": canary("edutext"),
        "referral": canary("referral"),
        "chair_only_action": canary("chairaction"),
    }
    meeting = Meeting(
        reference=reference,
        held_at=datetime(2026, 11, 20, 10, 0, tzinfo=UTC),
        chair=Person("Alex Example", "CSC", "Team Manager"),
        referral=Referral(
            datetime(2026, 11, 19, 15, 40, tzinfo=UTC), f"Bruising seen {c['referral']}", "EDU",
            [ConcernCategory.PHYSICAL_ABUSE],
        ),
        children=[
            SubjectChild("c1", f"Robin {c['child_surname']}", date_of_birth=date(2018, 5, 14),
                         nhs_number=c["nhs"], address=c["address"], school="Sampletown Primary"),
        ],
        household=[HouseholdMember("p1", f"Jordan {c['household']}", "mother", True)],
        agencies=[
            Agency("CSC", "Children's Social Care", AgencyKind.SOCIAL_CARE, "csc@example.org"),
            Agency("POLICE", "Police Child Abuse Investigation Team", AgencyKind.POLICE, "cait@example.org"),
            Agency("HEALTH", "Community Health (School Nursing)", AgencyKind.HEALTH, "health@example.org"),
            Agency("EDU", "Sampletown Primary School", AgencyKind.EDUCATION, ""),
        ],
        participants=[
            Participant("CSC", "Alex Example", role="Team Manager", decision_authority=True),
            Participant("POLICE", "DS Riley Test", role="Detective Sergeant", decision_authority=True),
        ],
        contributions=[
            Contribution("k1", "EDU", Topic.CURRENT_CONCERNS, f"Bruise seen {c['edu_text']}",
                         SharingTerms.everyone(), "Taylor Sample"),
            Contribution("k2", "POLICE", Topic.HISTORY, f"Caution for assault {c['police_text']}",
                         SharingTerms.only("CSC"), "DS Riley Test"),
        ],
        decisions=[
            Decision("d1", DecisionKind.SECTION47_JOINT, "Joint Section 47 enquiry.",
                     "Disclosure of physical harm.", True, ["k1", "k2"], sharing=SharingTerms.everyone()),
        ],
        actions=[
            Action("a1", "Arrange a child protection medical.", "HEALTH", date(2026, 11, 20),
                   SharingTerms.everyone(), "Morgan Demo"),
            Action("a2", "Speak to the partner under caution.", "POLICE", date(2026, 11, 21),
                   SharingTerms.only("CSC"), "DS Riley Test"),
            Action("a3", f"Check records {c['chair_only_action']}", "CSC", date(2026, 11, 23),
                   SharingTerms.chair_only(), "Alex Example"),
            Action("a4", "Visit the child at home.", "CSC", date(2026, 11, 20),
                   SharingTerms.everyone(), "Alex Example"),
        ],
    )
    return meeting, c
