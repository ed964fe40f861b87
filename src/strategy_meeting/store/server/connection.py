# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Reach the team server: TLS with the server's certificate checked against the CA the
administrator gave (``sslmode=verify-full``) is the only way; there is no option to relax it.

A council's network is not trusted to keep record content or passwords private, and a
certificate that is merely present (``require``) does not stop a machine in the middle, so an
address asking for anything but ``verify-full`` is refused, not quietly upgraded.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from strategy_meeting.domain.errors import (
    InsecureConnection,
    NotACertificate,
    ServerCertificateRejected,
    ServerLoginRefused,
    ServerUnavailable,
    ServerUnreachable,
)

from ..engine import _SILENT_SQL_LOGGER

if TYPE_CHECKING:
    import psycopg
    from sqlalchemy import Engine

REQUIRED_SSLMODE = "verify-full"


def parse_address(dsn: str) -> dict[str, str]:
    """The parameters of a libpq URL or key=value string (for showing which server and login
    an address names, and building another address from it)."""
    from psycopg.conninfo import conninfo_to_dict

    try:
        return {k: str(v) for k, v in conninfo_to_dict(dsn).items() if v is not None}
    except Exception:  # noqa: BLE001 - psycopg's ProgrammingError; the address itself may hold a password
        raise InsecureConnection(
            "The team server address is not a valid PostgreSQL address (postgresql://USER@HOST/DATABASE"
            "?sslrootcert=CA.pem).") from None


def check_ca_file(path: str | Path) -> None:
    """Refuse, before any connection is tried, a CA file that is missing or holds no PEM
    certificate: libpq's own words for it ("EVP lib", "shutdown while in init") name neither."""
    from cryptography import x509

    file = Path(path).expanduser()
    if not file.is_file():
        raise NotACertificate(f"The CA certificate file {file} does not exist: choose the PEM file your "
                              "team server's administrator gave you.")
    try:
        data = file.read_bytes()
        if b"-----BEGIN CERTIFICATE-----" not in data:
            raise ValueError("no PEM certificate")
        x509.load_pem_x509_certificates(data)
    except (OSError, ValueError):
        raise NotACertificate(f"The file {file} is not a certificate: choose the CA certificate (a PEM file, "
                              "'-----BEGIN CERTIFICATE-----') your team server's administrator gave you.") from None


def connection_params(dsn: str, password: str | None = None, login: str | None = None) -> dict[str, Any]:
    """libpq parameters for ``dsn`` with TLS verify-full enforced; refuses a weaker mode."""
    params: dict[str, Any] = dict(parse_address(dsn))
    mode = params.get("sslmode")
    if mode not in (None, REQUIRED_SSLMODE):
        raise InsecureConnection(
            f"The team server address asks for sslmode={mode}. Strategy Meeting connects only with "
            "sslmode=verify-full (TLS, the server's certificate checked against your CA); remove the "
            "sslmode setting or set it to verify-full.")
    if str(params.get("host", "")).startswith("/") or not params.get("host"):
        raise InsecureConnection(
            "The team server address must name the server's host (a Unix socket carries no TLS).")
    if login:
        if params.get("user") not in (None, login):
            raise InsecureConnection(f"The server address names the login '{params['user']}', not '{login}': "
                                     "give one name only.")
        params["user"] = login
    root = params.get("sslrootcert")
    if root and root != "system":
        check_ca_file(root)
    params["sslmode"] = REQUIRED_SSLMODE
    if password is not None:
        params["password"] = password
    params.setdefault("application_name", "strategy-meeting")
    params.setdefault("connect_timeout", "15")
    return params


def connect(dsn: str, password: str | None = None, **kwargs: Any) -> psycopg.Connection[Any]:
    """A psycopg connection (for set-up and the tests' raw SQL); errors in the user's words."""
    import psycopg

    params = connection_params(dsn, password)
    try:
        return psycopg.connect(**params, **kwargs)
    except psycopg.OperationalError as exc:
        raise unavailable(exc, params) from None


_HOST_MISMATCH = re.compile(r'does not match host name "([^"]*)"')


def unavailable(exc: BaseException, params: dict[str, Any] | None = None) -> ServerUnavailable:
    """Which way the connection failed, as the matching ``ServerUnavailable``, in words that
    hold no password (libpq's own text is never shown: it may hold the address's parts)."""
    text = str(exc)
    params = params or {}
    where = f"{params.get('host', 'the host given')}, port {params.get('port', 5432)}"
    done = " Nothing was changed."
    if "password authentication failed" in text:
        return ServerLoginRefused("Cannot connect to the team server: the server refused the user name or "
                                  "password. Check both (the password is case-sensitive), or ask the "
                                  "server's administrator." + done)
    mismatch = _HOST_MISMATCH.search(text)
    if mismatch:
        return ServerCertificateRejected(
            f"Cannot connect to the team server: its certificate does not name the host '{mismatch.group(1)}'. "
            "Use the host name the administrator gave you, exactly as in the server's certificate." + done)
    if "root certificate file" in text:
        return ServerCertificateRejected(
            "Cannot connect to the team server: the CA certificate file could not be read as a certificate. "
            "Choose the CA certificate (PEM) your administrator gave you." + done)
    if "certificate" in text or "SSL" in text:
        return ServerCertificateRejected(
            "Cannot connect to the team server: its TLS certificate is not trusted by the CA certificate "
            "given. Check that you chose the CA certificate your administrator gave for this server." + done)
    if "no pg_hba.conf entry" in text:
        return ServerLoginRefused("Cannot connect to the team server: the server's pg_hba.conf does not admit "
                                  "this login over TLS from here; ask the server's administrator." + done)
    if "permission denied for database" in text:
        return ServerLoginRefused(f"Cannot connect to the team server: the login may not use the database "
                                  f"'{params.get('dbname', '')}'. Check the database name with the server's "
                                  "administrator." + done)
    if "does not exist" in text and "database" in text:
        return ServerUnavailable(f"Cannot connect to the team server: there is no database "
                                 f"'{params.get('dbname', '')}' on it. Check the database name with the "
                                 "server's administrator." + done)
    if "does not exist" in text:
        return ServerLoginRefused("Cannot connect to the team server: the server refused the user name or "
                                  "password (that login does not exist)." + done)
    return ServerUnreachable(f"Cannot connect to the team server: nothing answered at {where}. Check the host "
                             "name, the port and the network, or whether the server is running." + done)


def create_server_engine(dsn: str, password: str | None, login: str | None = None, *,
                         params: dict[str, Any] | None = None) -> Engine:
    """An SQLAlchemy engine on psycopg 3 whose every connection is made by ``connect`` above
    (``params``: ``connection_params``' answer, when the caller already has it)."""
    from sqlalchemy import create_engine

    params = params if params is not None else connection_params(dsn, password, login)

    def creator() -> Any:
        import psycopg

        try:
            return psycopg.connect(**params)
        except psycopg.OperationalError as exc:
            raise unavailable(exc, params) from None

    engine = create_engine("postgresql+psycopg://", creator=creator, pool_size=2, max_overflow=4,
                           pool_pre_ping=True, hide_parameters=True)
    engine.logger = _SILENT_SQL_LOGGER  # type: ignore[assignment] # no record content in any log
    return engine


