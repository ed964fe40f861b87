# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Issue 14 through the console script: sign off, and ``minutes --sign`` writes the family's
copy among the copies (in the manifest as recipient ``family``, checked by ``verify``); an
addendum, then ``minutes --sign`` again, gives version 2 files whose first page says what they
replace (poppler's pdftotext); the e-mail run (a real SMTP server on loopback) sends subjects
that begin ``OFFICIAL-SENSITIVE:`` and never the family's copy; a copy saved to a folder is
"saved for hand delivery" until its hand-over is recorded; ``distribution log`` prints it all.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

from conftest import ADMIN_PASSPHRASE, PASSPHRASE
from e2e_support import EMAILED, PERSON_NAMES, flat_text, manifest, may_see, refused, run, scenario, tool
from strategy_meeting.services import meetings, session
from strategy_meeting.services.minutes import wording

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services"))
from smtp_test_server import SmtpServer  # noqa: E402

REF = "SD-2025-0014"
FAMILY_NEXT = "ZZFAMILY-NEXT A social worker will visit you on Thursday to explain the plan."
FAMILY_CONTACT = "ZZFAMILY-CONTACT Sam Carter, social worker, 01632 960123"
D1_FAMILY_WORDING = "ZZFAMILY-D1 Social care and the police will look into what happened together."
ADMIN = ("--user", "admin")


class Store:
    def __init__(self, root: Path) -> None:
        self.root, self.data = root, root / "data"
        self.cert = root / "chair.pem"
        self.items: list = []

    def cli(self, *args: str, passphrase: str = PASSPHRASE):
        return run("--data-dir", str(self.data), *args, passphrase=passphrase)

    def ok(self, *args: str, passphrase: str = PASSPHRASE):
        r = self.cli(*args, passphrase=passphrase)
        assert r.returncode == 0, (args, r.stdout, r.stderr)
        return r


@pytest.fixture(scope="module")
def store(template_store, tmp_path_factory) -> Store:
    s = Store(tmp_path_factory.mktemp("e2e-family"))
    shutil.copytree(template_store[0], s.data)
    document, s.items, _ = scenario(REF)
    # Version 3 of the format carries the fields issue 14 adds: the family's next steps and a
    # decision's family wording. Every item's terms are explicit in the scenario.
    document["format"] = "strategy-meeting/3"
    meeting = document["meeting"]
    # The scenario is written in /2's shape: in /3 a contribution's lawful basis is part of its
    # terms, and decisions and addenda carry terms (in /2 they were for every agency).
    for item in meeting["contributions"]:
        basis = item.pop("lawful_basis", "")
        if basis:
            item["sharing"]["lawful_basis"] = {"regime": "unspecified", "condition": "", "note": basis}
    for item in [*meeting["decisions"], *meeting.get("addenda", [])]:
        item.setdefault("sharing", {"audience": "all", "family": False})
    meeting["next_steps"].update(family_next=FAMILY_NEXT, family_contact=FAMILY_CONTACT)
    meeting["decisions"][0]["family_wording"] = D1_FAMILY_WORDING
    source = s.root / "meeting.json"
    source.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    assert s.ok("import", str(source)).stdout.strip() == REF
    s.ok("sign-off", REF, "--acknowledge-warnings",
         "--signer-reason", "The chair of record signs under another user name.")
    s.ok("identity", "new", "--self-signed")
    s.ok("identity", "export-cert", "-o", str(s.cert))
    return s


def _first_page(pdf: Path) -> str:
    out = tool("pdftotext", "-enc", "UTF-8", "-f", "1", "-l", "1", str(pdf), "-")
    assert out.returncode == 0, out.stderr
    return " ".join(out.stdout.split())


def _signed_off_on(store: Store) -> str:
    ctx, chair = session.open_session(store.data, PASSPHRASE)
    try:
        sign_off = meetings.get(ctx, chair, REF).sign_off
    finally:
        ctx.close()
    assert sign_off is not None
    return wording.format_local_date(sign_off.signed_off_at)


def test_the_family_copy_is_signed_listed_verified_and_holds_only_what_the_family_may_see(store: Store) -> None:
    out = store.root / "v1"
    r = store.ok("minutes", REF, "--out", str(out), "--sign")
    assert f"{REF}_family.pdf: the family's copy" in r.stdout
    copies = manifest(out)["copies"]
    assert copies[-1]["recipient"] == "family" and copies[-1]["file"] == f"{REF}_family.pdf"
    assert copies[-1]["signed_by"]
    family = out / f"{REF}_family.pdf"
    r = run("verify", str(family), "--trust", str(store.cert), passphrase=None)
    assert r.returncode == 0 and "Verdict: valid" in r.stdout, r.stdout
    first = _first_page(family)
    assert "Copy for the family of Zoë Ångström-Łukasz and Алёша Петров" in first
    assert "PRIVATE AND CONFIDENTIAL" in first and "OFFICIAL-SENSITIVE" not in first
    text = flat_text(family)
    for item in store.items:
        assert (item.canary in text) is may_see("family", item), item
    assert FAMILY_NEXT in text and FAMILY_CONTACT in text
    # Nothing agency-internal: no withheld lines naming agencies, no outcome, rationale or
    # dissent, no badges or lawful bases, no participants' names.
    for internal in ("withheld", "Withheld", "ZZALWAYS", "ZZRATIONALE", "Lawful basis", "UK GDPR",
                     "Participant for", "Owner for", "All agencies", "Family: "):
        assert internal not in text, internal
    # Deny by default: d1 has family wording, but its terms do not mark it for the family
    # (a decision read from this file keeps the default terms), so it is not in this copy.
    assert D1_FAMILY_WORDING not in text
    assert "have not been written for this summary" in text
    assert not any(name in family.name for name in PERSON_NAMES)


def test_an_addendum_makes_version_2_whose_files_and_first_pages_say_what_they_replace(store: Store) -> None:
    store.ok("addendum", REF, "--text", "The medical examination moved to Monday.")
    out = store.root / "v2"
    store.ok("minutes", REF, "--out", str(out), "--sign")
    entries = manifest(out)["copies"]
    assert [e["file"] for e in entries][:2] == [f"{REF}_v2_full-record.pdf", f"{REF}_v2_CSC.pdf"]
    assert entries[-1] == {**entries[-1], "recipient": "family", "file": f"{REF}_v2_family.pdf"}
    replaces = f"Version 2, replaces version 1 of {_signed_off_on(store)}"
    for name in (f"{REF}_v2_POLICE.pdf", f"{REF}_v2_family.pdf", f"{REF}_v2_full-record.pdf"):
        assert replaces in _first_page(out / name), name
        r = run("verify", str(out / name), "--trust", str(store.cert), passphrase=None)
        assert r.returncode == 0 and "Verdict: valid" in r.stdout, (name, r.stdout)


def test_e_mail_subjects_are_marked_and_say_the_version_and_the_family_is_never_sent(store: Store) -> None:
    r = store.cli(*ADMIN, "distribute", REF, "--agency", "family", "--to-folder", str(store.root / "x"),
                  passphrase=ADMIN_PASSPHRASE)
    assert "family's copy is never sent by the app's e-mail" in refused(r)
    replaces = f"Version 2, replaces version 1 of {_signed_off_on(store)}"
    with SmtpServer() as server:
        r = store.cli(*ADMIN, "distribute", REF, "--smtp-host", "127.0.0.1", "--smtp-port", str(server.port),
                      "--smtp-security", "none", "--smtp-sender", "minutes@example.org",
                      passphrase=ADMIN_PASSPHRASE)
    assert r.returncode == 6 and "LA_HOUSING: FAILED" in r.stdout, r.stdout + r.stderr  # no address
    assert len(server.received) == len(EMAILED)
    for received in server.received:
        subject = str(received.message["Subject"])
        assert subject.startswith("OFFICIAL-SENSITIVE: "), subject
        assert subject.endswith(replaces), subject
        names = [p.get_filename() for p in received.message.iter_attachments()]
        assert names[0].startswith(f"{REF}_v2_") and "family" not in " ".join(names)
        calendars = [p for p in received.message.iter_attachments() if p.get_content_type() == "text/calendar"]
        for calendar in calendars:
            ics = calendar.get_payload(decode=True).decode("utf-8")
            assert "CLASS:CONFIDENTIAL" in ics and "ZZCANARY" not in ics and "Owner for" not in ics
    assert "family" not in " ".join(x.recipients[0] for x in server.received)


def test_a_copy_saved_for_hand_delivery_is_out_only_once_handed_over_and_the_log_says_so(store: Store) -> None:
    out = store.root / "by-hand"
    r = store.ok(*ADMIN, "distribute", REF, "--to-folder", str(out), passphrase=ADMIN_PASSPHRASE)
    assert "LA_HOUSING: saved for hand delivery" in r.stdout and "Saved for hand delivery" in r.stdout
    assert (out / f"{REF}_v2_LA_HOUSING.pdf").exists()
    r = store.cli(*ADMIN, "distribution", "handed-over", REF, "LA_HOUSING", "--on", "2999-01-01",
                  "--how", "by hand", passphrase=ADMIN_PASSPHRASE)
    assert "still to come" in refused(r)
    store.ok(*ADMIN, "distribution", "handed-over", REF, "LA_HOUSING", "--on", _today(),
             "--how", "by hand to the housing officer", passphrase=ADMIN_PASSPHRASE)
    store.ok(*ADMIN, "distribution", "ack", REF, "POLICE", "--on", _today(), "--how", "reply e-mail",
             "--by", "DS Test", passphrase=ADMIN_PASSPHRASE)
    log = store.ok(*ADMIN, "distribution", "log", REF, passphrase=ADMIN_PASSPHRASE).stdout.splitlines()
    housing = [line for line in log if line.startswith("LA_HOUSING")]
    assert any("v2  folder  saved" in line and "handed over" in line and "(by hand to the housing officer)" in line
               for line in housing), housing
    police = [line for line in log if line.startswith("POLICE") and "sent" in line]
    assert any("v2  e-mail  sent" in line and "acknowledged" in line and "(reply e-mail)" in line
               for line in police), police
    assert not any(line.startswith("family") for line in log)
    assert store.cli("audit", "verify").returncode == 0


def _today() -> str:
    from datetime import date

    return date.today().isoformat()
