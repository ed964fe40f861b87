# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Identities, sign-off, addenda and the minutes export on a real encrypted store."""

from __future__ import annotations

import json

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs12
from pypdf import PdfReader

from builders import representative, sample_meeting, sign_off
from strategy_meeting.domain.contribution import Contribution, Topic
from strategy_meeting.domain.errors import (
    InvalidInput,
    MeetingLocked,
    NotFound,
    PermissionDenied,
    SignOffWarnings,
    SigningError,
)
from strategy_meeting.domain.meeting import MeetingStatus, Participant, ParticipantStatus
from strategy_meeting.domain.sharing_terms import SharingTerms
from strategy_meeting.services import identities, meetings, signoff
from strategy_meeting.services.meetings import ItemKind
from strategy_meeting.services.minutes.identity import create_self_signed
from strategy_meeting.services.minutes.manifest import sha256_hex
from strategy_meeting.services.minutes.service import render_minutes, verify_file
from strategy_meeting.services.minutes.verify import Verdict


def _meeting(ctx, chair, **kw):
    m, _ = meetings.create(ctx, chair, template=sample_meeting(**kw))
    return m


def test_sign_off_lists_warnings_and_changes_nothing_until_acknowledged(ctx, chair):
    m = _meeting(ctx, chair)
    meetings.put_item(ctx, chair, m.reference, ItemKind.PARTICIPANT,
                      Participant("HEALTH", "Morgan Demo", ParticipantStatus.APOLOGIES, "Nurse", True, "m3"))
    with pytest.raises(SignOffWarnings) as caught:
        signoff.sign_off(ctx, chair, m.reference)
    assert any("health" in w for w in caught.value.warnings)
    assert meetings.get(ctx, chair, m.reference).status is not MeetingStatus.SIGNED_OFF
    done, _ = sign_off(ctx, chair, m.reference)
    assert done.status is MeetingStatus.SIGNED_OFF and done.sign_off is not None
    assert len(done.sign_off.content_hash) == 64


def test_after_sign_off_every_edit_is_refused(ctx, chair):
    m = _meeting(ctx, chair)
    sign_off(ctx, chair, m.reference)
    item = Contribution("k9", "CSC", Topic.OTHER, "late addition", SharingTerms.everyone())
    calls = [
        lambda: meetings.put_item(ctx, chair, m.reference, ItemKind.CONTRIBUTION, item),
        lambda: meetings.remove_item(ctx, chair, m.reference, ItemKind.CONTRIBUTION, "k1"),
        lambda: meetings.update_details(ctx, chair, m.reference, location="Elsewhere"),
        lambda: meetings.set_status(ctx, chair, m.reference, MeetingStatus.IN_PROGRESS),
        lambda: sign_off(ctx, chair, m.reference),
    ]
    for call in calls:
        with pytest.raises((MeetingLocked, InvalidInput)) as caught:
            call()
        assert "signed off" in str(caught.value)
    assert len(meetings.get(ctx, chair, m.reference).contributions) == 3


def test_addenda_are_numbered_dated_and_only_after_sign_off(ctx, chair, clock):
    m = _meeting(ctx, chair)
    with pytest.raises(InvalidInput, match="not signed off"):
        signoff.add_addendum(ctx, chair, m.reference, "too early", sharing=SharingTerms.everyone())
    sign_off(ctx, chair, m.reference)
    signoff.add_addendum(ctx, chair, m.reference, "First correction.", sharing=SharingTerms.everyone())
    after, _ = signoff.add_addendum(ctx, chair, m.reference, "Second correction.", sharing=SharingTerms.everyone())
    assert [a.number for a in after.addenda] == [1, 2]
    assert after.addenda[0].created_at == clock.now


