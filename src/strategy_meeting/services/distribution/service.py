# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Distribution use cases on the store: distribute, read the log, record acknowledgements,
and keep the SMTP settings.

Each delivery is committed (log record and audit event) as soon as its message is sent, in
its own unit of work, rather than the whole run in one: if the app or the machine stops
half-way, the log still knows who already has their copy, and a rerun never sends it twice.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from pathlib import Path

from strategy_meeting.domain.agency import Agency
from strategy_meeting.domain.changes import Changes
from strategy_meeting.domain.errors import InvalidInput, MeetingLocked, MeetingNotFound, VerificationFailed
from strategy_meeting.domain.meeting import Meeting, MeetingStatus
from strategy_meeting.domain.records import DistributionOutcome, DistributionRecord
from strategy_meeting.domain.roles import Permission, User
from strategy_meeting.store import keyring_status

from . import rules
from ..agencies import check_codes
from .certificates import certificates_for
from ..bank_holidays import LONDON, bank_holidays_around, local_date
from ..context import ServiceContext
from .signed_copies import SignedCopy, load_signed_copies, stored_copies
from .mail_settings import (
    NO_KEYRING,
    SMTP_PASSWORD_SECRET,
    SMTP_SETTING_KEYS,
    calendar_full_text,
    save_mail_settings,
)
from .smtp import SmtpSecurity, SmtpSettings, SmtpTransport, check_settings
from ..users import require
from strategy_meeting.services.governance import restriction  # issue 16




@dataclass
class DistributionResult:
    reference: str
    records: list[DistributionRecord] = field(default_factory=list)  # this run's attempts
    already_delivered: list[str] = field(default_factory=list)
    timeliness: rules.Timeliness | None = None
    meeting_distributed: bool = False

    @property
    def failed(self) -> list[DistributionRecord]:
        return [r for r in self.records if r.outcome is DistributionOutcome.FAILED]


def _signed_off_meeting(ctx: ServiceContext, reference: str) -> Meeting:
    with ctx.unit_of_work() as uow:
        meeting = uow.meetings.get(reference)
    if meeting is None:
        raise MeetingNotFound(reference)
    if not meeting.status.is_locked:
        raise MeetingLocked(
            f"Meeting {reference} is not signed off yet ({meeting.status.label.lower()}): sign it "
            "off and sign the minutes before distributing them."
        )
    return meeting


def _check_against_rendered(ctx: ServiceContext, reference: str, copies: dict[str, SignedCopy]) -> None:
    """Where the store recorded the copies it rendered, the files must be those copies."""
    with ctx.unit_of_work() as uow:
        rendered = [r for r in uow.copies.for_meeting(reference) if not r.draft]
    if not rendered:
        return
    known = {(r.recipient, r.sha256) for r in rendered}
    for copy in copies.values():
        if (copy.recipient, copy.sha256) not in known:
            raise VerificationFailed(
                f"The copy for {copy.recipient} ({copy.file_name}) is not one this store signed "
                f"for {reference}. Use the folder the 'minutes --sign' command wrote."
            )


def _check_current(ctx: ServiceContext, meeting: Meeting, copies: dict[str, SignedCopy]) -> None:
    """Copies signed before the latest addendum do not hold it: none of them goes out.

    An agency not yet sent would otherwise receive minutes that lack what the chair added
    after sign-off. The version is the one the store recorded when it signed each copy
    (copies it has no record of are refused elsewhere, or come from another store)."""
    current = 1 + len(meeting.addenda)
    with ctx.unit_of_work() as uow:
        versions = {(r.recipient, r.sha256): r.version for r in uow.copies.for_meeting(meeting.reference)
                    if not r.draft and r.signed_by}
    stale = [code for code, c in copies.items() if versions.get((code, c.sha256), current) < current]
    if stale:
        raise MeetingLocked(
            f"The signed copies of {meeting.reference} were made before its latest addendum and do "
            f"not hold it: sign the minutes again ('minutes {meeting.reference} --out DIR --sign', or "
            "Regenerate minutes in the app), then distribute; nothing was sent."
        )


