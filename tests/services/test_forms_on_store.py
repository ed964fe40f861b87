# SPDX-License-Identifier: LicenseRef-Proprietary
"""Request forms through the services on a real encrypted store."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from builders import representative, sample_meeting
from form_filling import fill_form, typical_answers
from strategy_meeting.domain.contribution import ReceivedVia
from strategy_meeting.domain.errors import ImportRejected, MeetingLocked, PermissionDenied, UserError
from strategy_meeting.domain.meeting import MeetingStatus
from strategy_meeting.services import meetings
from strategy_meeting.services.forms import service as contribution_forms
from strategy_meeting.services.forms import fields as f

REF = "SD-2026-0100"


def _state(ctx, chair) -> tuple:
    """What an import could change: the meeting's contributions and the audit head."""
    with ctx.unit_of_work() as uow:
        head = uow.audit.head()
    return [c.id for c in meetings.get(ctx, chair, REF).contributions], head


@pytest.fixture
def form(ctx, chair, tmp_path: Path) -> bytes:
    meetings.create(ctx, chair, template=sample_meeting(REF))
    target = tmp_path / "form.pdf"
    contribution_forms.request_form(ctx, chair, REF, "EDU", target)
    return target.read_bytes()


def test_request_form_writes_the_file_and_keeps_only_the_token_hash(ctx, chair, form, tmp_path) -> None:
    from pypdf import PdfReader
    import io

    raw = str(PdfReader(io.BytesIO(form)).get_fields()[f.FIELD_TOKEN]["/V"])
    with ctx.unit_of_work() as uow:
        stored = uow.form_tokens.get(f.token_sha256(raw))
        assert uow.form_tokens.get(raw) is None
        assert [e.action for e in uow.audit.events()][-1] == "form.request"
    assert (stored.meeting_reference, stored.agency, stored.used_at) == (REF, "EDU", None)
    assert not list(tmp_path.glob(".partial-*"))


def test_import_adds_contributions_once_and_audits_it(ctx, chair, form) -> None:
    filled = fill_form(form, typical_answers())
    preview = contribution_forms.preview_form_import(ctx, chair, filled)
    assert len(preview.contributions) == 2
    assert _state(ctx, chair)[0] == ["k1", "k2", "k3"]  # the preview wrote nothing
    result, changes = contribution_forms.import_form(ctx, chair, filled)
    saved = meetings.get(ctx, chair, REF)
    added = [c for c in saved.contributions if c.id in {x.id for x in result.contributions}]
    assert [c.received_via for c in added] == [ReceivedVia.CONTRIBUTION_FORM] * 2
    assert added[0].author == "Taylor Sample (Designated Safeguarding Lead)"
    assert changes.meetings
    with ctx.unit_of_work() as uow:
        event = uow.audit.events()[-1]
    assert event.action == "form.import"
    before = _state(ctx, chair)
    with pytest.raises(ImportRejected, match="already imported"):
        contribution_forms.import_form(ctx, chair, filled)
    assert _state(ctx, chair) == before


def test_refused_forms_write_nothing(ctx, chair, form) -> None:
    before = _state(ctx, chair)
    for bad in (form, b"not a pdf", fill_form(form, typical_answers(**{f.FIELD_AGENCY: "POLICE"}))):
        with pytest.raises(ImportRejected):
            contribution_forms.import_form(ctx, chair, bad)
    with pytest.raises(ImportRejected, match="is for meeting SD-2026-0100, not SD-2026-0999"):
        contribution_forms.import_form(ctx, chair, fill_form(form, typical_answers()), "SD-2026-0999")
    assert _state(ctx, chair) == before


def test_only_those_who_edit_meetings_may_issue_or_import_forms(ctx, chair, admin, form, tmp_path) -> None:
    rep = representative("teacher", "EDU")
    with pytest.raises(PermissionDenied):
        contribution_forms.request_form(ctx, rep, REF, "EDU", tmp_path / "x.pdf")
    with pytest.raises(PermissionDenied):
        contribution_forms.import_form(ctx, admin, fill_form(form, typical_answers()))
    assert not (tmp_path / "x.pdf").exists()


def test_no_form_for_a_signed_off_meeting(ctx, chair, tmp_path) -> None:
    m = sample_meeting("SD-2026-0200")
    m.status = MeetingStatus.SIGNED_OFF
    meetings.create(ctx, chair, template=m)
    with pytest.raises(MeetingLocked):
        contribution_forms.request_form(ctx, chair, "SD-2026-0200", "EDU", tmp_path / "f.pdf")
    assert not (tmp_path / "f.pdf").exists()


@st.composite
def damaged(draw: st.DrawFn, base: bytes) -> bytes:
    data = bytearray(base)
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data) - 1))
        if draw(st.booleans()):
            data[at] ^= draw(st.integers(1, 255))
        else:
            del data[at: at + draw(st.integers(1, 2048))]
    return bytes(data)


def test_damaged_forms_never_write_and_raise_only_user_errors(ctx, chair, form) -> None:
    filled = fill_form(form, typical_answers())

    @settings(max_examples=60, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
    @given(damaged(filled))
    def check(data: bytes) -> None:
        before = _state(ctx, chair)
        try:
            contribution_forms.import_form(ctx, chair, data)
        except UserError:
            assert _state(ctx, chair) == before

    check()
