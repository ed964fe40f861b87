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

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from strategy_meeting.domain.errors import StoreCorrupted
from strategy_meeting.domain.listing import listed_agency
from strategy_meeting.domain.roles import User
from strategy_meeting.store import layout

from .context import ServiceContext, local_day
from .governance import restriction

if TYPE_CHECKING:
    from strategy_meeting.domain.listing import MeetingSummary
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
            agency = listed_agency(actor)
            now = self._clock() if self._clock else datetime.now(UTC)
            ids = reader.newest_ids(page_size, agency)
            rows = restriction.masked(reader.summaries(ids, local_day(now), agency),
                                      reader.restricted_references(ids), actor)  # issue 16
            return ListPreview(actor, reader.count(agency), rows)
        except StoreCorrupted:
            return None
        except BaseException:
            self.discard()
            raise
        finally:
            reader.close()

    def open_session(self) -> tuple[ServiceContext, User] | None:
        """The full store (None for a stale keyring entry: ask for the passphrase)."""
        from . import session

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


FoundStart = tuple[RememberedStart, ListPreview | None]


def find_with_preview(data_dir: Path, clock: Callable[[], datetime] | None, page_size: int) -> FoundStart | None:
    """``find``, and when it finds the store remembered, the list's first page too."""
    found = find(data_dir, clock)
    return None if found is None else (found, found.preview(page_size))


def likely_remembered(data_dir: Path) -> bool:
    """Whether the last start found this store remembered here (a timing hint only)."""
    return layout.remembered_hint(data_dir)


def begin_if_remembered(data_dir: Path, clock: Callable[[], datetime] | None, page_size: int) -> EarlyStart | None:
    """The early start on a computer that remembered the store last time; None elsewhere,
    where the keyring is asked only once the unlock screen has painted."""
    return EarlyStart(data_dir, clock, page_size) if likely_remembered(data_dir) else None


class EarlyStart:
    """``find_with_preview`` on its own thread from the first moment of start-up.

    On a computer that remembers the store, the keyring lookup and the list's first page are
    the longest part of the start, and most of the page read runs in SQLite with Python's
    lock released; begun before the window is built, it is usually done by the time the
    window first paints, which then shows the list straight away. ``result`` waits for it
    (in the worker, never on the GUI thread) and returns what ``find_with_preview`` returned
    or raises what it raised.
    """

    def __init__(self, data_dir: Path, clock: Callable[[], datetime] | None, page_size: int) -> None:
        self._done = threading.Event()
        self._found: FoundStart | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(data_dir, clock, page_size),
                                        name="remembered-start", daemon=True)
        self._thread.start()

    def _run(self, data_dir: Path, clock: Callable[[], datetime] | None, page_size: int) -> None:
        try:
            self._found = find_with_preview(data_dir, clock, page_size)
        except BaseException as exc:  # noqa: BLE001 - handed to whoever asks for the result
            self._error = exc
        finally:
            self._done.set()

    def result(self) -> FoundStart | None:
        self._done.wait()
        if self._error is not None:
            raise self._error
        return self._found
