# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Build the desktop bundle with PyInstaller, then run the built bundle headless.

    python installer/build.py               # build into dist/strategy-meeting, then smoke-run it
    python installer/build.py --smoke-only  # smoke-run an existing build

The smoke run uses only the bundle (no Python, no source tree on its path) in an empty data
folder with offscreen Qt: ``--version`` (timed), ``init``, ``import`` of the example meeting,
``sign-off``, ``identity new --self-signed``, ``minutes --sign``, ``verify``, ``backup``,
``restore``, ``audit verify``, and the desktop app started for a few seconds. A command that
is not in this build yet is skipped with a message. The figures (bundle size, start-up time)
go to ``dist/bundle-report.json``. Exit status 0 only if every step that ran passed.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "installer" / "strategy_meeting.spec"
NAME = "strategy-meeting"
EXAMPLE = ROOT / "tests" / "data" / "sd-example.json"
PASSPHRASE = "smoke-test passphrase for the bundle"


@dataclass
class Report:
    steps: list[dict[str, object]] = field(default_factory=list)
    figures: dict[str, object] = field(default_factory=dict)

    def step(self, name: str, status: str, detail: str = "", seconds: float | None = None) -> None:
        self.steps.append({"step": name, "status": status, "detail": detail, "seconds": seconds})
        timing = f" ({seconds:.2f} s)" if seconds is not None else ""
        print(f"  {status:<8} {name}{timing}{': ' + detail if detail else ''}", flush=True)

    @property
    def failed(self) -> bool:
        return any(s["status"] == "FAILED" for s in self.steps)


def build(dist: Path, work: Path, report: Report) -> None:
    print(f"Building {NAME} with PyInstaller (one folder) ...", flush=True)
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
         "--distpath", str(dist), "--workpath", str(work), str(SPEC)],
        cwd=ROOT, check=True,
    )
    report.figures["build_seconds"] = round(time.perf_counter() - started, 1)


def measure(bundle: Path, report: Report) -> None:
    files = [p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink()]
    total = sum(p.stat().st_size for p in files)
    by_top: dict[str, int] = {}
    internal = bundle / "_internal"
    for p in files:
        rel = p.relative_to(internal if internal in p.parents else bundle)
        by_top[rel.parts[0]] = by_top.get(rel.parts[0], 0) + p.stat().st_size
    largest = sorted(by_top.items(), key=lambda kv: kv[1], reverse=True)[:8]
    report.figures.update({
        "bundle_bytes": total,
        "bundle_mb": round(total / 1_048_576, 1),
        "bundle_files": len(files),
        "largest_parts_mb": {k: round(v / 1_048_576, 1) for k, v in largest},
    })


def executable(bundle: Path) -> Path:
    if sys.platform == "win32":
        return bundle / f"{NAME}-cli.exe"
    return bundle / NAME


class Bundle:
    """Runs the frozen executable with a clean environment: no PYTHONPATH, no venv."""

    def __init__(self, exe: Path, home: Path) -> None:
        self.exe = exe
        self.env = {k: v for k, v in os.environ.items()
                    if not k.startswith(("PYTHON", "STRATEGY_MEETING", "VIRTUAL_ENV", "QT_"))}
        self.env.update({"QT_QPA_PLATFORM": "offscreen", "STRATEGY_MEETING_HOME": str(home),
                         "STRATEGY_MEETING_PASSPHRASE": PASSPHRASE})

    def run(self, *args: str, timeout: float = 300) -> tuple[subprocess.CompletedProcess[str], float]:
        started = time.perf_counter()
        done = subprocess.run([str(self.exe), *args], capture_output=True, text=True, env=self.env,
                              stdin=subprocess.DEVNULL, timeout=timeout, cwd=self.exe.parent.parent)
        return done, time.perf_counter() - started


def _check(report: Report, name: str, result: tuple[subprocess.CompletedProcess[str], float],
           expect: str | None = None) -> subprocess.CompletedProcess[str] | None:
    done, seconds = result
    output = (done.stdout + done.stderr).strip()
    if done.returncode != 0 or (expect and expect not in output) or "Traceback" in output:
        report.step(name, "FAILED", f"exit {done.returncode}: {output[-600:]}", seconds)
        return None
    report.step(name, "ok", output.splitlines()[0][:120] if output else "", seconds)
    return done


