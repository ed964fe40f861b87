# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The pages of the meeting workspace, in the order of the page and of Ctrl+1..9 and Ctrl+0."""

from __future__ import annotations

from .actions_section import ActionsSection
from .addenda_section import AddendaSection
from .base import Section, SectionHost
from .contributions_section import ContributionsSection
from .copies_section import CopiesSection
from .decisions_section import DecisionsSection
from .details_section import DetailsSection
from .next_steps_section import NextStepsSection
from .parents_informed_section import ParentsInformedSection
from .participants_section import ParticipantsSection
from .people_section import PeopleSection

SECTIONS: list[type[Section]] = [
    DetailsSection,
    PeopleSection,
    ParticipantsSection,
    ContributionsSection,
    DecisionsSection,
    ActionsSection,
    ParentsInformedSection,
    NextStepsSection,
    CopiesSection,
    AddendaSection,  # listed once the minutes are signed off
]

__all__ = ["SECTIONS", "Section", "SectionHost"]
