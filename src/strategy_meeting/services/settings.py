# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Store-wide settings. They live inside the encrypted store (never in QSettings), so they
travel with backups and a non-administrator cannot loosen them on one computer."""

from __future__ import annotations

from strategy_meeting.domain.changes import Changes
from strategy_meeting.domain.errors import InvalidInput
from strategy_meeting.domain.roles import Permission, User

from .context import ServiceContext
from .users import require

IDLE_TIMEOUT_KEY = "idle_timeout_minutes"
DEFAULT_IDLE_TIMEOUT_MINUTES = 5
MIN_IDLE_TIMEOUT_MINUTES = 1
MAX_IDLE_TIMEOUT_MINUTES = 120


def idle_timeout_minutes(ctx: ServiceContext) -> int:
    """Minutes without input before the app locks itself. Any signed-in user may read it."""
    with ctx.unit_of_work() as uow:
        value = uow.settings.get(IDLE_TIMEOUT_KEY, DEFAULT_IDLE_TIMEOUT_MINUTES)
    try:
        minutes = int(value)
    except (TypeError, ValueError):
        return DEFAULT_IDLE_TIMEOUT_MINUTES
    # A damaged value must never switch auto-lock off.
    return min(max(minutes, MIN_IDLE_TIMEOUT_MINUTES), MAX_IDLE_TIMEOUT_MINUTES)


def set_idle_timeout_minutes(ctx: ServiceContext, actor: User, minutes: int) -> Changes:
    require(actor, Permission.MANAGE_SETTINGS)
    if isinstance(minutes, bool) or not isinstance(minutes, int):
        raise InvalidInput("The idle timeout is a whole number of minutes.")
    if not MIN_IDLE_TIMEOUT_MINUTES <= minutes <= MAX_IDLE_TIMEOUT_MINUTES:
        raise InvalidInput(
            f"The idle timeout must be between {MIN_IDLE_TIMEOUT_MINUTES} and {MAX_IDLE_TIMEOUT_MINUTES} minutes."
        )
    with ctx.unit_of_work() as uow:
        before = uow.settings.get(IDLE_TIMEOUT_KEY, DEFAULT_IDLE_TIMEOUT_MINUTES)
        uow.settings.set(IDLE_TIMEOUT_KEY, minutes)
        uow.audit.append(actor.name, "settings.update", "settings",
                         {"key": IDLE_TIMEOUT_KEY, "from": before, "to": minutes})
        uow.commit()
    return Changes(settings=True)
