# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Sending mail through the organisation's SMTP server, with the transport secured.

STARTTLS (port 587) and implicit TLS (port 465) verify the server's certificate against the
system's trust store, or a CA file the administrator names for an internal server. ``none``
sends in the clear and is accepted only for a server on this computer (a loopback test
server); anything else would put the minutes' envelope and the password on the network.
"""

from __future__ import annotations

import ipaddress
import smtplib
import socket
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from enum import StrEnum
from types import TracebackType

from strategy_meeting.domain.errors import InvalidInput


class SmtpSecurity(StrEnum):
    STARTTLS = "starttls"
    TLS = "tls"
    NONE = "none"  # loopback test servers only


DEFAULT_PORTS = {SmtpSecurity.STARTTLS: 587, SmtpSecurity.TLS: 465, SmtpSecurity.NONE: 25}


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    sender: str
    port: int | None = None
    security: SmtpSecurity = SmtpSecurity.STARTTLS
    username: str = ""
    password: str = ""
    ca_file: str = ""  # extra trust anchor for an internal server, PEM
    timeout: float = 30.0

    @property
    def effective_port(self) -> int:
        return self.port or DEFAULT_PORTS[self.security]

    def __repr__(self) -> str:  # never show the password in logs or tracebacks
        return (f"SmtpSettings(host={self.host!r}, port={self.effective_port}, "
                f"security={self.security.value!r}, sender={self.sender!r}, username={self.username!r})")


class SendFailed(Exception):
    """A message was not accepted; ``reason`` is the server's (or the network's) answer."""

    def __init__(self, reason: str, *, connection_lost: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.connection_lost = connection_lost


def is_loopback(host: str) -> bool:
    if host.lower() in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_settings(settings: SmtpSettings) -> None:
    """Refuse settings that would send in the clear or cannot work, before anything is sent."""
    if not settings.host:
        raise InvalidInput("No SMTP server is set: give --smtp-host, or set it in the settings.")
    if not settings.sender or "@" not in settings.sender:
        raise InvalidInput("No sender address is set for e-mail: give --smtp-sender, or set it in the settings.")
    if not 0 < settings.effective_port < 65536:
        raise InvalidInput(f"SMTP port {settings.port} is not a valid port number.")
    if settings.security is SmtpSecurity.NONE:
        if not is_loopback(settings.host):
            raise InvalidInput(
                "--smtp-security none sends unencrypted and is allowed only for a test server "
                "on this computer (localhost or 127.0.0.1). Use starttls or tls."
            )
        if settings.password:
            raise InvalidInput("A password is never sent over an unencrypted connection; use starttls or tls.")


def _tls_context(settings: SmtpSettings) -> ssl.SSLContext:
    context = ssl.create_default_context()
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    if settings.ca_file:
        try:
            context.load_verify_locations(cafile=settings.ca_file)
        except (OSError, ssl.SSLError):
            raise InvalidInput(f"The CA file {settings.ca_file} cannot be read as PEM certificates.") from None
    return context


def _reason(error: BaseException) -> str:
    """The server's words for a failure, on one line."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        code, text = next(iter(error.recipients.values()))
        return f"{code} {_decode(text)}"
    if isinstance(error, smtplib.SMTPResponseException):
        return f"{error.smtp_code} {_decode(error.smtp_error)}"
    if isinstance(error, ssl.SSLCertVerificationError):
        return f"the server's certificate was not trusted ({error.verify_message})"
    if isinstance(error, socket.timeout | TimeoutError):
        return "the server did not answer in time"
    if isinstance(error, ConnectionRefusedError):
        return "connection refused: no mail server is listening at that address and port"
    if isinstance(error, socket.gaierror):
        return "the server's name could not be found"
    return " ".join(str(error).split()) or type(error).__name__


def _decode(text: bytes | str) -> str:
    raw = text.decode("utf-8", "replace") if isinstance(text, bytes) else text
    return " ".join(raw.split())


class SmtpTransport:
    """One connection for a batch of messages: ``with SmtpTransport(s) as t: t.send(msg)``.

    Connecting or logging in can fail as a whole; ``send`` then raises ``SendFailed`` for
    each message with that reason, so every agency's log entry says why.
    """

    def __init__(self, settings: SmtpSettings) -> None:
        check_settings(settings)
        self.settings = settings
        self._client: smtplib.SMTP | None = None
        self._connect_error: str = ""

    def __enter__(self) -> SmtpTransport:
        try:
            self._client = self._connect()
        except (OSError, smtplib.SMTPException) as error:
            self._connect_error = _reason(error)
        return self

    def _connect(self) -> smtplib.SMTP:
        s = self.settings
        client: smtplib.SMTP
        if s.security is SmtpSecurity.TLS:
            client = smtplib.SMTP_SSL(s.host, s.effective_port, timeout=s.timeout, context=_tls_context(s))
        else:
            client = smtplib.SMTP(s.host, s.effective_port, timeout=s.timeout)
        try:
            client.ehlo()
            if s.security is SmtpSecurity.STARTTLS:
                if not client.has_extn("starttls"):
                    raise smtplib.SMTPNotSupportedError(
                        "the server does not offer STARTTLS, so the message cannot be sent encrypted"
                    )
                client.starttls(context=_tls_context(s))
                client.ehlo()
            if s.username:
                client.login(s.username, s.password)
        except BaseException:
            client.close()
            raise
        return client

    def send(self, message: EmailMessage) -> None:
        if self._client is None:
            raise SendFailed(self._connect_error or "not connected", connection_lost=True)
        try:
            refused = self._client.send_message(message)
        except smtplib.SMTPServerDisconnected as error:
            self._client = None
            self._connect_error = _reason(error) or "the server closed the connection"
            raise SendFailed(self._connect_error, connection_lost=True) from None
        except (OSError, smtplib.SMTPException) as error:
            self._reset()
            raise SendFailed(_reason(error)) from None
        if refused:
            code, text = next(iter(refused.values()))
            raise SendFailed(f"{code} {_decode(text)}")

    def _reset(self) -> None:
        """After a refused message, be ready for the next one on the same connection."""
        if self._client is None:
            return
        try:
            self._client.rset()
        except (OSError, smtplib.SMTPException):
            self._client.close()
            self._client = None
            self._connect_error = "the server closed the connection"

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._client is not None:
            try:
                self._client.quit()
            except (OSError, smtplib.SMTPException):
                self._client.close()  # the messages already accepted stay sent
            self._client = None


def try_connection(settings: SmtpSettings) -> None:
    """Connect, secure the connection, sign in and say goodbye, sending nothing.

    The settings page's "Test connection": ``SendFailed`` carries the server's (or the
    network's) reason when any step fails.
    """
    check_settings(settings)
    try:
        client = SmtpTransport(settings)._connect()
    except (OSError, smtplib.SMTPException) as error:
        raise SendFailed(_reason(error), connection_lost=True) from None
    try:
        client.quit()
    except (OSError, smtplib.SMTPException):
        client.close()
