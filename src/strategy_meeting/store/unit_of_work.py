# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""One session and one transaction per service call: commit whole or roll back whole."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from types import TracebackType

import sqlcipher3
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from strategy_meeting.domain.errors import PermissionDenied, StoreCorrupted

from .engine import WRITABLE_TRANSACTION, as_damage, as_read_only_refusal, as_write_failure, read_only_refusal
from .governance_repository import GovernanceRepository
from .repositories import (
    AgencyDirectory,
    AuditLog,
    CopyRepository,
    DistributionRepository,
    FormTokenRepository,
    IdentityRepository,
    MeetingRepository,
    SettingsRepository,
    SharingLogRepository,
    UserRepository,
)


def _server_refusal(exc: BaseException) -> PermissionDenied | None:
    """The team server refused a statement for this login (SQLSTATE 42501: a privilege not
    granted, a row its row-level security does not allow, an append-only audit table)."""
    orig = getattr(exc, "orig", None) or exc
    if getattr(orig, "sqlstate", None) == "42501":
        return PermissionDenied(
            "The team server does not let your login do this: your role or agency may not. Nothing was saved.")
    return None


class UnitOfWork:
    """Use as ``with store.unit_of_work(now) as uow: ...; uow.commit()``.

    Leaving the block without ``commit()`` (or by an exception) rolls everything back, so a
    failed call never leaves half a record behind.
    """

    def __init__(self, session: Session, now: datetime, on_commit: Callable[[AuditLog], None],
                 on_damage: Callable[[StoreCorrupted], None] = lambda problem: None,
                 read_only: Callable[[], bool] = lambda: False, actor: str = "") -> None:
        self._session = session
        self._read_only = read_only
        self._on_commit = on_commit
        self._on_damage = on_damage
        self.now = now
        # ``actor``: who opened the store (a local store's unlocking user, a server's login),
        # recorded as who changed each meeting part.
        self.meetings = MeetingRepository(session, now, actor)
        self.users = UserRepository(session, now)
        self.agencies = AgencyDirectory(session)
        self.identities = IdentityRepository(session, now)
        self.copies = CopyRepository(session)
        self.distributions = DistributionRepository(session)
        self.form_tokens = FormTokenRepository(session)
        self.settings = SettingsRepository(session)
        self.audit = AuditLog(session, now)
        self.governance = GovernanceRepository(session, now)
        self.sharing_log = SharingLogRepository(session)
        self._committed = False

    def __enter__(self) -> UnitOfWork:
        return self

    def commit(self) -> None:
        # A unit of work that took the write lock before another found the store damaged
        # (it waited for that lock) must not commit to the damaged file after it; one that
        # began read only may commit, as there is nothing in it to write.
        if (self._read_only() and self._session.in_transaction()
                and self._session.connection().info.get(WRITABLE_TRANSACTION, False)):
            raise read_only_refusal()
        self._session.commit()
        self.audit.transaction_ended()  # the audit lock went with the transaction
        self._committed = True
        self._on_commit(self.audit)

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        try:
            if not self._committed:
                self._session.rollback()
            self._session.close()
        except (DBAPIError, sqlcipher3.Error):
            if exc is None:
                raise
        # A page that fails its check surfaces here as a driver error (sqlcipher3's own class:
        # SQLAlchemy's sqlite dialect does not wrap it): say "damaged, restore from a backup"
        # instead of letting a traceback reach the user (security test 36).
        if exc is not None:
            denied = _server_refusal(exc)
            if denied is not None:
                raise denied from exc
            refused = as_read_only_refusal(exc)
            if refused is not None:
                raise refused from exc
            full = as_write_failure(exc)
            if full is not None:
                raise full from exc
            problem = as_damage(exc)
            if problem is not None:
                self._on_damage(problem)  # the store reads only from now on
                raise problem from exc
