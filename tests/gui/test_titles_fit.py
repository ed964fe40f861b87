# SPDX-License-Identifier: LicenseRef-Proprietary
"""Every window is wide enough for its title (issue 19: "Record a\u2026Meeting" in the title bar
of the acknowledgement box, found under X11 with openbox). The title as the window manager
shows it, with the application's name Qt adds on X11, in a bold face, beside the bar's icon
and buttons; a window narrower than that is widened as it is shown (gui/window_fit.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QProgressDialog

from every_window import every_window, seed
from gui_support import make_controller, unlock, unlocked  # noqa: F401 - fixtures
from strategy_meeting.gui.window_fit import available, shown_title, title_width


def _wide_enough(window) -> bool:  # type: ignore[no-untyped-def]
    return window.width() >= min(title_width(window), available(window).width() - 32)


def test_the_small_boxes_the_app_asks_through_show_their_whole_title(unlocked, qtbot):
    parent = unlocked.main_window

    def asking(title: str, label: str, echo=QLineEdit.EchoMode.Normal) -> QInputDialog:  # type: ignore[no-untyped-def]
        box = QInputDialog(parent)
        box.setWindowTitle(title)
        box.setLabelText(label)
        box.setTextEchoMode(echo)
        return box

    boxes = [
        asking("Record acknowledgement", "Who at POLICE confirmed receipt?"),  # the distribution log's
        asking("Certificate password", "The password that protects this file (empty if none):",
               QLineEdit.EchoMode.Password),  # importing a signing identity
        QProgressDialog("Opening your signing key\u2026", "", 0, 0, parent),  # every worker step's note
        QMessageBox(QMessageBox.Icon.Information, "Nothing was generated for this meeting", "Short.",
                    QMessageBox.StandardButton.Ok, parent),
    ]
    first = boxes[0]
    assert first.sizeHint().width() < title_width(first)  # control: left alone, it would cut its title
    assert shown_title(first) == "Record acknowledgement \u2014 Strategy Meeting"
    assert shown_title(boxes[2]) == "Strategy Meeting"  # an untitled window shows the app's name
    for box in boxes:
        box.show()
        qtbot.waitExposed(box)
        assert _wide_enough(box), (box.windowTitle(), box.width(), title_width(box))
        box.close()


def test_every_window_and_dialog_shows_its_whole_title(unlocked, tmp_path):
    state = unlocked.state
    seed(state)
    narrow = [(name, window.windowTitle(), window.width(), title_width(window))
              for name, window in every_window(state, unlocked.main_window, tmp_path) if not _wide_enough(window)]
    assert narrow == []
