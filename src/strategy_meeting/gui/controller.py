# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""From start to unlocked and back: first-run wizard, keyring, unlock screen, auto-lock.

The controller owns the ``AppState``, the main window and the idle watcher. Locking drops
the services (``AppState.lock`` closes the store, which zeroes its key) and every window
hides the record; windows are never destroyed, so unsaved typing survives. When a
different user unlocks, the previous user's meeting windows are closed first: what they had
open may not be the new user's to see.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from strategy_meeting.domain.changes import Changes
from strategy_meeting.domain.errors import UserError
from strategy_meeting.domain.roles import User
from strategy_meeting.gui import ops
from strategy_meeting.gui.after_paint import call_after_paint
from strategy_meeting.gui.app_state import AppState
from strategy_meeting.gui.backup_menu import backup_on_exit
from strategy_meeting.gui.idle import IdleWatcher
from strategy_meeting.gui.windows import workspace_launcher
from strategy_meeting.gui.windows.main_window import MainWindow
from strategy_meeting.gui.models.paging import PAGE_SIZE
from strategy_meeting.services import quick_start, session, settings, team_server
from strategy_meeting.services.context import ServiceContext
from strategy_meeting.services.team_server import ServerConnection

if TYPE_CHECKING:
    from strategy_meeting.gui.widgets.unlock_panel import UnlockPanel

MINUTE_MS = 60_000
# A remembered store's list normally shows well within this; a keyring slower than that (one
# asking for its own password, say) gets the unlock screen beside it, so the passphrase can be
# typed instead of waited for.
OPENING_PATIENCE_MS = 1500
log = logging.getLogger(__name__)


def find_demo_loader() -> Callable[[ServiceContext, User], Any] | None:
    """``load_demo(ctx, actor)``: the demonstration meetings (imported when first offered, so
    a start that offers none does not load them)."""
    from strategy_meeting.services import demo

    return demo.load_demo


