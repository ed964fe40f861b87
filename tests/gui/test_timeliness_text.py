# SPDX-License-Identifier: LicenseRef-Proprietary
"""The distribution dialog's line on the one-working-day rule says which copies were late,
which are still due, and which are overdue: never "late" before the deadline has passed."""

from __future__ import annotations

from datetime import UTC, date, datetime

from strategy_meeting.gui.dialogs.distribution_dialog import describe_timeliness
from strategy_meeting.services.distribution.rules import AgencyTimeliness, Timeliness

DEADLINE = date(2026, 11, 23)
SENT_ON_TIME = AgencyTimeliness("CSC", datetime(2026, 11, 23, 9, 0, tzinfo=UTC), True)
SENT_LATE = AgencyTimeliness("POLICE", datetime(2026, 11, 25, 9, 0, tzinfo=UTC), False)
NOT_SENT = AgencyTimeliness("EDU", None, False)


def test_all_on_time(qapp):
    text = describe_timeliness(Timeliness(DEADLINE, (SENT_ON_TIME,)), date(2026, 11, 30))
    assert text == "All copies went out within one working day (by the end of 23/11/2026)."


def test_a_copy_not_yet_sent_before_the_deadline_is_due_not_late(qapp):
    text = describe_timeliness(Timeliness(DEADLINE, (SENT_ON_TIME, NOT_SENT)), DEADLINE)
    assert text == "Still to go, due by the end of 23/11/2026: EDU."


def test_after_the_deadline_unsent_copies_are_overdue_and_late_ones_named(qapp):
    text = describe_timeliness(Timeliness(DEADLINE, (SENT_ON_TIME, SENT_LATE, NOT_SENT)), date(2026, 11, 24))
    assert "Sent later than one working day (due by the end of 23/11/2026): POLICE." in text
    assert "Not sent, overdue since the end of 23/11/2026: EDU." in text
    assert "CSC" not in text
