# SPDX-License-Identifier: LicenseRef-Proprietary
"""The console script in a subprocess: init, audit verify, and clean one-line errors."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_cli(*args: str, passphrase: str | None = "a good long passphrase", env_extra: dict | None = None):
    env = {k: v for k, v in os.environ.items() if not k.startswith("STRATEGY_MEETING")}
    env["PYTHONPATH"] = str(ROOT / "src")
    if passphrase is not None:
        env["STRATEGY_MEETING_PASSPHRASE"] = passphrase
    env.update(env_extra or {})
    return subprocess.run([sys.executable, "-m", "strategy_meeting.main", *args], capture_output=True, text=True,
                          env=env, stdin=subprocess.DEVNULL, timeout=120)


def digest(directory: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(directory.iterdir()) if p.is_file()}


def test_init_then_verify(tmp_path):
    d = tmp_path / "data"
    r = run_cli("--data-dir", str(d), "init", "--user", "alex")
    assert r.returncode == 0, r.stderr
    assert "Recovery key" in r.stdout
    r = run_cli("audit", "verify", "--data-dir", str(d))
    assert r.returncode == 0 and "intact" in r.stdout


def test_init_refuses_an_existing_store(tmp_path):
    d = tmp_path / "data"
    assert run_cli("--data-dir", str(d), "init", "--user", "alex").returncode == 0
    before = digest(d)
    r = run_cli("--data-dir", str(d), "init", "--user", "sam")
    assert r.returncode != 0 and "already exists" in r.stderr
    assert digest(d) == before


def test_wrong_passphrase_is_one_line_and_changes_nothing(tmp_path):
    d = tmp_path / "data"
    assert run_cli("--data-dir", str(d), "init", "--user", "alex").returncode == 0
    before = digest(d)
    r = run_cli("--data-dir", str(d), "audit", "verify", passphrase="not the passphrase")
    assert r.returncode != 0
    assert r.stderr.strip().count("\n") == 0 and "Wrong passphrase" in r.stderr
    assert "Traceback" not in r.stderr
    assert digest(d) == before


def test_missing_passphrase_and_missing_store_are_clear(tmp_path):
    r = run_cli("--data-dir", str(tmp_path / "none"), "audit", "verify", passphrase=None)
    assert r.returncode != 0 and "No passphrase given" in r.stderr
    r = run_cli("--data-dir", str(tmp_path / "none"), "audit", "verify")
    assert r.returncode != 0 and "no store" in r.stderr.lower()


def test_passphrase_file_with_trailing_newline(tmp_path):
    d = tmp_path / "data"
    pf = tmp_path / "pass.txt"
    pf.write_text("quote\"semi;colon -- Ωμέγα ünïcode\n", encoding="utf-8")
    assert run_cli("--data-dir", str(d), "--passphrase-file", str(pf), "init", "--user", "alex", passphrase=None).returncode == 0
    r = run_cli("--data-dir", str(d), "--passphrase-file", str(pf), "audit", "verify", passphrase=None)
    assert r.returncode == 0, r.stderr


def test_corrupted_store_is_a_clear_error(tmp_path):
    d = tmp_path / "data"
    assert run_cli("--data-dir", str(d), "init", "--user", "alex").returncode == 0
    db = d / "store.db"
    data = bytearray(db.read_bytes())
    db.write_bytes(bytes(data[: len(data) // 3]))  # truncated
    before = digest(d)
    r = run_cli("--data-dir", str(d), "audit", "verify")
    assert r.returncode != 0 and "Traceback" not in r.stderr
    assert r.stderr.strip().count("\n") == 0
    assert digest(d) == before


def test_version_does_not_need_a_store():
    r = run_cli("--version", passphrase=None)
    assert r.returncode == 0 and r.stdout.startswith("strategy-meeting ")
