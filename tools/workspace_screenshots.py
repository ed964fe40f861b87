# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Screenshots of the meeting workspace: every section, the item dialogs, sign-off, addenda and lock.

    QT_QPA_PLATFORM=offscreen python tools/workspace_screenshots.py [--out docs/screenshots]

Builds a throw-away encrypted store in a temporary folder holding one fictional meeting (no
real person's data), opens the workspace on it and saves ``workspace-*.png``; then requests a
contribution form (``request-form-page-1.png`` through poppler's ``pdftoppm``), confirms the
import of a filled one (filled by the tests' PDF-reader stand-in in ``tests/services``), signs
the meeting off and shows the distribution dialog: its password choice (generated passwords), then
its log.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from strategy_meeting.domain.action import Action  # noqa: E402
from strategy_meeting.domain.agency import Agency, AgencyKind  # noqa: E402
from strategy_meeting.domain.contribution import Contribution, ReceivedVia, Topic  # noqa: E402
from strategy_meeting.domain.decision import Decision, DecisionKind, Dissent  # noqa: E402
from strategy_meeting.domain.meeting import (  # noqa: E402
    ConcernCategory,
    HouseholdMember,
    Meeting,
    MeetingFormat,
    NextSteps,
    ParentsInformed,
    Participant,
    ParticipantStatus,
    Person,
    Referral,
    SubjectChild,
)
from strategy_meeting.domain.roles import Role  # noqa: E402
from strategy_meeting.domain.sharing_terms import SharingTerms  # noqa: E402

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
BASIS = "UK GDPR 6(1)(e); DPA 2018 Sch 8 para 4"


def fictional_meeting() -> Meeting:
    """A made-up meeting in the shape of the interchange example: every name is invented."""
    return Meeting(
        reference="SD-2026-0042",
        held_at=datetime(2026, 11, 20, 10, 0, tzinfo=UTC),
        chair=Person("Alex Example", "CSC", "Team Manager"),
        minute_taker=Person("Sam Sample", "CSC", "Business Support"),
        format=MeetingFormat.VIRTUAL,
        location="Video call",
        referral=Referral(datetime(2026, 11, 19, 15, 40, tzinfo=UTC),
                          "Fictional example: a child arrived at school with bruising to the upper arm and said "
                          "an adult at home had grabbed them.", "EDU", [ConcernCategory.PHYSICAL_ABUSE]),
        children=[SubjectChild("c1", "Robin Fictional", date(2018, 5, 14), gender="Female",
                               ethnicity="White British", nhs_number="9990000001",
                               address="1 Example Street, Sampletown", school="Sampletown Primary")],
        household=[
            HouseholdMember("p1", "Jordan Fictional", "Mother", True, "1 Example Street, Sampletown"),
            HouseholdMember("p2", "Casey Placeholder", "Mother's partner", False, "1 Example Street, Sampletown",
                            "Moved in about three months ago."),
        ],
        agencies=[
            Agency("CSC", "Children's Social Care", AgencyKind.SOCIAL_CARE, "csc@example.org"),
            Agency("POLICE", "Police Child Abuse Investigation Team", AgencyKind.POLICE, "cait@example.org"),
            Agency("HEALTH", "Community Health (School Nursing)", AgencyKind.HEALTH, "health@example.org"),
            Agency("EDU", "Sampletown Primary School", AgencyKind.EDUCATION, "dsl@example.org"),
        ],
        participants=[
            Participant("CSC", "Alex Example", ParticipantStatus.ATTENDED, "Team Manager (chair)", True, "m1"),
            Participant("POLICE", "DS Riley Test", ParticipantStatus.ATTENDED, "Detective Sergeant", True, "m2"),
            Participant("HEALTH", "Morgan Demo", ParticipantStatus.ATTENDED, "Named Nurse", True, "m3"),
            Participant("EDU", "Taylor Sample", ParticipantStatus.APOLOGIES, "Designated Safeguarding Lead",
                        False, "m4"),
        ],
        contributions=[
            Contribution("k1", "EDU", Topic.CURRENT_CONCERNS,
                         "Bruising seen at 09:10 on 19 November; the child said the mother's partner grabbed her "
                         "arm when she spilt a drink. Body map completed.", SharingTerms.everyone(),
                         "Taylor Sample", BASIS, ReceivedVia.CONTRIBUTION_FORM, NOW),
            Contribution("k2", "POLICE", Topic.HISTORY,
                         "The mother's partner has a caution for assault (2021). Further intelligence held; "
                         "details restricted to children's social care.", SharingTerms.only("CSC"),
                         "DS Riley Test", BASIS, ReceivedVia.MEETING, NOW),
            Contribution("k3", "HEALTH", Topic.STRENGTHS,
                         "Immunisations up to date; the mother attends appointments and has sought help for the "
                         "child's asthma.", SharingTerms.everyone(family=True), "Morgan Demo", BASIS,
                         ReceivedVia.MEETING, NOW),
            Contribution("k4", "CSC", Topic.CHILD_LIVED_EXPERIENCE,
                         "The child told the teacher she is scared when the partner shouts and likes staying at "
                         "her grandmother's.", SharingTerms.everyone(), "Alex Example", BASIS, ReceivedVia.MEETING,
                         NOW),
            Contribution("k5", "CSC", Topic.RISKS, "Chair's note on the risk of the partner learning of the "
                         "referral before the police interview.", SharingTerms.chair_only(), "Alex Example",
                         BASIS, ReceivedVia.MEETING, NOW),
        ],
        decisions=[
            Decision("d1", DecisionKind.SECTION47_JOINT, "Joint Section 47 enquiry by CSC and police.",
                     "Disclosure of physical harm by an adult in the household, with consistent injury and a "
                     "relevant police history: reasonable cause to suspect significant harm.", True,
                     ["k1", "k2", "k4"]),
            Decision("d2", DecisionKind.MEDICAL_EXAMINATION, "Child protection medical today.",
                     "To document the injury and consider its cause.", True, ["k1"],
                     [Dissent("EDU", "Would prefer the medical after school hours.")]),
        ],
        actions=[
            Action("a1", "Arrange a child protection medical for today.", "HEALTH", date(2026, 11, 20),
                   SharingTerms.everyone(), "Morgan Demo"),
            Action("a2", "Speak to the mother's partner under caution.", "POLICE", date(2026, 11, 21),
                   SharingTerms.only("CSC"), "DS Riley Test"),
            Action("a3", "Visit the child at home and see her bedroom.", "CSC", date(2026, 11, 19),
                   SharingTerms.everyone(), "Alex Example"),
            # No due date yet: the checklist and the sign-off dialog show it as a gap.
            Action("a4", "Tell the school the outcome of the medical.", "CSC", None, SharingTerms.everyone(),
                   "Alex Example"),
        ],
        parents_informed=ParentsInformed(None, "", "",
                                         "Police asked that the partner is not told before the interview."),
        next_steps=NextSteps(date(2026, 12, 11), datetime(2026, 11, 27, 10, 0, tzinfo=UTC)),
    )


def save(widget: QWidget, out: Path, name: str) -> Path:
    QApplication.processEvents()
    path = out / f"workspace-{name}.png"
    widget.grab().save(str(path))
    print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return path


def capture_modal(name: str, out: Path, answer) -> None:  # type: ignore[no-untyped-def]
    """Save the next modal dialog (a static QInputDialog or QMessageBox) once it is shown, then
    let ``answer`` close it. Call just before the code that opens it."""

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or not dialog.isVisible():
            QTimer.singleShot(100, poll)
            return
        QApplication.processEvents()
        save(dialog, out, name)
        answer(dialog)

    QTimer.singleShot(100, poll)


def wait_for(signal, timeout_ms: int = 120_000) -> list:  # type: ignore[no-untyped-def]
    got: list = []
    loop = QEventLoop()
    signal.connect(lambda *args: (got.extend(args), loop.quit()))
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    return got


def forms_and_distribution_shots(ws, ctx, actor, out: Path, tmp: Path) -> None:  # type: ignore[no-untyped-def]
    """Request a contribution form, confirm importing the filled one, then sign off and show
    the distribution dialog with its log (e-mail refused by an absent server, then saved to a
    folder)."""
    import subprocess

    from PySide6.QtWidgets import QMessageBox

    sys.path.insert(0, str(ROOT / "tests" / "services"))
    from form_filling import fill_form, typical_answers  # the tests' PDF-reader stand-in

    from strategy_meeting.services import identities, signoff
    from strategy_meeting.services.distribution import service as distribution_service
    from strategy_meeting.services.minutes.service import render_minutes
    from strategy_meeting.services.distribution.smtp import SmtpSecurity, SmtpSettings

    capture_modal("request-form-dialog", out, lambda dialog: dialog.reject())
    ws.forms.request()
    form = tmp / "SD-2026-0042-EDU-request.pdf"
    ws.forms.request("EDU", form)
    wait_for(ws.formWritten)
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", str(form),
                    str(out / "request-form-page-1")], check=False)
    print(out / "request-form-page-1.png")
    filled = tmp / "SD-2026-0042-EDU-filled.pdf"
    filled.write_bytes(fill_form(form.read_bytes(), typical_answers()))

    def yes(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.button(QMessageBox.StandardButton.Yes).click()

    capture_modal("import-form-confirm", out, yes)
    ws.forms.import_file(filled)
    wait_for(ws.formImported)

    identities.new_self_signed(ctx, actor)
    signoff.sign_off(ctx, actor, ws.reference, acknowledge_warnings=True,
                     signer_reason="The recorded chair is on leave; their deputy signs.")
    render_minutes(ctx, actor, ws.reference, tmp / "signed", sign=True)
    with __import__("socket").socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # nothing listens there: every e-mail fails
    distribution_service.distribute(ctx, actor, ws.reference, smtp=SmtpSettings(
        "127.0.0.1", "minutes@council.example.org", port, SmtpSecurity.NONE))
    # Before anything is delivered: the password choice, one generated password per agency.
    ws.reload()
    dialog = ws.distribute()
    dialog.protection.setCurrentIndex(dialog.protection.findData("password"))
    dialog.passwords_box.generate()
    dialog.resize(1140, 760)
    QApplication.processEvents()
    save(dialog, out, "distribution-dialog-passwords")
    dialog.reject()
    distribution_service.distribute(ctx, actor, ws.reference, folder=tmp / "to-send")
    distribution_service.record_acknowledgement(ctx, actor, ws.reference, "HEALTH", "Morgan Demo")
    ws.reload()
    dialog = ws.distribute()
    dialog.resize(1140, 560)
    QApplication.processEvents()
    save(dialog, out, "distribution-dialog")
    dialog.reject()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(["strategy-meeting"])

    from strategy_meeting.gui import ops
    from strategy_meeting.gui.app_state import AppState

    # A script has no one to press OK: print what an error dialog would have said.
    ops.show_error = lambda _parent, exc: print("error:", exc)
    from strategy_meeting.gui.windows.meeting_workspace import MeetingWorkspace
    from strategy_meeting.services import meetings, session
    from strategy_meeting.services.meetings import ItemKind
    from strategy_meeting.store import FAST_TEST_KDF

    clock = [NOW]  # moved on for the addendum, written the day after sign-off
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        ctx, actor, _recovery = session.init_store(data, "chair", "screenshot passphrase only", Role.CHAIR,
                                                   display_name="Alex Example", kdf=FAST_TEST_KDF,
                                                   clock=lambda: clock[0])
        meeting, _ = meetings.create(ctx, actor, template=fictional_meeting())
        state = AppState(data)
        state.set_unlocked(ctx, actor)
        ws = MeetingWorkspace(state, meeting.reference)
        ws.resize(1280, 800)
        ws.show()
        for n, section in enumerate(ws.section_list, start=1):
            if ws.nav.isRowHidden(n - 1):
                continue  # addenda: listed after sign-off, shot below
            ws.show_section(section.key)
            if section.key in ("contributions", "decisions"):
                section.panel.select_key("k1" if section.key == "contributions" else "d1")  # type: ignore[attr-defined]
            save(ws, args.out, f"{n}-{section.key.replace('_', '-')}")

        ws.show_section("contributions")
        dialog = ws.editing.edit(ItemKind.CONTRIBUTION, meeting.contribution("k2"))
        save(dialog, args.out, "contribution-dialog")
        dialog.reject()
        dialog = ws.editing.edit(ItemKind.DECISION, meeting.decision("d2"))
        save(dialog, args.out, "decision-dialog")
        dialog.reject()
        dialog = ws.editing.edit(ItemKind.ACTION, meeting.action("a2"))
        save(dialog, args.out, "action-dialog")
        dialog.reject()

        # Sign-off, with the action that has no due date as a warning to acknowledge.
        sign_off = ws.sign_off()
        save(sign_off, args.out, "sign-off-dialog")
        sign_off.reject()

        # Draft copies generated in the worker, listed on the copies page, one previewed.
        copies: list = []
        failed: list = []
        loop = QEventLoop()
        ws.minutesGenerated.connect(lambda done: (copies.extend(done), loop.quit()))
        ws.minutesFailed.connect(lambda message: (failed.append(message), loop.quit()))
        if ws.generate_minutes(Path(tmp) / "minutes", sign=False):
            loop.exec()  # an event loop, not a processEvents() spin, while the worker renders
        if copies:
            save(ws, args.out, "9-copies-generated")
            page = ws.sections["copies"]
            page.files.setCurrentRow([c.recipient for c in page.generated].index("HEALTH"))
            preview = ws.preview_copy(page.selected_copy())
            preview.resize(900, 760)
            wait = QEventLoop()
            QTimer.singleShot(2000, wait.quit)  # QPdfView renders pages in the background
            wait.exec()
            save(preview, args.out, "preview")
            preview.reject()
        else:
            print("minutes not generated:", *failed)

        forms_and_distribution_shots(ws, ctx, actor, args.out, Path(tmp))

        # Signed off, then an addendum the next day: the dialog, then the addenda page.
        ws.reload()  # signed off by the distribution shots above
        clock[0] = datetime(2026, 11, 21, 9, 30, tzinfo=UTC)
        addendum = ws.add_addendum()
        if addendum is not None:
            addendum.resize(640, 380)
            addendum.ui.textEdit.setPlainText(
                "DS Riley Police confirmed by phone on 21/11/2026 at 09:15 that the partner has moved out "
                "and is staying with a relative; the joint visit planned for 22/11 goes ahead as agreed.")
            save(addendum, args.out, "addendum-dialog")
            addendum.saveRequested.emit(addendum.text())
            save(ws, args.out, f"{len(ws.section_list)}-addenda")
        else:
            print("error: the addendum dialog did not open")

        state.lock()
        save(ws, args.out, "locked")
        ws.close()
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
