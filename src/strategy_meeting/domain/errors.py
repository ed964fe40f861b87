# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Errors a user can cause, each with a message fit to show a chair.

The CLI prints ``str(error)`` on one line and exits non-zero; the GUI shows it in a dialog.
Nothing else (no traceback, no record content) reaches the user, so a message must never
quote record text: it names the problem and what to do about it.
"""

from __future__ import annotations

from datetime import datetime


class UserError(Exception):
    """Base of every error the user can cause or fix. ``exit_code`` is used by the CLI."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class WrongPassphrase(UserError):
    exit_code = 3


class NotAStore(UserError):
    """The file is not a Strategy Meeting store (or it is damaged beyond opening)."""

    exit_code = 3


class StoreCorrupted(UserError):
    exit_code = 3


class StoreReadOnly(StoreCorrupted):
    """A write refused because the store was found damaged earlier in this session: from the
    first damaged page on, the open store only reads (security test 36)."""


class StoreWriteFailed(UserError):
    """The disk refused a write (full, or an input/output error): the transaction was rolled
    back whole, so nothing was saved and the store is as it was (security test 35)."""


class StoreTooNew(UserError):
    exit_code = 3


class StoreMissing(UserError):
    exit_code = 3


class StoreExists(UserError):
    pass


class Locked(UserError):
    """The store was locked (idle timeout or on request); unlock to go on."""


class PermissionDenied(UserError):
    exit_code = 4


class NotFound(UserError):
    exit_code = 5


class MeetingNotFound(NotFound):
    """No meeting has this reference (in the store, or within what the user may see): one
    wording wherever a reference is looked up."""

    def __init__(self, reference: str) -> None:
        super().__init__(f"There is no meeting with reference '{reference}'.")
        self.reference = reference


class InvalidInput(UserError):
    """A value a user typed or a file they gave does not fit; the message says where."""

    exit_code = 2


class LooseningNeedsReason(InvalidInput):
    """Terms that let someone see an item who could not were given without a reason (issue 14):
    the message names the item and asks for the reason."""


class UnknownAgency(InvalidInput):
    """An agency code given on the command line that names no agency (not in the directory,
    nor one the meeting invited): the GUI only ever offers agencies that exist."""


class ImportRejected(InvalidInput):
    """An interchange or form file failed validation. ``problems`` lists each, with its path."""

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        super().__init__(message)
        self.problems = list(problems or [])


class BackupRefused(InvalidInput):
    """A backup that does not prove itself: its sealed manifest fails, its audit log does not
    end at the head it recorded, or it holds more or other than it declares. Raised before the
    store in use is touched. ``problem`` is the reason alone (no file name, no remedy), for a
    caller that words the sentence itself (the read-back check after writing a backup)."""

    def __init__(self, message: str, problem: str = "") -> None:
        super().__init__(message)
        self.problem = problem or message


class MeetingChanged(UserError):
    """The meeting changed between reading it and recording what was made from it (issue 17:
    no lost update).

    The message is the sentence a chair reads; the fields say the same for a caller that
    words or acts on it itself (the item dialog's "their version" panel), so nothing parses
    the text. ``part`` is the meeting part (``"contributions"``, ``"details"``, ...);
    ``item_id`` the item whose change refused the call ("" for a whole part); ``changed_by``
    (the login), ``changed_by_label`` (as a person reads it) and ``changed_at`` who last
    changed that part and when (the part's version stamp: the
    store keeps no per-item stamp, so with a third writer it names the latest of them);
    ``removed`` that the item is gone, ``taken`` that an item now holds the id the call meant
    to add back."""

    def __init__(self, message: str, *, reference: str = "", part: str = "", item_id: str = "",
                 changed_by: str = "", changed_by_label: str = "", changed_at: datetime | None = None,
                 removed: bool = False, taken: bool = False) -> None:
        super().__init__(message)
        self.reference = reference
        self.part = part
        self.item_id = item_id
        self.changed_by = changed_by
        self.changed_by_label = changed_by_label or changed_by
        self.changed_at = changed_at
        self.removed = removed
        self.taken = taken


class MeetingLocked(UserError):
    """The meeting is signed off: changes are addenda, never edits."""


class SignOffWarnings(UserError):
    """Sign-off stopped because warnings were not acknowledged."""

    def __init__(self, message: str, warnings: list[str]) -> None:
        super().__init__(message)
        self.warnings = list(warnings)


class SignOffBlocked(SignOffWarnings):
    """Sign-off refused by a blocking check: no acknowledgement lets it through."""


class SigningError(UserError):
    pass


class PersonalKeyMissing(SigningError):
    """What is sealed to one person (their signing key) cannot be opened in this session."""


class OwnKeyNotOpen(PersonalKeyMissing):
    """The person's own key is not open in this session (a keyring entry from an older version,
    or a recovery-key start): their own passphrase opens it (``session.open_own_key``)."""


class NoSigningIdentity(SigningError):
    """The user has no signing identity yet: the app offers to make one, the CLI names the
    command that does."""


class VerificationFailed(UserError):
    pass


class DeliveryError(UserError):
    pass


class ServerUnavailable(UserError):
    """The team server could not be reached, refused the login, or its certificate did not
    check (issue 17). The message names which, without the password."""

    exit_code = 3


class ServerLoginRefused(ServerUnavailable):
    """The team server refused the login name or the password."""


class ServerUnreachable(ServerUnavailable):
    """Nothing answered at the host and port given (or the name did not resolve)."""


class ServerCertificateRejected(ServerUnavailable):
    """The server's TLS certificate did not check against the CA certificate given, or does
    not name the host connected to: the connection was not made (issue 17: verify-full)."""


class NotATeamServer(StoreTooNew):
    """The database answered, but ``server init`` has not set it up for Strategy Meeting."""


class NotACertificate(InvalidInput):
    """A file given as the team server's CA certificate is not a PEM certificate."""


class InsecureConnection(InvalidInput):
    """A team-server address that asks for less than a verified TLS connection."""
