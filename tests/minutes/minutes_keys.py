# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Keys and certificates for the minutes tests, made once per session (RSA key generation is
the slow part). A small test CA stands in for an organisation's PKI and a timestamp authority."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from strategy_meeting.domain.records import SigningIdentity
from strategy_meeting.services.minutes.identity import create_self_signed

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=timezone.utc)


@dataclass
class FakePki:
    """A stand-in for an organisation's PKI and a timestamp authority (cannot run here for real)."""

    root_cert: x509.Certificate
    root_key: rsa.RSAPrivateKey
    tsa_cert: x509.Certificate
    tsa_key: rsa.RSAPrivateKey

    def issue(
        self, common_name: str, *, non_repudiation: bool = True
    ) -> tuple[x509.Certificate, rsa.RSAPrivateKey]:
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        cert = (
            x509.CertificateBuilder()
            .subject_name(_name(common_name, "Sampletown Council"))
            .issuer_name(self.root_cert.subject)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(NOW - timedelta(days=30))
            .not_valid_after(NOW + timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(_usage(signing=True, non_repudiation=non_repudiation), critical=True)
            .sign(self.root_key, hashes.SHA256())
        )
        return cert, key

    def pkcs12(self, common_name: str, password: bytes, *, non_repudiation: bool = True) -> bytes:
        cert, key = self.issue(common_name, non_repudiation=non_repudiation)
        return pkcs12.serialize_key_and_certificates(
            b"chair",
            key,
            cert,
            [self.root_cert],
            serialization.BestAvailableEncryption(password),
        )


def _name(cn: str, org: str) -> x509.Name:
    return x509.Name(
        [x509.NameAttribute(NameOID.COMMON_NAME, cn), x509.NameAttribute(NameOID.ORGANIZATION_NAME, org)]
    )


def _usage(*, signing: bool = False, non_repudiation: bool = False, ca: bool = False) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=signing,
        content_commitment=non_repudiation,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=ca,
        crl_sign=ca,
        encipher_only=False,
        decipher_only=False,
    )


@pytest.fixture(scope="session")
def pki() -> FakePki:
    root_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    root_name = _name("Test Root CA", "Test PKI")
    root = (
        x509.CertificateBuilder()
        .subject_name(root_name)
        .issuer_name(root_name)
        .public_key(root_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(NOW - timedelta(days=365))
        .not_valid_after(NOW + timedelta(days=3650 * 2))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(_usage(ca=True), critical=True)
        .sign(root_key, hashes.SHA256())
    )
    tsa_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    tsa = (
        x509.CertificateBuilder()
        .subject_name(_name("Test Timestamp Authority", "Test PKI"))
        .issuer_name(root_name)
        .public_key(tsa_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(NOW - timedelta(days=30))
        .not_valid_after(NOW + timedelta(days=3650))
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True)
        .add_extension(_usage(signing=True, non_repudiation=True), critical=True)
        .sign(root_key, hashes.SHA256())
    )
    return FakePki(root, root_key, tsa, tsa_key)


@pytest.fixture(scope="session")
def chair_identity() -> SigningIdentity:
    return create_self_signed("alex", "Alex Example", datetime.now(timezone.utc), organisation="Sampletown Council")
