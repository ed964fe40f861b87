# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""What a store made by an older version holds that the trust model (DESIGN.md section 7) no
longer allows, put right at its first open by this version, each change an audit event.

- An agency representative's account: every account of a local store unwraps the one data key,
  so a representative could read what their agency may not see. They contribute by the request
  form (or the team server) instead; the account is disabled, not deleted, so the audit log's
  names still resolve.
- A signing key kept as plain PEM: any account could have signed with it. It cannot be sealed
  to its holder without the holder's own secret, so it is retired (the certificate stays, so
  copies signed with it still check as this record's) and the holder makes or imports a new one.

Run by ``Store`` after migrations, not as an alembic data migration: the audit chain's hashes
are the repositories' to compute.
"""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import Connection, text

from strategy_meeting.domain.roles import Role

from .key_slots import SEALED_PREFIX
from .unit_of_work import UnitOfWork

ACTOR = "system"  # the audit log's name for what the app does on its own at an upgrade


def needs_upgrade_sql(conn: Connection) -> bool:
    """Whether ``apply`` has anything to do: one indexed read, run at every open."""
    row = conn.execute(text(
        "SELECT EXISTS (SELECT 1 FROM users WHERE role = :rep AND active) "
        "OR EXISTS (SELECT 1 FROM signing_identities WHERE length(private_key_pem) > 0 "
        "AND substr(private_key_pem, 1, :n) != :prefix)"),
        {"rep": Role.AGENCY_REP.value, "n": len(SEALED_PREFIX), "prefix": SEALED_PREFIX},
    ).first()
    return bool(row and row[0])


def apply(uow: UnitOfWork) -> int:
    """Disable representatives' accounts and retire unsealed keys; returns how many changed."""
    changed = 0
    for user in uow.users.list():
        if user.role is Role.AGENCY_REP and user.active:
            uow.users.update(replace(user, active=False))
            uow.audit.append(ACTOR, "user.disable", f"user:{user.name}",
                             {"reason": "agency representatives have no account in a local store"})
            changed += 1
    for identity in uow.identities.list():
        if identity.id is not None and _unsealed(identity.private_key_pem):
            uow.identities.retire_unsealed(identity.id)
            uow.audit.append(ACTOR, "identity.retire_unsealed", f"identity:{identity.user_name}",
                             {"fingerprint_sha256": identity.fingerprint_sha256})
            changed += 1
    return changed


def _unsealed(private_key: bytes) -> bool:
    return bool(private_key) and not private_key.startswith(SEALED_PREFIX)
