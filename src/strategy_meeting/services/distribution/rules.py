# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Distribution of signed copies to agencies: what to send, sending it, and its log.

Rules (issue 5):
- each agency gets its own signed copy and nothing else of the record;
- an agency that already received (or had saved for it) this exact copy is never sent it
  again, so running distribution again retries only the failures;
- every attempt is logged with the copy's hash, channel, address, time and outcome, the
  failure carrying the server's reason;
- the log tells whether the minutes went out within one working day of the meeting; a copy
  saved to a folder is only "saved for hand delivery" until its hand-over (or the agency's
  acknowledgement) is recorded, and only then counts as out (issue 14);
- the family's copy never goes by the app's e-mail route: the chair gives or sends it.

The functions here work on domain objects; ``distribution_service`` wraps them in units of
work. ``deliver`` hands each record to a callback as soon as that message is sent, so the
caller can commit it before the next one: a crash mid-batch then cannot lead to a copy being
sent twice.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import Protocol

from strategy_meeting.domain.agency import Agency
from strategy_meeting.domain.errors import InvalidInput, NotFound, UserError
from strategy_meeting.domain.meeting import Meeting
from strategy_meeting.domain.minutes_version import current_version
from strategy_meeting.domain.sharing import FAMILY_KEY
from strategy_meeting.domain.records import DistributionChannel, DistributionOutcome, DistributionRecord
from strategy_meeting.domain.working_days import add_working_days

from .calendar import agency_actions_calendar
from .encryption import check_password, encrypt_copy, encrypt_copy_to_certificate
from .mail import (
    Attachment,
    address_problem,
    build_message,
    calendar_file_name,
    copy_file_name,
)
from ..files import StagedFile
from ..minutes import wording
from .signed_copies import SignedCopy
from .smtp import SendFailed

DELIVERED = (DistributionOutcome.SENT, DistributionOutcome.SAVED)


@dataclass(frozen=True)
class Delivery:
    """One agency's copy, ready to go, and which attempt this is."""

    agency: Agency
    copy: SignedCopy
    attempt: int
    password: str = ""
    certificate: bytes = b""  # DER: encrypt the copy to it

    @property
    def protection(self) -> str:
        return "certificate" if self.certificate else "password" if self.password else ""


@dataclass
class DistributionPlan:
    reference: str
    deliveries: list[Delivery] = field(default_factory=list)
    already_delivered: list[str] = field(default_factory=list)  # agency codes


def delivered_agencies(log: Iterable[DistributionRecord], copies: Mapping[str, SignedCopy]) -> set[str]:
    """Agencies whose current copy (same hash) was sent or saved."""
    done: set[str] = set()
    for record in log:
        copy = copies.get(record.recipient)
        if record.outcome in DELIVERED and copy is not None and record.sha256 == copy.sha256:
            done.add(record.recipient)
    return done


def out_agencies(log: Iterable[DistributionRecord], copies: Mapping[str, SignedCopy]) -> set[str]:
    """Agencies whose current copy (same hash) demonstrably went out: sent, or saved and then
    handed over or acknowledged (issue 14). Only then is a meeting "distributed"."""
    done: set[str] = set()
    for record in log:
        copy = copies.get(record.recipient)
        if record.out_at is not None and copy is not None and record.sha256 == copy.sha256:
            done.add(record.recipient)
    return done


