# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""``ServerStore``: the team server behind the same unit of work and repositories as a local
``Store``, so the services do not know which one they run on.

What differs, and why:
- Each person connects as their own login (their password is the ``--passphrase-file``); the
  database's grants and row-level security, not the app, keep them to their agency.
- The schema is migrated by ``server init`` with the owner's address, never by a person's
  login (they hold no right to change it): a server at another revision is refused with what to
  do.
- Nothing personal is sealed on the server: a signing key is sealed on this computer under the
  login's own password (``desktop_keys``) and the server's row gets an empty key (its CHECK
  constraint refuses any other); rendering and signing run here.
- The audit head is the table's own (append-only by triggers), so there is no sidecar file.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from strategy_meeting.domain.errors import NotATeamServer, PermissionDenied, SigningError, StoreTooNew

from .. import keyring_slot, migrations
from ..unit_of_work import UnitOfWork
from ..key_slots import KdfParams
from .connection import connection_params, create_server_engine
from .desktop_keys import DesktopKeys
from .listener import ChangeListener

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from ..repositories import AuditLog

BYTE_ORDER_COLLATIONS = ("C", "POSIX", "C.UTF-8", "C.utf8", "ucs_basic")

KEYS_STAY_ON_THE_DESKTOP = (
    "Signing keys are never kept on the team server: make or import your signing identity on the "
    "computer you sign on.")


class ServerStore(keyring_slot.NamedSecrets):
    """An open connection pool to the team server as one login."""

    is_server = True

    def __init__(self, engine: Engine, data_dir: Path, login: str, store_id: str,
                 desktop_keys: DesktopKeys | None = None) -> None:
        self._engine: Engine | None = engine
        self.data_dir = data_dir
        self.user = login
        self.store_id = store_id
        self.damage = None
        self._desktop_keys = desktop_keys
        self._params: dict[str, Any] | None = None  # for a listener's connection of its own

    @classmethod
    def open(cls, dsn: str, password: str | None, data_dir: Path, login: str | None = None,
             kdf: KdfParams | None = None) -> ServerStore:
        """Connect as the login in ``dsn`` (or ``login``) with ``password`` and check the
        schema's revision."""
        params = connection_params(dsn, password, login)  # the address checked and parsed once
        engine = create_server_engine(dsn, password, login, params=params)
        try:
            with engine.connect() as conn:
                revision = migrations.current_revision(conn)
                login = str(conn.exec_driver_sql("SELECT session_user").scalar_one())
                ident = conn.exec_driver_sql(
                    "SELECT system_identifier::text || ':' || current_database() FROM pg_control_system()"
                ).scalar_one()
        except BaseException:
            engine.dispose()
            raise
        if revision != migrations.HEAD:
            engine.dispose()
            if revision is None:
                raise NotATeamServer("This database is not a Strategy Meeting team server (it has not been set "
                                     "up): check the database name, or ask the administrator to run "
                                     "'strategy-meeting server init' on it first. Nothing was changed.")
            raise StoreTooNew(f"The team server's schema is at {revision}, this version of Strategy Meeting "
                              f"needs {migrations.HEAD}: the administrator upgrades the server, or you install "
                              "the version the server was set up with. Nothing was changed.")
        data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        store_id = f"server:{ident}"
        # Without a password of the app's (libpq's own ~/.pgpass), nothing can be sealed here.
        keys = DesktopKeys(data_dir, store_id, login, password, *([kdf] if kdf else [])) if password else None
        store = cls(engine, data_dir, login, store_id, keys)
        store._params = params
        return store

    @property
    def server_name(self) -> str:
        """Host and database, as the screens name the server (never the password)."""
        params = self._params or {}
        return f"{params.get('host', '?')} / {params.get('dbname', '?')}"

    # ---- working --------------------------------------------------------------------

    @property
    def is_open(self) -> bool:
        return self._engine is not None

    def _require_engine(self) -> Engine:
        if self._engine is None:
            from strategy_meeting.domain.errors import Locked

            raise Locked("The connection to the team server is closed. Sign in again to go on.")
        return self._engine

    def unit_of_work(self, now: datetime) -> UnitOfWork:
        from sqlalchemy.orm import Session

        session = Session(self._require_engine(), expire_on_commit=False, autoflush=False)
        session.info["team_server"] = True  # decisions are read through the rationale view
        return UnitOfWork(session, now, self._after_commit, actor=self.user)

    def _after_commit(self, audit: AuditLog) -> None:
        """The server's table is the chain's own witness (append-only by its triggers)."""

    def read_audit_head(self) -> tuple[int, str] | None:
        return None

    def write_audit_head(self, seq: int, digest: str) -> None:
        """No sidecar: see ``_after_commit``."""

    def integrity_problems(self) -> list[str]:
        return []

    def watch(self, callback: Callable[[int, str], None]) -> ChangeListener:
        """Call ``callback(meeting_id, part)`` (on another thread) for each part others save."""
        self._require_engine()
        if self._params is None:
            raise RuntimeError("this store was not opened with an address to listen on")
        return ChangeListener(self._params, callback)

    # ---- what stays on the desktop ----------------------------------------------------

    def seal_personal(self, plain: bytes, purpose: str) -> bytes:
        """Seal the key on this computer (desktop_keys); what goes to the server is empty."""
        self._require_engine()
        if self._desktop_keys is None:
            raise SigningError(KEYS_STAY_ON_THE_DESKTOP)
        self._desktop_keys.seal(plain, purpose)
        return b""

    def open_personal(self, sealed: bytes, purpose: str) -> bytes:
        self._require_engine()
        if sealed or self._desktop_keys is None:  # a key on the server is never used
            raise SigningError(KEYS_STAY_ON_THE_DESKTOP)
        return self._desktop_keys.open(purpose)

    def open_own_key(self, user: str, passphrase: str) -> None:
        """The login's password opened the session; nothing more to open."""

    def set_passphrase(self, user_name: str, passphrase: str, *args: object) -> None:
        raise PermissionDenied("A team server login's password is set by the server's administrator "
                               "('strategy-meeting server add-user', or ALTER ROLE on the server).")

    def remove_passphrase(self, user_name: str) -> None:
        self.set_passphrase(user_name, "")

    def remember_on_this_computer(self, user_name: str) -> None:
        raise PermissionDenied("A team server login is not remembered on this computer: type your password.")

    def forget_on_this_computer(self) -> None:
        """Nothing is remembered for a server login."""

    def raw_key_for_backup(self) -> bytes:
        raise PermissionDenied("The team server is backed up on the server (pg_dump and point-in-time "
                               "recovery: see the administrator's guide), not from the app.")

    def close(self) -> None:
        if self._desktop_keys is not None:
            self._desktop_keys.forget()
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None


