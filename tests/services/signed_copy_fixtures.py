# SPDX-License-Identifier: LicenseRef-Proprietary
"""Really signed per-agency copies for the distribution tests, made without the minutes code.

A self-signed certificate made with ``cryptography`` signs small ReportLab PDFs through
pyHanko, and a ``manifest.json`` of DESIGN.md section 6 shape lists them. Each copy names its
recipient in its text, so a test can tell whose copy an e-mail carried.
"""

from __future__ import annotations

import hashlib
import io
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from pyhanko.keys import load_cert_from_pemder, load_private_key_from_pemder_data
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import signers
from pyhanko_certvalidator.registry import SimpleCertificateStore
from reportlab.pdfgen.canvas import Canvas

SIGNER = "Alex Example (test chair)"


def make_identity(tmp: Path) -> tuple[bytes, bytes]:
    """A self-signed signing certificate with non-repudiation, and its key (PEM)."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, SIGNER)])
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=365))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                          data_encipherment=False, key_agreement=False, key_cert_sign=False,
                          crl_sign=False, encipher_only=False, decipher_only=False),
            critical=True,
        )
        .sign(key, hashes.SHA256())
    )
    cert_pem = cert.public_bytes(serialization.Encoding.PEM)
    key_pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
    (tmp / "signer.pem").write_bytes(cert_pem)
    return cert_pem, key_pem


def unsigned_pdf(reference: str, recipient: str) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1)
    canvas.drawString(72, 720, f"Minutes of {reference}: copy for {recipient}")
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def sign(pdf: bytes, cert_path: Path, key_pem: bytes) -> bytes:
    cert = load_cert_from_pemder(str(cert_path))
    signer = signers.SimpleSigner(
        signing_cert=cert, signing_key=load_private_key_from_pemder_data(key_pem, None),
        cert_registry=SimpleCertificateStore.from_certs([cert]),
    )
    out = signers.sign_pdf(
        IncrementalPdfFileWriter(io.BytesIO(pdf)),
        signers.PdfSignatureMetadata(field_name="Signature1"),
        signer=signer,
    )
    return out.getvalue()


def write_signed_set(folder: Path, reference: str, recipients: list[str]) -> dict[str, bytes]:
    """Sign a copy for each recipient (``"full"`` or a code) into ``folder`` with a manifest."""
    folder.mkdir(parents=True, exist_ok=True)
    _, key_pem = make_identity(folder)
    entries = []
    copies: dict[str, bytes] = {}
    for recipient in recipients:
        data = sign(unsigned_pdf(reference, recipient), folder / "signer.pem", key_pem)
        name = f"{reference}_{recipient}.pdf"  # as the minutes name it
        (folder / name).write_bytes(data)
        copies[recipient] = data
        entries.append({"recipient": recipient, "file": name,
                        "sha256": hashlib.sha256(data).hexdigest(), "signed_by": SIGNER,
                        "created_at": "2026-11-20T12:00:00+00:00"})
    (folder / "manifest.json").write_text(json.dumps({"reference": reference, "copies": entries}))
    return copies
