# SPDX-License-Identifier: LicenseRef-Proprietary
"""A team server for one test: a fresh database on the session's cluster (``pg_cluster``), set up
by ``server init`` as its owner, with logins of their own for a chair and representatives."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from strategy_meeting.domain.roles import Role, User
from strategy_meeting.services import team_server
from strategy_meeting.services.context import ServiceContext

LOGIN_PASSWORD = "a login passphrase for tests"


@dataclass
class TeamServer:
    cluster: object
    database: str
    owner_dsn: str
    data_dir: Path
    clock: Callable[..., object]
    opened: list[ServiceContext] = field(default_factory=list)

    def dsn(self, login: str) -> str:
        return self.cluster.dsn(login, self.database)  # type: ignore[attr-defined]

    def raw_dsn(self, login: str) -> str:
        return self.cluster.dsn(login, self.database, LOGIN_PASSWORD)  # type: ignore[attr-defined]

    def add(self, stem: str, role: Role, agency: str | None = None) -> str:
        login = self.cluster.unique(stem)  # type: ignore[attr-defined]
        team_server.add_user(self.owner_dsn, None, login, role, agency, LOGIN_PASSWORD)
        return login

    def session(self, login: str) -> tuple[ServiceContext, User]:
        ctx, actor = team_server.open_session(self.dsn(login), LOGIN_PASSWORD, self.data_dir / login,
                                              clock=self.clock)  # type: ignore[arg-type]
        self.opened.append(ctx)
        return ctx, actor


