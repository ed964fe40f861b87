# SPDX-License-Identifier: LicenseRef-Proprietary
"""show, sharing set and sharing log through the console script (issue 14)."""

from __future__ import annotations

from pathlib import Path

import pytest

from builders import sample_meeting
from conftest import PASSPHRASE
from strategy_meeting.domain.lawful_basis import CONDITIONS, LawfulBasis, Regime
from strategy_meeting.domain.sharing_terms import RestrictionCategory
from strategy_meeting.services import meetings, session
from test_cli_store import run_cli

REF = "SD-2026-0100"


@pytest.fixture
def store(data_dir: Path) -> Path:
    ctx, actor = session.open_session(data_dir, PASSPHRASE)
    meetings.create(ctx, actor, template=sample_meeting())
    ctx.close()
    return data_dir


def cli(store: Path, *args: str):
    return run_cli("--data-dir", str(store), *args, passphrase=PASSPHRASE)


def test_show_names_each_item_with_who_receives_it_and_never_its_text(store):
    r = cli(store, "show", REF)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert "k2\tcontribution from POLICE, History\tSeen by: the chair's record, POLICE (who gave it) and CSC" in lines
    assert "Police intelligence" not in r.stdout  # k2's text stays out of the terminal


def test_sharing_set_changes_terms_and_a_loosening_needs_its_reason(store):
    r = cli(store, "sharing", "set", REF, "k2", "--audience", "CSC", "--category", "police_sensitive",
            "--caveat", "Do not copy", "--lawful-basis-regime", "dpa2018_part3", "--lawful-basis-condition", "2",
            "--lawful-basis-note", "Safeguarding")
    assert r.returncode == 0, r.stderr
    assert r.stdout == "k2: Seen by: the chair's record and POLICE (who gave it)\n"  # no agreement yet
    r = cli(store, "sharing", "set", REF, "k2", "--audience", "CSC,HEALTH")
    assert r.returncode == 2 and "Give the reason" in r.stderr and "Traceback" not in r.stderr
    r = cli(store, "sharing", "set", REF, "k2", "--audience", "CSC,HEALTH", "--category", "police_sensitive",
            "--police-agreement", "DI Example, 20 November", "--reason", "The police agreed.")
    assert r.returncode == 0, r.stderr
    assert "POLICE (who gave it), CSC and HEALTH" in r.stdout
    r = cli(store, "sharing", "set", REF, "k9", "--audience", "all")
    assert r.returncode != 0 and "no item k9" in r.stderr
    r = cli(store, "sharing", "set", REF, "k2", "--audience", "all", "--category", "secret")
    assert r.returncode != 0 and "invalid choice" in r.stderr

    ctx, actor = session.open_session(store, PASSPHRASE)
    try:
        k2 = meetings.get(ctx, actor, REF).contributions[1]
    finally:
        ctx.close()
    assert k2.sharing.categories == {RestrictionCategory.POLICE_SENSITIVE}
    assert k2.sharing.lawful_basis is None  # the second set gave none

    r = cli(store, "sharing", "log", REF)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert len(lines) == 2
    assert "\tchair\tcontribution k2\tTerms changed: CSC, POLICE only -> CSC only; Police-sensitive" in lines[0]
    assert lines[1].endswith("\tThe police agreed.") and "Loosened" in lines[1]


def test_the_lawful_basis_condition_is_chosen_from_its_regimes_list(store):
    r = cli(store, "sharing", "set", REF, "k1", "--audience", "all", "--lawful-basis-regime", "uk_gdpr",
            "--lawful-basis-condition", "9")
    assert r.returncode == 2 and "1 to 4" in r.stderr
    r = cli(store, "sharing", "set", REF, "k1", "--audience", "all", "--lawful-basis-regime", "uk_gdpr",
            "--lawful-basis-condition", "1", "--lawful-basis-note", "s.47")
    assert r.returncode == 0, r.stderr
    ctx, actor = session.open_session(store, PASSPHRASE)
    try:
        basis = meetings.get(ctx, actor, REF).contributions[0].sharing.lawful_basis
    finally:
        ctx.close()
    assert basis == LawfulBasis(Regime.UK_GDPR, CONDITIONS[Regime.UK_GDPR][0], "s.47")
