# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The last items of issue 19 in the real app, in a real X11 window, driven by the keyboard.

    python tools/finish_screenshots.py [--out docs/screenshots/finish] [--size 1600x1000]

Uses the walkthrough's screen (Xvfb, openbox, xdotool, ImageMagick's ``import``) and app
launcher (tools/walkthrough_screenshots.py). A store is made through the services with the
published example meeting (fictional) signed off, and a second copy of it still a draft. Then:

1. Generate minutes with no signing identity: the app says so and offers one first, then asks
   for the folder, then generates; after a restart the copies are still listed.
2. Distribute to a folder (through the services, between runs), then Record acknowledgement:
   the small box's title is whole.
3. Lock with a meeting window open, and unlock from that window: it comes back as it was.
4. The decision dialog's dissent box, with a long view typed and added.

Every name is invented. Nothing is written outside the temporary folder and ``--out``.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT / "src"))

from walkthrough_screenshots import PASSPHRASE, Screen, app  # noqa: E402

EXAMPLE = ROOT / "tests" / "data" / "sd-example.json"
SIGNED, DRAFT = "SD-2026-0001", "SD-2026-0002"
DISSENT = ("Education would have preferred a single-agency enquiry, with the school's designated "
           "safeguarding lead speaking to the child first: the child trusts her, and a police visit at "
           "home last year frightened him.")


def prepare(data_dir: Path, tmp: Path) -> None:
    """The store: the first account chairs and administers; the example signed off, and a draft."""
    from strategy_meeting.domain.roles import Role
    from strategy_meeting.services import session, signoff
    from strategy_meeting.services.exchange.service import import_meeting

    ctx, actor, _recovery = session.init_store(data_dir, "a.example", PASSPHRASE, Role.CHAIR_ADMINISTRATOR,
                                               display_name="Alex Example")
    try:
        import_meeting(ctx, actor, EXAMPLE)
        draft = json.loads(EXAMPLE.read_text(encoding="utf-8"))
        draft["meeting"]["reference"] = DRAFT
        (tmp / "draft.json").write_text(json.dumps(draft), encoding="utf-8")
        import_meeting(ctx, actor, tmp / "draft.json")
        signoff.sign_off(ctx, actor, SIGNED, acknowledge_warnings=True,
                         reasons={"*": "Considered at the meeting; recorded for the walkthrough."})
    finally:
        ctx.close()


def distribute_to_folder(data_dir: Path, folder: Path) -> None:
    """An administrator's distribution between runs, so the log has rows to acknowledge."""
    from strategy_meeting.services import session
    from strategy_meeting.services.distribution import service as distribution_service

    ctx, actor = session.open_session(data_dir, PASSPHRASE)
    try:
        distribution_service.distribute(ctx, actor, SIGNED, folder=folder)
    finally:
        ctx.close()


def unlock(screen: Screen) -> None:
    screen.wait_for("Strategy Meeting")
    screen.key("alt+p")  # the unlock screen's passphrase field
    screen.type(PASSPHRASE)
    screen.key("Return", wait=3.0)


def open_meeting(screen: Screen, reference: str) -> None:
    screen.wait_for("Strategy Meeting")
    screen.key("ctrl+f", "ctrl+a")
    screen.type(reference)
    screen.key("Down", wait=1.0)
    screen.key("Return", wait=2.5)
    screen.wait_for(reference)


def walk(screen: Screen, data_dir: Path, tmp: Path) -> None:
    copies = tmp / "minutes"
    copies.mkdir()

    # 1. Generate minutes without a signing identity: the identity first, then the folder.
    first = app(screen, data_dir, "1.0")
    unlock(screen)
    open_meeting(screen, SIGNED)
    screen.key("ctrl+9", wait=1.0)
    screen.key("ctrl+shift+g", wait=1.5)
    screen.wait_for("No signing identity")
    screen.shot("generate-says-no-identity-first")
    screen.key("Return", wait=1.5)  # Yes: make one now
    screen.wait_for("My signing identity")
    screen.shot("identity-dialog-offered")
    screen.key("alt+s", wait=4.0)  # Make a self-signed identity: the folder is asked for next
    screen.wait_for("Choose the folder")
    screen.shot("folder-asked-after-the-identity")
    screen.key("ctrl+a")
    screen.type(str(copies))
    screen.key("Return", wait=1.0)
    screen.key("Return", wait=8.0)  # Choose
    screen.wait_for(SIGNED)
    screen.shot("copies-generated-and-signed")
    screen.key("ctrl+q", wait=3.0)
    first.wait(30)

    # 2. After a restart the copies are listed; the log's acknowledgement box shows its title.
    distribute_to_folder(data_dir, tmp / "outbox")
    app(screen, data_dir, "1.0")
    unlock(screen)
    open_meeting(screen, SIGNED)
    screen.key("ctrl+9", wait=1.5)
    screen.shot("copies-listed-after-restart")
    screen.key("alt+m", "d", wait=2.0)  # Meeting > Distribute
    screen.wait_for("Distribute the minutes")
    screen.shot("distribution-dialog")
    screen.key("alt+p", "Tab", "Down", wait=0.5)  # from the protection choice into the log
    screen.shot("distribution-log-row-chosen")
    screen.key("alt+a", wait=1.5)  # Record acknowledgement
    screen.wait_for("Record acknowledgement")
    screen.shot("record-acknowledgement-title-whole")
    screen.type("DS Riley Test")
    screen.key("Return", wait=1.5)
    screen.shot("acknowledgement-recorded")
    screen.key("Escape", wait=1.0)

    # 3. Lock with the meeting window open; unlock from that window.
    screen.wait_for(SIGNED)
    screen.key("ctrl+1", wait=1.0)
    screen.key("ctrl+l", wait=2.0)
    screen.wait_for("Locked")
    screen.shot("locked-meeting-window-unlocks-here")
    screen.type(PASSPHRASE)
    screen.key("Return", wait=3.5)
    screen.shot("meeting-window-back-as-it-was")

    # 4. The decision dialog's dissent box, in a draft meeting.
    screen.key("ctrl+w", wait=1.5)
    open_meeting(screen, DRAFT)
    screen.key("ctrl+shift+d", wait=1.5)
    screen.wait_for("New decision")
    screen.key("alt+g", wait=0.3)
    screen.type("Sampletown")  # the agency, by its name
    screen.key("alt+w", wait=0.3)
    screen.type(DISSENT)
    screen.shot("dissent-box-typing")
    screen.key("Return", wait=1.0)  # added, the dialog stays open
    screen.shot("dissent-added-and-wrapped")
    screen.key("Escape", wait=1.0)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots" / "finish")
    ap.add_argument("--size", default="1600x1000")
    args = ap.parse_args()
    for tool in ("Xvfb", "openbox", "xdotool", "import"):
        if shutil.which(tool) is None:
            raise SystemExit(f"{tool} is not installed")
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="sm-finish-") as name, Screen(args.size, args.out) as screen:
        tmp = Path(name)
        prepare(tmp / "data", tmp)
        walk(screen, tmp / "data", tmp)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
