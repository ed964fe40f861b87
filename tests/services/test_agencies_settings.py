# SPDX-License-Identifier: LicenseRef-Proprietary
"""The agency directory, store settings and the passphrase rule, on a real store."""

from __future__ import annotations

import pytest

from builders import representative
from hypothesis import given, settings as hsettings, strategies as st

from strategy_meeting.domain.agency import Agency, AgencyKind
from strategy_meeting.domain.errors import InvalidInput, NotFound, PermissionDenied
from strategy_meeting.services import agencies, passphrase, settings


def test_administrator_adds_updates_and_removes_agencies(ctx, admin, chair):
    agencies.save_agency(ctx, admin, Agency(" police ", "Police  CAIT", AgencyKind.POLICE, "cait@example.org"))
    agencies.save_agency(ctx, admin, Agency("EDU", "Sampletown Primary", AgencyKind.EDUCATION))
    assert agencies.list_agencies(ctx, chair) == [
        Agency("EDU", "Sampletown Primary", AgencyKind.EDUCATION, ""),
        Agency("POLICE", "Police CAIT", AgencyKind.POLICE, "cait@example.org"),
    ]
    agencies.save_agency(ctx, admin, Agency("EDU", "Sampletown Academy", AgencyKind.EDUCATION, "dsl@example.org"))
    assert agencies.list_agencies(ctx, admin)[0].name == "Sampletown Academy"
    agencies.remove_agency(ctx, admin, "EDU")
    assert [a.code for a in agencies.list_agencies(ctx, admin)] == ["POLICE"]
    with ctx.unit_of_work() as uow:
        assert [e.action for e in uow.audit.events()][-4:] == [
            "agency.add", "agency.add", "agency.update", "agency.remove"]


def test_only_an_administrator_changes_the_directory(ctx, chair):
    with pytest.raises(PermissionDenied):
        agencies.save_agency(ctx, chair, Agency("EDU", "School"))
    assert agencies.list_agencies(ctx, chair) == []


@pytest.mark.parametrize(
    ("agency", "message"),
    [
        (Agency("9X", "Name"), "agency code"),
        (Agency("EDU", "   "), "needs a name"),
        (Agency("EDU", "School", email="not an address"), "e-mail address"),
    ],
)
def test_bad_agencies_are_refused_with_the_field_named(ctx, admin, agency, message):
    with pytest.raises(InvalidInput, match=message):
        agencies.save_agency(ctx, admin, agency)
    assert agencies.list_agencies(ctx, admin) == []


def test_removing_an_unknown_agency_says_so(ctx, admin):
    with pytest.raises(NotFound):
        agencies.remove_agency(ctx, admin, "NOPE")


def test_idle_timeout_defaults_to_five_minutes_and_only_an_administrator_changes_it(ctx, admin, chair):
    assert settings.idle_timeout_minutes(ctx) == 5
    with pytest.raises(PermissionDenied):
        settings.set_idle_timeout_minutes(ctx, chair, 30)
    settings.set_idle_timeout_minutes(ctx, admin, 15)
    assert settings.idle_timeout_minutes(ctx) == 15
    for bad in (0, 121, -5):
        with pytest.raises(InvalidInput, match="between 1 and 120"):
            settings.set_idle_timeout_minutes(ctx, admin, bad)
    assert settings.idle_timeout_minutes(ctx) == 15


def test_a_damaged_timeout_never_switches_auto_lock_off(ctx):
    with ctx.unit_of_work() as uow:
        uow.settings.set(settings.IDLE_TIMEOUT_KEY, 0)
        uow.commit()
    assert settings.idle_timeout_minutes(ctx) == 1
    with ctx.unit_of_work() as uow:
        uow.settings.set(settings.IDLE_TIMEOUT_KEY, "never")
        uow.commit()
    assert settings.idle_timeout_minutes(ctx) == 5


def test_passphrase_assessment():
    assert not passphrase.assess("").acceptable
    assert not passphrase.assess("Tr0ub4!").acceptable  # too short
    assert not passphrase.assess("password1").acceptable
    weak_name = passphrase.assess("alexexample1", personal_words=["alexexample"])
    assert not weak_name.acceptable and weak_name.advice
    strong = passphrase.assess("violet kettle orbit sandstone")
    assert strong.acceptable and strong.label in ("Strong", "Very strong") and strong.advice == ""


@hsettings(max_examples=60, deadline=None)
@given(st.text(max_size=200))
def test_assessment_never_fails_on_any_text(text):
    result = passphrase.assess(text)
    assert 0 <= result.score <= 4 and result.label in passphrase.LABELS
    assert result.acceptable == (len(text) >= passphrase.MIN_LENGTH and result.score >= passphrase.MIN_SCORE)


def test_identity_list_shows_certificates_but_never_private_keys(ctx, admin, chair):
    from strategy_meeting.domain.records import IdentityKind, SigningIdentity
    from strategy_meeting.services import identity_list

    with ctx.unit_of_work() as uow:
        uow.identities.add(SigningIdentity("chair", IdentityKind.SELF_SIGNED, "CN=Alex Example",
                                           b"-----CERT-----", b"ZZLEAK-private-key", b"", "ab" * 32))
        uow.commit()
    listed = identity_list.list_identities(ctx, admin)
    assert [(i.user_name, i.subject, i.active) for i in listed] == [("chair", "CN=Alex Example", True)]
    assert "ZZLEAK" not in repr(listed)

    rep = representative("teacher", "EDU")
    with pytest.raises(PermissionDenied):
        identity_list.list_identities(ctx, rep)
