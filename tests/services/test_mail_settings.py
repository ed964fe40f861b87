# SPDX-License-Identifier: LicenseRef-Proprietary
"""The mail server settings' rules live in the services: each bad field gets its own message,
nothing is written on a refusal, only an administrator changes them, and no text at all makes
the validation fail with anything but the app's own error."""

from __future__ import annotations

import socket

import keyring
import pytest
from hypothesis import given
from hypothesis import strategies as st
from keyring.backends import fail

from strategy_meeting.domain.errors import InvalidInput, PermissionDenied
from strategy_meeting.services.distribution import service as distribution_service
from strategy_meeting.services.distribution import mail_settings
from strategy_meeting.services.distribution.smtp import SmtpSecurity, SmtpSettings

SENDER = "minutes@council.example.org"


@pytest.mark.parametrize(("host", "port", "security", "sender", "message"), [
    ("", 587, "starttls", SENDER, "Give the mail server's name"),
    ("smtp://mail.example.org", 587, "starttls", SENDER, "without 'smtp://'"),
    ("mail example.org", 587, "starttls", SENDER, "cannot contain spaces"),
    ("-mail.example.org", 587, "starttls", SENDER, "is not a valid server name"),
    ("mail.example.org", 0, "starttls", SENDER, "is not a port number"),
    ("mail.example.org", 70000, "starttls", SENDER, "is not a port number"),
    ("mail.example.org", 587, "rot13", SENDER, "must be STARTTLS, implicit TLS or none"),
    ("mail.example.org", 587, "starttls", "", "sender address is missing"),
    ("mail.example.org", 587, "starttls", "minutes@", "not a valid e-mail address"),
    ("mail.example.org", 25, "none", SENDER, "only for a test server on this computer"),
    ("10.0.0.5", 25, "none", SENDER, "only for a test server on this computer"),
])
def test_each_bad_field_is_named(host, port, security, sender, message):
    with pytest.raises(InvalidInput, match=message):
        mail_settings.validate_mail_settings(host, port, security, sender)


@pytest.mark.parametrize("host", ["smtp.example.org", "127.0.0.1", "::1", "localhost", "mail-1.nhs.net."])
def test_server_names_and_addresses_are_accepted(host):
    assert mail_settings.validate_mail_settings(f" {host} ", 587, "starttls", SENDER).host == host


@pytest.mark.parametrize(("typed", "kept"), [("[::1]", "::1"), ("[2001:db8::25]", "2001:db8::25"),
                                             ("[127.0.0.1]", "127.0.0.1")])
def test_a_bracketed_address_is_kept_as_one_the_connection_can_use(typed, kept):
    # "[::1]" is how an IPv6 address is written in a URL; the socket layer does not resolve
    # it with the brackets, so a host kept that way could never be connected to.
    settings = mail_settings.validate_mail_settings(typed, 587, "starttls", SENDER)
    assert settings.host == kept
    socket.getaddrinfo(settings.host, 587, type=socket.SOCK_STREAM)  # resolves, no DNS needed


def test_a_bracketed_loopback_address_counts_as_this_computer():
    settings = mail_settings.validate_mail_settings("[::1]", 2525, "none", SENDER)
    assert settings.host == "::1" and settings.security is SmtpSecurity.NONE


def test_no_encryption_is_accepted_for_loopback_only_and_never_with_a_password(ctx, admin):
    settings = mail_settings.validate_mail_settings("127.0.0.1", 2525, SmtpSecurity.NONE, SENDER)
    assert settings.security is SmtpSecurity.NONE
    with pytest.raises(InvalidInput, match="never sent over an unencrypted connection"):
        mail_settings.save_mail_settings(ctx, admin, settings, "a-password-here")


@given(st.text(max_size=80), st.one_of(st.none(), st.integers()), st.text(max_size=12), st.text(max_size=80),
       st.text(max_size=40))
def test_any_input_is_accepted_or_refused_with_a_message(host, port, security, sender, username):
    try:
        settings = mail_settings.validate_mail_settings(host, port, security, sender, username)
    except InvalidInput as refusal:
        assert str(refusal) and "\n" not in str(refusal)
    else:
        assert settings.host and "@" in settings.sender


@pytest.fixture
def no_keyring():  # type: ignore[no-untyped-def]
    """keyring's own "no backend" keyring, as on a headless machine, whatever ran before."""
    original = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(original)


def test_only_an_administrator_changes_them_and_a_refusal_writes_nothing(ctx, admin, chair, no_keyring):
    good = SmtpSettings("smtp.example.org", SENDER, 587, SmtpSecurity.STARTTLS, "svc")
    with pytest.raises(PermissionDenied):
        mail_settings.save_mail_settings(ctx, chair, good)
    with pytest.raises(PermissionDenied):
        distribution_service.save_smtp_password(ctx, chair, "a-password-here")
    # Without a secure keyring a password makes the whole save refused.
    with pytest.raises(InvalidInput, match="No secure system keyring"):
        mail_settings.save_mail_settings(ctx, admin, good, "a-password-here")
    with pytest.raises(InvalidInput, match="No secure system keyring"):
        distribution_service.save_smtp_password(ctx, admin, "a-password-here")
    assert mail_settings.saved_mail_settings(ctx, admin).settings.host == ""
    mail_settings.save_mail_settings(ctx, admin, good)
    saved = mail_settings.saved_mail_settings(ctx, admin)
    assert (saved.settings.host, saved.settings.username, saved.password_saved) == ("smtp.example.org", "svc", False)
    assert not saved.keyring_available and saved.keyring_reason