def test_minutes_before_sign_off_are_drafts_and_signing_is_refused(ctx, chair, tmp_path):
    m = _meeting(ctx, chair)
    identities.new_self_signed(ctx, chair)
    with pytest.raises(SigningError, match="not signed off"):
        render_minutes(ctx, chair, m.reference, tmp_path / "signed", sign=True)
    assert not (tmp_path / "signed").exists()
    result = render_minutes(ctx, chair, m.reference, tmp_path / "draft")
    assert all(c.draft and c.signed_by is None for c in result.copies)
    assert all(c.path.name.endswith("_DRAFT.pdf") for c in result.copies)


def test_signed_set_with_manifest_copy_records_and_audit(ctx, chair, tmp_path):
    m = _meeting(ctx, chair, child_name="Ζωή Ковальова", restricted_text="ZZLEAK-restricted")
    sign_off(ctx, chair, m.reference)
    identities.new_self_signed(ctx, chair, organisation="Sampletown Council")
    out = tmp_path / "out"
    result = render_minutes(ctx, chair, m.reference, out, sign=True)
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["reference"] == m.reference
    assert [c["recipient"] for c in manifest["copies"]] == ["full", "CSC", "POLICE", "HEALTH", "EDU", "family"]
    for entry in manifest["copies"]:
        assert set(entry) == {"recipient", "file", "sha256", "signed_by", "created_at"}
        data = (out / entry["file"]).read_bytes()
        assert sha256_hex(data) == entry["sha256"]
        assert "CN=chair" in entry["signed_by"]
        assert "Ζωή" not in entry["file"] and "Robin" not in entry["file"]
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [c["file"] for c in manifest["copies"]] + ["manifest.json"]
    )  # no temporary files left behind
    cert = tmp_path / "chair.pem"
    cert.write_bytes(identities.active_certificate(ctx, chair))
    for copy in result.copies:
        report = verify_file(copy.path, cert)
        assert report.ok and report.trusted, report.lines()
    with ctx.unit_of_work() as uow:
        records = uow.copies.for_meeting(m.reference)
        events = [e for e in uow.audit.events() if e.action == "minutes.render"]
    assert {r.recipient for r in records} == {"full", "CSC", "POLICE", "HEALTH", "EDU", "family"}
    edu = next(r for r in records if r.recipient == "EDU")
    assert edu.withheld_from_agencies.count("POLICE") == 2 and "CSC" in edu.withheld_from_agencies
    assert events and events[-1].details["signed"] is True


def test_agency_subset_and_unknown_agency(ctx, chair, tmp_path):
    m = _meeting(ctx, chair)
    result = render_minutes(ctx, chair, m.reference, tmp_path, agencies=["POLICE"])
    assert [c.recipient for c in result.copies] == ["full", "POLICE"]
    with pytest.raises(InvalidInput, match="NOPE"):
        render_minutes(ctx, chair, m.reference, tmp_path, agencies=["NOPE"])
    with pytest.raises(NotFound):
        render_minutes(ctx, chair, "SD-0000-0000", tmp_path)


def test_signing_needs_an_identity(ctx, chair, tmp_path):
    m = _meeting(ctx, chair)
    sign_off(ctx, chair, m.reference)
    with pytest.raises(SigningError, match="no signing identity"):
        render_minutes(ctx, chair, m.reference, tmp_path, sign=True)


def test_agency_rep_may_not_sign_off_render_or_make_identities(ctx, chair, admin):
    m = _meeting(ctx, chair)
    rep = representative("rep", "EDU")
    with pytest.raises(PermissionDenied):
        sign_off(ctx, rep, m.reference)
    with pytest.raises(PermissionDenied):
        identities.new_self_signed(ctx, rep)
    with pytest.raises(PermissionDenied):
        render_minutes(ctx, rep, m.reference, __import__("pathlib").Path("/tmp/never"))


