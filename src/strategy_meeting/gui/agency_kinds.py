# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The agency kinds as the windows name them, translatable (one table for every window)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from strategy_meeting.domain.agency import AgencyKind

CONTEXT = "AgencyKind"
_LABELS: dict[AgencyKind, str] = {
    AgencyKind.SOCIAL_CARE: QT_TRANSLATE_NOOP("AgencyKind", "Social care"),
    AgencyKind.POLICE: QT_TRANSLATE_NOOP("AgencyKind", "Police"),
    AgencyKind.HEALTH: QT_TRANSLATE_NOOP("AgencyKind", "Health"),
    AgencyKind.EDUCATION: QT_TRANSLATE_NOOP("AgencyKind", "Education"),
    AgencyKind.PROBATION: QT_TRANSLATE_NOOP("AgencyKind", "Probation"),
    AgencyKind.HOUSING: QT_TRANSLATE_NOOP("AgencyKind", "Housing"),
    AgencyKind.MENTAL_HEALTH: QT_TRANSLATE_NOOP("AgencyKind", "Mental health"),
    AgencyKind.EARLY_HELP: QT_TRANSLATE_NOOP("AgencyKind", "Early help"),
    AgencyKind.LEGAL: QT_TRANSLATE_NOOP("AgencyKind", "Legal"),
    AgencyKind.OTHER: QT_TRANSLATE_NOOP("AgencyKind", "Other"),
}


def agency_kind_label(kind: AgencyKind) -> str:
    return QCoreApplication.translate(CONTEXT, _LABELS[kind])


def agency_kind_labels() -> dict[AgencyKind, str]:
    """Every kind in the domain's order, with its label in the user's language."""
    return {kind: agency_kind_label(kind) for kind in AgencyKind}