def distribute(ctx: ServiceContext, actor: User, reference: str, *, copies_dir: Path | None = None,
               smtp: SmtpSettings | None = None, folder: Path | None = None,
               passwords: dict[str, str] | None = None, require_passwords: bool = False,
               encrypt_to_certificates: bool = False,
               recipients: list[str] | None = None) -> tuple[DistributionResult, Changes]:
    """Send (or save) each agency's signed copy that it has not yet received, and log it.

    The copies are the ones the store kept when the minutes were signed; ``copies_dir`` (a
    folder ``minutes --sign`` wrote) is the alternative for copies signed elsewhere. With
    ``passwords`` those agencies' copies are encrypted with their password; with
    ``require_passwords`` every agency still to be sent must have one. With
    ``encrypt_to_certificates`` each copy is encrypted to its agency's certificate from the
    directory. A missing or unusable password or certificate stops the run before anything
    is sent. Passwords are used for this run only: never stored, logged or audited.

    ``recipients`` (agency codes) limits the run to those agencies. The family's copy is
    refused by name, by either route: the chair gives or sends it (issue 14).
    """
    require(actor, Permission.DISTRIBUTE)
    if (smtp is None) == (folder is None):
        raise InvalidInput("Choose one way to distribute: by e-mail (an SMTP server) or to a folder.")
    if smtp is not None:
        check_settings(smtp)
    meeting = _signed_off_meeting(ctx, reference)
    rules.refuse_family(meeting, [*(recipients or []), *(passwords or {})])
    restriction.refuse_if_restricted(ctx, reference)  # issue 16: Article 18
    copies = all_copies = _copies(ctx, reference, copies_dir)
    if recipients:
        with ctx.unit_of_work() as uow:
            check_codes(meeting, recipients, uow.agencies.list())
        copies = {code: c for code, c in copies.items() if code in recipients}
        meeting = replace(meeting, agencies=[a for a in meeting.agencies if a.code in recipients])
    _check_current(ctx, meeting, copies)
    if encrypt_to_certificates and (passwords or require_passwords):
        raise InvalidInput("Choose password or certificate encryption for this distribution, not both.")
    with ctx.unit_of_work() as uow:
        check_codes(meeting, sorted(passwords or {}), uow.agencies.list())
        plan = rules.plan_distribution(meeting, copies, uow.distributions.for_meeting(reference), passwords)
    if require_passwords:
        without = [d.agency.code for d in plan.deliveries if not d.password]
        if without:
            raise InvalidInput(
                f"No password is given for {', '.join(without)}: every copy still to be sent needs "
                "its own password."
            )
    if encrypt_to_certificates and plan.deliveries:
        # Only the agencies still to be sent need a certificate that is usable today.
        certificates = certificates_for(ctx, [d.agency.code for d in plan.deliveries])
        plan.deliveries = [replace(d, certificate=certificates[d.agency.code]) for d in plan.deliveries]

    def log(record: DistributionRecord) -> DistributionRecord:
        with ctx.unit_of_work() as uow:
            saved = uow.distributions.add(record)
            uow.audit.append(actor.name, f"distribution.{record.outcome.value}", f"meeting:{reference}", {
                "agency": record.recipient, "channel": record.channel.value,
                "sha256": record.sha256, "attempt": record.attempt, "version": record.version,
            })
            uow.commit()
        return saved

    full_text = calendar_full_text(ctx)
    if smtp is not None:
        records = rules.deliver_by_email(meeting, plan, SmtpTransport(smtp), smtp.sender, ctx.now, log, full_text)
    else:
        assert folder is not None
        records = rules.deliver_to_folder(meeting, plan, folder, ctx.now, log, full_text)
    result = DistributionResult(reference, records, plan.already_delivered)
    result.meeting_distributed = _mark_distributed_when_complete(ctx, actor, reference, all_copies)
    result.timeliness = log_timeliness(ctx, actor, reference)
    return result, Changes(meetings=frozenset({meeting.id or 0}), meeting_list=True, distributions=True)


def _copies(ctx: ServiceContext, reference: str, copies_dir: Path | None) -> dict[str, SignedCopy]:
    if copies_dir is None:
        with ctx.unit_of_work() as uow:
            return stored_copies(uow.copies.latest_signed(reference), reference)
    copies = load_signed_copies(copies_dir, reference)
    _check_against_rendered(ctx, reference, copies)
    return copies


