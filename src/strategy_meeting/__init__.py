# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Strategy Meeting: multi-agency child-protection strategy discussions."""

__version__ = "0.1.0"