def plan_distribution(meeting: Meeting, copies: Mapping[str, SignedCopy],
                      log: Iterable[DistributionRecord],
                      passwords: Mapping[str, str] | None = None,
                      certificates: Mapping[str, bytes] | None = None) -> DistributionPlan:
    """Who gets what now. Refuses the whole run when any agency's copy is missing."""
    log = list(log)
    passwords = dict(passwords or {})
    certificates = dict(certificates or {})
    for what, given in (("A password", passwords), ("A certificate", certificates)):
        unknown = sorted(set(given) - set(meeting.agency_codes))
        if unknown:
            raise InvalidInput(f"{what} was given for {', '.join(unknown)}, which is not an agency of "
                               f"meeting {meeting.reference}.")
    both = sorted(set(passwords) & set(certificates))
    if both:
        raise InvalidInput(f"Choose a password or certificate encryption for {', '.join(both)}, not both.")
    for code, password in sorted(passwords.items()):
        check_password(password, code)
    shared = _shared_passwords(passwords)
    if shared:
        raise InvalidInput(
            f"The same password is given for {' and '.join(shared)}: give each agency its own, "
            "so that one cannot open the other's copy."
        )
    missing = [a.code for a in meeting.agencies if a.code not in copies]
    if missing:
        raise NotFound(
            f"There is no signed copy for {', '.join(missing)} of meeting {meeting.reference}. "
            "Run 'minutes --sign' for the whole meeting first."
        )
    done = delivered_agencies(log, copies)
    plan = DistributionPlan(meeting.reference)
    for agency in meeting.agencies:
        if agency.code in done:
            plan.already_delivered.append(agency.code)
            continue
        copy = copies[agency.code]
        previous = sum(1 for r in log if r.recipient == agency.code and r.sha256 == copy.sha256)
        plan.deliveries.append(Delivery(agency, copy, previous + 1, passwords.get(agency.code, ""),
                                        certificates.get(agency.code, b"")))
    return plan


def _shared_passwords(passwords: Mapping[str, str]) -> list[str]:
    """The first group of agencies given one and the same password (empty when none)."""
    by_password: dict[str, list[str]] = {}
    for code, password in sorted(passwords.items()):
        by_password.setdefault(password, []).append(code)
    return next((codes for codes in by_password.values() if len(codes) > 1), [])


FAMILY_NOT_DISTRIBUTED = (
    "The family's copy is never sent by the app's e-mail or saved by a distribution run: it is "
    "written with the other copies when the minutes are signed ({file}); give it to the family "
    "yourself or send it by the route your service uses for families."
)


def refuse_family(meeting: Meeting, recipients: Iterable[str]) -> None:
    """The family's copy is not the app's to send (issue 14, item 4): refuse it by name."""
    if any(r.casefold() == FAMILY_KEY for r in recipients):
        from ..minutes.manifest import copy_file_name as minutes_name

        raise InvalidInput(FAMILY_NOT_DISTRIBUTED.format(
            file=minutes_name(meeting.reference, FAMILY_KEY, draft=False, version=current_version(meeting))))


def replaces_line(meeting: Meeting) -> str:
    """"Version 2, replaces version 1 of 21 November 2026" for a later version, else ""."""
    return wording.version_note(meeting)


def attachments_for(meeting: Meeting, delivery: Delivery, now: datetime,
                    calendar_full_text: bool = False) -> list[Attachment]:
    """Exactly the agency's signed copy (encrypted if a password or certificate is set) and,
    for an unprotected copy, its actions as a calendar.

    A protected copy travels alone: the calendar is plain text (action descriptions and
    owners' names), so beside an encrypted copy it would carry in clear what the encryption
    was chosen to protect. The actions are in the copy itself."""
    version = current_version(meeting)
    name = copy_file_name(meeting.reference, delivery.agency.code, version)
    data = delivery.copy.data
    if delivery.certificate:
        data = encrypt_copy_to_certificate(data, delivery.certificate, name, meeting.reference,
                                           delivery.agency.code, now)
    elif delivery.password:
        data = encrypt_copy(data, delivery.password, name, meeting.reference, delivery.agency.code, now)
    items = [Attachment(name, data, "application", "pdf")]
    if delivery.certificate or delivery.password:
        return items
    calendar = agency_actions_calendar(meeting, delivery.agency.code, now, full_text=calendar_full_text)
    if calendar is not None:
        items.append(Attachment(calendar_file_name(meeting.reference, delivery.agency.code, version),
                                calendar, "text", "calendar"))
    return items


class MessageTransport(Protocol):
    def send(self, message: object) -> None: ...


OnRecord = Callable[[DistributionRecord], DistributionRecord]


