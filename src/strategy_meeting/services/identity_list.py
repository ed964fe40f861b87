# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Every signing identity in the store, as administrators review them: who, what kind, the
certificate's subject and fingerprint. The private keys never leave the store layer here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from strategy_meeting.domain.records import IdentityKind
from strategy_meeting.domain.roles import Permission, User

from .context import ServiceContext
from .users import require


@dataclass(frozen=True)
class IdentityListing:
    user_name: str
    kind: IdentityKind
    subject: str
    fingerprint_sha256: str
    created_at: datetime | None
    active: bool


def list_identities(ctx: ServiceContext, actor: User) -> list[IdentityListing]:
    require(actor, Permission.MANAGE_IDENTITIES)
    with ctx.unit_of_work() as uow:
        found = uow.identities.list()
    return [
        IdentityListing(i.user_name, i.kind, i.subject, i.fingerprint_sha256, i.created_at, i.active)
        for i in found
    ]
