# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The team server (issue 17): set it up, add people's logins, and open a session as one.

Set-up runs with the database owner's address (the administrator's credential, given once by
whoever runs the PostgreSQL server); each person then works as their own login, and the
database keeps them to their role and agency. A session on the server is a ``ServiceContext``
like a local one, so every other service works on it unchanged.
"""

from __future__ import annotations

import json
import logging
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from enum import Enum
from pathlib import Path
from urllib.parse import quote, urlencode

from strategy_meeting.domain.changes import Changes
from strategy_meeting.domain.errors import InvalidInput
from strategy_meeting.domain.roles import Role, User

from . import users
from .context import ServiceContext

log = logging.getLogger(__name__)

# What the first-run wizard saves in the data folder (never the password), and the copy of the
# server's CA certificate it checks the server against: the app then does not depend on where
# the user kept the file they were given.
SERVER_ENV = "STRATEGY_MEETING_SERVER"  # the team server for the app and every command, as --server
CONNECTION_FILE = "team-server.json"
CA_COPY = "team-server-ca.pem"
CONNECTION_FORMAT = "strategy-meeting-server/1"
DEFAULT_PORT = 5432
_HOST = re.compile(r"^[A-Za-z0-9._:\-\[\]]+$")


def address_from(option: str | None) -> str | None:
    """The team server to work on: the ``--server`` option, else ``$STRATEGY_MEETING_SERVER``;
    None for the local store, which stays the default (the app and the CLI alike)."""
    return option or os.environ.get(SERVER_ENV) or None


def _now(clock: Callable[[], datetime] | None) -> datetime:
    return clock() if clock else datetime.now(UTC)


def init_server(owner_dsn: str, owner_password: str | None = None) -> str:
    """Schema, roles and policies on an empty database; returns the database's name."""
    from strategy_meeting.store import init_server as init

    return init(owner_dsn, owner_password, datetime.now(UTC))


def add_user(owner_dsn: str, owner_password: str | None, name: str, role: Role, agency: str | None,
             password: str, display_name: str = "", clock: Callable[[], datetime] | None = None) -> User:
    """A person's login with their role (and agency, for a representative). On the server a
    representative has a login of their own: the database, not the app, keeps them to what
    their agency may see."""
    from strategy_meeting.store import add_server_user

    if not users.USER_NAME.match(name) or not name.isascii():
        raise InvalidInput("A login name may hold ASCII letters, digits, '.', '@', '_' and '-' only.")
    if role is Role.AGENCY_REP:
        if not agency:
            raise InvalidInput("An agency representative's login needs their agency: give --agency CODE.")
        agency = agency.strip().upper()
    elif agency:
        raise InvalidInput("Only an agency representative's login has an agency; leave out --agency.")
    return add_server_user(owner_dsn, owner_password, User(name, role, agency, display_name), password,
                           _now(clock))


def open_session(dsn: str, password: str, data_dir: Path, clock: Callable[[], datetime] | None = None,
                 login: str | None = None) -> tuple[ServiceContext, User]:
    """Connect as the login named in ``dsn`` (or ``login``, the CLI's ``--user``); the acting
    user is that login, nobody else."""
    from strategy_meeting.store import ServerStore

    store = ServerStore.open(dsn, password, data_dir, login=login)
    ctx = ServiceContext(store, clock) if clock else ServiceContext(store)  # type: ignore[arg-type]
    try:
        return ctx, users.resolve(ctx, store.user)
    except BaseException:
        ctx.close()
        raise


def is_server(ctx: ServiceContext) -> bool:
    return ctx.is_server


def server_name(ctx: ServiceContext) -> str | None:
    """"host / database" of the team server ``ctx`` is on, or None for a local store."""
    return str(ctx.store.server_name) if is_server(ctx) else None  # type: ignore[attr-defined]


def watch(ctx: ServiceContext, on_change: Callable[[Changes], None]) -> Callable[[], None]:
    """Call ``on_change`` (on a thread of its own) with what each colleague's save on the team
    server changed, as it commits; returns the function that stops it. Nothing to watch on a
    local store (one person at a time)."""
    if not is_server(ctx):
        return lambda: None

    def announce(meeting_id: int, part: str) -> None:
        on_change(Changes(meetings=frozenset({meeting_id}), meeting_list=True, actions=part == "actions"))

    return ctx.store.watch(announce).stop  # type: ignore[attr-defined]


# ---- the desktop app's connection ------------------------------------------------------


@dataclass(frozen=True)
class ServerConnection:
    """Where the team server is and who connects: what the wizard asks and saves (no password).
    ``ca_file`` None leaves libpq's default (a ``--server`` address without ``sslrootcert``);
    ``extra`` keeps any other parameter such an address gave."""

    host: str
    database: str
    login: str
    ca_file: Path | None
    port: int = DEFAULT_PORT
    extra: tuple[tuple[str, str], ...] = ()

    def address(self, login: str | None = None) -> str:
        """The libpq URL for ``login`` (else the saved one), always ``sslmode=verify-full``."""
        query = {**dict(self.extra), "sslmode": "verify-full"}
        if self.ca_file is not None:
            query["sslrootcert"] = str(self.ca_file)
        host = f"[{self.host}]" if ":" in self.host and not self.host.startswith("[") else self.host
        return (f"postgresql://{quote(login or self.login, safe='')}@{host}:{self.port}/"
                f"{quote(self.database, safe='')}?{urlencode(query)}")

    @property
    def server_name(self) -> str:
        """How the screens name the server: host, then database (and a port not the default)."""
        port = "" if self.port == DEFAULT_PORT else f":{self.port}"
        return f"{self.host}{port} / {self.database}"


