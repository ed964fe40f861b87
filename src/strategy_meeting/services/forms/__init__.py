# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Contribution forms: the fillable PDF a chair sends an agency (``pdf``, drawn by ``canvas``
with the fields of ``fields``), reading a returned one (``reading``), and the use cases that
issue a form and import one (``service``)."""
