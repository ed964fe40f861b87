# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Contribution request forms: issue one for an agency, import it when it comes back.

An agency without the app gets a fillable PDF carrying a one-time token bound to the meeting
and the agency; only the token's SHA-256 is stored. Importing checks the token, shows the
chair what would be added, and only then writes the contributions and spends the token.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from strategy_meeting.domain.changes import Changes
from strategy_meeting.domain.errors import ImportRejected, MeetingLocked, MeetingNotFound
from strategy_meeting.domain.meeting import Meeting
from strategy_meeting.domain.records import FormToken
from strategy_meeting.domain.roles import Permission, User
from strategy_meeting.domain.validation import validate_meeting

from . import fields
from ..agencies import check_codes
from .. import sharing_log
from ..context import ServiceContext

if TYPE_CHECKING:
    from strategy_meeting.store import UnitOfWork
from ..files import StagedFile
from .pdf import build_request_form
from .reading import (
    FilledForm,
    FormImport,
    check_token,
    contributions_from_form,
    read_filled_form,
)
from ..users import require
from strategy_meeting.services.governance import restriction  # issue 16

__all__ = [
    "FilledForm",
    "FormImport",
    "IssuedForm",
    "import_form",
    "issue_form",
    "prepare_form_import",
    "preview_form_import",
    "read_filled_form",
    "request_form",
]


@dataclass(frozen=True)
class IssuedForm:
    """A request form's bytes and the token record to store. The raw token is in the PDF only."""

    pdf: bytes
    token: FormToken


def issue_form(meeting: Meeting, agency_code: str, now: datetime) -> IssuedForm:
    """Build the form for one agency with a fresh token; the caller stores ``token``."""
    raw = fields.new_token()
    pdf = build_request_form(meeting, agency_code, raw)
    return IssuedForm(pdf, FormToken(fields.token_sha256(raw), meeting.reference, agency_code, now))


def prepare_form_import(
    form: FilledForm,
    token: FormToken | None,
    meeting: Meeting | None,
    now: datetime,
    expected_reference: str | None = None,
) -> FormImport:
    """Check a read form against its stored token and meeting; say what it would add.

    Nothing is written here: the caller shows the result to the chair, then saves the
    contributions and marks the token used in one unit of work.
    """
    check_token(form, token, expected_reference)
    if meeting is None:
        raise ImportRejected(
            f"Meeting {form.reference} is not in this store. Import the form into the store "
            "that issued it."
        )
    return contributions_from_form(form, meeting, now)


# -- use cases on the store -----------------------------------------------------------------


def request_form(ctx: ServiceContext, actor: User, reference: str, agency_code: str,
                 target: Path) -> FormToken:
    """Write the request form for one agency to ``target`` and keep its token's hash.

    The form is staged beside ``target``, the token committed, and only then the form given its
    name (``files.StagedFile``): a form on disk always has its token in the store.
    """
    require(actor, Permission.EDIT_MEETING)
    with ctx.unit_of_work() as uow:
        meeting = uow.meetings.get(reference)
        if meeting is None:
            raise MeetingNotFound(reference)
        restriction.check_processing(uow, reference)  # issue 16: Article 18
        if meeting.status.is_locked:
            raise MeetingLocked(
                f"Meeting {reference} is signed off: it takes no more contributions, so no "
                "request form can be made for it."
            )
        check_codes(meeting, [agency_code], uow.agencies.list())
        issued = issue_form(meeting, agency_code, ctx.now())
        uow.form_tokens.add(issued.token)
        uow.audit.append(actor.name, "form.request", f"meeting:{reference}", {"agency": agency_code})
        with StagedFile(target, issued.pdf) as staged:  # a file plus its row: files.py's order
            uow.commit()
            staged.publish()
    return issued.token


def _prepare(uow: UnitOfWork, data: bytes, now: datetime,
             expected_reference: str | None) -> tuple[FilledForm, FormImport, Meeting]:
    form = read_filled_form(data)
    token = uow.form_tokens.get(form.token_sha256) if fields.is_well_formed_token(form.token) else None
    meeting = uow.meetings.get(form.reference) if form.reference else None
    result = prepare_form_import(form, token, meeting, now, expected_reference)
    assert meeting is not None
    return form, result, meeting


def preview_form_import(ctx: ServiceContext, actor: User, data: bytes,
                        expected_reference: str | None = None) -> FormImport:
    """What importing ``data`` would add, for the chair to confirm. Writes nothing."""
    require(actor, Permission.EDIT_MEETING)
    with ctx.unit_of_work() as uow:
        return _prepare(uow, data, ctx.now(), expected_reference)[1]


def import_form(ctx: ServiceContext, actor: User, data: bytes,
                expected_reference: str | None = None) -> tuple[FormImport, Changes]:
    """Add a filled form's contributions and spend its token, in one transaction.

    Everything is checked again here (the store may have changed since the preview), and any
    refusal leaves the store as it was.
    """
    require(actor, Permission.EDIT_MEETING)
    with ctx.unit_of_work() as uow:
        form, result, meeting = _prepare(uow, data, ctx.now(), expected_reference)
        terms_before = sharing_log.terms_of(meeting)
        meeting.contributions.extend(result.contributions)
        validate_meeting(meeting)
        meeting.note_recording_started()
        # The terms the agency chose on its form (undecided when it did not say), logged.
        logged = sharing_log.changes(terms_before, meeting, actor, ctx,
                                     f"Chosen by {result.agency} on its returned contribution form.")
        uow.meetings.save(meeting)
        sharing_log.record(uow, actor, logged)
        uow.form_tokens.mark_used(form.token_sha256, ctx.now())
        uow.audit.append(actor.name, "form.import", f"meeting:{meeting.reference}", {
            "agency": result.agency,
            "contributions": [c.id for c in result.contributions],
            "topics": [c.topic.value for c in result.contributions],
        })
        uow.commit()
    return result, Changes(meetings=frozenset({meeting.id or 0}), meeting_list=True)