def smoke(bundle: Path, report: Report) -> None:
    exe = executable(bundle)
    print(f"Smoke-running {exe} headless ...", flush=True)
    with tempfile.TemporaryDirectory(prefix="strategy-meeting-smoke-") as tmp:
        tmp_path = Path(tmp)
        app = Bundle(exe, tmp_path / "data")

        times = []
        for _ in range(6):
            done, seconds = app.run("--version")
            times.append(seconds)
        if done.returncode == 0 and done.stdout.startswith("strategy-meeting "):
            report.figures["startup_version_first_s"] = round(times[0], 3)
            report.figures["startup_version_median_s"] = round(statistics.median(times[1:]), 3)
            report.step("--version", "ok", done.stdout.strip(), statistics.median(times[1:]))
        else:
            report.step("--version", "FAILED", done.stdout + done.stderr)
            return

        help_text = app.run("--help")[0].stdout
        # The commands are listed one per line, indented by four spaces, under COMMAND.
        listed = set(re.findall(r"^    ([a-z][a-z-]*)(?:\s|$)", help_text, re.MULTILINE))

        def available(command: str, branch: str) -> bool:
            if command in listed:
                return True
            report.step(command, "skipped", f"not in this build yet (being built on branch '{branch}')")
            return False

        if _check(report, "init", app.run("init", "--user", "chair"), "Recovery key") is None:
            return
        reference = json.loads(EXAMPLE.read_text(encoding="utf-8"))["meeting"]["reference"]
        imported = available("import", "exchange") and _check(
            report, "import example", app.run("import", str(EXAMPLE)), reference) is not None
        out = tmp_path / "minutes"
        if imported and available("sign-off", "minutes") and available("minutes", "minutes"):
            # The example's recorded chair is not the user 'chair': the signer says why (issue 15).
            _check(report, "sign-off", app.run("sign-off", reference, "--acknowledge-warnings",
                                               "--signer-reason", "Smoke run: the deputy signs."))
            cert = tmp_path / "chair.pem"
            if available("identity", "minutes"):
                _check(report, "identity new --self-signed", app.run("identity", "new", "--self-signed"))
                _check(report, "identity export-cert", app.run("identity", "export-cert", "-o", str(cert)))
            if _check(report, "minutes --sign", app.run("minutes", reference, "--out", str(out), "--sign")):
                pdfs = sorted(out.glob("*.pdf"), key=lambda p: ("full" not in p.name, p.name))
                if not pdfs:
                    report.step("verify", "FAILED", "minutes wrote no PDF")
                elif available("verify", "minutes"):
                    trust = ["--trust", str(cert)] if cert.exists() else []
                    for pdf in pdfs[:2]:  # the full record and one agency's copy
                        _check(report, f"verify {pdf.name}", app.run("verify", str(pdf), *trust))
        if _check(report, "backup", app.run("backup"), "written and checked"):
            made = sorted((tmp_path / "data" / "backups").glob("*.smbk"))
            _check(report, "restore --yes", app.run("restore", str(made[-1]), "--yes"), "Restored")
        _check(report, "audit verify", app.run("audit", "verify"), "intact")
        gui_smoke(app, report)


def gui_smoke(app: Bundle, report: Report, seconds: float = 8.0) -> None:
    """Start the desktop app (no command) on the offscreen platform; it must still be running
    after a few seconds, which proves Qt, its platform plugin and the windows load."""
    started = time.perf_counter()
    child = subprocess.Popen([str(app.exe)], env=app.env, stdin=subprocess.DEVNULL,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        child.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        child.terminate()
        try:
            _out, err = child.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            child.kill()
            _out, err = child.communicate()
        problems = [line for line in err.splitlines() if "Traceback" in line or "qt.qpa.plugin" in line]
        if problems:
            report.step("desktop app starts", "FAILED", "; ".join(problems)[:400])
        else:
            report.step("desktop app starts", "ok", f"still running after {seconds:.0f} s, then closed")
        return
    _out, err = child.communicate()
    report.step("desktop app starts", "FAILED", f"exited early ({child.returncode}): {err[-400:]}",
                time.perf_counter() - started)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder (default: dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller", help="PyInstaller's work folder")
    parser.add_argument("--smoke-only", action="store_true", help="do not build; smoke-run the existing bundle")
    parser.add_argument("--no-smoke", action="store_true", help="build only")
    args = parser.parse_args(argv)

    report = Report()
    report.figures.update({"platform": platform.platform(), "python": platform.python_version()})
    bundle = args.dist / NAME
    if not args.smoke_only:
        if shutil.which("pyinstaller") is None and not _has_pyinstaller():
            print("PyInstaller is missing: pip install -e '.[bundle]'", file=sys.stderr)
            return 2
        build(args.dist, args.work, report)
    if not executable(bundle).exists():
        print(f"No bundle at {bundle}: build it first.", file=sys.stderr)
        return 2
    measure(bundle, report)
    if not args.no_smoke:
        smoke(bundle, report)
    (args.dist / "bundle-report.json").write_text(json.dumps({"figures": report.figures, "steps": report.steps},
                                                             indent=1), encoding="utf-8")
    print("Figures:", json.dumps(report.figures, indent=1))
    return 1 if report.failed else 0


def _has_pyinstaller() -> bool:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        return False
    return True


if __name__ == "__main__":
    raise SystemExit(main())
