# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Password-protect one agency's signed copy for sending (pyHanko, AES-256).

Order chosen: sign first, encrypt after, without touching the signed bytes. Encryption
rewrites every object of a PDF, so encrypting the signed file itself would break its
signature, and encrypting before signing would need the chair's key at distribution time.
Instead the signed copy travels unchanged as the attachment of a small wrapper PDF, and the
whole wrapper (cover page and attachment) is encrypted with AES-256 (PDF 2.0, revision 6).
Opened with the password, the attachment is byte-for-byte the signed copy: its SHA-256
matches the manifest and the log, and its signature verifies.
"""

from __future__ import annotations

import io
from datetime import datetime

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.embed import EmbeddedFileObject, EmbeddedFileParams, FileSpec, embed_file
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.pdf_utils.writer import copy_into_new_writer
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from strategy_meeting.domain.errors import InvalidInput, VerificationFailed

from .pdf_fonts import register_fonts

MIN_PASSWORD_CHARS = 12


def check_password(password: str, agency_code: str) -> None:
    if len(password) < MIN_PASSWORD_CHARS:
        raise InvalidInput(
            f"The password for {agency_code}'s copy is shorter than {MIN_PASSWORD_CHARS} "
            "characters; choose a longer one."
        )


def encrypt_copy(signed_pdf: bytes, password: str, attachment_name: str, reference: str,
                 agency_code: str, created_at: datetime) -> bytes:
    """A wrapper PDF, encrypted with ``password``, holding ``signed_pdf`` unchanged."""
    check_password(password, agency_code)
    cover = PdfFileReader(io.BytesIO(_cover_page(reference, agency_code, attachment_name)))
    writer = copy_into_new_writer(cover)
    writer.encrypt(password)  # AES-256, PDF 2.0 standard security handler
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
    try:
        reader = PdfFileReader(io.BytesIO(wrapper), strict=False)
        if not reader.encrypted:
            raise VerificationFailed("The file is not an encrypted copy.")
        result = reader.decrypt(password)
        if result.status.name == "FAILED":
            raise VerificationFailed("The password does not open this copy.")
        names = reader.root["/Names"]["/EmbeddedFiles"]["/Names"]
        spec = names[1].get_object()
        return spec["/EF"]["/F"].get_object().data
    except VerificationFailed:
        raise
    except Exception:  # noqa: BLE001 - damaged input
        raise VerificationFailed("The file is not an encrypted copy made by Strategy Meeting.") from None


def _cover_page(reference: str, agency_code: str, attachment_name: str) -> bytes:
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
    ]
    y -= 12 * mm
    for line in lines:
        canvas.drawString(x, y, line)
        y -= 6 * mm
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
