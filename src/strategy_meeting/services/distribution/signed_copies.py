# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The signed copies to distribute: read from a ``minutes --sign`` output folder and checked.

Distribution sends files that left the app's control when ``minutes`` wrote them, so every
copy is checked again before it goes out: its SHA-256 must match the manifest, and its
signature must be intact and cover the whole file. A swapped or edited file is refused, and
nothing is sent for the meeting until the set is right.
"""

from __future__ import annotations

import hashlib
import io
import json
from dataclasses import dataclass
from pathlib import Path

from strategy_meeting.domain.errors import InvalidInput, VerificationFailed
from strategy_meeting.domain.records import CopyRecord

MAX_COPY_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class SignedCopy:
    """One recipient's signed copy: its bytes, their hash, and who signed it."""

    recipient: str  # "full" or an agency code
    file_name: str
    data: bytes
    sha256: str
    signed_by: str


def load_signed_copies(folder: Path, reference: str) -> dict[str, SignedCopy]:
    """The copies listed in ``folder/manifest.json`` for ``reference``, each one checked."""
    manifest_path = folder / "manifest.json"
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InvalidInput(
            f"{folder} holds no manifest.json. Give the folder the 'minutes --sign' command wrote."
        ) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        raise InvalidInput(f"{manifest_path} cannot be read as JSON; render the minutes again.") from None
    if not isinstance(manifest, dict) or not isinstance(manifest.get("copies"), list):
        raise InvalidInput(f"{manifest_path} is not a minutes manifest; render the minutes again.")
    if manifest.get("reference") != reference:
        raise InvalidInput(
            f"The copies in {folder} are for meeting {manifest.get('reference')!s:.64}, not "
            f"{reference}. Give the folder of this meeting's signed minutes."
        )
    copies: dict[str, SignedCopy] = {}
    for entry in manifest["copies"]:
        copy = _load_entry(folder, entry)
        copies[copy.recipient] = copy
    return copies


def stored_copies(records: list[tuple[CopyRecord, bytes]], reference: str) -> dict[str, SignedCopy]:
    """The signed copies the store kept when ``minutes --sign`` ran, each checked again: the
    bytes must still hash to what was recorded and carry an intact signature."""
    if not records:
        raise InvalidInput(
            f"No signed minutes are recorded for {reference}. Sign the meeting off and run "
            "'minutes --sign' (or Generate minutes in the app) first."
        )
    copies: dict[str, SignedCopy] = {}
    for record, data in records:
        digest = hashlib.sha256(data).hexdigest()
        what = f"The stored copy for {record.recipient}"
        if digest != record.sha256:
            raise VerificationFailed(f"{what} no longer matches its recorded hash. Sign the minutes again.")
        check_signature_intact(data, what)
        copies[record.recipient] = SignedCopy(record.recipient, record.file_name, data, digest, record.signed_by)
    return copies


def _load_entry(folder: Path, entry: object) -> SignedCopy:
    if not isinstance(entry, dict) or not all(
        isinstance(entry.get(k), str) for k in ("recipient", "file", "sha256")
    ):
        raise InvalidInput(f"{folder / 'manifest.json'} has an entry without recipient, file and sha256.")
    recipient, name = entry["recipient"], entry["file"]
    if Path(name).name != name or name in ("", ".", ".."):
        raise InvalidInput(f"The manifest names a file outside its folder ({name!r:.80}); render the minutes again.")
    signed_by = entry.get("signed_by") or ""
    if not isinstance(signed_by, str) or not signed_by:
        raise InvalidInput(
            f"The copy for {recipient} is not signed (a draft). Sign the minutes off and run "
            "'minutes --sign' before distributing."
        )
    path = folder / name
    try:
        if path.stat().st_size > MAX_COPY_BYTES:
            raise InvalidInput(f"{path} is larger than any copy of the minutes can be.")
        data = path.read_bytes()
    except FileNotFoundError:
        raise InvalidInput(f"The copy for {recipient} ({name}) is missing from {folder}.") from None
    digest = hashlib.sha256(data).hexdigest()
    if digest != entry["sha256"].lower():
        raise VerificationFailed(
            f"The copy for {recipient} ({name}) does not match the manifest: it was changed "
            "after the minutes were written. Render and sign the minutes again."
        )
    check_signature_intact(data, f"The copy for {recipient} ({name})")
    return SignedCopy(recipient, name, data, digest, signed_by)


def check_signature_intact(data: bytes, what: str) -> None:
    """Refuse a copy whose signature is missing, broken or does not cover the whole file.

    Trust in the signer is not judged here (the recipient does that with the chair's
    certificate); this only proves that what we send is exactly what was signed.
    """
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    try:
        signatures = PdfFileReader(io.BytesIO(data), strict=False).embedded_signatures
        if not signatures:
            raise VerificationFailed(f"{what} carries no signature. Run 'minutes --sign' first.")
        signature = signatures[-1]
        # Trust is not the question here, so the signer's own certificate is the root: the
        # path check then passes quietly instead of logging a traceback for every copy.
        context = ValidationContext(trust_roots=[signature.signer_cert], allow_fetching=False)
        status = validate_pdf_signature(signature, context)
    except VerificationFailed:
        raise
    except Exception:  # noqa: BLE001 - a damaged file can make pyHanko raise anything
        raise VerificationFailed(f"{what} cannot be read as a signed PDF. Render and sign it again.") from None
    if not (status.intact and status.valid) or status.coverage != SignatureCoverageLevel.ENTIRE_FILE:
        raise VerificationFailed(
            f"{what} has a broken signature or was changed after signing. Render and sign it again."
        )