def test_tampered_copy_on_disk_is_reported(ctx, chair, tmp_path):
    m = _meeting(ctx, chair)
    sign_off(ctx, chair, m.reference)
    identities.new_self_signed(ctx, chair)
    result = render_minutes(ctx, chair, m.reference, tmp_path, agencies=["EDU"], sign=True)
    path = result.copies[1].path
    data = bytearray(path.read_bytes())
    data[len(data) // 3] ^= 0x20
    path.write_bytes(bytes(data))
    assert verify_file(path).verdict in (Verdict.TAMPERED, Verdict.DAMAGED, Verdict.INVALID)


def test_an_addendum_is_audited_and_a_new_version_leaves_the_signed_copies_as_they_were(ctx, chair, tmp_path):
    """SECURITY-TESTS 16: after sign-off a correction is an addendum, audited without its text;
    the minutes made after it are a new version, and the copies signed before it keep their
    bytes, on disk and in the copy records."""
    m = _meeting(ctx, chair)
    sign_off(ctx, chair, m.reference)
    identities.new_self_signed(ctx, chair)
    first = render_minutes(ctx, chair, m.reference, tmp_path / "v1", agencies=["EDU"], sign=True)
    before = {c.path: c.path.read_bytes() for c in first.copies}
    with pytest.raises(MeetingLocked):
        meetings.update_details(ctx, chair, m.reference, location="Elsewhere")
    signoff.add_addendum(ctx, chair, m.reference, "ZZADDENDUM the GP letter arrived late.", sharing=SharingTerms.everyone())
    with ctx.unit_of_work() as uow:
        last = uow.audit.events()[-1]
    assert (last.action, last.object, last.details["number"]) == ("minutes.addendum", f"meeting:{m.reference}", 1)
    assert "ZZADDENDUM" not in json.dumps(last.details)
    second = render_minutes(ctx, chair, m.reference, tmp_path / "v2", agencies=["EDU"], sign=True)
    assert {p: p.read_bytes() for p in before} == before  # the signed copies are byte-identical
    full_v1, full_v2 = (next(c.path for c in r.copies if c.recipient == "full") for r in (first, second))
    text = {p: " ".join(page.extract_text() for page in PdfReader(str(p)).pages) for p in (full_v1, full_v2)}
    assert "ZZADDENDUM" in text[full_v2] and "ZZADDENDUM" not in text[full_v1]  # control: v2 differs
    with ctx.unit_of_work() as uow:
        records = uow.copies.for_meeting(m.reference)
    by_version = {(r.version, r.recipient): r.sha256 for r in records}
    for copy in first.copies:
        assert by_version[(1, copy.recipient)] == sha256_hex(before[copy.path])
    assert {(2, "full"), (2, "EDU")} <= set(by_version)


def test_a_wrong_pkcs12_password_leaves_no_identity_and_signing_then_writes_no_file(ctx, chair, clock, tmp_path):
    """SECURITY-TESTS 27: the wrong password is one clear error, no identity is recorded, and
    a signed export asked for next leaves no unsigned file behind. Control: with the right
    password the same export signs every copy."""
    own = create_self_signed("chair", "Alex Example", clock.now)
    p12 = pkcs12.serialize_key_and_certificates(
        b"chair", serialization.load_pem_private_key(own.private_key_pem, None),  # type: ignore[arg-type]
        x509.load_pem_x509_certificate(own.certificate_pem), None,
        serialization.BestAvailableEncryption(b"right"))
    m = _meeting(ctx, chair)
    sign_off(ctx, chair, m.reference)
    with pytest.raises(InvalidInput, match="password is wrong"):
        identities.import_pkcs12(ctx, chair, p12, "wrong")
    assert identities.active_summary(ctx, chair) is None
    out = tmp_path / "out"
    with pytest.raises(SigningError, match="no signing identity"):
        render_minutes(ctx, chair, m.reference, out, sign=True)
    assert not out.exists() or list(out.iterdir()) == []
    identities.import_pkcs12(ctx, chair, p12, "right")
    result = render_minutes(ctx, chair, m.reference, out, sign=True)
    assert result.copies and all(c.signed_by for c in result.copies)
