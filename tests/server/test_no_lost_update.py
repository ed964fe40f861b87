# SPDX-License-Identifier: LicenseRef-Proprietary
"""No lost update on the team server (issue 17, part 4): two people on two connections edit
one meeting. A save over a part someone else changed since it was read is refused, naming
them; saves to different parts both stand; a writer waiting on another sees its change; and
sign-off checks the versions and locks the meeting in one transaction."""

from __future__ import annotations

import threading
from dataclasses import replace

import pytest

from strategy_meeting.domain.errors import MeetingChanged, MeetingLocked
from strategy_meeting.domain.roles import Role
from strategy_meeting.services import meetings, signoff
from strategy_meeting.services.meetings import ItemKind

from builders import sample_meeting

REF = "SD-2026-0500"


@pytest.fixture
def two_chairs(team):  # type: ignore[no-untyped-def]
    first, second = team.add("chair_a", Role.CHAIR), team.add("chair_b", Role.CHAIR)
    a, b = team.session(first), team.session(second)
    with a[0].unit_of_work() as uow:
        uow.meetings.save(sample_meeting(REF))
        uow.commit()
    return a, b


def _contribution(meeting, item_id):  # type: ignore[no-untyped-def]
    return next(c for c in meeting.contributions if c.id == item_id)


def test_a_save_over_a_newer_change_is_refused_naming_who_made_it(two_chairs) -> None:  # type: ignore[no-untyped-def]
    (ctx_a, a), (ctx_b, b) = two_chairs
    seen_by_a = meetings.get(ctx_a, a, REF)
    seen_by_b = meetings.get(ctx_b, b, REF)
    k1_a = replace(_contribution(seen_by_a, "k1"), text="A's wording")
    meetings.put_item(ctx_a, a, REF, ItemKind.CONTRIBUTION, k1_a, read_at={"contributions": seen_by_a.versions["contributions"]})
    k1_b = replace(_contribution(seen_by_b, "k1"), text="B's wording")
    with pytest.raises(MeetingChanged, match=a.name) as refused:
        meetings.put_item(ctx_b, b, REF, ItemKind.CONTRIBUTION, k1_b,
                          read_at={"contributions": seen_by_b.versions["contributions"]})
    assert "contributions" in str(refused.value) and "kept" in str(refused.value)
    assert _contribution(meetings.get(ctx_b, b, REF), "k1").text == "A's wording"
    # B reloads and saves their text over what they have now seen: it stands.
    reloaded = meetings.get(ctx_b, b, REF)
    meetings.put_item(ctx_b, b, REF, ItemKind.CONTRIBUTION, k1_b,
                      read_at={"contributions": reloaded.versions["contributions"]})
    assert _contribution(meetings.get(ctx_a, a, REF), "k1").text == "B's wording"


def test_changes_to_different_parts_both_stand(two_chairs) -> None:  # type: ignore[no-untyped-def]
    (ctx_a, a), (ctx_b, b) = two_chairs
    seen_by_a = meetings.get(ctx_a, a, REF)
    seen_by_b = meetings.get(ctx_b, b, REF)
    meetings.put_item(ctx_a, a, REF, ItemKind.CONTRIBUTION, replace(_contribution(seen_by_a, "k1"), text="A"),
                      read_at={"contributions": seen_by_a.versions["contributions"]})
    action = replace(seen_by_b.actions[0], description="B's action")
    meetings.put_item(ctx_b, b, REF, ItemKind.ACTION, action, read_at={"actions": seen_by_b.versions["actions"]})
    final = meetings.get(ctx_a, a, REF)
    assert _contribution(final, "k1").text == "A" and final.actions[0].description == "B's action"
    assert final.versions["contributions"] == seen_by_a.versions["contributions"] + 1
    assert final.versions["actions"] == seen_by_b.versions["actions"] + 1


