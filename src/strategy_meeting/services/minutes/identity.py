# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Signing identities without a store: make a self-signed certificate, read a PKCS#12,
export the certificate. The service in ``services/identities.py`` keeps the result in the
encrypted store; nothing here writes a file.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from strategy_meeting.domain.errors import InvalidInput
from strategy_meeting.domain.records import IdentityKind, SigningIdentity

SELF_SIGNED_YEARS = 3
RSA_BITS = 3072  # NCSC's floor for RSA keys meant to last beyond 2030
SELF_SIGNED_UNIT = "Strategy Meeting self-signed"


@dataclass(frozen=True)
class CertificateSummary:
    """What a person checks before trusting a certificate."""

    subject: str
    issuer: str
    not_before: datetime
    not_after: datetime
    fingerprint_sha256: str
    self_signed: bool
    holder: str = ""  # the subject as a person reads it: "Alex Example, Sampletown Council"


def _pem(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.PEM)


def _fingerprint(cert: x509.Certificate) -> str:
    return cert.fingerprint(hashes.SHA256()).hex()


def _key_pem(key: rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def create_self_signed(
    user_name: str,
    common_name: str,
    now: datetime,
    *,
    organisation: str = "",
    years: int = SELF_SIGNED_YEARS,
) -> SigningIdentity:
    """A new key and a self-signed certificate for signing minutes.

    Key usage is digitalSignature + nonRepudiation (critical), which is what PAdES validators,
    pyHanko's by default, expect of a signer. No extended key usage: Adobe Reader then accepts
    the certificate for document signing once a recipient trusts it.
    """
    if not common_name.strip():
        raise InvalidInput("A signing certificate needs the signer's name.")
    key = rsa.generate_private_key(public_exponent=65537, key_size=RSA_BITS)
    attributes = [x509.NameAttribute(NameOID.COMMON_NAME, common_name.strip())]
    if organisation.strip():
        attributes.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation.strip()))
    attributes.append(x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, SELF_SIGNED_UNIT))
    name = x509.Name(attributes)
    start = now.astimezone(timezone.utc) - timedelta(minutes=5)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + timedelta(days=365 * years))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,  # nonRepudiation
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    return SigningIdentity(
        user_name=user_name,
        kind=IdentityKind.SELF_SIGNED,
        subject=cert.subject.rfc4514_string(),
        certificate_pem=_pem(cert),
        private_key_pem=_key_pem(key),
        fingerprint_sha256=_fingerprint(cert),
        created_at=now,
    )


def load_pkcs12(
    data: bytes, password: str | bytes | None, user_name: str, now: datetime
) -> SigningIdentity:
    """Read an organisation's PKCS#12 file into an identity, or say clearly what is wrong."""
    secret = password.encode("utf-8") if isinstance(password, str) else password
    try:
        key, cert, extra = pkcs12.load_key_and_certificates(data, secret or None)
    except ValueError:
        raise InvalidInput(
            "Could not open the PKCS#12 file: the password is wrong or the file is damaged."
        ) from None
    if key is None or cert is None:
        raise InvalidInput(
            "The PKCS#12 file holds no private key and certificate pair; ask for one that does."
        )
    if not isinstance(key, (rsa.RSAPrivateKey, ec.EllipticCurvePrivateKey)):
        raise InvalidInput("The PKCS#12 key is neither RSA nor elliptic-curve; it cannot sign.")
    if key.public_key().public_numbers() != cert.public_key().public_numbers():  # type: ignore[union-attr]
        raise InvalidInput("The PKCS#12 private key does not belong to its certificate.")
    check_signing_usage(cert)
    if cert.not_valid_after_utc <= now.astimezone(timezone.utc):
        raise InvalidInput("The certificate in the PKCS#12 file has expired.")
    chain = b"".join(_pem(c) for c in (extra or []))
    self_signed = cert.issuer == cert.subject
    return SigningIdentity(
        user_name=user_name,
        kind=IdentityKind.SELF_SIGNED if self_signed else IdentityKind.PKCS12,
        subject=cert.subject.rfc4514_string(),
        certificate_pem=_pem(cert),
        private_key_pem=_key_pem(key),
        chain_pem=chain,
        fingerprint_sha256=_fingerprint(cert),
        created_at=now,
    )


def to_pkcs12(identity: SigningIdentity, password: str) -> bytes:
    """The identity as a password-protected PKCS#12 file (key, certificate and chain), for
    its holder to take to another computer or keep offline."""
    key = serialization.load_pem_private_key(identity.private_key_pem, password=None)
    cert = x509.load_pem_x509_certificate(identity.certificate_pem)
    chain = x509.load_pem_x509_certificates(identity.chain_pem) if identity.chain_pem else None
    return pkcs12.serialize_key_and_certificates(
        identity.user_name.encode("utf-8"), key, cert, chain,  # type: ignore[arg-type]
        serialization.BestAvailableEncryption(password.encode("utf-8")))


def check_signing_usage(cert: x509.Certificate) -> None:
    """Refuse a certificate that validators would not accept for signing minutes."""
    try:
        usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        return  # no restriction recorded: any use is allowed
    if not usage.content_commitment:
        raise InvalidInput(
            "The certificate does not allow non-repudiation signatures (key usage); "
            "ask for a document-signing certificate."
        )


def certificate_pem(identity: SigningIdentity, *, with_chain: bool = False) -> bytes:
    """The public certificate to give agencies so they can trust the signature."""
    return identity.certificate_pem + (identity.chain_pem if with_chain else b"")


def summarise(pem: bytes) -> CertificateSummary:
    cert = x509.load_pem_x509_certificate(pem)
    return CertificateSummary(
        subject=cert.subject.rfc4514_string(),
        issuer=cert.issuer.rfc4514_string(),
        not_before=cert.not_valid_before_utc,
        not_after=cert.not_valid_after_utc,
        fingerprint_sha256=_fingerprint(cert),
        self_signed=cert.issuer == cert.subject,
        holder=_holder(cert.subject),
    )


def _holder(subject: x509.Name) -> str:
    """Who and for which organisation, from the certificate's own fields; the full subject
    string when it has neither."""
    parts = [str(attribute.value) for oid in (NameOID.COMMON_NAME, NameOID.ORGANIZATION_NAME)
             for attribute in subject.get_attributes_for_oid(oid)]
    return ", ".join(parts) or subject.rfc4514_string()


def common_name(subject_or_pem: str | bytes) -> str:
    """The CN of a certificate (PEM) or the subject string itself when it has none."""
    if isinstance(subject_or_pem, bytes):
        cert = x509.load_pem_x509_certificate(subject_or_pem)
        names = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
        return str(names[0].value) if names else cert.subject.rfc4514_string()
    return subject_or_pem
