# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Users, roles and what each role may do (DESIGN.md section 1)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Role(StrEnum):
    CHAIR = "chair"
    ADMINISTRATOR = "administrator"
    # One person who both chairs and administers: what a store's first account is by default,
    # so a new store always has someone who can add users and agencies (issue 19). A user still
    # has one role; the grants are the union of the two.
    CHAIR_ADMINISTRATOR = "chair_administrator"
    AGENCY_REP = "agency_rep"
    INFORMATION_GOVERNANCE = "information_governance"
    MINUTE_TAKER = "minute_taker"

    @property
    def label(self) -> str:
        return {"chair": "Chair", "administrator": "Administrator",
                "chair_administrator": "Chair and administrator",
                "agency_rep": "Agency representative",
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
_GRANTS[Role.CHAIR_ADMINISTRATOR] = _GRANTS[Role.CHAIR] | _GRANTS[Role.ADMINISTRATOR]


def allowed(role: Role, permission: Permission) -> bool:
    return permission in _GRANTS[role]


# What "Settings and administration" offers, one permission per page (backups, agencies,
# users and roles, signing identities, security, mail server): the window is on the menu for a
# role that may do any of these. Kept here, not read off the pages, so that deciding whether to
# show the menu item needs none of the pages loaded (tests hold the two to each other).
ADMINISTRATION: frozenset[Permission] = frozenset(
    {Permission.BACKUP, Permission.MANAGE_AGENCIES, Permission.MANAGE_USERS, Permission.MANAGE_SETTINGS}
)


def who_may(permission: Permission) -> list[Role]:
    """The roles granted ``permission``, in the enum's order."""
    return [role for role in Role if allowed(role, permission)]


def holders(permission: Permission) -> list[Role]:
    """The roles to name when saying who may: ``who_may`` without the combined role where a
    single role already holds the permission ("Ask an administrator", not "... or a chair and
    administrator")."""
    roles = who_may(permission)
    single = [r for r in roles if r is not Role.CHAIR_ADMINISTRATOR]
    return single or roles


def needs_text(permission: Permission) -> str:
    """Why a page or command is closed to a role: "Needs an administrator." (shown where the
    closed thing is)."""
    holders_ = [_with_article(r.label.lower()) for r in holders(permission)]
    return f"Needs {' or '.join(holders_)}." if holders_ else "No role may do this."


def _with_article(label: str) -> str:
    return f"an {label}" if label[0] in "aeiou" else f"a {label}"


def may_administer(role: Role) -> bool:
    return any(allowed(role, permission) for permission in ADMINISTRATION)


# What "Records governance" offers (issue 16): its retention-and-holds page for a role that
# sees retention, its subject-access page for one that answers requests. The menu item is on
# for a role with either, and says why not to any other.
GOVERNANCE: frozenset[Permission] = frozenset({Permission.VIEW_RETENTION, Permission.SUBJECT_ACCESS})


def may_govern(role: Role) -> bool:
    return any(allowed(role, permission) for permission in GOVERNANCE)


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
