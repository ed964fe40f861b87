# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Our temporary and work files: created private, registered while in use, and removed at the
next start, whatever their age, once no live process of ours holds them.

A process killed with SIGKILL runs no clean-up, so what it was writing stays: a ``.part``
beside an export, a half-written key file, a backup's or a restore's work folder. Their age
says nothing about whether their writer is still alive (a backup of a large store can take
minutes; a kill leaves a file that is young at the next start), so each item is tied to a lock
that the kernel itself releases when its holder dies:

- Before an item exists, its writer creates an *entry* in the data folder's ``.work/`` folder,
  takes an exclusive ``flock`` on it, and writes the item's path into it. The entry is removed
  once the item is gone (renamed into place, or removed). The kernel drops the lock when the
  last descriptor of the entry closes, so also when its process dies, however it dies.
- The cleaner (``clean``, run whenever a store is opened) takes each entry's lock without
  waiting: an entry it can lock belongs to a dead process, so the item it names and the entry
  are removed; an entry it cannot lock is alive and left alone.
- Creating an entry (create, lock, write the path) happens under a shared lock on the ``.work``
  folder itself, and the cleaner holds that lock exclusively: it never sees an entry that
  exists but is not yet locked or not yet written.
- The cleaner removes only names this module makes (a known prefix, 16 hex digits, a known
  suffix), so an entry naming anything else is discarded without touching what it names.

Temporary files are also locked themselves, so that the age-based sweep of an output folder
(``atomic_files.remove_stray_temps``, for writes made with no store open) never removes one that
is still being written. Files are created 0600 and folders 0700, whatever the umask.

A forked child inherits its parent's descriptors and with them these locks; the rendering
workers are the only forks, and they end with their parent (``services.minutes.parent_watch``).

Entries name the item's folder (a path the user chose for an export): they live only while
the item does, inside the data folder, which is itself private.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import secrets
import shutil
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

WORK_FOLDER = ".work"
TOKEN_HEX = 16
GUARD_WAIT_SECONDS = 5.0

# (prefix, suffix) of every item this module makes; the cleaner removes nothing else.
KNOWN_KINDS: tuple[tuple[str, str], ...] = (
    (".strategy-meeting-", ".part"),  # an export or backup file being written
    ("keys.json.", ".tmp"),  # the key slots being rewritten
    ("audit-head.json.", ".tmp"),  # the audit head being rewritten
    ("erasure-ledger.json.", ".tmp"),  # the erasure ledger being rewritten (issue 16)
    (".backup-work-", ""),  # a backup being made or checked
    (".restore-", ""),  # a backup being unpacked for a restore
)
_KNOWN = [re.compile(re.escape(p) + f"[0-9a-f]{{{TOKEN_HEX}}}" + re.escape(s) + r"\Z") for p, s in KNOWN_KINDS]

_default_registry: Path | None = None


# ---- locks (fcntl on POSIX; msvcrt, exclusive only, on Windows) ---------------------------