def init_server(owner_dsn: str, owner_password: str | None, now: datetime) -> str:
    """Migrate an empty database to HEAD and add the roles, grants and policies, in one
    transaction: a failure leaves the database as empty as it was. Returns the database name."""
    from sqlalchemy import inspect

    from strategy_meeting.domain.errors import InvalidInput, StoreExists

    from . import schema

    engine = create_server_engine(owner_dsn, owner_password)
    try:
        with engine.connect() as conn:
            existing = [t for t in inspect(conn).get_table_names() if t != "alembic_version"]
            if existing:
                raise StoreExists("This database already holds tables: 'server init' sets up an empty "
                                  "database only. Nothing was changed.")
            row = conn.exec_driver_sql("SELECT to_jsonb(d) FROM pg_database d "
                                       "WHERE datname = current_database()").scalar_one()
            database, collation = row["datname"], row["datcollate"]
            if row.get("datlocprovider") == "i":  # ICU: its locale decides (PostgreSQL 15, 16, 17)
                collation = row.get("daticulocale") or row.get("datlocale") or "ICU"
            if collation not in BYTE_ORDER_COLLATIONS:
                # Searches are prefix ranges over folded keys, and lists sort as the local store
                # does: both need the byte order, as SQLite's, not a language's collation.
                raise InvalidInput(
                    f"The database {database} sorts text by the '{collation}' collation; Strategy Meeting "
                    "needs byte order. Create it with LC_COLLATE 'C' (see the administrator's guide, "
                    "'The team server'). Nothing was changed.")
            migrations.upgrade(conn)
            schema.apply(conn)
            conn.commit()
        return str(database)
    finally:
        engine.dispose()


def add_server_user(owner_dsn: str, owner_password: str | None, user: Any, password: str, now: datetime) -> Any:
    """``user``'s login (SCRAM-SHA-256), its group role, its ``team_logins`` row, its ``users``
    row and the audit event, all in one transaction as the owner. Returns the stored user."""
    from sqlalchemy.orm import Session

    from ..key_slots import check_passphrase_acceptable
    from .logins import add_login

    check_passphrase_acceptable(password)
    engine = create_server_engine(owner_dsn, owner_password)
    try:
        with engine.connect() as conn:
            owner = str(conn.exec_driver_sql("SELECT session_user").scalar_one())
            if migrations.current_revision(conn) is None:
                raise StoreTooNew("This database has not been set up: run 'strategy-meeting server init' first.")
            add_login(conn, user.name, user.role, user.agency, password)
            with UnitOfWork(Session(bind=conn), now, lambda audit: None) as uow:
                stored = uow.users.add(user)
                uow.audit.append(owner, "user.add", f"user:{user.name}",
                                 {"role": user.role.value, "agency": user.agency, "server_login": True})
                uow.commit()
            conn.commit()
        return stored
    finally:
        engine.dispose()
