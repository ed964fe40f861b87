# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""identity, sign-off, minutes and verify through the console script in a subprocess."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from builders import SIGN_OFF_ARGS, sample_meeting
from conftest import PASSPHRASE
from strategy_meeting.domain.decision import DecisionKind
from strategy_meeting.domain.meeting import ParticipantStatus
from strategy_meeting.services import meetings, session
from test_cli_store import run_cli
from dataclasses import replace


@pytest.fixture
def store(data_dir: Path) -> Path:
    """The template store (user 'chair') with one meeting, SD-2026-0100."""
    ctx, actor = session.open_session(data_dir, PASSPHRASE)
    meeting = sample_meeting()
    meeting.participants[2].status = ParticipantStatus.APOLOGIES  # health absent: a warning
    meetings.create(ctx, actor, template=meeting)
    ctx.close()
    return data_dir


def cli(store: Path, *args: str):
    return run_cli("--data-dir", str(store), *args, passphrase=PASSPHRASE)


def test_draft_minutes_then_sign_off_then_signed_minutes_then_verify(store, tmp_path):
    out = tmp_path / "draft"
    r = cli(store, "minutes", "SD-2026-0100", "--out", str(out))
    assert r.returncode == 0, r.stderr
    assert "DRAFT" in r.stdout and (out / "manifest.json").exists()

    r = cli(store, "minutes", "SD-2026-0100", "--out", str(tmp_path / "x"), "--sign")
    assert r.returncode != 0 and "not signed off" in r.stderr and "Traceback" not in r.stderr

    r = cli(store, "sign-off", "SD-2026-0100")
    assert r.returncode != 0 and "--acknowledge-warnings" in r.stderr
    assert "  - No one from health attended" in r.stderr
    r = cli(store, "sign-off", "SD-2026-0100", *SIGN_OFF_ARGS)
    assert r.returncode == 0, r.stderr and "locked" in r.stdout

    assert cli(store, "identity", "new", "--self-signed", "--organisation", "Sampletown Council").returncode == 0
    cert = tmp_path / "chair.pem"
    r = cli(store, "identity", "export-cert", "-o", str(cert))
    assert r.returncode == 0 and b"BEGIN CERTIFICATE" in cert.read_bytes()
    assert b"PRIVATE" not in cert.read_bytes()

    signed = tmp_path / "signed"
    r = cli(store, "minutes", "SD-2026-0100", "--out", str(signed), "--sign", "--agency", "EDU",
            "--agency", "POLICE")
    assert r.returncode == 0, r.stderr
    manifest = json.loads((signed / "manifest.json").read_text())
    assert [c["recipient"] for c in manifest["copies"]] == ["full", "EDU", "POLICE"]
    edu = signed / manifest["copies"][1]["file"]

    # verify needs no store: no passphrase, no data folder.
    r = run_cli("verify", str(edu), "--trust", str(cert), passphrase=None)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "Verdict: valid" in r.stdout and "Signer trusted: yes" in r.stdout
    r = run_cli("verify", str(edu), passphrase=None)
    assert r.returncode == 0 and "Signer trusted: no" in r.stdout

    data = bytearray(edu.read_bytes())
    data[len(data) // 2] ^= 0x01
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(bytes(data))
    r = run_cli("verify", str(bad), "--trust", str(cert), passphrase=None)
    assert r.returncode != 0 and "Verdict: valid" not in r.stdout


def test_identity_import_with_wrong_password_is_one_clear_line(store, tmp_path):
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.serialization import pkcs12

    from strategy_meeting.services.minutes.identity import create_self_signed
    from datetime import UTC, datetime

    ident = create_self_signed("chair", "Alex Example", datetime.now(UTC))
    key = serialization.load_pem_private_key(ident.private_key_pem, None)
    from cryptography import x509

    cert = x509.load_pem_x509_certificate(ident.certificate_pem)
    p12 = tmp_path / "org.p12"
    p12.write_bytes(pkcs12.serialize_key_and_certificates(
        b"x", key, cert, None, serialization.BestAvailableEncryption(b"right")))  # type: ignore[arg-type]
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("wrong\n")
    r = cli(store, "identity", "import", str(p12), "--password-file", str(wrong))
    assert r.returncode != 0 and "password is wrong" in r.stderr
    assert r.stderr.strip().count("\n") == 0 and "Traceback" not in r.stderr
    right = tmp_path / "right.txt"
    right.write_text("right\n")
    r = cli(store, "identity", "import", str(p12), "--password-file", str(right))
    assert r.returncode == 0, r.stderr and "fingerprint" in r.stdout


def test_verify_of_missing_or_unsigned_files(store, tmp_path):
    r = run_cli("verify", str(tmp_path / "none.pdf"), passphrase=None)
    assert r.returncode != 0 and "does not exist" in r.stderr
    cli(store, "minutes", "SD-2026-0100", "--out", str(tmp_path), "--agency", "CSC")
    draft = next(tmp_path.glob("*_CSC_DRAFT.pdf"))
    r = run_cli("verify", str(draft), passphrase=None)
    assert r.returncode != 0 and "not signed" in r.stdout


def test_sign_off_lists_the_named_checks_takes_reasons_and_stops_at_a_blocking_one(data_dir: Path):
    """Issue 15: sign-off lists each warning with its check's name; --reason KIND=TEXT and
    --signer-reason are kept; a blocking check stops it even when warnings are acknowledged."""
    ctx, actor = session.open_session(data_dir, PASSPHRASE)
    blocked = sample_meeting("SD-2026-0101")
    blocked.decisions[0].kind = DecisionKind.MEDICAL_EXAMINATION  # no threshold decision
    meetings.create(ctx, actor, template=blocked)
    warned = sample_meeting("SD-2026-0102")
    warned.contributions[0].sharing = replace(warned.contributions[0].sharing, lawful_basis=None)
    meetings.create(ctx, actor, template=warned)
    ctx.close()

    r = run_cli("--data-dir", str(data_dir), "sign-off", "SD-2026-0101", "--acknowledge-warnings",
                passphrase=PASSPHRASE)
    assert r.returncode != 0 and "cannot be signed off" in r.stderr and "threshold decision" in r.stderr

    r = run_cli("--data-dir", str(data_dir), "sign-off", "SD-2026-0102", passphrase=PASSPHRASE)
    assert r.returncode != 0
    assert "[lawful_basis_missing]" in r.stderr and "[signer_not_chair]" in r.stderr  # user 'chair' is not Alex
    # Acknowledged without the signer's reason: refused, naming how to give it; nothing signed.
    r = run_cli("--data-dir", str(data_dir), "sign-off", "SD-2026-0102", "--acknowledge-warnings",
                "--reason", "*=Considered.", passphrase=PASSPHRASE)
    assert r.returncode != 0 and "Traceback" not in r.stderr
    assert "--signer-reason TEXT" in r.stderr and "[signer_not_chair]" in r.stderr
    assert "[lawful_basis_missing]" not in r.stderr  # that one was acknowledged with a reason
    r = run_cli("--data-dir", str(data_dir), "sign-off", "SD-2026-0102", "--acknowledge-warnings",
                "--reason", "lawful_basis_missing=Education shared under s.175; recorded after the meeting.",
                "--signer-reason", "Alex Example is on leave; the deputy signs.", passphrase=PASSPHRASE)
    assert r.returncode == 0, r.stderr
    assert "Acknowledged [lawful_basis_missing]: Education shared under s.175" in r.stdout
    ctx, actor = session.open_session(data_dir, PASSPHRASE)
    signed = meetings.get(ctx, actor, "SD-2026-0102").sign_off
    ctx.close()
    assert signed is not None and signed.signer_reason == "Alex Example is on leave; the deputy signs."
    assert [a.kind for a in signed.acknowledged] == ["lawful_basis_missing"]
