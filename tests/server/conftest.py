# SPDX-License-Identifier: LicenseRef-Proprietary
"""A team server per test: a fresh database on the session's cluster, set up by ``server init``
as its owner, with a chair's login and representatives' logins of their own."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

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


@pytest.fixture
def team(pg_cluster, tmp_path, clock) -> Iterator[TeamServer]:  # type: ignore[no-untyped-def]
    database, _owner, owner_dsn = pg_cluster.new_database()
    team_server.init_server(owner_dsn)
    server = TeamServer(pg_cluster, database, owner_dsn, tmp_path, clock)
    yield server
    for ctx in server.opened:
        ctx.close()


@pytest.fixture
def team_chair(team: TeamServer) -> tuple[ServiceContext, User]:
    return team.session(team.add("chair", Role.CHAIR))
