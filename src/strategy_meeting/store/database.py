# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The store: a data folder holding the SQLCipher file, its key slots and the audit head.

Only this package ever holds the raw key; services get a ``Store`` handle and units of work.
Locking disposes the engine and zeroes the key buffer, after which every call raises Locked.
"""

from __future__ import annotations

import json
import os
import threading
from datetime import datetime
from pathlib import Path

import sqlcipher3
from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from strategy_meeting.domain.errors import (
    Locked,
    OwnKeyNotOpen,
    PersonalKeyMissing,
    StoreCorrupted,
    StoreExists,
    WrongPassphrase,
)
from strategy_meeting.domain.roles import User

from . import key_slots, keyring_slot, layout, migrations, trust_upgrade, work_files
from .layout import AUDIT_HEAD_FILE, DB_FILE, check_before_open, store_exists
from .engine import as_damage, create_store_engine, integrity_problems, read_only_refusal
from .remembered import find_remembered
from .repositories import AuditLog
from .unit_of_work import UnitOfWork

KEYRING_SLOT = keyring_slot.DATA_KEY_SLOT


def _atomic_write(path: Path, text: str) -> None:
    # A temporary name of its own per write: two threads committing at once must not rename
    # each other's half-written file (seen as a FileNotFoundError in the concurrent-writers test).
    work_files.replace_text(path, text)


def _private(path: Path) -> None:
    """Owner-only permissions where the platform has them (no effect on Windows ACLs)."""
    try:
        os.chmod(path, 0o700 if path.is_dir() else 0o600)
    except OSError:
        pass


class Store(keyring_slot.NamedSecrets):
    def __init__(self, data_dir: Path, key: bytes, key_file: key_slots.KeyFile, *,
                 user: str | None = None, personal: bytes | None = None) -> None:
        self.data_dir = data_dir
        self.key_file = key_file
        self._key = bytearray(key)
        # Who unlocked, and their own key (from their slot or their keyring entry): what is
        # sealed to one person opens only in a store that person unlocked.
        self.user = user
        self._personal: bytearray | None = bytearray(personal) if personal else None
        self._head_lock = threading.Lock()
        self._head_written = 0
        self._engine: Engine | None = create_store_engine(
            self.db_path, self._key, went_read_only=lambda: self.damage is not None)
        # Exports and backups written while this store is open are registered in its data
        # folder, so a kill mid-write is cleaned up by the next start.
        if work_files.default_registry() is None:
            work_files.use_registry(data_dir)
        # Set when a page fails its check in use: from then on this open store only reads, so a
        # damaged file is never written to again before it is restored (security test 36).
        self.damage: StoreCorrupted | None = None

    # ---- paths ----------------------------------------------------------------------

    @property
    def db_path(self) -> Path:
        return self.data_dir / DB_FILE

    @property
    def key_path(self) -> Path:
        return self.data_dir / key_slots.KEY_FILE_NAME

    @property
    def store_id(self) -> str:
        return self.key_file.store_id

    # ---- create and open ------------------------------------------------------------

    @classmethod
    def create(
        cls,
        data_dir: Path,
        user: User,
        passphrase: str,
        kdf: key_slots.KdfParams = key_slots.KdfParams(),
        now: datetime | None = None,
    ) -> tuple[Store, str]:
        """Make a new store with its first user. Returns the store and the recovery key,
        which is shown once and never stored."""
        key_slots.check_passphrase_acceptable(passphrase)  # before anything is made on disk
        data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        _private(data_dir)
        if store_exists(data_dir) or (data_dir / key_slots.KEY_FILE_NAME).exists():
            raise StoreExists(f"A store already exists in {data_dir}; nothing was changed.")
        key = key_slots.new_data_key()
        kf, recovery, personal = key_slots.create_key_file(key, user.name, passphrase, kdf)
        store = cls(data_dir, key, kf, user=user.name, personal=personal)
        try:
            store.migrate()
            with store.unit_of_work(now or datetime.now().astimezone()) as uow:
                uow.users.add(user)
                uow.audit.append(user.name, "store.create", "store", {"role": user.role.value})
                uow.commit()
        except BaseException:
            store.close()
            for name in (DB_FILE, DB_FILE + "-wal", DB_FILE + "-shm", AUDIT_HEAD_FILE):
                (data_dir / name).unlink(missing_ok=True)
            raise
        # The key file is written last: a store without it never counts as created.
        key_slots.write_key_file(store.key_path, kf)
        for name in (DB_FILE, key_slots.KEY_FILE_NAME, AUDIT_HEAD_FILE):
            _private(data_dir / name)
        return store, recovery

    @classmethod
    def open(cls, data_dir: Path, passphrase: str, user: str | None = None) -> tuple[Store, str]:
        """Unlock ``user``'s own slot (the first account's when no name is given)."""
        kf = check_before_open(data_dir)
        unlocked = key_slots.unlock_user(kf, passphrase, user)
        store = cls._opened(data_dir, unlocked.key, kf, user=unlocked.user, personal=unlocked.personal)
        store._settle_key_file(passphrase)
        return store, unlocked.user

    @classmethod
    def open_as_passphrase_owner(cls, data_dir: Path, passphrase: str) -> tuple[Store, str] | None:
        """The store opened as whoever owns this passphrase, to record their refused attempt
        to act as someone else; None when it opens no slot. The store's owner's own key is
        not loaded: nothing may be signed in a store opened this way."""
        kf = check_before_open(data_dir)
        found = key_slots.passphrase_owner(kf, passphrase)
        if found is None:
            return None
        return cls._opened(data_dir, found.key, kf, user=found.user), found.user

    def _settle_key_file(self, passphrase: str) -> None:
        """A key file from before labels and personal keys is brought up to date by the first
        unlock that can: labels from the data key, and this person's own key into their slot
        (with the passphrase just typed). Best effort on a store that only reads."""
        if self.damage is not None or not self.user:
            return
        # Only an older key file asks the users table who the first account is: not every open.
        changed = key_slots.needs_relabel(self.key_file) and key_slots.relabel(
            self.key_file, bytes(self._key), self._first_user())
        if self._personal is None:
            slot_kdf = next((s.kdf for s in self.key_file.slots if s.kind == "passphrase"
                             and key_slots.slot_user(s, bytes(self._key)) == self.user), None)
            params = key_slots.params_from(slot_kdf) if slot_kdf else key_slots.KdfParams()
            self._personal = bytearray(key_slots.set_user_passphrase(
                self.key_file, bytes(self._key), self.user, passphrase, params))
            changed = True
        if changed:
            key_slots.write_key_file(self.key_path, self.key_file)

    def _first_user(self) -> str | None:
        with self._require_engine().connect() as conn:
            row = conn.exec_driver_sql("SELECT name FROM users ORDER BY id LIMIT 1").first()
        return None if row is None else str(row[0])

    @classmethod
    def open_with_recovery_key(cls, data_dir: Path, recovery_key: str) -> Store:
        kf = check_before_open(data_dir)
        key = key_slots.unlock_with_recovery_key(kf, recovery_key)
        return cls._opened(data_dir, key, kf)

    @classmethod
    def open_from_keyring(cls, data_dir: Path) -> tuple[Store, str] | None:
        """Unlock without typing when this computer remembers the store; None means ask."""
        remembered = find_remembered(data_dir)
        if remembered is None:
            return None
        store = remembered.open_store()
        return None if store is None else (store, remembered.user)

    @classmethod
    def opened_with_key(cls, data_dir: Path, key: bytes, kf: key_slots.KeyFile, *,
                        user: str | None = None, personal: bytes | None = None) -> Store:
        """Open with a raw key already found (the remembered one); migrates if due."""
        return cls._opened(data_dir, key, kf, user=user, personal=personal)

    @classmethod
    def _opened(cls, data_dir: Path, key: bytes, kf: key_slots.KeyFile, *,
                user: str | None = None, personal: bytes | None = None) -> Store:
        # Every start that opens a store (each CLI command, the app's unlock) first removes
        # what killed processes of ours left behind: their temporary files here and in the
        # folders they were writing to (work_files).
        work_files.clean(data_dir)
        store = cls(data_dir, key, kf, user=user, personal=personal)
        try:
            store.migrate()
            store._apply_trust_model()
        except BaseException:
            store.close()
            raise
        return store

    def _apply_trust_model(self) -> None:
        """See trust_upgrade: a read first, so an up-to-date store takes no write lock."""
        if self.damage is not None:
            return
        with self._require_engine().connect() as conn:  # one cheap read, no write lock
            due = trust_upgrade.needs_upgrade_sql(conn)
        if due:
            now = datetime.now().astimezone()
            with self.unit_of_work(now) as uow:
                trust_upgrade.apply(uow)
                uow.commit()

    def migrate(self) -> None:
        engine = self._require_engine()
        try:
            with engine.connect() as conn:
                migrations.upgrade(conn)
                conn.commit()
        except (DBAPIError, sqlcipher3.Error) as exc:
            problem = as_damage(exc)
            if problem is None:
                raise
            raise problem from None

    # ---- working --------------------------------------------------------------------

    def _require_engine(self) -> Engine:
        if self._engine is None:
            raise Locked("The store is locked. Unlock it to go on.")
        return self._engine

    def _require_writable(self) -> None:
        # A store found damaged reads only, and that includes its key file: a rewrapped slot
        # behind an audit event the database then refuses would change a passphrase the user
        # is told was not changed.
        self._require_engine()
        if self.damage is not None:
            raise read_only_refusal()

    @property
    def is_open(self) -> bool:
        return self._engine is not None

    def unit_of_work(self, now: datetime) -> UnitOfWork:
        session = Session(self._require_engine(), expire_on_commit=False, autoflush=False)
        return UnitOfWork(session, now, self._after_commit, self._went_read_only,
                          read_only=lambda: self.damage is not None, actor=self.user or "")

    def _went_read_only(self, problem: StoreCorrupted) -> None:
        with self._head_lock:
            if self.damage is not None or self._engine is None:
                return
            self.damage = problem
            damaged, self._engine = self._engine, create_store_engine(self.db_path, self._key, read_only=True)
        damaged.dispose()  # connections still in use close when their unit of work ends

    def _after_commit(self, audit: AuditLog) -> None:
        if audit.appended:
            last = audit.appended[-1]
            self.write_audit_head(last.seq, last.hash)

    # The chain cannot see its last events cut off; the head kept outside the table can.
    def write_audit_head(self, seq: int, digest: str) -> None:
        # Commits are serialised but their head writes are not: never let an older head
        # overwrite a newer one written by another thread of this process.
        with self._head_lock:
            if seq <= self._head_written:
                return
            _atomic_write(self.data_dir / AUDIT_HEAD_FILE, json.dumps({"seq": seq, "hash": digest}))
            self._head_written = seq

    def read_audit_head(self) -> tuple[int, str] | None:
        try:
            data = json.loads((self.data_dir / AUDIT_HEAD_FILE).read_text(encoding="utf-8"))
            return int(data["seq"]), str(data["hash"])
        except (FileNotFoundError, ValueError, KeyError, TypeError):
            return None

    def integrity_problems(self) -> list[str]:
        return integrity_problems(self.db_path, bytes(self._key))

    # ---- keys -----------------------------------------------------------------------

    def set_passphrase(self, user_name: str, passphrase: str, kdf: key_slots.KdfParams = key_slots.KdfParams()) -> None:
        """Add or change one user's passphrase slot; the database itself is untouched. One's
        own change keeps one's own key; setting another's passphrase gives them a new one."""
        self._require_writable()
        own = user_name == self.user and self._personal is not None
        personal = key_slots.set_user_passphrase(
            self.key_file, bytes(self._key), user_name, passphrase, kdf,
            bytes(self._personal) if own and self._personal is not None else None)
        if user_name == self.user:
            self._personal = bytearray(personal)
        key_slots.write_key_file(self.key_path, self.key_file)

    def remove_passphrase(self, user_name: str) -> None:
        self._require_writable()
        key_slots.remove_user_slot(self.key_file, bytes(self._key), user_name)
        key_slots.write_key_file(self.key_path, self.key_file)

    def remember_on_this_computer(self, user_name: str) -> None:
        """The keyring entry is this person's (the OS account's): it holds their own key too,
        so a remembered start can sign as them, and nobody else's."""
        self._require_engine()
        entry: dict[str, str] = {"key": bytes(self._key).hex(), "user": user_name}
        if user_name == self.user and self._personal is not None:
            entry["personal"] = bytes(self._personal).hex()
        keyring_slot.save_secret(self.store_id, KEYRING_SLOT, json.dumps(entry))
        layout.note_remembered(self.data_dir, True)

    # ---- what is one person's alone -------------------------------------------------

    def seal_personal(self, plain: bytes, purpose: str) -> bytes:
        """Encrypt under the key of the person who unlocked (AES-256-GCM, ``purpose`` bound
        as associated data); the data key alone cannot open it."""
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        key = self._personal_key()
        nonce = os.urandom(12)
        return key_slots.SEALED_PREFIX + nonce + AESGCM(key).encrypt(nonce, plain, purpose.encode("utf-8"))

    def open_personal(self, sealed: bytes, purpose: str) -> bytes:
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        key = self._personal_key()
        if not sealed.startswith(key_slots.SEALED_PREFIX) or len(sealed) < 3 + 12 + 16:
            raise PersonalKeyMissing(
                "This signing key is not sealed to you. Make or import a new signing identity.")
        try:
            return AESGCM(key).decrypt(sealed[3:15], sealed[15:], purpose.encode("utf-8"))
        except InvalidTag:
            raise PersonalKeyMissing(
                "Your signing key was sealed under a passphrase that has since been reset, so it "
                "cannot be opened. Make or import a new signing identity (Tools > My signing identity)."
            ) from None

    def _personal_key(self) -> bytes:
        self._require_engine()
        if self._personal is None:
            raise OwnKeyNotOpen(
                "Your own key is not open in this session: type your own passphrase to sign.")
        return bytes(self._personal)

    def open_own_key(self, user: str, passphrase: str) -> None:
        """Open the person's own key in a session that lacks it, with their own passphrase:
        the slot must be ``user``'s and hold this store's key."""
        self._require_engine()
        unlocked = key_slots.unlock_user(self.key_file, passphrase, user)
        if unlocked.key != bytes(self._key) or (self.user not in (None, user)):
            raise WrongPassphrase("That passphrase does not open your own key in this store.")
        self.user = user
        if unlocked.personal is not None:
            self._personal = bytearray(unlocked.personal)
        else:
            self._settle_key_file(passphrase)

    def forget_on_this_computer(self) -> None:
        keyring_slot.forget_secret(self.store_id, KEYRING_SLOT)
        layout.note_remembered(self.data_dir, False)

    # Other secrets the app needs (the SMTP password) live in the OS keyring, never in the
    # settings table or a file; where no keyring exists, callers ask each time.
    def raw_key_for_backup(self) -> bytes:
        """Backups are keyed with the same data key so the same slots open them."""
        self._require_engine()
        return bytes(self._key)

    # ---- locking --------------------------------------------------------------------

    def close(self) -> None:
        work_files.forget_registry(self.data_dir)
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None
        for secret in (self._key, self._personal):
            if secret is not None:
                for i in range(len(secret)):
                    secret[i] = 0