def agencies_to_send(ctx: ServiceContext, actor: User, reference: str) -> list[Agency]:
    """The agencies that have not yet received their current signed copy, in meeting order:
    the ones a distribution run would send to now (and so the ones that need a password)."""
    require(actor, Permission.DISTRIBUTE)
    meeting = _signed_off_meeting(ctx, reference)
    with ctx.unit_of_work() as uow:
        # What was recorded is enough to tell who has the current copy; sending checks the
        # bytes and signatures again.
        copies = {r.recipient: SignedCopy(r.recipient, r.file_name, b"", r.sha256, r.signed_by)
                  for r, _ in uow.copies.latest_signed(reference)}
        done = rules.delivered_agencies(uow.distributions.for_meeting(reference), copies)
    return [a for a in meeting.agencies if a.code not in done]


def _mark_distributed_when_complete(ctx: ServiceContext, actor: User, reference: str,
                                    copies: dict[str, SignedCopy]) -> bool:
    with ctx.unit_of_work() as uow:
        meeting = uow.meetings.get(reference, for_update=True)  # held until the commit (team server)
        assert meeting is not None
        if meeting.status is MeetingStatus.DISTRIBUTED:
            return True
        # Out, not merely saved: a copy saved for hand delivery has not reached anyone yet.
        done = rules.out_agencies(uow.distributions.for_meeting(reference), copies)
        if not set(meeting.agency_codes) <= done:
            return False
        meeting.mark_distributed()
        uow.meetings.save(meeting)
        uow.audit.append(actor.name, "meeting.distributed", f"meeting:{reference}", {})
        uow.commit()
    return True


def distribution_log(ctx: ServiceContext, actor: User, reference: str) -> list[DistributionRecord]:
    require(actor, Permission.DISTRIBUTE)
    with ctx.unit_of_work() as uow:
        records = uow.distributions.for_meeting(reference)
        if not records and uow.meetings.get(reference) is None:
            raise MeetingNotFound(reference)  # a mistyped reference is not "nothing sent yet"
        return records


def log_timeliness(ctx: ServiceContext, actor: User, reference: str) -> rules.Timeliness:
    """Whether each agency's copy went out within one working day of the meeting."""
    require(actor, Permission.DISTRIBUTE)
    with ctx.unit_of_work() as uow:
        meeting = uow.meetings.get(reference)
        if meeting is None:
            raise MeetingNotFound(reference)
        records = uow.distributions.for_meeting(reference)
    holidays = bank_holidays_around(local_date(meeting.held_at)) if meeting.held_at else set()
    return rules.timeliness(meeting, records, holidays, local_date)


def record_acknowledgement(ctx: ServiceContext, actor: User, reference: str, agency_code: str,
                           by: str, *, on: date | datetime | None = None,
                           how: str = "") -> tuple[DistributionRecord, Changes]:
    """The agency confirmed receipt: note who, when (``on``, else now) and how on its latest
    delivered copy. A copy saved for hand delivery then counts as out from that time."""
    require(actor, Permission.DISTRIBUTE)
    at = _checked_time(ctx, on, "acknowledgement")
    with ctx.unit_of_work() as uow:
        rules.refuse_family(_meeting(uow, reference), [agency_code])
        record = rules.acknowledge(uow.distributions.for_meeting(reference), agency_code, by, at, how)
        uow.distributions.update(record)
        uow.audit.append(actor.name, "distribution.acknowledged", f"meeting:{reference}",
                         {"agency": agency_code, "record": record.id})
        uow.commit()
    _mark_distributed_when_complete(ctx, actor, reference, _recorded_copies(ctx, reference))
    return record, Changes(meeting_list=True, distributions=True)


def record_hand_over(ctx: ServiceContext, actor: User, reference: str, agency_code: str, *,
                     on: date | datetime, how: str) -> tuple[DistributionRecord, Changes]:
    """When and how a copy saved for hand delivery was handed over to its agency (issue 14):
    from then on it counts as out, for "within one working day"."""
    require(actor, Permission.DISTRIBUTE)
    at = _checked_time(ctx, on, "hand-over")
    with ctx.unit_of_work() as uow:
        rules.refuse_family(_meeting(uow, reference), [agency_code])
        record = rules.hand_over(uow.distributions.for_meeting(reference), agency_code, at, how)
        uow.distributions.update(record)
        uow.audit.append(actor.name, "distribution.handed_over", f"meeting:{reference}",
                         {"agency": agency_code, "record": record.id})
        uow.commit()
    _mark_distributed_when_complete(ctx, actor, reference, _recorded_copies(ctx, reference))
    return record, Changes(meeting_list=True, distributions=True)


