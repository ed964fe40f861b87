# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""A team-server login's private signing keys, kept on this computer only (issue 17, part 7).

The server holds a signing identity's certificate (so anyone can check a signature) and never
its private key: ``signing_identities`` refuses one (a CHECK constraint) and the row gets an
empty key. The key itself is sealed (AES-256-GCM) under a key derived with Argon2id from the
person's own login password and a salt kept here, in a file of the local data folder named by a
hash (no personal data in the name). Nobody on the server, and no other person on this
computer without that password, can sign as them; a password reset on the server leaves the
sealed key unopenable, as a passphrase reset does in a local store, and they make a new one.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from strategy_meeting.domain.errors import PersonalKeyMissing

from .. import key_slots, work_files

FOLDER = "server-keys"


class DesktopKeys:
    def __init__(self, data_dir: Path, store_id: str, login: str, password: str,
                 kdf: key_slots.KdfParams = key_slots.KdfParams()) -> None:
        name = hashlib.sha256(f"{store_id}|{login}".encode()).hexdigest()[:32]
        # keys.json in a folder of its own: written whole or not at all by work_files.replace_text.
        self._path = data_dir / FOLDER / name / "keys.json"
        self._secret = bytearray(key_slots.normalise_passphrase(password))
        self._kdf = kdf
        self._key: bytearray | None = None

    def _load(self) -> dict[str, object]:
        try:
            return dict(json.loads(self._path.read_text(encoding="utf-8")))
        except FileNotFoundError:
            return {}

    def _sealing_key(self, data: dict[str, object]) -> bytes:
        if self._key is None:
            salt = bytes.fromhex(str(data.get("salt", ""))) or os.urandom(16)
            params = key_slots.params_from(data["kdf"]) if "kdf" in data else self._kdf  # type: ignore[arg-type]
            data["salt"] = salt.hex()
            data["kdf"] = {"t": params.time_cost, "m": params.memory_kib, "p": params.parallelism}
            self._key = bytearray(key_slots._derive(bytes(self._secret), salt, params))
        return bytes(self._key)

    @staticmethod
    def _entry(purpose: str) -> str:
        return hashlib.sha256(purpose.encode("utf-8")).hexdigest()

    def seal(self, plain: bytes, purpose: str) -> None:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        data = self._load()
        key = self._sealing_key(data)
        nonce = os.urandom(12)
        keys = dict(data.get("keys", {}))  # type: ignore[call-overload]
        keys[self._entry(purpose)] = (nonce + AESGCM(key).encrypt(nonce, plain, purpose.encode("utf-8"))).hex()
        data["keys"] = keys
        self._path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        work_files.replace_text(self._path, json.dumps(data, sort_keys=True))
        os.chmod(self._path, 0o600)

    def open(self, purpose: str) -> bytes:
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        data = self._load()
        sealed = dict(data.get("keys", {})).get(self._entry(purpose))  # type: ignore[call-overload]
        if sealed is None:
            raise PersonalKeyMissing(
                "Your signing key is not on this computer: signing keys never go to the team server. "
                "Sign on the computer where you made or imported your signing identity, or make a new one here.")
        raw = bytes.fromhex(str(sealed))
        try:
            return AESGCM(self._sealing_key(data)).decrypt(raw[:12], raw[12:], purpose.encode("utf-8"))
        except InvalidTag:
            raise PersonalKeyMissing(
                "Your signing key on this computer was sealed under an earlier password of your login, "
                "so it cannot be opened. Make or import a new signing identity.") from None

    def forget(self) -> None:
        for secret in (self._secret, self._key):
            if secret is not None:
                for i in range(len(secret)):
                    secret[i] = 0
