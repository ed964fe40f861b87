# SPDX-License-Identifier: LicenseRef-Proprietary
"""Shared fixtures: one encrypted template store made per session and copied per test (so the
key derivation does not run in every test), a fixed clock, and actors for each role."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from hypothesis import HealthCheck, settings  # noqa: E402

# No per-example deadline (a loaded 2-core machine is slow, not wrong). In CI the examples are
# derandomised, so a landing run repeats exactly what was run before it.
settings.register_profile("default", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("ci", parent=settings.get_profile("default"), derandomize=True, database=None)
settings.load_profile("ci" if os.environ.get("CI") else "default")

from strategy_meeting.domain.roles import Role, User  # noqa: E402
from strategy_meeting.services import session  # noqa: E402
from strategy_meeting.services.context import ServiceContext  # noqa: E402
from strategy_meeting.store import FAST_TEST_KDF  # noqa: E402

PASSPHRASE = "correct horse battery staple"
ADMIN_PASSPHRASE = PASSPHRASE + " admin"
FIXED_NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
EXAMPLE = Path(__file__).parent / "data" / "sd-example.json"


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, now: datetime = FIXED_NOW) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture(scope="session")
def template_store(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    directory = tmp_path_factory.mktemp("template") / "data"
    ctx, actor, recovery = session.init_store(directory, "chair", PASSPHRASE, Role.CHAIR, kdf=FAST_TEST_KDF,
                                              clock=Clock())
    from strategy_meeting.services import users

    users.add_user(ctx, _admin_bootstrap(ctx), "admin", Role.ADMINISTRATOR, ADMIN_PASSPHRASE)
    ctx.close()
    return directory, recovery


def _admin_bootstrap(ctx: ServiceContext) -> User:
    # The first user is a chair; the template also needs an administrator, added as the system.
    return User("system", Role.ADMINISTRATOR)


@pytest.fixture
def data_dir(template_store: tuple[Path, str], tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(template_store[0], target)
    return target


@pytest.fixture
def recovery_key(template_store: tuple[Path, str]) -> str:
    return template_store[1]


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def opened(data_dir: Path, clock: Clock) -> Iterator[tuple[ServiceContext, User]]:
    ctx, actor = session.open_session(data_dir, PASSPHRASE, clock=clock)
    yield ctx, actor
    ctx.close()


@pytest.fixture
def ctx(opened: tuple[ServiceContext, User]) -> ServiceContext:
    return opened[0]


@pytest.fixture
def chair(opened: tuple[ServiceContext, User]) -> User:
    return opened[1]


@pytest.fixture
def admin(ctx: ServiceContext) -> User:
    from strategy_meeting.services import users

    return users.resolve(ctx, "admin")


# ---- the team server (issue 17): a real PostgreSQL cluster, one per test session -------------


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[object]:
    """A PostgreSQL cluster on a loopback port, TLS only (verify-full against a test CA),
    SCRAM-SHA-256 only. Skipped only when the PostgreSQL binaries are not installed."""
    import pg_cluster as pgc

    missing = pgc.missing_binaries()
    if missing:
        pytest.skip(f"PostgreSQL server binaries not installed ({', '.join(missing)}): "
                    "install Debian's postgresql package (.ci/run does)")
    cluster = pgc.PgCluster.create()
    try:
        yield cluster
    finally:
        cluster.destroy()


@pytest.fixture
def team(pg_cluster, tmp_path: Path, clock: Clock) -> Iterator[object]:  # type: ignore[no-untyped-def]
    """A fresh database on the cluster, set up by ``server init``; ``team.add`` makes logins."""
    from strategy_meeting.services import team_server
    from team_support import TeamServer

    database, _owner, owner_dsn = pg_cluster.new_database()
    team_server.init_server(owner_dsn)
    server = TeamServer(pg_cluster, database, owner_dsn, tmp_path, clock)
    yield server
    for opened_ctx in server.opened:
        opened_ctx.close()


@pytest.fixture
def team_chair(team) -> tuple[ServiceContext, User]:  # type: ignore[no-untyped-def]
    return team.session(team.add("chair", Role.CHAIR))
