# SPDX-License-Identifier: LicenseRef-Proprietary
"""Certificate encryption through the services on a real store: the directory keeps each
agency's checked certificate (editing the agency keeps it; removing it is audited), and
distribution with certificate encryption sends each agency a copy only its key opens, or
sends nothing at all when an agency still to be sent has no certificate."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from builders import AGENCIES, sample_meeting
from recipient_certs import make_recipient
from signed_copy_fixtures import write_signed_set
from smtp_test_server import SmtpServer
from strategy_meeting.domain.agency import Agency
from strategy_meeting.domain.errors import InvalidInput, NotFound, PermissionDenied
from strategy_meeting.domain.meeting import MeetingStatus
from strategy_meeting.services import agencies, meetings
from strategy_meeting.services.distribution import certificates as agency_certificates
from strategy_meeting.services.distribution import service as distribution_service
from strategy_meeting.services.distribution.encryption import open_certificate_encrypted_copy
from strategy_meeting.services.distribution.signed_copies import check_signature_intact
from strategy_meeting.services.distribution.smtp import SmtpSecurity, SmtpSettings

REF = "SD-2026-0130"
CODES = [a.code for a in AGENCIES]


@pytest.fixture(scope="module")
def keys():  # type: ignore[no-untyped-def]
    return {code: make_recipient(f"{code} secure mail") for code in CODES}


@pytest.fixture
def directory(ctx, admin, keys):  # type: ignore[no-untyped-def]
    for a in AGENCIES:
        agencies.save_agency(ctx, admin, Agency(a.code, a.name, a.kind, a.email))
    for code in ("CSC", "POLICE", "HEALTH"):
        agency_certificates.set_agency_certificate(ctx, admin, code, keys[code].pem)
    return keys


@pytest.fixture
def signed_off(ctx, chair, tmp_path: Path) -> Path:
    m = sample_meeting(REF)
    m.status = MeetingStatus.SIGNED_OFF
    meetings.create(ctx, chair, template=m)
    folder = tmp_path / "minutes"
    write_signed_set(folder, REF, ["full", *CODES])
    return folder


def _smtp(port: int) -> SmtpSettings:
    return SmtpSettings("127.0.0.1", "minutes@council.example.org", port, SmtpSecurity.NONE)


def test_the_directory_keeps_a_checked_certificate_through_edits(ctx, admin, chair, directory):
    saved = {a.code: a for a in agencies.list_agencies(ctx, admin)}
    assert saved["POLICE"].certificate == directory["POLICE"].der  # PEM given, DER kept
    agencies.save_agency(ctx, admin, Agency("POLICE", "Police CAIT (renamed)", None, "cait@example.org"))
    assert {a.code: a for a in agencies.list_agencies(ctx, admin)}["POLICE"].certificate == directory["POLICE"].der
    with pytest.raises(PermissionDenied):
        agency_certificates.set_agency_certificate(ctx, chair, "EDU", directory["EDU"].pem)
    with pytest.raises(InvalidInput, match="not for encryption"):
        agency_certificates.set_agency_certificate(ctx, admin, "EDU", make_recipient(key_encipherment=False).der)
    with pytest.raises(NotFound, match="save the agency first"):
        agency_certificates.set_agency_certificate(ctx, admin, "PROBATION", directory["EDU"].pem)
    agency_certificates.remove_agency_certificate(ctx, admin, "POLICE")
    assert {a.code: a for a in agencies.list_agencies(ctx, admin)}["POLICE"].certificate == b""
    with ctx.unit_of_work() as uow:
        actions = [e.action for e in uow.audit.events()]
    assert actions.count("agency.certificate") == 3 and actions[-1] == "agency.certificate_removed"


def test_an_agency_without_a_certificate_stops_the_run_before_anything_is_sent(ctx, admin, directory, signed_off):
    with SmtpServer() as server:
        with pytest.raises(InvalidInput, match="No certificate is recorded for EDU.*Nothing was sent"):
            distribution_service.distribute(ctx, admin, REF, copies_dir=signed_off, smtp=_smtp(server.port),
                                            encrypt_to_certificates=True)
    assert server.received == []
    assert distribution_service.distribution_log(ctx, admin, REF) == []


def test_each_agency_gets_a_copy_only_its_own_key_opens(ctx, admin, directory, signed_off):
    agency_certificates.set_agency_certificate(ctx, admin, "EDU", directory["EDU"].der)
    with SmtpServer() as server:
        result, _ = distribution_service.distribute(ctx, admin, REF, copies_dir=signed_off, smtp=_smtp(server.port),
                                                    encrypt_to_certificates=True)
    assert [r.outcome.value for r in result.records] == ["sent"] * 4
    by_address = {r.recipients[0]: r.message for r in server.received}
    log = {r.recipient: r for r in result.records}
    for agency in AGENCIES:
        message = by_address[agency.email]
        wrapper = next(p.get_content() for p in message.iter_attachments() if p.get_content_type() == "application/pdf")
        assert f"copy for {agency.code}".encode() not in wrapper
        inner = open_certificate_encrypted_copy(wrapper, directory[agency.code].decrypter())
        assert hashlib.sha256(inner).hexdigest() == log[agency.code].sha256
        check_signature_intact(inner, agency.code)
        assert "encrypted to your agency's certificate" in message.get_body(("plain",)).get_content()
        other = next(c for c in CODES if c != agency.code)
        with pytest.raises(Exception, match="not encrypted to that key"):
            open_certificate_encrypted_copy(wrapper, directory[other].decrypter())


def test_passwords_and_certificates_are_not_mixed(ctx, admin, directory, signed_off, tmp_path):
    with pytest.raises(InvalidInput, match="not both"):
        distribution_service.distribute(ctx, admin, REF, copies_dir=signed_off, folder=tmp_path / "out",
                                        passwords={"EDU": "a long enough password"}, encrypt_to_certificates=True)
    assert not (tmp_path / "out").exists()
