# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""One person's login on the team server (``server add-user``).

The password is turned into its SCRAM-SHA-256 verifier on this computer (libpq's
``PQencryptPasswordConn``), so the server receives, and its statement log could ever show,
only the verifier, never the password itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from strategy_meeting.domain.errors import InvalidInput
from strategy_meeting.domain.roles import Role

from .schema import group_role

if TYPE_CHECKING:
    from sqlalchemy import Connection


def scram_verifier(conn: Connection, login: str, password: str) -> str:
    pgconn = conn.connection.driver_connection.pgconn  # type: ignore[union-attr]
    return bytes(pgconn.encrypt_password(password.encode("utf-8"), login.encode("utf-8"),
                                         b"scram-sha-256")).decode("ascii")


def add_login(conn: Connection, login: str, role: Role, agency: str | None, password: str) -> None:
    """Create the login, grant it its role's group, and record who it is (role, agency), in the
    caller's transaction (with the ``users`` row and the audit event the service adds)."""
    if role is Role.AGENCY_REP and not agency:
        raise InvalidInput("An agency representative's login needs their agency: give --agency CODE.")
    exists = conn.exec_driver_sql("SELECT 1 FROM pg_roles WHERE rolname = %(n)s", {"n": login}).first()
    if exists:
        raise InvalidInput(f"The server already has a login called '{login}'; choose another name.")
    database = str(conn.exec_driver_sql("SELECT current_database()").scalar_one())
    quote = conn.dialect.identifier_preparer.quote
    verifier = scram_verifier(conn, login, password)
    if not verifier.startswith("SCRAM-SHA-256$"):  # never a plaintext or md5 password
        raise RuntimeError("libpq did not produce a SCRAM-SHA-256 verifier")
    literal = "'" + verifier.replace("'", "''") + "'"
    conn.exec_driver_sql(f"CREATE ROLE {quote(login)} LOGIN INHERIT PASSWORD {literal}",
                         execution_options={"no_parameters": True})
    conn.exec_driver_sql(f"GRANT {quote(group_role(database, role))} TO {quote(login)}",
                         execution_options={"no_parameters": True})
    conn.exec_driver_sql("INSERT INTO team_logins (login, role, agency) VALUES (%(l)s, %(r)s, %(a)s)",
                         {"l": login, "r": role.value, "a": agency if role is Role.AGENCY_REP else None})
