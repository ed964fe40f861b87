# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Signed copies validate with pyHanko's own validator and with poppler; any change to a
signed file is reported as invalid; identities load, or fail with a clear message."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from datetime import datetime, timezone

import pytest
from cryptography.hazmat.primitives import serialization
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pyhanko.keys import load_cert_from_pemder, load_certs_from_pemder_data
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.fields import MDPPerm
from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from minutes_factories import example_meeting, signed_off
from minutes_keys import NOW, FakePki, chair_identity, pki  # noqa: F401 - fixtures
from pdf_probe import pdftotext, read_channels
from strategy_meeting.domain.errors import InvalidInput, SigningError
from strategy_meeting.domain.records import IdentityKind, SigningIdentity
from strategy_meeting.domain.sharing import Recipient
from strategy_meeting.services.minutes.assemble import assemble
from strategy_meeting.services.minutes.identity import (
    certificate_pem,
    create_self_signed,
    load_pkcs12,
    summarise,
)
from strategy_meeting.services.minutes.render import render
from strategy_meeting.services.minutes.sign import MinutesSigner
from strategy_meeting.services.minutes.verify import Verdict, load_trust, verify_pdf

CANARY = "ZZLEAK-police-intelligence"


def signed_off_canary_meeting():  # type: ignore[no-untyped-def]
    """The example meeting, signed off, with the police item (shared with CSC and POLICE
    only) replaced by the canary."""
    m = signed_off(example_meeting())
    m.contributions[1].text = CANARY
    return m


@pytest.fixture(scope="module")
def unsigned() -> bytes:
    return render(assemble(signed_off_canary_meeting(), Recipient("EDU")))


@pytest.fixture(scope="module")
def signed(unsigned: bytes, chair_identity: SigningIdentity) -> bytes:  # noqa: F811
    return MinutesSigner(chair_identity).sign(unsigned)


def _trust(identity: SigningIdentity) -> list:
    return load_trust(certificate_pem(identity))


def test_pyhanko_validator_accepts_the_signed_copy(signed, chair_identity):  # noqa: F811
    reader = PdfFileReader(io.BytesIO(signed))
    [sig] = reader.embedded_signatures
    status = validate_pdf_signature(
        sig, ValidationContext(trust_roots=_trust(chair_identity), allow_fetching=False)
    )
    assert status.intact and status.valid and status.trusted
    assert status.docmdp_ok and status.bottom_line
    assert status.coverage is SignatureCoverageLevel.ENTIRE_FILE
    assert sig.docmdp_level is MDPPerm.NO_CHANGES
    assert str(sig.sig_object["/SubFilter"]) == "/ETSI.CAdES.detached"


def test_verify_reports_signer_time_and_trust(signed, chair_identity):  # noqa: F811
    trusted = verify_pdf(signed, _trust(chair_identity))
    assert trusted.ok and trusted.trusted and trusted.intact and trusted.valid
    assert trusted.verdict is Verdict.VALID and trusted.level == "PAdES B-B"
    assert trusted.signer.startswith("Alex Example")
    assert trusted.signed_at is not None and trusted.time_source == "signer's clock"
    untrusted = verify_pdf(signed)
    assert untrusted.ok and not untrusted.trusted  # intact and valid, signer not vouched for
    assert any("not trusted" not in line and "trusted: no" in line for line in untrusted.lines())


def test_unsigned_export_has_one_revision_and_signed_has_two(unsigned, signed):
    assert unsigned.count(b"startxref") == 1
    assert signed.count(b"startxref") == 2
    assert signed.startswith(unsigned)


def test_signed_copy_still_leaks_nothing_and_has_only_the_signature_widget(signed):
    channels = read_channels(signed)
    assert CANARY not in channels.text and CANARY.encode() not in channels.streams
    assert CANARY not in channels.objects and CANARY not in channels.metadata
    import pikepdf

    with pikepdf.open(io.BytesIO(signed)) as doc:
        annots = [a for page in doc.pages for a in page.get("/Annots", [])]
        assert len(annots) == 1 and annots[0].FT == "/Sig"
        assert [str(f.T) for f in doc.Root.AcroForm.Fields] == ["MinutesSignature"]
        assert str(doc.docinfo["/Producer"]).startswith("Strategy Meeting")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_single_byte_changed_is_reported_invalid(signed, chair_identity, data):  # noqa: F811
    position = data.draw(st.integers(0, len(signed) - 1))
    replacement = data.draw(st.integers(0, 255).filter(lambda b: b != signed[position]))
    changed = bytearray(signed)
    changed[position] = replacement
    report = verify_pdf(bytes(changed), _trust(chair_identity))
    assert not report.ok, (position, report.verdict)
    assert report.verdict is not Verdict.VALID


