# SPDX-License-Identifier: LicenseRef-Proprietary
"""What the crash tests' child processes run until they are killed. Imported by name in a
fork-server child, so it holds only plain top-level functions."""

from __future__ import annotations

import hashlib
import struct
from multiprocessing.connection import Connection
from pathlib import Path

ACK = struct.Struct("<q")
READY = -1  # sent once the store is open, before the first write


def write_meetings(data_dir: str, passphrase: str, generation: int, ack: Connection) -> None:
    """Create meetings one commit at a time through the services; acknowledge each commit.

    An acknowledgement is one small pipe write (atomic below PIPE_BUF), sent only after the
    service call returned, that is after the transaction committed."""
    from builders import sample_meeting
    from strategy_meeting.services import meetings, session

    ctx, actor = session.open_session(Path(data_dir), passphrase)
    ack.send_bytes(ACK.pack(READY))
    serial = 0
    while True:
        reference = f"SD-{generation:05d}-{serial:04d}"
        meetings.create(ctx, actor, template=sample_meeting(reference))
        ack.send_bytes(ACK.pack(generation * 10_000 + serial))
        serial += 1


def export_files(folder: str, size: int, ack: Connection) -> None:
    """Write the same export again and again; each file is its own proof of wholeness: the
    first 32 bytes are the SHA-256 of the rest."""
    from strategy_meeting.services.atomic_files import write_atomically

    n = 0
    while True:
        body = (f"minutes version {n};".encode() * (size // 20 + 1))[:size]
        write_atomically(Path(folder) / "SD-2026-0042-full.pdf", hashlib.sha256(body).digest() + body)
        ack.send_bytes(ACK.pack(n))
        n += 1


def change_passphrases(data_dir: str, user: str, passphrases: list[str], start: int, ack: Connection) -> None:
    """Rewrap one user's key slot over and over, alternating between passphrases."""
    from strategy_meeting.store import FAST_TEST_KDF, Store

    store, _ = Store.open(Path(data_dir), passphrases[start % len(passphrases)])
    n = start + 1
    while True:
        store.set_passphrase(user, passphrases[n % len(passphrases)], FAST_TEST_KDF)
        ack.send_bytes(ACK.pack(n))
        n += 1


def make_backups(data_dir: str, passphrase: str, ack: Connection) -> None:
    """Make backups into the data folder's ``backups`` folder, one after another."""
    from strategy_meeting.services import backup, session

    ctx, actor = session.open_session(Path(data_dir), passphrase)
    ack.send_bytes(ACK.pack(READY))
    n = 0
    while True:
        backup.create_backup(ctx, actor)
        ack.send_bytes(ACK.pack(n))
        n += 1


def hold_work_items(data_dir: str, out_dir: str, ack: Connection) -> None:
    """Make a registered temporary file in ``out_dir``, a key-file temporary and a backup work
    folder in the data folder, and hold them until killed (a writer in the middle of its work)."""
    import time

    from strategy_meeting.store import work_files

    registry = work_files.registry_for(Path(data_dir))
    held = [
        work_files.new_file(Path(out_dir), ".strategy-meeting-", ".part", registry),
        work_files.new_file(Path(data_dir), "keys.json.", ".tmp", registry),
        work_files.new_folder(Path(data_dir), ".backup-work-", registry),
    ]
    ack.send_bytes(ACK.pack(READY))
    while held:
        time.sleep(60)
