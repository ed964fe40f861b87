# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Import and export of the interchange format, and loading the demonstration meetings.

Import checks the whole file (``exchange_validation`` and the domain's save rules, through
``interchange.meeting_from_json``) before the unit of work opens, so a refused file never
touches the store. Export writes the full record to a user-chosen file: staged beside the
target, recorded in the audit log, then moved into place.
"""

from __future__ import annotations

import hashlib
import json
from os import PathLike
from pathlib import Path

from strategy_meeting.domain.errors import ImportRejected, InvalidInput, MeetingNotFound
from strategy_meeting.domain.meeting import Meeting
from strategy_meeting.domain.records import DistributionRecord
from strategy_meeting.domain.roles import Permission, User
from strategy_meeting.domain.sharing_log import SharingLogEntry

from ..context import ServiceContext
from .validation import FORMAT_ID, find_problems
from .codec import meeting_from_json, meeting_to_json, record_from_json, sharing_log_from_json
from .distribution_log import distributions_from_json, distributions_to_json
from ..signoff import content_hash
from .reading import parse_interchange_bytes, read_interchange_bytes
from ..files import StagedFile
from ..users import require
from strategy_meeting.services.governance import restriction  # issue 16


def import_meeting(ctx: ServiceContext, actor: User, path: str | PathLike[str]) -> Meeting:
    """Add the meeting of an interchange file; refuses a reference already in the store.

    Contributions keep the ``received_via`` the file gives; a signed-off record's distribution
    log becomes this store's log of it. Raises ``ImportRejected`` for any problem with the
    file, before anything is written.
    """
    require(actor, Permission.IMPORT)
    data = read_interchange_bytes(path)
    document = parse_interchange_bytes(data)
    meeting = meeting_from_json(document)
    meeting.created_by = actor.name
    state = record_from_json(document)
    distributions = distributions_from_json(document)
    sharing_log = sharing_log_from_json(document)
    try:
        meeting.take_record_state(state)
    except InvalidInput as exc:
        raise ImportRejected(f"The file is not valid: {exc.message}") from None
    if meeting.sign_off is not None:
        # A signed-off record arrives signed off and locked only if it is what was signed off.
        found = content_hash(meeting)
        if found != meeting.sign_off.content_hash:
            raise ImportRejected(
                f"The file's record of {meeting.reference} is not what was signed off (its content hash is "
                f"{found[:12]}…, the sign-off's {meeting.sign_off.content_hash[:12]}…), so nothing was imported.")
    with ctx.unit_of_work() as uow:
        if uow.meetings.exists(meeting.reference):
            raise ImportRejected(
                f"A meeting with reference '{meeting.reference}' is already in the store, so nothing was "
                "imported. If the file holds a different meeting, correct its reference and import it again."
            )
        uow.meetings.save(meeting)
        for record in distributions:
            uow.distributions.add(record)
        uow.sharing_log.add(sharing_log)  # the log travels with the record it explains
        uow.audit.append(
            actor.name,
            "meeting.import",
            f"meeting:{meeting.reference}",
            {"format": document.get("format", FORMAT_ID) if isinstance(document, dict) else FORMAT_ID,
             "file_sha256": hashlib.sha256(data).hexdigest(), "status": meeting.status.value,
             "content_hash": meeting.sign_off.content_hash if meeting.sign_off else "",
             "distributions": len(distributions), **meeting.item_counts()},
        )
        uow.commit()
    return meeting


def export_document(meeting: Meeting, sharing_log: list[SharingLogEntry] | None = None,
                    distributions: list[DistributionRecord] | None = None) -> bytes:
    """The file's bytes: UTF-8 JSON, indented for people who open it, scripts left readable.
    The sharing log (issue 14) and the distribution log (issue 15) travel with the record."""
    document = meeting_to_json(meeting, sharing_log)
    if distributions:
        document["meeting"]["distributions"] = distributions_to_json(distributions)
    problems = find_problems(document)
    if problems:
        # A draft may lack what the format requires (the time held, a due date...).
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise InvalidInput(
            f"Meeting {meeting.reference} cannot be exported yet: {problems[0]}{more}. Complete it first."
        )
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def export_meeting(ctx: ServiceContext, actor: User, reference: str, out_path: str | PathLike[str]) -> Path:
    """Write the full record of one meeting in the interchange format; returns the file's path.

    The export is an audit event (with the file's hash and where it went). The event is
    committed before the staged file takes its name, so there is never an export without its
    event; if that last rename fails, the event stands for the bytes that were staged.
    """
    require(actor, Permission.EXPORT)
    target = Path(out_path).expanduser().absolute()
    with ctx.unit_of_work() as uow:
        meeting = uow.meetings.get(reference)
        if meeting is None:
            raise MeetingNotFound(reference)
        restriction.check_processing(uow, reference)  # issue 16: Article 18
        distributions = uow.distributions.for_meeting(reference)  # the evidence travels too
        data = export_document(meeting, uow.sharing_log.for_meeting(reference), distributions)
        with StagedFile(target, data) as staged:
            uow.audit.append(
                actor.name,
                "meeting.export",
                f"meeting:{reference}",
                {"format": FORMAT_ID, "sha256": hashlib.sha256(data).hexdigest(), "path": str(target),
                 "distributions": len(distributions), **meeting.item_counts()},
            )
            uow.commit()
            staged.publish()
    return target
