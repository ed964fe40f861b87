# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The minutes use case: render the full record and each agency's copy, sign them, write them
with ``manifest.json`` into a folder, and record what was written.

Files are written to a temporary name in the target folder and moved into place, so a folder
never holds half a PDF; names carry the reference and agency code only. Verification needs no
store (``verify_file``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from strategy_meeting.domain.errors import (
    InvalidInput,
    MeetingChanged,
    MeetingNotFound,
    NoSigningIdentity,
    SigningError,
)
from strategy_meeting.domain.meeting import Meeting
from strategy_meeting.domain.minutes_version import current_version
from strategy_meeting.domain.sharing import FAMILY_KEY
from strategy_meeting.domain.records import CopyRecord, SigningIdentity
from strategy_meeting.domain.roles import Permission, User

from ..agencies import check_codes
from ..files import StagedFile
from ..context import ServiceContext
from ..identities import unseal
from ..signoff import content_hash
from ..users import require
from strategy_meeting.services.governance import restriction  # issue 16

from .manifest import MANIFEST_NAME, ManifestEntry, copy_file_name, manifest_bytes, sha256_hex
from .render_set import render_set
from .sign import MinutesSigner, http_timestamper
from .verify import VerificationReport, load_trust, verify_pdf
from strategy_meeting.domain.sharing_log import SharingLogEntry

TIMESTAMP_URL_SETTING = "minutes.timestamp_url"


@dataclass(frozen=True)
class WrittenCopy:
    recipient: str
    path: Path
    sha256: str
    pages: int
    draft: bool
    signed_by: str | None
    withheld: int


@dataclass(frozen=True)
class MinutesExport:
    reference: str
    copies: tuple[WrittenCopy, ...]
    manifest: Path
    signature_level: str = ""


def render_minutes(
    ctx: ServiceContext,
    actor: User,
    reference: str,
    out_dir: Path,
    *,
    agencies: list[str] | None = None,
    sign: bool = False,
    workers: int = 1,
) -> MinutesExport:
    """Write the copies and the manifest; DRAFT copies before sign-off, where signing is refused.

    Three steps, so no transaction is open while the PDFs are rendered and signed (a second or
    more, and up to ten seconds waiting for a timestamp authority): every other writer would
    wait that long for the write lock, and on a team server it would be a long transaction
    holding row locks. (1) read and check in one short unit of work; (2) render and sign, and
    stage the files beside their names, with none open; (3) record the copies in a second short
    unit of work, which first checks that the meeting is as it was read, and only then publish
    the files (``files.StagedFile``). If the meeting changed meanwhile the call is refused in one
    line and the staged files are discarded, so no copy of a record that moved on is left.
    """
    require(actor, Permission.RENDER_MINUTES)
    plan = _read_and_check(ctx, actor, reference, agencies, sign)
    signer = None
    if plan.identity is not None:
        signer = MinutesSigner(unseal(ctx, plan.identity),
                               timestamper=http_timestamper(plan.timestamp_url) if plan.timestamp_url else None)
    created_at = ctx.now()
    rendered = render_set(plan.meeting, agencies, signer=signer, created_at=created_at, workers=workers,
                          sharing_log=plan.sharing_log)
    written, entries, staged, manifest = _stage_files(reference, out_dir, rendered, created_at,
                                                      current_version(plan.meeting))
    try:
        # A file plus its row (files.py): the copies are recorded, then given their names; a
        # refusal (the meeting changed meanwhile) or a failed commit leaves none of them.
        _record(ctx, actor, plan, rendered, entries, created_at, signer is not None, manifest, out_dir)
        manifest_path = out_dir / MANIFEST_NAME
        for item in staged:
            item.publish()
    finally:
        for item in staged:
            item.discard()
    return MinutesExport(
        reference, tuple(written), manifest_path, signer.level if signer is not None else ""
    )


@dataclass(frozen=True)
class _Plan:
    """What step 1 read: the meeting, and how to tell later whether it is still as read."""

    meeting: Meeting
    fingerprint: tuple[str, str, int, tuple[object, ...]]
    identity: SigningIdentity | None
    timestamp_url: str | None
    sharing_log: tuple[SharingLogEntry, ...] = ()  # for the full record's annex (issue 14)


def _fingerprint(meeting: Meeting) -> tuple[str, str, int, tuple[object, ...]]:
    # An addendum's terms may change after sign-off (issue 14): the copies would then differ.
    return (content_hash(meeting), meeting.status.value, len(meeting.addenda),
            tuple(a.sharing for a in meeting.addenda))


def _read_and_check(ctx: ServiceContext, actor: User, reference: str, agencies: list[str] | None,
                    sign: bool) -> _Plan:
    with ctx.unit_of_work() as uow:
        meeting = uow.meetings.get(reference)
        if meeting is None:
            raise MeetingNotFound(reference)
        restriction.check_processing(uow, reference)  # issue 16: Article 18
        check_codes(meeting, [c for c in agencies or [] if c != FAMILY_KEY], uow.agencies.list())
        identity = None
        url = None
        if sign:
            if not meeting.status.is_locked:
                raise SigningError(
                    f"{reference} is not signed off: sign it off first, or render DRAFT copies "
                    "without --sign."
                )
            identity = uow.identities.active_for(actor.name)
            if identity is None:
                raise NoSigningIdentity(
                    "You have no signing identity: create one with 'identity new --self-signed' "
                    "or import your organisation's certificate with 'identity import FILE.p12'."
                )
            url = uow.settings.get(TIMESTAMP_URL_SETTING)
        sharing_log = tuple(uow.sharing_log.for_meeting(reference))
    return _Plan(meeting, _fingerprint(meeting), identity, url, sharing_log)


def _stage_files(reference: str, out_dir: Path, rendered: list, created_at: datetime,  # type: ignore[type-arg]
                 version: int = 1) -> tuple[list[WrittenCopy], list[ManifestEntry], list[StagedFile], bytes]:
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InvalidInput(f"Cannot create the folder {out_dir}: {exc.strerror}.") from None
    written: list[WrittenCopy] = []
    entries: list[ManifestEntry] = []
    staged: list[StagedFile] = []
    try:
        for copy in rendered:
            name = copy_file_name(reference, copy.recipient, draft=copy.draft, version=version)
            staged.append(StagedFile(out_dir / name, copy.pdf))
            digest = sha256_hex(copy.pdf)
            written.append(
                WrittenCopy(copy.recipient, out_dir / name, digest, copy.pages, copy.draft,
                            copy.signed_by, len(copy.withheld_from))
            )
            entries.append(ManifestEntry(copy.recipient, name, digest, copy.signed_by, created_at))
        manifest = manifest_bytes(reference, entries)
        staged.append(StagedFile(out_dir / MANIFEST_NAME, manifest))
    except BaseException:
        for item in staged:
            item.discard()
        raise
    return written, entries, staged, manifest


def _record(ctx: ServiceContext, actor: User, plan: _Plan, rendered: list,  # type: ignore[type-arg]
            entries: list[ManifestEntry], created_at: datetime, signed: bool, manifest: bytes,
            out_dir: Path) -> None:
    reference = plan.meeting.reference
    with ctx.unit_of_work() as uow:
        now = uow.meetings.get(reference)
        if now is None or _fingerprint(now) != plan.fingerprint:
            raise MeetingChanged(
                f"{reference} changed while its minutes were being made, so they were not kept; "
                "make them again.")
        version = 1 + len(now.addenda)
        for copy, entry in zip(rendered, entries, strict=True):
            uow.copies.add(
                CopyRecord(
                    meeting_reference=reference,
                    recipient=copy.recipient,
                    file_name=entry.file,
                    sha256=entry.sha256,
                    created_at=created_at,
                    signed_by=copy.signed_by or "",
                    draft=copy.draft,
                    withheld_from_agencies=list(copy.withheld_from),
                    version=version,
                    folder=str(out_dir.absolute()),  # so the copies are listed after a restart (issue 19)
                ),
                # Kept for distribution: signed copies only (an unsigned re-render after
                # sign-off must never take the place of the signed copy).
                content=copy.pdf if copy.signed_by else None,
            )
        uow.audit.append(
            actor.name,
            "minutes.render",
            f"meeting:{reference}",
            {
                "recipients": [c.recipient for c in rendered],
                "signed": signed,
                "draft": any(c.draft for c in rendered),
                "manifest_sha256": sha256_hex(manifest),
                "files": {e.file: e.sha256 for e in entries},
            },
        )
        uow.commit()


def verify_file(pdf: Path, trust: Path | None = None, *, also_trust: Sequence[bytes] = ()) -> VerificationReport:
    """Check a signed copy on disk; needs no store, so any agency can run it. ``trust`` is a
    certificate file the reader chose; ``also_trust`` holds certificates (PEM) they trust
    already, such as the signing identities of their own record."""
    try:
        data = pdf.read_bytes()
    except FileNotFoundError:
        raise InvalidInput(f"The file {pdf} does not exist.") from None
    except OSError as exc:
        raise InvalidInput(f"Cannot read {pdf}: {exc.strerror}.") from None
    if b"%PDF-" not in data[:1024]:
        raise InvalidInput(f"{pdf} is not a PDF file; choose the signed copy (a .pdf file) to check.")
    roots = [cert for pem in also_trust for cert in load_trust(pem)]
    if trust is not None:
        try:
            roots += load_trust(trust.read_bytes())
        except FileNotFoundError:
            raise InvalidInput(f"The certificate file {trust} does not exist.") from None
        except OSError as exc:
            raise InvalidInput(f"Cannot read {trust}: {exc.strerror}.") from None
    return verify_pdf(data, roots or None)
