# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Sign-off: list what is missing, take the chair's acknowledgement, lock the record.

After sign-off the meeting services refuse every edit (``MeetingLocked``); later changes are
addenda, numbered and dated, which appear in every copy rendered afterwards and are signed
with it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import MISSING, fields, is_dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any

from strategy_meeting.domain.changes import Changes
from strategy_meeting.domain.errors import (
    InvalidInput,
    MeetingLocked,
    MeetingNotFound,
    SignOffBlocked,
    SignOffWarnings,
)
from strategy_meeting.domain.contribution import Contribution
from strategy_meeting.domain.lawful_basis import Regime
from strategy_meeting.domain.meeting import AcknowledgedCheck, Addendum, Meeting, SignOff
from strategy_meeting.domain.roles import Permission, User
from strategy_meeting.domain.sharing_terms import SharingTerms
from strategy_meeting.domain.signoff_checks import (
    CheckContext,
    CheckKind,
    CheckSettings,
    SignOffWarning,
    checks_met,
    signer_is_chair,
    signoff_warnings,
)

from . import sharing_log
from .context import ServiceContext
from .users import require
from strategy_meeting.services.governance import restriction  # issue 16

# Bookkeeping that is not part of what was agreed, so not part of the fingerprint.
_NOT_CONTENT = {"id", "created_at", "updated_at", "created_by", "status", "sign_off", "addenda", "versions"}
MAX_ADDENDUM = 20_000


def _plain(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        out = {f.name: _plain(getattr(value, f.name)) for f in fields(value)
               if not (f.metadata.get("content_hash") == "omit_default" and _is_default(f, getattr(value, f.name)))
               and f.metadata.get("content_hash") != "omit"}
        if isinstance(value, Contribution):
            _contribution_as_before(value, out)
        return out
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, (set, frozenset)):
        return sorted(_plain(v) for v in value)
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, bytes):
        return value.hex()
    return value


def _contribution_as_before(c: Contribution, out: dict[str, Any]) -> None:
    """Hash a contribution's lawful basis as before issue 14 wherever it can be: the free text
    a contribution held then (its own ``lawful_basis`` field, "" for none) is now the note of
    an unspecified-regime basis in the terms. Such a basis (or none) is hashed as that text at
    the old place, so a record signed off before keeps its hash; a basis with a regime or a
    condition, which no earlier record held, is hashed in the terms."""
    basis = c.sharing.lawful_basis
    if basis is None or (basis.regime is Regime.UNSPECIFIED and not basis.condition):
        out["lawful_basis"] = basis.note if basis is not None else ""
        out["sharing"].pop("lawful_basis", None)
    else:
        out["lawful_basis"] = ""


def _is_default(f: Any, value: Any) -> bool:
    if "hash_default" in f.metadata:  # the value every record had before the field existed
        return bool(value == f.metadata["hash_default"]())
    if f.default is not MISSING:
        return bool(value == f.default)
    if f.default_factory is not MISSING:
        return bool(value == f.default_factory())
    return False


def content_hash(meeting: Meeting) -> str:
    """SHA-256 of the record's content in canonical JSON: the same record, the same hash."""
    content = {k: v for k, v in _plain(meeting).items() if k not in _NOT_CONTENT}
    encoded = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(encoded.encode("utf-8")).hexdigest()


def _load(uow: Any, reference: str, for_update: bool = False) -> Meeting:
    meeting = uow.meetings.get(reference, for_update=for_update)
    if meeting is None:
        raise MeetingNotFound(reference)
    return meeting


CHECK_SETTINGS_KEY = "signoff_checks"  # local practice: {"sign_off_within_working_days": n, ...}
MAX_REASON = 2_000


def check_settings(uow: Any) -> CheckSettings:
    """The local-practice checks the administrator switched on (off when unset or damaged)."""
    raw = uow.settings.get(CHECK_SETTINGS_KEY, {}) or {}

    def number(name: str) -> int | None:
        value = raw.get(name) if isinstance(raw, dict) else None
        return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None

    return CheckSettings(number("sign_off_within_working_days"), number("review_within_days"))


def current_check_settings(ctx: ServiceContext) -> CheckSettings:
    """The local checks in force (any signed-in user may read them)."""
    with ctx.unit_of_work() as uow:
        return check_settings(uow)