def _recorded_copies(ctx: ServiceContext, reference: str) -> dict[str, SignedCopy]:
    """The latest signed copies as recorded (hashes only): enough to tell whose current copy
    is out, as ``agencies_to_send`` does."""
    with ctx.unit_of_work() as uow:
        recorded = {r.recipient: SignedCopy(r.recipient, r.file_name, b"", r.sha256, r.signed_by)
                    for r, _ in uow.copies.latest_signed(reference)}
        if recorded:
            return recorded
        # Copies signed elsewhere and distributed from their folder: the latest one logged
        # for each agency is its current copy.
        latest: dict[str, SignedCopy] = {}
        for r in sorted(uow.distributions.for_meeting(reference), key=lambda r: r.at):
            latest[r.recipient] = SignedCopy(r.recipient, "", b"", r.sha256, "")
        return latest


def _meeting(uow, reference: str) -> Meeting:  # type: ignore[no-untyped-def]
    meeting = uow.meetings.get(reference)
    if meeting is None:
        raise MeetingNotFound(reference)
    return meeting


def _checked_time(ctx: ServiceContext, on: date | datetime | None, what: str) -> datetime:
    """``on`` as an aware time, refused when it is in the future (now when not given). A date
    alone means the end of that day in the UK, or now if that day is today: the hand-over
    happened some time that day, and the log needs no more to judge "one working day"."""
    now = ctx.now()
    if on is None:
        return now
    if not isinstance(on, datetime):
        end = datetime.combine(on, time(23, 59), tzinfo=LONDON)
        on = min(end, now.astimezone(LONDON)) if on == now.astimezone(LONDON).date() else end
    if on.tzinfo is None:
        on = on.replace(tzinfo=LONDON)
    if on > now:
        raise InvalidInput(f"The {what} cannot be recorded for a time still to come ({on:%d/%m/%Y %H:%M}).")
    return on


def smtp_settings(ctx: ServiceContext, actor: User, password: str = "", **overrides: object) -> SmtpSettings:
    """The saved SMTP settings with any given overrides (``None`` keeps the saved value).

    The password is never saved with the settings: it comes from the caller (the CLI reads it
    from an environment variable) or else from the OS keyring (``save_smtp_password``).
    """
    require(actor, Permission.DISTRIBUTE)
    if not password:
        password = ctx.store.load_secret(SMTP_PASSWORD_SECRET) or ""
    with ctx.unit_of_work() as uow:
        saved = {k: uow.settings.get(f"smtp.{k}") for k in SMTP_SETTING_KEYS}
    values = {k: v for k, v in saved.items() if v not in (None, "")}
    values.update({k: v for k, v in overrides.items() if v not in (None, "")})
    unknown = set(values) - set(SMTP_SETTING_KEYS)
    if unknown:
        raise InvalidInput(f"Unknown SMTP setting(s): {', '.join(sorted(unknown))}.")
    try:
        security = SmtpSecurity(values.get("security", SmtpSecurity.STARTTLS.value))
    except ValueError:
        raise InvalidInput("The SMTP security must be starttls, tls or none.") from None
    port = values.get("port")
    return SmtpSettings(
        host=str(values.get("host", "")), sender=str(values.get("sender", "")),
        port=int(port) if port is not None else None, security=security,
        username=str(values.get("username", "")), password=password,
        ca_file=str(values.get("ca_file", "")),
    )


def save_smtp_password(ctx: ServiceContext, actor: User, password: str) -> None:
    """Keep the SMTP password in the OS keyring ('' forgets it); refused with the reason where
    this computer has no secure keyring. The other settings are kept as they are."""
    require(actor, Permission.MANAGE_SETTINGS)
    if password and not keyring_status().available:
        raise InvalidInput(NO_KEYRING)
    if password:
        ctx.store.save_secret(SMTP_PASSWORD_SECRET, password)
    else:
        ctx.store.forget_secret(SMTP_PASSWORD_SECRET)


def save_smtp_settings(ctx: ServiceContext, actor: User, settings: SmtpSettings) -> Changes:
    """The settings without the password (see ``mail_settings.save_mail_settings``)."""
    return save_mail_settings(ctx, actor, replace(settings, password=""), None)
