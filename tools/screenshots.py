# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Screenshots of the main screens, taken offscreen on a store of fictional meetings.

    QT_QPA_PLATFORM=offscreen python tools/screenshots.py [--out docs/screenshots]

Uses the app's demonstration meetings when this build has them (``load_demo``), else a few
fictional meetings made here. Every name below is invented.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from PySide6.QtCore import QSize  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from strategy_meeting.domain.action import Action  # noqa: E402
from strategy_meeting.domain.agency import Agency, AgencyKind  # noqa: E402
from strategy_meeting.domain.contribution import Contribution, Topic  # noqa: E402
from strategy_meeting.domain.decision import Decision, DecisionKind  # noqa: E402
from strategy_meeting.domain.meeting import (  # noqa: E402
    ConcernCategory,
    Meeting,
    MeetingStatus,
    Participant,
    ParticipantStatus,
    Person,
    Referral,
    SubjectChild,
)
from strategy_meeting.domain.roles import Role, User  # noqa: E402
from strategy_meeting.domain.sharing_terms import SharingTerms  # noqa: E402
from strategy_meeting.gui import app as gui_app  # noqa: E402
from strategy_meeting.gui import ops  # noqa: E402
from strategy_meeting.gui.controller import AppController, find_demo_loader  # noqa: E402
from strategy_meeting.services import agencies, backup, meetings, session, users  # noqa: E402
from strategy_meeting.services.context import ServiceContext  # noqa: E402
from strategy_meeting.store import FAST_TEST_KDF  # noqa: E402

PASSPHRASE = "violet kettle orbit sandstone"
ADMIN_PASSPHRASE = "amber lantern quarry meadow"
DIRECTORY = [
    Agency("CSC", "Children's Social Care", AgencyKind.SOCIAL_CARE, "csc@example.org"),
    Agency("POLICE", "Police Child Abuse Investigation Team", AgencyKind.POLICE, "cait@example.org"),
    Agency("HEALTH", "Community Health (School Nursing)", AgencyKind.HEALTH, "health@example.org"),
    Agency("EDU", "Sampletown Primary School", AgencyKind.EDUCATION, "dsl@example.org"),
    Agency("HOUSING", "Sampletown Housing", AgencyKind.HOUSING, "housing@example.org"),
]
CHILDREN = ["Robin Fictional", "Sam Placeholder", "Casey Example", "Jordan Sample", "Alex Demo",
            "Riley Invented", "Morgan Madeup", "Taylor Notreal", "Jamie Pretend", "Avery Imaginary",
            "Charlie Specimen", "Drew Mockup"]
STATUSES = [MeetingStatus.IN_PROGRESS, MeetingStatus.DRAFT, MeetingStatus.SIGNED_OFF, MeetingStatus.CONCLUDED,
            MeetingStatus.DISTRIBUTED, MeetingStatus.DISTRIBUTED, MeetingStatus.SIGNED_OFF,
            MeetingStatus.DISTRIBUTED, MeetingStatus.DISTRIBUTED, MeetingStatus.DISTRIBUTED,
            MeetingStatus.DISTRIBUTED, MeetingStatus.DISTRIBUTED]


def _fictional_meeting(n: int, today: date, now: datetime) -> Meeting:
    held = now.replace(hour=10, minute=0, second=0, microsecond=0) - timedelta(days=n * 6 - 1)
    agencies_here = [Agency(a.code, a.name, a.kind, a.email) for a in DIRECTORY[:4]]
    absent = {1: "POLICE", 4: "HEALTH", 7: "POLICE"}.get(n)
    participants = [
        Participant(a.code, f"{first} {a.code.title()}", ParticipantStatus.APOLOGIES if a.code == absent
                    else ParticipantStatus.ATTENDED, role, True, f"m{i + 1}")
        for i, (a, first, role) in enumerate(zip(agencies_here, ["Alex", "Riley", "Morgan", "Taylor"],
                                                 ["Team Manager (chair)", "Detective Sergeant", "Named Nurse",
                                                  "Designated Safeguarding Lead"], strict=True))
    ]
    return Meeting(
        reference=f"SD-{held.year}-{40 - n:04d}",
        held_at=held,
        chair=Person("Alex Example", "CSC", "Team Manager"),
        referral=Referral(held - timedelta(hours=20), "Fictional referral for the screenshots.", "EDU",
                          [ConcernCategory.PHYSICAL_ABUSE if n % 2 else ConcernCategory.NEGLECT]),
        location="Video call",
        children=[SubjectChild("c1", CHILDREN[n], date_of_birth=date(2016 + n % 6, 5, 14))],
        agencies=agencies_here,
        participants=participants,
        contributions=[
            Contribution("k1", "EDU", Topic.CURRENT_CONCERNS, "Fictional concern seen at school.", SharingTerms.everyone()),
            Contribution("k2", "POLICE", Topic.HISTORY, "Fictional police history.", SharingTerms.only("CSC", "POLICE")),
        ],
        decisions=[Decision("d1", DecisionKind.SECTION47_JOINT, "Joint Section 47 enquiry.", "Fictional rationale.",
                            True, ["k1"])],
        actions=[
            Action("a1", "Arrange a child protection medical.", "HEALTH", today + timedelta(days=n - 3),
                   SharingTerms.everyone(), "Morgan Health"),
            Action("a2", "Speak to the mother's partner under caution.", "POLICE", today + timedelta(days=2 * n - 5),
                   SharingTerms.only("CSC", "POLICE"), "Riley Police"),
            Action("a3", "Visit the child at home.", "CSC", today + timedelta(days=n), SharingTerms.everyone(),
                   "Alex Example"),
        ],
        status=STATUSES[n],
    )


