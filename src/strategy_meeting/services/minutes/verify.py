# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Is this signed copy of the minutes intact, validly signed, unchanged, and by whom?

Needs no store: an agency can check a file with only the chair's exported certificate. Three
outcomes are kept apart because they mean different things to the reader: *tampered* (the
signed bytes differ), *changed after signing* (something was appended to a file whose
certification forbids changes) and *signer not trusted* (intact, but nobody vouched for the key).
"""

from __future__ import annotations

import io
import logging
import re
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from asn1crypto import x509 as asn1_x509
from pyhanko.keys import load_certs_from_pemder_data
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.fields import MDPPerm
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.status import PdfSignatureStatus, SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from strategy_meeting.domain.errors import InvalidInput


# pyHanko logs each failed check with a traceback; the verdict already says it, and the command
# line must print one clear message, never a traceback.
logging.getLogger("pyhanko").addHandler(logging.NullHandler())


class Verdict(StrEnum):
    VALID = "valid"
    CHANGED = "changed after signing"
    TAMPERED = "tampered"
    INVALID = "signature invalid"
    UNSIGNED = "not signed"
    DAMAGED = "damaged"


_EXPLANATIONS = {
    Verdict.VALID: "The file is exactly as the signer signed it.",
    Verdict.CHANGED: (
        "Something was added to the file after it was signed, and the signer forbade any change."
    ),
    Verdict.TAMPERED: "The signed content was altered: this is not the file that was signed.",
    Verdict.INVALID: "The signature does not belong to the signed content or its certificate.",
    Verdict.UNSIGNED: "The file carries no signature.",
    Verdict.DAMAGED: "The file could not be read as a signed PDF: it is damaged or was altered.",
}


@dataclass(frozen=True)
class VerificationReport:
    verdict: Verdict
    signer: str = ""
    signed_at: datetime | None = None
    time_source: str = ""  # "timestamp authority" or "signer's clock"
    intact: bool = False
    valid: bool = False
    trusted: bool = False
    certified_no_changes: bool = False
    level: str = ""
    problems: tuple[str, ...] = field(default=())
    trust_given: bool = False  # whether the reader named certificates to trust

    @property
    def ok(self) -> bool:
        """Exit 0 for the command line: intact, valid and unchanged (trust is reported apart)."""
        return self.verdict is Verdict.VALID

    def lines(self) -> list[str]:
        """What the command line prints, one fact a line."""
        out = [f"Verdict: {self.verdict.value}. {_EXPLANATIONS[self.verdict]}"]
        if self.signer:
            out.append(f"Signer: {self.signer}")
        if self.signed_at is not None:
            out.append(f"Signed at: {self.signed_at.isoformat(timespec='seconds')} ({self.time_source})")
        if self.verdict not in (Verdict.UNSIGNED, Verdict.DAMAGED):
            out.append(f"Intact: {'yes' if self.intact else 'no'}")
            out.append(f"Signature valid: {'yes' if self.valid else 'no'}")
            out.append(f"Signer trusted: {self._trust_words()}")
            if self.level:
                out.append(f"Signature: {self.level}")
        out.extend(f"Problem: {p}" for p in self.problems)
        return out


    def _trust_words(self) -> str:
        if self.trusted:
            return "yes"
        if not (self.intact and self.valid):
            # pyHanko does not judge the signer of a signature that fails: say so, rather
            # than blame the certificate the reader gave.
            return "not checked (the signature does not hold for this file)"
        if self.trust_given:
            return "no (the certificates given with --trust do not vouch for the signer)"
        return "no (give the signer's certificate with --trust to check it)"


def load_trust(data: bytes) -> list[asn1_x509.Certificate]:
    """Certificates (PEM or DER, one or many) that the reader chooses to trust."""
    try:
        certs = list(load_certs_from_pemder_data(data))
    except (ValueError, TypeError) as exc:
        raise InvalidInput("The --trust file is not a certificate in PEM or DER form.") from exc
    if not certs:
        raise InvalidInput("The --trust file holds no certificate.")
    return certs


def _padding_altered(contents: bytes) -> bool:
    """The signature's reserved space must be the CMS object followed by zeros only.

    Bytes after the CMS object are outside what the signature covers, and a DER reader
    ignores them, so a changed byte there would otherwise pass unnoticed.
    """
    if len(contents) < 2 or contents[0] != 0x30:
        return True
    first = contents[1]
    if first < 0x80:
        length, header = first, 2
    else:
        count = first & 0x7F
        if count == 0 or count > 4 or len(contents) < 2 + count:
            return True
        length, header = int.from_bytes(contents[2 : 2 + count], "big"), 2 + count
    end = header + length
    return end > len(contents) or any(contents[end:])


_HEX_STRING = re.compile(rb"<[0-9A-Fa-f]*>")


def _gap_altered(data: bytes, byte_range: object) -> bool:
    """The unsigned gap between the two signed ranges must be exactly ``<hex digits>``.

    A PDF reader skips white space inside a hex string, so a digit of the zero padding turned
    into a space or NUL changes the file without changing the parsed signature; pdfsig then
    reports the document as not totally signed, and so must we.
    """
    try:
        start, first_length, second_start, _ = (int(x) for x in byte_range)  # type: ignore[attr-defined]
    except (TypeError, ValueError):
        return True
    return _HEX_STRING.fullmatch(data[start + first_length : second_start]) is None


def _signer_name(status: PdfSignatureStatus) -> str:
    subject = status.signing_cert.subject
    try:
        cn = subject.native.get("common_name")
    except (ValueError, AttributeError):  # pragma: no cover - odd certificates
        cn = None
    return f"{cn} ({subject.human_friendly})" if cn else subject.human_friendly


def verify_pdf(data: bytes, trust: list[asn1_x509.Certificate] | None = None) -> VerificationReport:
    """Check every signature in ``data``; the verdict is the worst one found."""
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        signatures = reader.embedded_signatures
    except Exception:  # noqa: BLE001 - any parse failure means the same thing to the reader
        return VerificationReport(Verdict.DAMAGED)
    if not signatures:
        return VerificationReport(Verdict.UNSIGNED)

    context = ValidationContext(trust_roots=list(trust or []), allow_fetching=False)
    first = signatures[0]
    try:
        status = validate_pdf_signature(first, signer_validation_context=context)
    except Exception:  # noqa: BLE001 - a malformed signature is a damaged file, not a crash
        return VerificationReport(Verdict.DAMAGED)

    problems: list[str] = []
    ts = status.timestamp_validity
    if ts is not None and ts.intact and ts.valid:
        signed_at, source = ts.timestamp, "timestamp authority"
    else:
        signed_at, source = status.signer_reported_dt, "signer's clock"
    certified = first.docmdp_level is MDPPerm.NO_CHANGES

    if not status.intact:
        verdict = Verdict.TAMPERED
    elif not status.valid:
        verdict = Verdict.INVALID
    elif _padding_altered(bytes(first.sig_object["/Contents"])) or _gap_altered(
        data, first.sig_object.get("/ByteRange")
    ):
        verdict = Verdict.TAMPERED
        problems.append("bytes in the signature's reserved space were changed")
    elif (
        len(signatures) > 1
        or status.coverage is not SignatureCoverageLevel.ENTIRE_FILE
        or status.docmdp_ok is False
    ):
        verdict = Verdict.CHANGED
        problems.append("the file has content added after the signed revision")
    else:
        verdict = Verdict.VALID
    if ts is not None and not (ts.intact and ts.valid):
        problems.append("the timestamp token does not validate")
        if verdict is Verdict.VALID:
            verdict = Verdict.INVALID
    if not certified:
        problems.append("the signature does not certify the document against changes")

    if str(first.sig_object.get("/SubFilter")) == "/ETSI.CAdES.detached":
        level = "PAdES B-T" if ts is not None else "PAdES B-B"
    else:
        level = "PDF signature (not PAdES)"
    return VerificationReport(
        verdict=verdict,
        signer=_signer_name(status),
        signed_at=signed_at,
        time_source=source,
        intact=status.intact,
        # A signature over bytes that are not the file's is no valid signature of this file.
        valid=status.intact and status.valid,
        trusted=bool(status.trusted),
        certified_no_changes=certified,
        level=level,
        problems=tuple(problems),
        trust_given=bool(trust),
    )
