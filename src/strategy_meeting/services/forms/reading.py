# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Read a filled contribution form (pypdf) and turn it into contributions.

Two steps, both pure: ``read_filled_form`` gets the field values out of the file, and
``contributions_from_form`` checks them against the token's stored binding and the meeting.
Every way a file can be wrong ends in ``ImportRejected`` (or another ``UserError``) with a
message a chair can act on; pypdf's own exceptions never escape, because a damaged file can
make it raise almost anything.
"""

from __future__ import annotations

from pathlib import Path

import io
import logging
import re
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from pypdf import PdfReader

from strategy_meeting.domain.contribution import Contribution, ReceivedVia, Topic
from strategy_meeting.domain.errors import ImportRejected, MeetingLocked
from strategy_meeting.domain.meeting import Meeting
from strategy_meeting.domain.records import FormToken
from strategy_meeting.domain.lawful_basis import LawfulBasis, Regime
from strategy_meeting.domain.sharing_terms import AudienceScope, SharingTerms

from . import fields as f

MAX_FORM_BYTES = 25 * 1024 * 1024

# pypdf's warnings about a damaged file quote bytes from it, and a filled form holds personal
# data: keep them out of logs and stderr. Its exceptions are caught and replaced below.
logging.getLogger("pypdf").setLevel(logging.CRITICAL)

ASK_FOR_NEW_FORM = "Ask the chair for a new form and fill that in instead."


@dataclass(frozen=True)
class FilledForm:
    """The values read from a returned form, not yet checked against the store."""

    reference: str
    agency: str
    token: str
    author: str = ""
    role: str = ""
    audience: str = ""  # f.AUDIENCE_* or "" when no choice was made
    ticked_agencies: frozenset[str] = frozenset()
    family: str = ""  # f.FAMILY_YES / f.FAMILY_NO or ""
    lawful_basis: str = ""
    topics: dict[Topic, str] = field(default_factory=dict)

    @property
    def token_sha256(self) -> str:
        return f.token_sha256(self.token)

    @property
    def filled_topics(self) -> list[Topic]:
        return [t for t in Topic if self.topics.get(t, "").strip()]


@dataclass
class FormImport:
    """What importing a form would add, for the chair to confirm, and notes on the terms."""

    reference: str
    agency: str
    author: str
    sharing: SharingTerms
    contributions: list[Contribution]
    notes: list[str] = field(default_factory=list)


def _not_a_form() -> ImportRejected:
    return ImportRejected(
        "This PDF is not a Strategy Meeting contribution form (it has no form code). "
        "Import only the form the chair sent out, filled in and saved."
    )


def read_form_file(path: Path) -> bytes:
    """A returned form's bytes, for the GUI and the command line alike: a file too large for
    any form is refused before it is read, and every way the file cannot be had is named."""
    try:
        if path.stat().st_size > MAX_FORM_BYTES:
            raise ImportRejected(
                f"{path.name} is larger than any contribution form can be (over 25 MB): "
                "check that you chose the right file.")
        with path.open("rb") as handle:
            data = handle.read(MAX_FORM_BYTES + 1)
    except FileNotFoundError:
        raise ImportRejected(f"The file {path} does not exist.") from None
    except IsADirectoryError:
        raise ImportRejected(f"{path} is a folder, not a form.") from None
    except PermissionError:
        raise ImportRejected(f"You may not read {path}.") from None
    except OSError as exc:
        raise ImportRejected(
            f"{path.name} could not be read ({exc.strerror or 'unreadable'}). Check the file and try again."
        ) from None
    if b"%PDF-" not in data[:1024]:
        raise ImportRejected(
            f"{path.name} is not a PDF. Drop or choose the filled contribution form (a .pdf file).")
    return data


def read_filled_form(data: bytes) -> FilledForm:
    """The field values of a returned form. Raises ImportRejected for anything unreadable."""
    if not data:
        raise ImportRejected("The file is empty. Ask the agency to send the filled form again.")
    if len(data) > MAX_FORM_BYTES:
        raise ImportRejected(
            "The file is larger than any contribution form can be (over 25 MB): "
            "check that you chose the right file."
        )
    if b"%PDF-" not in data[:1024]:
        raise ImportRejected(
            "The file is not a PDF. Import the contribution form the agency returned, "
            "saved as a PDF."
        )
    try:
        return _form_from_fields(_raw_fields(data))
    except ImportRejected:
        raise
    except Exception:  # noqa: BLE001 - pypdf raises many types on damaged input
        raise ImportRejected(
            "The PDF is damaged and cannot be read. Ask the agency to save the form "
            "again and resend it."
        ) from None


def _raw_fields(data: bytes) -> dict[str, Any]:
    reader = PdfReader(io.BytesIO(data), strict=False)
    if reader.is_encrypted:
        raise ImportRejected(
            "The form is password-protected. Ask the agency to send it without a password "
            "(by secure e-mail)."
        )
    fields = reader.get_fields() or {}
    values: dict[str, Any] = {_key(name): spec.get("/V") for name, spec in fields.items()}
    # Some readers record a radio choice only in the chosen button's /AS state.
    for group in (f.FIELD_AUDIENCE, f.FIELD_FAMILY):
        if group in fields and not _name_value(values.get(group)):
            values[group] = _chosen_radio_state(reader, group)
    return values


def _key(name: Any) -> str:
    """A field name as text; a damaged file can hold byte strings where names belong."""
    return name.decode("latin-1") if isinstance(name, bytes) else str(name)


def _chosen_radio_state(reader: PdfReader, group: str) -> str:
    for page in reader.pages:
        annots = page.get("/Annots")
        for annot_ref in annots.get_object() if annots is not None else []:
            annot = annot_ref.get_object()
            parent = annot.get("/Parent")
            if parent is None or parent.get_object().get("/T") != group:
                continue
            state = str(annot.get("/AS") or "")
            if state and state != "/Off":
                return state
    return ""


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def _text_value(value: Any, limit: int, what: str) -> str:
    """A field's text, normalised: line ends unified, control and direction marks removed."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        value = " ".join(str(v) for v in value)
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", unicodedata.normalize("NFC", text)).strip()
    if len(text) > limit:
        raise ImportRejected(
            f"The form's '{what}' field is longer than {limit:,} characters. Ask the agency "
            "to shorten it and send the form again."
        )
    return text