def test_a_writer_waits_for_the_other_and_keeps_its_change(two_chairs) -> None:  # type: ignore[no-untyped-def]
    """A holds the meeting mid-save; B's save of another contribution waits, then reads A's
    committed change before writing its own: both stand (without the hold, B would rewrite
    the contributions from its older reading)."""
    (ctx_a, a), (ctx_b, b) = two_chairs
    done = threading.Event()
    errors: list[BaseException] = []

    def b_saves() -> None:
        try:
            seen = meetings.get(ctx_b, b, REF)
            meetings.put_item(ctx_b, b, REF, ItemKind.CONTRIBUTION, replace(_contribution(seen, "k2"), text="B"))
        except BaseException as exc:  # noqa: BLE001 - reported by the main thread
            errors.append(exc)
        finally:
            done.set()

    with ctx_a.unit_of_work() as uow:
        held = uow.meetings.get(REF, for_update=True)
        assert held is not None
        thread = threading.Thread(target=b_saves)
        thread.start()
        assert not done.wait(1.0)  # B is held back while A's transaction is open
        _contribution(held, "k1").text = "A"
        uow.meetings.save(held)
        uow.commit()
    thread.join(30)
    assert done.is_set() and not errors, errors
    final = meetings.get(ctx_a, a, REF)
    assert (_contribution(final, "k1").text, _contribution(final, "k2").text) == ("A", "B")


def test_sign_off_checks_the_versions_and_locks_in_one_transaction(two_chairs) -> None:  # type: ignore[no-untyped-def]
    (ctx_a, a), (ctx_b, b) = two_chairs
    reviewed = meetings.get(ctx_b, b, REF)
    meetings.put_item(ctx_a, a, REF, ItemKind.CONTRIBUTION, replace(_contribution(reviewed, "k1"), text="late"))
    with pytest.raises(MeetingChanged, match=a.name):
        signoff.sign_off(ctx_b, b, REF, acknowledge_warnings=True, signer_reason="standing in",
                         read_at=dict(reviewed.versions))
    assert not meetings.get(ctx_b, b, REF).status.is_locked
    fresh = meetings.get(ctx_b, b, REF)
    signed, _ = signoff.sign_off(ctx_b, b, REF, acknowledge_warnings=True, signer_reason="standing in",
                                 read_at=dict(fresh.versions))
    assert signed.status.is_locked
    with pytest.raises(MeetingLocked):
        meetings.put_item(ctx_a, a, REF, ItemKind.CONTRIBUTION, replace(_contribution(fresh, "k1"), text="after"))


def _in_background(call) -> tuple[threading.Thread, threading.Event, list]:  # type: ignore[no-untyped-def]
    done, outcome = threading.Event(), []

    def run() -> None:
        try:
            outcome.append(call())
        except BaseException as exc:  # noqa: BLE001 - reported by the main thread
            outcome.append(exc)
        finally:
            done.set()

    thread = threading.Thread(target=run)
    thread.start()
    return thread, done, outcome


def _held_inside(monkeypatch, module, name):  # type: ignore[no-untyped-def]
    """Patch ``module.name`` so that the transaction calling it stops there (after its read,
    its lock and its checks, before its commit) until ``release`` is set."""
    inside, release = threading.Event(), threading.Event()
    original = getattr(module, name)

    def held(*args, **kwargs):  # type: ignore[no-untyped-def]
        inside.set()
        assert release.wait(30)
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, held)
    return inside, release


