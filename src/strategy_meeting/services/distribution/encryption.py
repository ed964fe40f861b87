# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Protect one agency's signed copy for sending (pyHanko, AES-256): with a password, or
encrypted to the agency's certificate (PDF public-key security, RSA key transport).

Order chosen: sign first, encrypt after, without touching the signed bytes. Encryption
rewrites every object of a PDF, so encrypting the signed file itself would break its
signature, and encrypting before signing would need the chair's key at distribution time.
Instead the signed copy travels unchanged as the attachment of a small wrapper PDF, and the
whole wrapper (cover page and attachment) is encrypted with AES-256 (PDF 2.0, revision 6).
Opened with the password, or with the private key of the agency's certificate, the
attachment is byte-for-byte the signed copy: its SHA-256 matches the manifest and the log,
and its signature verifies.
"""

from __future__ import annotations

import io
import secrets
from collections.abc import Callable
from datetime import datetime

from asn1crypto import x509 as asn1_x509
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.crypt.pubkey import EnvelopeKeyDecrypter
from pyhanko.pdf_utils.embed import EmbeddedFileObject, EmbeddedFileParams, FileSpec, embed_file
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.pdf_utils.writer import BasePdfFileWriter, copy_into_new_writer
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from strategy_meeting.domain.errors import InvalidInput, VerificationFailed

from ..pdf_fonts import register_fonts

MIN_PASSWORD_CHARS = 12
# Letters and digits that cannot be mistaken for one another when read out over the phone
# (no 0/O, 1/l/I): the password reaches the agency by a channel other than the copy.
_PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
GENERATED_GROUPS, GENERATED_GROUP_CHARS = 4, 5  # about 116 bits: 20 characters of 56


def generate_password() -> str:
    """A strong random password for one agency's copy, in groups of five (``aB3xk-...``)
    so that it can be read out and typed back without losing one's place."""
    groups = ("".join(secrets.choice(_PASSWORD_ALPHABET) for _ in range(GENERATED_GROUP_CHARS))
              for _ in range(GENERATED_GROUPS))
    return "-".join(groups)


def check_password(password: str, agency_code: str) -> None:
    """The one rule for a copy's password, for the command line and the app alike."""
    if not password:
        raise InvalidInput(
            f"No password is given for {agency_code}'s copy; enter one of at least "
            f"{MIN_PASSWORD_CHARS} characters or generate one."
        )
    if len(password) < MIN_PASSWORD_CHARS:
        raise InvalidInput(
            f"The password for {agency_code}'s copy is shorter than {MIN_PASSWORD_CHARS} "
            "characters; choose a longer one."
        )


def encrypt_copy(signed_pdf: bytes, password: str, attachment_name: str, reference: str,
                 agency_code: str, created_at: datetime) -> bytes:
    """A wrapper PDF, encrypted with ``password``, holding ``signed_pdf`` unchanged."""
    check_password(password, agency_code)
    return _wrapper(signed_pdf, attachment_name, reference, agency_code, created_at,
                    lambda writer: writer.encrypt(password),  # AES-256, PDF 2.0 standard handler
                    how="password")


def encrypt_copy_to_certificate(signed_pdf: bytes, certificate_der: bytes, attachment_name: str,
                                reference: str, agency_code: str, created_at: datetime) -> bytes:
    """A wrapper PDF that only the holder of the certificate's private key can open, holding
    ``signed_pdf`` unchanged. The certificate must have passed
    ``agency_certificates.check_encryption_certificate``."""
    recipient = asn1_x509.Certificate.load(certificate_der)
    # AES-256 for the content; the file key wrapped with the agency's RSA key (PKCS#1 v1.5,
    # which every reader that supports certificate encryption understands).
    return _wrapper(signed_pdf, attachment_name, reference, agency_code, created_at,
                    lambda writer: writer.encrypt_pubkey([recipient]), how="certificate")