def _name_value(value: Any) -> str:
    """A button's chosen state without its slash; '' for none or Off."""
    if value is None:
        return ""
    text = str(value).lstrip("/")
    return "" if text in ("", "Off") else text


def _form_from_fields(raw: dict[str, Any]) -> FilledForm:
    if f.FIELD_TOKEN not in raw or f.FIELD_FORM_VERSION not in raw:
        raise _not_a_form()
    version = _text_value(raw.get(f.FIELD_FORM_VERSION), 10, "form version")
    if version != f.FORM_VERSION:
        raise ImportRejected(
            f"This contribution form was made by a different version of Strategy Meeting "
            f"(form version '{version[:10]}'). {ASK_FOR_NEW_FORM}"
        )
    topics = {
        t: _text_value(raw.get(f.topic_field(t)), f.TOPIC_MAX_CHARS, t.value.replace("_", " "))
        for t in Topic
    }
    ticked = frozenset(
        name[len(f.AGENCY_TICK_PREFIX):]
        for name, value in raw.items()
        if name.startswith(f.AGENCY_TICK_PREFIX) and _name_value(value)
    )
    return FilledForm(
        reference=_text_value(raw.get(f.FIELD_REFERENCE), 64, "meeting reference"),
        agency=_text_value(raw.get(f.FIELD_AGENCY), 32, "agency"),
        token=_text_value(raw.get(f.FIELD_TOKEN), 80, "form code"),
        author=_text_value(raw.get(f.FIELD_AUTHOR), f.SHORT_MAX_CHARS, "your name"),
        role=_text_value(raw.get(f.FIELD_ROLE), f.SHORT_MAX_CHARS, "your role"),
        audience=_name_value(raw.get(f.FIELD_AUDIENCE)),
        ticked_agencies=ticked,
        family=_name_value(raw.get(f.FIELD_FAMILY)),
        lawful_basis=_text_value(raw.get(f.FIELD_LAWFUL_BASIS), f.LAWFUL_BASIS_MAX_CHARS, "lawful basis"),
        topics=topics,
    )


