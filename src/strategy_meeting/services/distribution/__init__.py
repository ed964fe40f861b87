# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Sending each agency its signed copy: the use cases (``service``) over the delivery rules and
timeliness (``rules``), the signed copies kept for sending (``signed_copies``), protecting a
copy with a password or an agency's certificate (``encryption``, ``certificates``), the e-mail
itself (``mail``, ``smtp``, ``mail_settings``) and the actions calendar sent beside it
(``calendar``)."""
