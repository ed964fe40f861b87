# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Records kept beside the meetings: signing identities, rendered copies, distributions and
contribution-form tokens. Plain data; the store persists them, services fill them in."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class IdentityKind(StrEnum):
    SELF_SIGNED = "self_signed"
    PKCS12 = "pkcs12"


@dataclass
class SigningIdentity:
    """A chair's signing identity. In the store the private key is sealed under its holder's
    own key; it is plain PKCS#8 only in memory, in the holder's session, while signing."""

    user_name: str
    kind: IdentityKind
    subject: str
    certificate_pem: bytes
    private_key_pem: bytes  # PKCS#8 in memory; sealed ("SM1" + AES-GCM) in the store; b"" when retired unsealed
    chain_pem: bytes = b""  # issuing certificates, if any, PEM concatenated
    fingerprint_sha256: str = ""
    created_at: datetime | None = None
    active: bool = True
    id: int | None = None


@dataclass
class CopyRecord:
    """One rendered copy of the minutes: who it is for, its file and hash, what it withheld."""

    meeting_reference: str
    recipient: str  # "full" or an agency code
    file_name: str
    sha256: str
    created_at: datetime
    signed_by: str = ""  # certificate subject; empty for an unsigned (draft) copy
    draft: bool = False
    withheld_from_agencies: list[str] = field(default_factory=list)  # one entry per withheld item
    version: int = 1
    id: int | None = None
    folder: str = ""  # the folder it was written to; "" for copies recorded before it was kept


class DistributionChannel(StrEnum):
    EMAIL = "email"
    FOLDER = "folder"


class DistributionOutcome(StrEnum):
    SENT = "sent"
    FAILED = "failed"
    SAVED = "saved"


@dataclass
class DistributionRecord:
    meeting_reference: str
    recipient: str  # agency code
    channel: DistributionChannel
    address: str  # e-mail address or folder path
    sha256: str
    at: datetime
    outcome: DistributionOutcome
    reason: str = ""  # the server's reason for a failure
    acknowledged_at: datetime | None = None
    acknowledged_by: str = ""
    attempt: int = 1
    id: int | None = None
    # How the copy was protected: "" (not encrypted), "password" or "certificate"; None for
    # entries logged before the log recorded it (shown as "not recorded").
    protection: str | None = None
    # Issue 14: the minutes version this copy was (1, then one more per addendum), and the
    # proof that a copy saved for hand delivery reached its agency: when and how it was
    # handed over, and how its receipt was acknowledged.
    version: int = 1
    handed_over_at: datetime | None = None
    handed_over_how: str = ""
    acknowledged_how: str = ""

    @property
    def out_at(self) -> datetime | None:
        """When the copy demonstrably went out: sent by e-mail, handed over, or acknowledged.
        A copy only saved to a folder has not gone out (it is "saved for hand delivery")."""
        if self.outcome is DistributionOutcome.SENT:
            return self.at
        if self.outcome is DistributionOutcome.SAVED:
            times = [t for t in (self.handed_over_at, self.acknowledged_at) if t is not None]
            return min(times) if times else None
        return None

    @property
    def awaiting_hand_over(self) -> bool:
        """Saved to a folder and not yet out (no hand-over or acknowledgement recorded)."""
        return self.outcome is DistributionOutcome.SAVED and self.out_at is None


@dataclass
class FormToken:
    """A one-time token bound to one meeting and one agency; only its hash is stored."""

    token_sha256: str
    meeting_reference: str
    agency: str
    created_at: datetime
    used_at: datetime | None = None
