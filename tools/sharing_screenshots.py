# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Screenshots of issue 14's sharing screens, in a real X11 window.

    python tools/sharing_screenshots.py [--out docs/screenshots] [--size 1366x768] [--display :96]

Starts Xvfb and openbox on the display, then runs the app's own windows in this process on the
xcb platform (an empty data folder under /tmp, the fictional demonstration meetings): the
contribution dialog with no audience chosen, the same with police-sensitive terms, the reason
asked when a restriction is loosened (typed with xdotool), the decision dialog naming the
copies without its full rationale, and the sharing log. Each is taken of the whole screen
with ImageMagick's ``import -window root``.

The sharing log is shown with entries made here from the domain's ``SharingLogEntry`` (the
log's service and store come with the sharing-core branch); every name is invented.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PASSPHRASE = "violet kettle orbit sandstone"
REF = "DEMO-2026-0001"


def outside(args: argparse.Namespace) -> int:
    """Start the X server and window manager, and run the shots in a child on that display."""
    display = args.display
    if Path(f"/tmp/.X11-unix/X{display[1:]}").exists():
        raise SystemExit(f"display {display} is in use")
    procs = [subprocess.Popen(["Xvfb", display, "-screen", "0", f"{args.size}x24", "-nolisten", "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)]
    try:
        for _ in range(50):
            if Path(f"/tmp/.X11-unix/X{display[1:]}").exists():
                break
            time.sleep(0.1)
        env = {**os.environ, "DISPLAY": display}
        procs.append(subprocess.Popen(["openbox"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        time.sleep(1.0)
        env.update(QT_QPA_PLATFORM="xcb", PYTHONPATH=str(ROOT / "src"), QT_SCALE_FACTOR=args.scale)
        env.pop("STRATEGY_MEETING_PASSPHRASE", None)
        return subprocess.run([sys.executable, __file__, "--inside", "--out", str(args.out)], env=env).returncode
    finally:
        for p in reversed(procs):
            p.terminate()
            try:
                p.wait(5)
            except subprocess.TimeoutExpired:
                p.kill()


def xdo(*args: str) -> str:
    return subprocess.run(["xdotool", *args], capture_output=True, text=True).stdout.strip()


def inside(out: Path) -> int:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QScrollArea

    from strategy_meeting.domain.roles import Role
    from strategy_meeting.domain.sharing_log import SharingChangeKind, SharingItemKind, SharingLogEntry
    from strategy_meeting.domain.sharing_terms import RestrictionCategory, SharingTerms
    from strategy_meeting.gui import app as gui_app
    from strategy_meeting.gui import ops
    from strategy_meeting.gui.controller import AppController
    from strategy_meeting.gui.windows import workspace_launcher
    from strategy_meeting.services import demo, session
    from strategy_meeting.services.meetings import ItemKind
    from strategy_meeting.store import FAST_TEST_KDF

    app = gui_app.build_application()
    out.mkdir(parents=True, exist_ok=True)
    data_dir = Path(tempfile.mkdtemp(prefix="sharing-shots-")) / "data"
    ctx, actor, _recovery = session.init_store(data_dir, "chair", PASSPHRASE, Role.CHAIR_ADMINISTRATOR,
                                               kdf=FAST_TEST_KDF)
    demo.load_demo(ctx, actor)
    ctx.close()

    def settle(seconds: float = 0.8) -> None:
        end = time.time() + seconds
        while time.time() < end:
            ops.pool().waitForDone(100)
            app.processEvents()
            time.sleep(0.05)

    def shot(name: str) -> None:
        settle()
        path = out / f"sharing-{name}.png"
        subprocess.run(["import", "-window", "root", str(path)], check=True)
        print(f"saved {path}")

    def activate(widget) -> None:  # type: ignore[no-untyped-def]
        widget.raise_()
        widget.activateWindow()
        settle(0.5)

    controller = AppController(data_dir, use_keyring=False)
    controller.start()
    panel = controller.unlock_panel
    panel.passphrase.setText(PASSPHRASE)
    loop = QEventLoop()
    controller.ready.connect(loop.quit)
    QTimer.singleShot(30_000, loop.quit)
    panel.unlock_button.click()
    loop.exec()
    state = controller.state
    controller.main_window.showMinimized()
    ws = workspace_launcher.open_workspace(state, REF)
    ws.showMaximized()
    settle(1.5)
    meeting = ws.meeting
    assert meeting is not None

    # 1. A new contribution: no audience until one is chosen.
    dialog = ws.editing.edit(ItemKind.CONTRIBUTION, None, agency="POLICE")
    activate(dialog)
    dialog.ui.authorEdit.setText("DS Riley Test")
    dialog.ui.textEdit.setPlainText("Two call-outs to the address in 2025; the second for a disturbance "
                                    "reported by a neighbour. Intelligence held on the partner (not for the family).")
    shot("contribution-no-audience")

    # 2. The same with the terms chosen: named agencies, police-sensitive with the agreement,
    # the lawful basis from the list.
    editor = dialog.ui.sharingEditor
    editor.named_radio.setChecked(True)
    editor._boxes["CSC"].setChecked(True)
    editor._boxes["HEALTH"].setChecked(True)
    editor.restrictions.boxes[RestrictionCategory.POLICE_SENSITIVE].setChecked(True)
    editor.restrictions.boxes[RestrictionCategory.THIRD_PARTY].setChecked(True)
    editor.restrictions.agreed_by_edit.setText("DI Sam Example")
    editor.restrictions.agreed_on_edit.setValue(date.today())
    editor.caveat_edit.setText("Do not discuss with the partner")
    basis = editor.lawful_basis
    basis.regime_combo.setCurrentIndex(basis.regime_combo.findData("dpa2018_part3"))
    basis.condition_combo.setCurrentIndex(1)
    shot("contribution-terms")
    dialog.reject()
    settle()

    # 3. Loosening a restriction asks why: the first police item widened to every agency.
    police = next(c for c in meeting.contributions if c.agency == "POLICE")
    dialog = ws.editing.edit(ItemKind.CONTRIBUTION, police)
    activate(dialog)
    dialog.ui.sharingEditor.all_radio.setChecked(True)
    dialog.request_save()
    ask = ws.editing.reason_dialog
    if ask is not None:
        activate(ask)
        ask.reason_edit.setFocus()
        settle(0.3)
        xdo("type", "--delay", "20", "Health need the history for the child protection medical.")
        shot("loosening-reason")
        ask.reject()
    dialog.reject()
    settle()

    # 4. A decision that relied on an item some copies may not see.
    decision = next((d for d in meeting.decisions if any(
        (c := meeting.contribution(i)) is not None and c.agency == "POLICE" for i in d.relied_on)),
        meeting.decisions[0])
    dialog = ws.editing.edit(ItemKind.DECISION, decision)
    activate(dialog)
    dialog.ui.sharingEditor.all_radio.setChecked(True)
    dialog.ui.familyWordingEdit.setPlainText("Social care and the police will look into what happened, together.")
    for n in range(dialog.ui.reliedList.count()):  # rely on the police item too
        row = dialog.ui.reliedList.item(n)
        if police.id == row.data(0x0100 + 1):
            from PySide6.QtCore import Qt

            row.setCheckState(Qt.CheckState.Checked)
    shot("decision-rationale")
    dialog.findChild(QScrollArea, "dialogScroll").ensureWidgetVisible(dialog.ui.sharingEditor.seen_by_label)
    dialog.ui.sharingEditor.all_radio.setFocus()
    shot("decision-terms")
    dialog.ui.widerRationaleEdit.setPlainText("The account given at school and the injury seen support a joint "
                                              "enquiry.")
    dialog.reject()
    settle()

    # 5. The sharing log (entries made here, as the log's service will return them).
    now = datetime.now(UTC).replace(second=0, microsecond=0)
    kit = [
        (SharingItemKind.CONTRIBUTION, police.id, SharingChangeKind.SET, None, police.sharing.to_json(), "", ""),
        (SharingItemKind.CONTRIBUTION, police.id, SharingChangeKind.LOOSENED, police.sharing.to_json(),
         SharingTerms.everyone().to_json(), "", "Health need the history for the child protection medical."),
        (SharingItemKind.DECISION, decision.id, SharingChangeKind.SET, None, SharingTerms.everyone().to_json(), "",
         ""),
        (SharingItemKind.CONTRIBUTION, police.id, SharingChangeKind.SHARED, None, None, "HEALTH", ""),
        (SharingItemKind.CONTRIBUTION, police.id, SharingChangeKind.WITHHELD, None, None, "family", ""),
    ]
    entries = [SharingLogEntry(REF, kind, item, change, now + timedelta(minutes=7 * n), state.actor.label, before,
                               after, recipient, reason)
               for n, (kind, item, change, before, after, recipient, reason) in enumerate(kit)]
    ws.show_section("copies")
    section = ws.sections["copies"]
    section.upper_tabs.setCurrentWidget(section.sharing_log)
    section.sharing_log.show_entries(entries, meeting)
    activate(ws)
    shot("sharing-log")

    ws.close()
    controller.shutdown()
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--size", default="1366x768")
    parser.add_argument("--scale", default="1.0")
    parser.add_argument("--display", default=":96")
    parser.add_argument("--inside", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.inside:
        return inside(args.out)
    return outside(args)


if __name__ == "__main__":
    raise SystemExit(main())
