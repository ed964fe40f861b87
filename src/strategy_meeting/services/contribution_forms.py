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

from strategy_meeting.domain.errors import ImportRejected
from strategy_meeting.domain.meeting import Meeting
from strategy_meeting.domain.records import FormToken

from . import contribution_form_fields as fields
from .contribution_form_pdf import build_request_form
from .contribution_form_reading import (
    FilledForm,
    FormImport,
    check_token,
    contributions_from_form,
    read_filled_form,
)

__all__ = [
    "FilledForm",
    "FormImport",
    "IssuedForm",
    "issue_form",
    "prepare_form_import",
    "read_filled_form",
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
