# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""An agency's actions as an iCalendar file, attached to its copy of the minutes.

Agencies without an account see their due dates in their own calendar. The events come from
the agency's copy (``domain.sharing.copy_of``), so they hold nothing that copy withholds, and
only the agency's own open actions with a due date are included: others' actions in one's
calendar are noise, and an action without a date has nowhere to go.

A calendar file is plain text that lands in shared and synchronised calendars, phones and
their notifications, outside the protection of the signed copy (issue 14). So by default each
event says only the meeting's reference, the action's number in the minutes and its due date,
marked ``CLASS:CONFIDENTIAL``: no names and no action text. The administrator may turn the
full text on (the mail setting ``calendar_full_text``) where the agencies' calendars are
trusted with it.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from icalendar import Calendar, Event

from strategy_meeting.domain.action import ActionStatus
from strategy_meeting.domain.meeting import Meeting
from strategy_meeting.domain.sharing import Recipient, copy_of

from ..minutes.wording import action_number

PRODUCT_ID = "-//Strategy Meeting//Actions//EN"
UID_DOMAIN = "strategy-meeting.invalid"


def agency_actions_calendar(meeting: Meeting, agency_code: str, stamp: datetime, *,
                            full_text: bool = False) -> bytes | None:
    """The VCALENDAR for ``agency_code``'s open actions, or None when it has none with a date.

    ``stamp`` (aware) becomes each event's DTSTAMP; UIDs are stable per meeting and action,
    so importing a later file updates the events instead of duplicating them. Without
    ``full_text`` an event holds the reference, the action number and the due date only.
    """
    view = copy_of(meeting, Recipient(agency_code))
    visible = view.meeting
    # The action's number as the minutes print it (A1, A2 ... over the record's order).
    numbers = {id(slot): n for n, slot in enumerate(view.action_slots, start=1)}
    actions = [
        a for a in visible.actions
        if a.owner_agency == agency_code and a.status is ActionStatus.OPEN and a.due is not None
    ]
    if not actions:
        return None
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", f"Actions from strategy discussion {meeting.reference}")
    for action in actions:
        assert action.due is not None
        event = Event()
        event.add("uid", f"{meeting.reference}-{action.id}@{UID_DOMAIN}")
        event.add("dtstamp", stamp)
        event.add("dtstart", action.due)
        event.add("dtend", action.due + timedelta(days=1))
        number = action_number(numbers[id(action)])
        event.add("class", "CONFIDENTIAL")
        if full_text:
            event.add("summary", f"Due: {_one_line(action.description, 120)}")
            lines = [f"Action from strategy discussion {meeting.reference}.", "", action.description, ""]
            owner = action.owner_name + f" ({action.owner_agency})" if action.owner_name else action.owner_agency
            lines.append(f"Owner: {owner}")
        else:
            event.add("summary", f"{meeting.reference} action {number} due")
            lines = [f"Action {number} of strategy discussion {meeting.reference} is due. "
                     "What it is, and who owns it, are in your agency's signed copy of the minutes."]
        event.add("description", "\n".join(lines))
        event.add("transp", "TRANSPARENT")
        event.add("categories", ["Strategy discussion"])
        calendar.add_component(event)
    return calendar.to_ical()


def _one_line(text: str, limit: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "\u2026"
