# SPDX-License-Identifier: LicenseRef-Proprietary
"""Keys that match the roles (issue 13): a signing key only its holder can use, an account
that acts only as itself, two people who stay two people, and no agency representative's
account in a local store. Each with the control that must succeed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import sqlcipher3
from cryptography.hazmat.primitives import serialization

from builders import SIGN_OFF_ARGS, sample_meeting, sign_off
from conftest import ADMIN_PASSPHRASE, PASSPHRASE
from strategy_meeting.domain.errors import (
    OwnKeyNotOpen,
    PermissionDenied,
    PersonalKeyMissing,
    WrongPassphrase,
)
from strategy_meeting.domain.roles import Role, User
from strategy_meeting.services import identities, meetings, session, users
from strategy_meeting.services.minutes.service import render_minutes, verify_file
from strategy_meeting.store import Store, key_slots
from strategy_meeting.store.engine import raw_key_literal

ROOT = Path(__file__).resolve().parents[2]


def _every_cell(data_dir: Path, key: bytes) -> list[bytes]:
    """Every value of every table, read raw with sqlcipher3 and the store key (what any
    account's passphrase yields), as bytes."""
    conn = sqlcipher3.connect(str(data_dir / "store.db"))
    try:
        conn.execute(f'PRAGMA key = "{raw_key_literal(key)}"')
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()]
        cells: list[bytes] = []
        for table in tables:
            for row in conn.execute(f'SELECT * FROM "{table}"').fetchall():
                for value in row:
                    if isinstance(value, bytes):
                        cells.append(value)
                    elif isinstance(value, str):
                        cells.append(value.encode("utf-8"))
        return cells
    finally:
        conn.close()


def _loads_as_private_key(blob: bytes) -> bool:
    for load in (serialization.load_pem_private_key, serialization.load_der_private_key):
        try:
            load(blob, password=None)
            return True
        except (ValueError, TypeError):
            continue
    return False


def test_the_administrators_key_finds_no_private_key_and_cannot_sign_as_the_chair(data_dir, clock, tmp_path):
    ctx, chair = session.open_session(data_dir, PASSPHRASE, clock=clock)
    identities.new_self_signed(ctx, chair)
    meeting, _ = meetings.create(ctx, chair, template=sample_meeting())
    sign_off(ctx, chair, meeting.reference)
    trust = tmp_path / "chair.pem"
    trust.write_bytes(identities.active_certificate(ctx, chair))
    # The control: the chair's own session signs, and the copy verifies as the chair's.
    done = render_minutes(ctx, chair, meeting.reference, tmp_path / "chair", agencies=["EDU"], sign=True)
    assert all(verify_file(c.path, trust).trusted for c in done.copies)
    ctx.close()

    store, who = Store.open(data_dir, ADMIN_PASSPHRASE, "admin")
    key = store.raw_key_for_backup()
    store.close()
    assert who == "admin"
    cells = _every_cell(data_dir, key)
    assert cells, "the raw read found nothing at all"
    assert not any(b"PRIVATE KEY" in c for c in cells)
    assert not any(_loads_as_private_key(c) for c in cells)
    assert any(c.startswith(key_slots.SEALED_PREFIX) for c in cells)  # it is there, sealed

    # Through the app as the administrator: the chair's key does not open for them.
    admin_ctx, admin = session.open_session(data_dir, ADMIN_PASSPHRASE, "admin", clock=clock)
    with admin_ctx.unit_of_work() as uow:
        sealed = uow.identities.active_for("chair")
    assert sealed is not None
    with pytest.raises(PersonalKeyMissing):
        identities.unseal(admin_ctx, sealed)
    admin_ctx.close()


def test_the_holders_own_session_opens_their_sealed_key(data_dir, clock):
    ctx, chair = session.open_session(data_dir, PASSPHRASE, clock=clock)
    identities.new_self_signed(ctx, chair)
    with ctx.unit_of_work() as uow:
        sealed = uow.identities.active_for("chair")
    plain = identities.unseal(ctx, sealed).private_key_pem
    assert plain.startswith(b"-----BEGIN")
    ctx.close()