def _wrapper(signed_pdf: bytes, attachment_name: str, reference: str, agency_code: str,
             created_at: datetime, protect: Callable[[BasePdfFileWriter], None], how: str) -> bytes:
    cover = PdfFileReader(io.BytesIO(_cover_page(reference, agency_code, attachment_name, how)))
    writer = copy_into_new_writer(cover)
    protect(writer)
    data = EmbeddedFileObject.from_file_data(
        writer, data=signed_pdf, mime_type="application/pdf",
        params=EmbeddedFileParams(creation_date=created_at, modification_date=created_at),
    )
    embed_file(writer, FileSpec(
        file_spec_string=attachment_name, file_name=attachment_name, embedded_data=data,
        description=f"Signed minutes of {reference} for {agency_code}",
    ))
    # Viewers that understand portable collections open the attachment straight away;
    # the others show the cover page, which says where to find it.
    writer.root["/Collection"] = generic.DictionaryObject({
        generic.pdf_name("/Type"): generic.pdf_name("/Collection"),
        generic.pdf_name("/D"): generic.pdf_string(attachment_name),
        generic.pdf_name("/View"): generic.pdf_name("/H"),
    })
    writer.root["/PageMode"] = generic.pdf_name("/UseAttachments")
    writer.update_root()
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def open_encrypted_copy(wrapper: bytes, password: str) -> bytes:
    """The signed copy inside a wrapper made by ``encrypt_copy`` (for checks and tests)."""
    return _open(wrapper, lambda reader: reader.decrypt(password), "The password does not open this copy.")


def open_certificate_encrypted_copy(wrapper: bytes, decrypter: EnvelopeKeyDecrypter) -> bytes:
    """The signed copy inside a wrapper made by ``encrypt_copy_to_certificate``, opened with
    the recipient's private key (for checks and tests)."""
    return _open(wrapper, lambda reader: reader.decrypt_pubkey(decrypter),
                 "This copy was not encrypted to that key.")


def _open(wrapper: bytes, unlock: Callable[[PdfFileReader], object], refused: str) -> bytes:
    try:
        reader = PdfFileReader(io.BytesIO(wrapper), strict=False)
        if not reader.encrypted:
            raise VerificationFailed("The file is not an encrypted copy.")
        try:
            result = unlock(reader)
        except Exception:  # noqa: BLE001 - a key that does not fit fails inside the CMS envelope
            raise VerificationFailed(refused) from None
        if getattr(getattr(result, "status", None), "name", "") == "FAILED":
            raise VerificationFailed(refused)
        names = reader.root["/Names"]["/EmbeddedFiles"]["/Names"]
        spec = names[1].get_object()
        return spec["/EF"]["/F"].get_object().data
    except VerificationFailed:
        raise
    except Exception:  # noqa: BLE001 - damaged input
        raise VerificationFailed("The file is not an encrypted copy made by Strategy Meeting.") from None


def _cover_page(reference: str, agency_code: str, attachment_name: str, how: str) -> bytes:
    """A page that says what the file holds and how to open it; no case detail beyond the
    reference, so it reads the same for anyone who sees it."""
    regular, bold, _ = register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=1)
    canvas.setTitle(f"Signed minutes {reference}")
    canvas.setAuthor("Strategy Meeting")
    canvas.setCreator("Strategy Meeting")
    x, y = 20 * mm, A4[1] - 35 * mm
    canvas.setFont(bold, 16)
    canvas.drawString(x, y, f"Strategy discussion {reference}")
    canvas.setFont(regular, 11)
    lines = [
        f"The signed minutes for {agency_code} are attached to this file as",
        f"\u201c{attachment_name}\u201d.",
        "",
        "If your PDF reader did not open them, show its attachments panel",
        "(in Adobe Acrobat Reader: the paper-clip icon) and open the file there.",
        "",
        "The attachment carries the chair's digital signature: check it in your",
        "reader's signature panel before you rely on the minutes.",
        "",
        ("This file is encrypted to your agency's certificate; keep it where only"
         if how == "certificate" else "This file is protected with a password; keep it where only"),
        "people entitled to the minutes can open it.",
    ]
    y -= 12 * mm
    for line in lines:
        canvas.drawString(x, y, line)
        y -= 6 * mm
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
