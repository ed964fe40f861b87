# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Render a meeting's whole set of copies: the full record, each agency's and the family's,
signed or not.

Pure (no store): the minutes service calls it inside its unit of work, and ``bench/minutes.py``
times it. Each copy is assembled from that recipient's filtered view and rendered on its own;
nothing is shared between copies but fonts, styles and the signer.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import datetime

from strategy_meeting.domain.meeting import Meeting
from strategy_meeting.domain.sharing import FAMILY, FAMILY_KEY, Recipient
from strategy_meeting.domain.sharing_log import SharingLogEntry

from .assemble import assemble
from .parent_watch import die_with_parent
from .render import register_fonts, render_pdf
from .sign import MinutesSigner
from .textflow import forget_layouts


@dataclass(frozen=True)
class RenderedCopy:
    recipient: str  # "full", "family" or the agency code
    pdf: bytes
    pages: int
    draft: bool
    withheld_from: tuple[str, ...]  # one agency code per withheld item
    signed_by: str | None  # certificate subject, None when unsigned


def recipients_for(meeting: Meeting, agencies: list[str] | None) -> list[Recipient]:
    """The full record, then the named agencies (or every agency of the meeting), in order,
    then the family's copy: always in the whole set, and in a named set when "family" is
    named (issue 14)."""
    named = [c for c in agencies or [] if c != FAMILY_KEY]
    codes = named if agencies else meeting.agency_codes
    seen: list[str] = []
    for code in codes:
        if code not in seen:
            seen.append(code)
    family = [FAMILY] if not agencies or FAMILY_KEY in agencies else []
    return [Recipient(None)] + [Recipient(code) for code in seen] + family


def render_one(
    meeting: Meeting,
    recipient: Recipient,
    *,
    signer: MinutesSigner | None,
    created_at: datetime | None = None,
    sharing_log: tuple[SharingLogEntry, ...] = (),
) -> RenderedCopy:
    doc = assemble(meeting, recipient, sharing_log if recipient.is_full_record else ())
    rendered = render_pdf(doc, invariant=True, created_at=created_at)
    pdf = rendered.pdf
    signed_by = None
    if signer is not None and not doc.draft:
        pdf = signer.sign(pdf)
        signed_by = signer.subject
    return RenderedCopy(recipient.key, pdf, rendered.pages, doc.draft, doc.withheld_from, signed_by)


def render_set(
    meeting: Meeting,
    agencies: list[str] | None,
    *,
    signer: MinutesSigner | None,
    created_at: datetime | None = None,
    workers: int = 1,
    sharing_log: tuple[SharingLogEntry, ...] = (),
) -> list[RenderedCopy]:
    """Every copy, full record first. A draft is never signed: the caller refuses ``--sign``.

    ``workers`` > 1 renders copies in forked processes (where the platform can fork): the
    command line uses it, the GUI does not (forking a process that runs Qt threads is unsafe).
    The workers end with this process, however it ends (``parent_watch``). Processes, not
    threads: rendering is pure Python and holds the GIL, so two threads render no faster than
    one (bench/minutes.py: 0.75 s with two processes, 1.3 s with one or with two threads).
    """
    recipients = recipients_for(meeting, agencies)
    try:
        if workers > 1 and len(recipients) > 2 and _can_fork():
            return _render_forked(meeting, recipients, signer, created_at, workers, sharing_log)
        return [render_one(meeting, r, signer=signer, created_at=created_at, sharing_log=sharing_log)
                for r in recipients]
    finally:
        forget_layouts()


def _can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


# What forked workers inherit: set just before the pool starts, cleared after. Nothing is
# pickled to the workers but recipient keys; the signer's key never leaves this process's
# memory image.
_job: tuple[Meeting, MinutesSigner | None, datetime | None, tuple[SharingLogEntry, ...]] | None = None


def _work(key: str) -> RenderedCopy:
    assert _job is not None
    meeting, signer, created_at, sharing_log = _job
    return render_one(meeting, Recipient.from_key(key), signer=signer, created_at=created_at,
                      sharing_log=sharing_log)


def _render_forked(
    meeting: Meeting,
    recipients: list[Recipient],
    signer: MinutesSigner | None,
    created_at: datetime | None,
    workers: int,
    sharing_log: tuple[SharingLogEntry, ...] = (),
) -> list[RenderedCopy]:
    global _job
    register_fonts()  # once, before the fork, so no worker parses the font files again
    _job = (meeting, signer, created_at, sharing_log)
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context,
                                 initializer=die_with_parent, initargs=(os.getpid(),)) as pool:
            return list(pool.map(_work, [r.key for r in recipients]))
    finally:
        _job = None
