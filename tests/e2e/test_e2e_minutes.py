# SPDX-License-Identifier: LicenseRef-Proprietary
"""A whole meeting through the console script, checked the way an outside reviewer checks it:
eight agencies (codes like GP-2 and LA_HOUSING, names in several scripts), every sharing
variant, import -> sign-off -> signed minutes -> verify -> distribute, with poppler's
pdftotext and pdfsig, qpdf, and a real SMTP server on loopback.

One signed-off store is built per module (each command is a subprocess of about a second).
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import sys
from pathlib import Path

from builders import SIGN_OFF_ARGS
import pytest

from conftest import ADMIN_PASSPHRASE, PASSPHRASE
from strategy_meeting.services import session
from e2e_support import (
    CODES,
    D1_RATIONALE,
    EMAILED,
    PERSON_NAMES,
    decompressed,
    flat_text,
    holds_d1_rationale,
    manifest,
    may_see,
    refused,
    run,
    scenario,
    snapshot,
    tool,
)

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services"))
from smtp_test_server import SmtpServer  # noqa: E402

REF = "SD-2025-0007"


class Built:
    def __init__(self, root: Path, data: Path) -> None:
        self.root, self.data = root, data
        self.draft, self.signed, self.cert = root / "draft", root / "signed", root / "chair.pem"
        self.items: list = []
        self.always: list[str] = []

    def cli(self, *args: str, passphrase: str = PASSPHRASE):
        return run("--data-dir", str(self.data), *args, passphrase=passphrase)


@pytest.fixture(scope="module")
def built(template_store, tmp_path_factory) -> Built:
    root = tmp_path_factory.mktemp("e2e")
    data = root / "data"
    shutil.copytree(template_store[0], data)
    b = Built(root, data)
    document, b.items, b.always = scenario(REF)
    source = root / "meeting.json"
    source.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")

    r = b.cli("import", str(source))
    assert r.returncode == 0 and r.stdout.strip() == REF, r.stderr
    before = snapshot(data)
    r = b.cli("sign-off", REF)  # health sent apologies and GP-2 did not attend: a warning
    assert r.returncode != 0 and "health" in r.stderr and "Traceback" not in r.stderr
    assert snapshot(data) == before
    r = b.cli("minutes", REF, "--out", str(b.draft), "--sign")
    assert "not signed off" in refused(r)
    r = b.cli("minutes", REF, "--out", str(b.draft))
    assert r.returncode == 0, r.stderr
    for args in (("sign-off", REF, *SIGN_OFF_ARGS), ("identity", "new", "--self-signed"),
                 ("identity", "export-cert", "-o", str(b.cert)),
                 ("minutes", REF, "--out", str(b.signed), "--sign")):
        r = b.cli(*args)
        assert r.returncode == 0, (args, r.stderr)
    return b


def _check_copies(folder: Path, built: Built, *, signed: bool) -> None:
    entries = manifest(folder)
    assert set(entries) == {"reference", "copies"} and entries["reference"] == REF
    assert [c["recipient"] for c in entries["copies"]] == ["full", *CODES, "family"]
    for entry in entries["copies"]:
        assert set(entry) == {"recipient", "file", "sha256", "signed_by", "created_at"}
        pdf = folder / entry["file"]
        assert hashlib.sha256(pdf.read_bytes()).hexdigest() == entry["sha256"]
        assert bool(entry["signed_by"]) is signed
        assert not any(n in entry["file"] for n in PERSON_NAMES)
        recipient = entry["recipient"]
        text = flat_text(pdf)
        raw = decompressed(pdf, built.root)
        meta = tool("pdfinfo", "-meta", str(pdf)).stdout + tool("pdfinfo", str(pdf)).stdout
        assert tool("qpdf", "--check", str(pdf)).returncode == 0, recipient
        for item in built.items:
            if may_see(recipient, item):
                assert item.canary in text, (recipient, item)
            else:
                assert item.canary not in text and item.canary.encode() not in raw, (recipient, item)
            assert item.canary not in meta
        for canary in built.always:
            # Decisions reach the family only in their family wording, dissent never (issue 14).
            assert (canary in text) is (recipient != "family"), (recipient, canary)
        if recipient == "family":
            assert D1_RATIONALE not in text and "withheld" not in text.lower()
        else:
            assert (D1_RATIONALE in text) is holds_d1_rationale(recipient, built.items), recipient
        assert not any(name in meta for name in PERSON_NAMES), recipient
        if signed:
            sig = tool("pdfsig", str(pdf)).stdout
            assert "Signature is Valid" in sig and "Total document signed" in sig, (recipient, sig)
        else:
            pages = tool("pdfinfo", str(pdf)).stdout
            count = int(next(line.split()[-1] for line in pages.splitlines() if line.startswith("Pages:")))
            assert text.count("DRAFT") >= count, recipient


def test_draft_copies_hold_exactly_what_each_agency_may_see(built: Built) -> None:
    _check_copies(built.draft, built, signed=False)


def test_signed_copies_hold_exactly_what_each_agency_may_see(built: Built) -> None:
    _check_copies(built.signed, built, signed=True)
    r = run("verify", str(built.signed / f"{REF}_GP-2.pdf"), "--trust", str(built.cert), passphrase=None)
    assert r.returncode == 0 and "Verdict: valid" in r.stdout and "Signer trusted: yes" in r.stdout


def test_a_tampered_copy_is_never_blamed_on_the_trusted_certificate(built: Built, tmp_path: Path) -> None:
    data = bytearray((built.signed / f"{REF}_YOT.pdf").read_bytes())
    data[len(data) // 3] ^= 0x01
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(bytes(data))
    assert "Digest Mismatch" in tool("pdfsig", str(bad)).stdout
    r = run("verify", str(bad), "--trust", str(built.cert), passphrase=None)
    assert r.returncode == 1 and "Verdict: tampered" in r.stdout
    assert "Signature valid: no" in r.stdout
    assert "Signer trusted: not checked" in r.stdout and "--trust" not in r.stdout, r.stdout


def test_a_changed_byte_in_the_signature_padding_is_tampering(built: Built, tmp_path: Path) -> None:
    data = bytearray((built.signed / f"{REF}_CSC.pdf").read_bytes())
    gap_end = int(re.search(rb"/ByteRange \[\s*\d+ \d+ (\d+)", data).group(1))
    data[gap_end - 100] = 0x00  # a padding zero digit becomes white space to a PDF reader
    bad = tmp_path / "padding.pdf"
    bad.write_bytes(bytes(data))
    assert "Not total document signed" in tool("pdfsig", str(bad)).stdout
    r = run("verify", str(bad), "--trust", str(built.cert), passphrase=None)
    assert r.returncode == 1 and "Verdict: tampered" in r.stdout, r.stdout


def test_chair_passphrase_cannot_act_as_the_administrator(built: Built) -> None:
    r = built.cli("--user", "admin", "distribute", REF, "--to-folder", str(built.root / "x"))
    assert "This passphrase is not admin's" in refused(r)
    assert not (built.root / "x").exists()
    # Nothing changed but the audit log, which now holds the attempt under the chair's name.
    ctx, chair = session.open_session(built.data, PASSPHRASE)
    with ctx.unit_of_work() as uow:
        last = uow.audit.events()[-1]
    ctx.close()
    assert (last.user, last.action, last.details) == ("chair", "denied", {"requested_user": "admin"})


def test_unsigned_rerender_then_distribution_sends_each_agency_its_signed_copy(built: Built) -> None:
    # Rendering again without --sign after sign-off must not replace the signed copies.
    r = built.cli("minutes", REF, "--out", str(built.root / "plain"))
    assert r.returncode == 0 and "not signed" in r.stdout, r.stderr
    signed = {c["recipient"]: c["sha256"] for c in manifest(built.signed)["copies"]}
    admin = ("--user", "admin")
    with SmtpServer() as server:
        server.handler.refuse["yot@example.org"] = "550 5.1.1 mailbox unavailable"
        args = ["distribute", REF, "--smtp-host", "127.0.0.1", "--smtp-port", str(server.port),
                "--smtp-security", "none", "--smtp-sender", "minutes@example.org"]
        r = built.cli(*admin, *args, passphrase=ADMIN_PASSPHRASE)
        assert r.returncode == 6 and "Traceback" not in r.stderr, r.stderr
        assert "YOT: FAILED (550" in r.stdout and "LA_HOUSING: FAILED" in r.stdout
        # Sent long after the meeting: late, not "not yet"; LA_HOUSING has not had it at all.
        assert "later than one working day" in r.stdout and "Not yet sent" in r.stdout
        server.handler.refuse.clear()
        r = built.cli(*admin, *args, passphrase=ADMIN_PASSPHRASE)
        assert r.stdout.count("already received") == len(EMAILED) - 1 and "YOT: sent" in r.stdout
    by_recipient: dict[str, list] = {}
    for received in server.received:
        assert len(received.recipients) == 1
        by_recipient.setdefault(received.recipients[0], []).append(received.message)
    assert sorted(by_recipient) == sorted(f"{a}" for a in (
        "csc@example.org", "police@example.org", "health@example.org", "dsl@example.org",
        "yot@example.org", "gp2@example.org", "probation@example.org"))
    for address, messages in by_recipient.items():
        assert len(messages) == 1, address
        message = messages[0]
        pdfs = [p for p in message.iter_attachments() if p.get_content_type() == "application/pdf"]
        assert len(pdfs) == 1
        code = pdfs[0].get_filename().removeprefix(f"{REF}_").removesuffix(".pdf")
        assert hashlib.sha256(pdfs[0].get_payload(decode=True)).hexdigest() == signed[code]
        body = message.get_body(preferencelist=("plain",)).get_content()
        assert not any(n in body or n in str(message["Subject"]) for n in PERSON_NAMES)
        assert "ZZCANARY" not in body
    out = built.root / "by-hand"
    r = built.cli(*admin, "distribute", REF, "--to-folder", str(out), passphrase=ADMIN_PASSPHRASE)
    assert r.returncode == 0 and "LA_HOUSING: saved" in r.stdout, r.stdout + r.stderr
    saved = out / f"{REF}_LA_HOUSING.pdf"
    assert hashlib.sha256(saved.read_bytes()).hexdigest() == signed["LA_HOUSING"]
    assert built.cli("audit", "verify").returncode == 0


def test_a_signed_off_export_moves_to_a_fresh_store_signed_off_and_its_copies_verify(built, tmp_path):
    """Issue 15: the interchange file keeps what the record is. Exported from the signed-off
    store, imported into a new one, the record is signed off there with the same content hash,
    refuses edits, and ``minutes --sign`` there makes copies that ``verify`` accepts."""
    exported = tmp_path / "signed.json"
    r = built.cli("export", REF, "-o", str(exported))
    assert r.returncode == 0, r.stderr
    document = json.loads(exported.read_text(encoding="utf-8"))
    status = document["meeting"]["status"]  # distributed, when the distribution test ran first
    assert document["format"] == "strategy-meeting/3" and status in ("signed_off", "distributed")
    signed_hash = document["meeting"]["sign_off"]["content_hash"]

    fresh = tmp_path / "fresh"

    def cli(*args: str):
        return run("--data-dir", str(fresh), *args, passphrase="the second store's long passphrase")

    assert cli("init", "--user", "deputy").returncode == 0
    r = cli("import", str(exported))
    assert r.returncode == 0 and r.stdout.strip() == REF, r.stderr
    again = tmp_path / "again.json"
    assert cli("export", REF, "-o", str(again)).returncode == 0
    moved = json.loads(again.read_text(encoding="utf-8"))["meeting"]
    assert moved["status"] == status and moved["sign_off"]["content_hash"] == signed_hash
    assert "already signed off" in refused(cli("sign-off", REF, *SIGN_OFF_ARGS))
    cert, out = tmp_path / "deputy.pem", tmp_path / "copies"
    for args in (("identity", "new", "--self-signed"), ("identity", "export-cert", "-o", str(cert)),
                 ("minutes", REF, "--out", str(out), "--sign")):
        r = cli(*args)
        assert r.returncode == 0, (args, r.stderr)
    copies = manifest(out)["copies"]
    assert copies and all(c["signed_by"] for c in copies)
    for entry in copies:
        r = cli("verify", str(out / entry["file"]), "--trust", str(cert))
        assert r.returncode == 0, (entry["recipient"], r.stdout, r.stderr)

    document["meeting"]["location"] = "Changed after sign-off"
    changed = tmp_path / "changed.json"
    changed.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    other = tmp_path / "other"
    assert run("--data-dir", str(other), "init", "--user", "x", passphrase="a third long passphrase here").returncode == 0
    r = run("--data-dir", str(other), "import", str(changed), passphrase="a third long passphrase here")
    assert "is not what was signed off" in refused(r)