def seed(ctx: ServiceContext, chair: User, admin: User) -> None:
    for agency in DIRECTORY:
        agencies.save_agency(ctx, admin, agency)
    loader = find_demo_loader()
    if loader is not None:
        loader(ctx, chair)
        return
    for n in range(len(CHILDREN)):
        meetings.create(ctx, chair, template=_fictional_meeting(n, ctx.today(), ctx.now()))


def settle(app: QApplication, rounds: int = 8) -> None:
    for _ in range(rounds):
        ops.pool().waitForDone(10_000)
        app.processEvents()


def save(widget: QWidget, out: Path, name: str, app: QApplication) -> None:
    settle(app)
    widget.grab().save(str(out / f"{name}.png"))
    print(f"saved {out / name}.png")


def wizard_shots(app: QApplication, out: Path, tmp: Path) -> None:
    controller = AppController(tmp / "fresh", use_keyring=False)
    controller.show_setup_wizard()
    wizard = controller.wizard
    wizard.resize(QSize(700, 500))
    wizard.next()
    wizard.user_page.name.setText("a.example")
    wizard.user_page.display_name.setText("Alex Example")
    save(wizard, out, "setup-1-user", app)
    wizard.next()
    wizard.passphrase_page.fields.passphrase.setText("violet kettle")
    wizard.passphrase_page.fields.confirm.setText("violet")
    save(wizard, out, "setup-2-passphrase", app)
    # The recovery page, with a made-up key (the real one would come from the store).
    wizard.recovery_key = "ABCD-EFGH-JKLM-NPQR-STUV-WXYZ-2345-6789"
    wizard.recovery_page.initializePage()
    wizard.setStartId(wizard.pageIds()[3])
    wizard.restart()
    save(wizard, out, "setup-3-recovery-key", app)
    wizard.recovery_key = ""
    wizard.close()
    controller.shutdown()


def restore_shot(window: QWidget, backup_file: Path, out: Path, app: QApplication) -> None:
    """File > Restore from backup…, with a backup chosen and its description on show."""
    from strategy_meeting.gui.dialogs.restore_dialog import RestoreDialog

    window.restore_action.trigger()  # type: ignore[attr-defined]
    dialog = next(d for d in window.findChildren(RestoreDialog) if d.isVisible())
    dialog.resize(QSize(800, 390))
    dialog.file.setText(str(backup_file))
    dialog.describe(str(backup_file))
    save(dialog, out, "restore-dialog", app)
    dialog.reject()