def _try_lock(fd: int, *, shared: bool = False, wait: bool = False) -> bool:
    if os.name == "posix":
        import fcntl

        flags = (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | (0 if wait else fcntl.LOCK_NB)
        try:
            fcntl.flock(fd, flags)
        except OSError as exc:
            if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                return False
            raise
        return True
    import msvcrt  # pragma: no cover - Windows

    # One byte far past any content, so holding it never blocks reading the entry itself; the
    # position is put back, as the descriptor may be the one the caller writes through.
    position = os.lseek(fd, 0, os.SEEK_CUR)
    os.lseek(fd, 1 << 30, os.SEEK_SET)
    try:
        msvcrt.locking(fd, msvcrt.LK_LOCK if wait else msvcrt.LK_NBLCK, 1)
    except OSError:
        return False
    finally:
        os.lseek(fd, position, os.SEEK_SET)
    return True


def _open_guard(registry: Path) -> int:
    """A descriptor to lock the registry as a whole: the ``.work`` folder itself on POSIX."""
    if os.name == "posix":
        return os.open(registry, os.O_RDONLY)
    return os.open(registry / ".guard", os.O_RDWR | os.O_CREAT, 0o600)  # pragma: no cover


@contextlib.contextmanager
def _guard(registry: Path, *, shared: bool) -> Iterator[bool]:
    """Hold the registry's guard; yields False when it could not be had in reasonable time."""
    fd = _open_guard(registry)
    try:
        deadline = time.monotonic() + GUARD_WAIT_SECONDS
        got = _try_lock(fd, shared=shared)
        while not got and time.monotonic() < deadline:
            time.sleep(0.01)
            got = _try_lock(fd, shared=shared)
        yield got
    finally:
        os.close(fd)  # closing drops the lock


# ---- the registry -------------------------------------------------------------------------


def registry_for(data_dir: Path) -> Path:
    return data_dir / WORK_FOLDER


def use_registry(data_dir: Path | None) -> None:
    """Where items made outside any data folder (exports, backups) are registered: the data
    folder of the store this process has open (set when a store opens, cleared when it
    closes). With none, such items are only locked themselves."""
    global _default_registry
    _default_registry = None if data_dir is None else registry_for(data_dir)


def forget_registry(data_dir: Path) -> None:
    """Clear the default registry if it is ``data_dir``'s (its store is closing)."""
    if _default_registry == registry_for(data_dir):
        use_registry(None)


def default_registry() -> Path | None:
    return _default_registry


def _ensure_registry(registry: Path) -> bool:
    """Make ``.work`` inside an existing data folder; never make the data folder itself."""
    try:
        registry.mkdir(mode=0o700, exist_ok=True)
    except OSError:
        return False
    return registry.is_dir()


@dataclass
class WorkItem:
    """A temporary file or folder of ours, registered until ``finish()``.

    ``finish()`` once the item is gone (renamed into place or removed); ``discard()`` removes
    it first. Either may be called more than once."""

    path: Path
    _entry: Path | None = None
    _entry_fd: int | None = None
    _item_fd: int | None = field(default=None, repr=False)

    def finish(self) -> None:
        # The item is gone by now, so the order is free: descriptors first, as Windows will
        # not remove a file that is open.
        for fd in (self._item_fd, self._entry_fd):
            if fd is not None:
                with contextlib.suppress(OSError):
                    os.close(fd)
        self._item_fd = self._entry_fd = None
        if self._entry is not None:
            with contextlib.suppress(OSError):
                self._entry.unlink()
            self._entry = None

    def discard(self) -> None:
        _remove(self.path)
        self.finish()


def _register(registry: Path | None, item: Path) -> tuple[Path, int] | None:
    """Create and lock the entry naming ``item`` before the item exists; None without a
    registry (or where the data folder cannot hold one)."""
    if registry is None or not _ensure_registry(registry):
        return None
    with _guard(registry, shared=True) as held:
        if not held:
            return None
        entry = registry / secrets.token_hex(TOKEN_HEX // 2)
        fd = os.open(entry, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            _try_lock(fd, wait=True)
            os.write(fd, json.dumps({"path": str(item), "pid": os.getpid()}).encode())
        except BaseException:
            os.close(fd)
            entry.unlink(missing_ok=True)
            raise
    return entry, fd


def _new_name(folder: Path, prefix: str, suffix: str) -> Path:
    if (prefix, suffix) not in KNOWN_KINDS:
        raise ValueError(f"unknown kind of work item: {prefix!r} {suffix!r}")
    return folder.absolute() / f"{prefix}{secrets.token_hex(TOKEN_HEX // 2)}{suffix}"


def new_file(folder: Path, prefix: str, suffix: str, registry: Path | None = None) -> tuple[WorkItem, int]:
    """A new private (0600) temporary file in ``folder``, registered and locked. Returns the
    item and an open descriptor for writing (the caller closes it; the lock is held by another
    descriptor until ``finish``). ``registry`` defaults to the open store's."""
    registry = registry if registry is not None else _default_registry
    for _attempt in range(16):
        path = _new_name(folder, prefix, suffix)
        registered = _register(registry, path)
        item = WorkItem(path, *(registered or (None, None)))
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            item.finish()
            continue
        except BaseException:
            item.finish()
            raise
        try:
            item._item_fd = os.dup(fd)  # the same open file, so the same lock
            _try_lock(item._item_fd, wait=True)
        except BaseException:
            os.close(fd)
            item.discard()
            raise
        return item, fd
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(folder))


def new_folder(parent: Path, prefix: str, registry: Path | None = None) -> WorkItem:
    """A new private (0700) work folder in ``parent``, registered. ``registry`` defaults to
    the open store's."""
    registry = registry if registry is not None else _default_registry
    for _attempt in range(16):
        path = _new_name(parent, prefix, "")
        registered = _register(registry, path)
        item = WorkItem(path, *(registered or (None, None)))
        try:
            path.mkdir(mode=0o700)
        except FileExistsError:
            item.finish()
            continue
        except BaseException:
            item.finish()
            raise
        with contextlib.suppress(OSError):
            os.chmod(path, 0o700)
        return item
    raise FileExistsError(errno.EEXIST, "no free work folder name", str(parent))


def replace_text(path: Path, text: str) -> None:
    """Write ``path`` whole or not at all through a registered temporary file beside it (the
    key file and the audit head): a kill leaves the old file and a temporary one that the next
    start removes. Each call has its own temporary name, so two threads never rename each
    other's half-written file."""
    item, fd = new_file(path.parent, path.name + ".", ".tmp", registry_for(path.parent))
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(item.path, path)
    except BaseException:
        item.discard()
        raise
    finally:
        item.finish()


# ---- cleaning -----------------------------------------------------------------------------


def is_ours(name: str) -> bool:
    """Whether ``name`` is one this module makes (and so one the cleaner may remove)."""
    return any(pattern.match(name) for pattern in _KNOWN)


def looks_ours(name: str) -> bool:
    """Whether ``name`` has the shape of one of our items, including the random names of
    versions before the registry (what the data folder's sweep removes when nothing holds it)."""
    return any(name.startswith(p) and name.endswith(s) and len(name) > len(p) + len(s)
               for p, s in KNOWN_KINDS)


def _remove(path: Path) -> bool:
    try:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink()
    except FileNotFoundError:
        return False
    except OSError:
        return False
    return True


def _named_item(entry_fd: int) -> Path | None:
    try:
        os.lseek(entry_fd, 0, os.SEEK_SET)
        raw = json.loads(os.read(entry_fd, 1 << 16).decode("utf-8"))
        path = Path(str(raw["path"]))
    except (OSError, ValueError, KeyError, TypeError, UnicodeDecodeError):
        return None
    return path if path.is_absolute() and is_ours(path.name) else None


def live_items(data_dir: Path) -> set[Path]:
    """The items named by entries whose holder is alive (for the sweeps of old names)."""
    registry = registry_for(data_dir)
    live: set[Path] = set()
    for entry in _entries(registry):
        try:
            fd = os.open(entry, os.O_RDWR)
        except OSError:
            continue
        try:
            if not _try_lock(fd):
                item = _named_item(fd)
                if item is not None:
                    live.add(item)
        finally:
            os.close(fd)
    return live


def _entries(registry: Path) -> list[Path]:
    try:
        return [p for p in registry.iterdir() if re.fullmatch(f"[0-9a-f]{{{TOKEN_HEX}}}", p.name)]
    except OSError:
        return []


def clean(data_dir: Path) -> int:
    """Remove every work item (and entry) of ``data_dir``'s registry whose holder is dead,
    then any item of ours in the data folder itself that no live entry names (left by a
    version before the registry). Returns how many items were removed.

    All of it under the registry's exclusive guard: an entry registered before the guard was
    taken is seen as live, and one registered after it names an item not made yet."""
    try:
        names = os.listdir(data_dir)
    except OSError:
        return 0
    registry = registry_for(data_dir)
    if not _ensure_registry(registry):
        return _sweep(data_dir, names, set())  # a read-only folder: nothing of ours is writing
    with _guard(registry, shared=False) as held:
        if not held:
            return 0  # someone holds it far longer than a registration takes: try next time
        removed = _clean_entries(registry)
        return removed + _sweep(data_dir, os.listdir(data_dir), live_items(data_dir))


def _sweep(data_dir: Path, names: list[str], live: set[Path]) -> int:
    removed = 0
    for name in names:
        path = data_dir.absolute() / name
        if looks_ours(name) and path not in live and not _held(path) and _remove(path):
            removed += 1
    return removed


def _clean_entries(registry: Path) -> int:
    removed = 0
    for entry in _entries(registry):
        try:
            fd = os.open(entry, os.O_RDWR)
        except OSError:
            continue
        try:
            if not _try_lock(fd):
                continue  # its holder is alive
            item = _named_item(fd)
            if item is not None and not _held(item) and _remove(item):
                removed += 1
            with contextlib.suppress(OSError):
                entry.unlink()
        finally:
            os.close(fd)
    return removed


def _held(path: Path) -> bool:
    """Whether a temporary *file* is locked by a live writer (folders have only their entry)."""
    if path.is_dir() or path.is_symlink():
        return False
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return False
    try:
        return not _try_lock(fd)
    finally:
        os.close(fd)


def is_held(path: Path) -> bool:
    """Public for the output-folder sweep: a temporary file that a live writer holds."""
    return _held(path)
