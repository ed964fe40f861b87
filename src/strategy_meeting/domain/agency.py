# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Agencies taking part, and which of them the law expects at every strategy discussion."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

AGENCY_CODE_PATTERN = re.compile(r"^[A-Z][A-Z0-9_-]{0,31}$")


class AgencyKind(StrEnum):
    SOCIAL_CARE = "social_care"
    POLICE = "police"
    HEALTH = "health"
    EDUCATION = "education"
    PROBATION = "probation"
    HOUSING = "housing"
    MENTAL_HEALTH = "mental_health"
    EARLY_HELP = "early_help"
    LEGAL = "legal"
    OTHER = "other"


# Working Together 2023: CSC, police and health must take part in every strategy discussion.
STATUTORY_KINDS: tuple[AgencyKind, ...] = (
    AgencyKind.SOCIAL_CARE,
    AgencyKind.POLICE,
    AgencyKind.HEALTH,
)

STATUTORY_KIND_LABELS: dict[AgencyKind, str] = {
    AgencyKind.SOCIAL_CARE: "children's social care",
    AgencyKind.POLICE: "police",
    AgencyKind.HEALTH: "health",
}

# When an agency's kind is not recorded, its usual code says which statutory role it fills.
_CODE_HINTS: dict[str, AgencyKind] = {
    "CSC": AgencyKind.SOCIAL_CARE,
    "POLICE": AgencyKind.POLICE,
    "HEALTH": AgencyKind.HEALTH,
}


@dataclass
class Agency:
    code: str
    name: str
    kind: AgencyKind | None = None
    email: str = ""
    # The agency's X.509 certificate (DER) for encrypting its copies to it. Kept in the
    # organisation's directory only: a meeting's own list of agencies never carries one, so
    # distribution always uses the directory's current certificate.
    certificate: bytes = field(default=b"", repr=False)

    @property
    def effective_kind(self) -> AgencyKind:
        if self.kind is not None:
            return self.kind
        return _CODE_HINTS.get(self.code, AgencyKind.OTHER)


def kinds_by_code() -> dict[str, AgencyKind]:
    """The well-known codes whose kind is implied when a meeting does not record it (what
    ``Agency.effective_kind`` falls back to), for queries that must apply the same rule."""
    return dict(_CODE_HINTS)


def is_valid_agency_code(code: str) -> bool:
    return bool(AGENCY_CODE_PATTERN.match(code))