def _edited_after_signing(signed: bytes) -> bytes:
    """The signed copy with an incremental update that adds text to its first page."""
    writer = IncrementalPdfFileWriter(io.BytesIO(signed))
    page = writer.root["/Pages"]["/Kids"][0].get_object()
    extra = writer.add_object(generic.StreamObject(stream_data=b"BT /F1 12 Tf 72 72 Td (EDITED) Tj ET"))
    contents = page["/Contents"]
    page["/Contents"] = generic.ArrayObject([contents, extra]) if not isinstance(contents, generic.ArrayObject) else contents + [extra]
    writer.update_container(page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_incremental_update_after_signing_is_reported_as_changed(signed, chair_identity):  # noqa: F811
    report = verify_pdf(_edited_after_signing(signed), _trust(chair_identity))
    assert not report.ok
    assert report.verdict is Verdict.CHANGED
    assert report.intact  # the signed revision itself is untouched


@pytest.mark.skipif(shutil.which("pdfsig") is None, reason="poppler-utils not installed")
def test_incremental_update_is_seen_as_such_by_pyhanko_and_poppler(signed, chair_identity, tmp_path):  # noqa: F811
    """SECURITY-TESTS 25: the validator itself, not only our verdict, sees a change after a
    NO_CHANGES signature; poppler agrees. Control: the untouched copy covers the whole file."""
    edited = _edited_after_signing(signed)
    context = ValidationContext(trust_roots=_trust(chair_identity), allow_fetching=False)
    [sig] = PdfFileReader(io.BytesIO(edited)).embedded_signatures
    status = validate_pdf_signature(sig, context)
    assert status.intact and status.valid
    assert status.coverage is SignatureCoverageLevel.ENTIRE_REVISION
    assert status.modification_level is ModificationLevel.OTHER
    assert not status.docmdp_ok and not status.bottom_line
    [original] = PdfFileReader(io.BytesIO(signed)).embedded_signatures
    assert validate_pdf_signature(original, context).coverage is SignatureCoverageLevel.ENTIRE_FILE
    path = tmp_path / "edited.pdf"
    path.write_bytes(edited)
    out = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True).stdout
    assert "Not total document signed" in out, out
    assert "changed after signing" in "\n".join(verify_pdf(edited, _trust(chair_identity)).lines())


def test_every_revision_of_the_signed_copy_is_canary_free(signed, unsigned):
    """SECURITY-TESTS 20: read each revision on its own (pyHanko counts them; each is the file
    up to its %%EOF), by every channel and by pdftotext. Controls: the shared item's text is
    found in each revision, and a copy for an agency allowed the canary does hold it."""
    ends = [m.end() for m in re.finditer(rb"%%EOF\r?\n?", signed)]
    assert len(ends) == PdfFileReader(io.BytesIO(signed)).xrefs.total_revisions == 2
    assert signed[:ends[0]] == unsigned
    for end in ends:
        revision = signed[:end]
        channels = read_channels(revision)
        assert not any(channels.holds(CANARY).values()), end
        text = pdftotext(revision)
        assert CANARY not in text
        assert "Bruising seen" in " ".join(text.split()) and "Bruising seen" in " ".join(channels.text.split())
    allowed = render(assemble(signed_off_canary_meeting(), Recipient("POLICE")))
    assert CANARY in pdftotext(allowed) and read_channels(allowed).holds(CANARY)["streams"]


def test_a_second_signature_is_refused_and_the_original_kept(signed, chair_identity):  # noqa: F811
    before = bytes(signed)
    with pytest.raises(SigningError):
        MinutesSigner(chair_identity).sign(signed)
    assert signed == before


def test_unsigned_and_unreadable_files_are_not_ok(unsigned):
    assert verify_pdf(unsigned).verdict is Verdict.UNSIGNED
    assert verify_pdf(b"not a pdf at all").verdict is Verdict.DAMAGED
    assert not verify_pdf(unsigned).ok


def test_foreign_trust_root_means_intact_but_not_trusted(signed, pki: FakePki):  # noqa: F811
    report = verify_pdf(signed, load_trust(pki.root_cert.public_bytes(serialization.Encoding.PEM)))
    assert report.ok and report.intact and not report.trusted


def test_timestamped_signature_is_pades_b_t(unsigned, chair_identity, pki: FakePki):  # noqa: F811
    from pyhanko.keys.internal import translate_pyca_cryptography_cert_to_asn1, translate_pyca_cryptography_key_to_asn1

    stamper = DummyTimeStamper(
        translate_pyca_cryptography_cert_to_asn1(pki.tsa_cert),
        translate_pyca_cryptography_key_to_asn1(pki.tsa_key),
        fixed_dt=datetime(2026, 11, 20, 13, 0, tzinfo=timezone.utc),
    )
    signed_bt = MinutesSigner(chair_identity, timestamper=stamper).sign(unsigned)
    trust = _trust(chair_identity) + load_trust(pki.root_cert.public_bytes(serialization.Encoding.PEM))
    report = verify_pdf(signed_bt, trust)
    assert report.ok and report.level == "PAdES B-T"
    assert report.time_source == "timestamp authority"
    assert report.signed_at == datetime(2026, 11, 20, 13, 0, tzinfo=timezone.utc)