def test_acting_as_another_user_is_refused_and_recorded(data_dir, clock):
    with pytest.raises(PermissionDenied, match="not chair's"):
        session.open_session(data_dir, ADMIN_PASSPHRASE, "chair", clock=clock)
    ctx, chair = session.open_session(data_dir, PASSPHRASE, "chair", clock=clock)  # the control
    assert chair.name == "chair"
    with ctx.unit_of_work() as uow:
        denied = [e for e in uow.audit.events() if e.action == "denied"]
    ctx.close()
    assert len(denied) == 1
    assert denied[0].user == "admin" and denied[0].details == {"requested_user": "chair"}


def _cli(data_dir: Path, passphrase_file: Path, *args: str) -> subprocess.CompletedProcess:
    env = {"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"}
    return subprocess.run(
        [sys.executable, "-m", "strategy_meeting.main", "--data-dir", str(data_dir),
         "--passphrase-file", str(passphrase_file), *args],
        capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL, timeout=120)


def test_the_command_line_refuses_another_users_name_in_one_line(data_dir, tmp_path, clock):
    ctx, chair = session.open_session(data_dir, PASSPHRASE, clock=clock)
    meeting, _ = meetings.create(ctx, chair, template=sample_meeting())
    ctx.close()
    admin_file, chair_file = tmp_path / "admin.txt", tmp_path / "chair.txt"
    admin_file.write_text(ADMIN_PASSPHRASE + "\n", encoding="utf-8")
    chair_file.write_text(PASSPHRASE + "\n", encoding="utf-8")

    refused = _cli(data_dir, admin_file, "--user", "chair", "sign-off", meeting.reference,
                   *SIGN_OFF_ARGS)
    assert refused.returncode != 0
    assert refused.stderr.count("\n") == 1 and "not chair's" in refused.stderr, refused.stderr

    # A refused privileged attempt under one's own name is recorded too.
    own = _cli(data_dir, admin_file, "--user", "admin", "sign-off", meeting.reference,
               *SIGN_OFF_ARGS)
    assert own.returncode != 0 and own.stderr.count("\n") == 1, own.stderr

    works = _cli(data_dir, chair_file, "--user", "chair", "sign-off", meeting.reference,
                 *SIGN_OFF_ARGS)
    assert works.returncode == 0, works.stderr

    ctx, chair = session.open_session(data_dir, PASSPHRASE, clock=clock)
    with ctx.unit_of_work() as uow:
        denied = [(e.user, e.object) for e in uow.audit.events() if e.action == "denied"]
    ctx.close()
    assert denied == [("admin", "act_as_another_user"), ("admin", "command:sign-off")]


def test_two_people_given_the_same_passphrase_stay_two_people(data_dir, clock):
    ctx, chair = session.open_session(data_dir, PASSPHRASE, clock=clock)
    admin = users.resolve(ctx, "admin")
    same = "the same first passphrase"
    users.add_user(ctx, admin, "deputy", Role.CHAIR, same)
    users.add_user(ctx, admin, "minutes", Role.ADMINISTRATOR, same)
    ctx.close()
    for name, role in (("deputy", Role.CHAIR), ("minutes", Role.ADMINISTRATOR)):
        ctx, actor = session.open_session(data_dir, same, name, clock=clock)
        assert (actor.name, actor.role) == (name, role)
        ctx.close()
    # Without a name, the store's first account is meant: this passphrase is not its, and
    # the attempt is recorded rather than guessed at.
    with pytest.raises(PermissionDenied, match="give your own user name"):
        session.open_session(data_dir, same, clock=clock)


def test_a_slot_is_found_by_name_and_a_wrong_name_says_so(data_dir):
    kf = key_slots.read_key_file(data_dir / "keys.json")
    labels = [s.label for s in kf.slots if s.kind == "passphrase"]
    assert key_slots.user_label(kf.store_id, "chair") in labels
    assert key_slots.user_label(kf.store_id, "admin") in labels
    assert "chair" not in (data_dir / "keys.json").read_text(encoding="utf-8")  # names nobody
    with pytest.raises(WrongPassphrase, match="no account called 'nobody'"):
        Store.open(data_dir, PASSPHRASE, "nobody")


