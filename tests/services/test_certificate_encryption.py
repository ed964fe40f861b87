# SPDX-License-Identifier: LicenseRef-Proprietary
"""Encrypting an agency's signed copy to its certificate (pyHanko public-key security, AES-256):
only the certificate's private key opens it, what it opens is byte-for-byte the signed copy
whose signature pyHanko's validator still accepts, and only usable certificates are accepted."""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pyhanko.keys import load_cert_from_pemder
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext
from pypdf import PdfReader

from recipient_certs import make_recipient
from signed_copy_fixtures import write_signed_set
from strategy_meeting.domain.errors import InvalidInput, VerificationFailed
from strategy_meeting.services.distribution.certificates import check_encryption_certificate, describe_certificate
from strategy_meeting.services.distribution.encryption import encrypt_copy_to_certificate, open_certificate_encrypted_copy

REF = "SD-2026-0042"
NOW = datetime.now(UTC)


@pytest.fixture(scope="module")
def signed(tmp_path_factory) -> tuple[bytes, Path]:
    folder = tmp_path_factory.mktemp("signed")
    copies = write_signed_set(folder, REF, ["EDU"])
    return copies["EDU"], folder / "signer.pem"


@pytest.fixture(scope="module")
def school():  # type: ignore[no-untyped-def]
    return make_recipient()


def _validates(data: bytes, signer_pem: Path) -> bool:
    reader = PdfFileReader(io.BytesIO(data))
    trust = ValidationContext(trust_roots=[load_cert_from_pemder(str(signer_pem))])
    status = validate_pdf_signature(reader.embedded_signatures[0], trust)
    return bool(status.bottom_line and status.intact and status.valid)


def test_the_agency_opens_its_copy_with_its_key_and_the_signature_still_validates(signed, school):
    copy, signer_pem = signed
    wrapper = encrypt_copy_to_certificate(copy, school.der, f"{REF}-EDU.pdf", REF, "EDU", NOW)
    assert b"copy for EDU" not in wrapper and b"/Adobe.PubSec" in wrapper
    assert PdfFileReader(io.BytesIO(wrapper)).encrypted
    inner = open_certificate_encrypted_copy(wrapper, school.decrypter())
    assert inner == copy
    assert "copy for EDU" in PdfReader(io.BytesIO(inner)).pages[0].extract_text()
    assert _validates(inner, signer_pem)


def test_a_different_key_cannot_open_it(signed, school):
    copy, _ = signed
    wrapper = encrypt_copy_to_certificate(copy, school.der, f"{REF}-EDU.pdf", REF, "EDU", NOW)
    stranger = make_recipient("Someone else")
    with pytest.raises(VerificationFailed, match="not encrypted to that key"):
        open_certificate_encrypted_copy(wrapper, stranger.decrypter())


def test_the_content_is_aes_256(signed, school, tmp_path):
    copy, _ = signed
    wrapper = encrypt_copy_to_certificate(copy, school.der, f"{REF}-EDU.pdf", REF, "EDU", NOW)
    handler = PdfFileReader(io.BytesIO(wrapper)).security_handler
    assert type(handler).__name__ == "PubKeySecurityHandler" and handler.version.name == "AES256"
    assert handler.subfilter.value == "/adbe.pkcs7.s5"
    assert [(f.method, f.keylen) for f in handler.crypt_filter_config.filters()] == [("/AESV3", 32)]  # AES-256
    if shutil.which("qpdf"):
        # qpdf has no public-key security handler ("unsupported encryption filter"): it cannot
        # read the file at all, so it cannot confirm the cipher; pyHanko's reading above does.
        (tmp_path / "copy.pdf").write_bytes(wrapper)
        shown = subprocess.run(["qpdf", "--show-encryption", str(tmp_path / "copy.pdf")], capture_output=True)
        assert shown.returncode != 0 and b"unsupported encryption filter" in shown.stderr


@pytest.mark.parametrize(("variant", "message"), [
    (dict(valid_from=NOW - timedelta(days=400), valid_days=30), "expired on"),
    (dict(valid_from=NOW + timedelta(days=10)), "not valid until"),
    (dict(key_type="ec"), "does not hold an RSA key"),
    (dict(bits=1024), "1024-bit RSA key"),
    (dict(key_encipherment=False), "not for encryption"),
    (dict(key_usage=False), "not for encryption"),
])
def test_unusable_certificates_are_refused_with_the_reason(variant, message):
    with pytest.raises(InvalidInput, match=message):
        check_encryption_certificate(make_recipient(**variant).der, NOW, "EDU")


@pytest.mark.parametrize("data", [b"", b"hello", b"-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n",
                                  b"\x30\x82\x01\x00" + b"\x00" * 40])
def test_files_that_are_not_certificates_are_refused(data):
    with pytest.raises(InvalidInput):
        check_encryption_certificate(data, NOW, "EDU")


def test_pem_and_der_are_both_kept_as_der(school):
    assert check_encryption_certificate(school.pem, NOW, "EDU") == school.der
    assert check_encryption_certificate(school.der, NOW, "EDU") == school.der
    info = describe_certificate(school.der)
    assert "CN=Sampletown Primary School safeguarding" in info.subject and "Test Agencies CA" in info.issuer
    assert info.not_after > NOW and len(info.sha256) == 64
