# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The OS keyring as an optional slot: "remember on this computer".

Only real OS backends are accepted (macOS Keychain, Windows Credential Locker, Secret Service,
KWallet). Where none exists (headless Linux) or only a plaintext backend is installed
(keyrings.alt), remembering is off with a clear reason, never a crash and never a plaintext
fallback. A keyring entry that disappeared means: ask for the passphrase or recovery key and
open the existing store; never create a new one (the Signal #6970 lesson).
"""

from __future__ import annotations

from dataclasses import dataclass

SERVICE = "StrategyMeeting"
DATA_KEY_SLOT = "data-key"  # the entry holding the store's raw key and whose it is

# Module prefixes of backends we trust to keep a secret encrypted by the OS.
_ALLOWED_BACKEND_MODULES = (
    "keyring.backends.macOS",
    "keyring.backends.Windows",
    "keyring.backends.SecretService",
    "keyring.backends.kwallet",
    "keyring.backends.libsecret",
)


@dataclass(frozen=True)
class KeyringStatus:
    available: bool
    reason: str  # why not, in words for the user; empty when available


def _backend():  # type: ignore[no-untyped-def]
    import keyring

    return keyring.get_keyring()


def _usable_backends(backend) -> list:  # type: ignore[no-untyped-def]
    inner = getattr(backend, "backends", None)
    candidates = list(inner) if inner is not None else [backend]
    return [b for b in candidates if type(b).__module__.startswith(_ALLOWED_BACKEND_MODULES)]


def status() -> KeyringStatus:
    try:
        backend = _backend()
    except Exception:  # noqa: BLE001 - any backend failure means "not available"
        return KeyringStatus(False, "No system keyring could be reached on this computer.")
    if not _usable_backends(backend):
        return KeyringStatus(
            False,
            "No secure system keyring is available on this computer, so the store cannot be "
            "remembered here: you will be asked for your passphrase each time.",
        )
    return KeyringStatus(True, "")


def _entry_name(store_id: str, slot: str) -> str:
    return f"{slot}:{store_id}"


def save_secret(store_id: str, slot: str, secret: str) -> None:
    st = status()
    if not st.available:
        from strategy_meeting.domain.errors import UserError

        raise UserError(st.reason)
    import keyring

    keyring.set_password(SERVICE, _entry_name(store_id, slot), secret)


def load_secret(store_id: str, slot: str) -> str | None:
    if not status().available:
        return None
    import keyring

    try:
        return keyring.get_password(SERVICE, _entry_name(store_id, slot))
    except Exception:  # noqa: BLE001 - a locked or broken keyring simply means "ask"
        return None


def forget_secret(store_id: str, slot: str) -> None:
    if not status().available:
        return
    import keyring
    from keyring.errors import PasswordDeleteError

    try:
        keyring.delete_password(SERVICE, _entry_name(store_id, slot))
    except PasswordDeleteError:
        pass


class NamedSecrets:
    """A store's named secrets in the OS keyring (the mail server's password, say), filed
    under the store's ``store_id``: the same for a local store and a team server's session,
    so each keeps its own."""

    store_id: str

    def save_secret(self, name: str, value: str) -> None:
        save_secret(self.store_id, f"secret:{name}", value)

    def load_secret(self, name: str) -> str | None:
        return load_secret(self.store_id, f"secret:{name}")

    def forget_secret(self, name: str) -> None:
        forget_secret(self.store_id, f"secret:{name}")