def test_an_agency_representative_account_is_refused_with_the_reason(ctx, admin):
    with pytest.raises(PermissionDenied, match="request form"):
        users.add_user(ctx, admin, "teacher", Role.AGENCY_REP, "teacher passphrase", agency="EDU")
    with ctx.unit_of_work() as uow:
        assert uow.users.get("teacher") is None
    users.add_user(ctx, admin, "deputy", Role.CHAIR, "deputy passphrase")  # the control


def _older_store(data_dir: Path) -> None:
    """What a store from before this version may hold: a representative's account and a
    chair's signing key as plain PEM, written the way the older code wrote them."""
    store, _ = Store.open(data_dir, PASSPHRASE)
    from strategy_meeting.services.minutes.identity import create_self_signed
    from datetime import UTC, datetime

    plain = create_self_signed("chair", "Chair", datetime(2026, 1, 5, tzinfo=UTC))
    with store.unit_of_work(datetime(2026, 1, 5, tzinfo=UTC)) as uow:
        uow.users.add(User("teacher", Role.AGENCY_REP, "EDU"))
        uow.identities.add(plain)
        uow.commit()
    store.set_passphrase("teacher", "teacher passphrase", key_slots.FAST_TEST_KDF)
    store.close()


def test_an_older_store_is_put_right_at_its_first_open(data_dir, clock):
    _older_store(data_dir)
    ctx, chair = session.open_session(data_dir, PASSPHRASE, clock=clock)
    with ctx.unit_of_work() as uow:
        teacher = uow.users.get("teacher")
        retired = uow.identities.list()
        events = [(e.user, e.action, e.object) for e in uow.audit.events()]
    ctx.close()
    assert teacher is not None and not teacher.active
    assert ("system", "user.disable", "user:teacher") in events
    assert ("system", "identity.retire_unsealed", "identity:chair") in events
    assert all(not i.active and i.private_key_pem == b"" for i in retired)
    assert retired[0].certificate_pem.startswith(b"-----BEGIN CERTIFICATE")  # kept for checking
    with pytest.raises(PermissionDenied, match="request form"):
        session.open_session(data_dir, "teacher passphrase", "teacher", clock=clock)


def test_an_older_key_file_opens_and_is_brought_up_to_date(data_dir):
    """Slots from before labels and personal keys: opened by trying them (their only way),
    then labelled, the default marked, and the person's own key added."""
    path = data_dir / "keys.json"
    raw = json.loads(path.read_text(encoding="utf-8"))
    store, _ = Store.open(data_dir, PASSPHRASE)
    data_key = store.raw_key_for_backup()
    store.close()
    kf = key_slots.read_key_file(path)
    chair_slot = next(s for s in kf.slots if key_slots.slot_user(s, data_key) == "chair")
    # Rewrap the chair's slot as the older code did: no label, no default, no personal key.
    old = key_slots._wrap(data_key, "chair", key_slots.normalise_passphrase(PASSPHRASE),
                          "passphrase", key_slots.FAST_TEST_KDF)
    raw["slots"] = [{**s, "label": "", "default": False} for s in raw["slots"]
                    if s["id"] != chair_slot.id] + [
        {k: v for k, v in old.__dict__.items() if k not in ("label", "default")}]
    path.write_text(json.dumps(raw), encoding="utf-8")

    store, who = Store.open(data_dir, PASSPHRASE)
    assert who == "chair"
    store.seal_personal(b"x", "probe")  # the person's own key is there now
    store.close()
    updated = key_slots.read_key_file(path)
    assert all(s.label for s in updated.slots if s.kind == "passphrase")
    assert [key_slots.slot_user(s, data_key) for s in updated.slots if s.default] == ["chair"]
    Store.open(data_dir, ADMIN_PASSPHRASE, "admin")[0].close()


