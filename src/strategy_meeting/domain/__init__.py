# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Pure domain: dataclasses, enums and rules. No Qt, no SQL, no I/O, no clock."""
