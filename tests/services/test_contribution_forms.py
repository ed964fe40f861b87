# SPDX-License-Identifier: LicenseRef-Proprietary
"""Request forms: what they hold, and how a filled form becomes contributions."""

from __future__ import annotations

import io
import subprocess
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from pypdf import PdfReader, PdfWriter

from strategy_meeting.domain.contribution import ReceivedVia, Topic
from strategy_meeting.domain.errors import ImportRejected, MeetingLocked
from strategy_meeting.domain.meeting import MeetingStatus
from strategy_meeting.domain.sharing_terms import AudienceScope, SharingTerms
from strategy_meeting.services.forms import fields as f
from strategy_meeting.services.forms.service import (
    issue_form,
    prepare_form_import,
    read_filled_form,
)

from form_filling import fill_form, typical_answers
from forms_meeting_factory import example_meeting
from strategy_meeting.domain.lawful_basis import LawfulBasis, Regime

NOW = datetime(2026, 11, 19, 18, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def issued():
    meeting, canaries = example_meeting()
    return meeting, canaries, issue_form(meeting, "EDU", NOW)


def pdftotext(pdf: bytes) -> str:
    return subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()


def test_form_shows_reference_agency_initials_and_birth_date_only(issued) -> None:
    meeting, canaries, form = issued
    text = pdftotext(form.pdf)
    assert "SD-2026-0042" in text
    assert "Sampletown Primary School (EDU)" in text
    assert "R.Z., born 14 May 2018" in text
    for topic_label in ("History", "Current concerns", "Risks", "Strengths and protective factors",
                        "The child's lived experience", "Other"):
        assert topic_label in text
    reader = PdfReader(io.BytesIO(form.pdf))
    every_value = " ".join(str(v.get("/V", "")) for v in reader.get_fields().values())
    metadata = " ".join(str(v) for v in (reader.metadata or {}).values())
    raw = form.pdf.decode("latin-1")
    for name, planted in canaries.items():
        assert planted not in text, name
        assert planted not in every_value, name
        assert planted not in metadata, name
        assert planted not in raw, name


def test_form_has_a_field_per_topic_author_role_sharing_and_lawful_basis(issued) -> None:
    _, _, form = issued
    fields = PdfReader(io.BytesIO(form.pdf)).get_fields()
    expected = {f.topic_field(t) for t in Topic} | {
        f.FIELD_AUTHOR, f.FIELD_ROLE, f.FIELD_AUDIENCE, f.FIELD_FAMILY, f.FIELD_LAWFUL_BASIS,
        f.agency_tick_field("CSC"), f.agency_tick_field("POLICE"), f.agency_tick_field("HEALTH"),
    }
    assert expected <= set(fields)
    assert f.agency_tick_field("EDU") not in fields  # its own agency always sees it
    assert fields[f.FIELD_AUDIENCE]["/_States_"] == ["/all", "/agencies", "/chair"]
    for t in Topic:
        assert fields[f.topic_field(t)]["/Ff"] & (1 << 12)  # multi-line


def test_token_is_hidden_read_only_random_and_only_its_hash_is_kept(issued) -> None:
    meeting, _, form = issued
    reader = PdfReader(io.BytesIO(form.pdf))
    token = reader.get_fields()[f.FIELD_TOKEN]
    assert token["/Ff"] & 1  # read-only
    widget = next(a.get_object() for p in reader.pages for a in p.get("/Annots", [])
                  if a.get_object().get("/T") == f.FIELD_TOKEN)
    assert widget["/F"] & 2  # hidden
    raw = str(token["/V"])
    assert f.is_well_formed_token(raw) and len(raw) - len(f.TOKEN_PREFIX) == 43  # 256 bits
    assert form.token.token_sha256 == f.token_sha256(raw) != raw
    assert (form.token.meeting_reference, form.token.agency) == ("SD-2026-0042", "EDU")
    again = issue_form(meeting, "EDU", NOW)
    assert again.token.token_sha256 != form.token.token_sha256


def test_filled_form_becomes_contributions_received_via_the_form(issued) -> None:
    meeting, _, form = issued
    filled = fill_form(form.pdf, typical_answers())
    result = prepare_form_import(read_filled_form(filled), form.token, meeting, NOW)
    assert [c.topic for c in result.contributions] == [Topic.CURRENT_CONCERNS, Topic.STRENGTHS]
    first = result.contributions[0]
    assert first.text == "Bruising seen at 09:10 on 19 November.\nBody map done."
    assert first.agency == "EDU" and first.received_via is ReceivedVia.CONTRIBUTION_FORM
    assert first.author == "Taylor Sample (Designated Safeguarding Lead)"
    assert first.lawful_basis_text == f.DEFAULT_LAWFUL_BASIS
    # The form's basis is the terms' one basis, its regime not chosen (issue 14).
    assert first.sharing == replace(SharingTerms.only("POLICE", "HEALTH", family=False),
                                    lawful_basis=LawfulBasis(Regime.UNSPECIFIED, "", f.DEFAULT_LAWFUL_BASIS))
    assert first.recorded_at == NOW
    assert not {c.id for c in result.contributions} & meeting.used_ids()
    assert len({c.id for c in result.contributions}) == 2
    assert result.notes == []


def test_incrementally_saved_form_with_unicode_is_read(issued) -> None:
    """Acrobat and most readers append an incremental update; names may be in any script."""
    meeting, _, form = issued
    answers = typical_answers(**{
        f.FIELD_AUTHOR: "Zoë Łukasiewicz-Ωμέγα",
        f.topic_field(Topic.RISKS): "Risk\r\nwith CRLF \u202eand a direction mark",
        f.FIELD_AUDIENCE: "/all", f.FIELD_FAMILY: "/yes",
    })
    filled = fill_form(form.pdf, answers, incremental=True)
    assert filled.startswith(form.pdf)  # an appended revision, as a reader saves it
    result = prepare_form_import(read_filled_form(filled), form.token, meeting, NOW)
    assert result.author.startswith("Zoë Łukasiewicz-Ωμέγα")
    risks = next(c for c in result.contributions if c.topic is Topic.RISKS)
    assert risks.text == "Risk\nwith CRLF and a direction mark"
    assert result.sharing == SharingTerms.everyone(family=True)


@pytest.mark.parametrize(
    ("answers", "expected", "note"),
    [
        ({f.FIELD_AUDIENCE: "", f.agency_tick_field("POLICE"): "/Off",
          f.agency_tick_field("HEALTH"): "/Off"}, SharingTerms(AudienceScope.UNDECIDED), "no audience chosen yet"),
        ({f.FIELD_AUDIENCE: ""}, SharingTerms.only("POLICE", "HEALTH"), "ticked agencies only"),
        ({f.agency_tick_field("POLICE"): "/Off", f.agency_tick_field("HEALTH"): "/Off"},
         SharingTerms(AudienceScope.UNDECIDED), "ticked none; recorded as no audience chosen yet"),
        ({f.FIELD_FAMILY: ""}, SharingTerms.only("POLICE", "HEALTH"), "family may be told"),
    ],
)
def test_missing_or_contradictory_sharing_answers_take_the_narrower_reading_or_none(
    issued, answers, expected, note
) -> None:
    meeting, _, form = issued
    values = typical_answers()
    for key, value in answers.items():
        if value:
            values[key] = value
        else:
            values.pop(key)
    result = prepare_form_import(read_filled_form(fill_form(form.pdf, values)), form.token, meeting, NOW)
    # Deny by default (issue 14): no answer leaves the audience undecided, for the chair.
    assert result.sharing == expected
    assert all(replace(c.sharing, lawful_basis=None) == expected for c in result.contributions)
    assert any(note in n for n in result.notes)


def test_a_form_can_be_imported_once(issued) -> None:
    meeting, _, form = issued
    read = read_filled_form(fill_form(form.pdf, typical_answers()))
    used = replace(form.token, used_at=datetime(2026, 11, 19, 17, 5, tzinfo=UTC))
    with pytest.raises(ImportRejected, match="already imported on 19 November 2026 at 17:05"):
        prepare_form_import(read, used, meeting, NOW)


def test_unknown_or_forged_token_is_refused(issued) -> None:
    meeting, _, form = issued
    read = read_filled_form(fill_form(form.pdf, typical_answers()))
    with pytest.raises(ImportRejected, match="not issued by this store"):
        prepare_form_import(read, None, meeting, NOW)
    forged = fill_form(form.pdf, typical_answers(**{f.FIELD_TOKEN: "SMF1-guess"}))
    with pytest.raises(ImportRejected, match="not issued by this store"):
        prepare_form_import(read_filled_form(forged), form.token, meeting, NOW)


def test_form_for_another_meeting_is_refused(issued) -> None:
    meeting, _, form = issued
    read = read_filled_form(fill_form(form.pdf, typical_answers()))
    with pytest.raises(ImportRejected, match="is for meeting SD-2026-0042, not SD-2026-0099"):
        prepare_form_import(read, form.token, meeting, NOW, expected_reference="SD-2026-0099")
    altered = fill_form(form.pdf, typical_answers(**{f.FIELD_REFERENCE: "SD-2026-0099"}))
    with pytest.raises(ImportRejected, match="issued for another meeting"):
        prepare_form_import(read_filled_form(altered), form.token, meeting, NOW)
    with pytest.raises(ImportRejected, match="not in this store"):
        prepare_form_import(read, form.token, None, NOW)


def test_form_of_the_wrong_agency_is_refused(issued) -> None:
    meeting, _, form = issued
    altered = fill_form(form.pdf, typical_answers(**{f.FIELD_AGENCY: "POLICE"}))
    with pytest.raises(ImportRejected, match="issued to EDU but says it comes from POLICE"):
        prepare_form_import(read_filled_form(altered), form.token, meeting, NOW)
    without_edu = replace(meeting, agencies=[a for a in meeting.agencies if a.code != "EDU"])
    read = read_filled_form(fill_form(form.pdf, typical_answers()))
    with pytest.raises(ImportRejected, match="no longer part of meeting"):
        prepare_form_import(read, form.token, without_edu, NOW)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({f.topic_field(Topic.CURRENT_CONCERNS): "", f.topic_field(Topic.STRENGTHS): "  \n "},
         "has not been filled in"),
        ({f.FIELD_AUTHOR: ""}, "does not say who wrote it"),
        ({f.FIELD_LAWFUL_BASIS: ""}, "no lawful basis"),
        ({f.topic_field(Topic.OTHER): "x" * (f.TOPIC_MAX_CHARS + 1)}, "longer than 20,000"),
    ],
)
def test_incomplete_forms_are_refused(issued, changes, message) -> None:
    meeting, _, form = issued
    with pytest.raises(ImportRejected, match=message):
        prepare_form_import(read_filled_form(fill_form(form.pdf, typical_answers(**changes))),
                            form.token, meeting, NOW)