def deliver_by_email(meeting: Meeting, plan: DistributionPlan,
                     transport: AbstractContextManager[MessageTransport], sender: str,
                     clock: Callable[[], datetime], on_record: OnRecord,
                     calendar_full_text: bool = False) -> list[DistributionRecord]:
    """Send each planned copy; log every attempt through ``on_record`` as it happens."""
    records: list[DistributionRecord] = []
    pending = []
    for delivery in plan.deliveries:
        problem = address_problem(delivery.agency.email)
        if problem:
            records.append(on_record(_record(meeting, delivery, DistributionChannel.EMAIL,
                                             delivery.agency.email, clock(),
                                             DistributionOutcome.FAILED, problem)))
        else:
            pending.append(delivery)
    if not pending:
        return records
    with transport as client:
        for delivery in pending:
            now = clock()
            message = build_message(
                reference=meeting.reference, agency=delivery.agency, sender=sender,
                attachments=attachments_for(meeting, delivery, now, calendar_full_text),
                encrypted=delivery.protection, sent_at=now, replaces=replaces_line(meeting),
            )
            try:
                client.send(message)
            except SendFailed as failure:
                outcome, reason = DistributionOutcome.FAILED, failure.reason
            else:
                outcome, reason = DistributionOutcome.SENT, ""
            records.append(on_record(_record(meeting, delivery, DistributionChannel.EMAIL,
                                             delivery.agency.email.strip(), clock(), outcome, reason)))
    return records


