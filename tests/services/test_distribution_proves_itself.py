# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Issue 14, item 6: distribution that proves itself, on a real store and a loopback SMTP
server. A copy saved to a folder is out only once its hand-over (or acknowledgement) is
recorded; every subject is marked; a later version says what it replaces; the calendar file
says no more than it must; the family's copy is never the app's to send."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar

from builders import sample_meeting
from signed_copy_fixtures import write_signed_set
from smtp_test_server import SmtpServer
from strategy_meeting.domain.errors import InvalidInput, NotFound
from strategy_meeting.domain.meeting import Addendum, MeetingStatus, SignOff
from strategy_meeting.services import meetings
from strategy_meeting.services.distribution import mail_settings
from strategy_meeting.services.distribution import service as distribution_service
from strategy_meeting.services.distribution.rules import attachments_for, plan_distribution
from strategy_meeting.services.distribution.signed_copies import load_signed_copies
from strategy_meeting.services.distribution.smtp import SmtpSecurity, SmtpSettings

REF = "SD-2026-0100"
CODES = ["CSC", "POLICE", "HEALTH", "EDU"]


@pytest.fixture
def signed_off(ctx, chair, tmp_path: Path) -> Path:
    m = sample_meeting(REF)
    m.status = MeetingStatus.SIGNED_OFF
    meetings.create(ctx, chair, template=m)
    folder = tmp_path / "minutes"
    write_signed_set(folder, REF, ["full", *CODES])
    return folder


def _smtp(port: int) -> SmtpSettings:
    return SmtpSettings("127.0.0.1", "minutes@council.example.org", port, SmtpSecurity.NONE)


def test_a_copy_saved_to_a_folder_is_not_out_until_its_hand_over_is_recorded(ctx, admin, signed_off, clock,
                                                                            tmp_path) -> None:
    clock.now = datetime(2026, 11, 20, 16, 0, tzinfo=UTC)  # Friday: due by the end of Monday 23rd
    result, _ = distribution_service.distribute(ctx, admin, REF, copies_dir=signed_off, folder=tmp_path / "out")
    t = result.timeliness
    assert t is not None and sorted(t.saved_for_hand_delivery) == sorted(CODES)
    assert not t.all_on_time and sorted(t.waiting) == sorted(CODES)
    clock.now = datetime(2026, 11, 23, 17, 0, tzinfo=UTC)
    distribution_service.record_hand_over(ctx, admin, REF, "POLICE", on=date(2026, 11, 23),
                                          how="by hand to DS Riley Test at the station")
    distribution_service.record_acknowledgement(ctx, admin, REF, "HEALTH", "Morgan Demo",
                                                on=datetime(2026, 11, 21, 9, 30, tzinfo=UTC), how="reply e-mail")
    clock.now = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
    distribution_service.record_hand_over(ctx, admin, REF, "EDU", on=date(2026, 11, 25), how="posted, recorded")
    t = distribution_service.log_timeliness(ctx, admin, REF)
    by = {a.agency: a for a in t.agencies}
    assert by["POLICE"].on_time and by["HEALTH"].on_time
    assert not by["EDU"].on_time and t.late == ["EDU"]
    assert t.saved_for_hand_delivery == ["CSC"]
    log = {r.recipient: r for r in distribution_service.distribution_log(ctx, admin, REF)}
    assert log["POLICE"].handed_over_how == "by hand to DS Riley Test at the station"
    assert log["HEALTH"].acknowledged_how == "reply e-mail"
    assert all(r.version == 1 for r in log.values())
    # Saved is not out: the meeting is "distributed" only once every copy went out.
    assert meetings.get(ctx, admin, REF).status is MeetingStatus.SIGNED_OFF
    distribution_service.record_hand_over(ctx, admin, REF, "CSC", on=date(2026, 11, 25), how="in person")
    assert meetings.get(ctx, admin, REF).status is MeetingStatus.DISTRIBUTED


