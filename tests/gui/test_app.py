# SPDX-License-Identifier: LicenseRef-Proprietary
"""The application object and the last-resort error dialog."""

from __future__ import annotations

import logging

from PySide6.QtCore import QLocale, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from gui_support import make_controller  # noqa: F401 - fixture
from strategy_meeting.gui import app as gui_app


def test_application_is_named_in_uk_english_and_styles_only_the_screens_that_use_it(qapp, tmp_path):
    from strategy_meeting.gui.style import style_sheet
    from strategy_meeting.gui.widgets.unlock_panel import UnlockPanel

    app = gui_app.build_application()
    assert app.applicationName() == "Strategy Meeting" and app.organizationName() == "Strategy Meeting"
    assert QLocale().name() == "en_GB"
    # No application-wide sheet (it would slow every widget); the screens take it themselves.
    assert app.styleSheet() == "" and "lockedTitle" in style_sheet()
    assert UnlockPanel(tmp_path).styleSheet() == style_sheet()


def test_an_unexpected_error_shows_a_plain_dialog_and_logs_only_its_type(qapp, caplog):
    seen: list[str] = []

    def close_dialog() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.close()
        else:
            QTimer.singleShot(20, close_dialog)

    QTimer.singleShot(20, close_dialog)
    with caplog.at_level(logging.ERROR):
        try:
            raise ValueError("ZZLEAK-child-name-in-the-message")
        except ValueError as exc:
            gui_app._excepthook(type(exc), exc, exc.__traceback__)  # noqa: SLF001
    assert seen and "Something went wrong" in seen[0] and "ZZLEAK" not in seen[0]
    assert "ValueError" in caplog.text and "ZZLEAK" not in caplog.text


def test_demo_offer_is_hidden_when_this_build_has_no_demonstration_meetings(make_controller, tmp_path):
    from strategy_meeting.gui.controller import find_demo_loader

    controller = make_controller(tmp_path / "empty", offer_demo=True)
    controller.start()
    assert (not controller.wizard.finish_page.demo.isHidden()) == (find_demo_loader() is not None)


def test_command_line_options_for_the_app(tmp_path):
    args = gui_app._parse(["--data-dir", str(tmp_path), "--demo-data", "--user", "x"])  # noqa: SLF001
    assert args.data_dir == str(tmp_path) and args.demo_data
