# SPDX-License-Identifier: LicenseRef-Proprietary
"""A real SMTP server on 127.0.0.1 (aiosmtpd), started and stopped by the tests.

It keeps every message it accepts. ``refuse`` maps a recipient address to the reply the
server gives at RCPT, so a test can make one agency's delivery fail with a server's reason.
With a TLS context it offers STARTTLS (required) or speaks implicit TLS. With ``accounts``
(name -> password) it offers AUTH once the connection is encrypted and requires a sign-in.
"""

from __future__ import annotations

import email
import email.policy
import socket
import ssl
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from ipaddress import IPv4Address
from pathlib import Path

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Received:
    envelope_from: str
    recipients: list[str]
    message: EmailMessage


@dataclass
class RecordingHandler:
    received: list[Received] = field(default_factory=list)
    refuse: dict[str, str] = field(default_factory=dict)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        if address in self.refuse:
            return self.refuse[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        message = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        self.received.append(Received(envelope.mail_from, list(envelope.rcpt_tos), message))
        return "250 Message accepted for delivery"


@dataclass
class Accounts:
    """aiosmtpd's authenticator: accepts exactly the given name and password."""

    passwords: dict[str, str]

    def __call__(self, server, session, envelope, mechanism, auth_data) -> AuthResult:  # noqa: ANN001
        if isinstance(auth_data, LoginPassword):
            name = auth_data.login.decode("utf-8", "replace")
            if self.passwords.get(name) == auth_data.password.decode("utf-8", "replace"):
                return AuthResult(success=True)
        return AuthResult(success=False, handled=False)


class SmtpServer:
    def __init__(self, *, tls: ssl.SSLContext | None = None, implicit_tls: bool = False,
                 accounts: dict[str, str] | None = None) -> None:
        self.handler = RecordingHandler()
        self.port = free_port()
        kwargs: dict = {}
        if accounts is not None:
            kwargs.update(authenticator=Accounts(accounts), auth_required=True)
        if tls is not None and implicit_tls:
            kwargs["ssl_context"] = tls
        elif tls is not None:
            kwargs.update(tls_context=tls, require_starttls=True)
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port, **kwargs)

    def __enter__(self) -> SmtpServer:
        self.controller.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.controller.stop()

    @property
    def received(self) -> list[Received]:
        return self.handler.received


def make_server_tls(folder: Path) -> tuple[ssl.SSLContext, Path]:
    """A CA and a server certificate for 127.0.0.1; returns the server context and CA file."""
    now = datetime.now(UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Test SMTP CA")])
    ca = (
        x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name)
        .public_key(ca_key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=False,
                                     key_encipherment=False, data_encipherment=False,
                                     key_agreement=False, key_cert_sign=True, crl_sign=True,
                                     encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")]))
        .issuer_name(ca_name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=30))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(IPv4Address("127.0.0.1"))]), critical=False)
        .add_extension(x509.ExtendedKeyUsage([x509.ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "server.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (folder / "server.key").write_bytes(key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    ca_file = folder / "ca.pem"
    ca_file.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(folder / "server.pem", folder / "server.key")
    return context, ca_file
