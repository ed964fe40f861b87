# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Keep ``None`` alive under PySide6 6.12 on Python 3.11.

Hazard: PySide6 6.12.0 returns ``None`` from every Qt method that returns nothing (``setText``,
``showMessage``, ``processEvents``, ``QModelIndex.data`` with no value, ...) without taking a
reference to it. From Python 3.12 ``None`` is immortal and that is harmless; on 3.11 each call
takes one from ``None``'s reference count, which starts at a few thousand, and after some
thousands of such calls the interpreter aborts with "Fatal Python error: none_dealloc". A
chair's session makes that many calls in minutes.

The guard gives ``None`` a reference count no session can use up, which is what Python 3.12
does for every immortal object. It touches nothing on 3.12 and later.
"""

from __future__ import annotations

import ctypes
import sys

# 2**40 references: a trillion dropped references before the guard runs out.
_HEADROOM = 1 << 40


def guard_none_refcount() -> bool:
    """Raise ``None``'s reference count once per process; True if it did so."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    refcount = ctypes.c_ssize_t.from_address(id(None))  # ob_refcnt is the object's first field
    if refcount.value < _HEADROOM:
        refcount.value += _HEADROOM
        return True
    return False
