# SPDX-License-Identifier: LicenseRef-Proprietary
"""The command-line gaps an administrator meets (issue 15): ``agency set CODE --email ...
--certificate FILE``, ``audit export -o FILE`` (JSON lines with the chain's hashes) and
``passphrase reset --recovery-key-file FILE``."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services"))

from recipient_certs import make_recipient  # noqa: E402
from strategy_meeting.domain.audit_chain import AuditEvent, verify_chain  # noqa: E402
from test_cli_store import run_cli  # noqa: E402

ADMIN = "an administrator's long passphrase"


def _store(tmp_path: Path) -> tuple[Path, str]:
    d = tmp_path / "data"
    r = run_cli("--data-dir", str(d), "init", "--user", "ada", "--role", "administrator", passphrase=ADMIN)
    assert r.returncode == 0, r.stderr
    recovery = re.search(r"Recovery key.*\n\s+(\S.*)\n", r.stdout)
    assert recovery is not None
    return d, recovery.group(1).strip()


def test_agency_set_then_audit_export_then_passphrase_reset(tmp_path):
    d, recovery = _store(tmp_path)
    cert = tmp_path / "edu.pem"
    cert.write_bytes(make_recipient().pem)
    r = run_cli("--data-dir", str(d), "agency", "set", "EDU", "--name", "Sampletown Primary School",
                "--kind", "education", "--email", "dsl@example.org", "--certificate", str(cert), passphrase=ADMIN)
    assert r.returncode == 0, r.stderr
    assert "dsl@example.org" in r.stdout and "certificate kept" in r.stdout
    r = run_cli("--data-dir", str(d), "agency", "set", "EDU", "--email", "safeguarding@example.org", passphrase=ADMIN)
    assert r.returncode == 0, r.stderr
    listed = run_cli("--data-dir", str(d), "agency", "list", passphrase=ADMIN).stdout
    assert "EDU\tSampletown Primary School\tsafeguarding@example.org\tcertificate" in listed
    bad = tmp_path / "bad.pem"
    bad.write_bytes(b"not a certificate")
    r = run_cli("--data-dir", str(d), "agency", "set", "EDU", "--certificate", str(bad), passphrase=ADMIN)
    assert r.returncode != 0 and len(r.stderr.strip().splitlines()) == 1 and "X.509" in r.stderr
    r = run_cli("--data-dir", str(d), "agency", "set", "NEW", "--email", "x@example.org", passphrase=ADMIN)
    assert r.returncode != 0 and "--name" in r.stderr

    out = tmp_path / "audit.jsonl"
    r = run_cli("--data-dir", str(d), "audit", "export", "-o", str(out), passphrase=ADMIN)
    assert r.returncode == 0, r.stderr
    events = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [e["seq"] for e in events] == list(range(1, len(events) + 1))
    assert {"agency.add", "agency.certificate", "agency.update"} <= {e["action"] for e in events}
    chain = [AuditEvent(e["seq"], e["at"], e["user"], e["action"], e["object"], e["details"], e["prev_hash"],
                        e["hash"]) for e in events]
    assert verify_chain(chain) is None  # the exported chain checks outside the app
    assert all(e["prev_hash"] == p["hash"] for p, e in zip(events, events[1:]))
    second = tmp_path / "2.jsonl"
    assert run_cli("--data-dir", str(d), "audit", "export", "-o", str(second), passphrase=ADMIN).returncode == 0
    again = [json.loads(line) for line in second.read_text(encoding="utf-8").splitlines()]
    assert again[-1]["action"] == "audit.export" and again[-1]["details"]["head"] == events[-1]["hash"]

    key_file = tmp_path / "recovery.txt"
    key_file.write_text(recovery + "\n", encoding="utf-8")
    new = "a brand new passphrase for ada"
    r = run_cli("--data-dir", str(d), "--user", "ada", "passphrase", "reset", "--recovery-key-file", str(key_file),
                passphrase=new)
    assert r.returncode == 0, r.stderr
    assert run_cli("--data-dir", str(d), "audit", "verify", passphrase=new).returncode == 0
    assert run_cli("--data-dir", str(d), "audit", "verify", passphrase=ADMIN).returncode != 0
    key_file.write_text("WRONG-KEY\n", encoding="utf-8")
    r = run_cli("--data-dir", str(d), "--user", "ada", "passphrase", "reset", "--recovery-key-file", str(key_file),
                passphrase="yet another long passphrase here")
    assert r.returncode != 0 and len(r.stderr.strip().splitlines()) == 1
    assert run_cli("--data-dir", str(d), "audit", "verify", passphrase=new).returncode == 0


def test_the_local_checks_are_switched_on_and_off_by_an_administrator(tmp_path):
    d, _ = _store(tmp_path)
    r = run_cli("--data-dir", str(d), "checks", "show", passphrase=ADMIN)
    assert r.returncode == 0 and "any time (off)" in r.stdout
    r = run_cli("--data-dir", str(d), "checks", "set", "--sign-off-within-working-days", "1",
                "--review-within-days", "off", passphrase=ADMIN)
    assert r.returncode == 0, r.stderr
    assert "Sign-off within 1 working day(s)" in r.stdout and "Review discussion within any time (off)" in r.stdout
    r = run_cli("--data-dir", str(d), "checks", "set", "--sign-off-within-working-days", "soon",
                "--review-within-days", "off", passphrase=ADMIN)
    assert r.returncode != 0 and "not a number of days" in r.stderr


def test_the_calendar_full_text_is_switched_by_an_administrator_and_a_bad_date_is_refused(tmp_path):
    """Issue 14: calendars say reference, action number and due date only until an
    administrator turns the full text on; a hand-over's date must be a date."""
    d, _ = _store(tmp_path)
    r = run_cli("--data-dir", str(d), "distribution", "calendar-text", "show", passphrase=ADMIN)
    assert r.returncode == 0 and "full text is off" in r.stdout, r.stderr
    r = run_cli("--data-dir", str(d), "distribution", "calendar-text", "on", passphrase=ADMIN)
    assert r.returncode == 0 and "full text is on" in r.stdout, r.stderr
    r = run_cli("--data-dir", str(d), "distribution", "calendar-text", "show", passphrase=ADMIN)
    assert "full text is on" in r.stdout
    r = run_cli("--data-dir", str(d), "distribution", "handed-over", "SD-2026-0001", "POLICE",
                "--on", "yesterday", "--how", "by hand", passphrase=ADMIN)
    assert r.returncode != 0 and "is not a date" in r.stderr and "Traceback" not in r.stderr
    r = run_cli("--data-dir", str(d), "distribution", "log", "SD-2026-0001", passphrase=ADMIN)
    assert r.returncode != 0 and "SD-2026-0001" in r.stderr and "Traceback" not in r.stderr
