# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Records governance (issue 16): retention, legal holds, erasure, subject access and the
restriction of processing. One module per use case; the roles are in domain/roles.py."""
