# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Reach the team server: TLS with the server's certificate checked against the CA the
administrator gave (``sslmode=verify-full``) is the only way; there is no option to relax it.

A council's network is not trusted to keep record content or passwords private, and a
certificate that is merely present (``require``) does not stop a machine in the middle, so an
address asking for anything but ``verify-full`` is refused, not quietly upgraded.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from strategy_meeting.domain.errors import InsecureConnection, ServerUnavailable

from ..engine import _SILENT_SQL_LOGGER

if TYPE_CHECKING:
    import psycopg
    from sqlalchemy import Engine

REQUIRED_SSLMODE = "verify-full"


def looks_like_server(address: str) -> bool:
    """A libpq URL or key=value string, as opposed to a local data folder."""
    text = address.strip()
    return text.startswith(("postgresql://", "postgres://")) or ("host=" in text and "=" in text.split()[0])


def connection_params(dsn: str, password: str | None = None, login: str | None = None) -> dict[str, Any]:
    """libpq parameters for ``dsn`` with TLS verify-full enforced; refuses a weaker mode."""
    from psycopg.conninfo import conninfo_to_dict

    try:
        params: dict[str, Any] = dict(conninfo_to_dict(dsn))
    except Exception:  # noqa: BLE001 - psycopg's ProgrammingError; the address itself may hold a password
        raise InsecureConnection(
            "The team server address is not a valid PostgreSQL address (postgresql://USER@HOST/DATABASE"
            "?sslrootcert=CA.pem).") from None
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
        raise unavailable(exc) from None


def unavailable(exc: BaseException) -> ServerUnavailable:
    """Which way the connection failed, in words that hold no password."""
    text = str(exc)
    if "password authentication failed" in text:
        why = "the server refused the user name or password"
    elif "certificate" in text or "SSL" in text:
        why = ("the server's TLS certificate could not be checked against the CA certificate given "
               "(sslrootcert), or it does not name this host")
    elif "does not exist" in text:
        why = "the database or user does not exist on the server"
    elif "no pg_hba.conf entry" in text:
        why = "the server's pg_hba.conf does not admit this login over TLS from here"
    else:
        why = "the server did not answer (check the host name, port and network)"
    return ServerUnavailable(f"Cannot connect to the team server: {why}. Nothing was changed.")


def create_server_engine(dsn: str, password: str | None, login: str | None = None) -> Engine:
    """An SQLAlchemy engine on psycopg 3 whose every connection is made by ``connect`` above."""
    from sqlalchemy import create_engine

    params = connection_params(dsn, password, login)

    def creator() -> Any:
        import psycopg

        try:
            return psycopg.connect(**params)
        except psycopg.OperationalError as exc:
            raise unavailable(exc) from None

    engine = create_engine("postgresql+psycopg://", creator=creator, pool_size=2, max_overflow=4,
                           pool_pre_ping=True, hide_parameters=True)
    engine.logger = _SILENT_SQL_LOGGER  # type: ignore[assignment] # no record content in any log
    return engine


Creator = Callable[[], Any]
