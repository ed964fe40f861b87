# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""What an agency shares: one piece of information with its topic and sharing terms."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from .sharing_terms import SharingTerms


class Topic(StrEnum):
    HISTORY = "history"
    CURRENT_CONCERNS = "current_concerns"
    RISKS = "risks"
    STRENGTHS = "strengths"
    CHILD_LIVED_EXPERIENCE = "child_lived_experience"
    OTHER = "other"


TOPIC_LABELS: dict[Topic, str] = {
    Topic.HISTORY: "History",
    Topic.CURRENT_CONCERNS: "Current concerns",
    Topic.RISKS: "Risks",
    Topic.STRENGTHS: "Strengths and protective factors",
    Topic.CHILD_LIVED_EXPERIENCE: "The child's lived experience",
    Topic.OTHER: "Other",
}


class ReceivedVia(StrEnum):
    MEETING = "meeting"
    CONTRIBUTION_FORM = "contribution_form"
    IMPORT = "import"


@dataclass
class Contribution:
    id: str
    agency: str
    topic: Topic
    text: str
    sharing: SharingTerms = field(default_factory=SharingTerms)
    author: str = ""
    received_via: ReceivedVia = ReceivedVia.MEETING
    recorded_at: datetime | None = None

    @property
    def owner_agency(self) -> str:
        return self.agency

    @property
    def lawful_basis_text(self) -> str:
        """The lawful basis in words ("" when none is recorded). There is one lawful basis, in
        the sharing terms (issue 14 folded the earlier free-text field into it)."""
        basis = self.sharing.lawful_basis
        return basis.describe() if basis is not None else ""
