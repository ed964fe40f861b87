# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Screenshots of Tools -> Records governance…, taken in a real X11 window on fictional data.

    Xvfb :98 -screen 0 1366x900x24 &  DISPLAY=:98 openbox &
    DISPLAY=:98 QT_QPA_PLATFORM=xcb python tools/governance_screenshots.py [--out docs/screenshots]

Each shot is the whole screen (``import -window root``, ImageMagick), so the window manager's
frame and what the dialog really looks like at its size are in it. Every name is invented.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("QT_QPA_PLATFORM", "xcb")

from PySide6.QtCore import QSize  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from strategy_meeting.domain.meeting import HouseholdMember, Meeting, Person, Referral, SubjectChild  # noqa: E402
from strategy_meeting.domain.meeting import ConcernCategory  # noqa: E402
from strategy_meeting.domain.agency import Agency, AgencyKind  # noqa: E402
from strategy_meeting.domain.contribution import Contribution, Topic  # noqa: E402
from strategy_meeting.domain.retention import CountedFrom  # noqa: E402
from strategy_meeting.domain.roles import Role, User  # noqa: E402
from strategy_meeting.domain.sharing_terms import SharingTerms  # noqa: E402
from strategy_meeting.domain.subject_access import ExemptionGround  # noqa: E402
from strategy_meeting.gui import app as gui_app  # noqa: E402
from strategy_meeting.gui import ops  # noqa: E402
from strategy_meeting.gui.controller import AppController  # noqa: E402
from strategy_meeting.services import meetings, session, users  # noqa: E402
from strategy_meeting.services.governance import holds, retention  # noqa: E402
from strategy_meeting.services.governance import subject_access as sar  # noqa: E402
from strategy_meeting.store import FAST_TEST_KDF  # noqa: E402

PASSPHRASE = "violet kettle orbit sandstone"
ADMIN_PASSPHRASE = "amber lantern quarry meadow"
IG_PASSPHRASE = "copper heron valley lantern"


def _meeting(reference: str, held: date, child: str, born: date, mother: str, text: str) -> Meeting:
    return Meeting(
        reference=reference,
        held_at=datetime(held.year, held.month, held.day, 10, tzinfo=UTC),
        chair=Person("Alex Example", "CSC", "Team Manager"),
        referral=Referral(datetime(held.year, held.month, held.day, 8, tzinfo=UTC),
                          "Fictional referral for the screenshots.", "EDU", [ConcernCategory.NEGLECT]),
        location="Video call",
        children=[SubjectChild("c1", child, date_of_birth=born)],
        household=[HouseholdMember("p1", mother, "mother", True)],
        agencies=[Agency("CSC", "Children's Social Care", AgencyKind.SOCIAL_CARE, "csc@example.org"),
                  Agency("POLICE", "Police Child Abuse Investigation Team", AgencyKind.POLICE, "cait@example.org"),
                  Agency("EDU", "Sampletown Primary School", AgencyKind.EDUCATION, "dsl@example.org")],
        contributions=[
            Contribution("k1", "EDU", Topic.CURRENT_CONCERNS, text, SharingTerms.everyone(), author="Taylor Sample"),
            Contribution("k2", "POLICE", Topic.HISTORY, "Fictional police history.", SharingTerms.only("CSC", "POLICE"),
                         author="Riley Police"),
        ],
    )


def seed(data_dir: Path) -> None:
    ctx, chair, _ = session.init_store(data_dir, "a.example", PASSPHRASE, Role.CHAIR, display_name="Alex Example",
                                       kdf=FAST_TEST_KDF)
    try:
        admin, _ = users.add_user(ctx, User("setup", Role.ADMINISTRATOR), "admin", Role.ADMINISTRATOR,
                                  ADMIN_PASSPHRASE, display_name="Pat Administrator")
        users.add_user(ctx, admin, "ig.lead", Role.INFORMATION_GOVERNANCE, IG_PASSPHRASE,
                       display_name="Sam Governance")
        for ref, held, child, born, mother in [
            ("SD-2017-0012", date(2017, 4, 3), "Casey Example", date(1999, 2, 1), "Dana Example"),
            ("SD-2018-0031", date(2018, 9, 14), "Jamie Pretend", date(2000, 7, 9), "Lee Pretend"),
            ("SD-2019-0007", date(2019, 1, 22), "Drew Mockup", date(2012, 3, 3), "Kim Mockup"),
            ("SD-2019-0044", date(2019, 11, 5), "Avery Imaginary", date(2013, 6, 30), "Jo Imaginary"),
        ]:
            meetings.create(ctx, chair, template=_meeting(ref, held, child, born, mother,
                                                          "Fictional concern seen at school."))
        meetings.create(ctx, chair, template=_meeting(
            "SD-2026-0040", date(2026, 10, 1), "Zoë Müller", date(2017, 5, 14), "Jordan Fictional",
            "Zoë Müller said her mother Jordan Fictional was angry at home."))
        meetings.create(ctx, chair, template=_meeting(
            "SD-2026-0041", date(2026, 10, 20), "Zoe Mullins", date(2018, 1, 2), "Robin Mullins",
            "Fictional concern seen at school."))
        retention.define_class(ctx, admin, "No further action", 24, CountedFrom.MEETING_DATE)
        retention.define_class(ctx, admin, "Case closure plus six years", 72, CountedFrom.CASE_CLOSURE)
        for ref in ("SD-2019-0007", "SD-2019-0044"):
            retention.assign_class(ctx, admin, ref, "No further action")
        holds.place_on_meeting(ctx, admin, "SD-2019-0007", "Fictional care proceedings")
        ig = users.resolve(ctx, "ig.lead")
        request = sar.open_request(ctx, ig, "Zoë Müller", date(2026, 11, 16))
        sar.mark_exemption(ctx, ig, request.id, "SD-2026-0040/contribution/k2", ExemptionGround.CRIME_AND_TAXATION,
                           "Fictional live police enquiry")
    finally:
        ctx.close()