def test_a_session_without_its_own_key_asks_for_the_holders_passphrase(data_dir, clock):
    """A start from a keyring entry written before own keys: signing needs the holder's own
    passphrase, which opens it; another account's passphrase does not."""
    ctx, chair = session.open_session(data_dir, PASSPHRASE, clock=clock)
    identities.new_self_signed(ctx, chair)
    key, kf = ctx.store.raw_key_for_backup(), ctx.store.key_file
    ctx.close()
    store = Store.opened_with_key(data_dir, key, kf, user="chair")  # no own key, as such a start
    ctx, chair = session.session_for(store, "chair", clock)
    with ctx.unit_of_work() as uow:
        sealed = uow.identities.active_for("chair")
    with pytest.raises(OwnKeyNotOpen):
        identities.unseal(ctx, sealed)
    with pytest.raises(WrongPassphrase):
        session.open_own_key(ctx, chair, ADMIN_PASSPHRASE)
    session.open_own_key(ctx, chair, PASSPHRASE)
    assert identities.unseal(ctx, sealed).private_key_pem.startswith(b"-----BEGIN")
    ctx.close()


def test_a_recovery_gives_a_new_own_key_and_the_old_signing_key_stays_sealed(data_dir, clock, recovery_key):
    ctx, chair = session.open_session(data_dir, PASSPHRASE, clock=clock)
    identities.new_self_signed(ctx, chair)
    ctx.close()
    ctx, chair = session.open_with_recovery_key(data_dir, recovery_key, "chair", "a brand new passphrase")
    with ctx.unit_of_work() as uow:
        sealed = uow.identities.active_for("chair")
    with pytest.raises(PersonalKeyMissing, match="reset"):
        identities.unseal(ctx, sealed)
    identities.new_self_signed(ctx, chair)  # the control: the new own key seals and opens
    with ctx.unit_of_work() as uow:
        fresh = uow.identities.active_for("chair")
    assert identities.unseal(ctx, fresh).private_key_pem.startswith(b"-----BEGIN")
    ctx.close()


def test_the_certificate_needs_no_secret_and_the_pkcs12_needs_the_holders(data_dir, clock, tmp_path):
    from cryptography.hazmat.primitives.serialization import pkcs12

    ctx, chair = session.open_session(data_dir, PASSPHRASE, clock=clock)
    identities.new_self_signed(ctx, chair)
    exported = identities.export_pkcs12(ctx, chair, tmp_path / "chair.p12", "a p12 password")
    key, cert, _ = pkcs12.load_key_and_certificates(exported.read_bytes(), b"a p12 password")
    assert key is not None and cert is not None
    assert key.public_key().public_numbers() == cert.public_key().public_numbers()
    assert (exported.stat().st_mode & 0o777) == 0o600
    key_bytes, kf = ctx.store.raw_key_for_backup(), ctx.store.key_file
    ctx.close()

    # A session holding the store key but not the chair's own key (what any other account, or
    # an older remembered start, has): the certificate yes, the PKCS#12 no.
    ctx, chair = session.session_for(Store.opened_with_key(data_dir, key_bytes, kf, user="chair"),
                                     "chair", clock)
    identities.export_certificate(ctx, chair, tmp_path / "chair.pem")
    assert (tmp_path / "chair.pem").read_bytes().startswith(b"-----BEGIN CERTIFICATE")
    with pytest.raises(OwnKeyNotOpen):
        identities.export_pkcs12(ctx, chair, tmp_path / "stolen.p12", "a p12 password")
    assert not (tmp_path / "stolen.p12").exists()
    ctx.close()


def test_export_p12_from_the_command_line(data_dir, tmp_path, clock):
    ctx, chair = session.open_session(data_dir, PASSPHRASE, clock=clock)
    identities.new_self_signed(ctx, chair)
    ctx.close()
    passphrase_file, password_file = tmp_path / "chair.txt", tmp_path / "p12.txt"
    passphrase_file.write_text(PASSPHRASE + "\n", encoding="utf-8")
    password_file.write_text("a p12 password\n", encoding="utf-8")
    done = _cli(data_dir, passphrase_file, "identity", "export-p12", "-o", str(tmp_path / "me.p12"),
                "--password-file", str(password_file))
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "me.p12").stat().st_size > 0
    refused = _cli(data_dir, passphrase_file, "identity", "export-p12", "-o", str(tmp_path / "x.p12"))
    assert refused.returncode != 0 and refused.stderr.count("\n") == 1 and "password" in refused.stderr
