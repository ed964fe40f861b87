# SPDX-License-Identifier: LicenseRef-Proprietary
"""An agency's encryption certificate for tests: a test CA issues an RSA 2048 certificate with
key encipherment (what PDF public-key encryption needs), with its private key so a test can
open what was encrypted to it. Variants make each kind of unusable certificate."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import NameOID
from pyhanko.pdf_utils.crypt.pubkey import SimpleEnvelopeKeyDecrypter

_CA_KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)
_CA_NAME = x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Test Partnership PKI"),
                      x509.NameAttribute(NameOID.COMMON_NAME, "Test Agencies CA")])


@dataclass(frozen=True)
class Recipient:
    der: bytes
    pem: bytes
    key: object  # the private key (cryptography)

    def decrypter(self) -> SimpleEnvelopeKeyDecrypter:
        key_der = self.key.private_bytes(serialization.Encoding.DER,  # type: ignore[attr-defined]
                                         serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
        return SimpleEnvelopeKeyDecrypter(cert=asn1_x509.Certificate.load(self.der),
                                          private_key=asn1_keys.PrivateKeyInfo.load(key_der))


def make_recipient(common_name: str = "Sampletown Primary School safeguarding", *, key_encipherment: bool = True,
                   key_usage: bool = True, key_type: str = "rsa", bits: int = 2048,
                   valid_from: datetime | None = None, valid_days: int = 3 * 365) -> Recipient:
    if key_type == "ec":
        key = ec.generate_private_key(ec.SECP256R1())
    else:
        key = rsa.generate_private_key(public_exponent=65537, key_size=bits)
    # Valid well either side of today, so tests on the fixed test clock accept it too.
    start = valid_from or datetime.now(UTC) - timedelta(days=365)
    builder = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Sampletown Primary School"),
                                 x509.NameAttribute(NameOID.COMMON_NAME, common_name)]))
        .issuer_name(_CA_NAME).public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(start).not_valid_after(start + timedelta(days=valid_days))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
    )
    if key_usage:
        builder = builder.add_extension(x509.KeyUsage(
            digital_signature=not key_encipherment, content_commitment=False, key_encipherment=key_encipherment,
            data_encipherment=False, key_agreement=False, key_cert_sign=False, crl_sign=False,
            encipher_only=False, decipher_only=False), critical=True)
    cert = builder.sign(_CA_KEY, hashes.SHA256())
    return Recipient(cert.public_bytes(serialization.Encoding.DER),
                     cert.public_bytes(serialization.Encoding.PEM), key)