@pytest.mark.skipif(shutil.which("pdfsig") is None, reason="poppler-utils not installed")
def test_poppler_agrees(signed, tmp_path):
    good = tmp_path / "good.pdf"
    good.write_bytes(signed)
    out = subprocess.run(["pdfsig", str(good)], capture_output=True, text=True).stdout
    assert "Signature is Valid" in out and "Total document signed" in out
    bad = bytearray(signed)
    at = signed.index(b"stream", 2000) + 20
    bad[at] ^= 0x01
    tampered = tmp_path / "bad.pdf"
    tampered.write_bytes(bytes(bad))
    out = subprocess.run(["pdfsig", str(tampered)], capture_output=True, text=True).stdout
    assert "Signature is Valid" not in out


@pytest.mark.skipif(shutil.which("pdfsig") is None, reason="poppler-utils not installed")
def test_one_flipped_byte_in_the_signed_range_is_tampering_to_all_three(signed, chair_identity, tmp_path):  # noqa: F811
    """SECURITY-TESTS 24: pyHanko says not intact, poppler says Digest Mismatch, and the app
    says tampered, never valid. Control: the unflipped file is intact, valid to all three."""
    start = int(re.search(rb"/ByteRange \[\s*(\d+)", signed).group(1))
    at = signed.index(b"stream", start + 2000) + 20  # inside a content stream, inside the range
    bad = bytearray(signed)
    bad[at] ^= 0x01
    context = ValidationContext(trust_roots=_trust(chair_identity), allow_fetching=False)
    for data, intact in ((signed, True), (bytes(bad), False)):
        [sig] = PdfFileReader(io.BytesIO(data)).embedded_signatures
        assert validate_pdf_signature(sig, context).intact is intact
        path = tmp_path / f"{intact}.pdf"
        path.write_bytes(data)
        poppler = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True).stdout
        assert ("Digest Mismatch" in poppler) is not intact, poppler
        report = verify_pdf(data, _trust(chair_identity))
        assert (report.verdict is Verdict.VALID) is intact
        if not intact:
            assert report.verdict is Verdict.TAMPERED and "tampered" in "\n".join(report.lines())


# --- identities --------------------------------------------------------------------------------


def test_self_signed_identity_has_signing_key_usage(chair_identity):  # noqa: F811
    from cryptography import x509

    cert = x509.load_pem_x509_certificate(chair_identity.certificate_pem)
    usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.digital_signature and usage.content_commitment
    assert chair_identity.kind is IdentityKind.SELF_SIGNED
    assert summarise(certificate_pem(chair_identity)).self_signed
    serialization.load_pem_private_key(chair_identity.private_key_pem, None)


def test_organisation_pkcs12_signs_and_chains_to_its_root(unsigned, pki: FakePki):  # noqa: F811
    identity = load_pkcs12(pki.pkcs12("Alex Example", b"s3cret"), "s3cret", "alex", NOW)
    assert identity.kind is IdentityKind.PKCS12 and identity.chain_pem
    signed_org = MinutesSigner(identity).sign(unsigned)
    report = verify_pdf(signed_org, load_trust(pki.root_cert.public_bytes(serialization.Encoding.PEM)))
    assert report.ok and report.trusted


def test_wrong_pkcs12_password_is_a_clear_error(pki: FakePki):  # noqa: F811
    with pytest.raises(InvalidInput, match="password is wrong"):
        load_pkcs12(pki.pkcs12("Alex Example", b"right"), "wrong", "alex", NOW)


def test_certificate_without_non_repudiation_is_refused(pki: FakePki):  # noqa: F811
    data = pki.pkcs12("Alex Example", b"pw", non_repudiation=False)
    with pytest.raises(InvalidInput, match="non-repudiation"):
        load_pkcs12(data, "pw", "alex", NOW)


def test_exported_certificate_is_public_only(chair_identity, tmp_path):  # noqa: F811
    pem = certificate_pem(chair_identity)
    assert b"PRIVATE KEY" not in pem
    path = tmp_path / "chair.pem"
    path.write_bytes(pem)
    assert load_cert_from_pemder(str(path)).subject.native["common_name"] == "Alex Example"
    assert len(list(load_certs_from_pemder_data(pem))) == 1


def test_identity_needs_a_name():
    with pytest.raises(InvalidInput):
        create_self_signed("alex", "  ", NOW)
