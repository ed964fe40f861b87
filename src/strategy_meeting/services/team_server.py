# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The team server (issue 17): set it up, add people's logins, and open a session as one.

Set-up runs with the database owner's address (the administrator's credential, given once by
whoever runs the PostgreSQL server); each person then works as their own login, and the
database keeps them to their role and agency. A session on the server is a ``ServiceContext``
like a local one, so every other service works on it unchanged.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from strategy_meeting.domain.changes import Changes
from strategy_meeting.domain.errors import InvalidInput
from strategy_meeting.domain.roles import Role, User

from . import users
from .context import ServiceContext


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
    return bool(getattr(ctx.store, "is_server", False))


def watch(ctx: ServiceContext, on_change: Callable[[Changes], None]) -> Callable[[], None]:
    """Call ``on_change`` (on a thread of its own) with what each colleague's save on the team
    server changed, as it commits; returns the function that stops it. Nothing to watch on a
    local store (one person at a time)."""
    if not is_server(ctx):
        return lambda: None

    def announce(meeting_id: int, part: str) -> None:
        on_change(Changes(meetings=frozenset({meeting_id}), meeting_list=True, actions=part == "actions"))

    return ctx.store.watch(announce).stop  # type: ignore[attr-defined]