class AppController(QObject):
    ready = Signal()  # the main window is showing the unlocked record

    def __init__(
        self,
        data_dir: Path,
        *,
        offer_demo: bool = False,
        idle_timeout_ms: int | None = None,
        clock: Callable[[], datetime] | None = None,
        use_keyring: bool = True,
        wizard_create: Callable[..., Any] | None = None,
        early_start: quick_start.EarlyStart | None = None,
        server: ServerConnection | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._early_start = early_start  # begun before this was imported (gui/app.py)
        self.data_dir = data_dir
        self.offer_demo = offer_demo
        self._fixed_timeout_ms = idle_timeout_ms
        self._clock = clock
        self._use_keyring = use_keyring
        self._wizard_create = wizard_create
        self.state = AppState(data_dir, self)
        self.state.lock_handler = self.lock  # a meeting window's Lock goes through here too
        self.state.unlock_handler = self.unlock_with  # and its unlock screen (issue 19)
        self.state.clock = clock
        # The team server this app runs on (``--server``, or the connection the first-run
        # wizard saved in the data folder, found at start), or None for a local store.
        self.state.server = server
        self._previous_user: str | None = None
        # A remembered store's start is not to be used when it lands: locked during its
        # preview, or the app was unlocked another way meanwhile (a passphrase typed first).
        self._start_abandoned = False
        # The remembered start, once found: its key is zeroed at shutdown whatever became of
        # it (a full open that never began leaves the key only here).
        self._start: quick_start.RememberedStart | None = None
        self._closing = False  # set by shutdown: a late start-up answer is closed, not used
        self.idle = IdleWatcher(idle_timeout_ms or 5 * MINUTE_MS, self)
        self.idle.idle.connect(self.lock)
        # Built when first needed: at once on a passphrase start, but on a remembered one only
        # if the keyring does not open the store or the user locks (see the property).
        self._unlock_panel: UnlockPanel | None = None
        self.main_window: MainWindow | None = None
        self.wizard: Any = None
        self.state.bus.changed.connect(self._on_changes)

    @property
    def server(self) -> ServerConnection | None:
        return self.state.server

    @server.setter
    def server(self, connection: ServerConnection | None) -> None:
        self.state.server = connection

    @property
    def unlock_panel(self) -> UnlockPanel:
        return self._ensure_unlock_panel()

    def _ensure_unlock_panel(self) -> UnlockPanel:
        """The unlock screen, built on first use and put in the main window. A remembered
        store opens without it: its window says the record is opening, and the screen's build
        (a style sheet polishing a dozen widgets) stays off the way to the list."""
        if self._unlock_panel is None:
            from strategy_meeting.gui.widgets.unlock_panel import UnlockPanel

            panel = UnlockPanel(self.data_dir, clock=self._clock, last_user=lambda: self._previous_user,
                                server=self.server)
            panel.unlocked.connect(self.unlock_with)
            self._unlock_panel = panel
            if self.main_window is not None:
                self.main_window.set_unlock_panel(panel)
        return self._unlock_panel

    # ---- start ----------------------------------------------------------------------

    def start(self) -> None:
        early, self._early_start = self._early_start, None
        if self.server is None:
            self.server = team_server.saved_connection(self.data_dir)
        if self.server is not None:
            # A team server: no keyring, no store file to preview; the unlock screen asks for
            # the login's password, and the store layer loads while it is typed.
            if early is not None:
                ops.run_op(None, early.result, self._discard_found, on_error=self._keyring_failed)
            self._ensure_main_window().show()
            call_after_paint(self.unlock_panel, self._load_store_layer)
            return
        if not session.has_store(self.data_dir):
            if early is not None:  # begun on a store that has gone since: its key is not used
                ops.run_op(None, early.result, self._discard_found, on_error=self._keyring_failed)
            self.show_setup_wizard()
            return
        if early is None and self._use_keyring:
            early = quick_start.begin_if_remembered(self.data_dir, self._clock, PAGE_SIZE)
        if early is not None:
            # This computer remembered the store last time: its list is what the user waits
            # for, and it is read while the window is built (services/quick_start.py).
            ops.run_op(None, early.result, self._remembered_found, on_error=self._keyring_failed)
        window = self._ensure_main_window(unlock_screen=early is None)
        window.show()
        if early is not None:
            QTimer.singleShot(OPENING_PATIENCE_MS, self, self._opening_slowly)
            return
        # Otherwise background work waits for the first paint (gui/after_paint.py): the unlock
        # screen is up at once, then the worker asks the system keyring (finding its backend
        # alone takes most of a second) or, with no keyring to ask, loads the store layer
        # while the user types. A remembered store shows the newest page of the list first,
        # read without SQLAlchemy, and the full store opens after that has painted.
        if self._use_keyring:
            data_dir, clock = self.data_dir, self._clock
            call_after_paint(self.unlock_panel, lambda: ops.run_op(
                window, lambda: quick_start.find_with_preview(data_dir, clock, PAGE_SIZE),
                self._remembered_found, on_error=self._keyring_failed))
        else:
            call_after_paint(self.unlock_panel, self._load_store_layer)

    def _load_store_layer(self) -> None:
        if self.main_window is not None:
            ops.run_op(self.main_window, session.load_store_layer,
                       on_error=lambda exc: log.warning("store layer not preloaded: %s", type(exc).__name__))

    def _discard_found(self, found: quick_start.FoundStart | None) -> None:
        if found is not None:
            found[0].discard()

    def _remembered_found(self, found: quick_start.FoundStart | None) -> None:
        if found is None:
            self._ask_for_passphrase()  # not remembered here (any more)
            self._load_store_layer()
            return
        start, preview = found
        self._start = start
        if not self.state.is_locked or self._closing or self._start_abandoned:
            start.discard()  # the user typed their passphrase first, or the app is closing
            return
        window = self._ensure_main_window()

        def open_fully() -> None:
            if self._closing:
                start.discard()
                return
            ops.run_op(window, start.open_session, self._keyring_answered, on_error=self._remembered_failed)

        if preview is not None and window.show_preview(preview):
            call_after_paint(window.meetings.table.viewport(), open_fully)
        else:
            open_fully()

    def _remembered_failed(self, exc: BaseException) -> None:
        self._start_abandoned = False
        self._ask_for_passphrase()
        if self.main_window is not None:
            self.main_window.end_preview()
        self._keyring_failed(exc)  # the unlock screen says what is wrong when the passphrase is typed

    def _keyring_answered(self, opened: tuple[ServiceContext, User] | None) -> None:
        abandoned, self._start_abandoned = self._start_abandoned, False
        if opened is None:
            self._ask_for_passphrase()
            if self.main_window is not None:
                self.main_window.end_preview()
            return  # a stale entry: the passphrase it is
        if not self.state.is_locked or self._closing or abandoned:
            # The user typed their passphrase first (and may have locked again since), locked
            # during the preview, or is quitting.
            opened[0].close()
            return
        self.unlock_with(*opened)

    def _keyring_failed(self, exc: BaseException) -> None:
        # A damaged, foreign or unreadable entry: ask for the passphrase (or the recovery key);
        # never create a new store. Only the kind of failure is logged.
        log.warning("keyring unlock not used: %s", type(exc).__name__)
        self._ask_for_passphrase()

    def _opening_slowly(self) -> None:
        if self.main_window is not None and not self.main_window.is_previewing:
            self._ask_for_passphrase()

    def _ask_for_passphrase(self) -> None:
        """The remembered start will not unlock the app: the unlock screen takes its place."""
        if self.state.is_locked and not self._closing:
            self._ensure_unlock_panel()

    def _ensure_main_window(self, *, unlock_screen: bool = True) -> MainWindow:
        if self.main_window is None:
            panel = self.unlock_panel if unlock_screen else self._unlock_panel
            self.main_window = MainWindow(self.state, panel)
            self.main_window.lock_requested.connect(self.lock)
            self.main_window.restored.connect(self.unlock_with)
        return self.main_window

    def show_setup_wizard(self) -> None:
        from strategy_meeting.gui.dialogs.setup_wizard import SetupWizard

        loader = find_demo_loader() if self.offer_demo else None
        kwargs = {"create": self._wizard_create} if self._wizard_create else {}
        self.wizard = SetupWizard(self.data_dir, demo_available=loader is not None, clock=self._clock, **kwargs)
        self.wizard.finished.connect(self._wizard_finished)
        self.wizard.show()

    def _wizard_finished(self, result: int) -> None:
        wizard = self.wizard
        ctx, actor = wizard.ctx, wizard.actor
        if ctx is None:
            QApplication.quit()  # cancelled before anything was created
            return
        remember = result and wizard.remember_requested
        demo = result and wizard.demo_requested
        if wizard.on_server:
            self.server = team_server.saved_connection(self.data_dir)  # as saved: the CA's copy
        wizard.deleteLater()
        self.wizard = None
        window = self._ensure_main_window()
        window.show()
        if not result:
            ctx.close()  # the store exists; unlocking it is the normal path from here
            return
        if remember:
            ops.run_now(window, lambda: session.remember_on_this_computer(ctx, actor))
        self.unlock_with(ctx, actor)
        loader = find_demo_loader() if demo else None
        if loader is not None:
            # The loader returns the meetings it added; what they change is announced by the op.
            ops.run_op(window, lambda: (loader(ctx, actor),
                                        Changes(meeting_list=True, actions=True, agencies=True)),
                       progress=self.tr("Loading the demonstration meetings…"))

    # ---- unlock and lock ------------------------------------------------------------

    def unlock_with(self, ctx: ServiceContext, actor: User) -> None:
        # Opened: a remembered start still on its way is closed when it lands, even if the
        # app has been locked again by then (the user locked it; it must not unlock itself).
        self._start_abandoned = True
        if self._previous_user is not None and self._previous_user != actor.name:
            workspace_launcher.close_all()
        self._previous_user = actor.name
        # Whatever was typed on the unlock screen (a remembered store may open while someone
        # types) does not stay in a hidden field for the whole session.
        if self._unlock_panel is not None:
            self._unlock_panel.passphrase.clear()
        # Read before set_unlocked, whose listeners queue the list's search in the worker: a
        # unit of work takes the store's write lock as it begins, and this read would wait
        # behind that search (half a second for 100,000 meetings) with the window frozen.
        self._apply_idle_timeout(ctx)
        self.state.set_unlocked(ctx, actor)
        self._watch_input(True)
        self.idle.start()
        window = self._ensure_main_window()
        window.show()
        window.raise_()
        self.ready.emit()

    def _apply_idle_timeout(self, ctx: ServiceContext | None = None) -> None:
        if self._fixed_timeout_ms is not None:
            self.idle.set_timeout_ms(self._fixed_timeout_ms)
            return
        try:
            self.idle.set_timeout_ms(settings.idle_timeout_minutes(ctx or self.state.ctx) * MINUTE_MS)
        except UserError:
            self.idle.set_timeout_ms(settings.DEFAULT_IDLE_TIMEOUT_MINUTES * MINUTE_MS)

    def lock(self) -> None:
        if self.state.is_locked:
            if self.main_window is not None and (self.main_window.is_previewing or self._unlock_panel is None):
                # Locked while a remembered store was still opening: hide the rows (if they
                # are up yet) and ask for the passphrase; the full open, when it arrives, is
                # closed instead of unlocking the app.
                self._start_abandoned = True
                self._ensure_unlock_panel()
                self.main_window.end_preview()
            return
        self.idle.stop()
        self._watch_input(False)
        self._ensure_unlock_panel()  # the locked window shows it
        self.state.lock()
        if self.main_window is not None:
            self.main_window.show()

    def _watch_input(self, on: bool) -> None:
        """The idle watcher sees every input event only while the record is open. An
        application-wide Python event filter is called for every event of every object, and
        each call makes PySide build a wrapper (and, for Qt's private classes, its whole type
        table): at start-up that doubled the first screen's cost, and a locked app has nothing
        to lock."""
        app = QApplication.instance()
        if app is None:
            return
        app.removeEventFilter(self.idle)  # never twice: a second install would double the calls
        if on:
            app.installEventFilter(self.idle)

    def _on_changes(self, changes: Changes) -> None:
        if changes.settings and not self.state.is_locked:
            self._apply_idle_timeout()

    def shutdown(self) -> None:
        """Quit cleanly: queued jobs are dropped and a running one finishes before the store
        closes under it (a query cut off mid-way would hold the process open)."""
        self._closing = True
        self.idle.stop()
        self._watch_input(False)
        ops.pool().clear()
        ops.pool().waitForDone(30_000)
        # The event loop has ended, so a job that finished meanwhile has its answer still
        # queued: deliver it now, so that a store the remembered start opened in the worker is
        # closed (its key zeroed) instead of being left open at exit.
        QCoreApplication.sendPostedEvents()
        if self._start is not None:
            self._start.discard()  # already zeroed if the full open ran; if not, now
        if not self.state.is_locked:
            # A day-old store is backed up before the app lets go of it (issue 6).
            backup_on_exit(self.main_window, self.state)
            self.state.lock()