def settle(app: QApplication, seconds: float = 1.0) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        ops.pool().waitForDone(10_000)
        app.processEvents()
        time.sleep(0.05)


def shoot(app: QApplication, widget: QWidget, out: Path, name: str) -> None:
    widget.raise_()
    widget.activateWindow()
    settle(app, 1.5)
    path = out / f"{name}.png"
    subprocess.run(["import", "-window", "root", str(path)], check=True)
    # Cut to the records-governance window with its frame (a step's dialog sits inside it).
    frame = widget.window().frameGeometry()
    top = widget.window()
    parent = top.parentWidget()
    while parent is not None and parent.window() is not parent.window().parentWidget():
        if type(parent.window()).__name__ == "GovernanceDialog":
            frame = parent.window().frameGeometry()
            break
        parent = parent.parentWidget()
    margin = 4
    geometry = f"{frame.width() + 2 * margin}x{frame.height() + 2 * margin}+{max(frame.x() - margin, 0)}+" \
               f"{max(frame.y() - margin, 0)}"
    subprocess.run(["convert", str(path), "-crop", geometry, "+repage", str(path)], check=True)
    print(f"saved {path}")


def unlock(controller: AppController, app: QApplication, user: str, passphrase: str) -> None:
    panel = controller.unlock_panel
    panel.user_name.setText(user)
    panel.passphrase.setText(passphrase)
    panel.try_unlock()
    settle(app, 2.0)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    app = gui_app.build_application()
    with tempfile.TemporaryDirectory(prefix="sm-gov-shots-") as tmp:
        data_dir = Path(tmp) / "data"
        seed(data_dir)
        controller = AppController(data_dir, use_keyring=False)
        controller.start()
        window = controller.main_window
        window.resize(QSize(1200, 820))
        window.move(0, 0)
        settle(app)

        unlock(controller, app, "admin", ADMIN_PASSPHRASE)
        dialog = window.open_governance()
        assert dialog is not None and dialog.retention is not None
        dialog.move(150, 40)
        page = dialog.retention
        page.due_view.selectRow(0)
        shoot(app, dialog, args.out, "governance-retention")
        page.due_view.selectRow(1)
        page.erase()
        erase = page.reason_dialog
        assert erase is not None
        erase.reason.setText("Retention period ended (No further action, two years)")
        erase.confirmation.setText(erase.reference_text)
        shoot(app, erase, args.out, "governance-erase")
        erase.reject()
        dialog.reject()
        controller.lock()
        settle(app)

        unlock(controller, app, "ig.lead", IG_PASSPHRASE)
        dialog = window.open_governance()
        assert dialog is not None and dialog.subject_access is not None
        dialog.move(150, 40)
        page = dialog.subject_access
        dialog.tabs.setCurrentWidget(page)
        page.query.setText("zoe")
        page.find()
        settle(app)
        page.matches.showPopup()
        shoot(app, dialog, args.out, "governance-subject-access-choose")
        page.matches.hidePopup()
        page.choose("Zoë Müller")
        with tempfile.TemporaryDirectory(prefix="sm-sar-") as folder:
            page.choose_folder = lambda: folder  # type: ignore[method-assign]
            page.export()
            settle(app, 3.0)
        page.export_note.setText(page.export_note.text().replace(str(Path(folder)), "~/sar-1"))
        shoot(app, dialog, args.out, "governance-subject-access")
        page.items_view.selectRow(0)
        page.mark_exemption()
        exempt = page.reason_dialog
        assert exempt is not None
        exempt.reason.setText("Fictional: disclosure would be likely to cause serious harm")
        exempt.ground.setCurrentIndex(exempt.ground.findData(ExemptionGround.SERIOUS_HARM.value))
        shoot(app, exempt, args.out, "governance-exemption")
        exempt.reject()
        dialog.reject()
        controller.lock()
        controller.shutdown()
        window.close()
        settle(app)


if __name__ == "__main__":
    main()
