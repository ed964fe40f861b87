# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""How many rows the meetings list fetches at a time, apart from the model so that start-up
can ask for the first page before Qt's model classes are loaded."""

PAGE_SIZE = 100