def fictional_certificate() -> bytes:
    """A made-up agency encryption certificate (RSA, key encipherment), self-issued here."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    issuer = x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Sampletown Partnership"),
                        x509.NameAttribute(NameOID.COMMON_NAME, "Sampletown Partnership Secure Mail CA")])
    subject = x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Sampletown Primary School"),
                         x509.NameAttribute(NameOID.COMMON_NAME, "Designated Safeguarding Lead")])
    now = datetime.now().astimezone()
    cert = (
        x509.CertificateBuilder().subject_name(subject).issuer_name(issuer).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=30)).not_valid_after(now + timedelta(days=700))
        .add_extension(x509.KeyUsage(digital_signature=False, content_commitment=False, key_encipherment=True,
                                     data_encipherment=False, key_agreement=False, key_cert_sign=False,
                                     crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
        .sign(key, hashes.SHA256())
    )
    return cert.public_bytes(serialization.Encoding.PEM)


def agency_certificate_shot(settings_dialog, controller, out: Path, app: QApplication) -> None:  # type: ignore[no-untyped-def]
    """The agencies page with one agency's encryption certificate imported and selected."""
    page = settings_dialog.page("AgenciesPage")
    if not hasattr(page, "certificate_box"):
        return
    with tempfile.TemporaryDirectory(prefix="sm-cert-") as folder:
        path = Path(folder) / "edu-encryption.pem"
        path.write_bytes(fictional_certificate())
        page.select("EDU")
        page.certificate_box.import_certificate(str(path))
    settings_dialog.tabs.setCurrentIndex(0)
    save(settings_dialog, out, "settings-agency-certificate", app)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    app = gui_app.build_application()
    with tempfile.TemporaryDirectory(prefix="sm-shots-") as tmp_name:
        tmp = Path(tmp_name)
        wizard_shots(app, args.out, tmp)

        data_dir = tmp / "data"
        ctx, chair, _recovery = session.init_store(data_dir, "a.example", PASSPHRASE, Role.CHAIR,
                                                   display_name="Alex Example", kdf=FAST_TEST_KDF)
        admin, _ = users.add_user(ctx, User("setup", Role.ADMINISTRATOR), "admin", Role.ADMINISTRATOR,
                                  ADMIN_PASSPHRASE, display_name="Pat Administrator")
        seed(ctx, chair, admin)
        ctx.close()

        controller = AppController(data_dir, use_keyring=False)
        controller.start()
        window = controller.main_window
        window.resize(QSize(1280, 800))
        save(window, args.out, "unlock", app)

        controller.unlock_panel.passphrase.setText(PASSPHRASE)
        controller.unlock_panel.try_unlock()
        settle(app)
        window.meetings.table.selectRow(0)
        save(window, args.out, "main-window", app)

        window.tabs.setCurrentIndex(1)
        settle(app)  # the tracker loads when first shown
        window.actions_tracker.table.selectRow(0)
        save(window, args.out, "actions-tracker", app)
        dialog = window.actions_tracker.finish_selected()
        if dialog is not None:
            dialog.note.setPlainText("Medical held; report to follow.")
            save(dialog, args.out, "action-mark-done", app)
            dialog.reject()
        window.tabs.setCurrentIndex(0)

        from strategy_meeting.gui.windows import workspace_launcher

        reference = window.meetings.selected_reference()
        if reference and workspace_launcher._workspace_class() is not workspace_launcher.StandInWorkspace:
            # The workspace's own shots come from tools/workspace_screenshots.py; here it is only
            # opened, so that locking below hides it as the app does.
            workspace_launcher.open_workspace(controller.state, reference)
            controller.lock()
        else:
            controller.lock()

        controller.unlock_panel.passphrase.setText(ADMIN_PASSPHRASE)
        controller.unlock_panel.try_unlock()
        settle(app)
        settings_dialog = window.open_settings()
        if settings_dialog is not None:
            settings_dialog.resize(QSize(860, 600))
            save(settings_dialog, args.out, "settings-agencies", app)
            settings_dialog.tabs.setCurrentIndex(1)
            save(settings_dialog, args.out, "settings-users", app)
            titles = [settings_dialog.tabs.tabText(i) for i in range(settings_dialog.tabs.count())]
            settings_dialog.tabs.setCurrentWidget(settings_dialog.page("SecurityPage"))
            save(settings_dialog, args.out, "settings-security", app)
            settings_dialog.tabs.setCurrentWidget(settings_dialog.page("BackupPage"))
            made = backup.create_backup(controller.state.ctx, controller.state.actor)
            settings_dialog.page("BackupPage").load()
            save(settings_dialog, args.out, "settings-backups", app)
            agency_certificate_shot(settings_dialog, controller, args.out, app)
            if "Mail server" in titles:
                mail_page = settings_dialog.page("MailServerPage")
                mail_page.host.setText("smtp.council.example.org")
                mail_page.sender.setText("strategy-minutes@council.example.org")
                mail_page.username.setText("svc-strategy-minutes")
                mail_page.save()
                mail_page.status.setText("Connected to smtp.council.example.org:587, secured with STARTTLS and "
                                         "signed in as svc-strategy-minutes. Nothing was sent.")
                settings_dialog.tabs.setCurrentIndex(titles.index("Mail server"))
                save(settings_dialog, args.out, "settings-mail-server", app)
            settings_dialog.reject()
            restore_shot(window, made.path, args.out, app)
        controller.shutdown()
        window.close()
        settle(app)


if __name__ == "__main__":
    main()