def test_a_hand_over_needs_how_a_saved_copy_and_no_future_date(ctx, admin, signed_off, clock, tmp_path) -> None:
    clock.now = datetime(2026, 11, 20, 16, 0, tzinfo=UTC)
    with pytest.raises(NotFound, match="No copy has been saved for hand delivery to POLICE"):
        distribution_service.record_hand_over(ctx, admin, REF, "POLICE", on=date(2026, 11, 20), how="by hand")
    distribution_service.distribute(ctx, admin, REF, copies_dir=signed_off, folder=tmp_path / "out")
    with pytest.raises(InvalidInput, match="Say how"):
        distribution_service.record_hand_over(ctx, admin, REF, "POLICE", on=date(2026, 11, 20), how=" ")
    with pytest.raises(InvalidInput, match="still to come"):
        distribution_service.record_hand_over(ctx, admin, REF, "POLICE", on=date(2026, 11, 24), how="by hand")
    with pytest.raises(InvalidInput, match="before the copy for POLICE was saved"):
        distribution_service.record_hand_over(ctx, admin, REF, "POLICE", on=date(2026, 11, 19), how="by hand")
    # Today, with a date only: taken as now (the copy was saved earlier today), so accepted.
    record, _ = distribution_service.record_hand_over(ctx, admin, REF, "POLICE", on=date(2026, 11, 20),
                                                      how="by hand")
    assert record.handed_over_at == clock.now


def test_the_family_copy_is_refused_by_name_by_either_route(ctx, admin, signed_off, tmp_path) -> None:
    for kwargs in ({"folder": tmp_path / "out"}, {"smtp": _smtp(2525)}):
        with pytest.raises(InvalidInput, match="family's copy is never sent by the app's e-mail"):
            distribution_service.distribute(ctx, admin, REF, copies_dir=signed_off, recipients=["family"], **kwargs)
    with pytest.raises(InvalidInput, match="give it to the family yourself"):
        distribution_service.record_hand_over(ctx, admin, REF, "family", on=date(2026, 11, 20), how="by hand")
    assert distribution_service.distribution_log(ctx, admin, REF) == []


def test_every_subject_is_marked_and_a_later_version_says_what_it_replaces(ctx, chair, admin, clock,
                                                                          tmp_path) -> None:
    m = sample_meeting(REF)
    m.status = MeetingStatus.SIGNED_OFF
    m.sign_off = SignOff(1, "Chair", datetime(2026, 11, 21, 9, 0, tzinfo=UTC), "ab" * 32)
    m.addenda.append(Addendum(1, "The medical moved.", datetime(2026, 11, 23, 10, 0, tzinfo=UTC), "Chair"))
    folder = tmp_path / "v2"
    write_signed_set(folder, REF, ["full", *CODES])
    clock.now = datetime(2026, 11, 23, 11, 0, tzinfo=UTC)
    copies = load_signed_copies(folder, REF)
    plan = plan_distribution(m, copies, [])
    names = [a.file_name for d in plan.deliveries for a in attachments_for(m, d, clock.now)]
    assert "SD-2026-0100_v2_POLICE.pdf" in names and "SD-2026-0100_v2_HEALTH-actions.ics" in names
    meetings.create(ctx, chair, template=sample_meeting(REF))
    first = tmp_path / "v1"
    write_signed_set(first, REF, ["full", *CODES])
    with ctx.unit_of_work() as uow:
        stored = uow.meetings.get(REF)
        stored.status = MeetingStatus.SIGNED_OFF
        stored.sign_off = m.sign_off
        uow.meetings.save(stored)
        uow.commit()
    with SmtpServer() as server:
        distribution_service.distribute(ctx, admin, REF, copies_dir=first, smtp=_smtp(server.port))
    subjects = [r.message["Subject"] for r in server.received]
    assert len(subjects) == 4
    assert all(s.startswith("OFFICIAL-SENSITIVE: ") for s in subjects), subjects
    assert not any("replaces" in s for s in subjects)
    from strategy_meeting.services.distribution.mail import build_message
    from strategy_meeting.services.distribution.rules import replaces_line

    later = build_message(reference=REF, agency=m.agencies[1], sender="a@b.example", attachments=[],
                          encrypted="", sent_at=clock.now, replaces=replaces_line(m))
    assert later["Subject"] == (f"OFFICIAL-SENSITIVE: Strategy discussion {REF}: signed minutes for "
                                f"{m.agencies[1].code}: Version 2, replaces version 1 of 21 November 2026")