def test_a_save_racing_a_sign_off_after_it_is_refused_as_locked(two_chairs, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Sign-off holds the meeting from its version check to its commit: a save that arrives
    meanwhile waits, then finds the minutes signed off (never saved under the signature)."""
    (ctx_a, a), (ctx_b, b) = two_chairs
    reviewed = meetings.get(ctx_b, b, REF)
    k1 = _contribution(meetings.get(ctx_a, a, REF), "k1")
    inside, release = _held_inside(monkeypatch, signoff, "content_hash")
    signing, signed, signed_outcome = _in_background(lambda: signoff.sign_off(
        ctx_b, b, REF, acknowledge_warnings=True, signer_reason="standing in", read_at=dict(reviewed.versions)))
    assert inside.wait(30)  # sign-off has read, locked and checked the meeting
    saving, saved, save_outcome = _in_background(lambda: meetings.put_item(
        ctx_a, a, REF, ItemKind.CONTRIBUTION, replace(k1, text="late"), expected=k1))
    assert not saved.wait(1.0)  # the save waits for the sign-off's transaction
    release.set()
    signing.join(30)
    saving.join(30)
    assert signed.is_set() and not isinstance(signed_outcome[0], BaseException), signed_outcome
    assert isinstance(save_outcome[0], MeetingLocked), save_outcome
    final = meetings.get(ctx_a, a, REF)
    assert final.status.is_locked and _contribution(final, "k1").text == k1.text


def test_a_save_racing_a_sign_off_before_it_refuses_the_sign_off(two_chairs, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A save holding the meeting lands first; the sign-off waiting behind it then reads the
    newer version, not the one its signer reviewed, and signs nothing."""
    (ctx_a, a), (ctx_b, b) = two_chairs
    reviewed = meetings.get(ctx_b, b, REF)
    k1 = _contribution(meetings.get(ctx_a, a, REF), "k1")
    inside, release = _held_inside(monkeypatch, meetings, "validate_meeting")
    saving, saved, save_outcome = _in_background(lambda: meetings.put_item(
        ctx_a, a, REF, ItemKind.CONTRIBUTION, replace(k1, text="landed first"), expected=k1))
    assert inside.wait(30)  # the save has read and locked the meeting
    monkeypatch.undo()  # the sign-off's own checks run unpatched
    signing, signed, signed_outcome = _in_background(lambda: signoff.sign_off(
        ctx_b, b, REF, acknowledge_warnings=True, signer_reason="standing in", read_at=dict(reviewed.versions)))
    assert not signed.wait(1.0)  # the sign-off waits for the save's transaction
    release.set()
    saving.join(30)
    signing.join(30)
    assert saved.is_set() and not isinstance(save_outcome[0], BaseException), save_outcome
    assert isinstance(signed_outcome[0], MeetingChanged) and a.name in str(signed_outcome[0]), signed_outcome
    final = meetings.get(ctx_b, b, REF)
    assert not final.status.is_locked and _contribution(final, "k1").text == "landed first"


def test_a_representatives_edit_over_the_chairs_is_refused_and_their_add_is_not(team) -> None:  # type: ignore[no-untyped-def]
    """A representative's login reads only its agency's copy; the item check works on what it
    reads (their own agency's contribution), names the chair, and never stops an add."""
    ctx_c, chair = team.session(team.add("chair", Role.CHAIR))
    ctx_r, rep = team.session(team.add("edu_rep", Role.AGENCY_REP, agency="EDU"))
    with ctx_c.unit_of_work() as uow:
        uow.meetings.save(sample_meeting(REF))
        uow.commit()
    seen_by_rep = _contribution(meetings.get(ctx_r, rep, REF), "k1")
    seen_by_chair = _contribution(meetings.get(ctx_c, chair, REF), "k1")
    meetings.put_item(ctx_c, chair, REF, ItemKind.CONTRIBUTION, replace(seen_by_chair, text="chair's"),
                      expected=seen_by_chair)
    with pytest.raises(MeetingChanged) as refused:
        meetings.put_item(ctx_r, rep, REF, ItemKind.CONTRIBUTION, replace(seen_by_rep, text="rep's"),
                          expected=seen_by_rep)
    assert refused.value.changed_by == chair.name and refused.value.item_id == "k1"
    theirs = _contribution(meetings.get(ctx_r, rep, REF), "k1")
    assert theirs.text == "chair's"
    meetings.put_item(ctx_r, rep, REF, ItemKind.CONTRIBUTION, replace(seen_by_rep, text="rep's"), expected=theirs)
    meetings.put_item(ctx_r, rep, REF, ItemKind.CONTRIBUTION, replace(seen_by_rep, id="", text="rep's new"),
                      expected=None)
    texts = [c.text for c in meetings.get(ctx_c, chair, REF).contributions]
    assert "rep's" in texts and "rep's new" in texts
