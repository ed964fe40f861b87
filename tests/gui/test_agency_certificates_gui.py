# SPDX-License-Identifier: LicenseRef-Proprietary
"""Agency certificates in the app: an administrator imports an agency's certificate file in
Settings > Agencies and sees its subject and expiry, a signing-only certificate is refused
with the reason, the certificate can be removed; and the distribution dialog's "encrypted to
each agency's certificate" choice sends copies only each agency's key opens, or nothing when
an agency has no certificate. The file choosers are simulated by passing the path."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services"))

from builders import AGENCIES, sample_meeting, sign_off  # noqa: E402
from recipient_certs import make_recipient  # noqa: E402
from smtp_test_server import SmtpServer  # noqa: E402
from strategy_meeting.domain.agency import Agency  # noqa: E402
from strategy_meeting.gui.app_state import AppState  # noqa: E402
from strategy_meeting.gui.dialogs.distribution_dialog import DistributionDialog  # noqa: E402
from strategy_meeting.gui.dialogs.settings_dialog import SettingsDialog  # noqa: E402
from strategy_meeting.services import agencies, identities, meetings
from strategy_meeting.services.distribution import certificates as agency_certificates
from strategy_meeting.services.distribution import mail_settings
from strategy_meeting.services.distribution.encryption import open_certificate_encrypted_copy  # noqa: E402
from strategy_meeting.services.minutes.service import render_minutes  # noqa: E402
from strategy_meeting.services.distribution.smtp import SmtpSecurity, SmtpSettings  # noqa: E402
from workspace_fixtures import shown_errors, state  # noqa: E402, F401 - fixtures

REF = "SD-2026-0140"


@pytest.fixture
def admin_state(ctx, admin) -> AppState:
    s = AppState(ctx.data_dir)
    s.set_unlocked(ctx, admin)
    return s


def test_import_shows_subject_and_expiry_refuses_a_signing_certificate_and_removes(
        qtbot, admin_state, tmp_path, shown_errors):
    agencies.save_agency(admin_state.ctx, admin_state.actor, Agency("EDU", "Sampletown Primary", None, "dsl@example.org"))
    dialog = SettingsDialog(admin_state)
    qtbot.addWidget(dialog)
    page = dialog.page("AgenciesPage")
    box = page.certificate_box
    assert not box.import_button.isEnabled() and "Select a saved agency" in box.details.text()
    page.table.selectRow(0)
    assert "No certificate" in box.details.text() and not box.remove_button.isEnabled()

    signing_only = tmp_path / "signing.cer"
    signing_only.write_bytes(make_recipient(key_encipherment=False).der)
    assert not box.import_certificate(str(signing_only))
    assert "not for encryption" in shown_errors[-1]

    good = tmp_path / "school.pem"
    good.write_bytes(make_recipient("Sampletown safeguarding").pem)
    assert box.import_certificate(str(good))
    assert page.table.item(0, 4).text() == "Yes"
    assert page.table.selectionModel().selectedRows()[0].row() == 0  # still on the agency
    text = box.details.text()
    assert "CN=Sampletown safeguarding" in text and "Test Agencies CA" in text and "valid until" in text
    assert box.remove_button.isEnabled()

    assert box.remove_certificate()
    assert page.table.item(0, 4).text() == "" and "No certificate" in box.details.text()
    assert len(shown_errors) == 1


def test_the_distribution_dialog_encrypts_to_each_agencys_certificate(qtbot, state, admin, tmp_path, shown_errors):
    meetings.create(state.ctx, state.actor, template=sample_meeting(REF))
    identities.new_self_signed(state.ctx, state.actor)
    sign_off(state.ctx, state.actor, REF)
    render_minutes(state.ctx, state.actor, REF, tmp_path / "signed", sign=True)
    with state.ctx.unit_of_work() as uow:
        signed = {record.recipient: data for record, data in uow.copies.latest_signed(REF)}
    keys = {a.code: make_recipient(f"{a.code} mail") for a in AGENCIES}
    for a in AGENCIES:
        agencies.save_agency(state.ctx, admin, Agency(a.code, a.name, a.kind, a.email))
        if a.code != "EDU":
            agency_certificates.set_agency_certificate(state.ctx, admin, a.code, keys[a.code].der)

    with SmtpServer() as server:
        mail_settings.save_mail_settings(state.ctx, admin, SmtpSettings(
            "127.0.0.1", "minutes@council.example.org", server.port, SmtpSecurity.NONE))
        dialog = DistributionDialog(state, REF)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.protection.setCurrentIndex(dialog.protection.findData("certificate"))
        errors_seen = len(shown_errors)
        dialog.send()
        qtbot.waitUntil(lambda: len(shown_errors) > errors_seen, timeout=60_000)
        assert "No certificate is recorded for EDU" in shown_errors[-1]
        assert server.received == [] and dialog.table_model.rowCount() == 0

        agency_certificates.set_agency_certificate(state.ctx, admin, "EDU", keys["EDU"].der)
        with qtbot.waitSignal(dialog.distributed, timeout=120_000):
            assert dialog.send()
    assert [dialog.table_model.text(r, 4) for r in range(4)] == ["sent"] * 4
    for received in server.received:
        code = next(a.code for a in AGENCIES if a.email == received.recipients[0])
        wrapper = next(p.get_content() for p in received.message.iter_attachments()
                       if p.get_content_type() == "application/pdf")
        assert open_certificate_encrypted_copy(wrapper, keys[code].decrypter()) == signed[code]
