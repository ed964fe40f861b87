# SPDX-License-Identifier: LicenseRef-Proprietary
"""Read a SQLCipher 4 store page by page with its raw key, as an attacker holding the key
would: every page of the database file and every frame of its write-ahead log, decrypted.

SQLCipher 4 defaults (which the store keeps, tests/store/test_encryption_at_rest.py): 4096-byte
pages, each ending in an 80-byte reserve (16-byte IV, 64-byte HMAC-SHA512); page 1 starts with
the 16-byte salt. A raw key is the AES-256 key itself, used in CBC mode over the rest of the page.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

PAGE = 4096
RESERVE = 80
SALT = 16
WAL_HEADER = 32
FRAME_HEADER = 24


def decrypt_page(page: bytes, key: bytes, first: bool) -> bytes:
    start = SALT if first else 0
    iv = page[PAGE - RESERVE:PAGE - RESERVE + 16]
    decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    return decryptor.update(page[start:PAGE - RESERVE]) + decryptor.finalize()


def database_pages(path: Path, key: bytes) -> Iterator[bytes]:
    data = path.read_bytes()
    assert len(data) % PAGE == 0
    for n in range(len(data) // PAGE):
        yield decrypt_page(data[n * PAGE:(n + 1) * PAGE], key, first=n == 0)


def wal_pages(path: Path, key: bytes) -> Iterator[bytes]:
    if not path.exists():
        return
    data = path.read_bytes()
    offset = WAL_HEADER
    while offset + FRAME_HEADER + PAGE <= len(data):
        page_number = int.from_bytes(data[offset:offset + 4], "big")
        yield decrypt_page(data[offset + FRAME_HEADER:offset + FRAME_HEADER + PAGE], key, first=page_number == 1)
        offset += FRAME_HEADER + PAGE


def every_page(db: Path, key: bytes) -> list[bytes]:
    return [*database_pages(db, key), *wal_pages(db.with_name(db.name + "-wal"), key)]


def found_in(pages: list[bytes], secret: str) -> bool:
    forms = [secret.encode("utf-8"), secret.encode("utf-16-le"), secret.encode("utf-16-be")]
    return any(f in page for page in pages for f in forms)
