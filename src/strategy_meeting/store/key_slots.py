# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The data key, wrapped once per user under a passphrase and once under a recovery key.

The database key is 32 random bytes. Each slot wraps it with AES-256-GCM under a key derived
from a passphrase with Argon2id (parameters recorded in the slot). A slot's plaintext also
names the user it belongs to and holds that person's own key, which seals what is theirs alone
(their signing key): every account unwraps the same data key, so only a secret that comes out
of one person's own slot can keep one person's key from the others. Changing a passphrase
rewraps one slot and never touches the database.

A slot is found by its user's name, through a label (a hash of the store's id and the name),
never by trying a passphrase against every slot: two people given the same first passphrase
stay two people. Without a name, the store's first account (the ``default`` slot) is meant.
"""

from __future__ import annotations

import base64
import json
import os
import unicodedata
from dataclasses import asdict, dataclass, field
from pathlib import Path

# Argon2 and AES-GCM are imported where a slot is derived, wrapped or opened: reading the key
# file (for the store's id, at start-up) needs neither.

from strategy_meeting.domain.errors import InvalidInput, NotAStore, WrongPassphrase

FORMAT = "strategy-meeting-keys/1"
KEY_FILE_NAME = "keys.json"
RECOVERY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I confusion
SEALED_PREFIX = b"SM1"  # what Store.seal_personal writes first: sealed to one person


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost. The defaults (above OWASP's 46 MiB, t=1 floor) take about a third of a
    second on a 2-core machine: paid once per unlock, never per query (the DB key is raw)."""

    time_cost: int = 2
    memory_kib: int = 46 * 1024
    parallelism: int = 2


# Tests and benchmarks may make stores with cheap parameters; real stores use the defaults.
FAST_TEST_KDF = KdfParams(time_cost=1, memory_kib=8, parallelism=1)
RECOVERY_KDF = KdfParams(time_cost=1, memory_kib=16 * 1024, parallelism=1)


@dataclass
class Slot:
    id: str
    kind: str  # "passphrase" | "recovery"
    kdf: dict[str, object]
    nonce: str
    ciphertext: str
    owner: str = ""  # the user's name sealed under the data key (see slot_user)
    label: str = ""  # user_label(store_id, name): how the slot is found; "" in older files
    default: bool = False  # the store's first account: the one meant when no name is given


@dataclass(frozen=True)
class Unlocked:
    """What one person's unlock yields: the data key, who they are, and their own key
    (None from a slot made before personal keys, until it is rewrapped at that unlock)."""

    key: bytes
    user: str
    personal: bytes | None


@dataclass
class KeyFile:
    store_id: str
    slots: list[Slot] = field(default_factory=list)

    def to_json(self) -> str:
        return json.dumps(
            {"format": FORMAT, "store_id": self.store_id, "slots": [asdict(s) for s in self.slots]},
            indent=1,
        )


def _random_bytes(n: int) -> bytes:
    """The operating system's CSPRNG (what ``secrets.token_bytes`` calls). Not ``secrets``
    itself at module level: it loads OpenSSL's hashing, which reading a key file at
    start-up does not need."""
    return os.urandom(n)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not base64 text")
    return base64.b64decode(text.encode("ascii"), validate=True)


def normalise_passphrase(passphrase: str) -> bytes:
    # The same passphrase typed on another keyboard or OS must unlock: compare in NFC.
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def _derive(secret: bytes, salt: bytes, params: KdfParams) -> bytes:
    from argon2.low_level import Type, hash_secret_raw

    return hash_secret_raw(
        secret,
        salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_kib,
        parallelism=params.parallelism,
        hash_len=32,
        type=Type.ID,
    )


def params_from(kdf: dict[str, object]) -> KdfParams:
    """A slot's recorded cost, to rewrap it at the same cost."""
    return KdfParams(int(kdf["t"]), int(kdf["m"]), int(kdf["p"]))  # type: ignore[arg-type]


def _aad(slot_id: str, kind: str, kdf: dict[str, object]) -> bytes:
    # Binding the header to the ciphertext stops anyone swapping in cheaper KDF parameters.
    return json.dumps({"id": slot_id, "kind": kind, "kdf": kdf}, sort_keys=True).encode()


def user_label(store_id: str, user: str) -> str:
    """The public name of a user's slot: finds it without naming anyone in the file."""
    import hashlib

    text = f"strategy-meeting/slot|{store_id}|{unicodedata.normalize('NFC', user)}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def new_personal_key() -> bytes:
    return _random_bytes(32)


