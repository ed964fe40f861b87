# SPDX-License-Identifier: LicenseRef-Proprietary
"""An agency code typed on the command line must name an agency, as the GUI's lists only ever
do: ``minutes --agency``, ``request-form --agency`` and the codes of ``distribute
--passwords-file``. Each refusal is one line naming the code and how to add the agency, and
changes nothing; each has a control that works."""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import pytest

from conftest import ADMIN_PASSPHRASE, PASSPHRASE
from strategy_meeting.domain.agency import Agency
from strategy_meeting.domain.meeting import MeetingStatus
from strategy_meeting.services import agencies, session, users
from test_cli_forms import REF, add_meeting, one_line_error, run_cli

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services"))
from signed_copy_fixtures import write_signed_set  # noqa: E402

HOW_TO_ADD = "Settings and administration, Agencies"


def snapshot(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and "logs" not in p.parts}


@pytest.fixture
def store(data_dir: Path) -> Path:
    """The sample meeting (CSC, POLICE, HEALTH, EDU) and a directory holding one agency more,
    PROBATION, that the meeting did not invite."""
    add_meeting(data_dir, MeetingStatus.SIGNED_OFF)
    ctx, _ = session.open_session(data_dir, ADMIN_PASSPHRASE, "admin")
    try:
        admin = users.resolve(ctx, "admin")
        agencies.save_agency(ctx, admin, Agency("PROBATION", "Probation Service", None, "p@example.org"))
    finally:
        ctx.close()
    return data_dir


def refused_unchanged(store: Path, *args: str, passphrase: str = PASSPHRASE) -> str:
    before = snapshot(store)
    message = one_line_error(run_cli(store, *args, passphrase=passphrase))
    assert snapshot(store) == before
    return message


def test_minutes_for_an_agency_nobody_knows_is_refused_naming_it(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    message = refused_unchanged(store, "minutes", REF, "--out", str(out), "--agency", "CSC", "--agency", "NOPE")
    assert "'NOPE'" in message and "agency directory" in message and HOW_TO_ADD in message
    assert not out.exists()
    message = refused_unchanged(store, "minutes", REF, "--out", str(out), "--agency", "PROBATION")
    assert "'PROBATION' is in the directory but was not invited" in message
    assert not out.exists()
    r = run_cli(store, "minutes", REF, "--out", str(out), "--agency", "CSC")  # control
    assert r.returncode == 0, r.stderr
    names = sorted(p.name for p in out.glob("*.pdf"))
    assert len(names) == 2 and names[0].startswith(f"{REF}_CSC") and names[1].startswith(f"{REF}_full-record")


def test_a_request_form_for_an_agency_nobody_knows_is_refused_naming_it(data_dir: Path, tmp_path: Path) -> None:
    add_meeting(data_dir)  # a draft: it still takes contributions
    form = tmp_path / "form.pdf"
    message = refused_unchanged(data_dir, "request-form", REF, "--agency", "police", "-o", str(form))
    assert "'police'" in message and "in capitals" in message and HOW_TO_ADD in message
    assert not form.exists()
    r = run_cli(data_dir, "request-form", REF, "--agency", "POLICE", "-o", str(form))  # control
    assert r.returncode == 0, r.stderr
    assert form.read_bytes().startswith(b"%PDF")


def test_a_password_for_an_agency_nobody_knows_is_refused_before_anything_is_sent(store: Path, tmp_path: Path) -> None:
    copies, out = tmp_path / "minutes", tmp_path / "to-send"
    write_signed_set(copies, REF, ["CSC", "POLICE", "HEALTH", "EDU"])
    passwords = {code: f"{code.lower()} horse battery staple 2026" for code in ("CSC", "POLICE", "HEALTH", "EDU")}
    typo = dict(passwords, HEALHT=passwords.pop("HEALTH"))
    passwords_file = tmp_path / "passwords.json"
    passwords_file.write_text(json.dumps(typo), encoding="utf-8")
    base = ["--user", "admin", "distribute", REF, "--copies", str(copies), "--to-folder", str(out),
            "--encrypt", "password", "--passwords-file", str(passwords_file)]
    message = refused_unchanged(store, *base, passphrase=ADMIN_PASSPHRASE)
    assert "'HEALHT'" in message and HOW_TO_ADD in message
    assert not out.exists()
    passwords_file.write_text(json.dumps(dict(passwords, HEALTH=typo["HEALHT"])), encoding="utf-8")
    r = run_cli(store, *base, passphrase=ADMIN_PASSPHRASE)  # control: the codes corrected
    assert r.returncode == 0, r.stderr
    assert len(list(out.glob("*.pdf"))) == 4
