# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The encrypted store: the only package that imports sqlalchemy, sqlcipher3, alembic, keyring."""

from .database import DB_FILE, Store, store_exists
from .key_slots import FAST_TEST_KDF, KdfParams
from .keyring_slot import KeyringStatus
from .keyring_slot import status as keyring_status
from .unit_of_work import UnitOfWork

__all__ = [
    "DB_FILE",
    "FAST_TEST_KDF",
    "KdfParams",
    "KeyringStatus",
    "Store",
    "UnitOfWork",
    "keyring_status",
    "store_exists",
]
