# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The desktop app: QApplication set-up, the last-resort error dialog, and the start.

Only ``--data-dir``, ``--demo-data`` and ``--server`` (or ``$STRATEGY_MEETING_SERVER``: the
app runs on that team server, asking for the login's password) matter here; the command line's
other options are ignored (the CLI owns them and never imports Qt).
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from strategy_meeting import diagnostics, paths

log = logging.getLogger(__name__)

APP_NAME = "Strategy Meeting"
ORGANISATION = "Strategy Meeting"


def _parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="strategy-meeting", add_help=False)
    parser.add_argument("--data-dir")
    parser.add_argument("--demo-data", action="store_true")
    parser.add_argument("--server")
    parser.add_argument("--debug", action="store_true")  # handled by diagnostics.route
    args, _rest = parser.parse_known_args(argv)
    return args


def build_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with our name and UK English (or the existing one). The style sheet is
    set per screen (gui/style.py), not here."""
    existing = QApplication.instance()
    if existing is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = existing or QApplication(["strategy-meeting", *(argv or [])])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName(ORGANISATION)
    app.setDesktopFileName("strategy-meeting")
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    from strategy_meeting.gui import keyboard  # a visible focus frame, Enter on buttons and rows

    keyboard.install(app)
    return app


def _excepthook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """A plain apology and the exception's type in the log: never a traceback on screen,
    never a message that might quote record content."""
    if issubclass(exc_type, KeyboardInterrupt):
        QApplication.quit()
        return
    if diagnostics.debug_requested(sys.argv[1:]):  # a developer asked for the whole story
        log.error("unhandled error", exc_info=(exc_type, exc, tb))
    else:
        log.error("unhandled error: %s", exc_type.__name__)
    if QApplication.instance() is None:
        print(f"Strategy Meeting stopped after an unexpected error ({exc_type.__name__}).", file=sys.stderr)
        return
    from strategy_meeting.domain.errors import UserError

    if isinstance(exc, UserError):
        QMessageBox.warning(QApplication.activeWindow(), APP_NAME, str(exc))
        return
    QMessageBox.critical(
        QApplication.activeWindow(), APP_NAME,
        "Something went wrong and the last step was not completed. Anything already saved is safe; "
        "please try again, and tell your administrator if it happens again.",
    )


def install_excepthook() -> None:
    sys.excepthook = _excepthook


def run(argv: list[str]) -> int:
    args = _parse(argv)
    data_dir = Path(paths.data_dir(args.data_dir))
    from strategy_meeting.services import team_server

    address = team_server.address_from(args.server)
    early = None
    if address is None:
        # On a computer that remembered the store last time, the keyring lookup and the list's
        # first page begin before anything else, so they overlap with building the window.
        from strategy_meeting.gui.models.paging import PAGE_SIZE
        from strategy_meeting.services import quick_start

        early = quick_start.begin_if_remembered(data_dir, None, PAGE_SIZE)
    app = build_application()
    install_excepthook()
    server = None
    if address is not None:
        from strategy_meeting.domain.errors import UserError

        try:
            server = team_server.connection_from_address(address)
        except UserError as exc:  # an address the app cannot use: said, and nothing opened
            QMessageBox.warning(None, APP_NAME, str(exc))
            return 2
    # Imported here, after the QApplication exists: the window is on screen before the store
    # layer (SQLAlchemy) loads, which happens in the worker while the user types or the
    # keyring answers (see services/quick_start.py and tests/test_architecture.py).
    from strategy_meeting.gui.controller import AppController

    controller = AppController(data_dir, offer_demo=args.demo_data, early_start=early, server=server)
    controller.start()
    try:
        return app.exec()
    finally:
        controller.shutdown()
