# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Alembic migrations, run in-process on the already-keyed connection.

``HEAD`` names the newest revision this code knows; a store stamped with anything else that
alembic cannot find was made by a newer version and is refused (TagStudio's rule). Opening a
current store compares one value and never loads alembic, which keeps opening fast.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from strategy_meeting.domain.errors import StoreTooNew

if TYPE_CHECKING:
    from sqlalchemy import Connection

HEAD = "0010_team_server"
SCRIPT_LOCATION = Path(__file__).resolve().parent


def current_revision(conn: Connection) -> str | None:
    from sqlalchemy import inspect, text

    if not inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _config(conn: Connection):  # type: ignore[no-untyped-def]
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(SCRIPT_LOCATION))
    cfg.attributes["connection"] = conn
    return cfg


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(SCRIPT_LOCATION))
    return {rev.revision for rev in ScriptDirectory.from_config(cfg).walk_revisions()}


def upgrade(conn: Connection) -> None:
    """Bring the schema to HEAD, or refuse a store made by a newer version."""
    current = current_revision(conn)
    if current == HEAD:
        return
    if current is not None and current not in known_revisions():
        raise StoreTooNew(
            "This store was made by a newer version of Strategy Meeting. Install the newer "
            "version to open it; nothing was changed."
        )
    from alembic import command

    command.upgrade(_config(conn), "head")
