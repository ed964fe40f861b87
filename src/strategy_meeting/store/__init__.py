# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The encrypted store: the only package that imports sqlalchemy, sqlcipher3, alembic, keyring.

The names below load on first use (PEP 562), not when the package is imported: SQLAlchemy
alone takes longer to import than Qt takes to show a window, so the app imports its services
freely and pays for the full store layer only when a store is opened.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .database import DB_FILE, Store, store_exists
    from .key_slots import FAST_TEST_KDF, KdfParams
    from .keyring_slot import KeyringStatus
    from .keyring_slot import status as keyring_status
    from .server.store import ServerStore, add_server_user, init_server
    from .unit_of_work import UnitOfWork

_WHERE = {
    "DB_FILE": ("layout", "DB_FILE"),
    "store_exists": ("layout", "store_exists"),
    "Store": ("database", "Store"),
    "FAST_TEST_KDF": ("key_slots", "FAST_TEST_KDF"),
    "KdfParams": ("key_slots", "KdfParams"),
    "KeyringStatus": ("keyring_slot", "KeyringStatus"),
    "keyring_status": ("keyring_slot", "status"),
    "UnitOfWork": ("unit_of_work", "UnitOfWork"),
    "ServerStore": ("server.store", "ServerStore"),
    "init_server": ("server.store", "init_server"),
    "add_server_user": ("server.store", "add_server_user"),
}

__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    try:
        module_name, attribute = _WHERE[name]
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    value = getattr(importlib.import_module(f".{module_name}", __name__), attribute)
    globals()[name] = value
    return value
