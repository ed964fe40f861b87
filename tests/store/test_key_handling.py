# SPDX-License-Identifier: LicenseRef-Proprietary
"""Key handling (security tests 6-11): wrong passphrases change nothing, awkward passphrases
work, the KDF runs only where meant, the keyring is optional, and no secret reaches a log."""

from __future__ import annotations

import base64
import hashlib
import logging
import time
import unicodedata
import uuid
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail

from builders import sample_meeting
from conftest import PASSPHRASE
from strategy_meeting.domain.errors import StoreExists, UserError, WrongPassphrase
from strategy_meeting.domain.roles import Role
from strategy_meeting.services import backup, meetings, session, users
from strategy_meeting.store import FAST_TEST_KDF, Store, key_slots
from strategy_meeting.store.layout import REMEMBERED_HINT_FILE


def state(folder: Path) -> dict[str, tuple[str, int]]:
    """Every file with its hash and modification time (ns). Not the empty "remembered here"
    hint (store/layout.py): it follows what the keyring last said, and holds nothing."""
    return {p.name: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
            for p in sorted(folder.iterdir()) if p.is_file() and p.name != REMEMBERED_HINT_FILE}


# ---- 6: a wrong passphrase changes nothing ------------------------------------------------


def test_wrong_passphrase_says_so_and_leaves_every_file_as_it_was(data_dir):
    before = state(data_dir)
    time.sleep(0.01)  # a rewrite would show in the modification times
    for attempt in ("wrong passphrase", PASSPHRASE.upper(), PASSPHRASE + " "):
        with pytest.raises(WrongPassphrase, match="Wrong passphrase: the store was not opened"):
            session.open_session(data_dir, attempt)
    with pytest.raises(StoreExists, match="nothing was changed"):
        session.init_store(data_dir, "someone", "a new passphrase", kdf=FAST_TEST_KDF)
    assert state(data_dir) == before
    session.open_session(data_dir, PASSPHRASE)[0].close()  # control: the store is still there


# ---- 7: awkward passphrases ----------------------------------------------------------------


@pytest.mark.parametrize("passphrase", [
    'double "quoted" passphrase',
    "single 'quoted' passphrase",
    "semi;colons; DROP TABLE users; --",
    "x'00' PRAGMA key = 'nope'",
    "ünïcödé ☃ 秘密の合言葉 " + "é" * 200,
    "\\backslash\\ and\ttab",
])
def test_awkward_passphrases_create_close_and_reopen(tmp_path, passphrase):
    directory = tmp_path / "data"
    ctx, chair, _ = session.init_store(directory, "chair", passphrase, kdf=FAST_TEST_KDF)
    meetings.create(ctx, chair, template=sample_meeting())
    ctx.close()
    ctx, chair = session.open_session(directory, passphrase)
    try:
        assert meetings.get(ctx, chair, "SD-2026-0100").reference == "SD-2026-0100"
    finally:
        ctx.close()


def test_the_same_passphrase_typed_decomposed_still_opens(tmp_path):
    composed = "caf\u00e9 au lait passphrase"
    ctx, _, _ = session.init_store(tmp_path / "d", "chair", composed, kdf=FAST_TEST_KDF)
    ctx.close()
    session.open_session(tmp_path / "d", unicodedata.normalize("NFD", composed))[0].close()


# ---- 8: the KDF runs only where intended ---------------------------------------------------


def test_a_raw_key_open_runs_no_key_derivation_and_a_passphrase_open_does(data_dir, monkeypatch):
    """What makes the remembered open fast is that it skips Argon2id; counted, not timed (a
    timing ratio failed whenever the other test worker was busy)."""
    from strategy_meeting.store import key_slots

    derived: list[int] = []
    real_derive = key_slots._derive  # noqa: SLF001

    def counting(secret, salt, params):  # type: ignore[no-untyped-def]
        derived.append(params.memory_kib)
        return real_derive(secret, salt, params)

    monkeypatch.setattr(key_slots, "_derive", counting)
    store, user = Store.open(data_dir, PASSPHRASE + " admin", "admin")  # a slot at the production cost
    key, key_file = store.raw_key_for_backup(), store.key_file
    store.close()
    assert user == "admin" and derived and max(derived) >= key_slots.KdfParams().memory_kib
    derived.clear()
    store = Store._opened(data_dir, key, key_file)  # noqa: SLF001
    try:
        assert store.integrity_problems() == []  # ... and it really opened and read every page
    finally:
        store.close()
    assert derived == []


# ---- 9 and 10: the keyring is optional, never a plaintext fallback -------------------------


class FakeOsKeyring(KeyringBackend):
    """A FAKE of an OS keyring (no Secret Service runs here): in memory, and declared under
    an allow-listed module name so the store treats it as a real OS backend."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):  # type: ignore[no-untyped-def]
        return self.entries.get((service, username))

    def set_password(self, service, username, password):  # type: ignore[no-untyped-def]
        self.entries[(service, username)] = password

    def delete_password(self, service, username):  # type: ignore[no-untyped-def]
        from keyring.errors import PasswordDeleteError

        if self.entries.pop((service, username), None) is None:
            raise PasswordDeleteError("no such entry")


FakeOsKeyring.__module__ = "keyring.backends.SecretService"


class PlaintextFileKeyring(KeyringBackend):
    """Stands for keyrings.alt's plaintext backends: usable, but not allowed."""

    priority = 1  # type: ignore[assignment]

    def get_password(self, service, username):  # type: ignore[no-untyped-def]
        return None

    def set_password(self, service, username, password):  # type: ignore[no-untyped-def]
        raise AssertionError("a plaintext keyring must never be written")

    def delete_password(self, service, username):  # type: ignore[no-untyped-def]
        pass


