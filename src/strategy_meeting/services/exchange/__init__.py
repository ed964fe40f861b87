# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The interchange format (DESIGN.md section 6): importing and exporting a meeting
(``service``), reading a file into a document (``reading``), checking it whole before anything
is written (``validation``, ``references``), turning a document into a meeting and back
(``codec``), and the meeting's distribution log into entries and back (``distribution_log``)."""
