# SPDX-License-Identifier: LicenseRef-Proprietary
"""The dashboard's records-governance line (issue 16): records past retention and subject
access requests due, for an administrator; nothing for a chair."""

from __future__ import annotations

from datetime import UTC, date, datetime

from builders import sample_meeting
from conftest import ADMIN_PASSPHRASE
from gui_support import make_controller, unlock  # noqa: F401 - fixtures
from strategy_meeting.domain.retention import CountedFrom
from strategy_meeting.domain.roles import Role, User
from strategy_meeting.services import meetings, session, users
from strategy_meeting.services.governance import retention
from strategy_meeting.services.governance import subject_access as sar
from strategy_meeting.gui.widgets.governance_line import describe
from strategy_meeting.services.governance.summary import GovernanceSummary

from conftest import PASSPHRASE


def test_the_line_names_records_due_for_an_administrator_and_is_hidden_for_a_chair(make_controller, data_dir, qtbot,
                                                                                   clock):
    ctx, chair = session.open_session(data_dir, PASSPHRASE, clock=clock)
    try:
        for ref, year in (("SD-2019-0001", 2019), ("SD-2018-0001", 2018)):
            m = sample_meeting(ref)
            m.held_at = datetime(year, 3, 1, 10, tzinfo=UTC)
            meetings.create(ctx, chair, template=m)
        admin = users.resolve(ctx, "admin")
        retention.define_class(ctx, admin, "Two years", 24, CountedFrom.MEETING_DATE, default=True)
        for ref in ("SD-2019-0001", "SD-2018-0001"):
            retention.assign_class(ctx, admin, ref, "Two years")
    finally:
        ctx.close()
    controller = make_controller(data_dir)
    controller.start()
    unlock(qtbot, controller, ADMIN_PASSPHRASE)
    line = controller.main_window.dashboard.governance
    qtbot.waitUntil(lambda: line.summary is not None, timeout=20_000)
    assert line.isVisibleTo(controller.main_window)
    assert line.text() == "2 records past their retention date (oldest due 01 Mar 2020)."
    controller.lock()
    assert line.text() == "" and line.summary is None
    unlock(qtbot, controller, PASSPHRASE)
    dashboard = controller.main_window.dashboard
    qtbot.waitUntil(lambda: dashboard.data is not None, timeout=20_000)
    qtbot.wait(200)
    assert not line.isVisibleTo(controller.main_window)


def test_the_words_for_information_governance():
    s = GovernanceSummary(None, None, 0, 2, date(2026, 12, 1), 1)
    assert describe(s, str) == "2 subject access requests open, next due 01 Dec 2026 (1 overdue)."
    s = GovernanceSummary(0, None, 0, 0, None, 0)
    assert describe(s, str) == "No record is past its retention date. No subject access request open."
