# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Every channel by which a PDF can carry text, read back for leak checks."""

from __future__ import annotations

import io
import subprocess
from dataclasses import dataclass

import pikepdf
from pypdf import PdfReader


@dataclass
class PdfChannels:
    text: str  # pypdf text extraction, all pages
    pages: list[str]
    streams: bytes  # every stream, decompressed, concatenated
    metadata: str  # /Info values and the XMP packet
    objects: str  # every string and name in every object outside streams

    def holds(self, needle: str) -> dict[str, bool]:
        raw = needle.encode("utf-8")
        return {
            "text": needle in self.text,
            "streams": raw in self.streams,
            "metadata": needle in self.metadata,
            "objects": needle in self.objects,
        }


def _strings(obj: object, out: list[str], seen: set[tuple[int, int]]) -> None:
    if isinstance(obj, pikepdf.Object) and obj.is_indirect:
        key = obj.objgen
        if key in seen:
            return
        seen.add(key)
    if isinstance(obj, pikepdf.String):
        out.append(str(obj))
    elif isinstance(obj, pikepdf.Name):
        out.append(str(obj))
    elif isinstance(obj, pikepdf.Array):
        for item in obj:
            _strings(item, out, seen)
    elif isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)):
        for name, value in obj.items():
            out.append(name)
            _strings(value, out, seen)


def read_channels(pdf: bytes) -> PdfChannels:
    reader = PdfReader(io.BytesIO(pdf))
    pages = [page.extract_text() or "" for page in reader.pages]
    streams: list[bytes] = []
    strings: list[str] = []
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        for obj in doc.objects:
            if isinstance(obj, pikepdf.Stream):
                try:
                    streams.append(obj.read_bytes())
                except pikepdf.PdfError:
                    streams.append(obj.read_raw_bytes())
            _strings(obj, strings, set())
        _strings(doc.trailer, strings, set())
        meta = [str(v) for v in doc.docinfo.values()]
        try:
            xmp = doc.Root.Metadata.read_bytes().decode("utf-8", "replace")
        except (AttributeError, KeyError):
            xmp = ""
    return PdfChannels("\n".join(pages), pages, b"\n".join(streams), "\n".join(meta) + xmp, "\n".join(strings))


def pdftotext(pdf: bytes) -> str:
    done = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True
    )
    return done.stdout.decode("utf-8")