def set_check_settings(ctx: ServiceContext, actor: User, *, sign_off_within_working_days: int | None,
                       review_within_days: int | None) -> Changes:
    """Switch the local-practice checks on (a number) or off (``None``). Administrators only."""
    require(actor, Permission.MANAGE_SETTINGS)
    for value in (sign_off_within_working_days, review_within_days):
        if value is not None and (isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 365):
            raise InvalidInput("A local check's limit is a whole number of days from 0 to 365, or off.")
    new = {"sign_off_within_working_days": sign_off_within_working_days, "review_within_days": review_within_days}
    with ctx.unit_of_work() as uow:
        before = uow.settings.get(CHECK_SETTINGS_KEY, {})
        uow.settings.set(CHECK_SETTINGS_KEY, new)
        uow.audit.append(actor.name, "settings.update", "settings",
                         {"key": CHECK_SETTINGS_KEY, "from": before, "to": new})
        uow.commit()
    return Changes(settings=True)


def check_context(uow: Any, meeting: Meeting, *, signing_at: datetime | None = None,
                  signer: User | None = None, signer_reason: str = "") -> CheckContext:
    """The checks' context for ``meeting``: its nation's bank holidays, its local date, the
    administrator's local checks and, at sign-off, who signs when."""
    from .bank_holidays import bank_holidays_around, local_date  # the holiday lists load when first needed

    held_on = local_date(meeting.held_at) if meeting.held_at else None
    holidays = bank_holidays_around(held_on, meeting.nation) if held_on else set()
    return CheckContext(
        bank_holidays=frozenset(holidays), held_on=held_on, signing_at=signing_at,
        signer_names=(signer.name, signer.display_name) if signer else (),
        signer_reason=signer_reason, signing_on=local_date(signing_at) if signing_at else None,
        settings=check_settings(uow),
    )


def warnings(ctx: ServiceContext, actor: User, reference: str, *, signer_reason: str = "") -> list[SignOffWarning]:
    """What ``actor`` must resolve or acknowledge to sign off now (empty when nothing is missing)."""
    require(actor, Permission.SIGN_OFF)
    with ctx.unit_of_work() as uow:
        meeting = _load(uow, reference)
        return signoff_warnings(meeting, check_context(uow, meeting, signing_at=ctx.now(), signer=actor,
                                                       signer_reason=signer_reason))


def live_warnings(ctx: ServiceContext, meeting: Meeting) -> list[SignOffWarning]:
    """The checklist's view while the record is drafted (no signer yet)."""
    with ctx.unit_of_work() as uow:
        return signoff_warnings(meeting, check_context(uow, meeting))