def test_unfilled_form_as_sent_is_refused(issued) -> None:
    meeting, _, form = issued
    with pytest.raises(ImportRejected, match="has not been filled in"):
        prepare_form_import(read_filled_form(form.pdf), form.token, meeting, NOW)


def test_signed_off_meeting_takes_no_more_contributions(issued) -> None:
    meeting, _, form = issued
    locked = replace(meeting, status=MeetingStatus.SIGNED_OFF)
    with pytest.raises(MeetingLocked):
        prepare_form_import(read_filled_form(fill_form(form.pdf, typical_answers())),
                            form.token, locked, NOW)


def _plain_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _encrypted_form(pdf: bytes) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.encrypt("secret", algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda pdf: b"", "empty"),
        (lambda pdf: b"PK\x03\x04 a zip file, not a PDF", "not a PDF"),
        (lambda pdf: "Dear chair, here is our contribution".encode(), "not a PDF"),
        (lambda pdf: pdf[: len(pdf) // 3], "damaged"),
        (lambda pdf: b"%PDF-1.7\n" + b"\x00" * 500, "damaged|not a Strategy Meeting"),
        (lambda pdf: _plain_pdf(), "not a Strategy Meeting contribution form"),
        (_encrypted_form, "password-protected"),
    ],
)
def test_unreadable_files_get_a_clear_message(issued, make, message) -> None:
    _, _, form = issued
    with pytest.raises(ImportRejected, match=message):
        read_filled_form(make(form.pdf))


def test_form_made_by_another_version_is_refused(issued) -> None:
    _, _, form = issued
    altered = fill_form(form.pdf, typical_answers(**{f.FIELD_FORM_VERSION: "7"}))
    with pytest.raises(ImportRejected, match="different version"):
        read_filled_form(altered)
