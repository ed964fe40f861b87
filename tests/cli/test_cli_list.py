# SPDX-License-Identifier: LicenseRef-Proprietary
"""``strategy-meeting list`` and the accent-insensitive search under it (issue 19)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from strategy_meeting import cli
from strategy_meeting.cli import list_commands
from strategy_meeting.domain.listing import MeetingQuery, MeetingStatus
from strategy_meeting.domain.meeting import SubjectChild
from strategy_meeting.domain.roles import Role, User
from strategy_meeting.domain.text_folding import fold
from strategy_meeting.services import meetings
from strategy_meeting.services.meetings import ItemKind

from conftest import PASSPHRASE


def _seed(ctx, chair) -> None:
    for n, (name, held) in enumerate([("Zoë Example", datetime(2026, 11, 2, 10, tzinfo=UTC)),
                                      ("Łucja Nowak", datetime(2026, 11, 9, 10, tzinfo=UTC)),
                                      ("Sam Plain", datetime(2026, 11, 16, 10, tzinfo=UTC))], 1):
        ref = f"SD-2026-{n:04d}"
        meetings.create(ctx, chair, reference=ref, held_at=held)
        meetings.put_item(ctx, chair, ref, ItemKind.CHILD, SubjectChild("", name))


def test_folding_ignores_case_and_accents_in_every_script() -> None:
    assert fold("Zoë") == fold("ZOE") == "zoe"
    assert fold("Łucja") == "lucja" and fold("Ørsted") == "orsted" and fold("Straße") == "strasse"
    assert fold("Nguyễn") == "nguyen" and fold("Άννα") == fold("αννα")
    assert fold("李小龍") == "李小龍" and fold("देवी") == "देवी"  # marks that are vowels are kept


def test_the_store_search_is_accent_insensitive(ctx, chair) -> None:
    _seed(ctx, chair)
    for text, expected in [("Zoe", "SD-2026-0001"), ("zoë", "SD-2026-0001"), ("Lucja", "SD-2026-0002"),
                           ("nowak", "SD-2026-0002"), ("LUCJA NOW", "SD-2026-0002")]:
        rows = meetings.summaries(ctx, chair, meetings.search(ctx, chair, MeetingQuery(text=text)))
        assert [r.reference for r in rows] == [expected], text


def test_list_prints_one_meeting_a_line(ctx, chair, data_dir, monkeypatch, capsys) -> None:
    _seed(ctx, chair)
    meetings.set_status(ctx, chair, "SD-2026-0003", MeetingStatus.CONCLUDED)
    ctx.close()
    monkeypatch.setenv("STRATEGY_MEETING_PASSPHRASE", PASSPHRASE)
    assert cli.run(["list", "--data-dir", str(data_dir)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines == ["SD-2026-0003\t2026-11-16\tconcluded", "SD-2026-0002\t2026-11-09\tin_progress",
                     "SD-2026-0001\t2026-11-02\tin_progress"]
    assert cli.run(["list", "--data-dir", str(data_dir), "--search", "Zoe"]) == 0
    assert capsys.readouterr().out.splitlines() == ["SD-2026-0001\t2026-11-02\tin_progress"]
    assert cli.run(["list", "--data-dir", str(data_dir), "--status", "concluded"]) == 0
    assert [line.split("\t")[0] for line in capsys.readouterr().out.splitlines()] == ["SD-2026-0003"]
    with pytest.raises(SystemExit):
        cli.run(["list", "--data-dir", str(data_dir), "--status", "finished"])
    assert "is not a status" in capsys.readouterr().err


def test_list_keeps_to_the_users_rights(ctx, chair, capsys) -> None:
    _seed(ctx, chair)
    rep = User("rep", Role.AGENCY_REP, "EDU")  # no meeting lists EDU
    args = list_commands.argparse.Namespace(search="", status=[])
    assert list_commands._list(args, ctx, rep) == 0
    assert capsys.readouterr().out == ""