def _wrap(data_key: bytes, user: str | None, secret: bytes, kind: str, params: KdfParams,
          *, personal: bytes | None = None, label: str = "", default: bool = False) -> Slot:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt = _random_bytes(16)
    slot_id = _random_bytes(8).hex()
    kdf: dict[str, object] = {
        "name": "argon2id",
        "t": params.time_cost,
        "m": params.memory_kib,
        "p": params.parallelism,
        "salt": _b64(salt),
    }
    nonce = _random_bytes(12)
    content: dict[str, object] = {"key": data_key.hex(), "user": user}
    if personal is not None:
        content["personal"] = personal.hex()
    payload = json.dumps(content).encode()
    ct = AESGCM(_derive(secret, salt, params)).encrypt(nonce, payload, _aad(slot_id, kind, kdf))
    owner = ""
    if user is not None:
        owner_nonce = _random_bytes(12)
        owner = _b64(owner_nonce + AESGCM(data_key).encrypt(owner_nonce, user.encode(), slot_id.encode()))
    return Slot(slot_id, kind, kdf, _b64(nonce), _b64(ct), owner, label, default)


def _try_unwrap(slot: Slot, secret: bytes) -> Unlocked | None:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    kdf = slot.kdf
    key = _derive(secret, _unb64(kdf["salt"]), params_from(kdf))
    try:
        plain = AESGCM(key).decrypt(_unb64(slot.nonce), _unb64(slot.ciphertext), _aad(slot.id, slot.kind, kdf))
    except InvalidTag:
        return None
    data = json.loads(plain)
    personal = data.get("personal")
    return Unlocked(bytes.fromhex(data["key"]), str(data.get("user") or ""),
                    bytes.fromhex(personal) if personal else None)


def new_data_key() -> bytes:
    return _random_bytes(32)


def new_recovery_key() -> str:
    """26 groups would be overkill: 52 characters from a 32-letter alphabet = 260 bits."""
    import secrets

    chars = "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(52))
    return "-".join(chars[i : i + 4] for i in range(0, 52, 4))


def normalise_recovery_key(text: str) -> bytes:
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum())
    return cleaned.encode("ascii", errors="ignore")


def create_key_file(
    data_key: bytes, user: str, passphrase: str, params: KdfParams = KdfParams()
) -> tuple[KeyFile, str, bytes]:
    """A new key file whose first slot is ``user``'s (the default account); returns it, the
    recovery key (shown once) and the first user's own key."""
    check_passphrase_acceptable(passphrase)
    recovery = new_recovery_key()
    import uuid

    kf = KeyFile(store_id=str(uuid.uuid4()))
    personal = new_personal_key()
    kf.slots.append(_wrap(data_key, user, normalise_passphrase(passphrase), "passphrase", params,
                          personal=personal, label=user_label(kf.store_id, user), default=True))
    kf.slots.append(_wrap(data_key, None, normalise_recovery_key(recovery), "recovery", RECOVERY_KDF))
    return kf, recovery, personal


def check_passphrase_acceptable(passphrase: str) -> None:
    if len(passphrase) < 8:
        raise InvalidInput("The passphrase is too short: use at least 8 characters (a few words is best).")


def _candidates(kf: KeyFile, user: str | None) -> list[Slot]:
    """The slot named by ``user`` (or the default one), then any slot from before labels: a
    key file written by an older version is relabelled at its first open (``relabel``)."""
    mine = [s for s in kf.slots if s.kind == "passphrase" and s.label
            and (s.label == user_label(kf.store_id, user) if user else s.default)]
    older = [s for s in kf.slots if s.kind == "passphrase" and not s.label]
    return mine + older


def unlock_user(kf: KeyFile, passphrase: str, user: str | None = None) -> Unlocked:
    """Open ``user``'s own slot (the store's first account when no name is given)."""
    secret = normalise_passphrase(passphrase)
    candidates = _candidates(kf, user)
    if not candidates:
        if user:
            raise WrongPassphrase(f"There is no account called '{user}' in this store. "
                                  "Check the user name, or leave it out for the store's first account.")
        raise WrongPassphrase("This store has no default account: give your user name.")
    for slot in candidates:
        found = _try_unwrap(slot, secret)
        if found is None:
            continue
        if slot.label or user is None or found.user == user:
            return found
    if user:
        raise WrongPassphrase(f"Wrong passphrase for {user}: the store was not opened. "
                              "Check the user name and the passphrase, and try again.")
    raise WrongPassphrase("Wrong passphrase: the store was not opened. Check it and try again "
                          "(for an account other than the store's first, give your user name).")