def _events(ics: bytes) -> list:
    return [c for c in Calendar.from_ical(ics).walk() if c.name == "VEVENT"]


def test_the_calendar_says_only_reference_number_and_date_unless_full_text_is_on(ctx, admin, signed_off,
                                                                                 clock, tmp_path) -> None:
    m = sample_meeting(REF)
    m.status = MeetingStatus.SIGNED_OFF
    clock.now = datetime(2026, 11, 20, 16, 0, tzinfo=UTC)
    copies = load_signed_copies(signed_off, REF)
    health = next(d for d in plan_distribution(m, copies, []).deliveries if d.agency.code == "HEALTH")
    ics = next(a.data for a in attachments_for(m, health, clock.now) if a.subtype == "calendar")
    (event,) = _events(ics)
    assert str(event["class"]) == "CONFIDENTIAL"
    assert str(event["summary"]) == f"{REF} action A1 due"
    assert event.decoded("dtstart") == date(2026, 11, 21)
    text = ics.decode("utf-8")
    for private in ("Arrange a medical", "Morgan Demo", "Robin", "Fictional"):
        assert private not in text
    # The administrator turns the full text on: the action and its owner are then there.
    assert mail_settings.calendar_full_text(ctx) is False
    mail_settings.set_calendar_full_text(ctx, admin, True)
    assert mail_settings.calendar_full_text(ctx) is True
    full = next(a.data for a in attachments_for(m, health, clock.now, calendar_full_text=True)
                if a.subtype == "calendar")
    (event,) = _events(full)
    assert str(event["class"]) == "CONFIDENTIAL" and "Arrange a medical" in str(event["summary"])
    assert "Morgan Demo" in str(event["description"])


def test_only_an_administrator_turns_the_calendar_text_on(ctx, chair) -> None:
    from strategy_meeting.domain.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        mail_settings.set_calendar_full_text(ctx, chair, True)
    assert mail_settings.calendar_full_text(ctx) is False


def test_the_hand_over_shows_in_the_log_with_version_and_how(ctx, admin, signed_off, clock, tmp_path) -> None:
    clock.now = datetime(2026, 11, 20, 16, 0, tzinfo=UTC)
    distribution_service.distribute(ctx, admin, REF, copies_dir=signed_off, folder=tmp_path / "out")
    clock.now += timedelta(hours=1)
    distribution_service.record_hand_over(ctx, admin, REF, "CSC", on=clock.now - timedelta(minutes=5),
                                          how="in person")
    from strategy_meeting.cli.distribution_commands import log_line

    lines = [log_line(r) for r in distribution_service.distribution_log(ctx, admin, REF)]
    csc = next(line for line in lines if line.startswith("CSC"))
    police = next(line for line in lines if line.startswith("POLICE"))
    assert "v1  folder  saved" in csc and "handed over" in csc and "(in person)" in csc
    assert "saved for hand delivery" in police and "handed over" not in police


def test_a_run_can_be_kept_to_named_agencies(ctx, admin, signed_off, clock, tmp_path) -> None:
    clock.now = datetime(2026, 11, 20, 16, 0, tzinfo=UTC)
    result, _ = distribution_service.distribute(ctx, admin, REF, copies_dir=signed_off, folder=tmp_path / "out",
                                                recipients=["POLICE"])
    assert [r.recipient for r in result.records] == ["POLICE"]
    assert sorted(p.name for p in (tmp_path / "out").glob("*.pdf")) == ["SD-2026-0100_POLICE.pdf"]
    with pytest.raises(InvalidInput, match="NOPE"):
        distribution_service.distribute(ctx, admin, REF, copies_dir=signed_off, folder=tmp_path / "out",
                                        recipients=["NOPE"])