def sign_off(
    ctx: ServiceContext, actor: User, reference: str, *, acknowledge_warnings: bool = False,
    reasons: dict[str, str] | None = None, signer_reason: str = "", read_at: dict[str, int] | None = None,
) -> tuple[Meeting, Changes]:
    """Conclude and lock the meeting.

    ``read_at``: the versions of the meeting's parts the signer reviewed; if any changed since,
    nothing is signed (issue 17). The check, the lock and the save are one transaction, with
    the meeting held against other writers from the read to the commit.

    A blocking check stops it whatever is acknowledged; other warnings stop it unless
    acknowledged. ``reasons`` gives a reason per check kind (``"*"`` for all); a check that
    needs a reason (the signer is not the recorded chair) is met by ``signer_reason``, which
    is printed on the minutes and cannot be waved through by ``acknowledge_warnings`` alone
    (nor by the ``"*"`` reason, which is not about who signs). Either way nothing changes but
    the audit log."""
    require(actor, Permission.SIGN_OFF)
    reasons = {k: v.strip() for k, v in (reasons or {}).items() if v and v.strip()}
    # The reason for the signer check may come either way; it is the one printed.
    signer_reason = signer_reason.strip() or reasons.get(CheckKind.SIGNER_NOT_CHAIR.value, "")
    if any(len(v) > MAX_REASON for v in [signer_reason, *reasons.values()]):
        raise InvalidInput(f"A reason may hold at most {MAX_REASON} characters.")
    unknown = set(reasons) - {k.value for k in CheckKind} - {"*"}
    if unknown:
        raise InvalidInput(f"No such check: {sorted(unknown)[0]}. The checks are named as sign-off lists them.")
    with ctx.unit_of_work() as uow:
        meeting = _load(uow, reference, for_update=True)
        restriction.check_processing(uow, reference)  # issue 16: Article 18
        if meeting.status.is_locked:
            raise MeetingLocked(f"The minutes of {reference} are already signed off.")
        if read_at:
            uow.meetings.refuse_stale(meeting, read_at)
        at = ctx.now()
        context = check_context(uow, meeting, signing_at=at, signer=actor, signer_reason=signer_reason)
        found = signoff_warnings(meeting, context)
        stopping = [w for w in found if w.blocking]
        if stopping:
            raise SignOffBlocked(
                f"{reference} cannot be signed off: {len(stopping)} check(s) must be met first.",
                [w.message for w in stopping],
            )
        if found and not acknowledge_warnings:
            raise SignOffWarnings(
                f"{len(found)} warning(s) for {reference}: review them, then sign off with "
                "--acknowledge-warnings (and --reason KIND=TEXT for each).",
                [f"{w.message} [{w.kind.value}]" for w in found],
            )
        # A check that needs a reason (the signer is not the recorded chair) is never waved
        # through by acknowledging it: its reason is what the minutes print (issue 15).
        unreasoned = [w for w in found if w.check.needs_reason]
        if unreasoned:
            raise SignOffWarnings(
                f"{reference} needs a reason before it is signed off: give it with "
                "--signer-reason TEXT (or --reason signer_not_chair=TEXT); it is printed on the minutes.",
                [f"{w.message} [{w.kind.value}]" for w in unreasoned],
            )
        if signer_is_chair(meeting, context.signer_names):
            signer_reason = ""  # only printed when someone other than the recorded chair signs
        acknowledged = [AcknowledgedCheck(w.kind.value, w.message, reasons.get(w.kind.value, reasons.get("*", "")))
                        for w in found]
        met = [c.title for c in checks_met(meeting, context)]
        meeting.sign(SignOff(1, actor.label, at, content_hash(meeting), met, acknowledged, signer_reason))
        uow.meetings.save(meeting)
        # What each copy now holds is fixed: one log entry per item and recipient (issue 14).
        sharing_log.record(uow, actor, sharing_log.copies_fixed(meeting, actor, ctx))
        uow.audit.append(
            actor.name,
            "minutes.sign_off",
            f"meeting:{reference}",
            {
                "version": 1,
                "content_hash": meeting.sign_off.content_hash,
                "acknowledged_warnings": sorted({w.kind.value for w in found}),
                "reasons_given": sorted({a.kind for a in acknowledged if a.reason}),
                "signer_reason_given": bool(signer_reason),
            },
        )
        uow.commit()
    return meeting, Changes(meetings=frozenset({meeting.id or 0}), meeting_list=True)


def add_addendum(
    ctx: ServiceContext, actor: User, reference: str, text: str, *,
    sharing: SharingTerms | None = None, sharing_reason: str = "",
) -> tuple[Meeting, Changes]:
    """A numbered, dated addendum to signed-off minutes, in the copies its ``sharing`` terms
    allow. Without terms it is undecided (issue 14): in the full record only until the chair
    chooses (``sharing.set_terms``)."""
    require(actor, Permission.SIGN_OFF)
    if not text.strip():
        raise InvalidInput("An addendum needs some text.")
    if len(text) > MAX_ADDENDUM:
        raise InvalidInput(f"An addendum may hold at most {MAX_ADDENDUM} characters.")
    with ctx.unit_of_work() as uow:
        meeting = _load(uow, reference, for_update=True)
        restriction.check_processing(uow, reference)  # issue 16: Article 18
        if not meeting.status.is_locked:
            raise InvalidInput(
                f"{reference} is not signed off yet: edit the record itself, not an addendum."
            )
        number = max((a.number for a in meeting.addenda), default=0) + 1
        terms_before = sharing_log.terms_of(meeting)
        added = Addendum(number, text, ctx.now(), actor.label, sharing or SharingTerms())
        meeting.addenda.append(added)
        logged = sharing_log.changes(terms_before, meeting, actor, ctx, sharing_reason)
        if added.sharing.is_decided:
            logged += sharing_log.copies_fixed(meeting, actor, ctx, [added])
        uow.meetings.save(meeting)
        sharing_log.record(uow, actor, logged)
        uow.audit.append(
            actor.name,
            "minutes.addendum",
            f"meeting:{reference}",
            {"number": number, "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
             **({"sharing": sharing.to_json()} if sharing is not None else {}),
             **({"sharing_reason": sharing_reason.strip()} if sharing_reason.strip() else {})},
        )
        uow.commit()
    return meeting, Changes(meetings=frozenset({meeting.id or 0}))
