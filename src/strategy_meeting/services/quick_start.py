# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Opening a store this computer remembers: the meetings list first, the full store after.

A remembered store needs no passphrase, so what the user waits for is the software itself,
and SQLAlchemy's import alone outlasts Qt's start. ``find`` reads the keyring entry;
``preview`` reads the newest page of the list through the store's small sqlcipher3 reader
(the same SQL and the same agency rule as the full list); ``open_session`` then opens the
full store with the same key, which is zeroed once handed over. The preview is read only and
is replaced by the full list as soon as the session is open.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from strategy_meeting.domain.errors import StoreCorrupted
from strategy_meeting.domain.meeting import MeetingSummary
from strategy_meeting.domain.roles import User

from . import meetings, session
from .context import ServiceContext, local_day

if TYPE_CHECKING:
    from strategy_meeting.store.remembered import RememberedKey


@dataclass(frozen=True)
class ListPreview:
    """The newest page of the default list (newest first, any status) for ``actor``."""

    actor: User
    total: int
    rows: list[MeetingSummary]


class RememberedStart:
    def __init__(self, remembered: RememberedKey, clock: Callable[[], datetime] | None) -> None:
        self._remembered = remembered
        self._clock = clock

    @property
    def user_name(self) -> str:
        return self._remembered.user

    def preview(self, page_size: int) -> ListPreview | None:
        """None when there is nothing safe to show before the full open: a schema that needs
        migrating, an account that is missing or disabled, or a damaged page in what the list
        reads (the full open then says why, or opens the store read only). Any other failure
        abandons the start, so the key is forgotten before the error goes up."""
        try:
            reader = self._remembered.reader()
        except StoreCorrupted:
            return None
        except BaseException:
            self.discard()
            raise
        if reader is None:
            return None
        try:
            actor = reader.user(self._remembered.user)
            if actor is None or not actor.active:
                return None
            agency = meetings.listed_agency(actor)
            now = self._clock() if self._clock else datetime.now(UTC)
            ids = reader.newest_ids(page_size, agency)
            return ListPreview(actor, reader.count(agency), reader.summaries(ids, local_day(now), agency))
        except StoreCorrupted:
            return None
        except BaseException:
            self.discard()
            raise
        finally:
            reader.close()

    def open_session(self) -> tuple[ServiceContext, User] | None:
        """The full store (None for a stale keyring entry: ask for the passphrase)."""
        store = self._remembered.open_store()
        if store is None:
            return None
        return session.session_for(store, self._remembered.user, self._clock)

    def discard(self) -> None:
        self._remembered.forget()


def find(data_dir: Path, clock: Callable[[], datetime] | None = None) -> RememberedStart | None:
    """The start for a remembered store; None when this computer does not remember it."""
    from strategy_meeting.store.remembered import find_remembered

    remembered = find_remembered(data_dir)
    return None if remembered is None else RememberedStart(remembered, clock)
