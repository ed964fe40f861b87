# SPDX-License-Identifier: LicenseRef-Proprietary
"""``backup`` and ``restore`` through the console script in a subprocess, on the template store."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

from conftest import PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]


def run_cli(*args: str, passphrase: str | None = PASSPHRASE):
    env = {k: v for k, v in os.environ.items() if not k.startswith("STRATEGY_MEETING")}
    env["PYTHONPATH"] = str(ROOT / "src")
    if passphrase is not None:
        env["STRATEGY_MEETING_PASSPHRASE"] = passphrase
    return subprocess.run([sys.executable, "-m", "strategy_meeting.main", *args], capture_output=True, text=True,
                          env=env, stdin=subprocess.DEVNULL, timeout=120)


def digest(directory: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(directory.iterdir()) if p.is_file()}


def test_backup_then_restore_with_the_recovery_key(data_dir, recovery_key, tmp_path):
    r = run_cli("--data-dir", str(data_dir), "backup", "--to", str(tmp_path / "stick"))
    assert r.returncode == 0, r.stderr
    assert "written and checked" in r.stdout
    (backup_file,) = (tmp_path / "stick").iterdir()
    assert backup_file.name.startswith("strategy-meeting-backup-") and backup_file.suffix == ".smbk"

    # Without --yes and without a terminal to ask on, restore refuses and changes nothing.
    before = digest(data_dir)
    r = run_cli("--data-dir", str(data_dir), "restore", str(backup_file))
    assert r.returncode == 2 and r.stderr.strip().endswith("add --yes to confirm.")
    assert len(r.stderr.strip().splitlines()) == 1
    assert digest(data_dir) == before

    key_file = tmp_path / "recovery.txt"
    key_file.write_text(recovery_key + "\n")
    r = run_cli("--data-dir", str(data_dir), "restore", str(backup_file), "--yes",
                "--recovery-key-file", str(key_file), "--user", "admin", passphrase=None)
    assert r.returncode == 0, r.stderr
    assert "The replaced store is kept in" in r.stdout
    r = run_cli("--data-dir", str(data_dir), "audit", "verify")
    assert r.returncode == 0 and "intact" in r.stdout


def test_restore_with_a_wrong_passphrase_is_one_line_and_changes_nothing(data_dir, tmp_path):
    assert run_cli("--data-dir", str(data_dir), "backup").returncode == 0
    (backup_file,) = (data_dir / "backups").iterdir()
    before = digest(data_dir)
    r = run_cli("--data-dir", str(data_dir), "restore", str(backup_file), "--yes", passphrase="not the passphrase")
    assert r.returncode == 3
    assert r.stderr.count("\n") == 1 and "does not open" in r.stderr and "Traceback" not in r.stderr
    assert digest(data_dir) == before


def test_backup_settings_are_changed_and_shown_without_making_a_backup(data_dir, tmp_path):
    share = tmp_path / "share"
    r = run_cli("--data-dir", str(data_dir), "backup", "--set-folder", str(share), "--keep-last", "2",
                "--on-exit", "off")
    assert r.returncode == 0, r.stderr
    assert f"Folder:        {share}" in r.stdout and "the 2 newest" in r.stdout and "On exit:       off" in r.stdout
    assert not share.exists() and not (data_dir / "backups").exists()
    r = run_cli("--data-dir", str(data_dir), "backup", "--keep-last", "0")
    assert r.returncode == 2 and "at least" not in r.stdout and "must be 1 or more" in r.stderr


def test_a_backup_of_another_store_is_named_as_such_before_and_after_it_replaces(data_dir, tmp_path):
    from strategy_meeting.domain.roles import Role
    from strategy_meeting.services import session
    from strategy_meeting.store import FAST_TEST_KDF

    other = tmp_path / "other"
    ctx, _actor, _key = session.init_store(other, "chair", PASSPHRASE, Role.CHAIR, kdf=FAST_TEST_KDF)
    ctx.close()
    assert run_cli("--data-dir", str(other), "backup", "--to", str(tmp_path / "stick")).returncode == 0
    (backup_file,) = (tmp_path / "stick").iterdir()

    before = digest(data_dir)
    r = run_cli("--data-dir", str(data_dir), "restore", str(backup_file))
    assert r.returncode == 2 and "DIFFERENT store" in r.stderr and digest(data_dir) == before
    r = run_cli("--data-dir", str(data_dir), "restore", str(backup_file), "--yes")
    assert r.returncode == 0, r.stderr
    assert "different store" in r.stderr and "kept aside" in r.stderr
