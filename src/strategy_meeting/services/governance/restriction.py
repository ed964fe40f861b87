# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Restriction of processing (issue 16; UK GDPR Article 18).

A restricted meeting is kept, and opened only by a chair or information governance; it is not
changed, goes into no new copy of the minutes, interchange export, request form, distribution
or subject access export until the restriction is lifted. The checks are called by those use
cases (one line each), so the rule is decided here once.
"""

from __future__ import annotations

from dataclasses import replace

from strategy_meeting.domain.changes import Changes
from strategy_meeting.domain.errors import InvalidInput, MeetingNotFound, PermissionDenied
from strategy_meeting.domain.listing import MeetingSummary
from strategy_meeting.domain.roles import Permission, User, allowed

from ..context import ServiceContext
from ..users import require
from .reasons import reason_text


class ProcessingRestricted(PermissionDenied):
    """The meeting's processing is restricted: no new copy, export or change until lifted."""


def is_restricted(uow, reference: str) -> bool:  # type: ignore[no-untyped-def]
    return uow.governance.restriction(reference)[0]


def check_view(uow, actor: User, reference: str) -> None:  # type: ignore[no-untyped-def]
    """Refuse to show a restricted meeting to anyone but a chair or information governance."""
    if not allowed(actor.role, Permission.READ_RESTRICTED) and is_restricted(uow, reference):
        raise PermissionDenied(f"{reference} is restricted (UK GDPR Article 18): only a chair or information "
                               "governance may open it until the restriction is lifted.")


def check_processing(uow, reference: str, what: str = "no new copy, export or change") -> None:  # type: ignore[no-untyped-def]
    if is_restricted(uow, reference):
        raise ProcessingRestricted(f"{reference} is restricted (UK GDPR Article 18): {what} until information "
                                   "governance or an administrator lifts the restriction.")


def refuse_if_restricted(ctx: ServiceContext, reference: str) -> None:
    """check_processing in a unit of work of its own, for use cases that read the meeting later."""
    with ctx.unit_of_work() as uow:
        check_processing(uow, reference)


RESTRICTED_NAMES = "Restricted (Article 18)"


def masked(rows: list[MeetingSummary], restricted: set[str], actor: User) -> list[MeetingSummary]:
    """List rows as ``actor`` may see them: a restricted meeting's child names are replaced for
    everyone but a chair and information governance (the reference and date stay, so the
    record can be found to be held, erased or lifted)."""
    if not restricted or allowed(actor.role, Permission.READ_RESTRICTED):
        return rows
    return [replace(r, child_names=RESTRICTED_NAMES) if r.reference in restricted else r for r in rows]


def hidden_from(uow, actor: User) -> set[str]:  # type: ignore[no-untyped-def]
    """References whose content ``actor`` may not see: the restricted ones, unless a chair or
    information governance is asking."""
    if allowed(actor.role, Permission.READ_RESTRICTED):
        return set()
    return uow.governance.restricted_references()


def _set(ctx: ServiceContext, actor: User, reference: str, reason: str, restricted: bool) -> Changes:
    require(actor, Permission.RESTRICT_PROCESSING)
    text = reason_text(reason, "restricting processing" if restricted else "lifting the restriction")
    with ctx.unit_of_work() as uow:
        meeting_id = uow.meetings.id_for(reference)
        if meeting_id is None:
            raise MeetingNotFound(reference)
        if is_restricted(uow, reference) == restricted:
            raise InvalidInput(f"{reference} is {'already' if restricted else 'not'} restricted; nothing was changed.")
        uow.governance.set_restriction(int(meeting_id), restricted, actor.name, text)
        uow.audit.append(actor.name, "restriction.place" if restricted else "restriction.lift",
                         f"meeting:{reference}", {})
        uow.commit()
    return Changes(meetings=frozenset({int(meeting_id)}), meeting_list=True)


def restrict(ctx: ServiceContext, actor: User, reference: str, reason: str) -> Changes:
    return _set(ctx, actor, reference, reason, True)


def lift(ctx: ServiceContext, actor: User, reference: str, reason: str) -> Changes:
    return _set(ctx, actor, reference, reason, False)
