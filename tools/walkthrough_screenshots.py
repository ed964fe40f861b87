# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""A chair's first hour in the real app, in a real X11 window, driven by the keyboard alone.

    python tools/walkthrough_screenshots.py [--out docs/screenshots/walkthrough]
                                            [--size 1600x1000] [--scale 1.0]

Starts Xvfb and the openbox window manager on a free display, runs the desktop app itself
(``python -m strategy_meeting.main``, the xcb platform, an empty data folder under /tmp),
types into it with xdotool as a person would, and saves a screenshot of the whole screen
(ImageMagick's ``import``) after each step: setup wizard, recovery key, an empty home
screen, a new meeting with typed dates and the calendar, a participant whose agency comes
from the directory, the meetings list searched without accents and entered with Down,
settings with Save feedback. Between setup and the meeting the agency directory is filled
through the services (an administrator's Settings work, not the point of this walk).

Every name is invented. Nothing is written outside the temporary folder and ``--out``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PASSPHRASE = "violet kettle orbit sandstone"


class Screen:
    def __init__(self, size: str, out: Path) -> None:
        self.size, self.out = size, out
        self.display = self._free_display()
        self.procs: list[subprocess.Popen] = []
        self.env = {**os.environ, "DISPLAY": self.display}
        self.shots: list[Path] = []

    @staticmethod
    def _free_display() -> str:
        for n in range(91, 140):
            if not Path(f"/tmp/.X11-unix/X{n}").exists() and not Path(f"/tmp/.X{n}-lock").exists():
                return f":{n}"
        raise SystemExit("no free X display")

    def __enter__(self) -> Screen:
        self.procs.append(subprocess.Popen(["Xvfb", self.display, "-screen", "0", f"{self.size}x24", "-nolisten", "tcp"],
                                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        for _ in range(50):
            if Path(f"/tmp/.X11-unix/X{self.display[1:]}").exists():
                break
            time.sleep(0.1)
        self.procs.append(subprocess.Popen(["openbox"], env=self.env, stdout=subprocess.DEVNULL,
                                           stderr=subprocess.DEVNULL))
        time.sleep(1.0)
        return self

    def __exit__(self, *exc: object) -> None:
        for p in reversed(self.procs):
            p.terminate()
            try:
                p.wait(5)
            except subprocess.TimeoutExpired:
                p.kill()

    def xdo(self, *args: str) -> str:
        return subprocess.run(["xdotool", *args], env=self.env, capture_output=True, text=True).stdout.strip()

    def key(self, *keys: str, wait: float = 0.4) -> None:
        for k in keys:
            self.xdo("key", "--clearmodifiers", k)
            time.sleep(0.08)
        time.sleep(wait)

    def type(self, text: str, wait: float = 0.3) -> None:
        self.xdo("type", "--delay", "25", text)
        time.sleep(wait)

    def wait_for(self, title: str, timeout: float = 40.0) -> str:
        end = time.time() + timeout
        while time.time() < end:
            found = self.xdo("search", "--onlyvisible", "--name", title)
            if found:
                window = found.splitlines()[-1]
                self.xdo("windowactivate", "--sync", window)
                time.sleep(0.5)
                return window
            time.sleep(0.3)
        raise SystemExit(f"no window called {title!r} appeared")

    def shot(self, name: str, settle: float = 0.8) -> Path:
        time.sleep(settle)
        path = self.out / f"{len(self.shots) + 1:02d}-{name}.png"
        subprocess.run(["import", "-window", "root", str(path)], env=self.env, check=True)
        self.shots.append(path)
        where = self.xdo("getactivewindow", "getwindowgeometry").replace("\n", " ")
        print(f"saved {path} (active window: {where})")
        return path


def app(screen: Screen, data_dir: Path, scale: str) -> subprocess.Popen:
    env = {**screen.env, "QT_QPA_PLATFORM": "xcb", "PYTHONPATH": str(ROOT / "src"),
           "STRATEGY_MEETING_HOME": str(data_dir), "QT_SCALE_FACTOR": scale}
    env.pop("STRATEGY_MEETING_PASSPHRASE", None)
    proc = subprocess.Popen([sys.executable, "-m", "strategy_meeting.main", "--data-dir", str(data_dir)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    screen.procs.append(proc)
    return proc


def fill_directory(data_dir: Path) -> None:
    """The administrator's agency directory, filled through the services."""
    sys.path.insert(0, str(ROOT / "src"))
    from strategy_meeting.domain.agency import Agency, AgencyKind
    from strategy_meeting.services import agencies, session

    ctx, actor = session.open_session(data_dir, PASSPHRASE)
    try:
        for agency in (Agency("CSC", "Children's Social Care", AgencyKind.SOCIAL_CARE, "csc@example.org"),
                       Agency("POLICE", "Police Child Abuse Investigation Team", AgencyKind.POLICE,
                              "cait@example.org"),
                       Agency("HEALTH", "Community Health (School Nursing)", AgencyKind.HEALTH, "health@example.org"),
                       Agency("EARLY_HELP", "Sampleshire and Exampleborough Early Help Hub for Children, Young "
                              "People and Families", AgencyKind.EARLY_HELP, "hub@example.org")):
            agencies.save_agency(ctx, actor, agency)
    finally:
        ctx.close()


def walk(screen: Screen, data_dir: Path, scale: str) -> None:
    # 1. First run: the setup wizard, keyboard only.
    first = app(screen, data_dir, scale)
    screen.wait_for("Set up Strategy Meeting")
    screen.shot("setup-welcome")
    screen.key("Return")
    screen.type("a.example")
    screen.key("Tab")
    screen.type("Alex Example")
    screen.shot("setup-first-user")
    screen.key("Return")
    screen.type(PASSPHRASE)
    screen.key("Tab")
    screen.type(PASSPHRASE)
    screen.shot("setup-passphrase")
    screen.key("Return", wait=3.0)  # Create the encrypted record
    screen.shot("setup-recovery-key")
    screen.key("alt+w")  # I have written it down
    screen.key("Return")
    screen.shot("setup-ready")
    screen.key("Return", wait=3.0)
    screen.wait_for("Strategy Meeting")
    screen.shot("home-empty")
    screen.key("ctrl+comma", wait=1.5)
    screen.wait_for("Settings and administration")
    screen.shot("settings-first-account-administers")
    screen.key("Escape")
    screen.key("ctrl+q", wait=2.0)
    first.wait(20)

    fill_directory(data_dir)

    # 2. A meeting, keyboard only: dates typed, the calendar, an agency from the directory.
    app(screen, data_dir, scale)
    screen.wait_for("Strategy Meeting")
    screen.key("alt+p")  # the unlock screen: the passphrase field (the user name may stay empty)
    screen.type(PASSPHRASE)
    screen.key("Return", wait=3.0)
    screen.shot("home-unlocked")
    screen.key("ctrl+n", wait=1.0)
    screen.wait_for("New meeting")
    screen.key("Tab", "ctrl+a")
    screen.type("5/12/2026 14:30")
    screen.shot("new-meeting-typed-date")
    screen.key("Return", wait=3.0)
    screen.wait_for("SD-")
    screen.shot("workspace-details")
    screen.key("alt+l", "ctrl+a")  # Location (each label's underlined letter)
    screen.type("Video call")
    screen.key("alt+v")  # Received at: a date and time typed as people write them
    screen.type("4 Dec 2026 09:15")
    screen.key("Tab")
    screen.shot("workspace-details-referral-date")
    screen.key("alt+v", "alt+Down", wait=0.8)
    screen.shot("date-field-calendar")
    screen.key("Escape")
    screen.key("ctrl+shift+p", wait=1.0)
    screen.wait_for("New participant")
    screen.type("Sampleshire")
    screen.shot("participant-agency-from-directory")
    screen.key("Tab")
    screen.type("Noor Example")
    screen.key("Tab")
    screen.type("Family Support Worker")
    screen.key("Return", wait=1.5)
    screen.key("ctrl+3", wait=1.0)
    screen.shot("workspace-participants")
    screen.key("ctrl+shift+h", wait=1.0)
    screen.wait_for("New subject child")
    screen.type("Zoë Fictional")
    screen.key("Tab")
    screen.type("14/05/2018")
    screen.key("Tab", "Tab", "Tab", "Tab")
    screen.type("1234567890")
    screen.key("Return", wait=1.0)
    screen.shot("child-nhs-number-refused")
    screen.key("alt+u", "ctrl+a")  # back to the NHS number
    screen.type("943 476 5919")
    screen.key("Return", wait=1.5)
    screen.key("ctrl+w", wait=1.0)

    # 3. The list: an accent-free search, Down into the results, the focus frame, Enter opens.
    screen.wait_for("Strategy Meeting")
    screen.key("ctrl+f")
    screen.type("zoe")  # Zoë, typed without the accent (the search matches a name's start)
    screen.key("Down", wait=1.0)
    screen.shot("list-search-without-accents-focus-frame")
    screen.key("Return", wait=2.5)
    screen.shot("enter-opens-the-meeting")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots" / "walkthrough")
    ap.add_argument("--size", default="1600x1000")
    ap.add_argument("--scale", default="1.0")
    args = ap.parse_args()
    for tool in ("Xvfb", "openbox", "xdotool", "import"):
        if shutil.which(tool) is None:
            raise SystemExit(f"{tool} is not installed")
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="sm-walk-") as tmp, Screen(args.size, args.out) as screen:
        walk(screen, Path(tmp) / "data", args.scale)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