def connection_from_address(address: str) -> ServerConnection:
    """A ``--server`` address (or ``$STRATEGY_MEETING_SERVER``) as the app's connection. A
    password inside it is dropped: the app asks for it."""
    from strategy_meeting.store.server.connection import connection_params, parse_address

    connection_params(address)  # refuses a weaker sslmode, a socket, a CA file that is no certificate
    params = parse_address(address)
    for unused in ("password", "sslmode"):  # asked for by the app; verify-full, always
        params.pop(unused, None)
    host, database = params.pop("host", ""), params.pop("dbname", "")
    login = params.pop("user", "")
    port = params.pop("port", str(DEFAULT_PORT))
    ca = params.pop("sslrootcert", None)
    return ServerConnection(host, database or login, login, Path(ca) if ca else None,
                            _port(port), tuple(sorted(params.items())))


def _port(value: object) -> int:
    try:
        port = int(str(value).strip())
    except ValueError:
        port = 0
    if not 0 < port < 65536:
        raise InvalidInput("The port is a number from 1 to 65535 (PostgreSQL's usual port is 5432).")
    return port


def check_connection(connection: ServerConnection) -> None:
    """What the wizard's page can check before connecting, each with what to do."""
    if not connection.host:
        raise InvalidInput("Type the team server's host name (for example db.example.org).")
    if not _HOST.match(connection.host):
        raise InvalidInput("The host is a name like db.example.org or an address, without spaces or "
                           "'postgresql://'.")
    _port(connection.port)
    if not connection.database:
        raise InvalidInput("Type the name of the team server's database (your administrator gives it).")
    if not connection.login:
        raise InvalidInput("Type your login (your user name on the team server).")
    if connection.ca_file is None or not str(connection.ca_file).strip():
        raise InvalidInput("Choose the server's CA certificate (a PEM file your administrator gives you).")
    from strategy_meeting.store.server.connection import check_ca_file

    check_ca_file(connection.ca_file)


def connect(data_dir: Path, connection: ServerConnection, password: str,
            clock: Callable[[], datetime] | None = None) -> tuple[ServiceContext, User]:
    """Check what was typed, then open a session on the team server as ``connection.login``.
    The first-run wizard then keeps the connection with ``save_connection`` (once it finishes:
    a connection cancelled meanwhile leaves nothing behind)."""
    check_connection(connection)
    if not password:
        raise InvalidInput("Type your password for the team server.")
    return open_session(connection.address(), password, data_dir, clock=clock)


def save_connection(data_dir: Path, connection: ServerConnection) -> ServerConnection:
    """Keep ``connection`` in ``data_dir`` (``team-server.json``, 0600, written whole or not at
    all) with the CA certificate copied beside it; returns the connection as saved."""
    from . import files

    if connection.ca_file is None:
        raise InvalidInput("Choose the server's CA certificate before saving the connection.")
    data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    copy = data_dir / CA_COPY
    source = Path(connection.ca_file).expanduser()
    if source.resolve() != copy.resolve():
        try:
            pem = source.read_bytes()
        except OSError:
            raise InvalidInput(f"The CA certificate file {source} cannot be read.") from None
        files.write_atomically(copy, pem)
    saved = replace(connection, ca_file=copy)
    record = {"format": CONNECTION_FORMAT, "host": saved.host, "port": saved.port, "database": saved.database,
              "login": saved.login, "ca_file": CA_COPY, "extra": dict(saved.extra)}
    files.write_atomically(data_dir / CONNECTION_FILE, (json.dumps(record, indent=2) + "\n").encode())
    return saved


def saved_connection(data_dir: Path) -> ServerConnection | None:
    """The team server this data folder connects to, or None (a local store, or none yet).
    A file that cannot be read is treated as absent, and said in the log by its kind only."""
    path = data_dir / CONNECTION_FILE
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
        if record.get("format") != CONNECTION_FORMAT:
            raise ValueError("unknown format")
        ca = Path(record["ca_file"])
        return ServerConnection(str(record["host"]), str(record["database"]), str(record["login"]),
                                ca if ca.is_absolute() else data_dir / ca, int(record["port"]),
                                tuple(sorted((str(k), str(v)) for k, v in record.get("extra", {}).items())))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        log.warning("saved team server connection not read: %s", type(exc).__name__)
        return None


class LocalOnly(Enum):
    """Features of a store kept on this computer that have no meaning on the team server."""

    BACKUP = "backup"
    RECOVERY_KEY = "recovery_key"
    PASSPHRASES = "passphrases"
    REMEMBER = "remember"


_NOT_ON_SERVER = {
    LocalOnly.BACKUP: "The team server is backed up on the server by its administrator (pg_dump and "
                      "point-in-time recovery), not from this app.",
    LocalOnly.RECOVERY_KEY: "Forgotten your password? Ask your team server's administrator.",
    LocalOnly.PASSPHRASES: "On a team server, people's logins and passwords are set by the server's "
                           "administrator ('strategy-meeting server add-user'), not in this app.",
    LocalOnly.REMEMBER: "A team server password is never saved on this computer: you type it to unlock.",
}


def not_on_server(feature: LocalOnly, ctx: ServiceContext | None = None, *, server: bool | None = None) -> str | None:
    """Why ``feature`` is not offered (on a team server), or None where it is (a local store)."""
    on_server = is_server(ctx) if server is None and ctx is not None else bool(server)
    return _NOT_ON_SERVER[feature] if on_server else None