def passphrase_owner(kf: KeyFile, passphrase: str) -> Unlocked | None:
    """Whose passphrase this is, trying every slot. Only to record who made a refused attempt
    to act as someone else: never how an account is chosen."""
    secret = normalise_passphrase(passphrase)
    for slot in kf.slots:
        if slot.kind == "passphrase":
            found = _try_unwrap(slot, secret)
            if found is not None:
                return found
    return None


def needs_relabel(kf: KeyFile) -> bool:
    """Whether a passphrase slot still lacks its label, or no slot is marked the default."""
    slots = [s for s in kf.slots if s.kind == "passphrase"]
    return any(not s.label for s in slots) or (bool(slots) and not any(s.default for s in slots))


def relabel(kf: KeyFile, data_key: bytes, default_user: str | None) -> bool:
    """Give slots from an older key file their labels, and mark the default account's; True
    when the file changed and must be written."""
    changed = False
    for slot in kf.slots:
        if slot.kind != "passphrase" or slot.label:
            continue
        owner = slot_user(slot, data_key)
        if owner:
            slot.label = user_label(kf.store_id, owner)
            changed = True
    if default_user and not any(s.default for s in kf.slots):
        wanted = user_label(kf.store_id, default_user)
        for slot in kf.slots:
            if slot.kind == "passphrase" and slot.label == wanted:
                slot.default = changed = True
    return changed


def unlock_with_recovery_key(kf: KeyFile, recovery_key: str) -> bytes:
    secret = normalise_recovery_key(recovery_key)
    for slot in kf.slots:
        if slot.kind == "recovery":
            found = _try_unwrap(slot, secret)
            if found is not None:
                return found.key
    raise WrongPassphrase("That recovery key does not open this store. Check it and try again.")


def set_user_passphrase(
    kf: KeyFile, data_key: bytes, user: str, passphrase: str, params: KdfParams = KdfParams(),
    personal: bytes | None = None,
) -> bytes:
    """Add or replace ``user``'s slot; returns the personal key now in it. Slots of other
    users are left untouched; the old slot of this user is found by unwrapping with the data
    key's own knowledge (we hold it). Without ``personal`` (an administrator setting someone
    else's passphrase, or a recovery) the person gets a new personal key: what was sealed
    under the old one stays sealed, so resetting a passphrase never lets another sign."""
    check_passphrase_acceptable(passphrase)
    old = [s for s in kf.slots if s.kind == "passphrase" and slot_user(s, data_key) == user]
    kf.slots = [s for s in kf.slots if s not in old]
    personal = personal if personal is not None else new_personal_key()
    kf.slots.append(_wrap(data_key, user, normalise_passphrase(passphrase), "passphrase", params,
                          personal=personal, label=user_label(kf.store_id, user),
                          default=any(s.default for s in old)))
    return personal


def slot_user(slot: Slot, data_key: bytes) -> str | None:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    """Which user a slot belongs to is sealed inside it; we record it a second time, sealed
    under the data key itself, so an unlocked store can manage slots without passphrases."""
    sealed = slot.owner
    if not sealed:
        return None
    try:
        raw = _unb64(sealed)
        return AESGCM(data_key).decrypt(raw[:12], raw[12:], slot.id.encode()).decode()
    except (InvalidTag, ValueError):
        return None


def remove_user_slot(kf: KeyFile, data_key: bytes, user: str) -> None:
    kf.slots = [s for s in kf.slots if not (s.kind == "passphrase" and slot_user(s, data_key) == user)]


def read_key_file(path: Path) -> KeyFile:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        if raw.get("format") != FORMAT:
            raise ValueError("format")
        slots = [Slot(**s) for s in raw["slots"]]
        return KeyFile(store_id=str(raw["store_id"]), slots=slots)
    except FileNotFoundError:
        raise NotAStore(
            f"The key file {path.name} is missing from the data folder, so the store cannot be "
            "opened. Restore it from a backup."
        ) from None
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        raise NotAStore(f"The key file {path.name} is damaged. Restore it from a backup.") from None


def write_key_file(path: Path, kf: KeyFile) -> None:
    """Atomic: a crash leaves either the old or the new file, never half of one (the crash
    test kills a process mid-write 20 times). Each write has its own temporary name, created
    0600 and registered until it is renamed into place (``work_files``)."""
    from . import work_files

    work_files.replace_text(path, kf.to_json())