def deliver_to_folder(meeting: Meeting, plan: DistributionPlan, folder: Path,
                      clock: Callable[[], datetime], on_record: OnRecord,
                      calendar_full_text: bool = False) -> list[DistributionRecord]:
    """Save each planned copy (and its calendar) into ``folder`` for sending by hand: logged
    as "saved for hand delivery" until its hand-over is recorded (``hand_over``)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise InvalidInput(f"The folder {folder} cannot be created ({error.strerror}).") from None
    records = []
    for delivery in plan.deliveries:
        now = clock()
        staged: list[StagedFile] = []
        try:
            try:
                for item in attachments_for(meeting, delivery, now, calendar_full_text):
                    staged.append(StagedFile(folder / item.file_name, item.data))
            except (OSError, UserError) as error:
                outcome, reason = DistributionOutcome.FAILED, f"could not save: {_why(error)}"
                for done in staged:
                    done.discard()
                staged = []
            else:
                outcome, reason = DistributionOutcome.SAVED, ""
            # A file plus its row (files.py): the log entry first, then the copy takes its name.
            records.append(on_record(_record(meeting, delivery, DistributionChannel.FOLDER,
                                             str(folder), clock(), outcome, reason)))
            for done in staged:
                done.publish()
        finally:
            for done in staged:
                done.discard()
    return records


def _why(error: BaseException) -> str:
    return (error.strerror or str(error)) if isinstance(error, OSError) else str(error)


def _record(meeting: Meeting, delivery: Delivery, channel: DistributionChannel, address: str,
            at: datetime, outcome: DistributionOutcome, reason: str) -> DistributionRecord:
    return DistributionRecord(
        meeting_reference=meeting.reference, recipient=delivery.agency.code, channel=channel,
        address=address, sha256=delivery.copy.sha256, at=at, outcome=outcome,
        reason=reason[:500], attempt=delivery.attempt, protection=delivery.protection,
        version=current_version(meeting),
    )


def acknowledge(log: Iterable[DistributionRecord], agency_code: str, by: str,
                at: datetime, how: str = "") -> DistributionRecord:
    """Mark the agency's latest delivered copy as acknowledged (when, by whom, how); returns
    the changed record."""
    delivered = [r for r in log if r.recipient == agency_code and r.outcome in DELIVERED]
    if not delivered:
        raise NotFound(f"No copy has been sent to {agency_code} yet, so there is nothing to acknowledge.")
    latest = max(delivered, key=lambda r: r.at)
    return replace(latest, acknowledged_at=at, acknowledged_by=by.strip(), acknowledged_how=how.strip())


def hand_over(log: Iterable[DistributionRecord], agency_code: str, at: datetime,
              how: str) -> DistributionRecord:
    """Record when and how the agency's latest copy saved for hand delivery was handed over;
    returns the changed record. ``how`` is required: "handed over" without how proves little."""
    if not how.strip():
        raise InvalidInput(f"Say how the copy was handed over to {agency_code} (e.g. 'by hand to the "
                           "duty sergeant', 'secure e-mail from the team mailbox').")
    saved = [r for r in log if r.recipient == agency_code and r.outcome is DistributionOutcome.SAVED]
    if not saved:
        raise NotFound(f"No copy has been saved for hand delivery to {agency_code}, so there is no "
                       "hand-over to record: distribute to a folder first.")
    latest = max(saved, key=lambda r: r.at)
    if at < latest.at:
        raise InvalidInput(f"The hand-over cannot be before the copy for {agency_code} was saved "
                           f"({latest.at:%d/%m/%Y %H:%M}).")
    return replace(latest, handed_over_at=at, handed_over_how=how.strip())


@dataclass(frozen=True)
class AgencyTimeliness:
    agency: str
    first_delivered_at: datetime | None  # first sent, handed over or acknowledged
    on_time: bool
    saved_for_hand_delivery: bool = False  # saved to a folder, not yet out


@dataclass(frozen=True)
class Timeliness:
    """Whether the minutes went out within one working day of the meeting."""

    deadline: date | None
    agencies: tuple[AgencyTimeliness, ...]

    @property
    def all_on_time(self) -> bool:
        return bool(self.agencies) and all(a.on_time for a in self.agencies)

    @property
    def late(self) -> list[str]:
        """Agencies whose copy went out, but after the deadline."""
        return [a.agency for a in self.agencies if not a.on_time and a.first_delivered_at is not None]

    @property
    def waiting(self) -> list[str]:
        """Agencies whose copy has not gone out yet (saved for hand delivery included)."""
        return [a.agency for a in self.agencies if a.first_delivered_at is None]

    @property
    def saved_for_hand_delivery(self) -> list[str]:
        """Agencies whose copy was saved to a folder and whose hand-over is not recorded."""
        return [a.agency for a in self.agencies if a.first_delivered_at is None and a.saved_for_hand_delivery]

    @property
    def not_sent(self) -> list[str]:
        """Agencies whose copy has neither gone out nor been saved for hand delivery."""
        saved = set(self.saved_for_hand_delivery)
        return [code for code in self.waiting if code not in saved]

    def overdue(self, today: date) -> bool:
        """Whether copies still waiting are past the deadline (not merely still due)."""
        return self.deadline is not None and today > self.deadline


def timeliness(meeting: Meeting, log: Iterable[DistributionRecord], bank_holidays: set[date],
               local_date: Callable[[datetime], date]) -> Timeliness:
    """Per agency, when its copy first went out, and whether that was by the close of the
    first working day after the meeting (weekends and ``bank_holidays`` do not count).

    Only a copy sent, handed over or acknowledged has gone out (``DistributionRecord.out_at``):
    one saved to a folder is "saved for hand delivery" until its hand-over is recorded.

    ``local_date`` turns an aware time into the calendar date in England and Wales, so a
    meeting late in the evening is counted on the day it was held there.
    """
    if meeting.held_at is None:
        return Timeliness(None, ())
    deadline = add_working_days(local_date(meeting.held_at), 1, bank_holidays)
    firsts: dict[str, datetime] = {}
    saved: set[str] = set()
    for record in log:
        out = record.out_at
        if out is not None:
            seen = firsts.get(record.recipient)
            if seen is None or out < seen:
                firsts[record.recipient] = out
        elif record.outcome is DistributionOutcome.SAVED:
            saved.add(record.recipient)
    rows = []
    for agency in meeting.agencies:
        first = firsts.get(agency.code)
        rows.append(AgencyTimeliness(agency.code, first,
                                     first is not None and local_date(first) <= deadline,
                                     agency.code in saved))
    return Timeliness(deadline, tuple(rows))
