# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Users, roles and what each role may do (DESIGN.md section 1)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Role(StrEnum):
    CHAIR = "chair"
    ADMINISTRATOR = "administrator"
    AGENCY_REP = "agency_rep"
    INFORMATION_GOVERNANCE = "information_governance"
    MINUTE_TAKER = "minute_taker"

    @property
    def label(self) -> str:
        return {"chair": "Chair", "administrator": "Administrator", "agency_rep": "Agency representative",
                "information_governance": "Information governance lead",
                "minute_taker": "Minute-taker"}[self.value]


class Permission(StrEnum):
    CREATE_MEETING = "create_meeting"
    EDIT_MEETING = "edit_meeting"  # details, people, decisions, actions of any agency
    READ_FULL_RECORD = "read_full_record"
    CONTRIBUTE = "contribute"  # add contributions for one's own agency
    SIGN_OFF = "sign_off"
    RENDER_MINUTES = "render_minutes"
    IMPORT = "import"
    EXPORT = "export"
    MANAGE_USERS = "manage_users"
    MANAGE_AGENCIES = "manage_agencies"
    MANAGE_IDENTITIES = "manage_identities"
    DISTRIBUTE = "distribute"
    BACKUP = "backup"
    AUDIT = "audit"
    UPDATE_OWN_ACTIONS = "update_own_actions"
    MANAGE_SETTINGS = "manage_settings"  # store-wide settings such as the idle timeout
    # Records governance (issue 16); see docs/admin-guide.md, "Information governance".
    VIEW_RETENTION = "view_retention"  # retention classes, records due, holds, tombstones
    MANAGE_RETENTION = "manage_retention"  # define classes, give a meeting its class, record case closure
    MANAGE_HOLDS = "manage_holds"  # place and lift legal holds
    ERASE = "erase"  # erase a meeting, leaving its tombstone
    SUBJECT_ACCESS = "answer_subject_access_requests"  # find a person, mark exemptions, export for a subject access request
    RESTRICT_PROCESSING = "restrict_processing"  # mark and lift an Article 18 restriction
    READ_RESTRICTED = "open_restricted_meetings"  # open a meeting whose processing is restricted
    CONFIRM_DECISIONS = "confirm_decisions"  # mark a decision confirmed; change or remove a confirmed one


_GRANTS: dict[Role, frozenset[Permission]] = {
    Role.CHAIR: frozenset(
        {
            Permission.CREATE_MEETING,
            Permission.EDIT_MEETING,
            Permission.READ_FULL_RECORD,
            Permission.CONTRIBUTE,
            Permission.SIGN_OFF,
            Permission.RENDER_MINUTES,
            Permission.IMPORT,
            Permission.EXPORT,
            Permission.MANAGE_IDENTITIES,
            Permission.UPDATE_OWN_ACTIONS,
            Permission.AUDIT,
            Permission.BACKUP,
            # Where no administrator sends the minutes, the chair who signed them does.
            Permission.DISTRIBUTE,
            Permission.READ_RESTRICTED,
            Permission.CONFIRM_DECISIONS,
        }
    ),
    # Drafts and edits the record for the chair (issue 15), staff of the organisation that keeps
    # it: never signs off, distributes or exports, and cannot change a decision the chair
    # confirmed. Renders drafts to check the wording.
    Role.MINUTE_TAKER: frozenset(
        {
            Permission.CREATE_MEETING,
            Permission.EDIT_MEETING,
            Permission.READ_FULL_RECORD,
            Permission.CONTRIBUTE,
            Permission.RENDER_MINUTES,
        }
    ),
    Role.ADMINISTRATOR: frozenset(
        {
            Permission.READ_FULL_RECORD,
            Permission.RENDER_MINUTES,
            Permission.IMPORT,
            Permission.EXPORT,
            Permission.MANAGE_USERS,
            Permission.MANAGE_AGENCIES,
            Permission.MANAGE_IDENTITIES,
            Permission.MANAGE_SETTINGS,
            Permission.DISTRIBUTE,
            Permission.BACKUP,
            Permission.AUDIT,
            Permission.VIEW_RETENTION,
            Permission.MANAGE_RETENTION,
            Permission.MANAGE_HOLDS,
            Permission.ERASE,
            Permission.RESTRICT_PROCESSING,
        }
    ),
    # Reads everything, edits nothing (issue 16): it may open restricted meetings, answer
    # subject access requests, restrict processing and hold records (both keep a record as it
    # is), but neither erase nor change a record, render, export or distribute minutes.
    Role.INFORMATION_GOVERNANCE: frozenset(
        {
            Permission.READ_FULL_RECORD,
            Permission.READ_RESTRICTED,
            Permission.AUDIT,
            Permission.VIEW_RETENTION,
            Permission.MANAGE_HOLDS,
            Permission.SUBJECT_ACCESS,
            Permission.RESTRICT_PROCESSING,
        }
    ),
    Role.AGENCY_REP: frozenset({Permission.CONTRIBUTE, Permission.UPDATE_OWN_ACTIONS}),
}


def allowed(role: Role, permission: Permission) -> bool:
    return permission in _GRANTS[role]


# What "Settings and administration" offers, one permission per page (backups, agencies,
# users and roles, signing identities, security, mail server): the window is on the menu for a
# role that may do any of these. Kept here, not read off the pages, so that deciding whether to
# show the menu item needs none of the pages loaded (tests hold the two to each other).
ADMINISTRATION: frozenset[Permission] = frozenset(
    {Permission.BACKUP, Permission.MANAGE_AGENCIES, Permission.MANAGE_USERS, Permission.MANAGE_SETTINGS}
)


def may_administer(role: Role) -> bool:
    return any(allowed(role, permission) for permission in ADMINISTRATION)


@dataclass(frozen=True)
class User:
    name: str
    role: Role
    agency: str | None = None  # required for an agency representative
    display_name: str = ""
    active: bool = True
    id: int | None = None

    @property
    def label(self) -> str:
        return self.display_name or self.name
