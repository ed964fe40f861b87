# SPDX-License-Identifier: LicenseRef-Proprietary
"""request-form, import-form and distribute through the console script in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from builders import sample_meeting
from conftest import ADMIN_PASSPHRASE, PASSPHRASE
from strategy_meeting.domain.meeting import MeetingStatus
from strategy_meeting.services import meetings, session

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "services"))

from form_filling import fill_form, typical_answers  # noqa: E402
from signed_copy_fixtures import write_signed_set  # noqa: E402
from smtp_test_server import SmtpServer, free_port  # noqa: E402

REF = "SD-2026-0100"


def run_cli(data_dir: Path, *args: str, passphrase: str = PASSPHRASE, env_extra: dict | None = None):
    env = {k: v for k, v in os.environ.items() if not k.startswith("STRATEGY_MEETING")}
    env.update(PYTHONPATH=str(ROOT / "src"), STRATEGY_MEETING_PASSPHRASE=passphrase, **(env_extra or {}))
    return subprocess.run([sys.executable, "-m", "strategy_meeting.main", "--data-dir", str(data_dir), *args],
                          capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL, timeout=120)


def add_meeting(data_dir: Path, status: MeetingStatus = MeetingStatus.DRAFT) -> None:
    ctx, chair = session.open_session(data_dir, PASSPHRASE)
    try:
        m = sample_meeting(REF)
        m.status = status
        meetings.create(ctx, chair, template=m)
    finally:
        ctx.close()


def contributions(data_dir: Path) -> list[str]:
    ctx, chair = session.open_session(data_dir, PASSPHRASE)
    try:
        return [c.id for c in meetings.get(ctx, chair, REF).contributions]
    finally:
        ctx.close()


def one_line_error(result) -> str:
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert result.stderr.strip().count("\n") == 0, result.stderr
    return result.stderr


def test_request_fill_and_import_a_form(data_dir: Path, tmp_path: Path) -> None:
    add_meeting(data_dir)
    form = tmp_path / "edu-form.pdf"
    r = run_cli(data_dir, "request-form", REF, "--agency", "EDU", "-o", str(form))
    assert r.returncode == 0, r.stderr
    filled = tmp_path / "returned.pdf"
    filled.write_bytes(fill_form(form.read_bytes(), typical_answers()))

    r = run_cli(data_dir, "import-form", str(filled))  # no terminal to ask on, no --yes
    assert r.returncode == 2 and "--yes" in one_line_error(r)
    assert "Current concerns" in r.stdout and "Bruising" not in r.stdout  # topics, not text
    assert contributions(data_dir) == ["k1", "k2", "k3"]

    r = run_cli(data_dir, "import-form", str(filled), "--yes")
    assert r.returncode == 0, r.stderr
    assert "Added 2 contribution(s) from EDU to SD-2026-0100" in r.stdout
    assert len(contributions(data_dir)) == 5

    r = run_cli(data_dir, "import-form", str(filled), "--yes")
    assert r.returncode == 2 and "already imported" in one_line_error(r)
    assert len(contributions(data_dir)) == 5


@pytest.mark.parametrize("content", [b"", b"hello", b"%PDF-1.7\n garbage"])
def test_import_form_refuses_bad_files_in_one_line(data_dir: Path, tmp_path: Path, content: bytes) -> None:
    add_meeting(data_dir)
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(content)
    one_line_error(run_cli(data_dir, "import-form", str(bad), "--yes"))
    one_line_error(run_cli(data_dir, "import-form", str(tmp_path / "missing.pdf"), "--yes"))
    assert contributions(data_dir) == ["k1", "k2", "k3"]


def test_request_form_for_an_unknown_agency_is_one_line(data_dir: Path, tmp_path: Path) -> None:
    add_meeting(data_dir)
    r = run_cli(data_dir, "request-form", REF, "--agency", "NOPE", "-o", str(tmp_path / "f.pdf"))
    assert "no agency 'NOPE' in the agency directory" in one_line_error(r)
    assert not (tmp_path / "f.pdf").exists()


def test_distribute_by_smtp_then_rerun_sends_nothing_twice(data_dir: Path, tmp_path: Path) -> None:
    add_meeting(data_dir, MeetingStatus.SIGNED_OFF)
    copies = tmp_path / "minutes"
    write_signed_set(copies, REF, ["full", "CSC", "POLICE", "HEALTH", "EDU"])
    admin = ["--user", "admin"]  # with the administrator's own passphrase
    with SmtpServer() as server:
        args = ["distribute", REF, "--copies", str(copies), "--smtp-host", "127.0.0.1", "--smtp-port",
                str(server.port), "--smtp-security", "none", "--smtp-sender", "minutes@example.org"]
        r = run_cli(data_dir, *admin, *args, passphrase=ADMIN_PASSPHRASE)
        assert r.returncode == 0, r.stderr
        assert "CSC: sent to csc@example.org" in r.stdout
        r = run_cli(data_dir, *admin, *args, passphrase=ADMIN_PASSPHRASE)
        assert r.returncode == 0 and r.stdout.count("already received") == 4
    assert len(server.received) == 4


def test_distribute_failures_exit_non_zero_and_folder_delivery_completes(data_dir: Path, tmp_path: Path) -> None:
    add_meeting(data_dir, MeetingStatus.SIGNED_OFF)
    copies = tmp_path / "minutes"
    write_signed_set(copies, REF, ["CSC", "POLICE", "HEALTH", "EDU"])
    admin = ["--user", "admin"]  # with the administrator's own passphrase
    r = run_cli(data_dir, *admin, "distribute", REF, "--copies", str(copies), "--smtp-host", "127.0.0.1",
                "--smtp-port", str(free_port()), "--smtp-security", "none", "--smtp-sender", "m@example.org",
                passphrase=ADMIN_PASSPHRASE)
    assert r.returncode == 6 and r.stdout.count("FAILED (connection refused") == 4
    out = tmp_path / "to-send"
    r = run_cli(data_dir, *admin, "distribute", REF, "--copies", str(copies), "--to-folder", str(out),
                passphrase=ADMIN_PASSPHRASE)
    assert r.returncode == 0, r.stderr
    assert sorted(p.name for p in out.glob("*.pdf")) == [f"{REF}_{c}.pdf" for c in sorted(["CSC", "POLICE", "HEALTH", "EDU"])]


def test_unencrypted_smtp_to_another_host_is_refused(data_dir: Path, tmp_path: Path) -> None:
    add_meeting(data_dir, MeetingStatus.SIGNED_OFF)
    copies = tmp_path / "minutes"
    write_signed_set(copies, REF, ["CSC", "POLICE", "HEALTH", "EDU"])
    r = run_cli(data_dir, "--user", "admin", "distribute", REF, "--copies", str(copies), "--smtp-host",
                "mail.example.org", "--smtp-security", "none", "--smtp-sender", "m@example.org",
                passphrase=ADMIN_PASSPHRASE)
    assert "only for a test server on this computer" in one_line_error(r)
    help_text = run_cli(data_dir, "distribute", "--help").stdout
    assert "test server on this" in help_text and "computer" in help_text


def test_distribute_encrypted_to_certificates(data_dir: Path, tmp_path: Path) -> None:
    from recipient_certs import make_recipient

    from builders import AGENCIES
    from strategy_meeting.domain.agency import Agency
    from strategy_meeting.services import agencies, agency_certificates, users
    from strategy_meeting.services.copy_encryption import open_certificate_encrypted_copy

    add_meeting(data_dir, MeetingStatus.SIGNED_OFF)
    copies = tmp_path / "minutes"
    signed = write_signed_set(copies, REF, ["CSC", "POLICE", "HEALTH", "EDU"])
    keys = {a.code: make_recipient(f"{a.code} mail") for a in AGENCIES}
    ctx, _ = session.open_session(data_dir, PASSPHRASE)
    try:
        admin = users.resolve(ctx, "admin")
        for a in AGENCIES:
            agencies.save_agency(ctx, admin, Agency(a.code, a.name, a.kind, a.email))
            if a.code != "EDU":
                agency_certificates.set_agency_certificate(ctx, admin, a.code, keys[a.code].pem)
    finally:
        ctx.close()
    base = ["--user", "admin", "distribute", REF, "--copies", str(copies), "--encrypt", "certificate"]
    out = tmp_path / "to-send"
    r = run_cli(data_dir, *base, "--to-folder", str(out), passphrase=ADMIN_PASSPHRASE)
    assert "No certificate is recorded for EDU" in one_line_error(r)
    assert not out.exists()
    ctx, _ = session.open_session(data_dir, PASSPHRASE)
    try:
        agency_certificates.set_agency_certificate(ctx, users.resolve(ctx, "admin"), "EDU", keys["EDU"].der)
    finally:
        ctx.close()
    r = run_cli(data_dir, *base, "--to-folder", str(out), passphrase=ADMIN_PASSPHRASE)
    assert r.returncode == 0, r.stderr
    for code, key in keys.items():
        wrapper = (out / f"{REF}_{code}.pdf").read_bytes()
        assert open_certificate_encrypted_copy(wrapper, key.decrypter()) == signed[code]
    (tmp_path / "p.json").write_text('{"EDU": "a long enough password"}')
    r = run_cli(data_dir, *base, "--passwords-file", str(tmp_path / "p.json"), "--to-folder", str(out),
                passphrase=ADMIN_PASSPHRASE)
    assert "choose one kind of protection" in one_line_error(r)
