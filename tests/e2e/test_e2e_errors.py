# SPDX-License-Identifier: LicenseRef-Proprietary
"""Bad input through the console script: each a one-line message on stderr, a non-zero exit,
no traceback, and the data folder byte for byte as it was."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import ADMIN_PASSPHRASE, PASSPHRASE
from e2e_support import refused, run, scenario, snapshot
from strategy_meeting import cli
from strategy_meeting.services import exchange, session
from strategy_meeting.store import FAST_TEST_KDF

REF = "SD-2025-0100"


@pytest.fixture
def store(data_dir: Path, tmp_path: Path) -> Path:
    """The template store with the many-agency meeting imported (in process: quicker)."""
    document, _, _ = scenario(REF)
    source = tmp_path / "meeting.json"
    source.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    ctx, chair = session.open_session(data_dir, PASSPHRASE)
    try:
        exchange.import_meeting(ctx, chair, source)
    finally:
        ctx.close()
    return data_dir


def test_bad_commands_leave_the_store_as_it_was(store: Path, tmp_path: Path) -> None:
    far_past, _, _ = scenario("SD-0001-0001", held_at="0001-01-01T00:00:00+00:00")
    far_past_file = tmp_path / "far-past.json"
    far_past_file.write_text(json.dumps(far_past), encoding="utf-8")
    new_passphrase = tmp_path / "new-passphrase"
    new_passphrase.write_text("someone's own passphrase\n", encoding="utf-8")
    cases = [
        # An existing folder as the form's file name.
        (("request-form", REF, "--agency", "CSC", "-o", str(tmp_path)), "is a folder"),
        # Valid RFC 3339, but no meeting was held in year 1 (its minutes could not be dated).
        (("import", str(far_past_file)), "meeting.held_at: must be a date between the years"),
        (("minutes", REF, "--out", str(tmp_path / "m"), "--agency", "yot"), "no agency 'yot' in the agency directory"),
        # A usage error is one line too, not argparse's usage block.
        (("distribute", REF, "--smtp-security", "bogus"), "invalid choice: 'bogus'"),
        # No sender saved and none given: the message names the option that gives one.
        (("distribute", REF, "--smtp-host", "127.0.0.1", "--smtp-security", "none"), "give --smtp-sender"),
    ]
    for args, words in cases:
        before = snapshot(store)
        message = refused(run("--data-dir", str(store), *args, passphrase=PASSPHRASE))
        assert words in message, (args, message)
        assert snapshot(store) == before, args
    assert not (tmp_path / "m").exists()


def test_a_refused_privileged_command_changes_nothing_but_the_audit_log(store: Path, tmp_path: Path) -> None:
    """A chair asking for what only an administrator does is told whom to ask, and the attempt
    is recorded (issue 13): one new audit event, "denied", and nothing else."""
    new_passphrase = tmp_path / "new-passphrase"
    new_passphrase.write_text("someone's own passphrase\n", encoding="utf-8")
    ctx, chair = session.open_session(store, PASSPHRASE)
    with ctx.unit_of_work() as uow:
        events_before = len(uow.audit.events())
    ctx.close()
    message = refused(run("--data-dir", str(store), "user", "add", "someone", "--role", "administrator",
                          "--new-passphrase-file", str(new_passphrase), passphrase=PASSPHRASE))
    assert "Ask an administrator." in message
    ctx, chair = session.open_session(store, PASSPHRASE)
    with ctx.unit_of_work() as uow:
        events = uow.audit.events()
        someone = uow.users.get("someone")
    ctx.close()
    assert someone is None and len(events) == events_before + 1
    assert (events[-1].user, events[-1].action, events[-1].object) == ("chair", "denied", "command:user")


def test_init_with_a_refused_passphrase_makes_no_folder(tmp_path: Path) -> None:
    target = tmp_path / "new-store"
    assert "too short" in refused(run("--data-dir", str(target), "init", "--user", "alex", passphrase="short"))
    assert not target.exists()


def test_users_added_from_the_command_line_act_with_their_own_passphrase(store: Path, tmp_path: Path) -> None:
    new = tmp_path / "new-passphrase"
    new.write_text("the deputy's own passphrase\n", encoding="utf-8")
    admin = ("--data-dir", str(store), "--user", "admin")
    # A local store takes no agency representative's account (issue 13), and says why.
    r = run(*admin, "user", "add", "teacher", "--role", "agency_rep", "--agency", "EDU",
            "--new-passphrase-file", str(new), passphrase=ADMIN_PASSPHRASE)
    assert "request form" in refused(r)
    r = run(*admin, "user", "add", "deputy", "--role", "chair", "--new-passphrase-file", str(new),
            passphrase=ADMIN_PASSPHRASE)
    assert r.returncode == 0 and "deputy" in r.stdout, r.stderr
    r = run("--data-dir", str(store), "--user", "deputy", "export", REF, "-o", str(tmp_path / "x.json"),
            passphrase="the deputy's own passphrase")
    assert r.returncode == 0 and (tmp_path / "x.json").exists(), r.stderr
    r = run("--data-dir", str(store), "export", REF, "-o", str(tmp_path / "y.json"),
            passphrase="the deputy's own passphrase")  # no name: the first account's slot
    assert "give your own user name" in refused(r)
    assert not (tmp_path / "y.json").exists()


def test_a_store_whose_first_user_is_a_chair_can_get_its_administrator(tmp_path: Path) -> None:
    data = tmp_path / "data"
    ctx, _, _ = session.init_store(data, "chair", PASSPHRASE, kdf=FAST_TEST_KDF)
    ctx.close()
    new = tmp_path / "admin-passphrase"
    new.write_text("the administrator's own passphrase\n", encoding="utf-8")
    add = ("--data-dir", str(data), "user", "add", "--new-passphrase-file", str(new), "--role", "administrator")
    r = run(*add, "boss", passphrase=PASSPHRASE)
    assert r.returncode == 0 and "boss" in r.stdout, r.stderr
    # Only the first: from now on the administrator adds users.
    assert "Ask an administrator." in refused(run(*add, "second", passphrase=PASSPHRASE))
    r = run("--data-dir", str(data), "--user", "boss", "user", "list",
            passphrase="the administrator's own passphrase")
    assert r.returncode == 0 and "boss: Administrator" in r.stdout and "second" not in r.stdout


def test_an_unexpected_failure_is_one_line_without_record_text(monkeypatch, capsys) -> None:
    def broken(args):  # stands for any bug below the command line
        raise RuntimeError("Zoë Ångström's address")

    monkeypatch.setattr(cli, "dispatch", broken)
    monkeypatch.delenv(cli.DEBUG_ENV, raising=False)
    assert cli.run(["audit", "verify"]) == 70
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "RuntimeError" in err and "Zoë" not in err
