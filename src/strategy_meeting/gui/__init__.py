# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The desktop app (PySide6). Importing it guards against PySide6 6.12's lost references to
``None`` on Python 3.11 (see ``pyside_none_guard``) before any Qt call is made."""

from __future__ import annotations

from .pyside_none_guard import guard_none_refcount

guard_none_refcount()
