# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""An agency's certificate, for encrypting its copies of the minutes to it.

What is accepted is what the receiving end can use: PDF public-key encryption as pyHanko
writes it (and Acrobat reads it) wraps the file key with the recipient's RSA key (key
transport), and pyHanko refuses a certificate whose key usage does not allow key
encipherment. So a certificate must parse (PEM or DER), hold an RSA key of at least 2048
bits, state a key usage that allows key encipherment (pyHanko refuses a certificate without
one), and be valid now. It is kept as DER in the agency directory, and checked again when
copies are encrypted, because it may have expired since it was added.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from datetime import datetime

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import Encoding

from strategy_meeting.domain.agency import Agency
from strategy_meeting.domain.changes import Changes
from strategy_meeting.domain.errors import InvalidInput, NotFound
from strategy_meeting.domain.roles import Permission, User

from ..context import ServiceContext
from ..users import require

MAX_CERTIFICATE_BYTES = 64 * 1024
MIN_RSA_BITS = 2048


@dataclass(frozen=True)
class CertificateInfo:
    """What an administrator checks before trusting the certificate: whose, by whom, until when."""

    subject: str
    issuer: str
    not_before: datetime
    not_after: datetime
    sha256: str  # fingerprint of the DER bytes, hex

    def expired_at(self, now: datetime) -> bool:
        return now > self.not_after


def parse_certificate(data: bytes) -> x509.Certificate:
    """The certificate in ``data`` (PEM or DER), or InvalidInput."""
    if not data:
        raise InvalidInput("The certificate file is empty.")
    if len(data) > MAX_CERTIFICATE_BYTES:
        raise InvalidInput("The file is too large to be one certificate.")
    try:
        if data.lstrip().startswith(b"-----BEGIN"):
            return x509.load_pem_x509_certificate(data)
        return x509.load_der_x509_certificate(data)
    except Exception:  # noqa: BLE001 - cryptography raises several types for bad input
        raise InvalidInput(
            "The file is not an X.509 certificate (PEM or DER). Ask the agency for its "
            "encryption certificate as a .cer, .crt, .der or .pem file."
        ) from None


def describe_certificate(der: bytes) -> CertificateInfo:
    cert = parse_certificate(der)
    return CertificateInfo(
        subject=cert.subject.rfc4514_string() or "(no subject)",
        issuer=cert.issuer.rfc4514_string() or "(no issuer)",
        not_before=cert.not_valid_before_utc,
        not_after=cert.not_valid_after_utc,
        sha256=hashlib.sha256(cert.public_bytes(Encoding.DER)).hexdigest(),
    )


def check_encryption_certificate(data: bytes, now: datetime, agency_code: str) -> bytes:
    """The certificate's DER bytes if copies can be encrypted to it now; else InvalidInput
    saying what is wrong with it."""
    cert = parse_certificate(data)
    whose = f"The certificate for {agency_code}"
    if now < cert.not_valid_before_utc:
        raise InvalidInput(f"{whose} is not valid until {cert.not_valid_before_utc:%d %B %Y}.")
    if now > cert.not_valid_after_utc:
        raise InvalidInput(
            f"{whose} expired on {cert.not_valid_after_utc:%d %B %Y}: ask the agency for its current one.")
    key = cert.public_key()
    if not isinstance(key, rsa.RSAPublicKey):
        raise InvalidInput(
            f"{whose} does not hold an RSA key, which PDF encryption to a certificate needs. Ask "
            "the agency for its RSA encryption certificate.")
    if key.key_size < MIN_RSA_BITS:
        raise InvalidInput(f"{whose} holds a {key.key_size}-bit RSA key; at least {MIN_RSA_BITS} bits are needed.")
    try:
        usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        usage = None
    if usage is None or not usage.key_encipherment:
        raise InvalidInput(
            f"{whose} is not for encryption (its key usage does not include key encipherment); it "
            "may be a signing certificate. Ask the agency for its encryption certificate.")
    return cert.public_bytes(Encoding.DER)


def set_agency_certificate(ctx: ServiceContext, actor: User, code: str,
                           data: bytes) -> tuple[CertificateInfo, Changes]:
    """Check ``data`` and keep it as the directory agency's certificate."""
    require(actor, Permission.MANAGE_AGENCIES)
    code = code.strip().upper()
    der = check_encryption_certificate(data, ctx.now(), code)
    info = describe_certificate(der)
    with ctx.unit_of_work() as uow:
        agency = _directory_agency(uow, code)
        uow.agencies.upsert(replace(agency, certificate=der))
        uow.audit.append(actor.name, "agency.certificate", f"agency:{code}",
                         {"sha256": info.sha256, "not_after": info.not_after.isoformat()})
        uow.commit()
    return info, Changes(agencies=True)


def remove_agency_certificate(ctx: ServiceContext, actor: User, code: str) -> Changes:
    require(actor, Permission.MANAGE_AGENCIES)
    code = code.strip().upper()
    with ctx.unit_of_work() as uow:
        agency = _directory_agency(uow, code)
        if not agency.certificate:
            raise NotFound(f"Agency {code} has no certificate to remove.")
        uow.agencies.upsert(replace(agency, certificate=b""))
        uow.audit.append(actor.name, "agency.certificate_removed", f"agency:{code}", {})
        uow.commit()
    return Changes(agencies=True)


def certificates_for(ctx: ServiceContext, codes: list[str]) -> dict[str, bytes]:
    """Each agency's certificate from the directory, checked valid now; refuses the whole set
    (naming every agency concerned) when any is missing or no longer usable."""
    with ctx.unit_of_work() as uow:
        found = {code: (uow.agencies.get(code) or Agency(code, code)).certificate for code in codes}
    missing = [code for code, der in found.items() if not der]
    if missing:
        raise InvalidInput(
            f"No certificate is recorded for {', '.join(missing)}, so their copies cannot be encrypted "
            "to a certificate. Add one in Settings > Agencies, or choose another kind of protection. "
            "Nothing was sent.")
    now = ctx.now()
    return {code: check_encryption_certificate(der, now, code) for code, der in found.items()}


def _directory_agency(uow, code: str) -> Agency:  # type: ignore[no-untyped-def]
    agency = uow.agencies.get(code)
    if agency is None:
        raise NotFound(f"There is no agency with code '{code}' in the directory: save the agency first.")
    return agency