@pytest.fixture
def use_keyring():
    original = keyring.get_keyring()
    yield keyring.set_keyring
    keyring.set_keyring(original)


def key_forms(key: bytes) -> list[bytes]:
    return [key.hex().encode(), key.hex().upper().encode(), base64.b64encode(key), key]


@pytest.mark.parametrize("backend", [fail.Keyring, PlaintextFileKeyring], ids=["no-keyring", "plaintext-keyring"])
def test_without_a_secure_keyring_the_app_is_passphrase_only_with_a_reason(data_dir, use_keyring, backend):
    use_keyring(backend())
    available, reason = session.keyring_available()
    assert not available and "passphrase" in reason
    ctx, chair = session.open_session(data_dir, PASSPHRASE)
    key = ctx.store.raw_key_for_backup()
    try:
        with pytest.raises(UserError, match="passphrase each time"):
            session.remember_on_this_computer(ctx, chair)
    finally:
        ctx.close()
    assert session.open_from_keyring(data_dir) is None  # so the app asks
    for path in data_dir.rglob("*"):
        if path.is_file():
            assert not any(form in path.read_bytes() for form in key_forms(key)), path.name


def test_a_lost_keyring_entry_means_asking_never_a_new_store(data_dir, recovery_key, use_keyring):
    fake = FakeOsKeyring()
    use_keyring(fake)
    assert session.keyring_available() == (True, "")
    ctx, chair = session.open_session(data_dir, PASSPHRASE)
    meetings.create(ctx, chair, template=sample_meeting())
    session.remember_on_this_computer(ctx, chair)
    ctx.close()
    remembered = session.open_from_keyring(data_dir)
    assert remembered is not None
    remembered[0].close()

    before = state(data_dir)
    fake.entries.clear()  # the entry vanished (the Signal #6970 case) ...
    assert session.open_from_keyring(data_dir) is None
    use_keyring(fail.Keyring())  # ... or the backend changed
    assert session.open_from_keyring(data_dir) is None
    assert state(data_dir) == before  # nothing created, nothing replaced

    ctx, chair = session.open_with_recovery_key(data_dir, recovery_key, "chair", "a brand new passphrase")
    try:
        assert meetings.get(ctx, chair, "SD-2026-0100").reference == "SD-2026-0100"  # the existing store
    finally:
        ctx.close()
    session.open_session(data_dir, "a brand new passphrase")[0].close()
    with pytest.raises(WrongPassphrase):
        session.open_session(data_dir, PASSPHRASE)


# ---- 11: no secret in any log or on stderr -------------------------------------------------


def test_a_full_session_with_debug_logging_and_sql_echo_leaks_nothing(data_dir, caplog, capfd, tmp_path):
    secret = f"ZZLEAK-{uuid.uuid4()}"
    caplog.set_level(logging.DEBUG)
    for name in ("sqlalchemy", "sqlalchemy.engine", "sqlalchemy.pool", "alembic"):
        caplog.set_level(logging.DEBUG, logger=name)
    ctx, chair = session.open_session(data_dir, PASSPHRASE)
    key = ctx.store.raw_key_for_backup()
    engine = ctx.store._require_engine()
    try:
        meetings.create(ctx, chair, template=sample_meeting(child_name=secret, restricted_text=secret))
        admin = users.resolve(ctx, "admin")
        users.add_user(ctx, admin, "named", Role.CHAIR, "named user passphrase", display_name=secret)
        for echo in ("as created", True, "debug"):  # DEBUG logging alone, then what a developer sets
            if echo != "as created":
                engine.echo = echo
            assert meetings.get(ctx, chair, "SD-2026-0100").children[0].name == secret  # control
            assert secret in [u.display_name for u in users.list_users(ctx, admin)]
        made = backup.create_backup(ctx, chair, tmp_path / "backups")
        assert secret not in repr(engine.url) and key.hex() not in repr(engine.url)
        assert key.hex() not in repr(engine) + repr(engine.pool)
    finally:
        ctx.close()
    with pytest.raises(WrongPassphrase):
        session.open_session(data_dir, "wrong passphrase")
    backup.restore(data_dir, made.path, passphrase=PASSPHRASE)
    # Control: logging really was on, at DEBUG, while all that happened.
    assert any(r.levelno == logging.DEBUG and r.name.startswith("sqlalchemy") for r in caplog.records)
    out, err = capfd.readouterr()
    everything = caplog.text + out + err
    for needle in [secret, PASSPHRASE, *[f.decode("latin-1") for f in key_forms(key)[:3]]]:
        assert needle not in everything


def test_sqlcipher_writes_its_errors_to_stderr_unless_silenced(data_dir, capfd):
    # Control for the test above: SQLCipher's own log does reach stderr when left on, so
    # capturing fd 2 would catch it; the store's connections switch it off.
    import sqlcipher3

    conn = sqlcipher3.connect(str(data_dir / "store.db"))
    conn.execute("PRAGMA cipher_log_level = ERROR")
    conn.execute("PRAGMA cipher_log = stderr")
    conn.execute(f"PRAGMA key = \"x'{'00' * 32}'\"")
    with pytest.raises(sqlcipher3.DatabaseError):
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    conn.close()
    assert "hmac" in capfd.readouterr().err.lower()


def test_slot_file_never_holds_the_key_or_a_passphrase(data_dir, ctx):
    text = (data_dir / key_slots.KEY_FILE_NAME).read_bytes()
    key = ctx.store.raw_key_for_backup()
    assert not any(form in text for form in key_forms(key))
    assert PASSPHRASE.encode() not in text