def check_token(form: FilledForm, token: FormToken | None, expected_reference: str | None = None) -> None:
    """Refuse a forged, reused or misdirected form. ``token`` is the stored record (or None)."""
    if expected_reference is not None and form.reference != expected_reference:
        raise ImportRejected(
            f"This form is for meeting {form.reference}, not {expected_reference}. "
            "Open that meeting to import it."
        )
    if not f.is_well_formed_token(form.token) or token is None:
        raise ImportRejected(
            "The form's code was not issued by this store: the form has been altered, or it "
            f"was made for another store. {ASK_FOR_NEW_FORM}"
        )
    if token.meeting_reference != form.reference:
        raise ImportRejected(
            f"The form says it is for meeting {form.reference or '(none)'}, but its code was issued for "
            f"another meeting: the form has been altered. {ASK_FOR_NEW_FORM}"
        )
    if token.agency != form.agency:
        raise ImportRejected(
            f"This form was issued to {token.agency} but says it comes from {form.agency}: "
            f"the form has been altered. {ASK_FOR_NEW_FORM}"
        )
    if token.used_at is not None:
        raise ImportRejected(
            f"This form was already imported on {token.used_at:%d %B %Y at %H:%M}. Each form can "
            "be imported once; for more information from the agency, send it a new form."
        )


def contributions_from_form(form: FilledForm, meeting: Meeting, now: datetime) -> FormImport:
    """The contributions a checked form adds to ``meeting``: one per filled topic."""
    if meeting.status.is_locked:
        raise MeetingLocked(
            f"Meeting {meeting.reference} is signed off: contributions can no longer be added. "
            "Record late information as an addendum."
        )
    agency = meeting.agency(form.agency)
    if agency is None:
        raise ImportRejected(
            f"Agency {form.agency} is no longer part of meeting {meeting.reference}. Add the "
            "agency to the meeting again, then import the form."
        )
    topics = form.filled_topics
    if not topics:
        raise ImportRejected(
            "The form has not been filled in: every topic is empty. Ask the agency to fill "
            "it in, save it and send it again."
        )
    if not form.author:
        raise ImportRejected(
            "The form does not say who wrote it (the 'Your name' field is empty). Ask the "
            "agency to add the author's name and send it again."
        )
    if not form.lawful_basis:
        raise ImportRejected(
            "The form gives no lawful basis for sharing. Ask the agency to fill in the "
            "lawful basis and send it again."
        )
    sharing, notes = sharing_from_form(form, meeting)
    # The form's words are the one lawful basis, in the terms (issue 14): no regime chosen.
    with_basis = replace(sharing, lawful_basis=LawfulBasis(Regime.UNSPECIFIED, "", form.lawful_basis))
    author = f"{form.author} ({form.role})" if form.role else form.author
    taken = meeting.used_ids()
    contributions: list[Contribution] = []
    n = 1
    for topic in topics:
        while f"k{n}" in taken:
            n += 1
        taken.add(f"k{n}")
        contributions.append(
            Contribution(
                id=f"k{n}", agency=agency.code, topic=topic, text=form.topics[topic],
                sharing=with_basis, author=author,
                received_via=ReceivedVia.CONTRIBUTION_FORM, recorded_at=now,
            )
        )
    return FormImport(meeting.reference, agency.code, author, sharing, contributions, notes)


def sharing_from_form(form: FilledForm, meeting: Meeting) -> tuple[SharingTerms, list[str]]:
    """The sharing terms the agency asked for. Where the answer is missing, contradictory or
    not one the form offers, nothing is decided (deny by default, issue 14): the contributions
    go to no copy and sign-off waits until the chair chooses, and a note tells the chair so
    before they confirm."""
    notes: list[str] = []
    family = form.family == f.FAMILY_YES
    if not form.family:
        notes.append("The form did not say whether the family may be told; recorded as 'no'.")
    known = set(meeting.agency_codes) - {form.agency}
    ticked = frozenset(c for c in form.ticked_agencies if c in known)
    undecided = "no audience chosen yet: choose who may see it before sign-off."
    audience = form.audience
    if not audience:
        audience = f.AUDIENCE_AGENCIES if ticked else ""
        notes.append(
            "The form did not say who may see the information; recorded as "
            + ("the ticked agencies only." if ticked else undecided)
        )
        if not ticked:
            return SharingTerms(AudienceScope.UNDECIDED, frozenset(), family), notes
    if audience == f.AUDIENCE_ALL:
        return SharingTerms.everyone(family), notes
    if audience == f.AUDIENCE_AGENCIES:
        if ticked:
            return SharingTerms(AudienceScope.AGENCIES, ticked, family), notes
        notes.append("The form chose named agencies but ticked none; recorded as " + undecided)
        return SharingTerms(AudienceScope.UNDECIDED, frozenset(), family), notes
    if audience == f.AUDIENCE_CHAIR:
        return SharingTerms(AudienceScope.CHAIR, frozenset(), family), notes
    notes.append("The form's sharing choice was not one it offers; recorded as " + undecided)
    return SharingTerms(AudienceScope.UNDECIDED, frozenset(), family), notes
